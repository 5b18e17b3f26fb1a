/**
 * Splitting ledger text into the folded words the rule index is keyed on.
 *
 * Words are letters, digits and "&" ("I&A") after folding (case and accents ignored); everything
 * else separates words, so "SOC/SIEM" and "e-Suite" become two words each, and so do "€" or "–".
 * Folding is fold() of ../text (NFD, combining marks dropped, lower case). For the characters of
 * ledgers (ASCII, Latin-1 and Latin Extended) a table made from fold() itself does it one character
 * at a time; text with any other character goes through fold() as a whole.
 */
import { fold } from "../text";

const LETTER = /\p{L}/u;
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const NON_ASCII = /[^\x00-\x7f]/;

/** FOLD[c] for a character code c below FOLD.length: its folded word character, or one of these. */
const SEPARATOR = 0;
/** A combining mark: fold() drops it, so it neither adds a character nor separates words. */
const DROPPED = 0xfffe;
/** Folds to more than one character, or needs its neighbours: the whole text goes through fold(). */
const SLOW = 0xffff;
/** Up to the end of the combining diacritical marks (U+0300–U+036F). */
const FOLD = new Uint16Array(0x370);
/** General punctuation and currency signs (U+2000–U+20CF: "–", "’", "…", "€"), from PUNCTUATION on. */
const PUNCTUATION = 0x2000;
const FOLD_PUNCTUATION = new Uint16Array(0xd0);

function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (
    (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 38 || (code > 127 && LETTER.test(c))
  );
}

function folded(code: number): number {
  const c = String.fromCharCode(code);
  if (/\s/.test(c)) return SEPARATOR;
  const f = fold(c);
  if (f.length === 0) return DROPPED;
  if (f.length > 1) return SLOW;
  return isWordChar(f) ? f.charCodeAt(0) : SEPARATOR;
}
for (let code = 0; code < FOLD.length; code++) FOLD[code] = folded(code);
for (let i = 0; i < FOLD_PUNCTUATION.length; i++) {
  const f = folded(PUNCTUATION + i);
  // Letters there (ₐ, ⁿ) and marks could fold with their neighbours: leave them to fold().
  FOLD_PUNCTUATION[i] = f === SEPARATOR ? SEPARATOR : SLOW;
}

/**
 * Which digits matter to the rules, so the others can be collapsed (see FoldedWords.fold):
 * `named` are the words with a digit some rule names ("365", "m365", "e5", "suite4sociaal"),
 * `stems` the stems with a digit ("key2", "suite4"): a word that starts with one is kept whole.
 */
interface Digits {
  named: readonly string[];
  stems: readonly string[];
}

/** Digits compiled for the scan: the few named numbers, and which first letters can start the rest. */
export interface DigitRules extends Digits {
  numbers: readonly string[];
  /** Per folded character: 1 if a named word with a letter, or a stem, starts with it. */
  first: Uint8Array;
  /** Per length below its size: 1 if a named number has that length (longer: none has). */
  numberLengths: Uint8Array;
}

export function compileDigits(digits: Digits): DigitRules {
  const first = new Uint8Array(0x10000);
  const pure = (w: string) => /^[0-9]+$/.test(w);
  for (const w of digits.named) if (!pure(w)) first[w.charCodeAt(0)] = 1;
  for (const w of digits.stems) first[w.charCodeAt(0)] = 1;
  const numbers = digits.named.filter(pure);
  const numberLengths = new Uint8Array(Math.max(0, ...numbers.map((w) => w.length)) + 1);
  for (const w of numbers) numberLengths[w.length] = 1;
  // One literal, so every DigitRules has the same shape (the scan stays monomorphic).
  return { named: digits.named, stems: digits.stems, numbers, first, numberLengths };
}

/** Folded words of a text (see the top of this file). */
export function tokenise(text: string): string[] {
  const folded = SCRATCH;
  if (!folded.fold(text, null)) return tokeniseSlow(text);
  return folded.length === 0 ? [] : folded.text().split(" ");
}

/** The reference: fold() the whole text, then split. Used for text the table does not cover. */
export function tokeniseSlow(text: string): string[] {
  const s = NON_ASCII.test(text) ? fold(text) : text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    const inWord =
      (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 38 || (c > 127 && LETTER.test(s[i]));
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(s.slice(start, i));
      start = -1;
    }
  }
  return words;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
/** String.fromCharCode takes its characters as arguments: long texts go in pieces. */
const CHUNK = 4096;

/**
 * The folded words of one text at a time, one space between words, in a buffer that is reused:
 * folding a text allocates nothing, so a line whose words were seen before costs no garbage.
 */
export class FoldedWords {
  buffer = new Uint16Array(256);
  length = 0;
  /** FNV-1a of the characters, so a cache can look the words up without making a string. */
  hash = 0;

