/**
 * Small workflows on the active workbook: show the unclassified lines of the categorisation sheet
 * (filter its table on Definitief = XX.OO and select the first one) and put a formula in the active cell.
 */
import { formatEuro } from "../../model/format";
import { parseAmount } from "../../model/amount";
import { fold } from "../../model/text";
import { categorisationTable, refuseIfProtected } from "./categorisationTable";
import { WorkflowOptions, WorkflowResult } from "../workflow-api";
import { b, failure, WorkflowEnv, WorkflowError } from "./run";

const FINAL = new Set(["definitief", "final"]);
const AMOUNT = new Set(["bedrag", "amount"]);

const NO_SHEET = b(
  "Er is nog geen categorisatieblad. Klik eerst op Categoriseren.",
  "There is no categorisation sheet yet. Click Categorise first.",
);

/**
 * Four small syncs: the sheets and tables; the table's header and extent; its Definitief and Bedrag
 * columns; then the filter, the selection and the activation.
 */
export async function selectUnclassified(
  env: WorkflowEnv,
  options: WorkflowOptions,
): Promise<WorkflowResult> {
  try {
    return await env.run(async (context) => {
      options.onProgress?.({ step: b("Niet-ingedeelde regels zoeken…", "Looking for unclassified lines…") });
      const { sheet, table } = await categorisationTable(context, env, NO_SHEET);
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      const names = (header.values[0] ?? []).map((v) => fold(String(v)));
      const finalCol = names.findIndex((n) => FINAL.has(n));
      const amountCol = names.findIndex((n) => AMOUNT.has(n));
      if (finalCol < 0) throw new WorkflowError(NO_SHEET);
      const finals = body.getColumn(finalCol).load("values");
      const amounts = amountCol >= 0 ? body.getColumn(amountCol).load("values") : undefined;
      await context.sync();
      let lines = 0;
      let amount = 0;
      let first = -1;
      finals.values.forEach((row, i) => {
        if (row[0] !== "XX.OO") return;
        lines++;
        amount += parseAmount(amounts?.values[i]?.[0]) ?? 0;
        if (first < 0) first = i;
      });
      const name = sheet.name;
      if (lines === 0) {
        table.clearFilters();
        sheet.activate();
        await context.sync();
        return {
          ok: true,
          summary: b(`Alle regels op '${name}' zijn ingedeeld.`, `Every line on '${name}' is classified.`),
          issues: [],
          sheets: [],
          unclassified: { lines: 0, amount: 0 },
        };
      }
      refuseIfProtected(sheet);
      table.columns.getItemAt(finalCol).filter.applyValuesFilter(["XX.OO"]);
      sheet.activate();
      sheet.getRangeByIndexes(body.rowIndex + first, body.columnIndex, 1, body.columnCount).select();
      await context.sync();
      const nl = `${lines} ${lines === 1 ? "regel" : "regels"} (${formatEuro(Math.round(amount), "nl")}) nog niet ingedeeld: de tabel op '${name}' toont nu alleen die regels. Typ een code in de kolom Handmatig; wis het filter om alles weer te zien.`;
      const en = `${lines} ${lines === 1 ? "line" : "lines"} (${formatEuro(Math.round(amount), "en")}) not yet classified: the table on '${name}' now shows only those. Type a code in the Manual column; clear the filter to see everything again.`;
      return { ok: true, summary: b(nl, en), issues: [], sheets: [name], unclassified: { lines, amount } };
    });
  } catch (e) {
    return failure(e);
  }
}

/**
 * Puts a formula in the active cell (the top-left cell of the selection). Throws a WorkflowError with
 * words for the user when Excel refuses (a protected sheet, a cell being edited).
 */
export async function insertFormula(env: WorkflowEnv, formula: string): Promise<void> {
  const text = formula.trim().startsWith("=") ? formula.trim() : `=${formula.trim()}`;
  try {
    await env.run(async (context) => {
      const cell = context.workbook.getSelectedRange().getCell(0, 0);
      cell.formulas = [[text]];
      await context.sync();
    });
  } catch (e) {
    const result = failure(e);
    throw new WorkflowError(
      result.error ?? b("De formule kon niet worden ingevoegd.", "The formula could not be inserted."),
    );
  }
}
