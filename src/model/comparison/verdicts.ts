/**
 * The verdict: one sentence per KPI, in Dutch and English, saying how the municipality compares —
 * "Kosten per inwoner: € 312, 4% boven de benchmark (ca. € 300)". Shares are compared in
 * percentage points; small values keep one decimal so rounding does not hide the difference.
 */
import { BenchmarkValue, Edition, KpiDefinition } from "../benchmark";
import { formatEuro, formatNumber, formatPercent } from "../format";
import { Bilingual, isKpiError, KpiError, KpiResult, Language } from "../types";

/** One decimal for small values (5,6 fte; € 5,6) where rounding would hide the difference. */
function decimalsFor(v: number): number {
  return Math.abs(v) < 10 && Math.round(v * 10) % 10 !== 0 ? 1 : 0;
}

function formatValue(v: number, unit: KpiDefinition["unit"], lang: Language): string {
  switch (unit) {
    case "eur_per_inhabitant":
    case "eur_per_fte":
      return formatEuro(v, lang, unit === "eur_per_fte" ? 0 : decimalsFor(v));
    case "share":
      return formatPercent(v, lang, decimalsFor(v * 100));
    case "fte_per_100k":
      return formatNumber(v, lang, decimalsFor(v));
  }
}

const UNIT_SUFFIX: Record<KpiDefinition["unit"], Bilingual> = {
  eur_per_inhabitant: { nl: " per inwoner", en: " per inhabitant" },
  eur_per_fte: { nl: " per fte", en: " per fte" },
  share: { nl: "", en: "" },
  fte_per_100k: { nl: " fte per 100.000 inwoners", en: " fte per 100,000 inhabitants" },
};

function benchmarkText(b: BenchmarkValue, unit: KpiDefinition["unit"], lang: Language): string {
  const v = formatValue(b.value, unit, lang);
  const nl =
    b.bound === "lower"
      ? `meer dan ${v}`
      : b.bound === "upper"
        ? `hoogstens ${v}`
        : b.approx
          ? `ca. ${v}`
          : v;
  const en =
    b.bound === "lower" ? `over ${v}` : b.bound === "upper" ? `at most ${v}` : b.approx ? `about ${v}` : v;
  return lang === "nl" ? nl : en;
}

/** Relative to the benchmark; for shares the gap is in percentage points, which is how shares are read. */
function relation(
  own: number,
  b: BenchmarkValue,
  pct: number | null,
  unit: KpiDefinition["unit"],
): Bilingual {
  if (pct === null || Math.abs(pct) <= 0.05)
    return { nl: "gelijk aan de benchmark", en: "in line with the benchmark" };
  const gap =
    unit === "share"
      ? (lang: Language) =>
          `${formatNumber(Math.abs(own - b.value) * 100, lang)} ${lang === "nl" ? "procentpunt" : "percentage points"}`
      : (lang: Language) => formatPercent(Math.abs(pct), lang);
  return pct > 0
    ? { nl: `${gap("nl")} boven de benchmark`, en: `${gap("en")} above the benchmark` }
    : { nl: `${gap("nl")} onder de benchmark`, en: `${gap("en")} below the benchmark` };
}

export function verdict(
  def: KpiDefinition,
  own: KpiResult,
  bench: BenchmarkValue | KpiError,
  pct: number | null,
  edition: Edition,
): Bilingual {
  const label = def.label;
  if (isKpiError(own)) {
    return {
      nl: `${label.nl}: niet te berekenen. ${own.message.nl}`,
      en: `${label.en}: cannot be computed. ${own.message.en}`,
    };
  }
  const ownText = (lang: Language) => formatValue(own, def.unit, lang) + UNIT_SUFFIX[def.unit][lang];
  if (isKpiError(bench)) {
    return {
      nl: `${label.nl}: ${ownText("nl")}; ${edition.title} geeft hiervoor geen cijfer.`,
      en: `${label.en}: ${ownText("en")}; ${edition.title} gives no figure for this.`,
    };
  }
  const rel = relation(own, bench, pct, def.unit);
  return {
    nl: `${label.nl}: ${ownText("nl")}, ${rel.nl} (${benchmarkText(bench, def.unit, "nl")})`,
    en: `${label.en}: ${ownText("en")}, ${rel.en} (${benchmarkText(bench, def.unit, "en")})`,
  };
}