  /**
   * Folds `text` (see the top of this file). With `digits` given, every run of digits in a word the
   * rules cannot tell from others is written as one "0": amounts, weeks, years, dates and invoice
   * numbers ("2022", "f20220412" → "0", "f0"). Lines that differ only there fold the same.
   * Returns false, leaving nothing, when the text has a character the tables do not cover: then
   * use foldSlow().
   */
  fold(text: string, digits: DigitRules | null): boolean {
    const length = text.length;
    if (this.buffer.length < length) this.buffer = new Uint16Array(Math.max(length, this.buffer.length * 2));
    const out = this.buffer;
    let n = 0;
    let start = -1;
    let hasDigit = false;
    let onlyDigits = true;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      let f: number;
      if (code < FOLD.length) {
        f = FOLD[code];
        if (f >= DROPPED) {
          if (f === DROPPED) continue;
          return false;
        }
      } else if (code >= PUNCTUATION && code < PUNCTUATION + FOLD_PUNCTUATION.length) {
        f = FOLD_PUNCTUATION[code - PUNCTUATION];
        if (f === SLOW) return false;
      } else {
        return false;
      }
      if (f !== SEPARATOR) {
        if (start < 0) {
          if (n > 0) out[n++] = 32;
          start = n;
          hasDigit = false;
          onlyDigits = true;
        }
        out[n++] = f;
        if (f <= 57 && f >= 48) hasDigit = true;
        else onlyDigits = false;
      } else if (start >= 0) {
        if (hasDigit && digits !== null) n = this.digitsIn(start, n, onlyDigits, digits);
        start = -1;
      }
    }
    if (start >= 0 && hasDigit && digits !== null) n = this.digitsIn(start, n, onlyDigits, digits);
    this.length = n;
    this.hash = hashOf(out, n);
    return true;
  }

  /** The word out[start..end), which has a digit, kept or collapsed; returns its new end. */
  private digitsIn(start: number, end: number, onlyDigits: boolean, digits: DigitRules): number {
    const out = this.buffer;
    if (digits.first[out[start]] === 0) {
      if (!onlyDigits) return collapse(out, start, end);
      const length = end - start;
      const lengths = digits.numberLengths;
      if (length >= lengths.length || lengths[length] === 0 || !among(out, start, end, digits.numbers)) {
        out[start] = 48;
        return start + 1;
      }
      return end;
    }
    return kept(out, start, end, digits) ? end : collapse(out, start, end);
  }

  /** What fold() gives, for any text: the words of tokeniseSlow(), numbers collapsed the same way. */
  foldSlow(text: string, digits: Digits | null): void {
    const words = tokeniseSlow(text);
    if (digits !== null) {
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (/[0-9]/.test(w) && !digits.named.includes(w) && !digits.stems.some((s) => w.startsWith(s))) {
          words[i] = w.replace(/[0-9]+/g, "0");
        }
      }
    }
    const s = words.join(" ");
    if (this.buffer.length < s.length) this.buffer = new Uint16Array(s.length);
    for (let i = 0; i < s.length; i++) this.buffer[i] = s.charCodeAt(i);
    this.length = s.length;
    this.hash = hashOf(this.buffer, s.length);
  }

  /** Whether the folded words are `text`. */
  equals(text: string): boolean {
    const n = this.length;
    if (text.length !== n) return false;
    const out = this.buffer;
    for (let i = 0; i < n; i++) if (out[i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** The folded words as a string (one space between words). */
  text(): string {
    const n = this.length;
    if (n <= CHUNK) return String.fromCharCode.apply(null, this.buffer.subarray(0, n) as never);
    let s = "";
    for (let i = 0; i < n; i += CHUNK) {
      s += String.fromCharCode.apply(null, this.buffer.subarray(i, Math.min(n, i + CHUNK)) as never);
    }
    return s;
  }
}

/**
 * FNV-1a over the characters two at a time: half the multiplications in the dependency chain of
 * a plain FNV-1a, and the cache compares the words anyway, so any well-spread hash will do.
 */
function hashOf(out: Uint16Array, n: number): number {
  let h = FNV_OFFSET;
  let i = 0;
  // Both characters of a pair reach the low bits (the multiplication only carries bits upward).
  for (; i + 1 < n; i += 2) h = Math.imul(h ^ (Math.imul(out[i], 65599) + out[i + 1]), FNV_PRIME);
  if (i < n) h = Math.imul(h ^ out[i], FNV_PRIME);
  return h;
}

/** tokenise() is synchronous, so one instance serves every call. */
const SCRATCH = new FoldedWords();

/** Whether the word out[start..end) keeps its digits: it is named, or starts with a stem with digits. */
function kept(out: Uint16Array, start: number, end: number, digits: Digits): boolean {
  if (among(out, start, end, digits.named)) return true;
  const stems = digits.stems;
  outer: for (let k = 0; k < stems.length; k++) {
    const w = stems[k];
    if (w.length >= end - start) continue;
    for (let j = 0; j < w.length; j++) if (w.charCodeAt(j) !== out[start + j]) continue outer;
    return true;
  }
  return false;
}

/** Whether out[start..end) is one of the words. */
function among(out: Uint16Array, start: number, end: number, words: readonly string[]): boolean {
  outer: for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w.length !== end - start) continue;
    for (let j = 0; j < w.length; j++) if (w.charCodeAt(j) !== out[start + j]) continue outer;
    return true;
  }
  return false;
}

/** Every run of digits in out[start..end) becomes one "0"; returns the new end. */
function collapse(out: Uint16Array, start: number, end: number): number {
  let n = start;
  let inRun = false;
  for (let i = start; i < end; i++) {
    const c = out[i];
    if (c >= 48 && c <= 57) {
      if (!inRun) out[n++] = 48;
      inRun = true;
    } else {
      out[n++] = c;
      inRun = false;
    }
  }
  return n;
}
