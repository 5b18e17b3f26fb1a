/**
 * Iv3 codes as ledgers write them: taakvelden ("0.4 Overhead", "0.4", "Overhead, ondersteuning
 * organisatie", "Taakveld 0.4") and categorieën lasten ("3.5.1 Ingeleend personeel", "4.3.3
 * Gemeenschappelijke regelingen", "7.3"). Codes are compared as text: "0.1" (Bestuur) is not
 * "0.10" (Mutaties reserves). Unknown and older codes never fail: the code comes back with a
 * null name. Pure.
 *
 * Code lists: iv3-codes.json, made by scripts/make-iv3-codes.js from CBS's Iv3 definitions
 * 2017–2026 (statistiekcbs/iv3_definities, CC BY 4.0: name CBS as the source).
 */
import { fold } from "../text";
import codesJson from "./iv3-codes.json";

/** A code with its CBS name; name null when the code is in no list of 2017–2026. */
export interface Iv3Code {
  code: string;
  name: string | null;
}

type Entry = [name: string, firstYear: number, lastYear: number, ...earlierNames: string[]];

interface CodeList {
  names: Map<string, string>;
  /** Folded name → code; a name used by two codes is left out (ambiguous). */
  byName: Map<string, string>;
}

function compile(entries: Record<string, unknown>): CodeList {
  const names = new Map<string, string>();
  const byName = new Map<string, string>();
  const clash = new Set<string>();
  for (const [code, value] of Object.entries(entries)) {
    const [name, , , ...earlier] = value as Entry;
    names.set(code, name);
    for (const n of [name, ...earlier]) {
      const key = fold(n);
      if (byName.has(key) && byName.get(key) !== code) clash.add(key);
      byName.set(key, code);
    }
  }
  for (const key of clash) byName.delete(key);
  return { names, byName };
}

let taakvelden: CodeList | null = null;
let categories: CodeList | null = null;

/** The source of the code lists, to cite wherever a name is shown. */
export const IV3_SOURCE: string = codesJson.source;

// "0.4", "3.5.1", "4.3.3.", "0.10"; an optional leading word ("Taakveld 0.4", "tv 0.4", "cat. 3.8").
const CODE_FIRST =
  /^(?:(?:taakveld|tv|iv3|categorie|cat)\.?\s*[:-]?\s*)*(\d{1,2}(?:\.\d{1,3}){0,3})\.?(?=$|[\s:;,\-–)])/i;
const NAME_AFTER = /^[\s:;,\-–)]*/;

function parseCode(v: unknown, list: CodeList): Iv3Code | null {
  let text: string;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 0 || v >= 100) return null;
    text = String(v);
  } else if (typeof v === "string") {
    if (v.length > 200) return null;
    text = v.trim();
  } else return null;
  if (text === "") return null;
  const m = CODE_FIRST.exec(text);
  if (m) {
    const code = m[1];
    return { code, name: list.names.get(code) ?? null };
  }
  return byName(text.replace(NAME_AFTER, ""), list);
}

/**
 * A code from a name alone: the whole name ("Overhead"), a name followed by more words
 * ("Overhead, ondersteuning organisatie"), or the start of one name only ("Ingeleend").
 */
function byName(text: string, list: CodeList): Iv3Code | null {
  const key = fold(text);
  if (key.length < 3) return null;
  const exact = list.byName.get(key);
  if (exact) return { code: exact, name: list.names.get(exact) ?? null };
  let best: string | null = null;
  let bestLength = 0;
  for (const [name, code] of list.byName) {
    if (name.length > bestLength && key.startsWith(name) && !/[a-z0-9]/.test(key.charAt(name.length))) {
      best = code;
      bestLength = name.length;
    }
  }
  if (best === null && key.length >= 5) {
    const starts = [...list.byName].filter(([name]) => name.startsWith(key));
    if (starts.length === 1) best = starts[0][1];
  }
  return best === null ? null : { code: best, name: list.names.get(best) ?? null };
}

/** An Iv3 taakveld from a ledger cell; null when the cell holds no code and no known name. */
export function parseTaakveld(v: unknown): Iv3Code | null {
  taakvelden ??= compile(codesJson.taakvelden);
  return parseCode(v, taakvelden);
}

/** An Iv3 categorie lasten (economische categorie) from a ledger cell; null when none. */
export function parseIv3Category(v: unknown): Iv3Code | null {
  categories ??= compile(codesJson.categorieenLasten);
  return parseCode(v, categories);
}

/** Iv3 categorie lasten 4.3.3: a contribution to a gemeenschappelijke regeling (counted "via GR"). */
export const GR_CATEGORY = "4.3.3";
/** The categories BBV indicator bi.4 divides: 1.1 the loonsom, 3.5.1 the hired staff. */
export const SALARY_CATEGORY = "1.1";
export const HIRED_CATEGORY = "3.5.1";
/** Taakveld 0.4 Overhead, ondersteuning organisatie. */
export const OVERHEAD_TAAKVELD = "0.4";

const NOT_LISTED = { nl: "code niet in de CBS-lijst", en: "code not in the CBS list" };

/**
 * How a sheet writes an Iv3 code: "0.4 Overhead", "3.5.1 Ingeleend personeel" — code and CBS name, so
 * that a SUMIFS criterion on it is text (a bare "0.10" would be compared as the number 0.1) and a
 * reader sees what the code means. A code in no list says so.
 */
export function iv3Text(code: Iv3Code, language: "nl" | "en"): string {
  return `${code.code} ${code.name ?? `(${NOT_LISTED[language]})`}`;
}

/** The sheet text of a taakveld code ("0.4" → "0.4 Overhead"). */
export function taakveldText(code: string, language: "nl" | "en"): string {
  return iv3Text(parseTaakveld(code) ?? { code, name: null }, language);
}

/** The sheet text of an Iv3 categorie code ("3.5.1" → "3.5.1 Ingeleend personeel"). */
export function iv3CategoryText(code: string, language: "nl" | "en"): string {
  return iv3Text(parseIv3Category(code) ?? { code, name: null }, language);
}

/**
 * A ledger cell's taakveld as a sheet writes it: the parsed code with its name, "" when the cell is
 * empty or names no taakveld (such a line is "onbekend" on the Iv3 tie-out).
 */
export function taakveldCell(v: unknown, language: "nl" | "en"): string {
  const code = parseTaakveld(v);
  return code ? iv3Text(code, language) : "";
}

/** A ledger cell's Iv3 categorie as a sheet writes it (see taakveldCell). */
export function iv3CategoryCell(v: unknown, language: "nl" | "en"): string {
  const code = parseIv3Category(v);
  return code ? iv3Text(code, language) : "";
}
