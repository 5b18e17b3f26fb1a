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

/**
 * A Regels sheet holding a rule of the controller and a learnt one (leverancier + grootboekrekening, with
 * Grootboekrekening and Bron, as --learn and the pane write it): both faces must honour them alike.
 */
async function learntRuleWorkbook(): Promise<string> {
  const sample = sampleMunicipality();
  const lines = sample.ledger.filter((x) => x.year === 2023).slice(0, 150);
  const wb = new ExcelJS.Workbook();
  const kf = wb.addWorksheet("Kerngegevens");
  kf.addRow(["Gemeente", sample.name]);
  kf.addRow(["Boekjaar", 2023]);
  kf.addRow(["Aantal inwoners", sample.keyFigures.find((f) => f.year === 2023)!.inhabitants]);
  const ws = wb.addWorksheet("Grootboek");
  ws.addRow([...SAMPLE_LEDGER_HEADER]);
  for (const l of lines)
    ws.addRow([l.description, l.supplier, l.account, l.costCentre, l.year, l.amount, l.fte ?? null]);
  // The learnt rule holds for the supplier and account that recur most, in other words than the ledger's.
  const count = new Map<string, number>();
  for (const l of lines)
    if (l.supplier)
      count.set(`${l.supplier}\u0000${l.account}`, (count.get(`${l.supplier}\u0000${l.account}`) ?? 0) + 1);
  const [supplier, account] = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0].split("\u0000");
  const rules = wb.addWorksheet("Regels");
  rules.addRows([
    ["Patroon", "Veld", "Categorie", "Levering", "Personeel", "Grootboekrekening", "Bron"],
    ["koffie", "omschrijving", "XX.NI", "", "", "", ""],
    [
      ` ${supplier.toUpperCase()} `,
      "Leverancier+Grootboekrekening",
      "SW.OV",
      "",
      "",
      account.toLowerCase(),
      "Grootboek rij 2: test",
    ],
  ]);
  const path = join(dir, "learnt-rule.xlsx");
  await wb.xlsx.writeFile(path);
  // Not a vacuous fixture: the learnt rule decides lines (and only lines of its supplier and account).
  const decided = (await analyse({ file: path })).lines.filter((l) => /^eigen regel 2:/.test(l.rule));
  expect(decided.length).toBeGreaterThan(1);
  expect(new Set(decided.map((l) => `${l.supplier}|${l.account}`))).toEqual(
    new Set([`${supplier}|${account}`]),
  );
  return path;
}

/**
 * Key figures with the optional context filled (issue 12): project fte per theme, employees and
 * workplaces as label/value pairs, for Zwolle, whose CBS size class both faces must show.
 */
