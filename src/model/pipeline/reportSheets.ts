/**
 * The sheets and sections laid out beside the comparison, each from the same categorised lines and
 * comparison: the Iv3 tie-out, the overhead section under ICT-vergelijking, ICT-toelichting and the audit
 * snapshot ICT-controle. layoutReport (./report.ts) decides which a plan gets.
 */
import { fingerprint } from "../audit/fingerprint";
import { OverheadContext } from "../cbs/overhead";
import { Comparison } from "../comparison";
import { explainComponents } from "../explain/sentences";
import { keyFiguresForYear } from "../keyFigures";
import {
  auditLayout,
  CategorisationRefs,
  explanationLayout,
  iv3Figures,
  Iv3Figures,
  iv3Layout,
} from "../layout";
import { overheadLayout } from "../layout/comparison/overhead";
import { Bilingual } from "../types";
import { CbsOutcome, overheadSection } from "./cbs";
import { Inputs } from "./findInputs";
import { b } from "./inputError";
import { lastRow, reconciliationNote } from "./notes";
import type { Categorised, OutputSheet, ReportPlan } from "./report";

/**
 * The Iv3 tie-out of the comparison year, with CBS's overhead when the municipality is known; with the
 * figures it shows (for `compare --json`), the same ones its cells cache.
 */
export function iv3Sheet(
  categorised: Categorised,
  comparison: Comparison,
  catRefs: CategorisationRefs,
  plan: ReportPlan,
  context: OverheadContext | undefined,
): OutputSheet & { figures: Iv3Figures } {
  const sameYear = context !== undefined && context.year === plan.year;
  const overheadNote: Bilingual = context
    ? (context.notes[0] ?? b("", ""))
    : b(
        "Onbekend: noem de gemeente (kerngegevens 'Gemeente', of kies haar bij Gegevens / --gemeente), dan komt de overhead uit CBS.",
        "Unknown: name the municipality (key figure 'Gemeente', or choose it at Data / --gemeente) and the overhead comes from CBS.",
      );
  const name = plan.pickName("iv3");
  const options = {
    language: plan.language,
    sheetName: name,
    year: plan.year,
    categorisation: catRefs,
    comparison,
    ...(sameYear
      ? {
          overhead: {
            amount: context.overhead,
            bi5: context.kpis.overhead_bi5.value,
            source: `${context.source} (CC BY 4.0)`,
          },
        }
      : { overheadNote }),
  };
  const figures = iv3Figures(categorised.counted, options);
  return { name, layout: iv3Layout(categorised.counted, options, figures), figures };
}

/** The comparison sheet with "Overhead in context" below everything else (its rows and its chart). */
export function withOverheadSection(
  sheet: OutputSheet,
  cbs: CbsOutcome,
  overhead: OverheadContext | undefined,
  plan: ReportPlan,
): OutputSheet {
  const section = overheadLayout(overheadSection(cbs, overhead), plan.language, lastRow(sheet.layout) + 2);
  const layout = sheet.layout;
  return {
    ...sheet,
    layout: {
      ...layout,
      blocks: [...layout.blocks, ...section.blocks],
      charts: [...layout.charts, ...section.charts],
    },
  };
}

/** ICT-toelichting: the engine's sentences and drill-down beside the comparison it watches for staleness. */
export function explanationSheet(
  categorised: Categorised,
  comparison: Comparison,
  comparisonSheet: string,
  plan: ReportPlan,
): OutputSheet {
  const name = plan.pickName("explanation");
  const parts = explainComponents(categorised.counted, comparison);
  const layout = explanationLayout(comparison, parts, {
    language: plan.language,
    sheetName: name,
    comparisonSheet,
  });
  return { name, layout };
}

/** ICT-controle: every KPI and figure as values, with the fingerprint of what they were computed from. */
export function auditSheet(
  inputs: Inputs,
  categorised: Categorised,
  comparison: Comparison,
  plan: ReportPlan,
): OutputSheet & { fingerprint: string } {
  const figures = keyFiguresForYear(inputs.figures, comparison.year) ?? {};
  const print = fingerprint({
    year: comparison.year,
    edition: comparison.edition,
    figures,
    lines: categorised.counted,
  });
  const name = plan.pickName("audit");
  const layout = auditLayout(
    {
      comparison,
      figures,
      fingerprint: print,
      ruled: categorised.ruled,
      counted: categorised.counted,
      manual: inputs.manual,
      rules: inputs.rules,
      reconciliation: reconciliationNote(inputs.reconciliations),
    },
    { language: plan.language, sheetName: name },
  );
  return { name, layout, fingerprint: print };
}
