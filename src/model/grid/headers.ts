/**
 * Recognising ledger header cells in Dutch and English (see the workbook contract and
 * docs/exports.md): the columns of our own template, and those real exports write (Unit4,
 * Key2Financiën, Exact, AFAS, Decade): Debet/Credit, Saldo, Boekdatum, Periode, Factuurnummer,
 * Crediteurnaam beside Crediteurnummer, Iv3 taakveld and categorie.
 */
import { LedgerField } from "../types";
import { labelKey } from "./cells";

/**
 * Columns the reader knows beyond the user-facing LedgerField ones: they feed the amount, the
 * year and the line's evidence, and are never offered as a category override.
 */
export type ExtraField =
  | "debit"
  | "credit"
  | "debitCredit"
  | "balance"
  | "date"
  | "period"
  | "document"
  | "supplierNumber"
  | "accountName";
export type ReaderField = LedgerField | ExtraField;

/**
 * Header texts per field, already in labelKey form, strongest first: a column whose header is
 * in an earlier tier wins over one in a later tier ("Crediteurnaam" over "Crediteur", "Omschrijving
 * regel" over "Omschrijving boeking"); two columns of the same tier are ambiguous.
 */
const SYNONYMS: Record<ReaderField, readonly (readonly string[])[]> = {
  description: [
    ["omschrijving regel", "regelomschrijving", "omschrijving boekingsregel", "line description"],
    [
      "omschrijving",
      "kostenomschrijving",
      "kosten omschrijving",
      "factuuromschrijving",
      "omschrijving factuur",
      "description",
    ],
    ["boekingsomschrijving", "omschrijving boeking", "omschrijving journaalpost", "omschrijving dagboek"],
  ],
  amount: [
    ["bedrag", "amount", "totaalbedrag", "bedrag eur", "bedrag euro"],
    ["kosten", "lasten", "realisatie"],
  ],
  debit: [["debet", "debit", "bedrag debet", "debetbedrag", "debet bedrag", "debit amount"]],
  credit: [["credit", "bedrag credit", "creditbedrag", "credit bedrag", "credit amount"]],
  debitCredit: [["d c", "dc", "debet credit", "debit credit", "debet of credit"]],
  balance: [["saldo", "bedrag saldo", "saldo bedrag", "balance"]],
  supplier: [
    [
      "crediteurnaam",
      "crediteur naam",
      "naam crediteur",
      "leveranciersnaam",
      "leveranciernaam",
      "leverancier naam",
      "naam leverancier",
      "relatienaam",
      "relatie naam",
      "naam relatie",
      "supplier name",
      "vendor name",
    ],
    ["leverancier", "crediteur", "relatie", "supplier", "vendor"],
  ],
  supplierNumber: [
    [
      "crediteurnummer",
      "crediteur nummer",
      "crediteurnr",
      "crediteur nr",
      "nr crediteur",
      "crediteurcode",
      "crediteur code",
      "relatienummer",
      "relatie nummer",
      "relatienr",
      "relatie nr",
      "relatiecode",
      "relatie code",
      "leveranciernummer",
      "leveranciersnummer",
      "leverancier nummer",
      "leveranciernr",
      "leverancier nr",
      "supplier number",
      "supplier id",
      "vendor number",
      "vendor id",
    ],
  ],
  account: [
    [
      "grootboekrekening",
      "grootboek",
      "grootboeknummer",
      "grootboekrekeningnummer",
      "account",
      "gl account",
      "gl",
      "ledger account",
      "account number",
    ],
    ["kostensoort", "kostensoortnummer", "rekening", "rekeningnummer"],
  ],
  accountName: [
    [
      "omschrijving grootboekrekening",
      "grootboekrekening omschrijving",
      "omschrijving grootboek",
      "grootboekomschrijving",
      "naam grootboekrekening",
      "omschrijving kostensoort",
      "kostensoort omschrijving",
      "kostensoortomschrijving",
      "omschrijving rekening",
      "rekeningomschrijving",
      "account name",
      "account description",
    ],
  ],
  year: [["jaar", "boekjaar", "begrotingsjaar", "year", "book year", "fiscal year"]],
  date: [
    ["boekdatum", "boekingsdatum", "datum boeking", "booking date", "posting date", "entry date"],
    ["datum", "date", "transactiedatum", "documentdatum", "document datum"],
    ["factuurdatum", "invoice date"],
  ],
  period: [["periode", "boekperiode", "period", "fiscal period"]],
  document: [
    ["factuurnummer", "factuurnr", "factuur nr", "invoice number", "invoice no"],
    [
      "boekstuknummer",
      "boekstuk",
      "boekstuknr",
      "documentnummer",
      "document nummer",
      "documentnr",
      "document",
      "document number",
    ],
  ],
  costCentre: [["kostenplaats", "kostenplaatsnummer", "kostenplaatscode", "cost centre", "cost center"]],
  fte: [["fte", "aantal fte"]],
  category: [["categorie", "tco categorie", "ict categorie", "eigen categorie", "category", "tco category"]],
  taakveld: [["taakveld", "iv3 taakveld", "taakveld iv3", "task field"], ["functie"]],
  iv3Category: [
    [
      "iv3 categorie",
      "iv3 categorie lasten",
      "categorie iv3",
      "economische categorie",
      "economische categorie lasten",
      "iv3 category",
      "economic category",
    ],
  ],
};

