/**
 * LibreOffice as the independent spreadsheet: Debian's soffice converts workbooks to .xlsx with a private
 * profile (never the user's) in which OOXML recalculation on load is forced (OOXMLRecalcMode 0: "always";
 * 1, the default, is "never"), so the values read back are LibreOffice's own. Used by the recalculation
 * tests of the CLI's copy (tests/libreoffice, tests/cli/ooxml).
 */
import { spawnSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";

export const SOFFICE = process.env.SOFFICE ?? "soffice";

const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Fails with what to install when soffice is missing: these tests never skip. */
export function requireSoffice(): void {
  const probe = spawnSync(SOFFICE, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `LibreOffice (soffice) is niet geïnstalleerd of start niet / is not installed or does not start: ` +
        `${probe.error?.message ?? probe.stderr}. Installeer / install: apt-get install libreoffice-calc-nogui`,
    );
  }
}

/** Has LibreOffice open, recalculate and save `files` as .xlsx in `<dir>/lo`; returns that folder. */
export function recalculateWithLibreOffice(dir: string, files: readonly string[], timeoutMs: number): string {
  const profile = join(dir, "lo-profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS_XCU);
  const outdir = join(dir, "lo");
  const convert = spawnSync(
    SOFFICE,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${profile}`,
      "--convert-to",
      "xlsx",
      "--outdir",
      outdir,
      ...files,
    ],
    { encoding: "utf8", timeout: timeoutMs },
  );
  if (convert.status !== 0) {
    throw new Error(`soffice --convert-to failed (${convert.status}): ${convert.stderr}\n${convert.stdout}`);
  }
  return outdir;
}
