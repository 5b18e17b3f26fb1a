/**
 * Reading the workbook for a workflow: one read of the user's sheets (read.ts, with the manual codes of
 * the categorisation sheet riding along), then finding the ledger, key figures and rules in it
 * (./inputs.ts). What cannot be used is refused here, with words that say what to do; the Data step's
 * detection (detectInputs) is the same read without writing anything.
 */
import { getEdition } from "../../model/benchmark";
import { LedgerRead } from "../../model/grid";
import { keyFiguresForYear } from "../../model/keyFigures";
import { Bilingual, CategoryCode, KeyFigures, ReadIssue, UserRule } from "../../model/types";
import { parseCell } from "../address";
import {
  adoptablePending,
  OwnedSheet,
  PENDING_SHEETS_SETTING,
  readOwnedSheets,
  readPendingSheets,
  saveOwnedSheets,
} from "../ownership";
import { readWorkbook, SheetData, WorkbookData, WorkbookRead } from "../read";
import { InputChoice, InputDetection, LedgerSource, WorkflowOptions } from "../workflow-api";
import {
  bestPlace,
  detection,
  findAllKeyFigures,
  findUserRules,
  LedgerPlace,
  ledgerPlaces,
  mergeKeyFigures,
  placeOf,
  readPlace,
  SheetFigures,
} from "./inputs";
import { ManualCategories } from "./manual";
import { b, failure, progress, STEPS, TooLargeError, WorkflowEnv, WorkflowError } from "./run";
import { readManualBackup } from "./state";

/** Everything one read of the workbook yields. */
export interface Inputs {
  data: WorkbookData;
  places: LedgerPlace[];
  ledger: LedgerPlace;
  read: LedgerRead;
  perSheet: SheetFigures[];
  typed: KeyFigures[];
  figures: KeyFigures[];
  manual: Map<string, CategoryCode>;
  rules: UserRule[];
  issues: ReadIssue[];
  years: number[];
}

function yearsOf(read: LedgerRead | undefined, figures: readonly KeyFigures[]): number[] {
  const years = new Set<number>();
  for (const l of read?.lines ?? []) if (l.year !== null) years.add(l.year);
  for (const f of figures) if (f.year !== undefined) years.add(f.year);
  return [...years].sort((x, y) => x - y);
}

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

/** Finds and reads the ledger, key figures, rules and manual categories; throws WorkflowError when it cannot. */
export function analyse(
  data: WorkbookData,
  choice: InputChoice | undefined,
  manual: Map<string, CategoryCode> = new Map(),
): Inputs {
  const places = ledgerPlaces(data);
  const best = bestPlace(places);
  const typed = choice?.keyFigures ?? [];
  const ledger = choice?.source ? placeOf(data, places, choice.source) : places[best];
  const chosen = ledger ? places.indexOf(ledger) : -1;
  const early = () => {
    const { perSheet } = findAllKeyFigures(data, undefined);
    const figures = mergeKeyFigures(perSheet, typed);
    return detection(places, chosen >= 0 ? chosen : best, figures, [], yearsOf(undefined, figures));
  };
  // No ledger in what was read: when a sheet was too large to read, that is most likely why.
  const huge = data.sheets.find((s) => s.tooLarge && !s.isOwned);
  if (!ledger && huge && choice?.source === undefined)
    throw new TooLargeError(tooLargeMessage(huge), early());
  if (!ledger) throw new WorkflowError(noLedgerMessage(choice?.source), early());
  if (ledger.sheet.tooLarge && !ledger.isTable && ledger.candidate.source.kind !== "selection") {
    throw new TooLargeError(tooLargeMessage(ledger.sheet), early());
  }
  if (ledger.sheet.protected) {
    throw new WorkflowError(
      b(
        `Het blad '${ledger.sheet.name}' is beveiligd: hef de beveiliging op of kies een ander blad.`,
        `The sheet '${ledger.sheet.name}' is protected: unprotect it or choose another sheet.`,
      ),
    );
  }
  const read = readPlace(ledger, choice?.mapping);
  if (read.missing.length > 0) {
    const names = read.missing.map((f) => FIELD_NAMES[f] ?? { nl: f, en: f });
    throw new WorkflowError(
      b(
        `In '${ledger.candidate.label}' zijn de kolommen ${names.map((n) => n.nl).join(" en ")} niet gevonden. Wijs bij Gegevens aan welke kolom wat is.`,
        `The columns ${names.map((n) => n.en).join(" and ")} were not found in '${ledger.candidate.label}'. Under Data, point out which column is which.`,
      ),
      early(),
    );
  }
  const kf = findAllKeyFigures(data, ledger);
  const figures = mergeKeyFigures(kf.perSheet, typed);
  const rules = findUserRules(data, ledger);
  const years = yearsOf(read, figures);
  if (read.lines.length === 0) {
    throw new WorkflowError(
      b(
        `'${ledger.candidate.label}' heeft geen kostenregels onder de kopregel. Vul het grootboek of kies een ander blad bij Gegevens.`,
        `'${ledger.candidate.label}' has no cost lines below its header. Fill in the ledger or choose another sheet under Data.`,
      ),
      detection(places, chosen, figures, [], years),
      read.issues,
    );
  }
  const skipped = data.sheets.filter((s) => s.tooLarge && !s.isOwned).map(tooLargeIssue);
  return {
    data,
    places,
    ledger,
    read,
    perSheet: kf.perSheet,
    typed,
    figures,
    manual,
    rules: rules.rules,
    issues: [...read.issues, ...kf.issues, ...rules.issues, ...skipped],
    years,
  };
}

