/**
 * Reconciliation of a ledger read with its source: where every row after the header went (lines,
 * skipped rows by kind with their sums, unreadable rows), the sum read next to the source's own
 * grand total, and the lines per year with where their year came from. Pure data and a bilingual
 * text, so that the CLI, the pane and the comparison sheet show the same thing. No KPI without it.
 */
import { formatEuro, formatNumber } from "./format";
import { AmountSource, LedgerRead, SkipKind, SkippedRow } from "./grid";
import { AmbiguousHeader, ReaderField } from "./grid/headers";
import { Bilingual, Language, ReadIssue, YearSource } from "./types";

/** Count and sum (euros, of the amounts that could be read) of one kind of row. */
export interface RowSummary {
  count: number;
  sum: number;
}

/** The source's own grand total next to what was read. */
export interface SourceTotal {
  /** 1-based spreadsheet row of the total row. */
  row: number;
  label: string;
  kind: "total" | "tableTotal";
  amount: number;
  /** Sum of the lines read, as compared (all lines of the read). */
  sumRead: number;
  /** sumRead − amount, rounded to the cent. */
  difference: number;
  /** Equal to the cent. */
  agrees: boolean;
}

export interface YearSummary {
  /** null: lines without a year and no fallback year given. */
  year: number | null;
  lines: number;
  sum: number;
  /** Where the year of these lines came from, with counts; "geen" when none. */
  sources: Partial<Record<YearSource | "geen", number>>;
}

export interface Reconciliation {
  sheet?: string;
  /** Lines read and their sum. */
  lines: RowSummary;
  /** Skipped rows by kind, every kind present (count 0 when none). */
  skipped: Record<SkipKind, RowSummary>;
  /** Unreadable rows (left out of every sum), with row and why. */
  unreadable: { count: number; rows: ReadIssue[] };
  /** The source's grand total (the last one), or null when it has none. */
  sourceTotal: SourceTotal | null;
  /**
   * Subtotal rows whose amount differs from the lines read since the previous total row; also
   * plain "Totaal" rows when there are several that close sections (then status is "differs").
   */
  subtotalsDiffering: SkippedRow[];
  /** Per year, ascending; lines without a year last. */
  years: YearSummary[];
  amountFrom: AmountSource | null;
  ambiguous: AmbiguousHeader[];
  /** Lines whose own year differs from the sheet's year. */
  sheetYearConflicts: number;
  /**
   * "ok": everything read and agrees with the source's total (or it has none); "warning": rows
   * unreadable, ambiguous columns or subtotals that differ; "differs": the grand total differs —
   * show in red.
   */
  status: "ok" | "warning" | "differs";
}

export interface ReconcileOptions {
  /**
   * The year the pipeline gives lines without one (the one key-figure year): counted under
   * that year with source "kerngegevens".
   */
  fallbackYear?: number | null;
}

/** Neumaier-compensated sum: exact to the cent over 100,000 lines of cents. */
class Sum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** Rounded to the cent (half away from zero), as the comparisons are made. */
export function cents(x: number): number {
  return Math.round(Math.abs(x) * 100) * Math.sign(x) || 0;
}

function roundCents(x: number): number {
  return cents(x) / 100 || 0;
}

