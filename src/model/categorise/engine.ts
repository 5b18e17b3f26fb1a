/**
 * The built-in categoriser: compiles the rule data of rules.ts once into a token index, then
 * weighs the evidence a ledger line's words give. A line's text is tokenised once and every
 * word costs a map lookup (memoised per distinct word); no rule is re-tested per line.
 */
import { CATEGORIES, categoryLabel, componentOf } from "../taxonomy";
import { CategoryCode, Classification, Component, Delivery, Nature, Staffing } from "../types";
import { RuleDef } from "./rules";
import { tokenise } from "./tokenise";

/** The three columns a rule can look at, in the order of FIELD_LABELS. */
export type LineText = { description: string; supplier: string; account: string };
export const FIELD_LABELS = ["omschrijving", "leverancier", "grootboek"] as const;
type FieldIndex = 0 | 1 | 2;

/** A compiled rule plus the name shown in explanations. */
interface Hit {
  rule: RuleDef;
  label: string;
  /** Its evidence from each column, made once so classifying a line allocates none. */
  byField: [Contribution, Contribution, Contribution];
}
interface Phrase {
  rest: string[];
  lastIsStem: boolean;
  hit: Hit;
}
interface WordInfo {
  hits: Hit[];
  phrases: Phrase[] | undefined;
}
/**
 * One rule's evidence from one column, flattened to numbers at compile time: every contribution
 * has the same shape, which keeps the per-line loops monomorphic (and fast) in V8.
 */
interface Contribution {
  hit: Hit;
  field: FieldIndex;
  /** Numbers every contribution, so explanations can be remembered per pair. */
  id: number;
  /** How an explanation names it, e.g. "omschrijving: 'laptop'". */
  text: string;
  weight: number;
  /** Index into CODES, or -1 when the rule names no category. */
  codeIndex: number;
  /** Index into COMPONENT_ORDER, or -1. */
  componentIndex: number;
  saas: number;
  onPremise: number;
  hired: number;
  own: number;
  /** Index into NATURES, or -1. */
  natureIndex: number;
  natureWeight: number;
}

/** What the words say besides the category; applied to whatever category wins (or the user picks). */
export interface Attributes {
  delivery: Delivery;
  staffing: Staffing;
  /** Nature the words name explicitly (afschrijving, project, abonnement, …), else null. */
  nature: Nature;
}

/** Below this much evidence a line is XX.OO: the user decides, we do not guess. */
const MIN_EVIDENCE = 0.5;
/** Stems and tails shorter than this would match too many unrelated compounds. */
const MIN_AFFIX = 3;
/** Bound on the per-word memo (random numbers in descriptions would otherwise grow it). */
const MAX_MEMO = 200_000;
/** Bound on the remembered explanations and classifications (a few thousand in practice). */
const MAX_SHARED = 50_000;

/** Where component evidence goes when no category of that component has its own evidence. */
const FALLBACK: CategoryCode[] = ["SW.OV", "PE.AU"];
const CODES: CategoryCode[] = CATEGORIES.map((c) => c.code);
const CODE_INDEX = new Map<CategoryCode, number>(CODES.map((c, i) => [c, i]));
const COMPONENT_ORDER: Component[] = ["software", "personnel", "infrastructure"];
/** Per code: index of its component in COMPONENT_ORDER (-1 for XX.*), and whether it is the fallback. */
const COMPONENT_AT: number[] = CODES.map((c) => {
  const component = componentOf(c);
  return component === null ? -1 : COMPONENT_ORDER.indexOf(component);
});
const BONUS = new Float64Array(COMPONENT_ORDER.length);
const IS_FALLBACK: boolean[] = CODES.map((c) => FALLBACK.includes(c));
/** Scratch space for decide(); classification is synchronous, so one buffer serves every call. */
const SCORE = new Float64Array(CODES.length);
/** Natures in order of precedence: the first two win whenever a line names them. */
const NATURES: Exclude<Nature, null>[] = [
  "depreciation",
  "project",
  "subscription",
  "licence",
  "service",
  "salary",
  "hire",
];
const NATURE_VOTES = new Float64Array(NATURES.length);

