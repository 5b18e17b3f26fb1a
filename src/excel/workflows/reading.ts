/**
 * Reading the workbook for a workflow: one read of the user's sheets (read.ts, with the manual codes of
 * the categorisation sheet riding along), then the core's findInputs (src/model/pipeline) finds the
 * ledger, key figures and rules in it. What cannot be used is refused here, with words that say what to do; the Data step's
 * detection (detectInputs) is the same read without writing anything.
 */
import { keyFiguresForYear } from "../../model/keyFigures";
import {
  defaultYear,
  detection,
  findInputs,
  InputError,
  InputErrorCode,
  Inputs,
  withHint,
} from "../../model/pipeline";
import { Bilingual, CategoryCode, KeyFigures, ReadIssue } from "../../model/types";
import {
  adoptablePending,
  OwnedSheet,
  PENDING_SHEETS_SETTING,
  readOwnedSheets,
  readPendingSheets,
  saveOwnedSheets,
} from "../ownership";
import { readWorkbook, WorkbookData, WorkbookRead } from "../read";
import { InputChoice, InputDetection, WorkflowOptions } from "../workflow-api";
import { ManualCategories } from "./manual";
import { b, failure, progress, STEPS, TooLargeError, WorkflowEnv, WorkflowError } from "./run";
import { readManualBackup } from "./state";

/**
 * Cells of the first values sync: a ledger cell is 15–20 bytes as JSON, so 200,000 cells fill 3–4 MB of
 * the 5 MB limit (read.ts's default of 140,000 leaves blocks under half full); read.ts sizes the later
 * syncs from the bytes measured, and retries wider text with half the cells.
 */
const MAX_CELLS_PER_SYNC = 200_000;

/**
 * Reads the user's sheets in full and, of the add-in's own sheets, names and the manual categories; the
 * manual categories and (with `forRender`) the charts of the own sheets ride on readWorkbook's syncs, and
 * the returned inventory lets the render that follows start writing at once.
 */
export async function readAll(
  context: Excel.RequestContext,
  env: WorkflowEnv,
  choice: InputChoice | undefined,
  forRender = false,
): Promise<{ data: WorkbookRead; manual: Map<string, CategoryCode>; manualIssues: ReadIssue[] }> {
  const owned = readOwnedSheets(env.settings);
  const manual = new ManualCategories(owned.find((o) => o.role === "categorisation")?.id, env.payloadLimit);
  const data = await readWorkbook(context, {
    settings: env.settings,
    includeOwned: false,
    selection: choice?.source?.kind === "selection",
    maxCellsPerSync: env.maxCellsPerSync ?? MAX_CELLS_PER_SYNC,
    ownedCharts: forRender,
    riders: [manual],
    ...(env.payloadLimit ? { payloadLimit: env.payloadLimit } : {}),
  });
  await adoptPendingSheets(env, data, owned, forRender);
  listOwnedSheets(data, owned);
  // Codes a failed rewrite of the categorisation sheet may have lost come back from the backup (bug A).
  for (const [key, code] of readManualBackup(env.settings))
    if (!manual.result.has(key)) manual.result.set(key, code);
  return { data, manual: manual.result, manualIssues: manual.issues };
}

/**
 * Bug B: output sheets a failed render created but could not record are taken back (ownership.ts). Only
 * a run that writes records them (detectInputs never writes, not even settings).
 */
async function adoptPendingSheets(
  env: WorkflowEnv,
  data: WorkbookRead,
  owned: OwnedSheet[],
  forRender: boolean,
): Promise<void> {
  const pending = readPendingSheets(env.settings);
  if (!pending) return;
  const seen = data.sheets.map((d) => ({
    id: d.id,
    name: d.name,
    isOwned: d.isOwned,
    empty: d.values.length === 0,
    a1: d.firstRow === 0 && d.firstColumn === 0 ? d.values[0]?.[0] : undefined,
  }));
  const adopted = adoptablePending(pending, owned, seen);
  for (const a of adopted) {
    const d = data.sheets.find((x) => x.id === a.id)!;
    d.isOwned = true;
    d.role = a.role;
    owned.push(a);
  }
  if (forRender) {
    env.settings.set(PENDING_SHEETS_SETTING, null);
    await saveOwnedSheets(env.settings, owned, new Set(data.inventory.sheets.map((x) => x.id)));
  }
}

