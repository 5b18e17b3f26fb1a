/**
 * Numbers as controllers type them: Excel numbers, or text in Dutch or English notation,
 * with currency marks, signs in front, behind or as parentheses. Pure; never throws.
 *
 * Text is parsed by rebuilding a canonical decimal string ("-1234.56") and handing that to
 * Number(): the result is the double nearest to what was written, without the drift that
 * arithmetic on the parts (1234 + 0.56) could add.
 */

/**
 * How to read a single separator followed by exactly three digits ("1.234", "1,234"):
 * "auto" takes it as a thousands separator (money, inhabitants: nobody writes euros to
 * three decimals), "decimal" as the decimal mark (fte: 1,125 fte, never 1125).
 */
type LoneSeparator = "auto" | "decimal";

interface NumberOptions {
  loneSeparator?: LoneSeparator;
}

// Spaces Excel and web exports use inside numbers (no-break, narrow no-break, thin, figure).
const ODD_SPACES = /[\u00a0\u2007\u2009\u200a\u202f]/g;
// Unicode minus and dashes some exports use for negative amounts.
const ODD_MINUS = /[\u2212\u2012\u2013]/g;
// "€ 25,-" and "25,--": Dutch for "no cents".
const DASH_CENTS = /(\d)[.,]-{1,2}(?=\s*(?:€|eur|euro)?\s*$)/i;
const EXPONENT = /^\d+(?:\.\d+)?e[+-]?\d+$/i;
// The forms exports write most, unambiguous in every mode: read without the general scanner.
const PLAIN_INTEGER = /^-?\d{1,15}$/;
const DUTCH_CENTS = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})$/;
const ENGLISH_CENTS = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)\.(\d{1,2})$/;
const SEPARATORS = /[.,]/g;

/**
 * The largest amount (in euros, either sign) a ledger line may carry: € 10 trillion, far above any
 * municipal budget and far below where sums of 100,000 such lines lose their cents. The ledger
 * reader refuses a line beyond it with "bedrag buiten bereik" and its row number.
 */
export const MAX_AMOUNT = 1e13;

/** Whether a parsed amount lies within ±MAX_AMOUNT. */
export function amountInRange(n: number): boolean {
  return n <= MAX_AMOUNT && n >= -MAX_AMOUNT;
}

/**
 * A money amount, or null when the value is not a readable amount ("" and blanks too). Not
 * bounded (key figures and functions use it too): readers check amountInRange.
 */
export function parseAmount(v: unknown): number | null {
  return parseNumber(v);
}

/** Fte are small fractional numbers: a lone "," or "." is always the decimal mark. */
export function parseFte(v: unknown): number | null {
  return parseNumber(v, { loneSeparator: "decimal" });
}

/** A number from a cell: finite Excel numbers as they are, text in any supported notation. */
export function parseNumber(v: unknown, options: NumberOptions = {}): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  return parseNumberText(v, options.loneSeparator ?? "auto");
}

interface Sign {
  minus: number;
  plus: number;
  open: number;
  close: number;
}

function parseNumberText(text: string, lone: LoneSeparator): number | null {
  if (text.length === 0 || text.length > 64) return null; // no amount is that long: cheap worst case
  const fast = parseCommonForm(text);
  if (fast !== undefined) return fast;
  let s = text;
  s = s.replace(ODD_SPACES, " ").replace(ODD_MINUS, "-").trim();
  if (s === "") return null;
  s = s.replace(DASH_CENTS, "$1");
  const sign: Sign = { minus: 0, plus: 0, open: 0, close: 0 };
  const start = skipLeading(s, sign);
  const end = skipTrailing(s, start, sign);
  if (start >= end) return null;
  if (sign.minus + sign.plus > 1 || sign.open !== sign.close || sign.open > 1) return null;
  if (sign.open === 1 && sign.minus + sign.plus > 0) return null; // "(-5)": ambiguous, refuse
  const digits = canonicalDigits(s.slice(start, end), lone);
  if (digits === null) return null;
  const negative = sign.minus === 1 || sign.open === 1;
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  return negative && value !== 0 ? -value : value;
}

/** "-1234", "1.234,56", "1,234.56": the value; undefined for anything else. */
function parseCommonForm(s: string): number | undefined {
  if (PLAIN_INTEGER.test(s)) return Number(s) || 0; // "|| 0": "-0" is 0
  const m = DUTCH_CENTS.exec(s) ?? ENGLISH_CENTS.exec(s);
  if (m === null) return undefined;
  return Number(`${m[1]}${m[2].replace(SEPARATORS, "")}.${m[3]}`) || 0;
}