function displayName(pattern: string): string {
  return pattern.replace(/\*/g, "");
}

function fieldWeight(rule: RuleDef, field: FieldIndex): number {
  if (field === 0) return 1;
  if (field === 1) return rule.kind === "supplier" ? 1 : 0.6;
  return 0.5;
}

export class RuleIndex {
  private readonly exact = new Map<string, Hit[]>();
  private readonly stems = new Map<string, Hit[]>();
  private readonly tails = new Map<string, Hit[]>();
  private readonly phrases = new Map<string, Phrase[]>();
  private maxStem = 0;
  private maxTail = 0;
  private readonly memo = new Map<string, WordInfo>();
  private readonly columns = [new Map<string, Column>(), new Map<string, Column>()];
  /** Whether any rule starts with a number; if not, numbers (amounts, weeks, invoices) are skipped. */
  private numbersMatter = false;
  /** Which digits the rules can tell apart (see FoldedWords.fold); null if digits may not be collapsed. */
  digits: { named: string[]; stems: string[] } | null = { named: [], stems: [] };

  constructor(rules: readonly RuleDef[]) {
    for (const rule of rules) {
      for (const pattern of rule.words) this.add(pattern, makeHit(rule, displayName(pattern)));
    }
  }

  private add(pattern: string, hit: Hit): void {
    const isTail = pattern.startsWith("*");
    const isStem = pattern.endsWith("*");
    const words = tokenise(pattern);
    if (words.length === 0) throw new Error(`Lege regel: '${pattern}'`);
    if (isNumber(words[0])) this.numbersMatter = true;
    this.noteDigits(words, isStem, isTail);
    if (words.length > 1) {
      if (isTail) throw new Error(`Een woordgroep kan niet met * beginnen: '${pattern}'`);
      push(this.phrases, words[0], { rest: words.slice(1), lastIsStem: isStem, hit });
      return;
    }
    const word = words[0];
    if (isTail) {
      if (word.length < MIN_AFFIX) throw new Error(`Te kort achtervoegsel: '${pattern}'`);
      push(this.tails, word, hit);
      this.maxTail = Math.max(this.maxTail, word.length);
      return;
    }
    push(this.exact, word, hit);
    if (isStem) {
      if (word.length < MIN_AFFIX) throw new Error(`Te korte stam: '${pattern}'`);
      push(this.stems, word, hit);
      this.maxStem = Math.max(this.maxStem, word.length);
    }
  }

  private noteDigits(words: string[], isStem: boolean, isTail: boolean): void {
    const digits = this.digits;
    if (digits === null) return;
    const last = words[words.length - 1];
    if (isTail && HAS_DIGIT.test(last)) {
      this.digits = null;
      return;
    }
    for (const w of words) if (HAS_DIGIT.test(w) && !digits.named.includes(w)) digits.named.push(w);
    if (isStem && HAS_DIGIT.test(last) && !digits.stems.includes(last)) digits.stems.push(last);
  }

  /** Rules a single word triggers: itself, or else the longest stem and the longest tail it contains. */
  word(word: string): WordInfo {
    let info = this.memo.get(word);
    if (info) return info;
    let hits = this.exact.get(word);
    if (!hits) {
      const stem = this.longest(word, this.stems, this.maxStem, (len) => word.slice(0, len));
      const tail = this.longest(word, this.tails, this.maxTail, (len) => word.slice(word.length - len));
      hits = stem && tail ? [...stem, ...tail] : (stem ?? tail ?? []);
    }
    info = { hits, phrases: this.phrases.get(word) };
    if (this.memo.size >= MAX_MEMO) this.memo.clear();
    this.memo.set(word, info);
    return info;
  }

  private longest(
    word: string,
    map: Map<string, Hit[]>,
    max: number,
    part: (len: number) => string,
  ): Hit[] | undefined {
    for (let len = Math.min(max, word.length - 1); len >= MIN_AFFIX; len--) {
      const hits = map.get(part(len));
      if (hits) return hits;
    }
    return undefined;
  }