/** The fields a user can map in the pane (labels in taskpane/strings.ts). */
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
/** Every field the reader maps: the user-facing ones, then the export columns. */
export const READER_FIELDS: readonly ReaderField[] = [
  ...LEDGER_FIELDS,
  "debit",
  "credit",
  "debitCredit",
  "balance",
  "date",
  "period",
  "document",
  "supplierNumber",
  "accountName",
];
export const REQUIRED_FIELDS: readonly LedgerField[] = ["description", "amount"];
/** Any of these columns gives a line its amount (see amountColumns). */
export const AMOUNT_FIELDS: readonly ReaderField[] = ["amount", "debit", "credit", "balance"];

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

/** 0-based column index per field. */
export type ColumnMapping = Partial<Record<ReaderField, number>>;

/** Two or more columns that name one field equally well: the user has to say which. */
export interface AmbiguousHeader {
  field: ReaderField;
  /** 0-based columns, left to right; the reader took the first. */
  columns: number[];
}

export interface HeaderRowMapping {
  mapping: ColumnMapping;
  ambiguous: AmbiguousHeader[];
}

/**
 * Fields of one row's header cells, with the ties. The strongest header wins each field (a
 * whole-header match over a loose one, an earlier synonym tier over a later one); among equals
 * the leftmost column is taken and the tie is reported as ambiguous.
 */
export function mapHeaderRowDetailed(row: readonly unknown[] | undefined): HeaderRowMapping {
  const mapping: ColumnMapping = {};
  const ambiguous: AmbiguousHeader[] = [];
  if (!Array.isArray(row)) return { mapping, ambiguous };
  const best = new Map<ReaderField, { strength: number; columns: number[] }>();
  const supplierColumns: number[] = [];
  row.forEach((cell, col) => {
    const m = matchHeader(cell);
    if (!m) return;
    if (m.field === "supplier") supplierColumns.push(col);
    const b = best.get(m.field);
    if (!b || m.strength > b.strength) best.set(m.field, { strength: m.strength, columns: [col] });
    else if (m.strength === b.strength) b.columns.push(col);
  });
  for (const field of READER_FIELDS) {
    const b = best.get(field);
    if (!b) continue;
    mapping[field] = b.columns[0];
    if (b.columns.length > 1) ambiguous.push({ field, columns: b.columns });
  }
  // "Crediteur" beside "Crediteurnaam": the name is the supplier, the other one its number.
  if (mapping.supplierNumber === undefined && supplierColumns.length === 2) {
    const other = supplierColumns.find((c) => c !== mapping.supplier);
    if (other !== undefined && !ambiguous.some((a) => a.field === "supplier")) mapping.supplierNumber = other;
  }
  return { mapping, ambiguous };
}

/** Fields of one row's header cells (see mapHeaderRowDetailed). */
export function mapHeaderRow(row: readonly unknown[] | undefined): ColumnMapping {
  return mapHeaderRowDetailed(row).mapping;
}

export function mappedCount(mapping: ColumnMapping): number {
  return Object.keys(mapping).length;
}

/** Whether some column gives the amount: Bedrag, Debet and/or Credit, or Saldo. */
export function hasAmountColumn(mapping: ColumnMapping): boolean {
  return AMOUNT_FIELDS.some((f) => mapping[f] !== undefined);
}

/**
 * The required fields a mapping lacks: description, and "amount" unless Bedrag, Debet, Credit
 * or Saldo is mapped. The pane and the CLI should use this rather than REQUIRED_FIELDS alone.
 */
export function missingFields(mapping: ColumnMapping): LedgerField[] {
  const missing: LedgerField[] = [];
  if (mapping.description === undefined) missing.push("description");
  if (!hasAmountColumn(mapping)) missing.push("amount");
  return missing;
}