async function contextWorkbook(): Promise<string> {
  const sample = sampleMunicipality();
  const wb = new ExcelJS.Workbook();
  const kf = wb.addWorksheet("Kerngegevens");
  for (const row of CONTEXT_FIGURES) kf.addRow(row);
  const ws = wb.addWorksheet("Grootboek");
  ws.addRow([...SAMPLE_LEDGER_HEADER]);
  for (const l of sample.ledger.filter((x) => x.year === 2023))
    ws.addRow([l.description, l.supplier, l.account, l.costCentre, l.year, l.amount, l.fte ?? null]);
  const path = join(dir, "context.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

const CONTEXT_FIGURES: [string, string | number][] = [
  ["Gemeente", "Zwolle"],
  ["Boekjaar", 2023],
  ["Aantal inwoners", 130_000],
  ["Projecttijd wetgeving (Omgevingswet, Woo, Archiefwet), fte", 2.6],
  ["Projecttijd informatiebeveiliging, fte", 0.65],
  ["Project time digital workplace, fte", 1.3],
  ["Aantal medewerkers (fte/personen)", 1_150],
  ["Aantal werkplekken", 1_300],
];

const FIXTURES: Fixture[] = [
  { name: "a Regels sheet with a learnt rule (supplier + account)", file: learntRuleWorkbook },
  {
    name: "key figures with the optional context filled (project fte, employees, workplaces)",
    file: contextWorkbook,
  },
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
async function throughAddIn(file: string, inhabitants: number | undefined, year: number, snapshot = false) {
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
  // Momentopname after the rebuild, as a controller clicks it: ICT-controle beside the other sheets.
  const snap = snapshot ? await wf.snapshot({ language: "nl" }, choice) : undefined;
  if (snap && !snap.ok) throw new Error(`add-in snapshot: ${snap.error?.en}`);
  const sheets: Record<string, Cells> = {};
  for (const name of [...result.sheets, ...(snap?.sheets ?? [])]) {
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
async function throughCli(file: string, inhabitants: number | undefined, snapshot = false) {
  const out = join(dir, `copy-${Math.random().toString(36).slice(2)}.xlsx`);
  const options = { file, ...(inhabitants ? { inhabitants } : {}), ...(snapshot ? { snapshot } : {}) };
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
      expect(Object.keys(cli.sheets)).toContain("ICT-toelichting");
      // A ledger with Iv3 columns gets the Iv3 tie-out in both faces; one without, in neither.
      const iv3 = /unit4|key2|afas|decade/.test(path);
      expect([path, Object.keys(addIn).includes("Iv3-aansluiting")]).toEqual([path, iv3]);
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
      // The context rows (issue 12) in the add-in, from the user's key-figure cells and CBS's size class.
      if (path.endsWith("context.xlsx")) {
        const byId = (id: string) => {
          const at = ids.find(([, c]) => c.value === id);
          if (!at) throw new Error(`no row ${id}`);
          return Number(at[0].slice(1));
        };
        const laws = byId("project_time_laws_per_100k");
        expect(comparison[`B${laws}`].formula).toBe("'Kerngegevens'!$B$4");
        expect(comparison[`C${laws}`].value).toBeCloseTo(2, 9); // 2.6 fte for 130,000 inhabitants
        expect(comparison[`D${laws}`].value).toBe(1.5);
        expect(comparison[`C${byId("project_time_security_per_100k")}`].value).toBeCloseTo(0.5, 9);
        expect(comparison[`C${byId("project_time_digital_workplace_per_100k")}`].value).toBeCloseTo(1, 9);
        const employee = byId("cost_per_employee");
        const total =
          cli.json.components.software + cli.json.components.personnel + cli.json.components.infrastructure;
        expect(comparison[`C${employee}`].value).toBeCloseTo(total / 1150, 6);
        const size = byId("size_class");
        expect([comparison[`B${size}`].value, comparison[`I${size}`].value]).toEqual([
          "100.000 tot 150.000 inwoners",
          expect.stringMatching(/^CBS, gemeenteklassen 2023/),
        ]);
        expect(comparison[`C${byId("ict_budget_plus_1")}`].value).toBeGreaterThan(0);
      }
      // CBS's figures fill the same cells in both faces: Zwolle had 132,411 inhabitants in 2023.
      if (cli.json.municipality?.includes("Zwolle") && !path.endsWith("context.xlsx")) {
        expect(cli.json.inhabitants).toBe(132_411);
        expect(comparison.B8.value).toBe(132_411);
        // …and the same overhead context: the ICT share of overhead (id in column I) as --json's.
        const share = Object.entries(comparison).find(
          ([a, c]) => /^I\d+$/.test(a) && c.value === "ict_overhead_share",
        );
        expect(comparison[`C${share![0].slice(1)}`].value).toBeCloseTo(
          cli.json.cbs!.overhead!.kpis.ict_overhead_share!,
          9,
        );
      }
    },
    120_000,
  );
});

describe("the audit snapshot: compare -o --snapshot and Momentopname write the same ICT-controle", () => {
  it.each(FIXTURES.filter((f) => /voorbeeldrade|ledger-dev\.csv|key2/.test(f.name)))(
    "$name",
    async ({ file, inhabitants }) => {
      const path = await file();
      const cli = await throughCli(path, inhabitants, true);
      const addIn = await throughAddIn(path, inhabitants, cli.json.year, true);
      expect(Object.keys(addIn).sort()).toEqual(Object.keys(cli.sheets).sort());
      expect(Object.keys(addIn)).toEqual(expect.arrayContaining(["ICT-toelichting", "ICT-controle"]));
      for (const name of ["ICT-toelichting", "ICT-controle"]) {
        expect({ sheet: name, differences: differences(cli.sheets[name], addIn[name]) }).toEqual({
          sheet: name,
          differences: [],
        });
      }
      // Same input, same fingerprint, in both faces.
      const print = (cells: Cells) =>
        Object.values(cells)
          .map((c) => c.value)
          .find((v) => typeof v === "string" && v.startsWith("sha256:"));
      expect(print(cli.sheets["ICT-controle"])).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(print(addIn["ICT-controle"])).toBe(print(cli.sheets["ICT-controle"]));
      expect((cli.json as unknown as { snapshot: { fingerprint: string } }).snapshot.fingerprint).toBe(
        print(addIn["ICT-controle"]),
      );
    },
    120_000,
  );
});
