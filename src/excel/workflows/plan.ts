/**
 * The four output commands — Categorise, Make comparison, Make trend and Rebuild all — as one plan each:
 * read the workbook once, work out what to write, and write the categorisation (when needed), the
 * comparison and the trend in a single render.
 */
import { Comparison } from "../../model/comparison";
import {
  categorisationSheet,
  categorise as categoriseLedger,
  cbsNoteLines,
  prepareInputs,
  reconciliationNote,
  Inputs,
  layoutReport,
  learningOffers,
  OutputSheet,
  Report,
  TrendSheet,
} from "../../model/pipeline";
import { reviewList } from "../../model/categorise/review";
import { overheadSummary } from "../../model/cbs/overhead";
import { explainAll } from "../../model/explain/drilldown";
import { SheetLayout } from "../../model/layout";
import { Bilingual, CategorisedLine, CategoryCode } from "../../model/types";
import { WorkbookInventory } from "../read";
import { RenderResult } from "../render";
import { InputChoice, WorkflowOptions, WorkflowResult } from "../workflow-api";
import { CategorisationSheet, planCategorisation } from "./categorisation";
import { analyse, paneError, readAll } from "./reading";
import { b, guarded, progress, STEPS, WorkflowEnv } from "./run";
import { afterCategorisationRewrite, beforeCategorisationRewrite } from "./state";
import { categoriseSummary, comparisonSummary, joined, trendSummary, unclassifiedOf } from "./summaries";
import { Names, render } from "./writing";

export interface Plan {
  categorise: "always" | "ifStale";
  /**
   * Also rewrite the comparison and trend sheets that exist (Categoriseren): every sheet that depends on
   * the categorisation is brought up to date in the same run, never left stale beside it.
   */
  refreshDependents?: boolean;
  /** Write the comparison (for `year`, default the latest). */
  comparison?: { year?: number };
  trend?: boolean;
  /** Fail when the trend has fewer than two years (buildTrend); rebuildAll just leaves it out. */
  trendRequired?: boolean;
  /** Write the audit snapshot ICT-controle (Momentopname). */
  snapshot?: boolean;
}

/** Reads once, then writes the categorisation (when needed), the comparison and the trend in one render. */
export async function runPlan(
  context: Excel.RequestContext,
  env: WorkflowEnv,
  options: WorkflowOptions,
  choice: InputChoice | undefined,
  plan: Plan,
): Promise<WorkflowResult> {
  const language = options.language;
  progress(options, STEPS.read, 0);
  const { data, manual, manualIssues } = await readAll(context, env, choice, true);
  progress(options, STEPS.classify, 0.3);
  const found = analyse(data, choice, manual);
  found.issues.push(...manualIssues);
  // The same step as the CLI's: the comparison year, then CBS fills what the workbook leaves empty.
  const { inputs, year, cbs } = prepareInputs(found, {
    ...(plan.comparison?.year !== undefined ? { year: plan.comparison.year } : {}),
    ...(choice?.gemeente ? { gemeente: choice.gemeente } : {}),
  });
  const categorised = categoriseLedger(inputs);
  const counted = categorised.counted;
  const learn = learningOffers(inputs, categorised, language);

  // Names are picked in the order categorisation, comparison, trend: the order render writes them in.
  const names = new Names(data);
  if (plan.refreshDependents) {
    if (names.owned("comparison")) plan = { ...plan, comparison: plan.comparison ?? {} };
    if (names.owned("trend")) plan = { ...plan, trend: true };
  }
  const cat = planCategorisation(env, names, options, plan.categorise, (sheetName) =>
    categorisationSheet(categorised, inputs, year, sheetName, language),
  );
  let report: Report | undefined;
  if (plan.comparison !== undefined || plan.trend || plan.snapshot) {
    progress(options, STEPS.compare, 0.5);
    try {
      report = layoutReport(inputs, categorised, {
        language,
        ...(options.editionId ? { editionId: options.editionId } : {}),
        year,
        categorisationName: cat.name,
        pickName: (role) => names.pick(role, options),
        comparison: plan.comparison !== undefined,
        ...(plan.trend ? { trend: plan.trendRequired ? "required" : "optional" } : {}),
        sources: cbsNoteLines(cbs),
        cbs,
        ...(plan.snapshot ? { snapshot: true } : {}),
      });
    } catch (e) {
      throw paneError(e);
    }
  }
  const comparison = report?.comparison;
  const compared = report?.compared;
  const trend = report?.trend;
  const iv3 = report?.iv3;

  const results = await write(context, env, options, data.inventory, cat, inputs.manual, [
    compared,
    trend,
    report?.explained,
    report?.audit,
    iv3,
  ]);
  progress(options, STEPS.done, 1);

  const lines = comparison ? comparison.totals.unclassified : unclassifiedOf(counted);
  const audit = report?.audit;
  let summary = planSummary(inputs, counted, cat, comparison, compared, trend);
  if (audit) {
    const said = b(
      `Momentopname op '${audit.name}', met de vingerafdruk van de kostenregels en kerngegevens.`,
      `Snapshot on '${audit.name}', with the fingerprint of the cost lines and key figures.`,
    );
    summary = compared || cat.layout ? joined(summary, said) : said;
  }
  return {
    ok: true,
    summary,
    ...(compared && comparison ? { explanations: explainAll(counted, comparison, { topLines: 3 }) } : {}),
    ...(audit ? { fingerprint: audit.fingerprint } : {}),
    issues: inputs.issues,
    sheets: results.map((r) => r.sheetName),
    unclassified: { lines: lines.lines, amount: lines.amount },
    ...(comparison ? { viaGr: { ...comparison.totals.viaGr } } : {}),
    reconciliation: reconciliationNote(inputs.reconciliations),
    sources: cbsNoteLines(cbs),
    ...(compared && report?.overhead ? { overhead: overheadSummary(report.overhead) } : {}),
    review: reviewList(counted)
      .slice(0, REVIEW_LINES)
      .map((l) => ({
        row: l.row,
        description: l.description,
        amount: l.amount,
        category: l.category,
        confidence: l.confidence,
      })),
    ...(learn.length > 0 ? { learn } : {}),
  };
}