/** The reconciliation of one read (one sheet or file). */
export function reconcile(read: LedgerRead, options: ReconcileOptions = {}): Reconciliation {
  const fallback = typeof options.fallbackYear === "number" ? options.fallbackYear : null;
  const total = new Sum();
  const perYear = new Map<number | null, { lines: number; sum: Sum; sources: YearSummary["sources"] }>();
  for (const line of read.lines) {
    total.add(line.amount);
    let year = line.year;
    let source: YearSource | "geen" = line.yearSource ?? (year === null ? "geen" : "boekjaar");
    if (year === null && fallback !== null) {
      year = fallback;
      source = "kerngegevens";
    }
    let y = perYear.get(year);
    if (!y) perYear.set(year, (y = { lines: 0, sum: new Sum(), sources: {} }));
    y.lines++;
    y.sum.add(line.amount);
    y.sources[source] = (y.sources[source] ?? 0) + 1;
  }
  const skipped: Record<SkipKind, RowSummary> = {
    blank: { count: read.blankRows, sum: 0 },
    header: { count: 0, sum: 0 },
    subtotal: { count: 0, sum: 0 },
    total: { count: 0, sum: 0 },
    tableTotal: { count: 0, sum: 0 },
  };
  const sums: Record<SkipKind, Sum> = {
    blank: new Sum(),
    header: new Sum(),
    subtotal: new Sum(),
    total: new Sum(),
    tableTotal: new Sum(),
  };
  let grand: SkippedRow | null = null;
  const subtotalsDiffering: SkippedRow[] = [];
  for (const s of read.skippedRows) {
    skipped[s.kind].count++;
    if (s.amount !== null) sums[s.kind].add(s.amount);
    if ((s.kind === "total" || s.kind === "tableTotal") && s.amount !== null) grand = s;
    if (s.kind === "subtotal" && s.amount !== null && cents(s.amount) !== cents(s.linesAbove)) {
      subtotalsDiffering.push(s);
    }
  }
  for (const k of Object.keys(skipped) as SkipKind[]) skipped[k].sum = roundCents(sums[k].value);
  const sumRead = total.value;
  // Several plain "Totaal" rows, the last of which is not the sum of everything: they close
  // sections (one per account), so each is checked like a subtotal and none is the grand total.
  const plainTotals = read.skippedRows.filter((s) => s.kind === "total" && s.amount !== null);
  if (grand?.kind === "total" && plainTotals.length > 1 && cents(grand.amount ?? 0) !== cents(sumRead)) {
    grand = null;
    for (const s of plainTotals) if (cents(s.amount ?? 0) !== cents(s.linesAbove)) subtotalsDiffering.push(s);
    subtotalsDiffering.sort((a, b) => a.row - b.row);
  }
  let sourceTotal: SourceTotal | null = null;
  if (grand && grand.amount !== null) {
    const difference = roundCents(sumRead - grand.amount);
    sourceTotal = {
      row: grand.row,
      label: grand.label,
      kind: grand.kind === "tableTotal" ? "tableTotal" : "total",
      amount: grand.amount,
      sumRead: roundCents(sumRead),
      difference,
      agrees: cents(sumRead) === cents(grand.amount),
    };
  }
  const years: YearSummary[] = [...perYear.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([year, y]) => ({ year, lines: y.lines, sum: roundCents(y.sum.value), sources: y.sources }));
  const rec: Reconciliation = {
    lines: { count: read.lines.length, sum: roundCents(sumRead) },
    skipped,
    unreadable: { count: read.issues.length, rows: read.issues },
    sourceTotal,
    subtotalsDiffering,
    years,
    amountFrom: read.amountFrom,
    ambiguous: read.ambiguous,
    sheetYearConflicts: read.sheetYearConflicts,
    status: "ok",
  };
  if (read.sheet !== undefined) rec.sheet = read.sheet;
  const totalDiffers = subtotalsDiffering.some((s) => s.kind === "total");
  if ((sourceTotal && !sourceTotal.agrees) || totalDiffers) rec.status = "differs";
  else if (
    read.issues.length > 0 ||
    read.ambiguous.length > 0 ||
    subtotalsDiffering.length > 0 ||
    read.sheetYearConflicts > 0 ||
    read.missing.length > 0
  ) {
    rec.status = "warning";
  }
  return rec;
}

const FIELD_WORDS: Record<ReaderField, Bilingual> = {
  description: { nl: "omschrijving", en: "description" },
  amount: { nl: "bedrag", en: "amount" },
  supplier: { nl: "leverancier", en: "supplier" },
  account: { nl: "grootboekrekening", en: "account" },
  year: { nl: "boekjaar", en: "book year" },
  costCentre: { nl: "kostenplaats", en: "cost centre" },
  fte: { nl: "fte", en: "fte" },
  category: { nl: "categorie", en: "category" },
  taakveld: { nl: "taakveld", en: "taakveld (Iv3 task field)" },
  iv3Category: { nl: "Iv3-categorie", en: "Iv3 category" },
  debit: { nl: "debet", en: "debit" },
  credit: { nl: "credit", en: "credit" },
  debitCredit: { nl: "debet/credit-teken", en: "debit/credit mark" },
  balance: { nl: "saldo", en: "balance" },
  date: { nl: "datum", en: "date" },
  period: { nl: "periode", en: "period" },
  document: { nl: "documentnummer", en: "document number" },
  supplierNumber: { nl: "crediteurnummer", en: "supplier number" },
  accountName: { nl: "naam grootboekrekening", en: "account name" },
};

