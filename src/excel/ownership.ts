/**
 * Which sheets belong to the add-in. Kept in one workbook setting (`ictcost.ownedSheets`) as
 * [{ id, role }] with the worksheet id, so a sheet the user renames is still recognised and a
 * sheet the user made is never mistaken for ours because of its name.
 */
import { SheetRole } from "../model/layout/types";

// pickSheetName is pure (no Office.js): it lives in the model so the CLI can use it too.
export { MAX_SHEET_NAME, pickSheetName } from "../model/sheetNames";

export const OWNED_SHEETS_SETTING = "ictcost.ownedSheets";

export interface OwnedSheet {
  id: string;
  role: SheetRole;
}

/** The part of Office.Settings the add-in uses (Office.context.document.settings fits). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } }) => void): void;
}

export function readOwnedSheets(settings: SettingsStore): OwnedSheet[] {
  const raw: unknown = settings.get(OWNED_SHEETS_SETTING);
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (x): x is OwnedSheet =>
      typeof x === "object" && x !== null && typeof x.id === "string" && typeof x.role === "string",
  );
}

/** Stores the list (one entry per role; entries for sheets that no longer exist dropped) and persists it. */
export function saveOwnedSheets(
  settings: SettingsStore,
  owned: OwnedSheet[],
  existingIds: ReadonlySet<string>,
): Promise<void> {
  const byRole = new Map<SheetRole, OwnedSheet>();
  for (const o of owned) if (existingIds.has(o.id)) byRole.set(o.role, { id: o.id, role: o.role });
  settings.set(OWNED_SHEETS_SETTING, [...byRole.values()]);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => {
      if (String(result.status).toLowerCase() === "failed") {
        reject(new Error(`Saving the add-in's settings failed: ${result.error?.message ?? "unknown error"}`));
      } else resolve();
    }),
  );
}
