/**
 * Own ICT cost against the benchmark: sums the categorised ledger per year in one pass, computes every KPI
 * of the workbook contract, and says in one sentence per KPI how the municipality compares.
 */
import {
  BenchmarkValue,
  benchmarkValue,
  Edition,
  getEdition,
  KPI_IDS,
  KpiDefinition,
  KpiId,
  sourceText,
} from "./benchmark";
import { formatEuro, formatNumber, formatPercent } from "./format";
import {
  budgetShare,
  costPerFte,
  difference,
  differencePct,
  hiredShare,
  per100k,
  perInhabitant,
  saasShare,
} from "./formulas";
import { indexFactor } from "./inflation";
import { CATEGORIES, COMPONENTS } from "./taxonomy";
import {
  Bilingual,
  CategorisedLine,
  CategoryCode,
  Component,
  isKpiError,
  KeyFigures,
  KpiError,
  KpiResult,
  Language,
} from "./types";

export interface KpiComparison {
  id: string;
  label: Bilingual;
  own: number | null;
  benchmark: number | null;
  difference: number | null;
  differencePct: number | null;
  verdict: Bilingual;
  source: string | null;
  unit: string;
  ownError?: KpiError;
}

interface LineCount {
  lines: number;
  amount: number;
}

interface YearTotals {
  year: number;
  components: Record<Component, number>;
  /** ICT categories only; XX.NI and XX.OO are in notIct and unclassified. */
  categories: Partial<Record<CategoryCode, number>>;
  total: number;
  hired: number;
  /** Personnel cost not marked hired: salaries are own staff unless a line says otherwise. */
  own: number;
  saas: number;
  fteOwn: number;
  fteHired: number;
  unclassified: LineCount;
  notIct: LineCount;
  /** Personnel lines with neither own nor hired: counted as own, and reported. */
  personnelWithoutStaffing: LineCount;
}

export interface SeriesPoint {
  year: number;
  total: number;
  perInhabitant: number | null;
  /** In prices of the latest year of the series (CBS CPI). */
  perInhabitantReal: number | null;
}

export interface Comparison {
  year: number;
  edition: string;
  municipality?: string;
  inhabitants?: number;
  totals: YearTotals;
  kpis: KpiComparison[];
  series: SeriesPoint[];
  issues: Bilingual[];
}

interface CompareOptions {
  year?: number;
  editionId?: string;
  language?: Language;
}

const COMPONENT_OF: Record<string, Component | null> = Object.fromEntries(
  CATEGORIES.map((c) => [c.code, c.component]),
);

function emptyTotals(year: number): YearTotals {
  return {
    year,
    components: { software: 0, personnel: 0, infrastructure: 0 },
    categories: {},
    total: 0,
    hired: 0,
    own: 0,
    saas: 0,
    fteOwn: 0,
    fteHired: 0,
    unclassified: { lines: 0, amount: 0 },
    notIct: { lines: 0, amount: 0 },
    personnelWithoutStaffing: { lines: 0, amount: 0 },
  };
}

function count(c: LineCount, amount: number): void {
  c.lines++;
  c.amount += amount;
}

function addLine(t: YearTotals, line: CategorisedLine): void {
  const amount = Number.isFinite(line.amount) ? line.amount : 0;
  if (line.category === "XX.NI") return count(t.notIct, amount);
  const component = COMPONENT_OF[line.category];
  if (!component) return count(t.unclassified, amount);
  t.components[component] += amount;
  t.categories[line.category] = (t.categories[line.category] ?? 0) + amount;
  t.total += amount;
  if (component === "software" && line.delivery === "saas") t.saas += amount;
  if (component !== "personnel") return;
  const fte = typeof line.fte === "number" && Number.isFinite(line.fte) ? line.fte : 0;
  if (line.staffing === "hired") {
    t.hired += amount;
    t.fteHired += fte;
    return;
  }
  if (line.staffing !== "own") count(t.personnelWithoutStaffing, amount);
  t.own += amount;
  t.fteOwn += fte;
}

function addCount(into: LineCount, from: LineCount): void {
  into.lines += from.lines;
  into.amount += from.amount;
}