/**
 * The add-in's own sheets were not read (includeOwned: false), but the renderer and the sheet names
 * need to know them: each is listed by name and role, without values.
 */
function listOwnedSheets(data: WorkbookRead, owned: readonly OwnedSheet[]): void {
  for (const s of data.inventory.sheets) {
    const role = owned.find((o) => o.id === s.id)?.role;
    if (role === undefined || data.sheets.some((d) => d.id === s.id)) continue;
    data.sheets.push({
      name: s.name,
      id: s.id,
      visibility: s.visibility,
      isOwned: true,
      role,
      protected: s.protection.protected,
      values: [],
      firstRow: 0,
      firstColumn: 0,
    });
  }
}

/**
 * The core's findInputs, with its refusals turned into the pane's words: what happened, then what to do
 * under Gegevens (Data).
 */
export function analyse(
  data: WorkbookData,
  choice: InputChoice | undefined,
  manual: Map<string, CategoryCode> = new Map(),
): Inputs {
  try {
    return findInputs(data, choice, manual);
  } catch (e) {
    throw paneError(e);
  }
}

/** What to do next, in the pane's terms, per reason the pipeline gave. */
const PANE_HINTS: Partial<Record<InputErrorCode, Bilingual>> = {
  ledgerGone: b(
    "Kies een ander blad of een andere tabel bij Gegevens.",
    "Pick another sheet or table under Data.",
  ),
  noLedger: b(
    "Kies bij Gegevens welk blad en welke kolommen het grootboek zijn, of voeg het invoersjabloon in.",
    "Choose the ledger's sheet and columns under Data, or insert the input template.",
  ),
  tooLarge: b(
    "Of selecteer het grootboek en kies bij Gegevens 'De huidige selectie'.",
    "Or select the ledger and choose 'The current selection' under Data.",
  ),
  missingColumns: b(
    "Wijs bij Gegevens aan welke kolom wat is.",
    "Under Data, point out which column is which.",
  ),
  noLines: b(
    "Vul het grootboek of kies een ander blad bij Gegevens.",
    "Fill in the ledger or choose another sheet under Data.",
  ),
  noInhabitants: b(
    "Vul het in op het blad Kerngegevens (bijv. 'Aantal inwoners' met het getal ernaast) of typ het bij Gegevens.",
    "Enter it on the Key figures sheet (e.g. 'Inhabitants' with the number beside it) or type it under Data.",
  ),
};

/** An InputError of the core as the pane's WorkflowError (a TooLargeError for a sheet over the cap). */
export function paneError(e: unknown): unknown {
  if (!(e instanceof InputError)) return e;
  const message = withHint(e.userMessage, PANE_HINTS[e.code]);
  return e.code === "tooLarge"
    ? new TooLargeError(message, e.detection, e.issues)
    : new WorkflowError(message, e.detection, e.issues);
}

/**
 * Which ledgers and key figures the workbook holds; never writes. Like the other commands it never
 * rejects: a failure (a protected or too large ledger sheet, a failed sync) comes back as `error`, with
 * no ledgers.
 */
export async function detectInputs(env: WorkflowEnv, options: WorkflowOptions): Promise<InputDetection> {
  try {
    return await env.run(async (context) => {
      progress(options, STEPS.read, 0);
      const { data, manual } = await readAll(context, env, undefined);
      try {
        const inputs = analyse(data, undefined, manual);
        const year = defaultYear(inputs);
        const missing: (keyof KeyFigures)[] = keyFiguresForYear(inputs.figures, year)?.inhabitants
          ? []
          : ["inhabitants"];
        return detection(
          inputs.places,
          inputs.places.indexOf(inputs.ledger),
          inputs.figures,
          missing,
          inputs.years,
        );
      } catch (e) {
        if (e instanceof WorkflowError && e.needsMapping) {
          // A ledger too large to read still shows its message beside the candidates.
          return e instanceof TooLargeError ? { ...e.needsMapping, error: e.userMessage } : e.needsMapping;
        }
        throw e;
      } finally {
        options.onProgress?.({ step: STEPS.done, fraction: 1 });
      }
    });
  } catch (e) {
    const error = failure(e).error!;
    return { ledgers: [], chosen: -1, keyFigures: [], missingKeyFigures: [], years: [], error };
  }
}
