/**
 * Workbooks on the Excel fake for the no-data-loss and big/odd-workbook tests (issue 7, parts 2 and 6):
 * a small ledger a controller could have typed, snapshots of every sheet, and the workflow commands by name.
 */
import { createWorkflows } from "../../src/excel/workflows";
import { readOwnedSheets } from "../../src/excel/ownership";
import { Workflows, WorkflowResult } from "../../src/excel/workflow-api";
import {
  createFakeExcel,
  FakeExcel,
  setCells,
  addTable,
  snapshotSheet,
  SheetSnapshot,
} from "../fakes/excel-fake";
import { FakeSettings } from "../fakes/excel-fake";

export const nl = { language: "nl" as const };

export interface Book {
  fake: FakeExcel;
  wf: Workflows;
  settings: FakeSettings;
}

export function book(sheets: string[] = ["Blad1"], options: { payloadLimit?: number } = {}): Book {
  const fake = createFakeExcel({ sheets, ...options });
  const settings = fake.Office.context.document.settings;
  const wf = createWorkflows({
    run: fake.Excel.run,
    settings,
    ...(options.payloadLimit ? { payloadLimit: options.payloadLimit } : {}),
  });
  return { fake, wf, settings };
}

export const LEDGER_HEADER = [
  "Omschrijving",
  "Leverancier",
  "Grootboekrekening",
  "Kostenplaats",
  "Boekjaar",
  "Bedrag",
];

const ITEMS: [string, string, string][] = [
  ["Microsoft 365 licenties", "Microsoft", "4420"],
  ["Inhuur projectleider", "Yacht", "4310"],
  ["Laptops vervanging", "Dell", "4450"],
  ["Hosting datacenter", "Centric", "4430"],
  ["Salaris ICT-medewerkers", "Eigen personeel", "4000"],
  ["Telefonie abonnementen", "KPN", "4440"],
  ["Xyzzy plugh", "Frobozz BV", "4999"],
  ["Zaaksysteem SaaS", "Decos", "4421"],
];

/** `count` distinct cost lines over 2022 and 2023 (description numbered from the 9th line on). */
export function ledgerRows(count: number): (string | number)[][] {
  return Array.from({ length: count }, (_, i) => {
    const [d, s, a] = ITEMS[i % ITEMS.length];
    const n = Math.floor(i / ITEMS.length);
    const year = 2022 + (i % 2);
    return [n === 0 ? d : `${d} ${n}`, s, a, `KP${100 + (i % 5)}`, year, 1000 + ((i * 7919) % 50_000)];
  });
}

/**
 * A controller's workbook: Kerngegevens (two years), Grootboek (a table of `lines` cost lines) and
 * Notities (formulas on the ledger, number formats, a style), plus `Blad1`.
 */
export function userWorkbook(
  lines = 16,
  names: { ledger?: string; keyFigures?: string; notes?: string } = {},
  options: { payloadLimit?: number } = {},
): Book {
  const ledger = names.ledger ?? "Grootboek";
  const keyFigures = names.keyFigures ?? "Kerngegevens";
  const notes = names.notes ?? "Notities";
  const b = book(["Blad1", keyFigures, ledger, notes], options);
  const wb = b.fake.workbook;
  setCells(wb, keyFigures, "A1", [
    ["Gemeente", "Voorbeeldrade"],
    [],
    ["Boekjaar", "Aantal inwoners", "Totale begroting"],
    [2022, 41_000, 152_000_000],
    [2023, 41_500, 160_000_000],
  ]);
  setCells(wb, ledger, "A1", [LEDGER_HEADER, ...ledgerRows(lines)]);
  addTable(wb, ledger, `A1:F${lines + 1}`, "Grootboektabel");
  const q = `'${ledger.replace(/'/g, "''")}'`;
  setCells(wb, notes, "A1", [
    ["Totaal grootboek", `=SUM(${q}!F2:F${lines + 1})`],
    ["Mijn aantekening", "=1+1"],
    ["Tekst die op een formule lijkt", '\'=HYPERLINK("x")'],
  ]);
  const sheet = wb.sheetByName(notes)!;
  sheet.touch(0, 1).numberFormat = "#,##0.00";
  sheet.touch(0, 0).style = { bold: true, fill: "#FFFF00" };
  sheet.touch(5, 5).style = { italic: true }; // a formatted empty cell
  sheet.columnWidths.set(0, 120);
  wb.changed();
  return b;
}

