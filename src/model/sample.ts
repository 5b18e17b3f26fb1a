/**
 * "Gemeente Voorbeeldrade": a fictitious municipality of about 62,000 inhabitants with two book
 * years (2022, 2023) of ICT ledger lines, for the add-in's "Voorbeeldgemeente" button, the CLI's
 * example workbook and tests. Pure and deterministic: a seeded PRNG, no clock, no Node.
 *
 * Amounts are chosen so the totals land near the ICT Benchmark Gemeenten 2023 (book year 2022):
 * about 106 €/inhabitant (software ≈ 36, personnel ≈ 53, infrastructure ≈ 17), a hired share of
 * about 30%; 2023 costs a few percent more. Every template line records the category a careful
 * controller would choose (`intendedCategory`); the ledger grid itself carries no category column.
 *
 * The data is in src/model/sample/data.ts, the code that builds the ledger and key figures in
 * municipality.ts, the workbook grids in grids.ts.
 */
export { SAMPLE_NAME, SAMPLE_YEARS, sampleMunicipality, seededRandom } from "./sample/municipality";
export type { SampleLedgerLine, SampleMunicipality } from "./sample/municipality";
export { SAMPLE_LEDGER_HEADER, sampleKeyFiguresGrid, sampleLedgerGrid } from "./sample/grids";
export type { SampleGridOptions } from "./sample/grids";