/** Length of a currency mark at position i ("€", "EUR", "euro"), or 0. */
function currencyAt(s: string, i: number): number {
  if (s[i] === "€") return 1;
  const word = s.slice(i, i + 4).toLowerCase();
  if (word === "euro") return 4;
  return word.startsWith("eur") ? 3 : 0;
}

function currencyBefore(s: string, end: number): number {
  if (s[end - 1] === "€") return 1;
  if (end >= 4 && s.slice(end - 4, end).toLowerCase() === "euro") return 4;
  return end >= 3 && s.slice(end - 3, end).toLowerCase() === "eur" ? 3 : 0;
}

function skipLeading(s: string, sign: Sign): number {
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    let n = 1;
    if (c === "-") sign.minus++;
    else if (c === "+") sign.plus++;
    else if (c === "(") sign.open++;
    else if (c !== " ") n = currencyAt(s, i);
    if (n === 0) break;
    i += n;
  }
  return i;
}

function skipTrailing(s: string, start: number, sign: Sign): number {
  let j = s.length;
  while (j > start) {
    const c = s[j - 1];
    let n = 1;
    if (c === "-") sign.minus++;
    else if (c === ")") sign.close++;
    else if (c !== " ") n = currencyBefore(s, j);
    if (n === 0) break;
    j -= n;
  }
  return j;
}

const isDigit = (c: string) => c >= "0" && c <= "9";

/**
 * The digits and separators of a number ("1.234,56", "1 234", "1,234,567.89") as a canonical
 * decimal string ("1234.56"), or null when they do not form one number.
 */
function canonicalDigits(body: string, lone: LoneSeparator): string | null {
  if (EXPONENT.test(body)) return body;
  const groups: string[] = [];
  const seps: string[] = [];
  let current = "";
  for (const c of body) {
    if (isDigit(c)) current += c;
    else if (c === "." || c === "," || c === " " || c === "'") {
      groups.push(current);
      seps.push(c);
      current = "";
    } else return null;
  }
  groups.push(current);
  const decimalAt = decimalSeparatorIndex(groups, seps, lone);
  if (decimalAt === undefined) return null;
  const intGroups = decimalAt === null ? groups : groups.slice(0, decimalAt + 1);
  const fraction = decimalAt === null ? "" : groups[decimalAt + 1];
  if (!validThousands(intGroups, decimalAt !== null)) return null;
  if (decimalAt !== null && fraction === "") return null;
  const whole = intGroups.join("") || "0";
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

/**
 * Index into seps of the decimal mark; null when there is none; undefined when the
 * separators contradict each other ("1,234.567,8").
 */
function decimalSeparatorIndex(
  groups: string[],
  seps: string[],
  lone: LoneSeparator,
): number | null | undefined {
  if (seps.length === 0) return null;
  const last = seps.length - 1;
  const lastSep = seps[last];
  const marks = seps.filter((c) => c === "." || c === ",");
  if (marks.length === 0) return null; // only spaces or apostrophes: thousands
  const kinds = new Set(marks);
  if (kinds.size === 2) {
    // Both marks: the last one is the decimal mark and occurs once; the other groups thousands.
    if (lastSep !== "." && lastSep !== ",") return undefined;
    return marks.filter((c) => c === lastSep).length === 1 ? last : undefined;
  }
  if (marks.length > 1) return null; // "1.234.567": a repeated mark groups thousands
  if (lastSep !== marks[0]) return undefined; // "1.234 567"
  if (seps.length > 1) return last; // "1 234,56": spaces group, so the mark is decimal
  const looksLikeThousands = groups[1].length === 3 && /^[1-9]\d{0,2}$/.test(groups[0]);
  return lone === "auto" && looksLikeThousands ? null : last;
}

/** Integer groups around thousands separators: 1-3 digits first, then exactly 3 each. */
function validThousands(groups: string[], hasFraction: boolean): boolean {
  if (groups.length === 1) return groups[0] !== "" || hasFraction; // ",5" reads as 0.5
  if (groups[0].length < 1 || groups[0].length > 3) return false;
  for (let k = 1; k < groups.length; k++) if (groups[k].length !== 3) return false;
  return true;
}

const FOUR_DIGITS = /(?:^|\D)(\d{4})(?=\D|$)/g;
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/**
 * A book year (1990..2100) from 2022, "2022", "Boekjaar 2022" or "31-12-2022"; null when
 * there is none or more than one different year in the text ("2022/2023").
 */
export function parseYear(v: unknown): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR ? v : null;
  if (typeof v !== "string" || v.length > 64) return null;
  let found: number | null = null;
  for (const m of v.matchAll(FOUR_DIGITS)) {
    const year = Number(m[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) continue;
    if (found !== null && found !== year) return null;
    found = year;
  }
  return found;
}
