/**
 * Reading back the user's manual categories (the Handmatig column) from an existing categorisation
 * sheet, by line key, so a rebuild keeps them.
 */
import { parseCategory } from "../../taxonomy";
import { fold } from "../../text";
import { CategoryCode, Grid } from "../../types";
import { HEADERS } from "./columns";

const KEY_HEADERS = new Set([fold(HEADERS.key.nl), fold(HEADERS.key.en)]);
const MANUAL_HEADERS = new Set([fold(HEADERS.manual.nl), fold(HEADERS.manual.en)]);

/**
 * The manual categories of an existing categorisation sheet (its values as read back): line key →
 * category code, for every row whose Handmatig cell names a category (code or label). The header row
 * is found wherever it is; rows whose Handmatig is empty or names no category are left out.
 */
export function readManualCategories(grid: Grid): Map<string, CategoryCode> {
  const result = new Map<string, CategoryCode>();
  let keyColumn = -1;
  let manualColumn = -1;
  let headerRow = -1;
  for (let r = 0; r < grid.length && headerRow < 0; r++) {
    const row = grid[r] ?? [];
    let k = -1;
    let m = -1;
    row.forEach((value, c) => {
      if (typeof value !== "string") return;
      const f = fold(value);
      if (k < 0 && KEY_HEADERS.has(f)) k = c;
      if (m < 0 && MANUAL_HEADERS.has(f)) m = c;
    });
    if (k >= 0 && m >= 0) {
      keyColumn = k;
      manualColumn = m;
      headerRow = r;
    }
  }
  if (headerRow < 0) return result;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const key = row[keyColumn];
    if (key === null || key === undefined || key === "") continue;
    const code = parseCategory(row[manualColumn]);
    if (code) result.set(String(key), code);
  }
  return result;
}
