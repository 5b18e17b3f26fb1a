/**
 * The workbook workflows behind the task pane and the ribbon command, over Excel.run. Each one reads
 * the workbook once (read.ts: sheets and tables, extents, values in payload-sized blocks), lets the core
 * decide what to write (classifyLedger, compare, the layouts), and renders the add-in's own sheets in
 * payload-sized write blocks (render.ts). The user's sheets are only ever read.
 *
 * Input sheets (invoersjabloon, voorbeeldgemeente) are the user's once created: they are made only under
 * free names and are not recorded as the add-in's, so no later run clears or replaces them.
 */
import { getEdition } from "../../model/benchmark";
import { compileCategoriser, classifyLedger } from "../../model/categorise";
import { compare, Comparison } from "../../model/comparison";
import { formatEuro } from "../../model/format";
import { LedgerRead } from "../../model/grid";
import { keyFiguresForYear } from "../../model/keyFigures";
import {
  CATEGORISATION_SHEET,
  COMPARISON_SHEET,
  TREND_SHEET,
  categorisationLayout,
  categorisationRefs,
  comparisonLayout,
  isFormula,
  sampleLayouts,
  SheetLayout,
  SheetRole,
  templateLayouts,
  trendLayout,
} from "../../model/layout";
import {
  Bilingual,
  CategorisedLine,
  CategoryCode,
  KeyFigures,
  Language,
  ReadIssue,
  UserRule,
} from "../../model/types";
import { parseCell } from "../address";
import {
  adoptablePending,
  OwnedSheet,
  PENDING_SHEETS_SETTING,
  pickSheetName,
  readOwnedSheets,
  readPendingSheets,
  saveOwnedSheets,
  SettingsStore,
} from "../ownership";
import { readWorkbook, SheetData, WorkbookData, WorkbookInventory, WorkbookRead } from "../read";
import { ManualCategories } from "./manual";
import { parseCategory } from "../../model/taxonomy";
import { RenderError, renderLayouts, RenderResult } from "../render";
import { InputChoice, InputDetection, WorkflowOptions, WorkflowResult } from "../workflow-api";
import {
  bestPlace,
  findAllKeyFigures,
  findUserRules,
  keyFigureRef,
  LedgerPlace,
  ledgerPlaces,
  mergeKeyFigures,
  placeOf,
  readPlace,
  SheetFigures,
} from "./inputs";

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
class TooLargeError extends WorkflowError {}

class Cancelled extends Error {}

const b = (nl: string, en: string): Bilingual => ({ nl, en });

const STEPS = {
  read: b("Werkmap lezen…", "Reading the workbook…"),
  classify: b("Kostenregels indelen…", "Categorising cost lines…"),
  compare: b("Vergelijken met de benchmark…", "Comparing with the benchmark…"),
  write: b("Bladen schrijven…", "Writing sheets…"),
  done: b("Klaar", "Done"),
};

function progress(options: WorkflowOptions, step: Bilingual, fraction?: number): void {
  if (options.signal?.aborted) throw new Cancelled();
  options.onProgress?.(fraction === undefined ? { step } : { step, fraction });
}

const SHEET_NAMES: Record<"categorisation" | "comparison" | "trend", Record<Language, string>> = {
  categorisation: CATEGORISATION_SHEET,
  comparison: COMPARISON_SHEET,
  trend: TREND_SHEET,
};

function euro(amount: number, language: Language): string {
  return formatEuro(Math.round(amount), language);
}

