/**
 * The reconciliation as bilingual text, one block per read: what was read and from which
 * column(s), the source's total (agrees or DIFFERENCE), skipped rows, differing subtotals,
 * unreadable rows (the first 20), columns to choose, lines per year and sheet-year conflicts.
 * The CLI, the pane and the comparison sheet show these same lines.
 */
import { formatEuro, formatNumber } from "../format";
import { SkipKind } from "../grid/read";
import { Language, YearSource } from "../types";
import { Reconciliation } from "./types";
import { AMOUNT_WORDS, col, FIELD_WORDS, KIND_WORDS, SOURCE_WORDS } from "./words";

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
