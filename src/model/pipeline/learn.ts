/**
 * The learning step of the pipeline, the same for both faces: from the inputs (lines, manual codes,
 * the user's rules) and their categorisation to the offers of learnt rules (src/model/learn), and from
 * the rules the controller accepted to the cells to write on the Regels sheet. After writing, a face
 * runs the pipeline again: the rules are then read back like any rule the controller typed.
 */
import { learnOffers, LearnOffer, learntRulesEdit, RulesEdit } from "../learn";
import { Language, UserRule } from "../types";
import { Inputs } from "./findInputs";
import { Categorised } from "./report";

/** The offers for the manual codes of `inputs`: what a learnt rule per supplier and account would change. */
export function learningOffers(inputs: Inputs, categorised: Categorised, language: Language): LearnOffer[] {
  if (inputs.manual.size === 0) return [];
  const sheets: string[] = [];
  for (const s of inputs.sources)
    for (let i = 0; i < s.read.lines.length; i++) sheets.push(s.place.sheet.name);
  return learnOffers(
    {
      lines: inputs.read.lines,
      sheets,
      categories: categorised.counted.map((l) => l.category),
      manual: inputs.manual,
      rules: inputs.rules,
      ...(categorised.keys ? { keys: categorised.keys } : {}),
    },
    language,
  );
}

/** The rules of the offers to keep (those that change something), in the offers' order. */
export function acceptedRules(offers: readonly LearnOffer[]): UserRule[] {
  return offers.flatMap((o) => (o.rule ? [o.rule] : []));
}

/** Where `rules` go on the workbook of `inputs` (never the ledger's sheet, never an output sheet). */
export function rulesEditFor(inputs: Inputs, rules: readonly UserRule[], language: Language): RulesEdit {
  return learntRulesEdit(inputs.book, inputs.ledger.sheet.name, rules, language);
}
