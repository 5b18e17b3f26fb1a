/**
 * The real thing: compile the CLI (tsc -p tsconfig.cli.json), run bin/ictcost.js as a user would,
 * and regenerate the example workbook with scripts/make-example.js. Builds once for both.
 */
import { execSync, spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readXlsxFile } from "../../src/cli/xlsx";

const ROOT = join(__dirname, "../..");
const DEV = join(ROOT, "tests/fixtures/cli/ledger-dev.csv");
const EXAMPLE = join(ROOT, "examples/voorbeeldrade.xlsx");
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

const ictcost = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "bin/ictcost.js"), ...args], { cwd: ROOT, encoding: "utf8" });

let dir: string;
beforeAll(() => {
  execSync("npx tsc -p tsconfig.cli.json", { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(join(tmpdir(), "ictcost-e2e-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bin/ictcost.js", () => {
  it("classifies the development ledger to JSON on stdout, exit 0, the file untouched", () => {
    const before = sha(DEV);
    const r = ictcost("classify", DEV, "--json");
    expect(r.status).toBe(0);
    const lines = JSON.parse(r.stdout);
    expect(lines).toHaveLength(74);
    expect(lines.map((l: { row: number }) => l.row)).toEqual(Array.from({ length: 74 }, (_, i) => i + 2));
    expect(r.stderr).toMatch(/74 regels gecategoriseerd/);
    expect(sha(DEV)).toBe(before);
  });

  it("classifies the example workbook's Grootboek sheet", () => {
    const r = ictcost("classify", EXAMPLE, "--sheet", "Grootboek");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d{3} regels gecategoriseerd, \d+ onbekend \(€ [\d.]+\), 0 overgeslagen$/m);
  });

  it("exits 2 with one bilingual line on stderr for a missing file", () => {
    const r = ictcost("classify", join(dir, "weg.csv"));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `ictcost: Bestand niet gevonden: ${join(dir, "weg.csv")} / File not found: ${join(dir, "weg.csv")}\n`,
    );
  });
});

describe("scripts/make-example.js", () => {
  it("regenerates examples/voorbeeldrade.xlsx with the same cell values", () => {
    const out = join(dir, "voorbeeldrade.xlsx");
    execSync(`node scripts/make-example.js "${out}"`, { cwd: ROOT, stdio: "pipe" });
    return Promise.all([readXlsxFile(out), readXlsxFile(EXAMPLE)]).then(([fresh, committed]) => {
      expect(fresh.map((s) => s.name)).toEqual(["Kerngegevens", "Grootboek"]);
      expect(fresh).toEqual(committed);
    });
  });
});