// ---------------------------------------------------------------- errors

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
    const code = errorCode(e);
    if (/CellEditMode/i.test(code)) {
      error = b(
        "Excel is bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw.",
        "Excel is editing a cell. Press Enter or Esc and try again.",
      );
    } else if (/AccessDenied|Protect/i.test(code)) {
      error = b(
        "Excel weigerde de wijziging: een blad of de werkmap is beveiligd. Hef de beveiliging op en probeer het opnieuw.",
        "Excel refused the change: a sheet or the workbook is protected. Unprotect it and try again.",
      );
    } else if (/PayloadSizeLimit/i.test(code)) {
      error = b(
        "De werkmap is te groot om in één keer te verwerken. Verklein de selectie of verwijder lege kolommen en probeer het opnieuw.",
        "The workbook is too large to process at once. Make the selection smaller or remove empty columns and try again.",
      );
    } else {
      const detail = e instanceof Error ? e.message : String(e);
      error = b(
        `Er ging iets mis in Excel (${detail}). Probeer het opnieuw; blijft het misgaan, sla de werkmap op en open hem opnieuw.`,
        `Something went wrong in Excel (${detail}). Try again; if it keeps failing, save the workbook and reopen it.`,
      );
    }
  }
  const result: WorkflowResult = { ok: false, summary: error, error, issues, sheets: [] };
  if (needsMapping) result.needsMapping = needsMapping;
  return result;
}

// ---------------------------------------------------------------- reading and categorising

