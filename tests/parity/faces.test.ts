/**
 * One pipeline, two faces: every workbook fixture goes through the CLI (`compare -o`, read back with
 * ExcelJS) and through the add-in (rebuildAll on the Excel fake, loaded with the same cells and tables),
 * and the report sheets both write must be equal, cell for cell: the same names, the same cells, the
 * same formulas, the same values (the CLI's cached results against the fake's recalculation, to the
 * cent), and the KPIs of `compare --json` equal to the add-in's KPI cells.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { analyse, compareCommand } from "../../src/cli/compare";
import { CompareJson } from "../../src/cli/compareOutput";
import { readInputFile } from "../../src/cli/input";
import { plainValue } from "../cli/exceljs-reader";
import { createWorkflows } from "../../src/excel/workflows";
import { cell } from "../../src/model/layout/a1";
import { SAMPLE_LEDGER_HEADER, sampleMunicipality } from "../../src/model/sample";
import { addTable, createFakeExcel, setCells, snapshotSheet } from "../fakes/excel-fake";

const ROOT = join(__dirname, "../..");
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-parity-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Cell {
  value: string | number | boolean;
  formula?: string;
}
type Cells = Record<string, Cell>;

interface Fixture {
  name: string;
  file: () => Promise<string>;
  inhabitants?: number;
}

/** A workbook whose ledger is an Excel table on a sheet with a title, and key figures as a year table. */
async function tableWorkbook(): Promise<string> {
  const sample = sampleMunicipality();
  const wb = new ExcelJS.Workbook();
  const kf = wb.addWorksheet("Kerngegevens");
  kf.addRow(["Gemeente", sample.name]);
  kf.addRow([]);
  kf.addRow(["Boekjaar", "Aantal inwoners", "Totale begroting"]);
  for (const f of sample.keyFigures) kf.addRow([f.year, f.inhabitants, f.budget]);
  const ws = wb.addWorksheet("Export");
  ws.getCell("A1").value = "Grootboekexport";
  ws.addTable({
    name: "Grootboek_ICT",
    ref: "B3",
    headerRow: true,
    columns: ["Omschrijving", "Leverancier", "Grootboekrekening", "Boekjaar", "Bedrag"].map((name) => ({
      name,
    })),
    rows: sample.ledger.slice(0, 120).map((l) => [l.description, l.supplier, l.account, l.year, l.amount]),
  });
  const path = join(dir, "table.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

/** The CLI benchmark's big-ledger input (scripts/bench/big-ledger.js), at a size a test can afford. */
async function bigLedger(lines: number): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { writeBigLedger } = require("../../scripts/bench/big-ledger.js");
  const path = join(dir, "big-ledger.xlsx");
  await writeBigLedger({ ExcelJS, sample: sampleMunicipality(), header: SAMPLE_LEDGER_HEADER, lines, path });
  return path;
}

/** Key figures that hold only "Gemeente Zwolle" and "Boekjaar 2023": CBS fills the rest (issue 17). */
async function cbsWorkbook(): Promise<string> {
  const sample = sampleMunicipality();
  const wb = new ExcelJS.Workbook();
  const kf = wb.addWorksheet("Kerngegevens");
  kf.addRow(["Gemeente", "Gemeente Zwolle"]);
  kf.addRow(["Boekjaar", 2023]);
  const ws = wb.addWorksheet("Grootboek");
  ws.addRow([...SAMPLE_LEDGER_HEADER]);
  for (const l of sample.ledger.filter((x) => x.year === 2023))
    ws.addRow([l.description, l.supplier, l.account, l.costCentre, l.year, l.amount, l.fte ?? null]);
  const path = join(dir, "zwolle.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

const FIXTURES: Fixture[] = [
  { name: "key figures with only a municipality name (CBS fills inhabitants and budget)", file: cbsWorkbook },
  {
    name: "the sample municipality (examples/voorbeeldrade.xlsx)",
    file: async () => join(ROOT, "examples/voorbeeldrade.xlsx"),
  },
  { name: "a ledger in an Excel table", file: tableWorkbook },
  {
    name: "ledger-dev.csv",
    file: async () => join(ROOT, "tests/fixtures/ledger-dev.csv"),
    inhabitants: 61_000,
  },
  {
    name: "ledger-holdout.csv",
    file: async () => join(ROOT, "tests/fixtures/ledger-holdout.csv"),
    inhabitants: 25_000,
  },
  { name: "the big-ledger bench input (5,000 lines)", file: () => bigLedger(5_000) },
  // Real export shapes (tests/fixtures/exports, docs/exports.md): Debet/Credit, subtotals, a sheet per year.
  ...[
    "unit4-grootboekkaart.xlsx",
    "exact-mutaties.csv",
    "key2-per-jaar.xlsx",
    "afas-mutaties.csv",
    "decade-saldo.xlsx",
  ].map((f) => ({
    name: `export ${f}`,
    file: async () => join(ROOT, "tests/fixtures/exports", f),
    inhabitants: 30_000,
  })),
];

const asTyped = (v: unknown) => (typeof v === "string" && v !== "" ? `'${v}` : v);

/** The add-in on the fake, loaded with the same sheets, cells and tables the CLI read from the file. */
/**
 * The add-in, given the same inputs as the CLI: `inhabitants` typed in the pane for the comparison year,
 * as `--inhabitants` is for the CLI.
 */
async function throughAddIn(file: string, inhabitants: number | undefined, year: number) {
  const book = await readInputFile(file);
  const fake = createFakeExcel({ sheets: [] });
  for (const s of book.sheets) {
    // A CSV file becomes a sheet named after the file, as in the CLI's copy.
    const name = s.name;
    if (s.grid.length === 0) fake.workbook.addSheet(name);
    // Text stays text, as in the user's file (Excel would parse "-4.790,00" typed into a cell).
    else
      setCells(
        fake.workbook,
        name,
        cell(s.firstColumn, s.firstRow),
        s.grid.map((r) => r.map(asTyped)),
      );
  }
  for (const t of book.tables) {
    const address = `${cell(t.firstColumn + 1, t.firstRow + 1)}:${cell(t.firstColumn + t.values[0].length, t.firstRow + t.values.length)}`;
    addTable(fake.workbook, t.sheet, address, t.name);
  }
  const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });
  const choice = inhabitants === undefined ? undefined : { keyFigures: [{ year, inhabitants }] };
  const result = await wf.rebuildAll({ language: "nl" }, choice);
  if (!result.ok) throw new Error(`add-in: ${result.error?.en}`);
  const sheets: Record<string, Cells> = {};
  for (const name of result.sheets) {
    const cells: Cells = {};
    for (const [a, c] of Object.entries(snapshotSheet(fake, name).cells)) {
      if (c.value === "" && !c.formula) continue;
      cells[a] = c.formula ? { value: c.value, formula: c.formula.replace(/^=/, "") } : { value: c.value };
    }
    sheets[name] = cells;
  }
  return sheets;
}

/** The CLI: compare -o, the copy read back (formulas with their cached results), and --json. */
async function throughCli(file: string, inhabitants: number | undefined) {
  const out = join(dir, `copy-${Math.random().toString(36).slice(2)}.xlsx`);
  const options = { file, ...(inhabitants ? { inhabitants } : {}) };
  const written = await compareCommand({ ...options, out });
  const json = JSON.parse((await compareCommand({ ...options, json: true })).stdout) as CompareJson;

  expect(written.stderr).toContain("Geschreven");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const sheets: Record<string, Cells> = {};
  const layouts = (await analyse(options)).layouts;
  for (const name of layouts.map((l) => l.name)) {
    // Where the add-in draws a chart, the CLI's copy has a note (ExcelJS writes no charts): not compared.
    const chartNotes = new Set(
      layouts.find((l) => l.name === name)!.charts.map((ch) => ch.from.replace(/\$/g, "")),
    );
    const cells: Cells = {};
    wb.getWorksheet(name)!.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as ExcelJS.CellValue;
        // `cell.formula` also spells out a shared formula's child (the copy shares repeated column formulas).
        const formula = c.type === ExcelJS.ValueType.Formula ? c.formula : undefined;
        // ExcelJS drops a cached result of 0 from `value`: `result` has it (see the CLI's notes).
        const value = formula !== undefined ? ((c.result as Cell["value"]) ?? "") : plainValue(v);
        if ((value === "" && formula === undefined) || chartNotes.has(c.address)) return;
        cells[c.address] =
          formula !== undefined ? { value: value as Cell["value"], formula } : { value: value! };
      }),
    );
    sheets[name] = cells;
  }
  return { sheets, json };
}