  /**
   * The evidence of a supplier or account text, memoised per distinct text. The same object comes
   * back for the same text (until the memo is full), so callers may compare columns by identity.
   */
  column(text: string, field: 1 | 2): Column {
    if (text === "") return NO_COLUMN;
    const memo = this.columns[field - 1];
    let found = memo.get(text);
    if (!found) {
      const evidence = new Evidence();
      this.collect(tokenise(text), field, evidence);
      found = { evidence: evidence.items.slice(0, evidence.length) };
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(text, found);
    }
    return found;
  }

  /** Every rule the words of one column trigger, with the column's weight applied. */
  collect(words: string[], field: FieldIndex, out: Evidence): void {
    for (let i = 0; i < words.length; i++) {
      if (!this.numbersMatter && isNumber(words[i])) continue;
      const info = this.word(words[i]);
      for (let h = 0; h < info.hits.length; h++) out.add(info.hits[h].byField[field]);
      if (info.phrases) {
        for (const p of info.phrases) if (phraseAt(words, i + 1, p)) out.add(p.hit.byField[field]);
      }
    }
  }
}

/** The evidence of a supplier or account text. */
export interface Column {
  readonly evidence: readonly Contribution[];
}
const NO_COLUMN: Column = { evidence: [] };

/** A line's evidence: a growable list that is reused from line to line, so a line allocates none. */
export class Evidence {
  items: Contribution[] = [];
  length = 0;
  add(c: Contribution): void {
    if (this.length < this.items.length) this.items[this.length] = c;
    else this.items.push(c);
    this.length++;
  }
  addAll(cs: readonly Contribution[]): void {
    for (let i = 0; i < cs.length; i++) this.add(cs[i]);
  }
}

let contributions = 0;

function makeHit(rule: RuleDef, label: string): Hit {
  const hit = { rule, label } as Hit;
  const at = (field: FieldIndex): Contribution => {
    const scale = fieldWeight(rule, field);
    const weight = rule.weight * scale;
    // A product's usual delivery counts once, as weak evidence next to what the line says.
    const usual = field === 0 ? 1 : 0.6;
    const explicit = (rule.deliveryWeight ?? 1) * scale;
    return {
      hit,
      field,
      id: contributions++,
      text:
        field === 1 && rule.kind === "supplier"
          ? `leverancier: ${label}`
          : `${FIELD_LABELS[field]}: '${label}'`,
      weight,
      codeIndex: rule.category ? (CODE_INDEX.get(rule.category) as number) : -1,
      componentIndex: rule.component ? COMPONENT_ORDER.indexOf(rule.component) : -1,
      saas: (rule.delivery === "saas" ? explicit : 0) + (rule.defaultDelivery === "saas" ? usual : 0),
      onPremise:
        (rule.delivery === "on-premise" ? explicit : 0) + (rule.defaultDelivery === "on-premise" ? usual : 0),
      hired: rule.staffing === "hired" ? weight : 0,
      own: rule.staffing === "own" ? weight : 0,
      natureIndex: rule.nature ? NATURES.indexOf(rule.nature) : -1,
      natureWeight: rule.nature ? scale : 0,
    };
  };
  hit.byField = [at(0), at(1), at(2)];
  return hit;
}

const HAS_DIGIT = /[0-9]/;

function isNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57 && /^[0-9]+$/.test(word);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function phraseAt(words: string[], from: number, p: Phrase): boolean {
  if (from + p.rest.length > words.length) return false;
  const last = p.rest.length - 1;
  for (let k = 0; k <= last; k++) {
    const w = words[from + k];
    const ok = k === last && p.lastIsStem ? w.startsWith(p.rest[k]) : w === p.rest[k];
    if (!ok) return false;
  }
  return true;
}

/**
 * The evidence of one line: everything its three columns triggered, in `out` (emptied first).
 * Suppliers and accounts repeat on nearly every line of a ledger: their evidence comes remembered.
 */
export function analyse(
  index: RuleIndex,
  words: string[],
  supplier: Column,
  account: Column,
  out: Evidence,
): void {
  out.length = 0;
  index.collect(words, 0, out);
  out.addAll(supplier.evidence);
  out.addAll(account.evidence);
}

