/**
 * The small workbooks the CBS tests run the pipeline over: key figures as the user typed them (often only
 * a municipality's name) beside a ledger of four ICT lines of 2023.
 */
import { PlainWorkbook } from "../../../src/model/pipeline";
import { Grid } from "../../../src/model/types";

export const LEDGER_2023: Grid = [
  ["Omschrijving", "Leverancier", "Bedrag", "Boekjaar"],
  ["Abonnement Microsoft 365 E5", "Microsoft Ireland Operations Ltd", 178920, 2023],
  ["Key2Financiën onderhoud en support", "Centric Netherlands BV", 52118.4, 2023],
  ["Inhuur projectleider ICT", "Yacht BV", 96000, 2023],
  ["Vervanging laptops", "Dell BV", 61000, 2023],
];

/** Kerngegevens and Grootboek as plain sheets, as both faces hand them to the pipeline. */
export function keyFiguresAndLedger(keyFigures: Grid, ledger: Grid = LEDGER_2023): PlainWorkbook {
  return {
    sheets: [
      { name: "Kerngegevens", values: keyFigures, firstRow: 0, firstColumn: 0 },
      { name: "Grootboek", values: ledger, firstRow: 0, firstColumn: 0 },
    ],
    tables: [],
  };
}