/** Everything one read of the workbook yields. */
interface Inputs {
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

function detectionOf(
  places: LedgerPlace[],
  chosen: number,
  figures: KeyFigures[],
  missing: (keyof KeyFigures)[],
  years: number[],
): InputDetection {
  return {
    ledgers: places.map((p) => p.candidate),
    chosen,
    keyFigures: figures,
    missingKeyFigures: missing,
    years,
  };
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
async function readAll(
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
  // Bug B: output sheets a failed render created but could not record are taken back (ownership.ts).
  const pending = readPendingSheets(env.settings);
  if (pending) {
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
    // Only a run that writes records them (detectInputs never writes, not even settings).
    if (forRender) {
      env.settings.set(PENDING_SHEETS_SETTING, null);
      await saveOwnedSheets(env.settings, owned, new Set(data.inventory.sheets.map((x) => x.id)));
    }
  }
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
  // Codes a failed rewrite of the categorisation sheet may have lost come back from the backup (bug A).
  for (const [key, code] of readManualBackup(env.settings))
    if (!manual.result.has(key)) manual.result.set(key, code);
  return { data, manual: manual.result, manualIssues: manual.issues };
}

/**
 * Bug A (docs/security.md, part 2): render clears the reused categorisation sheet in its first write block
 * and writes the rest in later ones, so a failed sync in between (network, Excel busy, the user editing a
 * cell) used to lose every manual code. The codes are therefore saved in the document settings before the
 * rewrite starts and cleared once it is complete; the next read merges them in for every key that has no
 * typed code on the sheet (a code on the sheet is the user's latest word and wins).
 *
 * Why settings and not "write a new sheet, then swap": the other sheets' formulas (the comparison's and
 * trend's, and the user's own) refer to the categorisation sheet, and deleting the old sheet turns those
 * into #REF!; a swap would also double the sheet's writes for a while and need syncs of its own (the
 * 100,000-line budget has no room). saveAsync is no sync: the budget is unchanged.
 *
 * Size: Excel keeps all of an add-in's document settings in about 2 MB. Codes are 5 characters, keys join
 * description, supplier, account, year and cost centre (typically 40–120 characters), so tens to a few
 * thousand codes (the usual case) take well under 1 MB. Only what fits in MANUAL_BACKUP_CHARS is kept, in
 * the sheet's row order; a larger set keeps its first codes, the rest still depends on the sheet.
 */
export const MANUAL_BACKUP = "ictcost.manualBackup";
const MANUAL_BACKUP_CHARS = 1_000_000;

function readManualBackup(settings: SettingsStore): Map<string, CategoryCode> {
  const raw = settings.get(MANUAL_BACKUP) as { codes?: unknown } | null;
  const out = new Map<string, CategoryCode>();
  if (!raw || !Array.isArray(raw.codes)) return out;
  for (const entry of raw.codes) {
    if (!Array.isArray(entry) || typeof entry[0] !== "string") continue;
    const code = parseCategory(entry[1]);
    if (code) out.set(entry[0], code);
  }
  return out;
}

/** The backup of `manual` (as much as fits), saved before the categorisation sheet is rewritten. */
function backupManual(settings: SettingsStore, manual: ReadonlyMap<string, CategoryCode>): void {
  const codes: [string, CategoryCode][] = [];
  let chars = 0;
  for (const [key, code] of manual) {
    chars += key.length + code.length + 8; // JSON quotes, brackets, commas, some escapes
    if (chars > MANUAL_BACKUP_CHARS) break;
    codes.push([key, code]);
  }
  settings.set(MANUAL_BACKUP, { codes, total: manual.size });
}

/** Finds and reads the ledger, key figures, rules and manual categories; throws WorkflowError when it cannot. */
function analyse(
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
    return detectionOf(places, chosen >= 0 ? chosen : best, figures, [], yearsOf(undefined, figures));
  };
  // No ledger in what was read: when a sheet was too large to read, that is most likely why.
  const huge = data.sheets.find((s) => s.tooLarge && !s.isOwned);
  if (!ledger && huge && choice?.source === undefined)
    throw new TooLargeError(tooLargeMessage(huge), early());
  if (!ledger) {
    const src = choice?.source;
    throw new WorkflowError(
      src && src.kind !== "selection"
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
            ),
      early(),
    );
  }
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
      detectionOf(places, chosen, figures, [], years),
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

interface Classified {
  /** The rules' categories: the Categorie column of the categorisation sheet. */
  ruled: CategorisedLine[];
  /** With the manual categories applied: what every sum counts. */
  counted: CategorisedLine[];
}

function classify(inputs: Inputs): Classified {
  const categoriser = compileCategoriser(inputs.rules);
  const ruled = classifyLedger(inputs.read.lines, { categoriser });
  const counted =
    inputs.manual.size > 0
      ? classifyLedger(inputs.read.lines, { categoriser, manual: inputs.manual })
      : ruled;
  return { ruled, counted };
}

/** The comparison year: the one asked for, else the latest ledger year, else the latest key-figure year. */
function defaultYear(inputs: Inputs, asked?: number): number {
  if (asked !== undefined) return asked;
  const ledgerYears = inputs.read.lines.map((l) => l.year).filter((y): y is number => y !== null);
  if (ledgerYears.length > 0) return Math.max(...ledgerYears);
  if (inputs.years.length > 0) return inputs.years[inputs.years.length - 1];
  return getEdition().bookYear;
}

// ---------------------------------------------------------------- writing

type OutputRole = "categorisation" | "comparison" | "trend";

/** Names the renderer will use, predicted with the same rule (pickSheetName in layout order). */
class Names {
  private taken: Set<string>;
  constructor(private data: WorkbookData) {
    this.taken = new Set(data.sheets.map((s) => s.name));
  }
  owned(role: OutputRole): SheetData | undefined {
    return this.data.sheets.find((s) => s.role === role);
  }
  pick(role: OutputRole, options: WorkflowOptions): string {
    const desired = options.sheetNames?.[role] ?? SHEET_NAMES[role][options.language];
    const own = this.owned(role);
    const name = pickSheetName(desired, this.taken, own ? [own.name] : []);
    this.taken.add(name);
    return name;
  }
}

/** Where the last categorisation written is remembered: its sheet and a hash of what was written. */
export const CATEGORISATION_STATE = "ictcost.categorisationState";

/** FNV-1a over the layout's literal cells and formulas: equal hashes, equal sheet contents. */
function layoutHash(layout: SheetLayout): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  for (const block of layout.blocks) {
    add(block.at);
    for (const row of block.cells) {
      for (const c of row) add(isFormula(c) ? c.formula : typeof c === "number" ? `#${c}` : String(c ?? ""));
      add("\n");
    }
  }
  return `${(h >>> 0).toString(16)}:${layout.blocks.reduce((n, x) => n + x.cells.length, 0)}`;
}

