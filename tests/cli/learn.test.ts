/**
 * `compare --learn`: a Handmatig code typed on the copy's ICT-categorisatie becomes a rule on the Regels
 * sheet of the next copy, for the lines with the same supplier and account, and every later rebuild
 * honours it.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/cli";
import { sheetsOf, workbookPart } from "../../src/cli/ooxml/ownSheets";
import { writeCellsInSheetXml } from "../../src/cli/ooxml/userCells";
import { Package } from "../../src/cli/ooxml/workbookParts";
import { ACCOUNT, LEARN_LEDGER, SIX, SUPPLIER } from "../model/learn/learnLedger";

let dir: string;
const at = (name: string) => join(dir, name);

async function ledgerWorkbook(file: string, withRules: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ledger = wb.addWorksheet("Grootboek");
  ledger.addRows(LEARN_LEDGER);
  if (withRules) {
    const rules = wb.addWorksheet("Regels");
    rules.addRows([
      ["Patroon", "Veld", "Categorie", "Levering", "Personeel"],
      ["Abonnement maand 6", "omschrijving", "SW.KA", "", ""],
    ]);
  }
  await wb.xlsx.writeFile(file);
}

/**
 * Types `code` in Handmatig on the categorisation row of ledger row `sourceRow`, as a controller in
 * Excel: one cell of the sheet's XML changes, everything else stays (the sheet stays the product's).
 */
async function typeManual(from: string, to: string, sourceRow: number, code: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const sheet = wb.getWorksheet("ICT-categorisatie")!;
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && (row.values as unknown[]).includes("Handmatig")) header = n;
  });
  const names = sheet.getRow(header).values as unknown[];
  let row = 0;
  for (let n = header + 1; n <= sheet.rowCount; n++)
    if (sheet.getRow(n).getCell(names.indexOf("Bronrij")).value === sourceRow) row = n;
  const pkg = new Package(new Uint8Array(readFileSync(from)));
  const part = sheetsOf(pkg, workbookPart(pkg), () => false).find(
    (s) => s.name === "ICT-categorisatie",
  )!.part;
  const cell = { row: row - 1, column: names.indexOf("Handmatig") - 1, value: code };
  pkg.write(part, writeCellsInSheetXml(pkg.read(part)!, [cell]));
  writeFileSync(to, pkg.toBytes());
}

/** Category and rule per ledger row, from a copy's ICT-categorisatie. */
async function categorisation(file: string): Promise<Map<number, { category: string; rule: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet("ICT-categorisatie")!;
  const out = new Map<number, { category: string; rule: string }>();
  let names: unknown[] | null = null;
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    if (!names) {
      if (values.includes("Sleutel")) names = values;
      return;
    }
    const cell = (h: string) => values[names!.indexOf(h)];
    out.set(Number(cell("Bronrij")), { category: String(cell("Categorie")), rule: String(cell("Regel")) });
  });
  return out;
}

