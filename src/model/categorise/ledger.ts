/**
 * Classifying a whole ledger: manual choices (Handmatig) first, then the categoriser, one result
 * object per line.
 */
import { lineKeys } from "../lineKey";
import { parseCategory } from "../taxonomy";
import { CategorisedLine, Classification, LedgerLine, UserRule } from "../types";
import { Categoriser, compileCategoriser } from "./categoriser";

export interface ClassifyOptions {
  userRules?: UserRule[];
  /** Manual categories keyed by lineKeys(lines); a code or a label in Dutch or English. */
  manual?: ReadonlyMap<string, string>;
  /** A categoriser compiled earlier (its own user rules apply; `userRules` is then ignored). */
  categoriser?: Categoriser;
  /** lineKeys(lines), when the caller has them already (they cost as much as classifying). */
  keys?: readonly string[];
}

export function classifyLedger(
  lines: readonly LedgerLine[],
  options: ClassifyOptions = {},
): CategorisedLine[] {
  const categoriser = options.categoriser ?? compileCategoriser(options.userRules);
  const manual = options.manual;
  const keys = manual && manual.size > 0 ? (options.keys ?? lineKeys(lines)) : null;
  const out = new Array<CategorisedLine>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const chosen = keys ? manual?.get(keys[i]) : undefined;
    if (chosen !== undefined && parseCategory(chosen)) {
      // Classifying with the manual value as the line's own category keeps the attributes
      // its words give (delivery, staffing) where they fit the chosen category.
      const own = categoriser.classify({ ...line, category: chosen });
      out[i] = categorised(line, own, "handmatig", 1);
    } else {
      const c = categoriser.classify(line);
      out[i] = categorised(line, c, c.rule, c.confidence);
    }
  }
  return out;
}

/**
 * Every field of a ledger line: a field added to LedgerLine must be added here too (and to
 * categorised()), which the compiler enforces through this record.
 */
const LINE_FIELDS: Record<keyof LedgerLine, true> = {
  row: true,
  description: true,
  supplier: true,
  account: true,
  amount: true,
  year: true,
  costCentre: true,
  fte: true,
  category: true,
  taakveld: true,
  iv3Category: true,
};
void LINE_FIELDS;

/**
 * A line with its classification, as one literal: twice as fast as Object.assign (and far
 * faster than spread) for 100,000 lines, and every result gets the same hidden class.
 */
function categorised(line: LedgerLine, c: Classification, rule: string, confidence: number): CategorisedLine {
  return {
    row: line.row,
    description: line.description,
    supplier: line.supplier,
    account: line.account,
    amount: line.amount,
    year: line.year,
    costCentre: line.costCentre,
    fte: line.fte,
    taakveld: line.taakveld ?? "",
    iv3Category: line.iv3Category ?? "",
    category: c.category,
    component: c.component,
    delivery: c.delivery,
    staffing: c.staffing,
    nature: c.nature,
    rule,
    confidence,
    viaGr: c.viaGr === true,
  };
}