function saveSettings(settings: SettingsStore): Promise<void> {
  return new Promise((resolve, reject) =>
    settings.saveAsync((r) =>
      String(r.status).toLowerCase() === "failed"
        ? reject(new Error(r.error?.message ?? "settings"))
        : resolve(),
    ),
  );
}

async function render(
  context: Excel.RequestContext,
  env: WorkflowEnv,
  layouts: SheetLayout[],
  options: WorkflowOptions,
  inventory?: WorkbookInventory,
): Promise<RenderResult[]> {
  progress(options, STEPS.write, 0.7);
  const results = await renderLayouts(context, layouts, {
    settings: env.settings,
    activate: true,
    ...(inventory ? { inventory } : {}),
    ...(env.payloadLimit ? { payloadLimit: env.payloadLimit } : {}),
  });
  results.forEach((r, i) => {
    if (r.sheetName !== layouts[i].name) {
      throw new Error(
        `Sheet '${layouts[i].name}' was written as '${r.sheetName}': formulas would point elsewhere.`,
      );
    }
  });
  return results;
}

// ---------------------------------------------------------------- summaries

function unclassifiedOf(lines: readonly CategorisedLine[]): { lines: number; amount: number } {
  let n = 0;
  let amount = 0;
  for (const l of lines) {
    if (l.category !== "XX.OO") continue;
    n++;
    amount += l.amount;
  }
  return { lines: n, amount };
}

function skippedText(issues: readonly ReadIssue[], language: Language): string {
  if (issues.length === 0) return "";
  const rows = issues.slice(0, 5).map((i) => `${language === "nl" ? "rij" : "row"} ${i.row}`);
  const more = issues.length > 5 ? " …" : "";
  return language === "nl"
    ? `, ${issues.length} ${issues.length === 1 ? "regel" : "regels"} overgeslagen: ${rows.join(", ")}${more}`
    : `, ${issues.length} ${issues.length === 1 ? "line" : "lines"} skipped: ${rows.join(", ")}${more}`;
}

function categoriseSummary(counted: readonly CategorisedLine[], read: LedgerRead): Bilingual {
  const u = unclassifiedOf(counted);
  const make = (language: Language) => {
    const nl = language === "nl";
    const head = nl
      ? `${counted.length} regels gecategoriseerd, ${u.lines} onbekend (${euro(u.amount, language)})`
      : `${counted.length} lines categorised, ${u.lines} unknown (${euro(u.amount, language)})`;
    return `${head}${skippedText(read.issues, language)}.`;
  };
  return { nl: make("nl"), en: make("en") };
}

function comparisonSummary(c: Comparison, sheet: string): Bilingual {
  const total = c.kpis.find((k) => k.id === "total_per_inhabitant");
  const make = (language: Language) => {
    const nl = language === "nl";
    const own = total?.own ?? null;
    const bench = total?.benchmark ?? null;
    let s = nl ? `Blad '${sheet}' voor ${c.year} gemaakt` : `Sheet '${sheet}' made for ${c.year}`;
    if (own !== null) {
      s += nl
        ? `: ${formatEuro(own, language)} ICT-kosten per inwoner`
        : `: ${formatEuro(own, language)} ICT cost per inhabitant`;
      if (bench !== null)
        s += nl
          ? ` (benchmark ${formatEuro(bench, language)})`
          : ` (benchmark ${formatEuro(bench, language)})`;
    }
    const u = c.totals.unclassified;
    if (u.lines > 0) {
      s += nl
        ? `; ${u.lines} regels (${euro(u.amount, language)}) nog niet ingedeeld en niet meegeteld`
        : `; ${u.lines} lines (${euro(u.amount, language)}) not yet classified and not counted`;
    }
    return s + ".";
  };
  return { nl: make("nl"), en: make("en") };
}

// ---------------------------------------------------------------- the workflows

