/**
 * The one pipeline both faces run, over plain data:
 *   findInputs(book, choice, manual) → Inputs        (findInputs.ts)
 *   categorise(inputs)               → Categorised   (report.ts)
 *   layoutReport(inputs, categorised, plan) → Report (report.ts: compareYear, comparison and trend layouts)
 * The add-in turns Office.js ranges into a PlainWorkbook and renders the layouts back; the CLI does the
 * same with .xlsx and CSV files.
 */
export * from "./workbook";
export * from "./inputError";
export * from "./findInputs";
export * from "./keyFigureSources";
export * from "./ledgerPlaces";
export * from "./report";
export * from "./cbs";
export * from "./notes";
export * from "./prepare";
export * from "./learn";
