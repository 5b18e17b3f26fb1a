/** Recognising ledger header cells in Dutch and English (see the workbook contract). */
import { LedgerField } from "../types";
import { labelKey } from "./cells";

/** Header texts per field, already in labelKey form. */
const SYNONYMS: Record<LedgerField, readonly string[]> = {
  description: [
    "omschrijving",
    "kostenomschrijving",
    "kosten omschrijving",
    "boekingsomschrijving",
    "factuuromschrijving",
    "description",
  ],
  amount: ["bedrag", "kosten", "lasten", "realisatie", "amount", "totaalbedrag"],
  supplier: ["leverancier", "leveranciersnaam", "crediteur", "crediteurnaam", "supplier", "vendor"],
  account: [
    "grootboekrekening",
    "grootboek",
    "grootboeknummer",
    "grootboekrekeningnummer",
    "kostensoort",
    "account",
    "gl account",
    "gl",
    "ledger account",
  ],
  year: ["jaar", "boekjaar", "begrotingsjaar", "year", "book year", "fiscal year"],
  costCentre: ["kostenplaats", "kostenplaatsnummer", "cost centre", "cost center"],
  fte: ["fte", "aantal fte"],
  category: ["categorie", "tco categorie", "ict categorie", "eigen categorie", "category", "tco category"],
  taakveld: ["taakveld", "iv3 taakveld", "functie", "task field"],
  iv3Category: [
    "iv3 categorie",
    "iv3 categorie lasten",
    "economische categorie",
    "economische categorie lasten",
    "iv3 category",
    "economic category",
  ],
};

export const LEDGER_FIELDS: readonly LedgerField[] = [
  "description",
  "amount",
  "supplier",
  "account",
  "year",
  "costCentre",
  "fte",
  "category",
  "taakveld",
  "iv3Category",
];
export const REQUIRED_FIELDS: readonly LedgerField[] = ["description", "amount"];

const EXACT = new Map<string, LedgerField>();
for (const field of LEDGER_FIELDS) for (const s of SYNONYMS[field]) EXACT.set(s, field);

// Longest first, so "gl account" is tried before "gl" and "cost centre" before shorter words.
const LOOSE = [...EXACT.entries()].sort((a, b) => b[0].length - a[0].length);

/**
 * Answer-key columns of a test set ("verwacht_categorie", "expected category") are never the
 * user's own data.
 */
const ANSWER_KEY = /^(verwacht|verwachte|expected)( |$)/;

interface HeaderMatch {
  field: LedgerField;
  /** The whole header is a synonym (not "Bedrag excl. btw"). */
  exact: boolean;
}

/**
 * The field a header cell names, or null. Extra words are tolerated around the synonym
 * ("Bedrag excl. btw", "Naam leverancier"); the category only as exact or leading words,
 * because it overrides the categoriser and must not be guessed.
 */
export function matchHeader(cell: unknown): HeaderMatch | null {
  if (typeof cell !== "string" || cell.length > 80) return null;
  const key = labelKey(cell);
  if (key === "" || ANSWER_KEY.test(key)) return null;
  const exact = EXACT.get(key);
  if (exact) return { field: exact, exact: true };
  for (const [syn, field] of LOOSE) {
    if (key.startsWith(`${syn} `)) return { field, exact: false };
  }
  for (const [syn, field] of LOOSE) {
    if (field !== "category" && key.endsWith(` ${syn}`)) return { field, exact: false };
  }
  return null;
}

/** 0-based column index per field. */
export type ColumnMapping = Partial<Record<LedgerField, number>>;

/**
 * Fields of one row's header cells. Whole-header matches win over loose ones; among equals the
 * leftmost column wins (a duplicated header maps once).
 */
export function mapHeaderRow(row: readonly unknown[] | undefined): ColumnMapping {
  const mapping: ColumnMapping = {};
  if (!Array.isArray(row)) return mapping;
  const matches = row.map((cell) => matchHeader(cell));
  for (const wantExact of [true, false]) {
    matches.forEach((m, col) => {
      if (m && m.exact === wantExact && mapping[m.field] === undefined) mapping[m.field] = col;
    });
  }
  return mapping;
}

export function mappedCount(mapping: ColumnMapping): number {
  return Object.keys(mapping).length;
}
