/** Reading single cells of a Range.values grid: text, emptiness, labels, display in messages. */
import { fold } from "../text";

/** A cell as text: trimmed strings, numbers as written, blanks (and NaN) as "". */
export function cellText(v: unknown): string {
  if (typeof v === "string") return trimmed(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return "";
}

/** Whether a char code may be whitespace that trim() removes (most text needs no trim: no copy). */
function maybeSpace(c: number): boolean {
  return c <= 32 || c === 160 || c >= 0x1680;
}

/** s.trim(), without allocating for the common string that has nothing to trim. */
export function trimmed(s: string): string {
  const n = s.length;
  if (n === 0 || (!maybeSpace(s.charCodeAt(0)) && !maybeSpace(s.charCodeAt(n - 1)))) return s;
  return s.trim();
}

/** Blank as Excel shows it: "", whitespace, null or undefined. */
export function isEmptyCell(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return v.length === 0 || (maybeSpace(v.charCodeAt(0)) && v.trim() === "");
  return false;
}

const NON_ALNUM = /[^a-z0-9]+/g;
const PARENTHESES = /\([^)]*\)/g;

/**
 * How headers and labels are compared: folded (case, accents), parenthesised remarks
 * dropped ("Bedrag (€)", "Aantal inwoners (1-1-2022)"), punctuation as spaces.
 */
export function labelKey(s: string): string {
  return fold(s.replace(PARENTHESES, " ")).replace(NON_ALNUM, " ").trim();
}

/** A cell value quoted in a message: short, Excel's own words for booleans. */
export function displayValue(v: unknown, language: "nl" | "en"): string {
  if (typeof v === "boolean") return language === "nl" ? (v ? "WAAR" : "ONWAAR") : v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(v);
  const text = cellText(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const EXCEL_ERRORS = new Set([
  "#n/a",
  "#nb",
  "#name?",
  "#naam?",
  "#value!",
  "#waarde!",
  "#div/0!",
  "#deel/0!",
  "#ref!",
  "#verw!",
  "#num!",
  "#getal!",
  "#null!",
  "#leeg!",
  "#spill!",
  "#overloop!",
  "#calc!",
  "#getting_data",
  "#busy!",
]);

/** "#N/A", "#WAARDE!" and the other error values Excel writes in Dutch or English. */
export function isExcelError(v: unknown): boolean {
  return typeof v === "string" && v.length < 16 && EXCEL_ERRORS.has(v.trim().toLowerCase());
}
