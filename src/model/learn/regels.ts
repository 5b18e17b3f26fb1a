/**
 * Where learnt rules go: the cells to write on the user's Regels sheet, the same for both faces (the
 * add-in writes them with Office.js, the CLI into its copy's sheet XML). Learnt rules are appended
 * below the last used row of the last rules sheet — after every rule the controller wrote, so theirs
 * keep winning (first match wins) — and a Grootboekrekening, Bron (and, when missing, Veld) column is
 * added to the right of what the sheet uses. Without a rules sheet, a new Regels sheet holds them.
 * Existing cells are never written: learning only adds. Pure.
 */
import { columnLetter } from "../layout/a1";
import { LEARNT_RULE_HEADERS, RULE_FIELD_WORDS } from "../layout/templates/rulesSheet";
import { TEMPLATE_SHEETS } from "../layout/templates/names";
import { CATEGORISATION_WORDS } from "../layout/categorisation/refs";
import { isOutputSheet, PlainWorkbook } from "../pipeline/workbook";
import { pickSheetName } from "../sheetNames";
import { fold } from "../text";
import { Language, UserRule } from "../types";
import { readUserRules, RuleColumn } from "../userRulesSheet";

/** One cell to write: 0-based row and column of the sheet, always text. */
export interface RuleCell {
  row: number;
  column: number;
  value: string;
}

export interface RulesEdit {
  /** The sheet to write on. */
  sheet: string;
  /** True when the sheet does not exist yet: the face creates it (as the user's sheet), then writes. */
  create: boolean;
  cells: RuleCell[];
}

const COLUMN_HEADERS: Record<
  Language,
  Record<"pattern" | "field" | "category" | "delivery" | "staffing", string>
> = {
  nl: {
    pattern: "Patroon",
    field: "Veld",
    category: "Categorie",
    delivery: "Levering",
    staffing: "Personeel",
  },
  en: {
    pattern: "Pattern",
    field: "Field",
    category: "Category",
    delivery: "Delivery",
    staffing: "Staffing",
  },
};

/** The order of the columns on a new Regels sheet (the template's five, then the learnt rule's two). */
const NEW_SHEET_COLUMNS: RuleColumn[] = [
  "pattern",
  "field",
  "category",
  "delivery",
  "staffing",
  "account",
  "source",
];

function header(column: RuleColumn, language: Language): string {
  if (column === "account" || column === "source") return LEARNT_RULE_HEADERS[language][column];
  return COLUMN_HEADERS[language][column];
}

/** A rule's cell per column, in the sheet's language. */
function ruleCells(rule: UserRule, language: Language): Partial<Record<RuleColumn, string>> {
  const words = CATEGORISATION_WORDS[language];
  return {
    pattern: rule.pattern,
    field: RULE_FIELD_WORDS[language][rule.field],
    category: rule.category,
    delivery: rule.delivery
      ? rule.delivery === "saas"
        ? words.delivery.saas
        : words.delivery.onPremise
      : "",
    staffing: rule.staffing ? (rule.staffing === "own" ? words.staffing.own : words.staffing.hired) : "",
    account: rule.account ?? "",
    source: rule.source ?? "",
  };
}

/** The sheet's language, by the word of its Patroon header ("Pattern" → en). */
function sheetLanguage(headerText: unknown): Language {
  return fold(String(headerText ?? "")) === "pattern" ? "en" : "nl";
}

/**
 * The cells that put `rules` on the workbook's rules sheet (see above), or on a new one named after
 * the template's Regels sheet in `language`. Rows and columns are the sheet's, 0-based.
 */
export function learntRulesEdit(
  book: PlainWorkbook,
  ledgerSheet: string | undefined,
  rules: readonly UserRule[],
  language: Language,
): RulesEdit {
  const sheets = book.sheets.filter((s) => !isOutputSheet(s) && s.name !== ledgerSheet && !s.tooLarge);
  let target: { sheet: (typeof sheets)[number]; read: NonNullable<ReturnType<typeof readUserRules>> } | null =
    null;
  for (const sheet of sheets) {
    const read = readUserRules(sheet.values);
    if (read) target = { sheet, read };
  }
  if (!target) {
    const name = pickSheetName(
      TEMPLATE_SHEETS.rules[language],
      book.sheets.map((s) => s.name),
    );
    const cells: RuleCell[] = NEW_SHEET_COLUMNS.map((c, column) => ({
      row: 0,
      column,
      value: header(c, language),
    }));
    rules.forEach((rule, i) => {
      const values = ruleCells(rule, language);
      NEW_SHEET_COLUMNS.forEach((c, column) => {
        const value = values[c] ?? "";
        if (value !== "") cells.push({ row: i + 1, column, value });
      });
    });
    return { sheet: name, create: true, cells };
  }
  const { sheet, read } = target;
  const headerRow = sheet.firstRow + read.headerRow;
  const patternColumn = read.columns.pattern!;
  const lang = sheetLanguage(sheet.values[read.headerRow]?.[patternColumn]);
  const width = sheet.values.reduce((w, row) => Math.max(w, row.length), 0);
  const columns: Partial<Record<RuleColumn, number>> = {};
  const cells: RuleCell[] = [];
  let next = sheet.firstColumn + width;
  for (const c of ["pattern", "field", "category", "account", "source"] as RuleColumn[]) {
    const at = read.columns[c];
    if (at !== undefined) columns[c] = sheet.firstColumn + at;
    else {
      columns[c] = next++;
      cells.push({ row: headerRow, column: columns[c]!, value: header(c, lang) });
    }
  }
  if (read.columns.delivery !== undefined) columns.delivery = sheet.firstColumn + read.columns.delivery;
  if (read.columns.staffing !== undefined) columns.staffing = sheet.firstColumn + read.columns.staffing;
  const firstFree = sheet.firstRow + sheet.values.length;
  rules.forEach((rule, i) => {
    const values = ruleCells(rule, lang);
    for (const [c, column] of Object.entries(columns) as [RuleColumn, number][]) {
      const value = values[c] ?? "";
      if (value !== "") cells.push({ row: firstFree + i, column, value });
    }
  });
  return {
    sheet: sheet.name,
    create: false,
    cells: cells.sort((a, b) => a.row - b.row || a.column - b.column),
  };
}

/** "F4" for a cell of an edit: how faces and messages name it. */
export function cellAddress(cell: { row: number; column: number }): string {
  return `${columnLetter(cell.column + 1)}${cell.row + 1}`;
}
