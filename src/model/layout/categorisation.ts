/**
 * The ICT-categorisatie sheet: one row per cost line, with the rule's category, the user's manual
 * category (Handmatig) and the final category and component as formulas, so that a manual choice
 * is counted everywhere at once; the amount refers to the user's ledger cell where it can, so that an
 * edited amount is counted everywhere at once too. Also the column references the other sheets compute over.
 */
import { lineKeys } from "../lineKey";
import { CATEGORIES, componentOf, categoryLabel, parseCategory } from "../taxonomy";
import { fold } from "../text";
import { CategorisedLine, CategoryCode, Component, Delivery, Grid, Language, Staffing } from "../types";
import { cell, columnLetter, formulaText, range, sheetRef } from "./a1";
import { Block, Formula, LayoutCell, SheetLayout } from "./types";

const CATEGORISATION_TABLE = "ICT_categorisatie";

export const CATEGORISATION_SHEET: Record<Language, string> = {
  nl: "ICT-categorisatie",
  en: "ICT categorisation",
};

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
] as const;
type CategorisationColumn = (typeof CATEGORISATION_COLUMNS)[number];

const HEADERS: Record<CategorisationColumn, { nl: string; en: string }> = {
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
};

const WIDTHS: Record<CategorisationColumn, number> = {
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
};

