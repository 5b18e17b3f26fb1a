/**
 * The categoriser: sorts ledger lines into the TCO categories of the taxonomy.
 *
 * Precedence per line: a manual choice (Handmatig) > the line's own category column >
 * the user's rules (first match wins) > the built-in rules. The built-in evidence still fills
 * in delivery, staffing and nature when a user or a rule chose the category.
 */
import { parseCategory } from "../taxonomy";
import { Classification, LedgerLine, UserRule } from "../types";
import { Attributes, attributesOf, finish } from "./classification";
import { decide } from "./decide";
import { analyse, Evidence, LineColumns, RuleIndex } from "./engine";
import { BUILTIN_RULES } from "./rules";
import { compileDigits, DigitRules, FoldedWords, tokeniseSlow } from "./tokenise";
import { CompiledUserRule, compileUserRules, LineView } from "./userRules";

type ClassifiableLine = Pick<LedgerLine, "description" | "supplier" | "account"> &
  Partial<Pick<LedgerLine, "costCentre" | "taakveld" | "iv3Category">> & {
    category?: string | null;
  };

export interface Categoriser {
  /**
   * The line's classification. It is frozen and shared by every line with the same outcome:
   * copy it to change it (classifyLedger does).
   */
  classify(line: ClassifiableLine): Classification;
}

/** What the rules made of one kind of line; lines that share a key and columns share an entry. */
interface Entry {
  /** The folded words (or, see compileCategoriser, the description). */
  key: string;
  /** Compared as text: cheaper than looking up the columns' evidence for every line. */
  supplier: string;
  account: string;
  costCentre: string;
  /** Taakveld and Iv3 categorie, as one text (see contextText). */
  context: string;
  result: Classification;
  attrs: Attributes;
  /** The last description that found this entry by its words: seen twice, it gets a shortcut. */
  lastDescription: string;
  /** Another entry with the same hash (other words, supplier or account), or null. */
  next: Entry | null;
}

/** Kinds of line remembered per categoriser; cleared when full so memory stays bounded. */
const MAX_CACHE = 100_000;
/** Lines per look at how often the cache answers. */
const WINDOW = 8192;
/** Below this share of lines answered, remembering every new kind of line costs more than it saves. */
const MIN_HITS = 0.1;
/** Then only one new kind of line in this many is remembered, so the cache notices repeats again. */
const SAMPLE = 16;

let builtinIndex: RuleIndex | null = null;
function builtin(): RuleIndex {
  return (builtinIndex ??= new RuleIndex(BUILTIN_RULES));
}

/**
 * Compile once, classify many lines: the rule index is shared, results are cached per kind of line.
 *
 * The cache key of a description is its folded words with every number no rule names collapsed
 * to "0" (FoldedWords): "Factuur 2022-0412 KPN" and "Factuur 2023-0077 kpn" are one kind of line,
 * and the rules give both the same answer because they only ever see the words. The words are
 * looked up by their hash and compared in place, so a line seen before allocates nothing. A user
 * rule with "*" that reads the description's text is the exception: then the description itself
 * is the key.
 */