const SOURCE_WORDS: Record<YearSource | "geen", Bilingual> = {
  boekjaar: { nl: "boekjaar", en: "book year column" },
  datum: { nl: "datum", en: "date" },
  periode: { nl: "periode", en: "period" },
  blad: { nl: "bladnaam", en: "sheet name" },
  kerngegevens: { nl: "kerngegevens", en: "key figures" },
  geen: { nl: "zonder jaar", en: "no year" },
};

/** Singular and plural words per kind. */
const KIND_WORDS: Record<SkipKind, [Bilingual, Bilingual]> = {
  blank: [
    { nl: "lege rij", en: "blank row" },
    { nl: "lege rijen", en: "blank rows" },
  ],
  header: [
    { nl: "herhaalde kopregel", en: "repeated header row" },
    { nl: "herhaalde kopregels", en: "repeated header rows" },
  ],
  subtotal: [
    { nl: "subtotaalrij", en: "subtotal row" },
    { nl: "subtotaalrijen", en: "subtotal rows" },
  ],
  total: [
    { nl: "totaalrij", en: "total row" },
    { nl: "totaalrijen", en: "total rows" },
  ],
  tableTotal: [
    { nl: "totaalrij van de tabel", en: "table total row" },
    { nl: "totaalrijen van de tabel", en: "table total rows" },
  ],
};

const AMOUNT_WORDS: Record<AmountSource, Bilingual> = {
  amount: { nl: "kolom bedrag", en: "amount column" },
  debitCredit: { nl: "debet − credit", en: "debit − credit" },
  balance: { nl: "kolom saldo", en: "balance column" },
};

