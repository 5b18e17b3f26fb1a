/**
 * Learning from corrections in the add-in: the rules the controller accepted in the pane are written on
 * the Regels sheet (the core says which cells: src/model/learn), then the workbook is categorised again
 * — the same read and pipeline as Categoriseren, so the new rules count exactly as the CLI's --learn
 * copy counts them. The Regels sheet is the user's: only empty cells below and beside their rules are
 * written; a missing one is created and stays theirs (never recorded as the add-in's).
 */
import {
  acceptedRules,
  categorise as categoriseLedger,
  learningOffers,
  rulesEditFor,
} from "../../model/pipeline";
import { sameText } from "../../model/categorise/userRules";
import { LearnOffer } from "../../model/learn";
import { InputChoice, LearnChoice, WorkflowOptions, WorkflowResult } from "../workflow-api";
import { toCellInput } from "../render/cells";
import { runPlan } from "./plan";
import { analyse, readAll } from "./reading";
import { b, guarded, progress, STEPS, WorkflowEnv, WorkflowError } from "./run";

const RULE_COLUMN_WIDTHS = [30, 18, 12, 12, 12, 24, 48];

function chosen(offer: LearnOffer, accepted: readonly LearnChoice[]): boolean {
  return accepted.some(
    (a) =>
      a.category === offer.category &&
      sameText(a.supplier) === sameText(offer.supplier) &&
      sameText(a.account) === sameText(offer.account),
  );
}

export function learnRules(
  env: WorkflowEnv,
  options: WorkflowOptions,
  accepted: LearnChoice[],
  choice?: InputChoice,
): Promise<WorkflowResult> {
  return guarded(env, async (context) => {
    progress(options, STEPS.read, 0);
    const { data, manual } = await readAll(context, env, choice);
    const inputs = analyse(data, choice, manual);
    // Afresh: the workbook may have changed since the pane showed the offer.
    const offers = learningOffers(inputs, categoriseLedger(inputs), options.language).filter((o) =>
      chosen(o, accepted),
    );
    const rules = acceptedRules(offers);
    if (rules.length === 0) {
      const summary = b(
        "Niets geleerd: deze regels gelden al, of een andere regel of Handmatig-code gaat voor. Klik Categoriseren om de stand te zien.",
        "Nothing learnt: these rules already hold, or another rule or Handmatig code comes first. Click Categorise to see where things stand.",
      );
      return { ok: true, summary, issues: [], sheets: [] };
    }
    const edit = rulesEditFor(inputs, rules, options.language);
    if (!edit.create && data.sheets.find((s) => s.name === edit.sheet)?.protected) {
      throw new WorkflowError(
        b(
          `Het blad '${edit.sheet}' is beveiligd: hef de beveiliging op om de regel te bewaren.`,
          `The sheet '${edit.sheet}' is protected: unprotect it to keep the rule.`,
        ),
      );
    }
    progress(options, STEPS.write, 0.2);
    const sheet = edit.create
      ? context.workbook.worksheets.add(edit.sheet)
      : context.workbook.worksheets.getItem(edit.sheet);
    for (const cell of edit.cells)
      sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).values = [[toCellInput(cell.value)]];
    if (edit.create) {
      sheet.getRangeByIndexes(0, 0, 1, RULE_COLUMN_WIDTHS.length).format.font.bold = true;
      RULE_COLUMN_WIDTHS.forEach((w, c) => {
        sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round((w * 7 + 5) * 0.75);
      });
    }
    await context.sync();
    const result = await runPlan(context, env, options, choice, {
      categorise: "always",
      refreshDependents: true,
    });
    const count = offers.reduce((n, o) => n + o.changes.length, 0);
    const learnt = b(
      `${rules.length === 1 ? "Regel" : `${rules.length} regels`} bewaard op het blad '${edit.sheet}' (${count} kostenregel${count === 1 ? "" : "s"} aangepast); elke herberekening houdt ${rules.length === 1 ? "hem" : "ze"} aan. `,
      `${rules.length === 1 ? "Rule" : `${rules.length} rules`} kept on the sheet '${edit.sheet}' (${count} cost line${count === 1 ? "" : "s"} changed); every rebuild honours ${rules.length === 1 ? "it" : "them"}. `,
    );
    return {
      ...result,
      summary: b(learnt.nl + result.summary.nl, learnt.en + result.summary.en),
      sheets: [edit.sheet, ...result.sheets],
    };
  });
}
