/**
 * "Live" is a promise: after the comparison is built, the user edits the workbook as a controller does —
 * edits ledger amounts, adds a line to the categorisation by hand, inserts and sorts ledger rows, types
 * Handmatig codes — and every KPI cell on ICT-vergelijking must equal the engine run afresh on the edited
 * workbook, to the cent: at once through Excel's own recalculation where no rebuild is needed, after
 * Categoriseren where lines were added or moved. Never silently another number.
 */
import { createWorkflows } from "../../src/excel/workflows";
import { WorkflowResult } from "../../src/excel/workflow-api";
import { KPI_IDS } from "../../src/model/benchmark";
import { readManualCategories } from "../../src/model/layout";
import { categorise, compareYear, defaultYear, findInputs, PlainWorkbook } from "../../src/model/pipeline";
import { Grid } from "../../src/model/types";
import { createFakeExcel, FakeExcel, setCells, snapshotSheet } from "../fakes/excel-fake";

const nl = { language: "nl" as const };
const USER_SHEETS = ["Kerngegevens", "Grootboek"];

function ok(r: WorkflowResult): WorkflowResult {
  if (!r.ok) throw new Error(`workflow failed: ${r.error?.en ?? r.summary.en}`);
  return r;
}

async function sampleWithComparison() {
  const fake = createFakeExcel({ sheets: ["Blad1"] });
  const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });
  ok(await wf.loadSampleMunicipality(nl));
  ok(await wf.rebuildAll(nl));
  return { fake, wf };
}

/** A sheet of the fake as Range.values would give it (A1-anchored). */
function valuesOf(fake: FakeExcel, name: string): Grid {
  const sheet = fake.workbook.sheetByName(name)!;
  const rect = sheet.usedRect(true)!;
  const grid: Grid = [];
  for (let r = 0; r <= rect.r1; r++) {
    const row: Grid[number] = [];
    for (let c = 0; c <= rect.c1; c++) row.push(fake.evaluator.cellValue(sheet, r, c) ?? "");
    grid.push(row);
  }
  return grid;
}

/** The engine, run afresh on the user's sheets as they are now (manual codes from the categorisation). */
function engineKpis(fake: FakeExcel): Map<string, number | null> {
  const book: PlainWorkbook = {
    sheets: USER_SHEETS.map((name) => ({ name, values: valuesOf(fake, name), firstRow: 0, firstColumn: 0 })),
    tables: [],
  };
  const manual = readManualCategories(valuesOf(fake, "ICT-categorisatie"));
  const inputs = findInputs(book, undefined, manual);
  const comparison = compareYear(categorise(inputs).counted, inputs, defaultYear(inputs), nl);
  return new Map(comparison.kpis.map((k) => [k.id, k.own]));
}

/** The KPI cells of ICT-vergelijking as Excel shows them now (id in column J, own value in C). */
function sheetKpis(fake: FakeExcel): Map<string, unknown> {
  const cells = snapshotSheet(fake, "ICT-vergelijking").cells;
  const out = new Map<string, unknown>();
  for (const [a, c] of Object.entries(cells))
    if (/^J\d+$/.test(a) && KPI_IDS.some((k) => k.id === c.value))
      out.set(String(c.value), cells[`C${a.slice(1)}`]?.value);
  return out;
}

function expectKpisEqualEngine(fake: FakeExcel): void {
  const engine = engineKpis(fake);
  const shown = sheetKpis(fake);
  expect([...shown.keys()].sort()).toEqual(KPI_IDS.map((k) => k.id).sort());
  for (const [id, own] of engine) {
    if (own === null) expect([id, shown.get(id)]).toEqual([id, ""]);
    else expect([id, shown.get(id)]).toEqual([id, expect.closeTo(own, 6)]);
  }
}

/** The Grootboek table's body rows, as values, and the letter of its Bedrag column. */
function ledgerBody(fake: FakeExcel): { rows: unknown[][]; top: number; amount: string } {
  const table = fake.workbook.tables.find((t) => t.name === "Grootboek")!;
  const sheet = fake.workbook.sheetByName("Grootboek")!;
  const header = Array.from({ length: table.rect.c1 + 1 }, (_, c) => sheet.cell(table.rect.r0, c)?.value);
  const amount = String.fromCharCode(65 + header.indexOf("Bedrag"));
  const rows: unknown[][] = [];
  for (let r = table.rect.r0 + 1; r <= table.rect.r1; r++)
    rows.push(Array.from({ length: table.rect.c1 + 1 }, (_, c) => sheet.cell(r, c)?.value ?? ""));
  return { rows, top: table.rect.r0 + 2, amount };
}

