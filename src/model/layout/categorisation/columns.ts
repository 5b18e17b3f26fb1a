/**
 * The columns of the ICT-categorisatie table, in order, with their Dutch and English headers, widths
 * and number formats, and the rows the table starts and ends on.
 */

/** The table's columns, in order. */
export const CATEGORISATION_COLUMNS = [
  "sourceRow",
  "key",
  "description",
  "supplier",
  "account",
  "year",
  "amount",
  "category",
  "categoryName",
  "delivery",
  "staffing",
  "rule",
  "manual",
  "final",
  "component",
  "fte",
  "confidence",
  // Iv3 as the ledger booked it (code and CBS name, "" when none): the Iv3 tie-out sums over them.
  "taakveld",
  "iv3Category",
] as const;
export type CategorisationColumn = (typeof CATEGORISATION_COLUMNS)[number];

export const HEADERS: Record<CategorisationColumn, { nl: string; en: string }> = {
  sourceRow: { nl: "Bronrij", en: "Source row" },
  key: { nl: "Sleutel", en: "Key" },
  description: { nl: "Omschrijving", en: "Description" },
  supplier: { nl: "Leverancier", en: "Supplier" },
  account: { nl: "Grootboekrekening", en: "Account" },
  year: { nl: "Jaar", en: "Year" },
  amount: { nl: "Bedrag", en: "Amount" },
  category: { nl: "Categorie", en: "Category" },
  categoryName: { nl: "Categorienaam", en: "Category name" },
  delivery: { nl: "Levering", en: "Delivery" },
  staffing: { nl: "Personeel", en: "Staffing" },
  rule: { nl: "Regel", en: "Rule" },
  manual: { nl: "Handmatig", en: "Manual" },
  final: { nl: "Definitief", en: "Final" },
  component: { nl: "Component", en: "Component" },
  fte: { nl: "Fte", en: "Fte" },
  confidence: { nl: "Zekerheid", en: "Confidence" },
  taakveld: { nl: "Taakveld", en: "Iv3 taakveld" },
  iv3Category: { nl: "Iv3-categorie", en: "Iv3 category" },
};

export const WIDTHS: Record<CategorisationColumn, number> = {
  sourceRow: 8,
  key: 6,
  description: 40,
  supplier: 22,
  account: 14,
  year: 7,
  amount: 14,
  category: 10,
  categoryName: 26,
  delivery: 11,
  staffing: 10,
  rule: 30,
  manual: 11,
  final: 10,
  component: 14,
  fte: 6,
  confidence: 10,
  taakveld: 26,
  iv3Category: 30,
};

export const FORMATS: Partial<Record<CategorisationColumn, string>> = {
  amount: "#,##0.00",
  fte: "0.0",
  confidence: "0%",
  sourceRow: "0",
  year: "0",
};

/** 1-based column number of a categorisation column. */
export function categorisationColumn(column: CategorisationColumn): number {
  return CATEGORISATION_COLUMNS.indexOf(column) + 1;
}

/** Title row 1, explanation row 2, table header row 4, first cost line row 5. */
export const CATEGORISATION_HEADER_ROW = 4;
export const CATEGORISATION_FIRST_ROW = CATEGORISATION_HEADER_ROW + 1;

/** Last data row of a table with rowCount lines (an empty table keeps one blank data row). */
export function lastDataRow(rowCount: number): number {
  return CATEGORISATION_FIRST_ROW + Math.max(rowCount, 1) - 1;
}