const FORMATS: Partial<Record<CategorisationColumn, string>> = {
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
const CATEGORISATION_HEADER_ROW = 4;
const CATEGORISATION_FIRST_ROW = CATEGORISATION_HEADER_ROW + 1;

/** The words the sheet writes (and the other sheets' SUMIFS criteria match on), per language. */
interface CategorisationWords {
  component: Record<Component, string>;
  delivery: { saas: string; onPremise: string };
  staffing: { own: string; hired: string };
}

export const CATEGORISATION_WORDS: Record<Language, CategorisationWords> = {
  nl: {
    component: { software: "software", personnel: "personeel", infrastructure: "infrastructuur" },
    delivery: { saas: "SaaS", onPremise: "on-premise" },
    staffing: { own: "eigen", hired: "inhuur" },
  },
  en: {
    component: { software: "software", personnel: "personnel", infrastructure: "infrastructure" },
    delivery: { saas: "SaaS", onPremise: "on-premise" },
    staffing: { own: "own", hired: "hired" },
  },
};

function deliveryText(delivery: Delivery, language: Language): string {
  const w = CATEGORISATION_WORDS[language].delivery;
  return delivery === "saas" ? w.saas : delivery === "on-premise" ? w.onPremise : "";
}

function staffingText(staffing: Staffing, language: Language): string {
  const w = CATEGORISATION_WORDS[language].staffing;
  return staffing === "own" ? w.own : staffing === "hired" ? w.hired : "";
}

/**
 * References to whole columns of the categorisation sheet: the single source of truth for the other
 * sheets. Whole columns, not the rows written, so a formula never depends on a row count fixed at write
 * time: a line the user adds to the table by hand, or a categorisation rewritten with more lines, is
 * counted at once. The title, note and header rows above the table hold text, which SUMIFS skips.
 */
export interface CategorisationRefs {
  sheetName: string;
  language: Language;
  amount: string;
  final: string;
  component: string;
  year: string;
  delivery: string;
  staffing: string;
  fte: string;
  manual: string;
  key: string;
  words: CategorisationWords;
}

/** Last data row of a table with rowCount lines (an empty table keeps one blank data row). */
function lastDataRow(rowCount: number): number {
  return CATEGORISATION_FIRST_ROW + Math.max(rowCount, 1) - 1;
}

export function categorisationRefs(sheetName: string, language: Language = "nl"): CategorisationRefs {
  const col = (c: CategorisationColumn) => {
    const letter = columnLetter(categorisationColumn(c));
    return sheetRef(sheetName, `$${letter}:$${letter}`);
  };
  return {
    sheetName,
    language,
    amount: col("amount"),
    final: col("final"),
    component: col("component"),
    year: col("year"),
    delivery: col("delivery"),
    staffing: col("staffing"),
    fte: col("fte"),
    manual: col("manual"),
    key: col("key"),
    words: CATEGORISATION_WORDS[language],
  };
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
   * Per line, the user's ledger cells behind it, so its amount follows an edit in the ledger at once
   * (see LedgerCells); null for a line whose amount was text, which a formula would not sum.
   */
  ledgerCells?: readonly (LedgerCells | null)[];
}

/** References to one ledger line's cells in the user's sheet: 'Grootboek'!F12 and 'Grootboek'!A12. */
export interface LedgerCells {
  amount: string;
  description: string;
}

/**
 * The Bedrag formula of a line that follows the user's ledger cell. Guarded by the description: after
 * the user sorts or deletes ledger rows, the cell may hold another line, and then the row shows #N/A
 * (and so does every sum over it) until Categoriseren is clicked — never another line's amount.
 */
function liveAmountFormula(source: LedgerCells, descriptionCell: string): string {
  return `=IF(${source.description}=${descriptionCell},${source.amount},NA())`;
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
  return `=IF(${manual}="",${category},${manual})`;
}

/** The Component formula of one row, from the prefix of Definitief, in the sheet's language. */
function componentFormula(row: number, words: CategorisationWords): string {
  const prefix = `LEFT(${cell(categorisationColumn("final"), row)},3)`;
  const w = words.component;
  return (
    `=IF(${prefix}="SW.",${formulaText(w.software)},` +
    `IF(${prefix}="PE.",${formulaText(w.personnel)},` +
    `IF(${prefix}="IN.",${formulaText(w.infrastructure)},"")))`
  );
}

/** The 18 category codes, in tree order: the Handmatig validation list. */
export const CATEGORY_CODES: readonly CategoryCode[] = CATEGORIES.map((c) => c.code);

export function categorisationLayout(
  lines: readonly CategorisedLine[],
  options: CategorisationOptions,
): SheetLayout {
  const language = options.language;
  const name = options.sheetName ?? CATEGORISATION_SHEET[language];
  const words = CATEGORISATION_WORDS[language];
  const keys = lineKeys(lines);
  const manualCodes = new Map<string, CategoryCode>();
  for (const [key, text] of options.manual ?? []) {
    const code = parseCategory(text);
    if (code) manualCodes.set(key, code);
  }

  const header: LayoutCell[] = CATEGORISATION_COLUMNS.map((c) => HEADERS[c][language]);
  const rows: LayoutCell[][] = new Array(Math.max(lines.length, 1));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const row = CATEGORISATION_FIRST_ROW + i;
    const manual = manualCodes.get(keys[i]) ?? null;
    const final: CategoryCode = manual ?? line.category;
    const component = componentOf(final);
    const finalCell: Formula = { formula: finalFormula(row), value: final };
    const source = options.ledgerCells?.[i];
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
    rows[i] = [
      line.row,
      keys[i],
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
    ];
  }
  if (lines.length === 0) rows[0] = CATEGORISATION_COLUMNS.map(() => "");

  const columnCount = CATEGORISATION_COLUMNS.length;
  const lastRow = lastDataRow(lines.length);
  const numberFormats = CATEGORISATION_COLUMNS.map((c) => FORMATS[c] ?? null);
  const finalLetter = columnLetter(categorisationColumn("final"));
  const manualColumn = categorisationColumn("manual");

  const blocks: Block[] = [
    { at: "A1", cells: [[name]], style: "title" },
    { at: "A2", cells: [[TEXT.explanation[language]]], style: "note" },
    { at: cell(1, CATEGORISATION_HEADER_ROW), cells: [header], style: "header" },
    { at: cell(1, CATEGORISATION_FIRST_ROW), cells: rows, numberFormats, style: "body" },
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

const KEY_HEADERS = new Set([fold(HEADERS.key.nl), fold(HEADERS.key.en)]);
const MANUAL_HEADERS = new Set([fold(HEADERS.manual.nl), fold(HEADERS.manual.en)]);

/**
 * The manual categories of an existing categorisation sheet (its values as read back): line key →
 * category code, for every row whose Handmatig cell names a category (code or label). The header row
 * is found wherever it is; rows whose Handmatig is empty or names no category are left out.
 */
export function readManualCategories(grid: Grid): Map<string, CategoryCode> {
  const result = new Map<string, CategoryCode>();
  let keyColumn = -1;
  let manualColumn = -1;
  let headerRow = -1;
  for (let r = 0; r < grid.length && headerRow < 0; r++) {
    const row = grid[r] ?? [];
    let k = -1;
    let m = -1;
    row.forEach((value, c) => {
      if (typeof value !== "string") return;
      const f = fold(value);
      if (k < 0 && KEY_HEADERS.has(f)) k = c;
      if (m < 0 && MANUAL_HEADERS.has(f)) m = c;
    });
    if (k >= 0 && m >= 0) {
      keyColumn = k;
      manualColumn = m;
      headerRow = r;
    }
  }
  if (headerRow < 0) return result;
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const key = row[keyColumn];
    if (key === null || key === undefined || key === "") continue;
    const code = parseCategory(row[manualColumn]);
    if (code) result.set(String(key), code);
  }
  return result;
}
