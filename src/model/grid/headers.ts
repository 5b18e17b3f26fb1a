/**
 * Recognising ledger header cells in Dutch and English (see the workbook contract and
 * docs/exports.md): the columns of our own template, and those real exports write (Unit4,
 * Key2Financiën, Exact, AFAS, Decade): Debet/Credit, Saldo, Boekdatum, Periode, Factuurnummer,
 * Crediteurnaam beside Crediteurnummer, Iv3 taakveld and categorie.
 *
 * The parts live in src/model/grid/headers/: synonyms (the header texts and field lists, data),
 * match (one header cell to a field) and mapping (a header row to columns, what a mapping lacks).
 */
export type { ExtraField, ReaderField } from "./headers/synonyms";
export { AMOUNT_FIELDS, LEDGER_FIELDS, READER_FIELDS, REQUIRED_FIELDS } from "./headers/synonyms";
export type { HeaderMatch } from "./headers/match";
export { matchHeader } from "./headers/match";
export type { AmbiguousHeader, ColumnMapping, HeaderRowMapping } from "./headers/mapping";
export {
  hasAmountColumn,
  mapHeaderRow,
  mapHeaderRowDetailed,
  mappedCount,
  missingFields,
} from "./headers/mapping";