function missingInhabitants(inputs: Inputs, years: number[]): never {
  throw new WorkflowError(
    b(
      `Het aantal inwoners voor ${years.join(", ")} is niet gevonden. Vul het in op het blad Kerngegevens (bijv. 'Aantal inwoners' met het getal ernaast) of typ het bij Gegevens.`,
      `The number of inhabitants for ${years.join(", ")} was not found. Enter it on the Key figures sheet (e.g. 'Inhabitants' with the number beside it) or type it under Data.`,
    ),
    detectionOf(
      inputs.places,
      inputs.places.indexOf(inputs.ledger),
      inputs.figures,
      ["inhabitants"],
      inputs.years,
    ),
    inputs.issues,
  );
}

interface Plan {
  categorise: "always" | "ifStale";
  /** Write the comparison (for `year`, default the latest). */
  comparison?: { year?: number };
  trend?: boolean;
  /** Fail when the trend has fewer than two years (buildTrend); rebuildAll just leaves it out. */
  trendRequired?: boolean;
}

/** Reads once, then writes the categorisation (when needed), the comparison and the trend in one render. */
async function runPlan(
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
  const inputs = analyse(data, choice, manual);
  inputs.issues.push(...manualIssues);
  const { ruled, counted } = classify(inputs);
  const wantsComparison = plan.comparison !== undefined || plan.trend;
  const year = defaultYear(inputs, plan.comparison?.year);

  const names = new Names(data);
  const catLayoutFor = (name: string) =>
    categorisationLayout(ruled, { language, sheetName: name, manual: inputs.manual, undatedYear: year });
  // Predict the categorisation sheet's name first: the other sheets' formulas refer to it.
  const existingCat = names.owned("categorisation");
  let catName: string;
  let catLayout: SheetLayout | undefined;
  if (plan.categorise === "ifStale" && existingCat) {
    // Unchanged since the add-in wrote it (same lines, rules, manual choices): keep it, write only the rest.
    const last = env.settings.get(CATEGORISATION_STATE) as { sheetId?: string; hash?: string } | null;
    const current =
      last?.sheetId === existingCat.id && last.hash === layoutHash(catLayoutFor(existingCat.name));
    if (current) catName = existingCat.name;
    else {
      catName = names.pick("categorisation", options);
      catLayout = catLayoutFor(catName);
    }
  } else {
    catName = names.pick("categorisation", options);
    catLayout = catLayoutFor(catName);
  }
  const catRefs = categorisationRefs(catName, counted.length, language);
  const layouts: SheetLayout[] = [];
  let comparison: Comparison | undefined;
  let comparisonName: string | undefined;
  let trendName: string | undefined;
  const ref = (field: "inhabitants" | "budget" | "fteOwn" | "fteHired", y: number) =>
    keyFigureRef(inputs.perSheet, inputs.typed, keyFiguresForYear(inputs.figures, y), field, y);

  if (wantsComparison) {
    progress(options, STEPS.compare, 0.5);
    comparison = compare(counted, inputs.figures, {
      year,
      language,
      ...(options.editionId ? { editionId: options.editionId } : {}),
    });
  }
  if (plan.comparison && comparison) {
    const inhabitants = ref("inhabitants", year);
    if (inhabitants === undefined) missingInhabitants(inputs, [year]);
    comparisonName = names.pick("comparison", options);
    const kf = keyFiguresForYear(inputs.figures, year);
    const refs = {
      categorisation: catRefs,
      inhabitants,
      ...optional("budget", ref("budget", year)),
      ...optional("fteOwn", ref("fteOwn", year)),
      ...optional("fteHired", ref("fteHired", year)),
    };
    layouts.push(
      comparisonLayout(comparison, refs, {
        language,
        sheetName: comparisonName,
        ...(kf ? { keyFigures: kf } : {}),
      }),
    );
  }
  let trendNote: Bilingual | undefined;
  if (plan.trend && comparison) {
    const series = comparison.series;
    if (series.length < 2) {
      if (plan.trendRequired) {
        throw new WorkflowError(
          b(
            `Het grootboek bevat alleen ${series[0]?.year ?? year}. Voor een trend zijn kostenregels van minstens twee boekjaren nodig (kolom Boekjaar).`,
            `The ledger holds only ${series[0]?.year ?? year}. A trend needs cost lines of at least two book years (Year column).`,
          ),
        );
      }
    } else {
      const inhabitants: Record<number, string | number> = {};
      for (const p of series) {
        const r = ref("inhabitants", p.year);
        if (r !== undefined) inhabitants[p.year] = r;
      }
      if (Object.keys(inhabitants).length === 0)
        missingInhabitants(
          inputs,
          series.map((p) => p.year),
        );
      const missing = series.filter((p) => inhabitants[p.year] === undefined).map((p) => p.year);
      if (missing.length > 0) {
        trendNote = b(
          ` Inwoners ontbreken voor ${missing.join(", ")}: die jaren staan zonder bedrag per inwoner in de trend.`,
          ` Inhabitants are missing for ${missing.join(", ")}: those years show no cost per inhabitant in the trend.`,
        );
      }
      trendName = names.pick("trend", options);
      layouts.push(
        trendLayout(series, {
          language,
          sheetName: trendName,
          refs: { categorisation: catRefs, inhabitants },
          figures: inputs.figures,
        }),
      );
    }
  }
  // The categorisation goes after the sheet the user asked for, so that one is activated.
  if (catLayout) layouts.splice(layouts.length > 0 ? 1 : 0, 0, catLayout);
  if (catLayout) {
    // Bug A: the manual codes are safe in the settings before the sheet is cleared, and the sheet is
    // not "unchanged" (CATEGORISATION_STATE) until its rewrite is complete.
    if (inputs.manual.size > 0) backupManual(env.settings, inputs.manual);
    env.settings.set(CATEGORISATION_STATE, null);
    await saveSettings(env.settings);
  }
  // Names were predicted in the order cat, comparison, trend; render in an order that keeps them.
  const results = layouts.length > 0 ? await render(context, env, layouts, options, data.inventory) : [];
  const catResult = results.find((r) => r.role === "categorisation");
  if (catLayout && catResult) {
    env.settings.set(CATEGORISATION_STATE, { sheetId: catResult.sheetId, hash: layoutHash(catLayout) });
    if (env.settings.get(MANUAL_BACKUP) !== null) env.settings.set(MANUAL_BACKUP, null);
    await saveSettings(env.settings);
  }
  progress(options, STEPS.done, 1);

  const sheets = results.map((r) => r.sheetName);
  const catSummary = categoriseSummary(counted, inputs.read);
  let summary = catSummary;
  if (comparison && comparisonName) {
    const c = comparisonSummary(comparison, comparisonName);
    summary = catLayout ? b(`${catSummary.nl} ${c.nl}`, `${catSummary.en} ${c.en}`) : c;
  }
  if (trendName) {
    const years = comparison!.series.map((p) => p.year);
    const t = b(
      `Trend over ${years[0]}–${years[years.length - 1]} op blad '${trendName}'.`,
      `Trend over ${years[0]}–${years[years.length - 1]} on sheet '${trendName}'.`,
    );
    summary = b(`${summary.nl} ${t.nl}`, `${summary.en} ${t.en}`);
  }
  if (trendNote) summary = b(summary.nl + trendNote.nl, summary.en + trendNote.en);
  const lines = comparison ? comparison.totals.unclassified : unclassifiedOf(counted);
  return {
    ok: true,
    summary,
    issues: inputs.issues,
    sheets,
    unclassified: { lines: lines.lines, amount: lines.amount },
  };
}

