/**
 * What the add-in remembers in the document settings between runs about its categorisation sheet: a
 * fingerprint of the last one written (so a comparison need not rewrite an unchanged sheet) and, while
 * the sheet is being rewritten, a backup of the user's manual codes.
 *
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
import { blockRows, isFormula, SheetLayout } from "../../model/layout";
import { parseCategory } from "../../model/taxonomy";
import { CategoryCode } from "../../model/types";
import { SettingsStore } from "../ownership";

export const MANUAL_BACKUP = "ictcost.manualBackup";
const MANUAL_BACKUP_CHARS = 1_000_000;

/** Where the last categorisation written is remembered: its sheet and a hash of what was written. */
const CATEGORISATION_STATE = "ictcost.categorisationState";

/** The manual codes a failed rewrite of the categorisation sheet may have lost (empty when none). */
export function readManualBackup(settings: SettingsStore): Map<string, CategoryCode> {
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

/** FNV-1a over the layout's literal cells and formulas: equal hashes, equal sheet contents. */
function layoutHash(layout: SheetLayout): string {
  let h = 0x811c9dc5;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  };
  let rowCount = 0;
  for (const block of layout.blocks) {
    add(block.at);
    // Row by row: a lazy body (the categorisation's) is not made into cells all at once.
    const rows = blockRows(block);
    rowCount += rows.count;
    for (let i = 0; i < rows.count; i++) {
      for (const c of rows.row(i))
        add(isFormula(c) ? c.formula : typeof c === "number" ? `#${c}` : String(c ?? ""));
      add("\n");
    }
  }
  return `${(h >>> 0).toString(16)}:${rowCount}`;
}

/**
 * Whether sheet `sheetId` still holds exactly the layout as the add-in last wrote it. The layout is built
 * only when the sheet is the one remembered: for a large ledger building it is the expensive part.
 */
export function isUnchanged(settings: SettingsStore, sheetId: string, layout: () => SheetLayout): boolean {
  const last = settings.get(CATEGORISATION_STATE) as { sheetId?: string; hash?: string } | null;
  return last?.sheetId === sheetId && last.hash === layoutHash(layout());
}

/**
 * Before the categorisation sheet is cleared: the manual codes are safe in the settings, and the sheet
 * is not "unchanged" until its rewrite is complete (bug A).
 */
export async function beforeCategorisationRewrite(
  settings: SettingsStore,
  manual: ReadonlyMap<string, CategoryCode>,
): Promise<void> {
  if (manual.size > 0) backupManual(settings, manual);
  settings.set(CATEGORISATION_STATE, null);
  await saveSettings(settings);
}

/** After a complete rewrite: remember what was written, and the backup is no longer needed. */
export async function afterCategorisationRewrite(
  settings: SettingsStore,
  sheetId: string,
  layout: SheetLayout,
): Promise<void> {
  settings.set(CATEGORISATION_STATE, { sheetId, hash: layoutHash(layout) });
  if (settings.get(MANUAL_BACKUP) !== null) settings.set(MANUAL_BACKUP, null);
  await saveSettings(settings);
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