describe("live: the comparison follows the user's edits", () => {
  it("an amount edited in the ledger changes every KPI at once, without a rebuild", async () => {
    const { fake } = await sampleWithComparison();
    const { rows, top, amount } = ledgerBody(fake);
    const amountColumn = amount.charCodeAt(0) - 65;
    const before = sheetKpis(fake).get("total_per_inhabitant") as number;
    // A licence line's amount goes up by € 100,000 (the Bedrag column of its row).
    const i = rows.findIndex((r) => /licentie/i.test(String(r[0])) && r[4] === 2023);
    setCells(fake.workbook, "Grootboek", `${amount}${top + i}`, [
      [(rows[i][amountColumn] as number) + 100_000],
    ]);
    expect(sheetKpis(fake).get("total_per_inhabitant")).not.toBeCloseTo(before, 2);
    expectKpisEqualEngine(fake);
  });

  it("a line added to the categorisation by hand below the table is counted at once", async () => {
    const { fake } = await sampleWithComparison();
    const cat = snapshotSheet(fake, "ICT-categorisatie");
    const last = Math.max(...Object.keys(cat.cells).map((a) => Number(a.replace(/^[A-Z]+/, ""))));
    const before = sheetKpis(fake).get("software_per_inhabitant") as number;
    const inhabitants = snapshotSheet(fake, "ICT-vergelijking").cells.B8.value as number;
    // Jaar 2023, Bedrag € 61,000, Definitief SW.BV, Component software (columns F, G, N, O).
    setCells(fake.workbook, "ICT-categorisatie", `F${last + 1}`, [[2023, 61_000]]);
    setCells(fake.workbook, "ICT-categorisatie", `N${last + 1}`, [["SW.BV", "software"]]);
    expect(sheetKpis(fake).get("software_per_inhabitant")).toBeCloseTo(before + 61_000 / inhabitants, 6);
  });

  it("a ledger line inserted and the ledger sorted: never another line's amount; Categoriseren brings every sheet up to date", async () => {
    const { fake, wf } = await sampleWithComparison();
    const { rows, top } = ledgerBody(fake);
    // A Handmatig code the user typed on the first line.
    const firstKey = snapshotSheet(fake, "ICT-categorisatie").cells.B5.value;
    setCells(fake.workbook, "ICT-categorisatie", "M5", [["IN.DC"]]);
    expectKpisEqualEngine(fake);

    // Sorted on description, with one new line: the cells the categorisation refers to hold other lines now.
    const table = fake.workbook.tables.find((t) => t.name === "Grootboek")!;
    const body = [...rows, ["Nieuwe licentie zaaksysteem", "Centric", "4420", "6100", 2023, 16_795, "", ""]];
    body.sort((a, b) => String(b[0]).localeCompare(String(a[0])));
    setCells(fake.workbook, "Grootboek", `A${top}`, body);
    table.rect = { ...table.rect, r1: table.rect.r1 + 1 };
    // Loud, not silent: the moved lines show #N/A, the KPIs go blank (never another line's amount) and the
    // sheet says why, until Categoriseren.
    expect(sheetKpis(fake).get("total_per_inhabitant")).toBe("");
    expect(snapshotSheet(fake, "ICT-vergelijking").cells.A5.value).toMatch(
      /^VEROUDERD: .* klik Categoriseren\.$/,
    );

    // Categoriseren alone: the comparison is rewritten in the same run and counts the new line.
    const r = ok(await wf.categorise(nl));
    expect(r.sheets.sort()).toEqual([
      "ICT-categorisatie",
      "ICT-toelichting",
      "ICT-trend",
      "ICT-vergelijking",
    ]);
    expectKpisEqualEngine(fake);
    expect(snapshotSheet(fake, "ICT-vergelijking").cells.A5?.value ?? "").toBe("");
    // The Handmatig code stayed with its line.
    const cat = snapshotSheet(fake, "ICT-categorisatie").cells;
    const row = Object.entries(cat)
      .find(([a, c]) => /^B\d+$/.test(a) && c.value === firstKey)![0]
      .slice(1);
    expect(cat[`M${row}`].value).toBe("IN.DC");
    // And editing an amount after that is followed again.
    const after = ledgerBody(fake);
    const i = after.rows.findIndex((x) => x[0] === "Nieuwe licentie zaaksysteem");
    setCells(fake.workbook, "Grootboek", `${after.amount}${after.top + i}`, [[20_000]]);
    expectKpisEqualEngine(fake);
  });

  it("every comparison comes with its reconciliation, the review list and no silent loss", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });
    ok(await wf.loadSampleMunicipality(nl));
    const r = ok(await wf.rebuildAll(nl));
    // Every ledger line read, with the sum, per year and where the year came from.
    expect(r.reconciliation!.status).toBe("ok");
    const text = r.reconciliation!.lines.map((l) => l.nl).join("\n");
    expect(text).toMatch(/Gelezen: 451 regels, samen € [\d.]+,\d\d/);
    expect(text).toMatch(/2023: \d+ regels, .*jaar uit: boekjaar/);
    // The same text stands below the comparison on the sheet.
    const cells = Object.values(snapshotSheet(fake, "ICT-vergelijking").cells).map((c) => String(c.value));
    expect(cells).toContain("Aansluiting met het grootboek");
    expect(cells.some((v) => /^Gelezen: 451 regels/.test(v))).toBe(true);
    // The review list: at most five lines, highest amount × uncertainty first.
    const priority = r.review!.map((l) => Math.abs(l.amount) * (1 - l.confidence));
    expect(priority.length).toBeGreaterThan(0);
    expect(priority.length).toBeLessThanOrEqual(5);
    expect(priority).toEqual([...priority].sort((a, b) => b - a));
  });
});
