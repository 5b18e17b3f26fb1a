/**
 * The user's own rules (Regels sheet), compiled once. A pattern is either words, matched as
 * consecutive whole words anywhere in the field ("Suite4 Sociaal"), or a wildcard pattern with
 * "*" matched against the whole field ("Centric*", "*laptop*"). Case and accents never matter.
 * A rule learnt from a correction (field "supplierAccount") matches supplier and account whole.
 */
import { fold } from "../text";
import { UserRule } from "../types";
import { LineText } from "./engine";
import { tokenise } from "./tokenise";

const FIELD_NL: Record<UserRule["field"], string> = {
  description: "omschrijving",
  supplier: "leverancier",
  account: "grootboek",
  any: "alle kolommen",
  supplierAccount: "leverancier + grootboekrekening",
};

/**
 * How a learnt rule compares supplier and account: whole, with case, accents and spacing aside. Both
 * faces and the learning step (learn.ts) use this one function, so they agree on what "the same" is.
 */
export function sameText(x: unknown): string {
  return fold(typeof x === "string" ? x : x === null || x === undefined ? "" : String(x));
}

/** Tokens and folded text of a line's columns, computed only when a user rule asks. */
export class LineView {
  private readonly words = new Map<keyof LineText, string[]>();
  private readonly folded = new Map<keyof LineText, string>();
  constructor(readonly text: LineText) {}
  wordsOf(field: keyof LineText): string[] {
    let w = this.words.get(field);
    if (!w) this.words.set(field, (w = tokenise(this.text[field])));
    return w;
  }
  foldedOf(field: keyof LineText): string {
    let f = this.folded.get(field);
    if (f === undefined) this.folded.set(field, (f = fold(this.text[field])));
    return f;
  }
}

export interface CompiledUserRule {
  rule: UserRule;
  /** Shown as the line's rule, e.g. "eigen regel 2: 'Centric*' (leverancier)". */
  name: string;
  matches(line: LineView): boolean;
  /** Words with a digit in its pattern: lines must keep them when digits are collapsed. */
  digitWords: string[];
  /**
   * Whether it reads the description's folded text ("*" patterns), punctuation and numbers
   * included, rather than only its words.
   */
  readsDescriptionText: boolean;
}

const FIELDS: (keyof LineText)[] = ["description", "supplier", "account"];

export function compileUserRules(rules: readonly UserRule[]): CompiledUserRule[] {
  return rules.flatMap((rule, i) => {
    if (rule.field === "supplierAccount") return compileLearnt(rule, i);
    const test = compilePattern(rule.pattern);
    if (!test) return [];
    const fields: (keyof LineText)[] = rule.field === "any" ? FIELDS : [rule.field];
    const wildcard = rule.pattern.includes("*");
    return [
      {
        rule,
        name: `eigen regel ${i + 1}: '${rule.pattern.trim()}' (${FIELD_NL[rule.field]})`,
        matches: (line: LineView) => fields.some((f) => test(line, f)),
        digitWords: wildcard ? [] : tokenise(rule.pattern).filter((w) => /[0-9]/.test(w)),
        readsDescriptionText: wildcard && fields.includes("description"),
      },
    ];
  });
}

/**
 * A learnt rule: the supplier and the account equal the rule's, whole. Its supplier may not be empty
 * (a rule for every line without a supplier on an account would be far broader than one correction).
 */
function compileLearnt(rule: UserRule, i: number): CompiledUserRule[] {
  const supplier = sameText(rule.pattern);
  const account = sameText(rule.account);
  if (supplier === "") return [];
  const shown = rule.account?.trim() ? ` + '${rule.account.trim()}'` : "";
  return [
    {
      rule,
      name: `eigen regel ${i + 1}: '${rule.pattern.trim()}'${shown} (${FIELD_NL.supplierAccount})`,
      matches: (line: LineView) =>
        line.foldedOf("supplier") === supplier && line.foldedOf("account") === account,
      digitWords: [],
      readsDescriptionText: false,
    },
  ];
}

type FieldTest = (line: LineView, field: keyof LineText) => boolean;

/** null for a pattern that could match nothing sensible (empty, or only "*"). */
function compilePattern(pattern: string): FieldTest | null {
  if (pattern.includes("*")) {
    const parts = fold(pattern).split("*");
    if (parts.every((p) => p.trim() === "")) return null;
    const re = new RegExp(`^${parts.map(escapeRegExp).join(".*")}$`, "s");
    return (line, field) => re.test(line.foldedOf(field));
  }
  const wanted = tokenise(pattern);
  if (wanted.length === 0) return null;
  return (line, field) => containsRun(line.wordsOf(field), wanted);
}

function containsRun(words: string[], wanted: string[]): boolean {
  outer: for (let i = 0; i + wanted.length <= words.length; i++) {
    for (let k = 0; k < wanted.length; k++) if (words[i + k] !== wanted[k]) continue outer;
    return true;
  }
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
