/**
 * Running a workflow from the pane: the options it gets (language, edition, sheet names, progress,
 * cancel signal) and the outcome the pane shows afterwards — the workflow's result, a cancellation
 * or an unexpected error.
 */
import { WorkflowOptions, WorkflowResult } from "../excel/workflow-api";
import { errorMessage, fromStrings } from "./messages";
import { ActionId, Outcome } from "./paneState";
import { PaneSettings } from "./settings";

export function workflowOptions(
  settings: PaneSettings,
  onProgress: WorkflowOptions["onProgress"],
  signal?: AbortSignal,
): WorkflowOptions {
  const options: WorkflowOptions = { language: settings.language, onProgress };
  if (signal) options.signal = signal;
  if (settings.editionId) options.editionId = settings.editionId;
  if (Object.keys(settings.sheetNames).length > 0) options.sheetNames = { ...settings.sheetNames };
  return options;
}

function isAbort(err: unknown, signal: AbortSignal | undefined): boolean {
  return (
    (signal?.aborted ?? false) ||
    (typeof err === "object" && err !== null && (err as { name?: string }).name === "AbortError")
  );
}

/** A workflow that threw: "cancelled" when the user cancelled it, else the unexpected error. */
export function failedOutcome(action: ActionId, err: unknown, signal: AbortSignal | undefined): Outcome {
  const error = isAbort(err, signal)
    ? fromStrings("cancelled")
    : fromStrings("unexpected", { message: errorMessage(err) });
  return { action, ok: false, summary: null, error, issues: [], sheets: [] };
}

/** A workflow result as the pane shows it; a result that needs a mapping without an error says so. */
export function resultOutcome(action: ActionId, result: WorkflowResult): Outcome {
  const outcome: Outcome = {
    action,
    ok: result.ok,
    summary: result.summary,
    error: result.ok ? null : (result.error ?? null),
    issues: result.issues ?? [],
    sheets: result.sheets ?? [],
  };
  if (result.unclassified) outcome.unclassified = result.unclassified;
  if (result.reconciliation) outcome.reconciliation = result.reconciliation;
  if (result.sources && result.sources.length > 0) outcome.sources = result.sources;
  if (result.overhead) outcome.overhead = result.overhead;
  if (result.review && result.review.length > 0) outcome.review = result.review;
  if (result.explanations && result.explanations.length > 0) outcome.explanations = result.explanations;
  if (result.fingerprint) outcome.fingerprint = result.fingerprint;
  if (result.learn && result.learn.length > 0) outcome.learn = result.learn;
  if (!result.ok && result.needsMapping && !result.error) outcome.error = fromStrings("needsMapping");
  return outcome;
}
