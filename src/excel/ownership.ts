/**
 * Which sheets belong to the add-in. Kept in one workbook setting (`ictcost.ownedSheets`) as
 * [{ id, role }] with the worksheet id, so a sheet the user renames is still recognised and a
 * sheet the user made is never mistaken for ours because of its name.
 */
import { isOutputRole } from "../model/layout/outputSheets";
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
  return persistSettings(settings);
}

/** Persists the settings (Office.context.document.settings.saveAsync as a promise). */
export function persistSettings(settings: SettingsStore): Promise<void> {
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => {
      if (String(result.status).toLowerCase() === "failed") {
        reject(new Error(`Saving the add-in's settings failed: ${result.error?.message ?? "unknown error"}`));
      } else resolve();
    }),
  );
}

/**
 * Bug B (docs/security.md, part 2): output sheets a render is about to create, saved before the sync that
 * creates them. Their ids are recorded as soon as a sync that created them succeeds (render.ts); this
 * record covers the one case that cannot: that very sync failing after Excel applied it (a sheet exists,
 * its id never came back). The next run adopts such a sheet only when it is unowned, has the planned
 * name, did not exist before (`before`: the ids of that moment), and is empty or starts with the title
 * the render wrote in A1; a sheet the user made is never taken over on its name alone.
 */
export const PENDING_SHEETS_SETTING = "ictcost.pendingSheets";

export interface PendingSheet {
  role: SheetRole;
  name: string;
  /** The text written in A1 ("" when none). */
  title: string;
}

export interface PendingSheets {
  before: string[];
  sheets: PendingSheet[];
}

/** Roles that may be adopted: the add-in's output sheets (input sheets are handed to the user). */
export function isAdoptable(role: SheetRole): boolean {
  return isOutputRole(role);
}

export function readPendingSheets(settings: SettingsStore): PendingSheets | null {
  const raw = settings.get(PENDING_SHEETS_SETTING) as Partial<PendingSheets> | null;
  if (!raw || !Array.isArray(raw.before) || !Array.isArray(raw.sheets)) return null;
  const sheets = raw.sheets.filter(
    (x): x is PendingSheet =>
      typeof x === "object" &&
      x !== null &&
      typeof x.name === "string" &&
      typeof x.title === "string" &&
      isOutputRole(x.role),
  );
  return { before: raw.before.filter((x): x is string => typeof x === "string"), sheets };
}

/** A sheet as the next run's read sees it, to decide on adoption. */
export interface SeenSheet {
  id: string;
  name: string;
  isOwned: boolean;
  /** The value in A1 ("" for an empty sheet), undefined when the sheet has values elsewhere only. */
  a1: unknown;
  empty: boolean;
}

/**
 * The pending sheets that exist unrecorded, as owned entries (see PENDING_SHEETS_SETTING). Roles that
 * already have an existing owned sheet are not adopted.
 */
export function adoptablePending(
  pending: PendingSheets,
  owned: OwnedSheet[],
  sheets: readonly SeenSheet[],
): OwnedSheet[] {
  const before = new Set(pending.before);
  const out: OwnedSheet[] = [];
  for (const p of pending.sheets) {
    if (owned.some((o) => o.role === p.role && sheets.some((s) => s.id === o.id))) continue;
    const s = sheets.find(
      (x) =>
        !x.isOwned &&
        !before.has(x.id) &&
        x.name.toLowerCase() === p.name.toLowerCase() &&
        (x.empty || (p.title !== "" && x.a1 === p.title)),
    );
    if (s && !out.some((o) => o.id === s.id)) out.push({ id: s.id, role: p.role });
  }
  return out;
}
