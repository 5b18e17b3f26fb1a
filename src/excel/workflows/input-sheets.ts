/**
 * The input sheets: the empty input template (key figures, ledger, rules) and the sample municipality
 * Voorbeeldrade. They are the user's once created: made only under free names and not recorded as the
 * add-in's, so no later run clears or replaces them.
 */
import { sampleLayouts, SheetLayout, SheetRole, templateLayouts } from "../../model/layout";
import { Bilingual } from "../../model/types";
import { OwnedSheet, readOwnedSheets, saveOwnedSheets } from "../ownership";
import { WorkflowOptions, WorkflowResult } from "../workflow-api";
import { b, guarded, progress, STEPS, WorkflowEnv } from "./run";
import { render } from "./writing";

const INPUT_ROLES: ReadonlySet<SheetRole> = new Set<SheetRole>([
  "template-keyfigures",
  "template-ledger",
  "template-rules",
  "sample-keyfigures",
  "sample-ledger",
]);

/**
 * Writes input sheets once, under their own names only: when the workbook already has a sheet with one
 * of those names, nothing is written and the user is told (a "Grootboek (2)" beside their Grootboek would
 * leave two ledgers to choose from). The new sheets are then the user's: not recorded as the add-in's.
 */
async function insertInputSheets(
  env: WorkflowEnv,
  options: WorkflowOptions,
  layouts: SheetLayout[],
  done: Bilingual,
): Promise<WorkflowResult> {
  return guarded(env, async (context) => {
    progress(options, STEPS.read, 0);
    // What render.ts needs to see too, so it starts writing at once.
    const sheets = context.workbook.worksheets.load(
      "items/name,items/id,items/visibility,items/protection/protected",
    );
    const tables = context.workbook.tables.load("items/name,items/worksheet/id");
    await context.sync();
    const existing = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const clashes = layouts.map((l) => l.name).filter((n) => existing.has(n.toLowerCase()));
    if (clashes.length > 0) {
      const list = clashes.map((n) => `'${n}'`).join(", ");
      const error = b(
        `De werkmap heeft al ${clashes.length === 1 ? "een blad" : "bladen"} ${list}. De add-in overschrijft uw bladen niet: hernoem of verwijder ${clashes.length === 1 ? "dat blad" : "die bladen"}, of gebruik een nieuwe werkmap.`,
        `The workbook already has ${clashes.length === 1 ? "a sheet" : "sheets"} ${list}. The add-in does not overwrite your sheets: rename or delete ${clashes.length === 1 ? "it" : "them"}, or use a new workbook.`,
      );
      return { ok: false, summary: error, error, issues: [], sheets: [] };
    }
    const results = await render(context, env, layouts, options, {
      sheets: sheets.items,
      tables: tables.items,
    });
    // Hand the new sheets over to the user: no later rebuild may clear or replace them.
    const owned = readOwnedSheets(env.settings).filter((o: OwnedSheet) => !INPUT_ROLES.has(o.role));
    await saveOwnedSheets(env.settings, owned, new Set(owned.map((o) => o.id)));
    progress(options, STEPS.done, 1);
    return { ok: true, summary: done, issues: [], sheets: results.map((r) => r.sheetName) };
  });
}

export function insertTemplate(env: WorkflowEnv, options: WorkflowOptions): Promise<WorkflowResult> {
  const layouts = templateLayouts(options.language);
  const [k, l, r] = layouts.map((x) => x.name);
  return insertInputSheets(
    env,
    options,
    layouts,
    b(
      `Invoerbladen '${k}', '${l}' en '${r}' toegevoegd. Vul de gele cellen op '${k}' in en plak uw grootboek in de tabel op '${l}' (de voorbeeldregels mag u overschrijven).`,
      `Input sheets '${k}', '${l}' and '${r}' added. Fill in the yellow cells on '${k}' and paste your ledger into the table on '${l}' (overwrite the example lines).`,
    ),
  );
}

export function loadSampleMunicipality(env: WorkflowEnv, options: WorkflowOptions): Promise<WorkflowResult> {
  const layouts = sampleLayouts(options.language);
  return insertInputSheets(
    env,
    options,
    layouts,
    b(
      `Voorbeeldgemeente Voorbeeldrade geladen op '${layouts[0].name}' en '${layouts[1].name}' (twee boekjaren, fictieve cijfers). Klik op Categoriseren of Vergelijking maken.`,
      `Sample municipality Voorbeeldrade loaded on '${layouts[0].name}' and '${layouts[1].name}' (two book years, fictitious figures). Click Categorise or Make comparison.`,
    ),
  );
}