export function compileCategoriser(userRules: UserRule[] = []): Categoriser {
  const index = builtin();
  const compiled = compileUserRules(userRules);
  const byWords = !compiled.some((r) => r.readsDescriptionText);
  const digits = digitsOf(index, compiled);
  const evidence = new Evidence();
  const folded = new FoldedWords();
  /** By the folded words' hash (byWords), or else by the description. */
  let byHash = new Map<number, Entry>();
  let byText = new Map<string, Entry>();
  /**
   * Shortcuts by description, for descriptions seen at least twice with the same words: a lookup
   * of a string (hashed natively) is cheaper than folding it. Lines that never repeat exactly
   * ("wk 12", "factuur F2022-0412") never get one, so they cost no memory here.
   */
  let exact = new Map<string, Entry>();
  let cached = 0;
  let lookups = 0;
  let hits = 0;
  let misses = 0;
  /** 1: remember every new kind of line; SAMPLE: the cache is not paying, remember few. */
  let every = 1;
  /** Lines that found, or could have found, a shortcut by description in this window. */
  let repeats = 0;
  /** Whether shortcuts are looked up: only while descriptions repeat exactly often enough. */
  let shortcuts = true;

  /** Makes room for one more entry: when full, the cache starts over, so memory stays bounded. */
  function room(): void {
    if (cached >= MAX_CACHE) {
      byHash = new Map();
      byText = new Map();
      exact = new Map();
      cached = 0;
    }
    cached++;
  }

  /** Counts a line, and every WINDOW lines decides whether remembering new lines pays. */
  function count(hit: boolean): void {
    if (hit) hits++;
    if (++lookups === WINDOW) {
      every = hits < MIN_HITS * WINDOW ? SAMPLE : 1;
      shortcuts = repeats >= MIN_HITS * WINDOW;
      lookups = hits = repeats = 0;
    }
  }

  function miss(key: string, description: string, line: LineColumnsText): Entry {
    const { supplier: supplierText, account: accountText } = line;
    // The description's own words: the rules answer them as they answer the key's (see above).
    const words = tokeniseSlow(description);
    const columns: LineColumns = {
      supplier: index.column(supplierText, 1),
      account: index.column(accountText, 2),
      costCentre: index.column(line.costCentre, 3),
      taakveld: index.column(line.context, 4),
    };
    analyse(index, words, columns, evidence);
    const attrs = attributesOf(evidence);
    let result = decide(evidence, attrs);
    if (compiled.length > 0) {
      const view = new LineView({ description, supplier: supplierText, account: accountText });
      const rule = compiled.find((r) => r.matches(view));
      if (rule) {
        result = finish(rule.rule.category, attrs, rule.name, 1, {
          delivery: rule.rule.delivery ?? undefined,
          staffing: rule.rule.staffing ?? undefined,
        });
      }
    }
    return {
      key,
      supplier: supplierText,
      account: accountText,
      costCentre: line.costCentre,
      context: line.context,
      result,
      attrs,
      lastDescription: description,
      next: null,
    };
  }

  function byRules(description: string, line: LineColumnsText): Entry {
    if (!byWords) {
      const first = byText.get(description);
      for (let e = first; e !== undefined; e = e.next ?? undefined) {
        if (sameColumns(e, line)) return e;
      }
      const entry = miss(description, description, line);
      room();
      entry.next = byText.get(description) ?? null;
      byText.set(description, entry);
      return entry;
    }
    if (shortcuts) {
      const shortcut = exact.get(description);
      if (shortcut !== undefined && sameColumns(shortcut, line)) {
        repeats++;
        count(true);
        return shortcut;
      }
    }
    if (!folded.fold(description, digits)) folded.foldSlow(description, digits);
    const hash = folded.hash & 0x3fffffff;
    for (let e = byHash.get(hash); e !== undefined; e = e.next ?? undefined) {
      if (sameColumns(e, line) && folded.equals(e.key)) {
        if (e.lastDescription === description) {
          repeats++;
          if (exact.size >= MAX_CACHE) exact = new Map();
          exact.set(description, e);
        } else {
          e.lastDescription = description;
        }
        count(true);
        return e;
      }
    }
    count(false);
    const entry = miss("", description, line);
    if (++misses % every === 0) {
      entry.key = folded.text();
      room();
      entry.next = byHash.get(hash) ?? null;
      byHash.set(hash, entry);
    }
    return entry;
  }

  /** The current line's other columns; reused from line to line. */
  const columnsText: LineColumnsText = { supplier: "", account: "", costCentre: "", context: "" };

  return {
    classify(line: ClassifiableLine): Classification {
      columnsText.supplier = asText(line.supplier);
      columnsText.account = asText(line.account);
      columnsText.costCentre = asText(line.costCentre);
      columnsText.context = contextText(asText(line.taakveld), asText(line.iv3Category));
      const entry = byRules(asText(line.description), columnsText);
      const category = line.category;
      if (typeof category === "string") {
        const own = parseCategory(category);
        if (own) return finish(own, entry.attrs, "eigen categorie", 1);
      }
      return entry.result;
    },
  };
}

/** A line's columns besides the description, as text. */
interface LineColumnsText {
  supplier: string;
  account: string;
  costCentre: string;
  context: string;
}

/** Compared as text: cheaper than looking up the columns' evidence for every line. */
function sameColumns(e: Entry, line: LineColumnsText): boolean {
  return (
    e.supplier === line.supplier &&
    e.account === line.account &&
    e.costCentre === line.costCentre &&
    e.context === line.context
  );
}

/** Taakveld and Iv3 categorie read as one column (the engine tells them apart by " | "). */
function contextText(taakveld: string, iv3Category: string): string {
  return iv3Category === "" ? taakveld : `${taakveld} | ${iv3Category}`;
}

/**
 * The digits the built-in and the user's rules can tell apart, or null when collapsing could make
 * a word look like one a rule names (a rule naming "e0" or "v0*", say): then none are collapsed.
 */
function digitsOf(index: RuleIndex, compiled: CompiledUserRule[]): DigitRules | null {
  if (index.digits === null) return null;
  const named = [...index.digits.named, ...compiled.flatMap((r) => r.digitWords)];
  const stems = index.digits.stems;
  const collapsed = (w: string) => w === w.replace(/[0-9]+/g, "0");
  return named.some(collapsed) || stems.some(collapsed) ? null : compileDigits({ named, stems });
}

/** Cells may arrive as numbers or blanks from a sheet; the rules only read text. */
function asText(x: unknown): string {
  return typeof x === "string" ? x : x === null || x === undefined ? "" : String(x);
}

let defaultCategoriser: Categoriser | null = null;

/**
 * One line of text, built-in rules only: for custom functions such as =ICTCOST.CATEGORY(). Without
 * cost centre or taakveld, the description, supplier and account are the only evidence.
 */
export function classifyText(description: string, supplier = "", account = ""): Classification {
  defaultCategoriser ??= compileCategoriser();
  return defaultCategoriser.classify({ description, supplier, account });
}
