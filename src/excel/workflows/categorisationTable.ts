/**
 * The add-in's own categorisation sheet and its table, for the workflows that filter it ("Niet-ingedeelde
 * regels", "Toon regels"): found by the worksheet id the add-in recorded, never by name, so a user's sheet
 * called ICT-categorisatie is never filtered.
 */
import { Bilingual } from "../../model/types";
import { readOwnedSheets } from "../ownership";
import { b, WorkflowEnv, WorkflowError } from "./run";

/** One sync: the sheet (name and protection loaded) and its table, or `missing` as the user's message. */
export async function categorisationTable(
  context: Excel.RequestContext,
  env: WorkflowEnv,
  missing: Bilingual,
): Promise<{ sheet: Excel.Worksheet; table: Excel.Table }> {
  const id = readOwnedSheets(env.settings).find((o) => o.role === "categorisation")?.id;
  const sheets = context.workbook.worksheets.load("items/id,items/name,items/protection/protected");
  const tables = context.workbook.tables.load("items/name,items/worksheet/id");
  await context.sync();
  const sheet = sheets.items.find((s) => s.id === id);
  const table = tables.items.find((t) => t.worksheet.id === id);
  if (!sheet || !table) throw new WorkflowError(missing);
  return { sheet, table };
}

/** Filtering needs an unprotected sheet: say so rather than let Excel refuse with its own error. */
export function refuseIfProtected(sheet: Excel.Worksheet): void {
  if (!sheet.protection.protected) return;
  throw new WorkflowError(
    b(
      `Het blad '${sheet.name}' is beveiligd, zodat de add-in niet kan filteren. Hef de beveiliging op en probeer het opnieuw.`,
      `The sheet '${sheet.name}' is protected, so the add-in cannot filter it. Unprotect it and try again.`,
    ),
  );
}
