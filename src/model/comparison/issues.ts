/**
 * The comparison's notes to the controller: lines that do not count (unclassified, not ICT),
 * personnel without own/hired, missing inhabitants, undated lines, and a benchmark from another year.
 */
import { Edition } from "../benchmark";
import { formatEuro, formatNumber } from "../format";
import { Bilingual, KeyFigures, Language } from "../types";
import { LineCount, YearTotals } from "./yearTotals";

function lineCount(n: number, lang: Language): string {
  const word = lang === "nl" ? (n === 1 ? "regel" : "regels") : n === 1 ? "line" : "lines";
  return `${formatNumber(n, lang)} ${word}`;
}

/** "Niet ingedeeld (XX.OO): 3 regels (€ 12.345); ..." — the heading first, so the grammar holds for 1 and n. */
function countIssue(c: LineCount, head: Bilingual, tail: Bilingual): Bilingual[] {
  if (c.lines === 0) return [];
  const text = (lang: Language) =>
    `${head[lang]}: ${lineCount(c.lines, lang)} (${formatEuro(c.amount, lang)}); ${tail[lang]}`;
  return [{ nl: text("nl"), en: text("en") }];
}

export function collectIssues(
  t: YearTotals,
  f: KeyFigures,
  year: number,
  benchYear: number,
  nullYearLines: number,
  edition: Edition,
): Bilingual[] {
  const issues: Bilingual[] = [
    ...countIssue(
      t.unclassified,
      { nl: "Niet ingedeeld (XX.OO)", en: "Unclassified (XX.OO)" },
      {
        nl: "telt niet mee; deel in via de kolom Handmatig.",
        en: "not counted; classify in the manual column.",
      },
    ),
    ...countIssue(
      t.notIct,
      { nl: "Geen ICT (XX.NI)", en: "Not ICT (XX.NI)" },
      { nl: "telt niet mee.", en: "not counted." },
    ),
    ...countIssue(
      t.personnelWithoutStaffing,
      { nl: "Personeelskosten zonder eigen/inhuur", en: "Personnel cost without own/hired" },
      { nl: "als eigen personeel geteld.", en: "counted as own staff." },
    ),
  ];
  if (f.inhabitants === undefined) {
    issues.push({
      nl: `Aantal inwoners voor ${year} ontbreekt: kosten per inwoner zijn niet te berekenen.`,
      en: `Inhabitants for ${year} missing: cost per inhabitant cannot be computed.`,
    });
  }
  if (nullYearLines > 0) {
    issues.push({
      nl: `Zonder jaar: ${lineCount(nullYearLines, "nl")}; toegerekend aan ${year}.`,
      en: `Without a year: ${lineCount(nullYearLines, "en")}; counted for ${year}.`,
    });
  }
  if (benchYear !== year) {
    issues.push({
      nl: `Uw cijfers gaan over ${year}; ${edition.title} over boekjaar ${benchYear}.`,
      en: `Your figures are for ${year}; ${edition.title} covers book year ${benchYear}.`,
    });
  }
  return issues;
}
