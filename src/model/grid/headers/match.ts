/**
 * Matching one header cell against the synonyms: in labelKey form (case, accents, punctuation and
 * spacing do not matter), whole-header matches first, then synonyms as leading or trailing words
 * (longest synonym first); answer-key columns of a test set are never matched.
 */
import { labelKey } from "../cells";
import { READER_FIELDS, ReaderField, SYNONYMS } from "./synonyms";

/** Fields whose header must be the whole cell: a running "Saldo cumulatief" is no line amount. */
const EXACT_ONLY = new Set<ReaderField>(["balance", "debitCredit"]);
/** The category overrides the categoriser: leading words only ("Categorie TCO"), never trailing. */
const NO_SUFFIX = new Set<ReaderField>(["category"]);

interface Synonym {
  field: ReaderField;
  tier: number;
}
const EXACT = new Map<string, Synonym>();
for (const field of READER_FIELDS) {
  SYNONYMS[field].forEach((tier, t) => {
    for (const s of tier) EXACT.set(s, { field, tier: t });
  });
}

// Longest first, so "gl account" is tried before "gl" and "cost centre" before shorter words.
const LOOSE = [...EXACT.entries()]
  .filter(([, s]) => !EXACT_ONLY.has(s.field))
  .sort((a, b) => b[0].length - a[0].length);

/**
 * Answer-key columns of a test set ("verwacht_categorie", "expected category") are never the
 * user's own data.
 */
const ANSWER_KEY = /^(verwacht|verwachte|expected)( |$)/;

export interface HeaderMatch {
  field: ReaderField;
  /** The whole header is a synonym (not "Bedrag excl. btw"). */
  exact: boolean;
  /** Higher wins when two columns name one field; equal strengths are ambiguous. */
  strength: number;
}

/**
 * The field a header cell names, or null. Case, accents, punctuation, spacing and trailing
 * spaces do not matter ("IV3 CATEGORIE", "Bedrag debet ", "GL-account"). Extra words are
 * tolerated around the synonym ("Bedrag excl. btw", "Naam leverancier"); the category only as
 * exact or leading words, because it overrides the categoriser and must not be guessed.
 */
export function matchHeader(cell: unknown): HeaderMatch | null {
  if (typeof cell !== "string" || cell.length > 80) return null;
  const key = labelKey(cell);
  if (key === "" || ANSWER_KEY.test(key)) return null;
  const exact = EXACT.get(key);
  if (exact) return { field: exact.field, exact: true, strength: 100 - exact.tier };
  for (const [syn, s] of LOOSE) {
    if (key.startsWith(`${syn} `)) return { field: s.field, exact: false, strength: 50 - s.tier };
  }
  for (const [syn, s] of LOOSE) {
    if (!NO_SUFFIX.has(s.field) && key.endsWith(` ${syn}`)) {
      return { field: s.field, exact: false, strength: 50 - s.tier };
    }
  }
  return null;
}