/** Every sheet, by name. */
export function snapshotAll(fake: FakeExcel): Record<string, SheetSnapshot> {
  return Object.fromEntries(fake.workbook.sheets.map((s) => [s.name, snapshotSheet(fake, s.name)]));
}

/** The user's sheets (not recorded as the add-in's), by name. */
export function snapshotUser(b: Book): Record<string, SheetSnapshot> {
  const owned = new Set(readOwnedSheets(b.settings).map((o) => o.id));
  return Object.fromEntries(
    b.fake.workbook.sheets
      .filter((s) => !owned.has(s.id))
      .map((s) => [s.name, snapshotSheet(b.fake, s.name)]),
  );
}

/** A snapshot without sheet ids (a sheet re-created after a failure gets a new id). */
export function withoutIds(s: Record<string, SheetSnapshot>): Record<string, Omit<SheetSnapshot, "id">> {
  return Object.fromEntries(Object.entries(s).map(([n, { id: _id, ...rest }]) => [n, rest]));
}

export function ok(r: WorkflowResult): WorkflowResult {
  if (!r.ok) throw new Error(`workflow failed: ${r.error?.en ?? r.summary.en}`);
  return r;
}

/** The manual codes on the categorisation sheet: line key (column B) → Handmatig (column M). */
export function manualCodes(fake: FakeExcel, sheet = "ICT-categorisatie"): Map<string, string> {
  const cells = snapshotSheet(fake, sheet).cells;
  const out = new Map<string, string>();
  for (const [a, c] of Object.entries(cells)) {
    const m = /^M(\d+)$/.exec(a);
    if (!m || Number(m[1]) < 5 || c.value === "" || c.value === undefined) continue;
    out.set(String(cells[`B${m[1]}`]?.value), String(c.value));
  }
  return out;
}

/** Row (1-based) of every line key (column B) on the categorisation sheet. */
export function keyRows(fake: FakeExcel, sheet = "ICT-categorisatie"): Map<string, number> {
  const cells = snapshotSheet(fake, sheet).cells;
  const out = new Map<string, number>();
  for (const [a, c] of Object.entries(cells)) {
    const m = /^B(\d+)$/.exec(a);
    if (m && Number(m[1]) >= 5) out.set(String(c.value), Number(m[1]));
  }
  return out;
}

export type Command =
  | "detectInputs"
  | "categorise"
  | "buildComparison"
  | "buildTrend"
  | "rebuildAll"
  | "selectUnclassified"
  | "insertTemplate"
  | "loadSampleMunicipality"
  | "insertFormula";

export const COMMANDS: Command[] = [
  "detectInputs",
  "categorise",
  "buildComparison",
  "buildTrend",
  "rebuildAll",
  "selectUnclassified",
  "insertTemplate",
  "loadSampleMunicipality",
  "insertFormula",
];

/** Runs one command; insertFormula and detectInputs are turned into results too. */
export async function runCommand(wf: Workflows, command: Command): Promise<WorkflowResult> {
  switch (command) {
    case "detectInputs": {
      // Guarded like the others: a failure is the detection's `error`, never a rejection.
      const d = await wf.detectInputs(nl);
      if (d.error) return { ok: false, summary: d.error, error: d.error, issues: [], sheets: [] };
      return { ok: d.chosen >= 0, summary: { nl: "", en: "" }, issues: [], sheets: [] };
    }
    case "insertFormula":
      try {
        await wf.insertFormula("=ICTCOST.PERINHABITANT()");
        return { ok: true, summary: { nl: "", en: "" }, issues: [], sheets: [] };
      } catch (e) {
        const m = e instanceof Error ? e.message : String(e);
        return { ok: false, summary: { nl: m, en: m }, error: { nl: m, en: m }, issues: [], sheets: [] };
      }
    default:
      return wf[command](nl);
  }
}