/** No ledger where the user pointed (a sheet or table gone, or no selection), or none found at all. */
function noLedgerMessage(src: LedgerSource | undefined): Bilingual {
  return src && src.kind !== "selection"
    ? b(
        `Het grootboek '${src.name}' is niet (meer) in de werkmap. Kies een ander blad of een andere tabel bij Gegevens.`,
        `The ledger '${src.name}' is not (or no longer) in the workbook. Pick another sheet or table under Data.`,
      )
    : src
      ? b(
          "Selecteer eerst het grootboek (met de kopregel) en probeer het opnieuw.",
          "Select the ledger first (with its header row) and try again.",
        )
      : b(
          "Geen grootboek gevonden: geen blad of tabel heeft kolommen als Omschrijving en Bedrag. Kies bij Gegevens welk blad en welke kolommen het grootboek zijn, of voeg het invoersjabloon in.",
          "No ledger found: no sheet or table has columns such as Description and Amount. Choose the ledger's sheet and columns under Data, or insert the input template.",
        );
}

/** "17 miljard" / "17 billion" cells. */
function cellCount(cells: number): Bilingual {
  if (cells >= 1e9) {
    const n = Math.round(cells / 1e9);
    return b(`${n} miljard`, `${n} billion`);
  }
  const n = Math.round(cells / 1e6);
  return b(`${n} miljoen`, `${n} million`);
}

/** A ledger on a sheet over read.ts's cap (MAX_SHEET_CELLS): refused, with what to do. */
function tooLargeMessage(sheet: SheetData): Bilingual {
  const { address, cells } = sheet.tooLarge!;
  const n = cellCount(cells);
  return b(
    `Het blad '${sheet.name}' is te groot om te lezen (${address}, ${n.nl} cellen): verwijder lege opmaak of losse waarden buiten de tabel (Ctrl+End toont de laatste), of selecteer het grootboek en kies bij Gegevens 'De huidige selectie'.`,
    `The sheet '${sheet.name}' is too large to read (${address}, ${n.en} cells): remove empty formatting or stray values outside the table (Ctrl+End shows the last one), or select the ledger and choose 'The current selection' under Data.`,
  );
}

/** Any other sheet over the cap: its key figures and rules are skipped, and the user is told. */
function tooLargeIssue(sheet: SheetData): ReadIssue {
  const { address, cells } = sheet.tooLarge!;
  const n = cellCount(cells);
  const last = address.split(":").pop()!;
  return {
    sheet: sheet.name,
    row: parseCell(last).row + 1,
    message: b(
      `Het blad '${sheet.name}' is te groot om helemaal te lezen (${address}, ${n.nl} cellen); kerngegevens en regels op dit blad zijn overgeslagen. Verwijder losse waarden buiten de tabel (Ctrl+End toont de laatste).`,
      `The sheet '${sheet.name}' is too large to read in full (${address}, ${n.en} cells); key figures and rules on it were skipped. Remove stray values outside the table (Ctrl+End shows the last one).`,
    ),
  };
}

const FIELD_NAMES: Record<string, Bilingual> = {
  description: b("Omschrijving", "Description"),
  amount: b("Bedrag", "Amount"),
};
/** The comparison year: the one asked for, else the latest ledger year, else the latest key-figure year. */
export function defaultYear(inputs: Inputs, asked?: number): number {
  if (asked !== undefined) return asked;
  const ledgerYears = inputs.read.lines.map((l) => l.year).filter((y): y is number => y !== null);
  if (ledgerYears.length > 0) return Math.max(...ledgerYears);
  if (inputs.years.length > 0) return inputs.years[inputs.years.length - 1];
  return getEdition().bookYear;
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
