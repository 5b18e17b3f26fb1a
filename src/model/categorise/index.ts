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
  supplier: string;
  account: string;
  result: Classification;
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
  // Keyed by description: a lookup hashes the line's own string (V8 keeps its hash) instead of
  // a joined key built per line; the few supplier/account variants of one description are scanned.
  let cache = new Map<string, Cached[]>();
  let cached = 0;

  function byRules(text: LineText): Cached {
    let variants = cache.get(text.description);
    if (variants) {
      for (const v of variants) if (v.supplier === text.supplier && v.account === text.account) return v;
    }
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
    const hit: Cached = { supplier: text.supplier, account: text.account, result, attrs };
    if (cached >= MAX_CACHE) {
      cache = new Map();
      cached = 0;
      variants = undefined;
    }
    if (variants) variants.push(hit);
    else cache.set(text.description, [hit]);
    cached++;
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
      if (own) return finish(own, found.attrs, "eigen categorie", 1);
      const r = found.result;
      // A copy, so a caller that edits its result cannot change what the next line gets.
      return {
        category: r.category,
        component: r.component,
        delivery: r.delivery,
        staffing: r.staffing,
        nature: r.nature,
        rule: r.rule,
        confidence: r.confidence,
      };
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
      return Object.assign({}, line, own, { rule: "handmatig", confidence: 1 });
    }
    // Object.assign, not spread: both objects have `category`, and V8's spread falls off its
    // fast path on the overwrite (measured 30× slower).
    return Object.assign({}, line, categoriser.classify(line));
  });
}

let defaultCategoriser: Categoriser | null = null;

/** One line of text, built-in rules only: for custom functions such as =ICTCOST.CATEGORIE(). */
export function classifyText(description: string, supplier = "", account = ""): Classification {
  defaultCategoriser ??= compileCategoriser();
  return defaultCategoriser.classify({ description, supplier, account });
}
