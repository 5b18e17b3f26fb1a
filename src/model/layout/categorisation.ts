/**
 * The ICT-categorisatie sheet: one row per cost line, with the rule's category, the user's manual
 * category (Handmatig) and the final category and component as formulas, so that a manual choice
 * is counted everywhere at once; the amount refers to the user's ledger cell where it can, so that an
 * edited amount is counted everywhere at once too. The parts live in src/model/layout/categorisation/: columns (order,
 * headers, widths, formats), refs (the column references and words other sheets compute over) and
 * manual (reading the Handmatig column back).
 */
import { iv3CategoryCell, taakveldCell } from "../iv3";
import { lineKeyAt } from "../lineKey";
import { CATEGORIES, componentOf, categoryLabel, parseCategory } from "../taxonomy";
import { CategorisedLine, CategoryCode, Delivery, Language, Staffing } from "../types";
import { cell, columnLetter, formulaText, range } from "./a1";
import {
  CATEGORISATION_COLUMNS,
  CATEGORISATION_FIRST_ROW,
  CATEGORISATION_HEADER_ROW,
  categorisationColumn,
  FORMATS,
  HEADERS,
  lastDataRow,
  WIDTHS,
} from "./categorisation/columns";
import { CATEGORISATION_WORDS, CategorisationWords } from "./categorisation/refs";
import { Block, Formula, LayoutCell, lazyBlock, SheetLayout } from "./types";

export { CATEGORISATION_COLUMNS, categorisationColumn } from "./categorisation/columns";
export { readManualCategories } from "./categorisation/manual";
export { CATEGORISATION_WORDS, categorisationRefs } from "./categorisation/refs";
export type { CategorisationRefs } from "./categorisation/refs";

const CATEGORISATION_TABLE = "ICT_categorisatie";

export const CATEGORISATION_SHEET: Record<Language, string> = {
  nl: "ICT-categorisatie",
  en: "ICT categorisation",
};

function deliveryText(delivery: Delivery, language: Language): string {
  const w = CATEGORISATION_WORDS[language].delivery;
  return delivery === "saas" ? w.saas : delivery === "on-premise" ? w.onPremise : "";
}

function staffingText(staffing: Staffing, language: Language): string {
  const w = CATEGORISATION_WORDS[language].staffing;
  return staffing === "own" ? w.own : staffing === "hired" ? w.hired : "";
}

interface CategorisationOptions {
  language: Language;
  sheetName?: string;
  /** Line key → category the user typed in Handmatig (code or label); invalid entries are left out. */
  manual?: ReadonlyMap<string, string>;
  /**
   * Year written in Jaar for lines without one. The engine counts undated lines for the comparison year
   * (compare()'s `year`), so pass that year here and the sheets' SUMIFS on Jaar count them the same way.
   */
  undatedYear?: number;
  /**
   * Per line (by index), the user's ledger cells behind it, so its amount follows an edit in the ledger
   * at once (see LedgerCells); null for a line whose amount was text, which a formula would not sum.
   * Asked while the rows are written, so it must not depend on the input's cells still being there.
   */
  ledgerCells?: (index: number) => LedgerCells | null;
}

/** References to one ledger line's cells in the user's sheet: 'Grootboek'!F12 and 'Grootboek'!A12. */
export interface LedgerCells {
  amount: string;
  description: string;
}

/**
 * One string from its pieces, joined into a single flat string: a per-row formula built with + or a
 * template is a tree of string pieces in the JavaScript engine, about twice its text in memory — a
 * million-row categorisation's formulas alone would take a gigabyte.
 */
function flat(pieces: string[]): string {
  return pieces.join("");
}

/**
 * The Bedrag formula of a line that follows the user's ledger cell. Guarded by the description: after
 * the user sorts or deletes ledger rows, the cell may hold another line, and then the row shows #N/A
 * (and so does every sum over it) until Categoriseren is clicked — never another line's amount.
 */
function liveAmountFormula(source: LedgerCells, descriptionCell: string): string {
  return flat(["=IF(", source.description, "=", descriptionCell, ",", source.amount, ",NA())"]);
}

const TEXT = {
  explanation: {
    nl:
      "Eén rij per kostenregel. Typ een categoriecode in de kolom Handmatig om de categorie van de regels te " +
      "overschrijven: Definitief telt mee in alle berekeningen en uw keuze blijft bij elke vernieuwing " +
      "bewaard (gekoppeld aan de Sleutel van de regel, niet aan de rijpositie). Geel: nog niet ingedeeld (XX.OO).",
    en:
      "One row per cost line. Type a category code in the Manual column to override the rules' category: " +
      "Final counts in every calculation and your choice is kept on every rebuild (tied to the line's Key, " +
      "not to its row position). Yellow: not yet classified (XX.OO).",
  },
  validationPrompt: {
    nl: "Kies een categoriecode (bijv. SW.KA) of laat leeg om de regel te volgen.",
    en: "Pick a category code (e.g. SW.KA) or leave empty to follow the rules.",
  },
};

/** The Definitief formula of one row: the manual code when given, else the rule's code. */
function finalFormula(row: number): string {
  const manual = cell(categorisationColumn("manual"), row);
  const category = cell(categorisationColumn("category"), row);
  return flat(["=IF(", manual, '="",', category, ",", manual, ")"]);
}

