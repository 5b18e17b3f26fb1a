/**
 * What the report says beside its numbers, the same in every face: the reconciliation of each ledger
 * source (never a KPI without it) and where key figures came from (CBS, with year and source). Bilingual
 * lines for the pane and the CLI; a block appended to the comparison sheet's layout.
 */
import { Block, SheetLayout } from "../layout/types";
import { parseCellAddress } from "../layout/a1";
import { Reconciliation, reconciliationLines } from "../reconciliation";
import { Bilingual, Language } from "../types";
import { CbsOutcome } from "./cbs";

/** The worst status over the sources: "differs" (show in red) before "warning" before "ok". */
export type ReconciliationStatus = Reconciliation["status"];

export interface ReconciliationNote {
  status: ReconciliationStatus;
  lines: Bilingual[];
}

/** The reconciliations as bilingual lines (the text is built per language, line for line). */
export function reconciliationNote(recs: readonly Reconciliation[]): ReconciliationNote {
  const nl = reconciliationLines(recs, "nl");
  const en = reconciliationLines(recs, "en");
  const order: ReconciliationStatus[] = ["ok", "warning", "differs"];
  const status = recs.reduce<ReconciliationStatus>(
    (worst, r) => (order.indexOf(r.status) > order.indexOf(worst) ? r.status : worst),
    "ok",
  );
  return { status, lines: nl.map((line, i) => ({ nl: line, en: en[i] ?? line })) };
}

const SOURCE_WORDS = {
  inhabitants: { nl: "Inwoners", en: "Inhabitants" },
  budget: { nl: "Totale begroting", en: "Total budget" },
};

/** Which key figures CBS filled (value, year, source) and what it could not, as bilingual lines. */
export function cbsNoteLines(cbs: CbsOutcome | undefined): Bilingual[] {
  if (!cbs) return [];
  const out: Bilingual[] = [];
  for (const field of ["inhabitants", "budget"] as const) {
    const used = cbs.used[field];
    if (!used) continue;
    const w = SOURCE_WORDS[field];
    out.push({
      nl: `${w.nl}: CBS ${used.year} (${used.source}; CC BY 4.0)`,
      en: `${w.en}: CBS ${used.year} (${used.source}; CC BY 4.0)`,
    });
  }
  for (const [year, used] of Object.entries(cbs.used.inhabitantsByYear ?? {}))
    out.push({
      nl: `Inwoners ${year} (trend): CBS ${used.year} (${used.source}; CC BY 4.0)`,
      en: `Inhabitants ${year} (trend): CBS ${used.year} (${used.source}; CC BY 4.0)`,
    });
  return [...out, ...cbs.notes];
}

const TITLES = {
  reconciliation: { nl: "Aansluiting met het grootboek", en: "Reconciliation with the ledger" },
  sources: { nl: "Bronnen van de kerngegevens", en: "Sources of the key figures" },
};

/** The last row a layout writes (1-based). */
export function lastRow(layout: SheetLayout): number {
  let last = 0;
  for (const b of layout.blocks) last = Math.max(last, parseCellAddress(b.at).row + b.cells.length - 1);
  return last;
}

/**
 * The comparison layout with the reconciliation (and the key figures' sources) below everything it
 * writes: the sheet carries its own evidence that the money read is the money in the ledger.
 */
export function withReportNotes(
  layout: SheetLayout,
  reconciliation: ReconciliationNote,
  sources: Bilingual[],
  language: Language,
): SheetLayout {
  let row = lastRow(layout) + 2;
  const blocks: Block[] = [];
  const add = (title: Bilingual, lines: Bilingual[], style: Block["style"]) => {
    if (lines.length === 0) return;
    blocks.push({ at: `A${row}`, cells: [[title[language]]], style: "subtitle" });
    blocks.push({ at: `A${row + 1}`, cells: lines.map((l) => [l[language]]), style });
    row += lines.length + 2;
  };
  add(TITLES.reconciliation, reconciliation.lines, reconciliation.status === "ok" ? "note" : "warning");
  add(TITLES.sources, sources, "note");
  return { ...layout, blocks: [...layout.blocks, ...blocks] };
}
