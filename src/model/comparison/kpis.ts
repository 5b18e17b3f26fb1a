/**
 * KPI values: the municipality's own value of each KPI of the workbook contract from one year's
 * totals and key figures, set against the benchmark (difference, percentage, verdict, source).
 * A KPI that cannot be computed carries the reason instead of a number.
 */
import { benchmarkValue, Edition, KPI_IDS, KpiDefinition, KpiId, sourceText } from "../benchmark";
import {
  budgetShare,
  costPerFte,
  difference,
  differencePct,
  hiredShare,
  per100k,
  perInhabitant,
  saasShare,
} from "../formulas";
import { Bilingual, Component, isKpiError, KeyFigures, KpiError, KpiResult, Language } from "../types";
import { verdict } from "./verdicts";
import { YearTotals } from "./yearTotals";

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

export function compareKpi(
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
