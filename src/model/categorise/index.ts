/**
 * The categoriser: sorts ledger lines into the TCO categories of the taxonomy.
 *
 * Precedence per line: a manual choice (Handmatig) > the line's own category column >
 * the user's rules (first match wins) > the built-in rules. The built-in evidence still fills
 * in delivery, staffing and nature when a user or a rule chose the category.
 */
import { lineKeys } from "../lineKey";
import { parseCategory } from "../taxonomy";
import { CategorisedLine, Classification, LedgerLine, UserRule } from "../types";
import { analyse, attributesOf, Attributes, decide, finish, LineText, RuleIndex } from "./engine";
import { BUILTIN_RULES } from "./rules";
import { compileUserRules, LineView } from "./userRules";

export type { RuleDef } from "./rules";
export { BUILTIN_RULES } from "./rules";

export type ClassifiableLine = Pick<LedgerLine, "description" | "supplier" | "account"> & {
  category?: string | null;
};

export interface Categoriser {
  classify(line: ClassifiableLine): Classification;
}

interface Cached {
  result: Readonly<Classification>;
  attrs: Attributes;
}

/** Distinct lines remembered per categoriser; cleared when full so memory stays bounded. */
const MAX_CACHE = 100_000;

let builtinIndex: RuleIndex | null = null;
function builtin(): RuleIndex {
  return (builtinIndex ??= new RuleIndex(BUILTIN_RULES));
}

/** Compile once, classify many lines: the rule index is shared, results are cached per distinct line. */
export function compileCategoriser(userRules: UserRule[] = []): Categoriser {
  const index = builtin();
  const compiled = compileUserRules(userRules);
  const cache = new Map<string, Cached>();

  function byRules(text: LineText): Cached {
    const key = `${text.description}\u0001${text.supplier}\u0001${text.account}`;
    let hit = cache.get(key);
    if (hit) return hit;
    const evidence = analyse(index, text);
    const attrs = attributesOf(evidence);
    let result = decide(evidence, attrs);
    if (compiled.length > 0) {
      const view = new LineView(text);
      const rule = compiled.find((r) => r.matches(view));
      if (rule) {
        result = finish(rule.rule.category, attrs, rule.name, 1, {
          delivery: rule.rule.delivery ?? undefined,
          staffing: rule.rule.staffing ?? undefined,
        });
      }
    }
    hit = { result: Object.freeze(result), attrs };
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, hit);
    return hit;
  }

  return {
    classify(line: ClassifiableLine): Classification {
      const text = {
        description: asText(line.description),
        supplier: asText(line.supplier),
        account: asText(line.account),
      };
      const found = byRules(text);
      const own = parseCategory(line.category);
      return own ? finish(own, found.attrs, "eigen categorie", 1) : found.result;
    },
  };
}

/** Cells may arrive as numbers or blanks from a sheet; the rules only read text. */
function asText(x: unknown): string {
  return typeof x === "string" ? x : x === null || x === undefined ? "" : String(x);
}

export interface ClassifyOptions {
  userRules?: UserRule[];
  /** Manual categories keyed by lineKeys(lines); a code or a label in Dutch or English. */
  manual?: ReadonlyMap<string, string>;
  /** A categoriser compiled earlier (its own user rules apply; `userRules` is then ignored). */
  categoriser?: Categoriser;
}

export function classifyLedger(
  lines: readonly LedgerLine[],
  options: ClassifyOptions = {},
): CategorisedLine[] {
  const categoriser = options.categoriser ?? compileCategoriser(options.userRules);
  const manual = options.manual;
  const keys = manual && manual.size > 0 ? lineKeys(lines) : null;
  return lines.map((line, i) => {
    const chosen = keys ? manual?.get(keys[i]) : undefined;
    if (chosen !== undefined && parseCategory(chosen)) {
      // Classifying with the manual value as the line's own category keeps the attributes
      // its words give (delivery, staffing) where they fit the chosen category.
      const own = categoriser.classify({ ...line, category: chosen });
      return { ...line, ...own, rule: "handmatig", confidence: 1 };
    }
    return { ...line, ...categoriser.classify(line) };
  });
}

let defaultCategoriser: Categoriser | null = null;

/** One line of text, built-in rules only: for custom functions such as =ICTCOST.CATEGORIE(). */
export function classifyText(description: string, supplier = "", account = ""): Classification {
  defaultCategoriser ??= compileCategoriser();
  return defaultCategoriser.classify({ description, supplier, account });
}