async function regels(file: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.getWorksheet("Regels")?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ictcost-learn-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = ["--inhabitants", "10000", "--year", "2022"];

describe("compare --learn", () => {
  test("one Handmatig code, confirmed with --learn -o, applies to the five lines of its supplier and account and survives rebuilds", async () => {
    await ledgerWorkbook(at("gemeente.xlsx"), true);
    expect((await run(["compare", at("gemeente.xlsx"), "-o", at("eerste.xlsx"), ...BASE])).exitCode).toBe(0);
    await typeManual(at("eerste.xlsx"), at("getypt.xlsx"), 2, "IN.ND");

    // Without -o: shown, not written.
    const dry = await run(["compare", at("getypt.xlsx"), "--learn", ...BASE]);
    expect(dry.exitCode).toBe(0);
    expect(dry.stderr).toContain(
      `Grootboek rij 2 → IN.ND voor '${SUPPLIER}' + '${ACCOUNT}': 4 regel(s) (rij 3, 4, 5, 6;`,
    );
    // Row 7 is the controller's own rule (Abonnement maand 6 → SW.KA): reported, not replaced.
    expect(dry.stderr).toContain(
      "CONFLICT rij 7 blijft SW.KA door eigen regel 1: 'Abonnement maand 6' (omschrijving)",
    );
    expect(dry.stderr).toContain("Niet geschreven");

    const learnt = await run([
      "compare",
      at("getypt.xlsx"),
      "--learn",
      "-o",
      at("geleerd.xlsx"),
      ...BASE,
      "--json",
    ]);
    expect(learnt.exitCode).toBe(0);
    expect(learnt.stderr).toContain("1 regel(s) op blad 'Regels' vanaf A3");
    expect(await regels(at("geleerd.xlsx"))).toEqual([
      ["Patroon", "Veld", "Categorie", "Levering", "Personeel", "Grootboekrekening", "Bron"],
      ["Abonnement maand 6", "omschrijving", "SW.KA", "", ""],
      [
        SUPPLIER,
        "leverancier + grootboekrekening",
        "IN.ND",
        undefined,
        undefined,
        ACCOUNT,
        "Grootboek rij 2: Abonnement maand 1",
      ],
    ]);
    const json = JSON.parse(learnt.stdout);
    // --json lists the offer as stderr describes it: the rows it changes, the conflict, written.
    expect(json.learn).toEqual([
      {
        supplier: SUPPLIER,
        account: ACCOUNT,
        category: "IN.ND",
        from: { sheet: "Grootboek", row: 2, description: "Abonnement maand 1" },
        rule: true,
        written: true,
        changes: [3, 4, 5, 6],
        manual: [],
        conflicts: [
          { row: 7, category: "SW.KA", rule: "eigen regel 1: 'Abonnement maand 6' (omschrijving)" },
        ],
        disagreement: null,
      },
    ]);
    // Lines 2–6 (the typed one and four like it) in IN.ND; line 7 kept by the controller's rule.
    expect(json.categories["IN.ND"]).toBeCloseTo(1200 + 1250 + 1300 + 1100 + 1400, 2);

    // A rebuild of the copy, with the Handmatig code still there, and without --learn.
    const rebuilt = await run(["compare", at("geleerd.xlsx"), "-o", at("herbouwd.xlsx"), ...BASE, "--json"]);
    expect(JSON.parse(rebuilt.stdout).categories["IN.ND"]).toBeCloseTo(6250, 2);
    const lines = await categorisation(at("herbouwd.xlsx"));
    for (const row of [3, 4, 5, 6]) {
      expect(lines.get(row)).toEqual({
        category: "IN.ND",
        rule: `eigen regel 2: '${SUPPLIER}' + '${ACCOUNT}' (leverancier + grootboekrekening)`,
      });
    }
    expect(lines.get(7)?.category).toBe("SW.KA");
    expect(lines.get(8)?.category).not.toBe("IN.ND"); // same supplier, other account
    expect(lines.get(9)?.category).not.toBe("IN.ND"); // same account, other supplier

    // Learning again adds no rule (it already holds); the conflict stays reported until the controller acts.
    const again = await run(["compare", at("herbouwd.xlsx"), "--learn", "-o", at("nogmaals.xlsx"), ...BASE]);
    expect(again.stderr).not.toContain("op blad 'Regels'");
    expect(again.stderr).toContain("CONFLICT rij 7 blijft SW.KA");
    expect((await regels(at("nogmaals.xlsx"))).length).toBe(3);
  });

  test("a workbook without a Regels sheet gets one, with the rule and where it came from", async () => {
    await ledgerWorkbook(at("zonder.xlsx"), false);
    await run(["compare", at("zonder.xlsx"), "-o", at("zonder-1.xlsx"), ...BASE]);
    await typeManual(at("zonder-1.xlsx"), at("zonder-2.xlsx"), 4, "IN.ND");
    const learnt = await run([
      "compare",
      at("zonder-2.xlsx"),
      "--learn",
      "-o",
      at("zonder-3.xlsx"),
      ...BASE,
      "--json",
    ]);
    expect(learnt.exitCode).toBe(0);
    expect(learnt.stderr).toContain("op blad 'Regels' (nieuw)");
    expect(JSON.parse(learnt.stdout).categories["IN.ND"]).toBeCloseTo(
      SIX.reduce((s, x) => s + x, 0),
      2,
    );
    expect((await regels(at("zonder-3.xlsx")))[1]).toEqual([
      SUPPLIER.replace("Telecom Noord B.V.", "TELECOM  noord b.v."),
      "leverancier + grootboekrekening",
      "IN.ND",
      undefined,
      undefined,
      ACCOUNT,
      "Grootboek rij 4: Abonnement maand 3",
    ]);
    // The new sheet is the user's: a rebuild keeps it (and its rule).
    const rebuilt = await run(["compare", at("zonder-3.xlsx"), "-o", at("zonder-4.xlsx"), ...BASE, "--json"]);
    expect(JSON.parse(rebuilt.stdout).categories["IN.ND"]).toBeCloseTo(7150, 2);
    expect((await regels(at("zonder-4.xlsx"))).length).toBe(2);
  });
});
