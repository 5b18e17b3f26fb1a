/**
 * The task pane's settings: language, benchmark edition and output sheet names. They are kept in the
 * workbook's document settings (Office.context.document.settings), so they travel with the workbook to a
 * colleague; where no document settings exist, in the browser's localStorage.
 */
import { LedgerSource, WorkflowOptions } from "../excel/workflow-api";
import { Language } from "../model/types";

export type WorkflowSheetNames = NonNullable<WorkflowOptions["sheetNames"]>;

export const PANE_SETTINGS_KEY = "ictcost.paneSettings";

export interface PaneSettings {
  language: Language;
  /** Benchmark edition id; undefined = the newest registered edition. */
  editionId?: string;
  sheetNames: WorkflowSheetNames;
}

/** The part of Office.Settings the pane uses (the Excel fake's FakeSettings fits too). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } }) => void): void;
}

/** Office's display language "nl-NL" / "nl-BE" → nl; anything else → en. */
export function languageFromDisplay(displayLanguage: string | undefined | null): Language {
  return (displayLanguage ?? "").toLowerCase().startsWith("nl") ? "nl" : "en";
}

const SHEET_ROLES = ["categorisation", "comparison", "trend"] as const;

/** The stored settings, with anything missing or malformed replaced by the defaults. */
export function loadSettings(store: SettingsStore | null, displayLanguage: string | undefined): PaneSettings {
  const defaults: PaneSettings = { language: languageFromDisplay(displayLanguage), sheetNames: {} };
  let raw: unknown = null;
  try {
    raw = store?.get(PANE_SETTINGS_KEY) ?? null;
  } catch {
    raw = null;
  }
  if (typeof raw !== "object" || raw === null) return defaults;
  const r = raw as Record<string, unknown>;
  const out: PaneSettings = { ...defaults, sheetNames: {} };
  if (r.language === "nl" || r.language === "en") out.language = r.language;
  if (typeof r.editionId === "string" && r.editionId !== "") out.editionId = r.editionId;
  const names = r.sheetNames;
  if (typeof names === "object" && names !== null) {
    for (const role of SHEET_ROLES) {
      const v = (names as Record<string, unknown>)[role];
      if (typeof v === "string" && v.trim() !== "") out.sheetNames[role] = v.trim();
    }
  }
  return out;
}

/** Stores and persists the settings; resolves false when the host refused to save them. */
export function saveSettings(store: SettingsStore | null, settings: PaneSettings): Promise<boolean> {
  if (!store) return Promise.resolve(false);
  const value: PaneSettings = { language: settings.language, sheetNames: { ...settings.sheetNames } };
  if (settings.editionId) value.editionId = settings.editionId;
  return setAndSave(store, PANE_SETTINGS_KEY, value);
}

/** A SettingsStore over localStorage (values as JSON), for a page without document settings. */
export function localStorageStore(storage: Pick<Storage, "getItem" | "setItem">): SettingsStore {
  return {
    get: (name) => {
      const text = storage.getItem(name);
      if (text === null) return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    },
    set: (name, value) => storage.setItem(name, JSON.stringify(value)),
    saveAsync: (callback) => callback?.({ status: "succeeded" }),
  };
}

// ---- benchmark editions the user loaded -----------------------------------------------------------

/** Document-settings key holding the JSON text of every edition the user loaded, by edition id. */
export const EDITIONS_KEY = "ictcost.editions";

/** Largest edition file accepted: document settings hold about 2 MB in all. */
export const MAX_EDITION_BYTES = 500 * 1024;

/** Bytes of `text` in UTF-8 (what the settings store and the file take). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The stored editions: edition id → its JSON text, as loaded. Anything malformed is left out. */
export function storedEditions(store: SettingsStore | null): Record<string, string> {
  let raw: unknown = null;
  try {
    raw = store?.get(EDITIONS_KEY) ?? null;
  } catch {
    raw = null;
  }
  const out: Record<string, string> = {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return out;
  for (const [id, text] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof text === "string") out[id] = text;
  }
  return out;
}

/** Adds or replaces one edition's JSON text and persists; resolves false when the host refused to save. */
export function storeEdition(store: SettingsStore | null, id: string, json: string): Promise<boolean> {
  if (!store) return Promise.resolve(false);
  return setAndSave(store, EDITIONS_KEY, { ...storedEditions(store), [id]: json });
}

/** Sets one setting and persists it; false when the host refused either (never a throw into the pane). */
function setAndSave(store: SettingsStore, key: string, value: unknown): Promise<boolean> {
  try {
    store.set(key, value);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    try {
      store.saveAsync((result) => resolve(String(result?.status).toLowerCase() !== "failed"));
    } catch {
      resolve(false);
    }
  });
}

// ---- the column choices of the Kolommen step ---------------------------------------------------------

/**
 * Document-settings key of the columns the user chose per ledger: source ("sheet:Grootboek",
 * "table:Tabel1") → field → the chosen column's header text ("" = no column). By header text, not
 * position, so a column moved in a new export is still found; kept in the workbook, so the next
 * session (or a colleague) starts with the same choice.
 */
export const COLUMN_MAPPINGS_KEY = "ictcost.columnMappings";

/** Field → header text of the chosen column ("" when the user chose no column). */
export type StoredColumns = Record<string, string>;

/** The settings key of a ledger source; undefined for the selection (it changes with every click). */
export function sourceKey(source: LedgerSource): string | undefined {
  return source.kind === "selection" ? undefined : `${source.kind}:${source.name}`;
}

function allColumnMappings(store: SettingsStore | null): Record<string, StoredColumns> {
  let raw: unknown = null;
  try {
    raw = store?.get(COLUMN_MAPPINGS_KEY) ?? null;
  } catch {
    raw = null;
  }
  const out: Record<string, StoredColumns> = {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
    const columns: StoredColumns = {};
    for (const [field, header] of Object.entries(value as Record<string, unknown>))
      if (typeof header === "string") columns[field] = header;
    out[key] = columns;
  }
  return out;
}

/** The columns stored for a ledger source, or undefined. */
export function storedColumns(store: SettingsStore | null, source: LedgerSource): StoredColumns | undefined {
  const key = sourceKey(source);
  return key === undefined ? undefined : allColumnMappings(store)[key];
}

/** Keeps the columns chosen for a ledger source; resolves false when the host refused to save them. */
export function storeColumns(
  store: SettingsStore | null,
  source: LedgerSource,
  columns: StoredColumns,
): Promise<boolean> {
  const key = sourceKey(source);
  if (!store || key === undefined) return Promise.resolve(false);
  return setAndSave(store, COLUMN_MAPPINGS_KEY, { ...allColumnMappings(store), [key]: columns });
}
