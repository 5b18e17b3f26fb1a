/**
 * The built-in categoriser: compiles the rule data of rules.ts once into a token index, then
 * weighs the evidence a ledger line's words give. A line's text is tokenised once and every
 * word costs a map lookup (memoised per distinct word); no rule is re-tested per line.
 */
import { CODE_INDEX, COMPONENT_ORDER, NATURES } from "./codes";
import { FIELD_NAMES, RuleDef } from "./rules";
import { tokenise } from "./tokenise";

/** The three columns a user rule can look at. */
export type LineText = { description: string; supplier: string; account: string };
/** The columns the built-in rules read, in the order of FIELD_NAMES (as explanations name them). */
export const FIELD_LABELS = FIELD_NAMES;
/** 0 omschrijving, 1 leverancier, 2 grootboek, 3 kostenplaats, 4 taakveld (with Iv3 categorie). */
export type FieldIndex = 0 | 1 | 2 | 3 | 4;
type ContextField = 1 | 2 | 3 | 4;

/** A compiled rule plus the name shown in explanations. */
interface Hit {
  rule: RuleDef;
  label: string;
  /** Its evidence from each column, made once so classifying a line allocates none. */
  byField: (Contribution | null)[];
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
export interface Contribution {
  hit: Hit;
  field: FieldIndex;
  /** Numbers every contribution, so explanations can be remembered per pair. */
  id: number;
  /** How an explanation names it, e.g. "omschrijving: 'laptop'". */
  text: string;
  weight: number;
  /** How much it proves the line is ICT at all (0 for a word that only points at a category). */
  ict: number;
  /**
   * Only chooses among the categories of a component other evidence chose: a role named by a
   * cost centre ("Servicedesk") says which personnel category, not that the line is personnel.
   */
  conditional: boolean;
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

/** Stems and tails shorter than this would match too many unrelated compounds. */
const MIN_AFFIX = 3;
/** Bound on the per-word memo (random numbers in descriptions would otherwise grow it). */
const MAX_MEMO = 200_000;
/**
 * A cost centre that names no ICT team is light evidence against ICT: salaries and temps there
 * belong to that department. A product, ICT supplier or ICT account easily outweighs it.
 */
const NON_ICT_COST_CENTRE = 1;
/** A taakveld other than 0.4 Overhead (where ICT is booked) is lighter evidence still. */
const NON_OVERHEAD_TAAKVELD = 0.5;

function displayName(pattern: string): string {
  return pattern.replace(/\*/g, "");
}

/**
 * How much a rule counts in a column, or null when it does not read that column. The description
 * leads; a supplier rule counts fully in the supplier column; account, cost centre and taakveld
 * words count half. Rules written for account or cost-centre names count fully there.
 */
function fieldWeight(rule: RuleDef, field: FieldIndex): number | null {
  if (rule.fields) return rule.fields.includes(FIELD_NAMES[field]) ? 1 : null;
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
  private readonly columns = [1, 2, 3, 4].map(() => new Map<string, Column>());
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
    // A word named only by account or cost-centre rules must not hide the stems other columns need.
    if (!hits || hits.every((h) => h.rule.fields)) {
      const stem = this.longest(word, this.stems, this.maxStem, (len) => word.slice(0, len));
      const tail = this.longest(word, this.tails, this.maxTail, (len) => word.slice(word.length - len));
      const affixes = stem && tail ? [...stem, ...tail] : (stem ?? tail ?? []);
      hits = hits ? [...hits, ...affixes] : affixes;
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
   * The evidence of a supplier, account, cost-centre or taakveld text, memoised per distinct
   * text. The same object comes back for the same text (until the memo is full), so callers may
   * compare columns by identity.
   */
  column(text: string, field: ContextField): Column {
    if (text === "") return NO_COLUMN;
    const memo = this.columns[field - 1];
    let found = memo.get(text);
    if (!found) {
      const evidence = new Evidence();
      this.collect(tokenise(text), field, evidence);
      found = { evidence: contextEvidence(evidence.items.slice(0, evidence.length), text, field) };
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
      for (let h = 0; h < info.hits.length; h++) {
        const c = info.hits[h].byField[field];
        if (c !== null) out.add(c);
      }
      if (info.phrases) {
        for (const p of info.phrases) {
          const c = p.hit.byField[field];
          if (c !== null && phraseAt(words, i + 1, p)) out.add(c);
        }
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
  const at = (field: FieldIndex): Contribution | null => {
    const scale = fieldWeight(rule, field);
    if (scale === null) return null;
    const weight = rule.weight * scale;
    // A product's usual delivery counts once, as weak evidence next to what the line says.
    const usual = field === 0 ? 1 : 0.6;
    const explicit = (rule.deliveryWeight ?? 1) * scale;
    return contribution(
      hit,
      field,
      field === 1 && rule.kind === "supplier"
        ? `leverancier: ${label}`
        : `${FIELD_LABELS[field]}: '${label}'`,
      weight,
      (rule.ict ?? 0) * scale,
      {
        saas: (rule.delivery === "saas" ? explicit : 0) + (rule.defaultDelivery === "saas" ? usual : 0),
        onPremise:
          (rule.delivery === "on-premise" ? explicit : 0) +
          (rule.defaultDelivery === "on-premise" ? usual : 0),
        natureWeight: rule.nature ? scale : 0,
      },
    );
  };
  hit.byField = [at(0), at(1), at(2), at(3), at(4)];
  return hit;
}

/** Every contribution is made here, as one literal, so they all share one shape (see Contribution). */
function contribution(
  hit: Hit,
  field: FieldIndex,
  text: string,
  weight: number,
  ict: number,
  delivery: { saas: number; onPremise: number; natureWeight: number },
): Contribution {
  const rule = hit.rule;
  return {
    hit,
    field,
    id: contributions++,
    text,
    weight,
    ict,
    // A role in a context column names the team, not that the line is about a person.
    conditional: rule.kind === "role" && field >= 2,
    codeIndex: rule.category ? (CODE_INDEX.get(rule.category) as number) : -1,
    componentIndex: rule.component ? COMPONENT_ORDER.indexOf(rule.component) : -1,
    saas: delivery.saas,
    onPremise: delivery.onPremise,
    hired: rule.staffing === "hired" ? weight : 0,
    own: rule.staffing === "own" ? weight : 0,
    natureIndex: rule.nature ? NATURES.indexOf(rule.nature) : -1,
    natureWeight: delivery.natureWeight,
  };
}

/**
 * Cost centre and taakveld evidence is named by the whole text ("kostenplaats 1415 Servicedesk"),
 * as is evidence from rules written for account names; a cost centre that names no ICT team and a
 * taakveld other than overhead add their light evidence against ICT.
 */
function contextEvidence(found: Contribution[], text: string, field: ContextField): Contribution[] {
  if (field === 1) return found;
  const label = `${FIELD_LABELS[field]} ${text}`;
  const out = found.map((c) =>
    field >= 3 || c.hit.rule.fields ? contribution(c.hit, field, label, c.weight, c.ict, c) : c,
  );
  if (field === 3 && !found.some((c) => c.ict > 0)) out.push(notIct(label, NON_ICT_COST_CENTRE, field));
  if (field === 4 && !isOverhead(text)) out.push(notIct(label, NON_OVERHEAD_TAAKVELD, field));
  return out;
}

/** Taakveld 0.4 (Overhead) is where a municipality books its ICT; an empty taakveld says nothing. */
function isOverhead(text: string): boolean {
  const taakveld = text.split(" | ")[0].trim();
  return taakveld === "" || /^0[.,]4(\D|$)/.test(taakveld) || /overhead/i.test(taakveld);
}

function notIct(label: string, weight: number, field: ContextField): Contribution {
  const rule: RuleDef = { kind: "context", words: [label], category: "XX.NI", weight, why: label };
  const hit = { rule, label } as Hit;
  return contribution(hit, field, `${label} (geen ICT)`, weight, 0, {
    saas: 0,
    onPremise: 0,
    natureWeight: 0,
  });
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

/** The remembered evidence of a line's other columns. */
export interface LineColumns {
  supplier: Column;
  account: Column;
  costCentre: Column;
  taakveld: Column;
}

/**
 * The evidence of one line: everything its columns triggered, in `out` (emptied first).
 * Suppliers, accounts and cost centres repeat on nearly every line of a ledger: their evidence
 * comes remembered.
 */
export function analyse(index: RuleIndex, words: string[], columns: LineColumns, out: Evidence): void {
  out.length = 0;
  index.collect(words, 0, out);
  out.addAll(columns.supplier.evidence);
  out.addAll(columns.account.evidence);
  out.addAll(columns.costCentre.evidence);
  out.addAll(columns.taakveld.evidence);
}
