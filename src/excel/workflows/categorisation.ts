/**
 * The categorisation sheet: every ledger line with the category the rules give it and, where the user
 * typed one, their manual category. A comparison or trend reuses the sheet as it is when nothing changed
 * since the add-in wrote it, so the user's sheet is not rewritten for nothing.
 */
import { SheetLayout } from "../../model/layout";
import { WorkflowOptions } from "../workflow-api";
import { WorkflowEnv } from "./run";
import { isUnchanged } from "./state";
import { Names } from "./writing";

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