function optional<K extends string>(
  key: K,
  value: string | number | undefined,
): Partial<Record<K, string | number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string | number>);
}

/** Runs a batch inside Excel.run; every failure becomes a result. */
async function guarded(env: WorkflowEnv, batch: (context: Excel.RequestContext) => Promise<WorkflowResult>) {
  try {
    return await env.run(batch);
  } catch (e) {
    return failure(e);
  }
}

export function categorise(
  env: WorkflowEnv,
  options: WorkflowOptions,
  choice?: InputChoice,
): Promise<WorkflowResult> {
  return guarded(env, (context) => runPlan(context, env, options, choice, { categorise: "always" }));
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
        return detectionOf(
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

// ---------------------------------------------------------------- input sheets

const INPUT_ROLES: ReadonlySet<SheetRole> = new Set<SheetRole>([
  "template-keyfigures",
  "template-ledger",
  "template-rules",
  "sample-keyfigures",
  "sample-ledger",
]);

/**
 * Writes input sheets once, under their own names only: when the workbook already has a sheet with one
 * of those names, nothing is written and the user is told (a "Grootboek (2)" beside their Grootboek would
 * leave two ledgers to choose from). The new sheets are then the user's: not recorded as the add-in's.
 */
async function insertInputSheets(
  env: WorkflowEnv,
  options: WorkflowOptions,
  layouts: SheetLayout[],
  done: Bilingual,
): Promise<WorkflowResult> {
  return guarded(env, async (context) => {
    progress(options, STEPS.read, 0);
    // What render.ts needs to see too, so it starts writing at once.
    const sheets = context.workbook.worksheets.load(
      "items/name,items/id,items/visibility,items/protection/protected",
    );
    const tables = context.workbook.tables.load("items/name,items/worksheet/id");
    await context.sync();
    const existing = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const clashes = layouts.map((l) => l.name).filter((n) => existing.has(n.toLowerCase()));
    if (clashes.length > 0) {
      const list = clashes.map((n) => `'${n}'`).join(", ");
      const error = b(
        `De werkmap heeft al ${clashes.length === 1 ? "een blad" : "bladen"} ${list}. De add-in overschrijft uw bladen niet: hernoem of verwijder ${clashes.length === 1 ? "dat blad" : "die bladen"}, of gebruik een nieuwe werkmap.`,
        `The workbook already has ${clashes.length === 1 ? "a sheet" : "sheets"} ${list}. The add-in does not overwrite your sheets: rename or delete ${clashes.length === 1 ? "it" : "them"}, or use a new workbook.`,
      );
      return { ok: false, summary: error, error, issues: [], sheets: [] };
    }
    const results = await render(context, env, layouts, options, {
      sheets: sheets.items,
      tables: tables.items,
    });
    // Hand the new sheets over to the user: no later rebuild may clear or replace them.
    const owned = readOwnedSheets(env.settings).filter((o: OwnedSheet) => !INPUT_ROLES.has(o.role));
    await saveOwnedSheets(env.settings, owned, new Set(owned.map((o) => o.id)));
    progress(options, STEPS.done, 1);
    return { ok: true, summary: done, issues: [], sheets: results.map((r) => r.sheetName) };
  });
}

export function insertTemplate(env: WorkflowEnv, options: WorkflowOptions): Promise<WorkflowResult> {
  const layouts = templateLayouts(options.language);
  const [k, l, r] = layouts.map((x) => x.name);
  return insertInputSheets(
    env,
    options,
    layouts,
    b(
      `Invoerbladen '${k}', '${l}' en '${r}' toegevoegd. Vul de gele cellen op '${k}' in en plak uw grootboek in de tabel op '${l}' (de voorbeeldregels mag u overschrijven).`,
      `Input sheets '${k}', '${l}' and '${r}' added. Fill in the yellow cells on '${k}' and paste your ledger into the table on '${l}' (overwrite the example lines).`,
    ),
  );
}

export function loadSampleMunicipality(env: WorkflowEnv, options: WorkflowOptions): Promise<WorkflowResult> {
  const layouts = sampleLayouts(options.language);
  return insertInputSheets(
    env,
    options,
    layouts,
    b(
      `Voorbeeldgemeente Voorbeeldrade geladen op '${layouts[0].name}' en '${layouts[1].name}' (twee boekjaren, fictieve cijfers). Klik op Categoriseren of Vergelijking maken.`,
      `Sample municipality Voorbeeldrade loaded on '${layouts[0].name}' and '${layouts[1].name}' (two book years, fictitious figures). Click Categorise or Make comparison.`,
    ),
  );
}