function merge(into: YearTotals, from: YearTotals): void {
  for (const c of COMPONENTS) into.components[c] += from.components[c];
  for (const [code, amount] of Object.entries(from.categories) as [CategoryCode, number][]) {
    into.categories[code] = (into.categories[code] ?? 0) + amount;
  }
  into.total += from.total;
  into.hired += from.hired;
  into.own += from.own;
  into.saas += from.saas;
  into.fteOwn += from.fteOwn;
  into.fteHired += from.fteHired;
  addCount(into.unclassified, from.unclassified);
  addCount(into.notIct, from.notIct);
  addCount(into.personnelWithoutStaffing, from.personnelWithoutStaffing);
}

interface ByYear {
  totals: YearTotals[];
  nullYearLines: number;
}

/** One pass over the lines; lines without a year are summed apart and added to `nullYear` at the end. */
function accumulate(lines: readonly CategorisedLine[], nullYear?: number): ByYear {
  const years = new Map<number, YearTotals>();
  const undated = emptyTotals(0);
  let nullYearLines = 0;
  for (const line of lines) {
    if (line.year === null || line.year === undefined) {
      nullYearLines++;
      addLine(undated, line);
      continue;
    }
    let t = years.get(line.year);
    if (!t) years.set(line.year, (t = emptyTotals(line.year)));
    addLine(t, line);
  }
  if (nullYearLines > 0) {
    // Without a key-figure year, undated lines belong to the ledger's own (latest) year.
    const target = nullYear ?? (years.size ? Math.max(...years.keys()) : 0);
    if (!years.has(target)) years.set(target, emptyTotals(target));
    merge(years.get(target) as YearTotals, undated);
  }
  return { totals: [...years.values()].sort((a, b) => a.year - b.year), nullYearLines };
}

/** Totals per year, oldest first. Lines without a year count for `nullYear` (default: the latest year). */
export function summariseByYear(lines: readonly CategorisedLine[], nullYear?: number): YearTotals[] {
  return accumulate(lines, nullYear).totals;
}

/**
 * Totals of one year (lines without a year included), or of all lines together when no year is given
 * (then `year` is the latest year among the lines, 0 if none has one).
 */
export function summarise(lines: readonly CategorisedLine[], year?: number): YearTotals {
  if (year !== undefined)
    return summariseByYear(lines, year).find((t) => t.year === year) ?? emptyTotals(year);
  const all = summariseByYear(lines);
  const out = emptyTotals(all.length ? all[all.length - 1].year : 0);
  for (const t of all) merge(out, t);
  return out;
}

// ---- KPI values ----------------------------------------------------------------------------------

function missing(nl: string, en: string): KpiError {
  return { error: "na", message: { nl, en } };
}

function ownValue(id: KpiId, t: YearTotals, f: KeyFigures): KpiResult {
  const inhabitants =
    f.inhabitants ??
    missing("Aantal inwoners ontbreekt in de kerngegevens.", "Inhabitants missing from the key figures.");
  switch (id) {
    case "total_per_inhabitant":
      return perInhabitant(t.total, inhabitants);
    case "software_per_inhabitant":
    case "personnel_per_inhabitant":
    case "infrastructure_per_inhabitant":
      return perInhabitant(t.components[kpiComponent(id)], inhabitants);
    case "office_automation_per_inhabitant":
      return perInhabitant(t.categories["SW.KA"] ?? 0, inhabitants);
    case "hired_per_inhabitant":
      return perInhabitant(t.hired, inhabitants);
    case "fte_per_100k": {
      const fte = t.fteOwn + t.fteHired;
      if (fte === 0) {
        return missing(
          "Geen ICT-fte bekend: vul fte eigen/inhuur in bij de kerngegevens of in een fte-kolom.",
          "No ICT fte known: give own/hired fte in the key figures or in an fte column.",
        );
      }
      return per100k(fte, inhabitants);
    }
    case "hired_share":
      return hiredShare(t.hired, t.components.personnel);
    case "cost_per_fte_own":
      return costPerFte(t.own, t.fteOwn);
    case "cost_per_fte_hired":
      return costPerFte(t.hired, t.fteHired);
    case "saas_share":
      return saasShare(t.saas, t.components.software);
    case "ict_budget_share":
      return budgetShare(
        t.total,
        f.budget ??
          missing(
            "Totale begroting ontbreekt in de kerngegevens.",
            "Total budget missing from the key figures.",
          ),
      );
  }
}

function kpiComponent(id: KpiId): Component {
  return KPI_IDS.find((k) => k.id === id)?.component as Component;
}

// ---- Verdict text --------------------------------------------------------------------------------

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

