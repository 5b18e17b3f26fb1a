/**
 * `compare --learn`: the Handmatig codes of the workbook's ICT-categorisatie sheet as rules for the
 * lines with the same supplier and account (the core's learning step, src/model/pipeline/learn.ts).
 * Asking on the command line is the flag itself: with -o the rules are written on the copy's Regels
 * sheet (the input is never written); without -o they are only printed. Conflicts — lines a rule the
 * controller wrote keeps in another category, or a group whose codes disagree — are printed, never
 * resolved by the tool.
 */
import { formatEuro } from "../model/format";
import { LearnOffer, cellAddress, RulesEdit } from "../model/learn";
import { acceptedRules, learningOffers, rulesEditFor } from "../model/pipeline";
import { Analysis } from "./compare";
import { InputWorkbook } from "./input";
import { SheetGrid } from "./sheet";

/** One offer in `compare --learn --json`: the group, the code, and the ledger rows it concerns. */
export interface LearnJson {
  supplier: string;
  account: string;
  category: string;
  from: { sheet: string; row: number; description: string };
  /** Whether it becomes a rule (false: it would change nothing, or the group's codes disagree). */
  rule: boolean;
  /** Written on the copy's Regels sheet (with -o). */
  written: boolean;
  changes: number[];
  manual: number[];
  conflicts: { row: number; category: string; rule: string }[];
  disagreement: string | null;
}

export function learnJson(offers: readonly LearnOffer[], written: boolean): LearnJson[] {
  return offers.map((o) => ({
    supplier: o.supplier,
    account: o.account,
    category: o.category,
    from: { sheet: o.from.sheet, row: o.from.row, description: o.from.description },
    rule: o.rule !== null,
    written: written && o.rule !== null,
    changes: o.changes.map((l) => l.row),
    manual: o.manual.map((l) => l.row),
    conflicts: o.conflicts.map((c) => ({ row: c.row, category: c.category, rule: c.rule })),
    disagreement: o.disagreement?.en ?? null,
  }));
}

/** Rows listed per offer before "…". */
const SHOWN_ROWS = 12;

function rows(lines: { row: number }[]): string {
  const shown = lines.slice(0, SHOWN_ROWS).map((l) => l.row);
  return shown.join(", ") + (lines.length > SHOWN_ROWS ? ", …" : "");
}

/** One offer in both languages, Dutch first. */
function describe(o: LearnOffer): string[] {
  const group = `'${o.supplier}'${o.account ? ` + '${o.account}'` : ""}`;
  const from = `${o.from.sheet} rij ${o.from.row}`;
  const fromEn = `${o.from.sheet} row ${o.from.row}`;
  const out: string[] = [];
  if (o.disagreement) {
    out.push(`  ${group}: ${o.disagreement.nl}`, `  ${group}: ${o.disagreement.en}`);
    return out;
  }
  if (o.rule) {
    const amount = o.changes.reduce((s, l) => s + l.amount, 0);
    out.push(
      `  ${from} → ${o.category} voor ${group}: ${o.changes.length} regel(s) (rij ${rows(o.changes)}; ${formatEuro(amount, "nl")})`,
      `  ${fromEn} → ${o.category} for ${group}: ${o.changes.length} line(s) (row ${rows(o.changes)}; ${formatEuro(amount, "en")})`,
    );
  }
  if (o.manual.length > 0)
    out.push(`    rij ${rows(o.manual)}: eigen Handmatig-code, blijft zo / own Handmatig code, kept`);
  for (const c of o.conflicts)
    out.push(
      `    CONFLICT rij ${c.row} blijft ${c.category} door ${c.rule} (${from} zegt ${o.category}): pas het blad Regels aan als dat niet klopt`,
      `    CONFLICT row ${c.row} stays ${c.category} by ${c.rule} (${fromEn} says ${o.category}): edit the Regels sheet if that is wrong`,
    );
  return out;
}

/** The input workbook with the edit's cells in its sheet grid and (for a workbook) in its bytes. */
async function withEdit(book: InputWorkbook, edit: RulesEdit): Promise<InputWorkbook> {
  const sheets = book.sheets.map((s) => ({ ...s, grid: s.grid.map((r) => [...r]) }));
  let sheet: SheetGrid | undefined = sheets.find((s) => s.name === edit.sheet);
  if (!sheet) {
    sheet = { name: edit.sheet, grid: [], firstRow: 1, firstColumn: 1 };
    sheets.push(sheet);
  }
  for (const cell of edit.cells) {
    const r = cell.row - (sheet.firstRow - 1);
    const c = cell.column - (sheet.firstColumn - 1);
    while (sheet.grid.length <= r) sheet.grid.push([]);
    const row = sheet.grid[r];
    while (row.length < c) row.push("");
    row[c] = cell.value;
  }
  const width = sheet.grid.reduce((w, r) => Math.max(w, r.length), 0);
  for (const row of sheet.grid) while (row.length < width) row.push("");
  if (!book.bytes) return { ...book, sheets };
  const { writeUserCells } = await import("./ooxml/userCells");
  return { ...book, sheets, bytes: writeUserCells(book.bytes, edit) };
}

/**
 * What --learn found and did: the text for stderr, and with `write` the workbook with the rules on its
 * Regels sheet (to run the pipeline on again), when there is a rule to keep.
 */
export async function learnFrom(
  a: Analysis,
  write: boolean,
): Promise<{ text: string; offers: LearnOffer[]; book?: InputWorkbook }> {
  const offers = learningOffers(a.inputs, a.categorised, "nl");
  if (offers.length === 0) {
    const none =
      a.inputs.manual.size === 0
        ? "Leren: geen Handmatig-codes op ICT-categorisatie / Learn: no Handmatig codes on ICT-categorisatie"
        : "Leren: niets nieuws — de Handmatig-codes gelden al voor hun leverancier en grootboekrekening / Learn: nothing new — the Handmatig codes already hold for their supplier and account";
    return { text: none + "\n", offers };
  }
  const lines = ["Leren van Handmatig-codes / Learning from Handmatig codes:", ...offers.flatMap(describe)];
  const rules = acceptedRules(offers);
  if (rules.length === 0) return { text: lines.join("\n") + "\n", offers };
  if (!write) {
    lines.push(
      "Niet geschreven: geef -o KOPIE.xlsx om deze regels op het blad Regels van de kopie te zetten.",
      "Not written: pass -o COPY.xlsx to put these rules on the copy's Regels sheet.",
    );
    return { text: lines.join("\n") + "\n", offers };
  }
  const edit = rulesEditFor(a.inputs, rules, "nl");
  const first = edit.cells.find((c) => c.value === rules[0].pattern) ?? edit.cells[0];
  lines.push(
    `${rules.length} regel(s) op blad '${edit.sheet}'${edit.create ? " (nieuw)" : ""} vanaf ${cellAddress(first)}; elke herberekening houdt ze aan.`,
    `${rules.length} rule(s) on sheet '${edit.sheet}'${edit.create ? " (new)" : ""} from ${cellAddress(first)}; every rebuild honours them.`,
  );
  return { text: lines.join("\n") + "\n", offers, book: await withEdit(a.book, edit) };
}
