/**
 * The Grootboek sheet: the ledger columns a Dutch finance export has, plus an optional Categorie
 * with a drop-down of category codes; empty with five example lines, or the sample municipality's.
 */
import { CATEGORY_CODES } from "../categorisation";
import { SAMPLE_LEDGER_HEADER } from "../../sample/grids";
import { Language } from "../../types";
import { range } from "../a1";
import { LayoutCell, SheetLayout } from "../types";
import { CATEGORY_PROMPT, TEMPLATE_SHEETS } from "./names";

const LEDGER_TABLE = "Grootboek";

const LEDGER_HEADERS: Record<Language, readonly string[]> = {
  nl: [...SAMPLE_LEDGER_HEADER, "Categorie"],
  en: ["Description", "Supplier", "Account", "Cost centre", "Year", "Amount", "Fte", "Category"],
};
const LEDGER_FORMATS = [null, null, null, null, "0", "#,##0.00", "0.0", null];
const LEDGER_WIDTHS = [44, 30, 24, 22, 9, 14, 7, 12];

const LEDGER_NOTE: Record<Language, string> = {
  nl:
    "Eén rij per kostenregel (plak hier de export uit de financiële administratie). Bedrag en Omschrijving " +
    "zijn nodig; Categorie is optioneel: een code (bijv. SW.KA) of naam wint van de regels.",
  en:
    "One row per cost line (paste the finance system's export here). Amount and Description are needed; " +
    "Category is optional: a code (e.g. SW.KA) or name wins over the rules.",
};

export function ledgerSheet(
  language: Language,
  role: "template-ledger" | "sample-ledger",
  rows: LayoutCell[][],
): SheetLayout {
  const name = TEMPLATE_SHEETS.ledger[language];
  const headers = LEDGER_HEADERS[language];
  const headerRow = 4;
  const lastRow = headerRow + Math.max(rows.length, 1);
  const categoryColumn = headers.length;
  return {
    role,
    name,
    blocks: [
      { at: "A1", cells: [[name]], style: "title" },
      { at: "A2", cells: [[LEDGER_NOTE[language]]], style: "note" },
      { at: `A${headerRow}`, cells: [[...headers]], style: "header" },
      {
        at: `A${headerRow + 1}`,
        cells: rows.length > 0 ? rows : [headers.map(() => "")],
        numberFormats: LEDGER_FORMATS,
        style: "body",
      },
    ],
    tables: [
      { name: LEDGER_TABLE, range: range(1, headerRow, headers.length, lastRow), style: "TableStyleLight9" },
    ],
    charts: [],
    conditionalFormats: [],
    validations: [
      {
        range: range(categoryColumn, headerRow + 1, categoryColumn, lastRow),
        list: [...CATEGORY_CODES],
        prompt: CATEGORY_PROMPT[language],
      },
    ],
    columnWidths: LEDGER_WIDTHS,
    freezeRows: headerRow,
  };
}

/** The template's example lines: one per kind of cost, the last with a category of its own. */
export const EXAMPLE_LINES: { nl: LayoutCell[][]; en: LayoutCell[][] } = {
  nl: [
    [
      "Microsoft 365 E3 abonnement",
      "Microsoft Ireland Operations Ltd",
      "4430 SaaS abonnementen",
      "6100 I&A",
      2022,
      126000,
      "",
      "",
    ],
    [
      "Key2Financiën onderhoud",
      "Centric Netherlands BV",
      "4420 Onderhoud software",
      "6300 Financiën",
      2022,
      78400,
      "",
      "",
    ],
    ["Salarissen team Automatisering", "", "4010 Salarissen", "6130 Technisch beheer", 2022, 412000, 5.6, ""],
    [
      "Inhuur informatieadviseur Omgevingswet",
      "Yacht BV",
      "4050 Inhuur derden",
      "6110 Informatiemanagement",
      2022,
      98500,
      0.8,
      "PE.IF",
    ],
    ["Laptops vervanging (afschrijving)", "Dell BV", "4900 Afschrijvingen", "6100 I&A", 2022, 64000, "", ""],
  ],
  en: [
    [
      "Microsoft 365 E3 subscription",
      "Microsoft Ireland Operations Ltd",
      "4430 SaaS subscriptions",
      "6100 IT",
      2022,
      126000,
      "",
      "",
    ],
    [
      "Key2Financiën maintenance",
      "Centric Netherlands BV",
      "4420 Software maintenance",
      "6300 Finance",
      2022,
      78400,
      "",
      "",
    ],
    [
      "Salaries technical management team",
      "",
      "4010 Salaries",
      "6130 Technical management",
      2022,
      412000,
      5.6,
      "",
    ],
    [
      "Hired information adviser",
      "Yacht BV",
      "4050 Hired staff",
      "6110 Information management",
      2022,
      98500,
      0.8,
      "PE.IF",
    ],
    ["Laptop replacement (depreciation)", "Dell BV", "4900 Depreciation", "6100 IT", 2022, 64000, "", ""],
  ],
};
