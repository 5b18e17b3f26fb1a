/**
 * The one-line summaries a workflow hands back: how many lines were categorised and how many are still
 * unknown, what the comparison found per inhabitant, which years the trend covers.
 */
import { Comparison } from "../../model/comparison";
import { formatEuro } from "../../model/format";
import { LedgerRead } from "../../model/grid";
import { Bilingual, CategorisedLine, Language, ReadIssue } from "../../model/types";
import { b } from "./run";

/** Whole euros: the summaries are read at a glance, cents would only distract. */
function euro(amount: number, language: Language): string {
  return formatEuro(Math.round(amount), language);
}

/** Lines still in XX.OO (unknown): counted and summed, so the user sees what is left to classify. */
export function unclassifiedOf(lines: readonly CategorisedLine[]): { lines: number; amount: number } {
  let n = 0;
  let amount = 0;
  for (const l of lines) {
    if (l.category !== "XX.OO") continue;
    n++;
    amount += l.amount;
  }
  return { lines: n, amount };
}

/** The ledger rows that could not be read, at most five: enough to find them, short enough to read. */
function skippedText(issues: readonly ReadIssue[], language: Language): string {
  if (issues.length === 0) return "";
  const rows = issues.slice(0, 5).map((i) => `${language === "nl" ? "rij" : "row"} ${i.row}`);
  const more = issues.length > 5 ? " …" : "";
  return language === "nl"
    ? `, ${issues.length} ${issues.length === 1 ? "regel" : "regels"} overgeslagen: ${rows.join(", ")}${more}`
    : `, ${issues.length} ${issues.length === 1 ? "line" : "lines"} skipped: ${rows.join(", ")}${more}`;
}

/** "1,234 lines categorised, 12 unknown (€ 3,456)", with the skipped rows. */
export function categoriseSummary(counted: readonly CategorisedLine[], read: LedgerRead): Bilingual {
  const u = unclassifiedOf(counted);
  const make = (language: Language) => {
    const nl = language === "nl";
    const head = nl
      ? `${counted.length} regels gecategoriseerd, ${u.lines} onbekend (${euro(u.amount, language)})`
      : `${counted.length} lines categorised, ${u.lines} unknown (${euro(u.amount, language)})`;
    return `${head}${skippedText(read.issues, language)}.`;
  };
  return { nl: make("nl"), en: make("en") };
}

/** The total per inhabitant against the benchmark, and what was left out because it is not yet classified. */
export function comparisonSummary(c: Comparison, sheet: string): Bilingual {
  const total = c.kpis.find((k) => k.id === "total_per_inhabitant");
  const make = (language: Language) => {
    const nl = language === "nl";
    const own = total?.own ?? null;
    const bench = total?.benchmark ?? null;
    let s = nl ? `Blad '${sheet}' voor ${c.year} gemaakt` : `Sheet '${sheet}' made for ${c.year}`;
    if (own !== null) {
      s += nl
        ? `: ${formatEuro(own, language)} ICT-kosten per inwoner`
        : `: ${formatEuro(own, language)} ICT cost per inhabitant`;
      if (bench !== null)
        s += nl
          ? ` (benchmark ${formatEuro(bench, language)})`
          : ` (benchmark ${formatEuro(bench, language)})`;
    }
    const u = c.totals.unclassified;
    if (u.lines > 0) {
      s += nl
        ? `; ${u.lines} regels (${euro(u.amount, language)}) nog niet ingedeeld en niet meegeteld`
        : `; ${u.lines} lines (${euro(u.amount, language)}) not yet classified and not counted`;
    }
    // Beside the KPIs: what the municipality pays through a gemeenschappelijke regeling (counted in them).
    const gr = c.totals.viaGr;
    if (gr.lines > 0) {
      s += nl
        ? `; waarvan via GR (Iv3 4.3.3): ${euro(gr.amount, language)} in ${gr.lines} regel${gr.lines === 1 ? "" : "s"}`
        : `; of which via a GR (Iv3 4.3.3): ${euro(gr.amount, language)} in ${gr.lines} line${gr.lines === 1 ? "" : "s"}`;
    }
    return s + ".";
  };
  return { nl: make("nl"), en: make("en") };
}

/** The years the trend sheet covers, first to last. */
export function trendSummary(years: readonly number[], sheet: string): Bilingual {
  return b(
    `Trend over ${years[0]}–${years[years.length - 1]} op blad '${sheet}'.`,
    `Trend over ${years[0]}–${years[years.length - 1]} on sheet '${sheet}'.`,
  );
}

/** Two summaries as one sentence after the other. */
export function joined(first: Bilingual, second: Bilingual): Bilingual {
  return b(`${first.nl} ${second.nl}`, `${first.en} ${second.en}`);
}
