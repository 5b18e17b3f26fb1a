/**
 * The user's own rules as kept on a Regels sheet (see layout/templates): a header row with Patroon,
 * Veld, Categorie, Levering, Personeel (or the English words) anywhere in the first rows, one rule
 * per row below it. Rows that cannot be used are reported and left out; the rest still count. Pure.
 */
import { RULE_FIELD_WORDS } from "./layout/templates";
import { parseCategory } from "./taxonomy";
import { fold } from "./text";
import { Bilingual, Delivery, Grid, ReadIssue, Staffing, UserRule } from "./types";

export interface UserRulesRead {
  /** 0-based grid index of the header row. */
  headerRow: number;
  /** 0-based grid column of each header found. */
  columns: Partial<Record<RuleColumn, number>>;
  rules: UserRule[];
  issues: ReadIssue[];
}

export type RuleColumn = "pattern" | "field" | "category" | "delivery" | "staffing" | "account" | "source";

const HEADERS: Record<RuleColumn, string[]> = {
  pattern: ["patroon", "pattern", "zoekterm"],
  field: ["veld", "field", "kolom"],
  category: ["categorie", "category", "categoriecode"],
  delivery: ["levering", "delivery"],
  staffing: ["personeel", "staffing"],
  // A learnt rule's account and the line it came from (LEARNT_RULE_HEADERS).
  account: ["grootboekrekening", "account", "rekening"],
  source: ["bron", "source"],
};

const FIELDS = new Map<string, UserRule["field"]>();
for (const words of Object.values(RULE_FIELD_WORDS)) {
  for (const [field, word] of Object.entries(words)) FIELDS.set(fieldWord(word), field as UserRule["field"]);
}
FIELDS.set("grootboek", "account").set("all", "any").set("alles", "any");

/** "Leverancier+Grootboekrekening" and "leverancier  +  grootboekrekening" are one word for Veld. */
function fieldWord(s: string): string {
  return fold(s).replace(/\s*\+\s*/g, " + ");
}

const DELIVERY = new Map<string, Delivery>([
  ["saas", "saas"],
  ["on-premise", "on-premise"],
  ["on premise", "on-premise"],
  ["onpremise", "on-premise"],
]);
const STAFFING = new Map<string, Staffing>([
  ["eigen", "own"],
  ["own", "own"],
  ["inhuur", "hired"],
  ["hired", "hired"],
]);

const SCAN_ROWS = 30;

function text(v: unknown): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

function headerColumns(row: readonly unknown[]): Partial<Record<RuleColumn, number>> {
  const out: Partial<Record<RuleColumn, number>> = {};
  row.forEach((v, c) => {
    const f = fold(text(v));
    for (const col of Object.keys(HEADERS) as RuleColumn[]) {
      if (out[col] === undefined && HEADERS[col].includes(f)) out[col] = c;
    }
  });
  return out;
}

/** The rules of a grid, or null when it has no rules header (Patroon and Categorie) in its first rows. */
export function readUserRules(
  grid: Grid,
  options: { sheet?: string; firstRow?: number } = {},
): UserRulesRead | null {
  const firstRow = options.firstRow ?? 1;
  for (let r = 0; r < Math.min(grid.length, SCAN_ROWS); r++) {
    const cols = headerColumns(grid[r] ?? []);
    if (cols.pattern === undefined || cols.category === undefined) continue;
    const result: UserRulesRead = { headerRow: r, columns: cols, rules: [], issues: [] };
    const issue = (row: number, message: Bilingual) =>
      result.issues.push(
        options.sheet === undefined ? { row, message } : { sheet: options.sheet, row, message },
      );
    for (let y = r + 1; y < grid.length; y++) {
      const row = grid[y] ?? [];
      const at = (c: number | undefined) => (c === undefined ? "" : text(row[c]));
      const pattern = at(cols.pattern);
      const categoryText = at(cols.category);
      if (pattern === "" && categoryText === "") continue;
      const n = firstRow + y;
      if (pattern === "") {
        issue(n, { nl: `Rij ${n}: regel zonder patroon`, en: `Row ${n}: rule without a pattern` });
        continue;
      }
      const category = parseCategory(categoryText);
      if (!category) {
        issue(n, {
          nl: `Rij ${n}: categorie '${categoryText}' bestaat niet (gebruik een code als SW.KA)`,
          en: `Row ${n}: category '${categoryText}' does not exist (use a code such as SW.KA)`,
        });
        continue;
      }
      const fieldText = fieldWord(at(cols.field));
      const field = fieldText === "" ? "any" : FIELDS.get(fieldText);
      if (!field) {
        issue(n, {
          nl: `Rij ${n}: veld '${at(cols.field)}' is onbekend (omschrijving, leverancier, grootboekrekening, alle, of leverancier + grootboekrekening)`,
          en: `Row ${n}: field '${at(cols.field)}' is unknown (description, supplier, account, any, or supplier + account)`,
        });
        continue;
      }
      const rule: UserRule = { pattern, field, category };
      if (field === "supplierAccount") rule.account = at(cols.account);
      const source = at(cols.source);
      if (source !== "") rule.source = source;
      const delivery = DELIVERY.get(fold(at(cols.delivery)));
      const staffing = STAFFING.get(fold(at(cols.staffing)));
      if (delivery) rule.delivery = delivery;
      if (staffing) rule.staffing = staffing;
      result.rules.push(rule);
    }
    return result;
  }
  return null;
}
