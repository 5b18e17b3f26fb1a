/**
 * The categorisation sheet: every ledger line with the category the rules give it and, where the user
 * typed one, their manual category. A comparison or trend reuses the sheet as it is when nothing changed
 * since the add-in wrote it, so the user's sheet is not rewritten for nothing.
 */
import { classifyLedger, compileCategoriser } from "../../model/categorise";
import { SheetLayout } from "../../model/layout";
import { CategorisedLine } from "../../model/types";
import { WorkflowOptions } from "../workflow-api";
import { Inputs } from "./reading";
import { WorkflowEnv } from "./run";
import { isUnchanged } from "./state";
import { Names } from "./writing";

interface Classified {
  /** The rules' categories: the Categorie column of the categorisation sheet. */
  ruled: CategorisedLine[];
  /** With the manual categories applied: what every sum counts. */
  counted: CategorisedLine[];
}

/** Classifies the ledger once by the rules and, only when there are manual categories, once with them. */
export function classify(inputs: Inputs): Classified {
  const categoriser = compileCategoriser(inputs.rules);
  const ruled = classifyLedger(inputs.read.lines, { categoriser });
  const counted =
    inputs.manual.size > 0
      ? classifyLedger(inputs.read.lines, { categoriser, manual: inputs.manual })
      : ruled;
  return { ruled, counted };
}

export interface CategorisationSheet {
  name: string;
  /** What to write; none when the sheet is unchanged and kept as it is. */
  layout?: SheetLayout;
}

/**
 * The categorisation sheet's name (picked first: the other sheets' formulas refer to it) and whether it
 * must be written. With "ifStale" an existing sheet that is unchanged since the add-in wrote it (same
 * lines, rules, manual choices) is kept and only the other sheets are written.
 */
export function planCategorisation(
  env: WorkflowEnv,
  names: Names,
  options: WorkflowOptions,
  when: "always" | "ifStale",
  layoutFor: (sheetName: string) => SheetLayout,
): CategorisationSheet {
  const existing = names.owned("categorisation");
  if (
    when === "ifStale" &&
    existing &&
    isUnchanged(env.settings, existing.id, () => layoutFor(existing.name))
  )
    return { name: existing.name };
  const name = names.pick("categorisation", options);
  return { name, layout: layoutFor(name) };
}
