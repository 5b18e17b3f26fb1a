import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

/** shared/ sits beside the repository (CI clones the repo with a copy of shared/ next to it). */
const shared = path.resolve(__dirname, "../../../shared");
const xsd = path.join(shared, "schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");
const repo = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(repo, "manifest.xml"), "utf8");

function xmllint(file: string) {
  const run = spawnSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8" });
  if (run.error) throw run.error; // xmllint not installed (Debian: libxml2-utils)
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

function lintText(xml: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  try {
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, xml);
    return xmllint(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("manifest.xml against the Office add-in XSDs (xmllint, offline)", () => {
  test("the schemas are where CI puts them", () => {
    expect(fs.existsSync(xsd)).toBe(true);
  });

  test("manifest.xml is valid", () => {
    const result = xmllint(path.join(repo, "manifest.xml"));
    expect(result.output).toContain("validates");
    expect(result.ok).toBe(true);
  });

  const broken: [string, (xml: string) => string][] = [
    ["Permissions removed", (x) => x.replace("<Permissions>ReadWriteDocument</Permissions>", "")],
    [
      "Permissions before DefaultSettings (wrong order)",
      (x) =>
        x
          .replace("  <Permissions>ReadWriteDocument</Permissions>\n", "")
          .replace("<DefaultSettings>", "<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>"),
    ],
    ["an unknown Runtime lifetime", (x) => x.replace('lifetime="long"', 'lifetime="forever"')],
    [
      "a resource id longer than 32 characters",
      (x) => x.split('"Tab.Label"').join('"Tab.Label.Of.The.ICT.Benchmark.Ribbon"'),
    ],
    ["Page missing in the CustomFunctions extension point", (x) => x.replace(/<Page>[\s\S]*?<\/Page>/, "")],
  ];

  test.each(broken)("rejects a manifest with %s", (_what, mutate) => {
    const xml = mutate(manifest);
    expect(xml).not.toBe(manifest);
    expect(lintText(xml).ok).toBe(false);
  });
});
