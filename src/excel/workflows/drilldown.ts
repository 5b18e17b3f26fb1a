/**
 * "Toon regels" for a KPI: filter the ICT-categorisatie table to the lines behind it — the drill-down's
 * categories (Definitief), the comparison year (Jaar), and hired/own staff or SaaS where the KPI is about
 * those — with Office.js table column filters (Filter.applyValuesFilter / applyCustomFilter, ExcelApi 1.2), after
 * clearing the filters a previous click left. The core decides which lines (src/model/explain); this only
 * turns that into filters on the user's open table.
 */
import { KpiScope } from "../../model/explain/drilldown";
import { CATEGORISATION_WORDS } from "../../model/layout";
import { fold } from "../../model/text";
import { Bilingual, CategoryCode } from "../../model/types";
import { WorkflowOptions, WorkflowResult } from "../workflow-api";
import { categorisationTable, refuseIfProtected } from "./categorisationTable";
import { b, failure, WorkflowEnv, WorkflowError } from "./run";

/** What to show: from a comparison result's explanation (WorkflowResult.explanations). */
export interface LinesRequest {
  kpi: string;
  label: Bilingual;
  year: number;
  codes: CategoryCode[];
  scope: KpiScope;
}

/** Header names of the columns filtered, in both languages (the sheet may be in either). */
const HEADERS = {
  final: new Set(["definitief", "final"]),
  year: new Set(["jaar", "year"]),
  staffing: new Set(["personeel", "staffing"]),
  delivery: new Set(["levering", "delivery"]),
};

const NO_SHEET = b(
  "Er is nog geen categorisatieblad. Klik eerst op Vergelijken.",
  "There is no categorisation sheet yet. Click Compare first.",
);

/** Three syncs: the sheets and tables; the table's header; the filters, activation and selection. */
export async function selectKpiLines(
  env: WorkflowEnv,
  options: WorkflowOptions,
  request: LinesRequest,
): Promise<WorkflowResult> {
  try {
    return await env.run(async (context) => {
      options.onProgress?.({ step: b("Regels zoeken…", "Looking for the lines…") });
      const { sheet, table } = await categorisationTable(context, env, NO_SHEET);
      refuseIfProtected(sheet);
      const header = table.getHeaderRowRange().load("values");
      await context.sync();
      const names = (header.values[0] ?? []).map((v) => fold(String(v)));
      const column = (set: Set<string>) => names.findIndex((n) => set.has(n));
      const final = column(HEADERS.final);
      if (final < 0 || request.codes.length === 0) {
        throw new WorkflowError(
          request.codes.length === 0
            ? b(
                `Geen kostenregels achter ${request.label.nl} in ${request.year}.`,
                `No cost lines behind ${request.label.en} in ${request.year}.`,
              )
            : NO_SHEET,
        );
      }
      table.clearFilters();
      const filter = (index: number, values: string[]) => {
        if (index >= 0) table.columns.getItemAt(index).filter.applyValuesFilter(values);
      };
      filter(final, request.codes);
      filter(column(HEADERS.year), [String(request.year)]);
      // Hired staff shows "inhuur"; own staff is every other line, blank included (as the KPI counts it):
      // a custom "does not equal" filter, since a values filter cannot name blanks.
      const hired = CATEGORISATION_WORDS[names[final] === "definitief" ? "nl" : "en"].staffing.hired;
      const staffing = column(HEADERS.staffing);
      if (request.scope.staffing === "hired") filter(staffing, [hired]);
      if (request.scope.staffing === "own" && staffing >= 0)
        table.columns.getItemAt(staffing).filter.applyCustomFilter(`<>${hired}`);
      if (request.scope.delivery === "saas") filter(column(HEADERS.delivery), ["SaaS"]);
      sheet.activate();
      await context.sync();
      const codes = request.codes.join(", ");
      return {
        ok: true,
        summary: b(
          `De tabel op '${sheet.name}' toont nu de regels achter ${request.label.nl} (${request.year}: ${codes}). Wis de filters om alles weer te zien.`,
          `The table on '${sheet.name}' now shows the lines behind ${request.label.en} (${request.year}: ${codes}). Clear the filters to see everything again.`,
        ),
        issues: [],
        sheets: [sheet.name],
      };
    });
  } catch (e) {
    return failure(e);
  }
}
