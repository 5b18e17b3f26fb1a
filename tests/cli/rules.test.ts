import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ClassifiedJson } from "../../src/cli/commands";
import { run } from "../../src/cli/cli";

let dir: string;
let file: string;

/** A workbook as a controller keeps it: a ledger, and a Regels sheet with one good and one broken rule. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ictcost-rules-"));
  file = join(dir, "gemeente.xlsx");
  const wb = new ExcelJS.Workbook();
  const ledger = wb.addWorksheet("Grootboek");
  ledger.addRows([
    ["Omschrijving", "Leverancier", "Bedrag"],
    ["Diverse kleine aanschaffen", "Bol.com zakelijk", 1236.45],
    ["Decos JOIN zaaksysteem licentie", "Decos", 47250],
  ]);
  const rules = wb.addWorksheet("Regels");
  rules.addRows([
    ["Patroon", "Veld", "Categorie", "Levering", "Personeel"],
    ["Bol.com*", "leverancier", "IN.WP", "", ""],
    ["koffie", "omschrijving", "GEEN.CODE", "", ""],
  ]);
  await wb.xlsx.writeFile(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the user's Regels sheet", () => {
  it("wins over the built-in rules in classify, and a broken rule is reported with its row", async () => {
    const result = await run(["classify", file, "--json"]);
    expect(result.exitCode).toBe(0);
    const lines: ClassifiedJson[] = JSON.parse(result.stdout);
    expect(lines[0]).toMatchObject({ description: "Diverse kleine aanschaffen", category: "IN.WP" });
    expect(lines[0].rule).toMatch(/eigen regel/);
    // Lines no user rule matches keep the built-in answer.
    expect(lines[1].category).toBe("SW.ZS");
    expect(result.stderr).toMatch(/Regels.*Rij 3.*GEEN\.CODE/);
  });

  it("counts in compare: the line is no longer unclassified", async () => {
    const result = await run(["compare", file, "--json", "--inhabitants", "10000", "--year", "2022"]);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.lines.unclassified).toBe(0);
    expect(json.categories["IN.WP"]).toBeCloseTo(1236.45, 2);
  });
});