/** The Component formula of one row, from the prefix of Definitief, in the sheet's language. */
function componentFormula(row: number, words: CategorisationWords): string {
  const prefix = `LEFT(${cell(categorisationColumn("final"), row)},3)`;
  const w = words.component;
  return flat([
    `=IF(`,
    prefix,
    `="SW.",${formulaText(w.software)},IF(`,
    prefix,
    `="PE.",${formulaText(w.personnel)},IF(`,
    prefix,
    `="IN.",${formulaText(w.infrastructure)},"")))`,
  ]);
}

/** The 18 category codes, in tree order: the Handmatig validation list. */
export const CATEGORY_CODES: readonly CategoryCode[] = CATEGORIES.map((c) => c.code);

/** One cost line's row of the table; manual codes are looked up by the line's key. */
function lineRow(
  line: CategorisedLine,
  index: number,
  key: string,
  manual: CategoryCode | null,
  options: CategorisationOptions,
): LayoutCell[] {
  const language = options.language;
  const words = CATEGORISATION_WORDS[language];
  const row = CATEGORISATION_FIRST_ROW + index;
  const final: CategoryCode = manual ?? line.category;
  const component = componentOf(final);
  const finalCell: Formula = { formula: finalFormula(row), value: final };
  const source = options.ledgerCells?.(index);
  const amount: LayoutCell = source
    ? {
        formula: liveAmountFormula(source, cell(categorisationColumn("description"), row)),
        value: line.amount,
      }
    : line.amount;
  const componentCell: Formula = {
    formula: componentFormula(row, words),
    value: component ? words.component[component] : "",
  };
  return [
    line.row,
    key,
    line.description,
    line.supplier,
    line.account,
    line.year ?? options.undatedYear ?? "",
    amount,
    line.category,
    categoryLabel(line.category, language),
    deliveryText(line.delivery, language),
    staffingText(line.staffing, language),
    line.rule,
    manual ?? "",
    finalCell,
    componentCell,
    line.fte ?? "",
    // How sure the rules are (0–1): sort on it to review the doubtful lines first.
    Math.round(line.confidence * 100) / 100,
    taakveldCell(line.taakveld, language),
    iv3CategoryCell(line.iv3Category, language),
  ];
}

/** The manual entries that name a category (code or label), by line key. */
function manualCodesOf(manual: ReadonlyMap<string, string> | undefined): Map<string, CategoryCode> {
  const codes = new Map<string, CategoryCode>();
  for (const [key, text] of manual ?? []) {
    const code = parseCategory(text);
    if (code) codes.set(key, code);
  }
  return codes;
}

export function categorisationLayout(
  lines: readonly CategorisedLine[],
  options: CategorisationOptions,
): SheetLayout {
  const language = options.language;
  const name = options.sheetName ?? CATEGORISATION_SHEET[language];
  const keyAt = lineKeyAt(lines);
  const manualCodes = manualCodesOf(options.manual);
  const header: LayoutCell[] = CATEGORISATION_COLUMNS.map((c) => HEADERS[c][language]);
  const columnCount = CATEGORISATION_COLUMNS.length;
  const lastRow = lastDataRow(lines.length);
  const numberFormats = CATEGORISATION_COLUMNS.map((c) => FORMATS[c] ?? null);
  const finalLetter = columnLetter(categorisationColumn("final"));
  const manualColumn = categorisationColumn("manual");

  const blocks: Block[] = [
    { at: "A1", cells: [[name]], style: "title" },
    { at: "A2", cells: [[TEXT.explanation[language]]], style: "note" },
    { at: cell(1, CATEGORISATION_HEADER_ROW), cells: [header], style: "header" },
    // One row per cost line, made while it is written (see LazyRows); an empty table keeps one blank row.
    lazyBlock(
      { at: cell(1, CATEGORISATION_FIRST_ROW), numberFormats, style: "body" },
      {
        count: Math.max(lines.length, 1),
        width: columnCount,
        row: (i) => {
          if (lines.length === 0) return CATEGORISATION_COLUMNS.map(() => "");
          const key = keyAt(i);
          return lineRow(lines[i], i, key, manualCodes.get(key) ?? null, options);
        },
      },
    ),
  ];

  return {
    role: "categorisation",
    name,
    blocks,
    tables: [
      {
        name: CATEGORISATION_TABLE,
        range: range(1, CATEGORISATION_HEADER_ROW, columnCount, lastRow),
        style: "TableStyleLight9",
      },
    ],
    charts: [],
    conditionalFormats: [
      {
        range: range(1, CATEGORISATION_FIRST_ROW, columnCount, lastRow),
        expression: `=$${finalLetter}${CATEGORISATION_FIRST_ROW}="XX.OO"`,
        operator: "between",
        formula1: '"XX.OO"',
        formula2: '"XX.OO"',
        fill: "#FFEB9C",
        fontColor: "#9C5700",
      },
    ],
    validations: [
      {
        range: range(manualColumn, CATEGORISATION_FIRST_ROW, manualColumn, lastRow),
        list: [...CATEGORY_CODES],
        prompt: TEXT.validationPrompt[language],
      },
    ],
    columnWidths: CATEGORISATION_COLUMNS.map((c) => WIDTHS[c]),
    freezeRows: CATEGORISATION_HEADER_ROW,
  };
}
