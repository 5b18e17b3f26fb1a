/**
 * Computing the reconciliation of one read: sums exact to the cent (Neumaier), the source's grand
 * total against the lines read, subtotals against the lines above them, lines per year, and the
 * status (ok, warning, differs). No text: see text.ts.
 */
import { LedgerRead, SkipKind, SkippedRow } from "../grid/read";
import { YearSource } from "../types";
import { ReconcileOptions, Reconciliation, RowSummary, SourceTotal, YearSummary } from "./types";

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
