/**
 * The input sheets the add-in offers to create: Kerngegevens (key figures), Grootboek (ledger) and
 * Regels (the user's own rules), empty with a few examples, or filled with the fictitious sample
 * municipality. Their headers are the ones the readers recognise (see the workbook contract).
 * The sheets live in src/model/layout/templates/: keyFiguresSheet, ledgerSheet, rulesSheet (and names).
 */
import { sampleMunicipality } from "../sample/municipality";
import { Language } from "../types";
import { LayoutCell, SheetLayout } from "./types";
import { addYearTable, keyFiguresSheet } from "./templates/keyFiguresSheet";
import { EXAMPLE_LINES, ledgerSheet } from "./templates/ledgerSheet";
import { rulesSheet } from "./templates/rulesSheet";

export { keyFigureRefs } from "./templates/keyFiguresSheet";
export { TEMPLATE_SHEETS } from "./templates/names";
export { RULE_FIELD_WORDS } from "./templates/rulesSheet";

/** The three empty input sheets (with a few example rows), in the sheet language. */
export function templateLayouts(language: Language): SheetLayout[] {
  return [
    keyFiguresSheet(language, "template-keyfigures", {}),
    ledgerSheet(language, "template-ledger", EXAMPLE_LINES[language]),
    rulesSheet(language),
  ];
}

/**
 * The two input sheets filled with the fictitious municipality of ../sample.ts: Kerngegevens with the
 * municipality and, below the label/value pairs of the latest year, a table with one row per book year;
 * Grootboek with every line of every year (no categories: the rules decide).
 */
export function sampleLayouts(language: Language): SheetLayout[] {
  const sample = sampleMunicipality();
  const years = [...sample.keyFigures].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const latest = years[years.length - 1];
  const keyFigures = keyFiguresSheet(language, "sample-keyfigures", { ...latest, municipality: sample.name });
  addYearTable(keyFigures, years, language);
  const rows: LayoutCell[][] = sample.ledger.map((l) => [
    l.description,
    l.supplier,
    l.account,
    l.costCentre,
    l.year,
    l.amount,
    l.fte ?? "",
    "",
  ]);
  return [keyFigures, ledgerSheet(language, "sample-ledger", rows)];
}