/** How many lines the pane lists to check first. */
const REVIEW_LINES = 5;

/**
 * Writes the sheets in one render. The categorisation goes after the sheet the user asked for, so that
 * one is activated. Around a rewrite of the categorisation sheet the manual codes are backed up (bug A,
 * ./state.ts).
 */
async function write(
  context: Excel.RequestContext,
  env: WorkflowEnv,
  options: WorkflowOptions,
  inventory: WorkbookInventory,
  cat: CategorisationSheet,
  manual: ReadonlyMap<string, CategoryCode>,
  others: (OutputSheet | undefined)[],
): Promise<RenderResult[]> {
  const layouts: SheetLayout[] = others.filter((o): o is OutputSheet => o !== undefined).map((o) => o.layout);
  if (cat.layout) layouts.splice(layouts.length > 0 ? 1 : 0, 0, cat.layout);
  if (cat.layout) await beforeCategorisationRewrite(env.settings, manual);
  const results = layouts.length > 0 ? await render(context, env, layouts, options, inventory) : [];
  const catResult = results.find((r) => r.role === "categorisation");
  if (cat.layout && catResult) await afterCategorisationRewrite(env.settings, catResult.sheetId, cat.layout);
  return results;
}

/** What was categorised (when the sheet was written), compared and trended, in one message. */
function planSummary(
  inputs: Inputs,
  counted: readonly CategorisedLine[],
  cat: CategorisationSheet,
  comparison: Comparison | undefined,
  compared: OutputSheet | undefined,
  trend: TrendSheet | undefined,
): Bilingual {
  const catSummary = categoriseSummary(counted, inputs.read);
  let summary = catSummary;
  if (comparison && compared) {
    const c = comparisonSummary(comparison, compared.name);
    summary = cat.layout ? joined(catSummary, c) : c;
  }
  if (trend)
    summary = joined(
      summary,
      trendSummary(
        comparison!.series.map((p) => p.year),
        trend.name,
      ),
    );
  if (trend?.note) summary = b(summary.nl + trend.note.nl, summary.en + trend.note.en);
  return summary;
}

export function categorise(
  env: WorkflowEnv,
  options: WorkflowOptions,
  choice?: InputChoice,
): Promise<WorkflowResult> {
  return guarded(env, (context) =>
    runPlan(context, env, options, choice, { categorise: "always", refreshDependents: true }),
  );
}

export function buildComparison(
  env: WorkflowEnv,
  options: WorkflowOptions,
  year?: number,
  choice?: InputChoice,
): Promise<WorkflowResult> {
  // The year is settled after the read when not given: the latest year of the ledger.
  return guarded(env, (context) =>
    runPlan(context, env, options, choice, {
      categorise: "ifStale",
      comparison: year === undefined ? {} : { year },
    }),
  );
}

export function buildTrend(
  env: WorkflowEnv,
  options: WorkflowOptions,
  choice?: InputChoice,
): Promise<WorkflowResult> {
  return guarded(env, (context) =>
    runPlan(context, env, options, choice, { categorise: "ifStale", trend: true, trendRequired: true }),
  );
}

export function rebuildAll(
  env: WorkflowEnv,
  options: WorkflowOptions,
  choice?: InputChoice,
): Promise<WorkflowResult> {
  return guarded(env, (context) =>
    runPlan(context, env, options, choice, { categorise: "always", comparison: {}, trend: true }),
  );
}

/** Momentopname: the audit sheet ICT-controle from the workbook as it is now (categorised afresh if stale). */
export function snapshot(
  env: WorkflowEnv,
  options: WorkflowOptions,
  choice?: InputChoice,
): Promise<WorkflowResult> {
  return guarded(env, (context) =>
    runPlan(context, env, options, choice, { categorise: "ifStale", snapshot: true }),
  );
}