/** The differences between the two faces' cells, at most `max`, as readable lines. */
function differences(cli: Cells, addIn: Cells, max = 10): string[] {
  const out: string[] = [];
  for (const a of new Set([...Object.keys(cli), ...Object.keys(addIn)])) {
    const x = cli[a];
    const y = addIn[a];
    const same =
      x !== undefined &&
      y !== undefined &&
      x.formula === y.formula &&
      (typeof x.value === "number" && typeof y.value === "number"
        ? Math.abs(x.value - y.value) < 0.005
        : x.value === y.value);
    if (!same) out.push(`${a}: CLI ${JSON.stringify(x)} ≠ add-in ${JSON.stringify(y)}`);
    if (out.length >= max) break;
  }
  return out;
}

describe("one pipeline, two faces: the CLI's copy and the add-in's sheets are equal cell for cell", () => {
  it.each(FIXTURES)(
    "$name",
    async ({ file, inhabitants }) => {
      const path = await file();
      const cli = await throughCli(path, inhabitants);
      const addIn = await throughAddIn(path, inhabitants, cli.json.year);
      expect(Object.keys(addIn).sort()).toEqual(Object.keys(cli.sheets).sort());
      for (const name of Object.keys(cli.sheets)) {
        expect(Object.keys(cli.sheets[name]).length).toBeGreaterThan(10);
        expect({ sheet: name, differences: differences(cli.sheets[name], addIn[name]) }).toEqual({
          sheet: name,
          differences: [],
        });
      }
      // Every KPI of `compare --json` is the add-in's KPI cell (its id in column J, its own value in C).
      const comparison = addIn["ICT-vergelijking"];
      const ids = Object.entries(comparison).filter(
        ([a, c]) => /^J\d+$/.test(a) && typeof c.value === "string",
      );
      let checked = 0;
      for (const [a, c] of ids) {
        const kpi = cli.json.kpis[c.value as string];
        if (!kpi || kpi.own === null) continue;
        const own = comparison[`C${a.slice(1)}`]?.value;
        expect([c.value, own]).toEqual([c.value, expect.closeTo(kpi.own, 6)]);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(4);
      // CBS's figures fill the same cells in both faces: Zwolle had 132,411 inhabitants in 2023.
      if (cli.json.municipality?.includes("Zwolle")) {
        expect(cli.json.inhabitants).toBe(132_411);
        expect(comparison.B8.value).toBe(132_411);
      }
    },
    120_000,
  );
});
