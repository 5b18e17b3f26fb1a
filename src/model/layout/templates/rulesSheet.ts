/**
 * The Regels sheet: the user's own categorisation rules (pattern, field, category, delivery,
 * staffing) with drop-downs in the sheet's language and two example rules. Read back by
 * src/model/userRulesSheet.ts.
 */
import { UserRule, Language } from "../../types";
import { range } from "../a1";
import { CATEGORY_CODES } from "../categorisation";
import { CATEGORISATION_WORDS } from "../categorisation/refs";
import { LayoutCell, SheetLayout } from "../types";
import { CATEGORY_PROMPT, TEMPLATE_SHEETS } from "./names";

const RULES_TABLE = "Regels";

const RULE_HEADERS: Record<Language, readonly string[]> = {
  nl: ["Patroon", "Veld", "Categorie", "Levering", "Personeel"],
  en: ["Pattern", "Field", "Category", "Delivery", "Staffing"],
};

/** The words of the Regels sheet's Veld column, per language. */
export const RULE_FIELD_WORDS: Record<Language, Record<UserRule["field"], string>> = {
  nl: {
    description: "omschrijving",
    supplier: "leverancier",
    account: "grootboekrekening",
    any: "alle",
    supplierAccount: "leverancier + grootboekrekening",
  },
  en: {
    description: "description",
    supplier: "supplier",
    account: "account",
    any: "any",
    supplierAccount: "supplier + account",
  },
};

/**
 * The two columns a learnt rule needs besides the five above: the account it holds for (with Veld
 * "leverancier + grootboekrekening") and the line it was learnt from. Added to a Regels sheet that
 * lacks them the first time a correction is learnt (src/model/learn/).
 */
export const LEARNT_RULE_HEADERS: Record<Language, { account: string; source: string }> = {
  nl: { account: "Grootboekrekening", source: "Bron" },
  en: { account: "Account", source: "Source" },
};

/**
 * How many rows below the header the drop-downs cover: the examples, the rules a controller types and
 * the learnt rules appended below them (src/model/learn/regels.ts writes below the last used row, outside
 * the table), so Excel offers the lists there too and does not flag a learnt row. Bounded, not the whole
 * column: ExcelJS expands a validation range into one entry per cell when it reads a workbook.
 */
export const RULES_VALIDATED_ROWS = 1000;

const RULES_NOTE: Record<Language, string> = {
  nl:
    "Eigen indelingsregels: bevat het Veld van een kostenregel het Patroon (hoofdletters tellen niet), dan " +
    "krijgt de regel deze Categorie. Eigen regels gaan vóór de ingebouwde regels; de bovenste wint.",
  en:
    "Your own rules: when a cost line's Field contains the Pattern (case ignored), the line gets this " +
    "Category. Your rules win over the built-in ones; the topmost wins.",
};

export function rulesSheet(language: Language): SheetLayout {
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
  const col = (i: number) => range(i, headerRow + 1, i, headerRow + RULES_VALIDATED_ROWS);
  return {
    role: "template-rules",
    name,
    blocks: [
      { at: "A1", cells: [[name]], style: "title" },
      { at: "A2", cells: [[RULES_NOTE[language]]], style: "note" },
      { at: `A${headerRow}`, cells: [[...headers]], style: "header" },
      { at: `A${headerRow + 1}`, cells: examples, style: "body" },
    ],
    tables: [
      { name: RULES_TABLE, range: range(1, headerRow, headers.length, lastRow), style: "TableStyleLight9" },
    ],
    charts: [],
    conditionalFormats: [],
    validations: [
      {
        range: col(2),
        list: [fields.description, fields.supplier, fields.account, fields.any, fields.supplierAccount],
      },
      { range: col(3), list: [...CATEGORY_CODES], prompt: CATEGORY_PROMPT[language] },
      { range: col(4), list: [words.delivery.saas, words.delivery.onPremise] },
      { range: col(5), list: [words.staffing.own, words.staffing.hired] },
    ],
    columnWidths: [30, 18, 12, 12, 12],
    freezeRows: headerRow,
  };
}
