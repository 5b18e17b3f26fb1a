/**
 * The input sheets the add-in offers to create: Kerngegevens (key figures), Grootboek (ledger) and
 * Regels (the user's own rules), empty with a few examples, or filled with the fictitious sample
 * municipality. Their headers are the ones the readers recognise (see the workbook contract).
 */
import { SAMPLE_LEDGER_HEADER } from "../sample/grids";
import { sampleMunicipality } from "../sample/municipality";
import { KeyFigures, Language, UserRule } from "../types";
import { absCell, columnLetter, range, sheetRef } from "./a1";
import { CATEGORISATION_WORDS, CATEGORY_CODES } from "./categorisation";
import { Block, LayoutCell, SheetLayout } from "./types";

export const TEMPLATE_SHEETS: Record<"keyFigures" | "ledger" | "rules", Record<Language, string>> = {
  keyFigures: { nl: "Kerngegevens", en: "Key figures" },
  ledger: { nl: "Grootboek", en: "Ledger" },
  rules: { nl: "Regels", en: "Rules" },
};

const LEDGER_TABLE = "Grootboek";
const RULES_TABLE = "Regels";
const KEY_FIGURES_TABLE = "Kerngegevens";

type KeyFigureField = "municipality" | "year" | "inhabitants" | "budget" | "fteOwn" | "fteHired";
const KEY_FIGURE_FIELDS: readonly KeyFigureField[] = [
  "municipality",
  "year",
  "inhabitants",
  "budget",
  "fteOwn",
  "fteHired",
];

const KEY_FIGURE_LABELS: Record<KeyFigureField, Record<Language, string>> = {
  municipality: { nl: "Gemeente", en: "Municipality" },
  year: { nl: "Boekjaar", en: "Year" },
  inhabitants: { nl: "Aantal inwoners", en: "Inhabitants" },
  budget: { nl: "Totale begroting", en: "Total budget" },
  fteOwn: { nl: "ICT-fte eigen", en: "Own ICT fte" },
  fteHired: { nl: "ICT-fte inhuur", en: "Hired ICT fte" },
};

const KEY_FIGURE_FORMATS: Record<KeyFigureField, string | null> = {
  municipality: null,
  year: "0",
  inhabitants: "#,##0",
  budget: "#,##0",
  fteOwn: "0.0",
  fteHired: "0.0",
};

/** Label/value pairs start here: labels in column A, values in column B. */
const KEY_FIGURES_FIRST_ROW = 4;

/** Absolute references to the key-figure cells of a Kerngegevens sheet made from the template. */
export function keyFigureRefs(sheetName: string): Record<KeyFigureField, string> {
  const out = {} as Record<KeyFigureField, string>;
  KEY_FIGURE_FIELDS.forEach((f, i) => (out[f] = sheetRef(sheetName, absCell(2, KEY_FIGURES_FIRST_ROW + i))));
  return out;
}

const LEDGER_HEADERS: Record<Language, readonly string[]> = {
  nl: [...SAMPLE_LEDGER_HEADER, "Categorie"],
  en: ["Description", "Supplier", "Account", "Cost centre", "Year", "Amount", "Fte", "Category"],
};
const LEDGER_FORMATS = [null, null, null, null, "0", "#,##0.00", "0.0", null];
const LEDGER_WIDTHS = [44, 30, 24, 22, 9, 14, 7, 12];

const RULE_HEADERS: Record<Language, readonly string[]> = {
  nl: ["Patroon", "Veld", "Categorie", "Levering", "Personeel"],
  en: ["Pattern", "Field", "Category", "Delivery", "Staffing"],
};

/** The words of the Regels sheet's Veld column, per language. */
export const RULE_FIELD_WORDS: Record<Language, Record<UserRule["field"], string>> = {
  nl: { description: "omschrijving", supplier: "leverancier", account: "grootboekrekening", any: "alle" },
  en: { description: "description", supplier: "supplier", account: "account", any: "any" },
};

const TEXT = {
  keyFiguresNote: {
    nl:
      "Vul de gele cellen in. Het aantal inwoners is dat op 1 januari van het boekjaar (CBS); de begroting " +
      "is het totaal van de lasten. Fte's mogen ook als kolom Fte in het grootboek staan.",
    en:
      "Fill in the yellow cells. Inhabitants as of 1 January of the book year (CBS); the budget is total " +
      "expenditure. Fte may also come from an Fte column in the ledger.",
  },
  ledgerNote: {
    nl:
      "Eén rij per kostenregel (plak hier de export uit de financiële administratie). Bedrag en Omschrijving " +
      "zijn nodig; Categorie is optioneel: een code (bijv. SW.KA) of naam wint van de regels.",
    en:
      "One row per cost line (paste the finance system's export here). Amount and Description are needed; " +
      "Category is optional: a code (e.g. SW.KA) or name wins over the rules.",
  },
  rulesNote: {
    nl:
      "Eigen indelingsregels: bevat het Veld van een kostenregel het Patroon (hoofdletters tellen niet), dan " +
      "krijgt de regel deze Categorie. Eigen regels gaan vóór de ingebouwde regels; de bovenste wint.",
    en:
      "Your own rules: when a cost line's Field contains the Pattern (case ignored), the line gets this " +
      "Category. Your rules win over the built-in ones; the topmost wins.",
  },
  categoryPrompt: {
    nl: "Categoriecode uit het TCO-model, bijv. SW.KA.",
    en: "Category code of the TCO model, e.g. SW.KA.",
  },
};

