/**
 * The header texts the reader knows, as data: per field, the Dutch and English synonyms in tiers
 * (strongest first), from our own template and from real exports (Unit4, Key2Financiën, Exact,
 * AFAS, Decade); and the lists of fields (user-facing, every field, required, amount).
 * Add a synonym here; how a header cell is matched against them lives in match.ts.
 */
import { LedgerField } from "../../types";

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
export const SYNONYMS: Record<ReaderField, readonly (readonly string[])[]> = {
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