/** Weighted votes between two values; a tie means we do not know. */
function vote<T>(a: T, aWeight: number, b: T, bWeight: number): T | null {
  if (aWeight > bWeight) return a;
  if (bWeight > aWeight) return b;
  return null;
}

export function attributesOf(evidence: Evidence): Attributes {
  let saas = 0;
  let onPremise = 0;
  let hired = 0;
  let own = 0;
  const nature = NATURE_VOTES.fill(0);
  const items = evidence.items;
  for (let i = 0; i < evidence.length; i++) {
    const c = items[i];
    saas += c.saas;
    onPremise += c.onPremise;
    hired += c.hired;
    own += c.own;
    if (c.natureIndex >= 0) nature[c.natureIndex] += c.natureWeight;
  }
  return {
    delivery: vote<Delivery>("saas", saas, "on-premise", onPremise),
    staffing: vote<Staffing>("hired", hired, "own", own),
    nature: strongestNature(nature),
  };
}

function strongestNature(votes: Float64Array): Nature {
  // Depreciation and projects say what the money is, whatever else the line mentions.
  if (votes[0] > 0) return "depreciation";
  if (votes[1] > 0) return "project";
  let best: Nature = null;
  let bestWeight = 0;
  for (let i = 2; i < NATURES.length; i++) {
    if (votes[i] > bestWeight) {
      best = NATURES[i];
      bestWeight = votes[i];
    }
  }
  return best;
}

/**
 * A category with the attributes that make sense for its component. The result is frozen and
 * shared: every line with the same outcome gets the same object.
 */
export function finish(
  category: CategoryCode,
  attrs: Attributes,
  rule: string,
  confidence: number,
  overrides: { delivery?: Delivery; staffing?: Staffing } = {},
): Classification {
  const component = componentOf(category);
  const delivery = component === "software" ? (overrides.delivery ?? attrs.delivery) : null;
  const staffing = component === "personnel" ? (overrides.staffing ?? attrs.staffing) : null;
  return shared(
    category,
    delivery,
    staffing,
    natureFor(component, attrs, delivery, staffing),
    rule,
    confidence,
  );
}

const DELIVERIES: Delivery[] = [null, "saas", "on-premise"];
const STAFFINGS: Staffing[] = [null, "own", "hired"];
/** Per rule text, the classifications handed out, keyed by their other fields as one number. */
let SHARED = new Map<string, Map<number, Classification>>();
let sharedCount = 0;

/** The one frozen Classification with these fields. */
function shared(
  category: CategoryCode,
  delivery: Delivery,
  staffing: Staffing,
  nature: Nature,
  rule: string,
  confidence: number,
): Classification {
  const percent = Math.round(confidence * 100);
  // Only confidences in whole percents (all the engine makes) are shared; others are rare.
  if (percent / 100 !== confidence || percent < 0 || percent > 100) {
    return frozen(category, delivery, staffing, nature, rule, confidence);
  }
  const key =
    ((((CODE_INDEX.get(category) as number) * 3 + DELIVERIES.indexOf(delivery)) * 3 +
      STAFFINGS.indexOf(staffing)) *
      8 +
      (nature === null ? 7 : NATURES.indexOf(nature))) *
      101 +
    percent;
  let byKey = SHARED.get(rule);
  if (!byKey) {
    if (sharedCount >= MAX_SHARED) {
      SHARED = new Map();
      sharedCount = 0;
    }
    SHARED.set(rule, (byKey = new Map()));
  }
  let found = byKey.get(key);
  if (!found) {
    byKey.set(key, (found = frozen(category, delivery, staffing, nature, rule, confidence)));
    sharedCount++;
  }
  return found;
}

function frozen(
  category: CategoryCode,
  delivery: Delivery,
  staffing: Staffing,
  nature: Nature,
  rule: string,
  confidence: number,
): Classification {
  return Object.freeze({
    category,
    component: componentOf(category),
    delivery,
    staffing,
    nature,
    rule,
    confidence,
  });
}

