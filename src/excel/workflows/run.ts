/**
 * How every workflow runs: where (Excel.run and the document settings, or the fake in tests), how it
 * reports progress and honours Cancel, and how any failure becomes a result the task pane can show
 * instead of a rejected promise.
 */
import { Bilingual, ReadIssue } from "../../model/types";
import { SettingsStore } from "../ownership";
import { RenderError } from "../render";
import { InputDetection, WorkflowOptions, WorkflowResult } from "../workflow-api";

/** Where the workflows run: Excel.run and the document settings in the add-in, the fake in tests. */
export interface WorkflowEnv {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  settings: SettingsStore;
  /** Request/response limit per sync (default 5 MB, Excel on the web). */
  payloadLimit?: number;
  /** Cells per read sync (default read.ts's). */
  maxCellsPerSync?: number;
}

/** A failure the workflow turns into words for the user. */
export class WorkflowError extends Error {
  constructor(
    readonly userMessage: Bilingual,
    readonly needsMapping?: InputDetection,
    readonly issues: ReadIssue[] = [],
  ) {
    super(`${userMessage.nl} (${userMessage.en})`);
    this.name = "WorkflowError";
  }
}

/** The ledger (or the only place it can be) is on a sheet over read.ts's cap. */
export class TooLargeError extends WorkflowError {}

/** The user pressed Cancel: thrown at the next progress step, so work stops between syncs. */
class Cancelled extends Error {}

/** A message in both of the pane's languages. */
export const b = (nl: string, en: string): Bilingual => ({ nl, en });

export const STEPS = {
  read: b("Werkmap lezen…", "Reading the workbook…"),
  classify: b("Kostenregels indelen…", "Categorising cost lines…"),
  compare: b("Vergelijken met de benchmark…", "Comparing with the benchmark…"),
  write: b("Bladen schrijven…", "Writing sheets…"),
  done: b("Klaar", "Done"),
};

/** Reports a step; also where a cancelled run stops (the check sits between syncs, never inside one). */
export function progress(options: WorkflowOptions, step: Bilingual, fraction?: number): void {
  if (options.signal?.aborted) throw new Cancelled();
  options.onProgress?.(fraction === undefined ? { step } : { step, fraction });
}

function errorCode(e: unknown): string {
  return String((e as { code?: unknown } | null)?.code ?? "");
}

/** Any failure as a result the pane can show: what went wrong and what to do next. */
export function failure(e: unknown): WorkflowResult {
  if (e instanceof Cancelled) {
    return {
      ok: false,
      summary: b("Geannuleerd.", "Cancelled."),
      error: b(
        "Geannuleerd. Uw eigen bladen zijn niet gewijzigd; de bladen van de add-in kunnen half bijgewerkt zijn: voer de actie opnieuw uit.",
        "Cancelled. Your own sheets were not changed; the add-in's sheets may be partly updated: run the action again.",
      ),
      issues: [],
      sheets: [],
    };
  }
  let error: Bilingual;
  let needsMapping: InputDetection | undefined;
  let issues: ReadIssue[] = [];
  if (e instanceof WorkflowError) {
    error = e.userMessage;
    needsMapping = e.needsMapping;
    issues = e.issues;
  } else if (e instanceof RenderError) {
    error = e.userMessage;
  } else {
    error = excelErrorMessage(e);
  }
  const result: WorkflowResult = { ok: false, summary: error, error, issues, sheets: [] };
  if (needsMapping) result.needsMapping = needsMapping;
  return result;
}

/** Excel's own errors, by code: the common ones say what the user can do about them. */
function excelErrorMessage(e: unknown): Bilingual {
  const code = errorCode(e);
  if (/CellEditMode/i.test(code)) {
    return b(
      "Excel is bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw.",
      "Excel is editing a cell. Press Enter or Esc and try again.",
    );
  }
  if (/AccessDenied|Protect/i.test(code)) {
    return b(
      "Excel weigerde de wijziging: een blad of de werkmap is beveiligd. Hef de beveiliging op en probeer het opnieuw.",
      "Excel refused the change: a sheet or the workbook is protected. Unprotect it and try again.",
    );
  }
  if (/PayloadSizeLimit/i.test(code)) {
    return b(
      "De werkmap is te groot om in één keer te verwerken. Verklein de selectie of verwijder lege kolommen en probeer het opnieuw.",
      "The workbook is too large to process at once. Make the selection smaller or remove empty columns and try again.",
    );
  }
  const detail = e instanceof Error ? e.message : String(e);
  return b(
    `Er ging iets mis in Excel (${detail}). Probeer het opnieuw; blijft het misgaan, sla de werkmap op en open hem opnieuw.`,
    `Something went wrong in Excel (${detail}). Try again; if it keeps failing, save the workbook and reopen it.`,
  );
}

/** Runs a batch inside Excel.run; every failure becomes a result. */
export async function guarded(
  env: WorkflowEnv,
  batch: (context: Excel.RequestContext) => Promise<WorkflowResult>,
): Promise<WorkflowResult> {
  try {
    return await env.run(batch);
  } catch (e) {
    return failure(e);
  }
}
