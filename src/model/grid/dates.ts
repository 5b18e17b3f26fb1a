/**
 * Dates and periods as ledger exports write them: Excel serial numbers (what Range.values and
 * the CLI's workbook reader give for date cells), "15-07-2022" (Dutch day first), "2022-07-15"
 * (ISO, with or without a time), "20220715"; periods "2022-07", "202207", "07-2022", "7".
 * Pure; never throws.
 */
import { MAX_YEAR, MIN_YEAR, parseYear } from "../amount";

// Excel's day 0 is 1899-12-30 in the 1900 date system (its phantom 29 Feb 1900 lies before 1990).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial numbers of 1990-01-01 and 2100-12-31: the years a ledger can be about. */
const MIN_SERIAL = 32874;
const MAX_SERIAL = 73415;

const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const YEAR_FIRST =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS[month - 1];
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Digit value of s[i], or -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** "dd-mm-yyyy" (also "/" and "."), the form most exports write: read without a regex. */
function fastDayFirst(s: string): string | null | undefined {
  if (s.length !== 10) return undefined;
  const sep = s.charCodeAt(2);
  if ((sep !== 45 && sep !== 47 && sep !== 46) || s.charCodeAt(5) !== sep) return undefined;
  const d1 = digit(s, 0);
  const d2 = digit(s, 1);
  const m1 = digit(s, 3);
  const m2 = digit(s, 4);
  const y1 = digit(s, 6);
  const y2 = digit(s, 7);
  const y3 = digit(s, 8);
  const y4 = digit(s, 9);
  if ((d1 | d2 | m1 | m2 | y1 | y2 | y3 | y4) < 0) return undefined;
  const a = d1 * 10 + d2;
  const b = m1 * 10 + m2;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  return b > 12 && a <= 12 ? iso(year, a, b) : iso(year, b, a);
}

function iso(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/**
 * A date as "yyyy-mm-dd", or null. Day-month order is Dutch ("05-07-2022" is 5 July) unless
 * the first number cannot be a month's day order ("07/15/2022" is read as 15 July); the year,
 * which is what the reader needs, is the same either way.
 */
export function parseDate(v: unknown): string | null {
  if (typeof v === "number") return serialDate(v);
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? null : iso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v !== "string" || v.length > 40) return null;
  const fast = fastDayFirst(v);
  if (fast !== undefined) return fast;
  const s = v.trim();
  let m = YEAR_FIRST.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return b > 12 && a <= 12 ? iso(year, a, b) : iso(year, b, a);
  }
  m = COMPACT.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** An Excel serial date (1990–2100), or a yyyymmdd number; null otherwise. */
function serialDate(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  if (n >= 19_900_101 && n <= 21_001_231 && Number.isInteger(n)) {
    return iso(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
  }
  if (n < MIN_SERIAL || n >= MAX_SERIAL + 1) return null;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(n) * DAY_MS);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The year of a date cell, or null (see parseDate). */
export function dateYear(v: unknown): number | null {
  const d = parseDate(v);
  return d === null ? null : Number(d.slice(0, 4));
}

const PERIOD_YEAR_FIRST = /^(\d{4})\s*[-/.]?\s*(?:p|per\.?\s*)?(\d{1,2})$/i;
const PERIOD_YEAR_LAST = /^(?:p|per\.?\s*)?(\d{1,2})\s*[-/.]\s*(\d{4})$/i;
const PERIOD_ONLY = /^(?:p|per\.?\s*|periode\s*)?(\d{1,2})$/i;

/** A period as year (or null when it has none) and number 1..13 (13: closing entries). */
export interface Period {
  year: number | null;
  period: number;
}

/** "2022-07", "202207", "2022/7", "07-2022", "P7", "7" (and 7 as a number); null otherwise. */
export function parsePeriod(v: unknown): Period | null {
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 1 && v <= 13) return { year: null, period: v };
    if (Number.isInteger(v) && v >= 199_001 && v <= 210_013) return period(Math.floor(v / 100), v % 100);
    return null;
  }
  if (typeof v !== "string" || v.length > 20) return null;
  const s = v.trim();
  let m = PERIOD_YEAR_FIRST.exec(s);
  if (m) return period(Number(m[1]), Number(m[2]));
  m = PERIOD_YEAR_LAST.exec(s);
  if (m) return period(Number(m[2]), Number(m[1]));
  m = PERIOD_ONLY.exec(s);
  if (m) {
    const p = Number(m[1]);
    return p >= 1 && p <= 13 ? { year: null, period: p } : null;
  }
  return null;
}

function period(year: number, p: number): Period | null {
  if (year < MIN_YEAR || year > MAX_YEAR || p < 1 || p > 13) return null;
  return { year, period: p };
}

/**
 * The book year a sheet's name gives ("2022", "Grootboek 2022", "GB2022", "2022 (2)"), or null
 * when it names none or two different years ("2022-2023", "Blad1").
 */
export function yearFromSheetName(name: unknown): number | null {
  return typeof name === "string" ? parseYear(name) : null;
}