function natureFor(
  component: Component | null,
  attrs: Attributes,
  delivery: Delivery,
  staffing: Staffing,
): Nature {
  if (component === null) return null;
  if (component === "personnel") {
    if (staffing === "hired") return "hire";
    if (staffing === "own") return "salary";
    return attrs.nature === "project" ? "project" : null;
  }
  if (attrs.nature === "depreciation" || attrs.nature === "project") return attrs.nature;
  if (component === "software") {
    if (delivery === "saas") return "subscription";
    if (delivery === "on-premise") return "licence";
  }
  return attrs.nature === "salary" || attrs.nature === "hire" ? null : attrs.nature;
}

/** Picks the category the evidence supports best, and says why. */
export function decide(evidence: Evidence, attrs: Attributes): Classification {
  const score = SCORE.fill(0);
  const bonus = BONUS.fill(0);
  const items = evidence.items;
  for (let e = 0; e < evidence.length; e++) {
    const c = items[e];
    if (c.codeIndex >= 0) score[c.codeIndex] += c.weight;
    if (c.componentIndex >= 0) bonus[c.componentIndex] += c.weight;
  }
  let best = -1;
  let bestTotal = 0;
  let second = 0;
  for (let i = 0; i < CODES.length; i++) {
    const component = COMPONENT_AT[i];
    const componentBonus = component < 0 ? 0 : bonus[component];
    if (score[i] === 0 && !(IS_FALLBACK[i] && componentBonus > 0)) continue;
    // Component evidence ("inhuur", "licentie") backs every category of that component.
    const total = score[i] + componentBonus;
    if (total > bestTotal || (total === bestTotal && best >= 0 && score[i] > score[best])) {
      if (best >= 0 && score[best] > 0) second = Math.max(second, bestTotal);
      best = i;
      bestTotal = total;
    } else if (score[i] > 0) {
      second = Math.max(second, total);
    }
  }
  if (best < 0 || bestTotal < MIN_EVIDENCE) return unknown();
  const code = CODES[best];
  return finish(code, attrs, explain(evidence, code), confidenceOf(bestTotal, second));
}

const UNKNOWN: Classification = Object.freeze({
  category: "XX.OO",
  component: null,
  delivery: null,
  staffing: null,
  nature: null,
  rule: "geen regel van toepassing",
  confidence: 0,
});

export function unknown(): Classification {
  return UNKNOWN;
}

/** Strong, unopposed evidence approaches 0.95; weak or contested evidence stays low. */
function confidenceOf(best: number, second: number): number {
  const margin = best / (best + second);
  const strength = Math.min(1, best / 4);
  return Math.round(Math.min(0.95, margin * strength) * 100) / 100;
}

/** Explanations made so far, by the pair of contributions and the category they explain. */
let EXPLAINED = new Map<number, string>();

/** The two strongest pieces of evidence for the chosen category, e.g. "omschrijving: 'laptop' → Werkplek". */
function explain(evidence: Evidence, code: CategoryCode): string {
  const component = componentOf(code);
  let first: Contribution | null = null;
  let second: Contribution | null = null;
  const items = evidence.items;
  for (let i = 0; i < evidence.length; i++) {
    const c = items[i];
    const r = c.hit.rule;
    if (r.category !== code && (component === null || r.component !== component)) continue;
    if (!first || c.weight > first.weight) {
      if (!first || first.text !== c.text) second = first;
      first = c;
    } else if ((!second || c.weight > second.weight) && c.text !== first.text) {
      second = c;
    }
  }
  // Exact as a double while there are fewer than 2^21 contributions and 32 categories.
  const key =
    ((first ? first.id + 1 : 0) * 0x200000 + (second ? second.id + 1 : 0)) * 32 +
    (CODE_INDEX.get(code) as number);
  let text = EXPLAINED.get(key);
  if (text === undefined) {
    const parts = [first, second].filter((c): c is Contribution => c !== null).map((c) => c.text);
    text = `${parts.join(" + ")} → ${categoryLabel(code)}`;
    if (EXPLAINED.size >= MAX_SHARED) EXPLAINED = new Map();
    EXPLAINED.set(key, text);
  }
  return text;
}
