/**
 * The task pane's settings: language, benchmark edition and output sheet names. They are kept in the
 * workbook's document settings (Office.context.document.settings), so they travel with the workbook to a
 * colleague; where no document settings exist, in the browser's localStorage.
 */
import { WorkflowOptions } from "../excel/workflow-api";
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
  try {
    store.set(PANE_SETTINGS_KEY, value);
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
