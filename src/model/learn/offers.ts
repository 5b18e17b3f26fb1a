/**
 * Learning from corrections: a Handmatig code typed on one line becomes, once the controller confirms,
 * a rule for every line with the same supplier and account (a "supplierAccount" user rule, see
 * categorise/userRules.ts). This module works out what such a rule would do — which lines it changes,
 * which it leaves alone and why — without writing anything; ./regels.ts says where the rule goes on
 * the Regels sheet. Pure: both faces show and write what these functions return.
 *
 * What a learnt rule never does, by construction:
 * - change a line whose supplier or account differs (it matches both whole, case and spacing aside);
 * - override a Handmatig code typed on another line (manual codes win over every rule);
 * - replace a rule the controller wrote: it goes below their rules, and first match wins, so a line
 *   an earlier rule decides otherwise stays as it is and is reported as a conflict.
 */
import { compileCategoriser } from "../categorise/categoriser";
import { sameText } from "../categorise/userRules";
import { lineKeys } from "../lineKey";
import { parseCategory } from "../taxonomy";
import { Bilingual, CategoryCode, Language, LedgerLine, UserRule } from "../types";

/** A line as the offer shows it: where it is and what it is. */
export interface LearnLine {
  /** The ledger's sheet (or file) and 1-based row. */
  sheet: string;
  row: number;
  description: string;
  amount: number;
  /** Its category now (with the manual codes applied). */
  category: CategoryCode;
}

/** A line of the group an earlier rule (or the line's own Categorie column) keeps in another category. */
export interface LearnConflict extends LearnLine {
  /** The rule that keeps it, as the line's explanation names it ("eigen regel 2: 'KPN' (leverancier)"). */
  rule: string;
}

export interface LearnOffer {
  /** The supplier and account of the group, as on the line the code was typed on. */
  supplier: string;
  account: string;
  /** The code typed. */
  category: CategoryCode;
  /** The line the code was typed on (the first, when several lines of the group carry it). */
  from: LearnLine;
  /** The rule to keep on the Regels sheet; null when it would change nothing or the codes disagree. */
  rule: UserRule | null;
  /** Lines the rule changes, each with its category now. */
  changes: LearnLine[];
  /** Other lines of the group with a Handmatig code of their own: never changed. */
  manual: LearnLine[];
  /** Lines an earlier rule keeps in another category: not changed, reported. */
  conflicts: LearnConflict[];
  /** Set when lines of the group carry different Handmatig codes: nothing is learnt, this says why. */
  disagreement?: Bilingual;
}

/** What the offers are computed from: the pipeline's lines and what decides them. */
export interface LearnInput {
  lines: readonly LedgerLine[];
  /** The ledger sheet (or file) name per line, in the order of `lines`. */
  sheets: readonly string[];
  /** Their categories now: the pipeline's counted lines (manual codes applied), in the same order. */
  categories: readonly CategoryCode[];
  /** Manual codes by line key (lineKeys). */
  manual: ReadonlyMap<string, string>;
  /** The user's rules as read (the Regels sheet), in order. */
  rules: readonly UserRule[];
  /** lineKeys(lines), when already computed (as costly as classifying the ledger). */
  keys?: readonly string[];
}

/** "Grootboek rij 12: Mobiele telefonie januari", the Bron of a learnt rule. */
export function learntSource(line: { sheet: string; row: number; description: string }, language: Language) {
  const row = language === "nl" ? "rij" : "row";
  const description = line.description.trim();
  return `${line.sheet} ${row} ${line.row}${description ? `: ${description}` : ""}`;
}

/** The rule a correction teaches: this supplier and this account, whole, get this category. */
export function learntRule(
  from: LedgerLine,
  sheet: string,
  category: CategoryCode,
  language: Language,
): UserRule {
  return {
    pattern: String(from.supplier ?? "").trim(),
    field: "supplierAccount",
    account: String(from.account ?? "").trim(),
    category,
    source: learntSource({ sheet, row: from.row, description: String(from.description ?? "") }, language),
  };
}

/** The group a line belongs to: its supplier and account as a learnt rule compares them. */
function groupKey(supplier: string, account: string): string {
  return `${supplier}\u0000${account}`;
}

/**
 * One offer per group of lines (same supplier, same account) where a Handmatig code was typed and a
 * rule would change at least one other line, or would be kept from it by an earlier rule. Groups
 * without a supplier are left out: a rule for every supplier-less line of an account is far broader
 * than the correction. Offers come largest change first (by amount).
 */