function verdict(
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

function compareKpi(
  def: KpiDefinition,
  totals: YearTotals,
  figures: KeyFigures,
  benchYear: number,
  edition: Edition,
  language: Language,
): KpiComparison {
  const own = ownValue(def.id, totals, figures);
  const bench = benchmarkValue(def.id, benchYear, edition.id);
  const ownNumber = isKpiError(own) ? null : own;
  const benchNumber = isKpiError(bench) ? null : bench.value;
  const diff = ownNumber !== null && benchNumber !== null ? difference(ownNumber, benchNumber) : null;
  const pct = ownNumber !== null && benchNumber !== null ? differencePct(ownNumber, benchNumber) : null;
  const pctNumber = typeof pct === "number" ? pct : null;
  const result: KpiComparison = {
    id: def.id,
    label: def.label,
    own: ownNumber,
    benchmark: benchNumber,
    difference: typeof diff === "number" ? diff : null,
    differencePct: pctNumber,
    verdict: verdict(def, own, bench, pctNumber, edition),
    source: isKpiError(bench) ? null : sourceText(bench.source, bench.year, language),
    unit: def.unit,
  };
  if (isKpiError(own)) result.ownError = own;
  return result;
}

// ---- Years, key figures, series, issues -----------------------------------------------------------

function latest(years: (number | undefined)[]): number | undefined {
  const known = years.filter((y): y is number => typeof y === "number");
  return known.length ? Math.max(...known) : undefined;
}

/** Key figures of a year; a single undated set belongs to the comparison year. */
function figuresFor(figures: readonly KeyFigures[], year: number, mainYear: number): KeyFigures {
  return (
    figures.find((f) => f.year === year) ??
    (year === mainYear ? figures.find((f) => f.year === undefined) : undefined) ??
    {}
  );
}

function withFigureFte(t: YearTotals, f: KeyFigures): YearTotals {
  // Key figures are the controller's own count of fte: they win over fte summed from ledger lines.
  return { ...t, fteOwn: f.fteOwn ?? t.fteOwn, fteHired: f.fteHired ?? t.fteHired };
}

function buildSeries(all: YearTotals[], figures: readonly KeyFigures[], mainYear: number): SeriesPoint[] {
  const last = all.length ? all[all.length - 1].year : mainYear;
  return all.map((t) => {
    const inh = figuresFor(figures, t.year, mainYear).inhabitants;
    const per = inh === undefined ? null : perInhabitant(t.total, inh);
    const perNumber = typeof per === "number" ? per : null;
    const factor = indexFactor(t.year, last);
    const real = perNumber !== null && typeof factor === "number" ? perNumber * factor : null;
    return { year: t.year, total: t.total, perInhabitant: perNumber, perInhabitantReal: real };
  });
}

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

function collectIssues(
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

/** The benchmark's own figures for the comparison year when the edition has them, else its book year. */
function benchmarkYear(edition: Edition, year: number): number {
  return edition.kpis.total_per_inhabitant?.[String(year)] ? year : edition.bookYear;
}

/** Every KPI of the contract for one year: own value, benchmark, difference and a verdict. */
export function compare(
  lines: readonly CategorisedLine[],
  figures: readonly KeyFigures[],
  options: CompareOptions = {},
): Comparison {
  const issues: Bilingual[] = [];
  let edition = getEdition(options.editionId);
  if (!edition) {
    edition = getEdition();
    issues.push({
      nl: `Onbekende benchmarkeditie "${options.editionId}": ${edition.title} gebruikt.`,
      en: `Unknown benchmark edition "${options.editionId}": used ${edition.title}.`,
    });
  }
  const figureYear = options.year ?? latest(figures.map((f) => f.year));
  const { totals: all, nullYearLines } = accumulate(lines, figureYear);
  const year = figureYear ?? latest(all.map((t) => t.year)) ?? edition.bookYear;
  const f = figuresFor(figures, year, year);
  const totals = withFigureFte(all.find((t) => t.year === year) ?? emptyTotals(year), f);
  const benchYear = benchmarkYear(edition, year);
  const language = options.language ?? "nl";
  const kpis = KPI_IDS.map((def) => compareKpi(def, totals, f, benchYear, edition as Edition, language));
  issues.push(...collectIssues(totals, f, year, benchYear, nullYearLines, edition));
  const result: Comparison = {
    year,
    edition: edition.id,
    totals,
    kpis,
    series: buildSeries(all, figures, year),
    issues,
  };
  if (f.municipality !== undefined) result.municipality = f.municipality;
  if (f.inhabitants !== undefined) result.inhabitants = f.inhabitants;
  return result;
}