function col(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The reconciliation as lines of text, Dutch or English, one block per read. */
export function reconciliationLines(
  rec: Reconciliation | readonly Reconciliation[],
  language: Language,
): string[] {
  const list = Array.isArray(rec) ? rec : [rec as Reconciliation];
  const out: string[] = [];
  for (const r of list) out.push(...oneBlock(r, language));
  return out;
}

/** The reconciliation as text (lines joined by newlines), Dutch or English. */
export function reconciliationText(
  rec: Reconciliation | readonly Reconciliation[],
  language: Language,
): string {
  return reconciliationLines(rec, language).join("\n");
}

function oneBlock(r: Reconciliation, language: Language): string[] {
  const nl = language === "nl";
  const eur = (x: number) => formatEuro(x, language, 2);
  const num = (x: number) => formatNumber(x, language);
  const out: string[] = [];
  const where = r.sheet === undefined ? "" : ` — ${r.sheet}`;
  out.push(nl ? `Aansluiting${where}` : `Reconciliation${where}`);
  const from = r.amountFrom ? ` (${AMOUNT_WORDS[r.amountFrom][language]})` : "";
  out.push(
    nl
      ? `Gelezen: ${num(r.lines.count)} regels, samen ${eur(r.lines.sum)}${from}`
      : `Read: ${num(r.lines.count)} lines, together ${eur(r.lines.sum)}${from}`,
  );
  const t = r.sourceTotal;
  if (t) {
    const label = t.label === "" ? "" : ` '${t.label}'`;
    if (t.agrees) {
      out.push(
        nl
          ? `Totaal in de bron (rij ${t.row}${label}): ${eur(t.amount)} — klopt tot op de cent`
          : `Total in the source (row ${t.row}${label}): ${eur(t.amount)} — agrees to the cent`,
      );
    } else {
      out.push(
        nl
          ? `VERSCHIL: totaal in de bron (rij ${t.row}${label}) is ${eur(t.amount)}, gelezen ${eur(t.sumRead)}; verschil ${eur(t.difference)}`
          : `DIFFERENCE: total in the source (row ${t.row}${label}) is ${eur(t.amount)}, read ${eur(t.sumRead)}; difference ${eur(t.difference)}`,
      );
    }
  } else {
    out.push(
      nl ? "Geen totaalrij in de bron om mee te vergelijken" : "No total row in the source to compare with",
    );
  }
  for (const kind of Object.keys(r.skipped) as SkipKind[]) {
    const s = r.skipped[kind];
    if (s.count === 0) continue;
    // Blank rows and repeated headers carry no amount: only their count is shown.
    const noSum = kind === "blank" || kind === "header";
    const sum = noSum ? "" : nl ? `, samen ${eur(s.sum)}` : `, together ${eur(s.sum)}`;
    const word = KIND_WORDS[kind][s.count === 1 ? 0 : 1][language];
    out.push(
      nl
        ? `Overgeslagen: ${num(s.count)} ${word}${sum} (niet meegeteld)`
        : `Skipped: ${num(s.count)} ${word}${sum} (not counted)`,
    );
  }
  const subtotals = r.skipped.subtotal.count;
  if (subtotals > 0 && r.subtotalsDiffering.length === 0) {
    out.push(
      nl
        ? `Subtotalen: alle ${num(subtotals)} gelijk aan de regels erboven`
        : `Subtotals: all ${num(subtotals)} equal to the lines above them`,
    );
  }
  for (const s of r.subtotalsDiffering) {
    const total = s.kind === "total";
    const what = nl
      ? total
        ? "VERSCHIL: totaal"
        : "Let op: subtotaal"
      : total
        ? "DIFFERENCE: total"
        : "Note: subtotal";
    out.push(
      nl
        ? `${what} rij ${s.row} '${s.label}' is ${eur(s.amount ?? 0)}, de regels erboven ${eur(s.linesAbove)}`
        : `${what} row ${s.row} '${s.label}' is ${eur(s.amount ?? 0)}, the lines above it ${eur(s.linesAbove)}`,
    );
  }
  if (r.unreadable.count > 0) {
    out.push(
      nl
        ? `Onleesbaar: ${num(r.unreadable.count)} rijen (niet meegeteld):`
        : `Unreadable: ${num(r.unreadable.count)} rows (not counted):`,
    );
    const shown = r.unreadable.rows.slice(0, 20);
    for (const i of shown) out.push(`  ${i.message[language]}`);
    if (r.unreadable.count > shown.length) {
      const more = r.unreadable.count - shown.length;
      out.push(nl ? `  … en nog ${num(more)}` : `  … and ${num(more)} more`);
    }
  }
  for (const a of r.ambiguous) {
    const cols = a.columns.map(col).join(nl ? " en " : " and ");
    out.push(
      nl
        ? `Kies een kolom: ${FIELD_WORDS[a.field].nl} staat in kolom ${cols}; gelezen is kolom ${col(a.columns[0])}`
        : `Choose a column: ${FIELD_WORDS[a.field].en} is in columns ${cols}; column ${col(a.columns[0])} was read`,
    );
  }
  if (r.years.length > 0) {
    for (const y of r.years) {
      const sources = (Object.keys(y.sources) as (YearSource | "geen")[])
        .map((s) => `${SOURCE_WORDS[s][language]} ${num(y.sources[s] ?? 0)}`)
        .join(", ");
      const year = y.year === null ? (nl ? "zonder jaar" : "no year") : String(y.year);
      out.push(
        nl
          ? `${year}: ${num(y.lines)} regels, ${eur(y.sum)} (jaar uit: ${sources})`
          : `${year}: ${num(y.lines)} lines, ${eur(y.sum)} (year from: ${sources})`,
      );
    }
  }
  if (r.sheetYearConflicts > 0) {
    out.push(
      nl
        ? `Let op: ${num(r.sheetYearConflicts)} regels hebben een ander jaar dan de bladnaam`
        : `Note: ${num(r.sheetYearConflicts)} lines have another year than the sheet's name`,
    );
  }
  return out;
}