export function learnOffers(input: LearnInput, language: Language = "nl"): LearnOffer[] {
  const { lines, manual } = input;
  if (manual.size === 0 || lines.length === 0) return [];
  const keys = input.keys ?? lineKeys(lines);
  // Suppliers and accounts repeat: each distinct text is folded once.
  const folded = new Map<string, string>();
  const same = (x: unknown) => {
    const s = typeof x === "string" ? x : x === null || x === undefined ? "" : String(x);
    let f = folded.get(s);
    if (f === undefined) folded.set(s, (f = sameText(s)));
    return f;
  };
  const groupOf = (i: number): string | null => {
    const supplier = same(lines[i].supplier);
    return supplier === "" ? null : groupKey(supplier, same(lines[i].account));
  };

  // 1. The groups where something was typed, with the lines typed on.
  const typed = new Map<string, number[]>();
  const codes: (CategoryCode | null)[] = lines.map((_, i) => {
    const m = manual.get(keys[i]);
    return m === undefined ? null : parseCategory(m);
  });
  codes.forEach((code, i) => {
    if (!code) return;
    const g = groupOf(i);
    if (g === null) return;
    const list = typed.get(g);
    if (list) list.push(i);
    else typed.set(g, [i]);
  });
  if (typed.size === 0) return [];

  // 2. Every line of those groups.
  const members = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const g = groupOf(i);
    if (g === null || !typed.has(g)) continue;
    const list = members.get(g);
    if (list) list.push(i);
    else members.set(g, [i]);
  }

  // 3. The rules as they would be after learning: the user's, then one learnt rule per group (groups
  //    are disjoint, so one categoriser answers for all of them).
  const view = (i: number): LearnLine => ({
    sheet: input.sheets[i] ?? "",
    row: lines[i].row,
    description: String(lines[i].description ?? ""),
    amount: lines[i].amount,
    category: input.categories[i],
  });
  const candidates = new Map<string, { rule: UserRule; first: number; disagreement?: Bilingual }>();
  for (const [g, at] of typed) {
    const first = at[0];
    const code = codes[first]!;
    const others = at.filter((i) => codes[i] !== code);
    const rule = learntRule(lines[first], input.sheets[first] ?? "", code, language);
    if (others.length === 0) {
      candidates.set(g, { rule, first });
      continue;
    }
    const shown = [first, ...others].map((i) => `${lines[i].row}: ${codes[i]}`).join(", ");
    candidates.set(g, {
      rule,
      first,
      disagreement: {
        nl: `Regels met dezelfde leverancier en grootboekrekening hebben verschillende handmatige codes (rij ${shown}): er is niets geleerd.`,
        en: `Lines with the same supplier and account carry different manual codes (row ${shown}): nothing was learnt.`,
      },
    });
  }
  const learnt = [...candidates.values()].filter((c) => !c.disagreement).map((c) => c.rule);
  const after = compileCategoriser([...input.rules, ...learnt]);

  const offers: LearnOffer[] = [];
  for (const [g, { rule, first, disagreement }] of candidates) {
    const offer: LearnOffer = {
      supplier: rule.pattern,
      account: rule.account ?? "",
      category: rule.category,
      from: view(first),
      rule: null,
      changes: [],
      manual: [],
      conflicts: [],
    };
    if (disagreement) {
      offer.disagreement = disagreement;
      offer.manual = typed
        .get(g)!
        .filter((i) => i !== first)
        .map(view);
      offers.push(offer);
      continue;
    }
    for (const i of members.get(g) ?? []) {
      if (i === first) continue;
      if (codes[i]) {
        offer.manual.push(view(i));
        continue;
      }
      const now = input.categories[i];
      const c = after.classify(lines[i]);
      if (c.category === rule.category) {
        if (now !== rule.category) offer.changes.push(view(i));
      } else {
        offer.conflicts.push({ ...view(i), rule: c.rule });
      }
    }
    if (offer.changes.length > 0) offer.rule = rule;
    if (offer.changes.length > 0 || offer.conflicts.length > 0) offers.push(offer);
  }
  const weight = (o: LearnOffer) => o.changes.reduce((s, l) => s + Math.abs(l.amount), 0);
  return offers.sort((a, b) => weight(b) - weight(a) || a.from.row - b.from.row);
}
