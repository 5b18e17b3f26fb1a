/**
 * The built-in categoriser: compiles the rule data of rules.ts once into a token index, then
 * weighs the evidence a ledger line's words give. A line's text is tokenised once and every
 * word costs a map lookup (memoised per distinct word); no rule is re-tested per line.
 */
import {
  Column,
  ContextField,
  contextEvidence,
  Evidence,
  FieldIndex,
  Hit,
  makeHit,
  NO_COLUMN,
  splitContext,
} from "./evidence";
import { RuleDef } from "./rules";
import { tokenise } from "./tokenise";

export type { Column, Contribution, FieldIndex, LineText } from "./evidence";
export { Evidence, FIELD_LABELS } from "./evidence";

interface Phrase {
  rest: string[];
  lastIsStem: boolean;
  hit: Hit;
}
interface WordInfo {
  hits: Hit[];
  phrases: Phrase[] | undefined;
}

/** Stems and tails shorter than this would match too many unrelated compounds. */
const MIN_AFFIX = 3;
/** Bound on the per-word memo (random numbers in descriptions would otherwise grow it). */
const MAX_MEMO = 200_000;

function displayName(pattern: string): string {
  return pattern.replace(/\*/g, "");
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
      // The Iv3 categorie counts by its code (contextEvidence), not by its words.
      this.collect(tokenise(field === 4 ? splitContext(text)[0] : text), field, evidence);
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
