/**
 * From a header row to columns: the strongest header wins each field, ties are reported as
 * ambiguous, "Crediteur" beside "Crediteurnaam" becomes the supplier number; and what a mapping
 * has (mapped count, an amount column) or lacks (the required fields).
 */
import { LedgerField } from "../../types";
import { matchHeader } from "./match";
import { AMOUNT_FIELDS, READER_FIELDS, ReaderField } from "./synonyms";

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
