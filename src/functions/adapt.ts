/**
 * Between Excel and the domain core: reading custom-function arguments (scalars, ranges, criteria) and
 * turning the core's KpiResult into what a cell shows. No formula logic lives here, and nothing here needs
 * Office except `CustomFunctions.Error`/`ErrorCode`, which are looked up only when an error is returned
 * (so this module loads, and is unit-tested, without the runtime).
 */
import { parseAmount } from "../model/amount";
import { componentOf, parseCategory, parseComponent } from "../model/taxonomy";
import { fold } from "../model/text";
import { Bilingual, Component, isKpiError, KpiError, KpiResult, Language } from "../model/types";

/** What a numeric custom function returns: a number, or an Excel error. */
type ExcelNumber = number | CustomFunctions.Error;

/** The one place where the core's error kinds become Excel errors. */
const ERROR_CODE_NAMES: Record<KpiError["error"], keyof typeof CustomFunctions.ErrorCode> = {
  value: "invalidValue",
  num: "invalidNumber",
  na: "notAvailable",
  div0: "divisionByZero",
};

/**
 * Excel shows a custom message only with #VALUE! and #N/A: Office's CustomFunctions.ErrorCode says of
 * invalidValue and notAvailable "a custom error message can be used in addition to the error code", of
 * divisionByZero, invalidNumber (and nullReference, invalidName, invalidReference) "a custom error message
 * can't be used". So:
 * - a number argument outside its range (0 inhabitants, negative fte, 10 typed for 0.10; `argument` set by
 *   the core) is #VALUE! with the message naming the argument and what was typed, not a bare #NUM!;
 * - #DIV/0! stays for a divisor of 0, as Excel's own `=A1/B1` gives it (each function has one divisor,
 *   named in docs/functions.md); #NUM! only for a result that is not a finite number (overflow). Neither
 *   carries a message: there is nothing to add that the error does not say.
 */
const WITH_MESSAGE: ReadonlySet<KpiError["error"]> = new Set(["value", "na"]);

/** A KpiError as a `CustomFunctions.Error`, with the Dutch message (the users' language). */
export function toExcelError(e: KpiError): CustomFunctions.Error {
  const kind = e.error === "num" && e.argument ? "value" : e.error;
  const code = CustomFunctions.ErrorCode[ERROR_CODE_NAMES[kind]];
  return WITH_MESSAGE.has(kind)
    ? new CustomFunctions.Error(code, e.message.nl)
    : new CustomFunctions.Error(code);
}

/** A core result as a cell value: the number, or the Excel error. NaN/Infinity never reach a cell. */
export function toExcel(r: KpiResult): ExcelNumber {
  if (isKpiError(r)) return toExcelError(r);
  if (typeof r !== "number" || !Number.isFinite(r)) {
    return toExcelError(
      fail("num", "De uitkomst is geen eindig getal.", "The result is not a finite number."),
    );
  }
  return r;
}

/** A KpiError made here, for arguments the core never sees (a text where a number is needed, …). */
export function fail(error: KpiError["error"], nl: string, en: string): KpiError {
  return { error, message: { nl, en } };
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * A number argument. Excel already converts what it can for a `number` parameter; text that still
 * arrives is read as a Dutch or English number ("1.234,56", "€ 1,234.56"), anything else is #VALUE!.
 */
export function readNumber(v: unknown, what: Bilingual): number | KpiError {
  if (typeof v === "number") {
    return Number.isFinite(v)
      ? v
      : fail("num", `${what.nl} is geen eindig getal.`, `${what.en} is not finite.`);
  }
  if (isBlank(v)) return fail("value", `${what.nl} ontbreekt.`, `${what.en} is missing.`);
  if (typeof v === "string") {
    const n = parseAmount(v);
    if (n !== null) return n;
  }
  return fail(
    "value",
    `${what.nl} moet een getal zijn, niet "${String(v)}".`,
    `${what.en} must be a number.`,
  );
}

/** An optional number argument: omitted (null/undefined) or a blank cell gives undefined. */
export function readOptionalNumber(v: unknown, what: Bilingual): number | undefined | KpiError {
  return isBlank(v) ? undefined : readNumber(v, what);
}

/** A book year: a whole number (a text "2022" too); omitted gives undefined (the core's default year). */
export function readOptionalYear(v: unknown, what: Bilingual): number | undefined | KpiError {
  const n = readOptionalNumber(v, what);
  if (typeof n === "number" && !Number.isInteger(n)) {
    return fail("value", `${what.nl} moet een heel jaartal zijn, zoals 2022.`, `${what.en} must be a year.`);
  }
  return n;
}

/** A text argument, trimmed; a number is taken as its text. Blank is #VALUE!. */
export function readText(v: unknown, what: Bilingual): string | KpiError {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (isBlank(v)) return fail("value", `${what.nl} ontbreekt.`, `${what.en} is missing.`);
  return fail("value", `${what.nl} moet tekst zijn.`, `${what.en} must be text.`);
}

/** An optional text argument: omitted or blank gives undefined. */
export function readOptionalText(v: unknown, what: Bilingual): string | undefined | KpiError {
  return isBlank(v) ? undefined : readText(v, what);
}

const TRUE_WORDS = new Set(["true", "waar", "ja", "yes", "1"]);
const FALSE_WORDS = new Set(["false", "onwaar", "nee", "no", "0"]);

/** An optional TRUE/FALSE argument (also 1/0 and the Dutch WAAR/ONWAAR); omitted gives `otherwise`. */
export function readOptionalBoolean(v: unknown, otherwise: boolean, what: Bilingual): boolean | KpiError {
  if (isBlank(v)) return otherwise;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const t = fold(v);
    if (TRUE_WORDS.has(t)) return true;
    if (FALSE_WORDS.has(t)) return false;
  }
  return fail("value", `${what.nl} moet WAAR of ONWAAR zijn.`, `${what.en} must be TRUE or FALSE.`);
}

