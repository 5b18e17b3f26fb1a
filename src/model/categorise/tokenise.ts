/** Splitting ledger text into the folded words the rule index is keyed on. */
import { fold } from "../text";

const LETTER = /\p{L}/u;

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Folded words of a text: letters, digits and "&" ("I&A"); everything else separates words,
 * so "SOC/SIEM" and "e-Suite" become two words each, and so do "€" or "–". Plain ASCII, by far the most common in
 * ledgers, is only lower-cased; other text goes through fold() so "Financiën" → "financien".
 */
export function tokenise(text: string): string[] {
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
