/**
 * The drill-down behind a KPI: which categories make the difference with the benchmark, largest first,
 * and for each its biggest ledger lines. Pure: from the counted lines and the comparison compare() made,
 * so both faces (`compare --explain`, the pane, ICT-toelichting) tell the same story.
 *
 * Order: a category the edition gives a figure for (so far only SW.KA, € per inhabitant) is weighed by
 * its gap to that figure; any other category by its own euros per inhabitant, since the report gives
 * nothing to set it against and its size is what it adds to the KPI. Largest absolute weight first.
 */
import { benchmarkValue, KPI_IDS, KpiDefinition, KpiId } from "../benchmark";
import { isKpiId } from "../benchmark/kpis";
import { Comparison, KpiComparison } from "../comparison";
import { benchmarkYear } from "../comparison/years";
import { getEdition } from "../benchmark";
import { categoryLabel, componentOf } from "../taxonomy";
import { Bilingual, CategorisedLine, CategoryCode, isKpiError } from "../types";

/** One ledger line behind a category: where it is, what it says, what it cost. */
export interface ExplainedLine {
  /** Source row in the user's ledger (the categorisation's Bronrij). */
  row: number;
  description: string;
  supplier: string;
  amount: number;
  viaGr: boolean;
}

export interface ExplainedCategory {
  code: CategoryCode;
  label: Bilingual;
  amount: number;
  lines: number;
  /** Euros per inhabitant; null without inhabitants. */
  perInhabitant: number | null;
  /** The edition's own figure for this category (€ per inhabitant), where it has one. */
  benchmark: number | null;
  /** perInhabitant − benchmark, where both are known. */
  gap: number | null;
  /** The biggest lines, largest absolute amount first. */
  top: ExplainedLine[];
}

export interface KpiExplanation {
  kpi: KpiComparison;
  year: number;
  /** Which lines the KPI is about, as filters on the categorisation (for the pane's filter and the CLI). */
  scope: KpiScope;
  categories: ExplainedCategory[];
}

/** The lines a KPI sums: its component (or all ICT), one category, hired/own staff, SaaS. */
export interface KpiScope {
  component: KpiDefinition["component"];
  category?: CategoryCode;
  staffing?: "own" | "hired";
  delivery?: "saas";
}

export const KPI_ID_LIST: readonly KpiId[] = KPI_IDS.map((k) => k.id);

export function kpiScope(id: KpiId): KpiScope {
  const def = KPI_IDS.find((k) => k.id === id) as KpiDefinition;
  const scope: KpiScope = { component: def.component };
  if (def.category) scope.category = def.category;
  if (def.staffing === "own" || def.staffing === "hired") scope.staffing = def.staffing;
  if (def.delivery === "saas") scope.delivery = "saas";
  return scope;
}

/** Whether a counted line of the comparison year is one the KPI is about (as compare()'s totals count it). */
function inScope(line: CategorisedLine, scope: KpiScope): boolean {
  const component = componentOf(line.category);
  if (component === null) return false; // XX.NI and XX.OO never count
  if (scope.component !== null && component !== scope.component) return false;
  if (scope.category && line.category !== scope.category) return false;
  // Personnel not marked hired counts as own staff (YearTotals.own).
  if (scope.staffing === "hired" && line.staffing !== "hired") return false;
  if (scope.staffing === "own" && line.staffing === "hired") return false;
  if (scope.delivery === "saas" && line.delivery !== "saas") return false;
  return true;
}

/** The lines compare() counted for `year`: undated lines belong to the comparison year. */
export function linesOfYear(lines: readonly CategorisedLine[], year: number): CategorisedLine[] {
  return lines.filter((l) => (l.year ?? year) === year);
}

export interface ExplainOptions {
  /** Biggest lines per category (default 5). */
  topLines?: number;
  /** Categories shown (default all that have lines). */
  topCategories?: number;
}

const finite = (x: number) => (Number.isFinite(x) ? x : 0);

/** Categories of `lines` with their biggest lines, largest weight first (see the module comment). */
export function explainLines(
  lines: readonly CategorisedLine[],
  comparison: Comparison,
  options: ExplainOptions = {},
): ExplainedCategory[] {
  const byCode = new Map<CategoryCode, CategorisedLine[]>();
  for (const l of lines) {
    const list = byCode.get(l.category);
    if (list) list.push(l);
    else byCode.set(l.category, [l]);
  }
  const edition = getEdition(comparison.edition) ?? getEdition();
  const benchYear = benchmarkYear(edition, comparison.year);
  const inhabitants = comparison.inhabitants;
  const categories = [...byCode].map(([code, list]): ExplainedCategory => {
    const amount = list.reduce((s, l) => s + finite(l.amount), 0);
    const perInhabitant = inhabitants ? amount / inhabitants : null;
    const bench = benchmarkValue(code, benchYear, edition.id);
    const benchmark = isKpiError(bench) || bench.unit !== "eur_per_inhabitant" ? null : bench.value;
    const top = [...list]
      .sort((a, b) => Math.abs(finite(b.amount)) - Math.abs(finite(a.amount)) || a.row - b.row)
      .slice(0, options.topLines ?? 5)
      .map((l) => ({
        row: l.row,
        description: l.description,
        supplier: l.supplier,
        amount: finite(l.amount),
        viaGr: l.viaGr === true,
      }));
    return {
      code,
      label: { nl: categoryLabel(code, "nl"), en: categoryLabel(code, "en") },
      amount,
      lines: list.length,
      perInhabitant,
      benchmark,
      gap: perInhabitant !== null && benchmark !== null ? perInhabitant - benchmark : null,
      top,
    };
  });
  const weight = (c: ExplainedCategory) => Math.abs(c.gap ?? c.perInhabitant ?? c.amount);
  categories.sort((a, b) => weight(b) - weight(a) || a.code.localeCompare(b.code));
  return options.topCategories === undefined ? categories : categories.slice(0, options.topCategories);
}

/** The drill-down of one KPI of the comparison. */
export function explainKpi(
  id: KpiId,
  counted: readonly CategorisedLine[],
  comparison: Comparison,
  options: ExplainOptions = {},
): KpiExplanation {
  const kpi = comparison.kpis.find((k) => k.id === id) as KpiComparison;
  const scope = kpiScope(id);
  const lines = linesOfYear(counted, comparison.year).filter((l) => inScope(l, scope));
  return { kpi, year: comparison.year, scope, categories: explainLines(lines, comparison, options) };
}

/** Every KPI's drill-down, in the comparison's order. */
export function explainAll(
  counted: readonly CategorisedLine[],
  comparison: Comparison,
  options: ExplainOptions = {},
): KpiExplanation[] {
  return comparison.kpis
    .filter((k) => isKpiId(k.id))
    .map((k) => explainKpi(k.id as KpiId, counted, comparison, options));
}

/** A KPI id as typed ("Software_per_inhabitant"), or null: the caller lists KPI_ID_LIST. */
export function parseKpiId(text: string): KpiId | null {
  const id = text.trim().toLowerCase();
  return isKpiId(id) ? id : null;
}