/** The language argument: "nl" (default) or "en"; "nl-NL", "en-US", "Nederlands", "English" too. */
export function readLanguage(v: unknown): Language | KpiError {
  if (isBlank(v)) return "nl";
  if (typeof v === "string") {
    const t = fold(v);
    if (t === "nl" || t.startsWith("nl-") || t === "nederlands" || t === "dutch") return "nl";
    if (t === "en" || t.startsWith("en-") || t === "engels" || t === "english") return "en";
  }
  return fail("value", `Taal moet "nl" of "en" zijn, niet "${String(v)}".`, `Language must be "nl" or "en".`);
}

/** A range argument as Excel passes it (rows of cells); a single value counts as a 1×1 range. */
export function readMatrix(v: unknown, what: Bilingual): unknown[][] | KpiError {
  if (Array.isArray(v)) {
    if (v.every((row) => Array.isArray(row))) return v as unknown[][];
    return fail("value", `${what.nl} moet een bereik zijn.`, `${what.en} must be a range.`);
  }
  if (v === null || v === undefined) return fail("value", `${what.nl} ontbreekt.`, `${what.en} is missing.`);
  return [[v]];
}

/** Same number of rows and, row by row, the same number of columns. */
export function sameShape(a: readonly unknown[][], b: readonly unknown[][]): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length);
}

/**
 * Sum of the numbers in a range, like Excel's SUM over a range: text (also text that looks like a number),
 * TRUE/FALSE and blanks are ignored. With `include`, only the cells it accepts count.
 */
export function sumNumbers(
  matrix: readonly unknown[][],
  include?: (row: number, col: number) => boolean,
): number {
  let sum = 0;
  for (let r = 0; r < matrix.length; r++) {
    const row = matrix[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number" && Number.isFinite(v) && (!include || include(r, c))) sum += v;
    }
  }
  return sum;
}

/**
 * The test a criterion stands for, applied to one criteria cell (SUMIF's criterion, on the TCO tree):
 * - a category code or label ("SW.KA", "Werkplek", "workplace") matches cells naming that category
 *   (by code or label, in either language);
 * - a component ("software", "Personeel", "infrastructure") matches cells naming that component or any
 *   category under it ("SW.BV" counts for "software");
 * - any other text matches cells with the same text, case and accents ignored (like SUMIF without
 *   wildcards), so a user's own labels (cost centres) work too.
 */
export function criterionMatcher(criterion: string): (cell: unknown) => boolean {
  const code = parseCategory(criterion);
  if (code) return (cell) => parseCategory(cellText(cell)) === code;
  const component = parseComponent(criterion);
  if (component) return (cell) => componentOfCell(cellText(cell)) === component;
  const wanted = fold(criterion);
  return (cell) => fold(cellText(cell)) === wanted;
}

function cellText(cell: unknown): string {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  return "";
}

/** The component a cell names: directly ("Software") or through a category code or label. */
function componentOfCell(text: string): Component | null {
  const code = parseCategory(text);
  if (code) return componentOf(code);
  return parseComponent(text);
}

/** True when every cell of the range is blank. */
export function isBlankCell(v: unknown): boolean {
  return isBlank(v);
}
