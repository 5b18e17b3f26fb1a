/**
 * Writing the add-in's output sheets: the names they will get (predicted before writing, because the
 * sheets' formulas refer to each other by name) and one render of all of them (render.ts).
 */
import { OUTPUT_SHEETS, OutputRole, SheetLayout } from "../../model/layout";
import { pickSheetName } from "../ownership";
import { SheetData, WorkbookData, WorkbookInventory } from "../read";
import { renderLayouts, RenderResult } from "../render";
import { WorkflowOptions } from "../workflow-api";
import { progress, STEPS, WorkflowEnv } from "./run";

/** Names the renderer will use, predicted with the same rule (pickSheetName in layout order). */
export class Names {
  private taken: Set<string>;
  constructor(private data: WorkbookData) {
    this.taken = new Set(data.sheets.map((s) => s.name));
  }
  owned(role: OutputRole): SheetData | undefined {
    return this.data.sheets.find((s) => s.role === role);
  }
  pick(role: OutputRole, options: WorkflowOptions): string {
    const chosen = options.sheetNames as Partial<Record<OutputRole, string>> | undefined;
    const desired = chosen?.[role] ?? OUTPUT_SHEETS[role].name[options.language];
    const own = this.owned(role);
    const name = pickSheetName(desired, this.taken, own ? [own.name] : []);
    this.taken.add(name);
    return name;
  }
}

/** Renders the layouts in one go and checks every sheet got the name its formulas were written for. */
export async function render(
  context: Excel.RequestContext,
  env: WorkflowEnv,
  layouts: SheetLayout[],
  options: WorkflowOptions,
  inventory?: WorkbookInventory,
): Promise<RenderResult[]> {
  progress(options, STEPS.write, 0.7);
  const results = await renderLayouts(context, layouts, {
    settings: env.settings,
    activate: true,
    ...(inventory ? { inventory } : {}),
    ...(env.payloadLimit ? { payloadLimit: env.payloadLimit } : {}),
  });
  results.forEach((r, i) => {
    if (r.sheetName !== layouts[i].name) {
      throw new Error(
        `Sheet '${layouts[i].name}' was written as '${r.sheetName}': formulas would point elsewhere.`,
      );
    }
  });
  return results;
}