function keyFiguresSheet(
  language: Language,
  role: "template-keyfigures" | "sample-keyfigures",
  figures: KeyFigures,
): SheetLayout {
  const name = TEMPLATE_SHEETS.keyFigures[language];
  const blocks: Block[] = [
    { at: "A1", cells: [[name]], style: "title" },
    { at: "A2", cells: [[TEXT.keyFiguresNote[language]]], style: "note" },
    {
      at: `A${KEY_FIGURES_FIRST_ROW}`,
      cells: KEY_FIGURE_FIELDS.map((f) => [KEY_FIGURE_LABELS[f][language]]),
      style: "header",
    },
  ];
  KEY_FIGURE_FIELDS.forEach((f, i) => {
    const value = figures[f];
    blocks.push({
      at: `B${KEY_FIGURES_FIRST_ROW + i}`,
      cells: [[value ?? ""]],
      numberFormats: [KEY_FIGURE_FORMATS[f]],
      style: "input",
    });
  });
  return {
    role,
    name,
    blocks,
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
    columnWidths: [22, 26],
  };
}

function ledgerSheet(
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
      { at: "A2", cells: [[TEXT.ledgerNote[language]]], style: "note" },
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
        prompt: TEXT.categoryPrompt[language],
      },
    ],
    columnWidths: LEDGER_WIDTHS,
    freezeRows: headerRow,
  };
}

const EXAMPLE_LINES: { nl: LayoutCell[][]; en: LayoutCell[][] } = {
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

function rulesSheet(language: Language): SheetLayout {
  const name = TEMPLATE_SHEETS.rules[language];
  const headers = RULE_HEADERS[language];
  const fields = RULE_FIELD_WORDS[language];
  const words = CATEGORISATION_WORDS[language];
  const headerRow = 4;
  const examples: LayoutCell[][] = [
    ["Suite4", fields.description, "SW.PP", words.delivery.saas, ""],
    ["Yacht", fields.supplier, "PE.IF", "", words.staffing.hired],
  ];
  const lastRow = headerRow + examples.length;
  const col = (i: number) => range(i, headerRow + 1, i, lastRow);
  return {
    role: "template-rules",
    name,
    blocks: [
      { at: "A1", cells: [[name]], style: "title" },
      { at: "A2", cells: [[TEXT.rulesNote[language]]], style: "note" },
      { at: `A${headerRow}`, cells: [[...headers]], style: "header" },
      { at: `A${headerRow + 1}`, cells: examples, style: "body" },
    ],
    tables: [
      { name: RULES_TABLE, range: range(1, headerRow, headers.length, lastRow), style: "TableStyleLight9" },
    ],
    charts: [],
    conditionalFormats: [],
    validations: [
      { range: col(2), list: [fields.description, fields.supplier, fields.account, fields.any] },
      { range: col(3), list: [...CATEGORY_CODES], prompt: TEXT.categoryPrompt[language] },
      { range: col(4), list: [words.delivery.saas, words.delivery.onPremise] },
      { range: col(5), list: [words.staffing.own, words.staffing.hired] },
    ],
    columnWidths: [30, 18, 12, 12, 12],
    freezeRows: headerRow,
  };
}

/** The three empty input sheets (with a few example rows), in the sheet language. */
export function templateLayouts(language: Language): SheetLayout[] {
  return [
    keyFiguresSheet(language, "template-keyfigures", {}),
    ledgerSheet(language, "template-ledger", EXAMPLE_LINES[language]),
    rulesSheet(language),
  ];
}

/**
 * The two input sheets filled with the fictitious municipality of ../sample.ts: Kerngegevens with the
 * municipality and, below the label/value pairs of the latest year, a table with one row per book year;
 * Grootboek with every line of every year (no categories: the rules decide).
 */
export function sampleLayouts(language: Language): SheetLayout[] {
  const sample = sampleMunicipality();
  const years = [...sample.keyFigures].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const latest = years[years.length - 1];
  const keyFigures = keyFiguresSheet(language, "sample-keyfigures", { ...latest, municipality: sample.name });
  const tableHeaderRow = KEY_FIGURES_FIRST_ROW + KEY_FIGURE_FIELDS.length + 2;
  const perYear: KeyFigureField[] = ["year", "inhabitants", "budget", "fteOwn", "fteHired"];
  keyFigures.blocks.push(
    {
      at: `A${tableHeaderRow}`,
      cells: [perYear.map((f) => KEY_FIGURE_LABELS[f][language])],
      style: "header",
    },
    {
      at: `A${tableHeaderRow + 1}`,
      cells: years.map((k) => perYear.map((f) => k[f] ?? "")),
      numberFormats: perYear.map((f) => KEY_FIGURE_FORMATS[f]),
      style: "body",
    },
  );
  keyFigures.tables.push({
    name: KEY_FIGURES_TABLE,
    range: `A${tableHeaderRow}:${columnLetter(perYear.length)}${tableHeaderRow + years.length}`,
    style: "TableStyleLight9",
  });
  keyFigures.columnWidths = [22, 26, 24, 14, 14];
  const rows: LayoutCell[][] = sample.ledger.map((l) => [
    l.description,
    l.supplier,
    l.account,
    l.costCentre,
    l.year,
    l.amount,
    l.fte ?? "",
    "",
  ]);
  return [keyFigures, ledgerSheet(language, "sample-ledger", rows)];
}
