/**
 * The 100,000-line ledger: rebuildAll (categorise + compare + trend) moves its data in payload blocks
 * filled to at least half the 5 MB limit, never more than the limit, plus at most 4 small syncs, on the
 * first run and on a rebuild that keeps a manual category. Counts only; the time goes into
 * scripts/bench/excel.js.
 *
 * Blocks are read chunks as well as write blocks: the limit applies to responses too, so the ~12 MB of
 * ledger values cannot come back in one sync; those read chunks grow with the data exactly as the write
 * blocks do, and are counted with them.
 *
 * The small syncs, named:
 *   read.ts: (1) the sheet and table list; (2) the extents of every sheet and table, which also carries
 *   the categorisation table's header (rebuild) and the charts of the add-in's sheets; the last values
 *   sync when the rest of the ledger does not fill half a block;
 *   render.ts: the last write block (tables, charts, formats).
 * The manual categories ride on the read's syncs (Handmatig column with the first values sync, the typed
 * rows' keys with the next), the workbook is not inspected again before the render, reused sheets are
 * cleared and titles/headers written inside the first full write block.
 */
import { createWorkflows } from "../../src/excel/workflows";
import { largeLedgerWorkbook, SyncCount, syncBudget, unexpectedSmallSyncs } from "./workflows.scale-fixture";

const LINES = 100_000;
const LIMIT = 5 * 1024 * 1024;

function expectBlocks(run: SyncCount): void {
  expect(run.result.ok).toBe(true);
  expect(run.maxRequest).toBeLessThanOrEqual(LIMIT);
  expect(run.maxResponse).toBeLessThanOrEqual(LIMIT);
  expect(run.smallSyncs).toBeLessThanOrEqual(4);
  // Every block at least half full, except the last read and the last write.
  expect(unexpectedSmallSyncs(run)).toEqual([]);
  expect(run.syncs).toBe(run.blocks + run.smallSyncs);
  // At least 40 MB out and 12 MB in: blocks, not one sync per few thousand rows.
  expect(run.writeBlocks).toBeLessThanOrEqual(Math.ceil(run.bytesWritten / (LIMIT / 2)));
  expect(run.readBlocks).toBeLessThanOrEqual(Math.ceil(run.bytesRead / (LIMIT / 2)));
  expect(run.writeBlocks).toBeGreaterThanOrEqual(8);
  expect(run.readBlocks).toBeGreaterThanOrEqual(3);
}

describe("rebuildAll on a 100,000-line ledger", () => {
  it("stays within the sync and payload bounds, first run and rebuild with a manual category", async () => {
    const fake = largeLedgerWorkbook(LINES);
    const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });

    const first = await syncBudget(fake.stats, () => wf.rebuildAll({ language: "nl" })).run();
    expectBlocks(first);
    expect(first.result.summary.nl).toMatch(new RegExp(`^${LINES} regels gecategoriseerd`));

    const cat = fake.workbook.sheetByName("ICT-categorisatie")!;
    cat.touch(4, 12).value = "SW.KA";
    fake.workbook.changed();
    const second = await syncBudget(fake.stats, () => wf.rebuildAll({ language: "nl" })).run();
    expectBlocks(second);
    // The manual category costs no sync of its own.
    expect(second.syncs).toBeLessThanOrEqual(first.syncs);
    // The categorisation sheet is not read back whole: only its Handmatig column and one key.
    expect(second.bytesRead - first.bytesRead).toBeLessThan(1024 * 1024);
    expect(cat.cell(4, 12)?.value).toBe("SW.KA");
    expect(cat.cell(4, 13)?.value).toBeUndefined(); // Definitief is a formula
    expect(cat.cell(4, 13)?.formula).toBe('=IF(M5="",H5,M5)');
  }, 600_000);

  it("a small workbook takes at most 4 syncs plus one write block, manual category included", async () => {
    const fake = largeLedgerWorkbook(200);
    const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });
    const first = await syncBudget(fake.stats, () => wf.rebuildAll({ language: "nl" })).run();
    expect(first.result.ok).toBe(true);
    expect(first.syncs).toBeLessThanOrEqual(4);
    const cat = fake.workbook.sheetByName("ICT-categorisatie")!;
    cat.touch(7, 12).value = "SW.KA";
    fake.workbook.changed();
    const second = await syncBudget(fake.stats, () => wf.rebuildAll({ language: "nl" })).run();
    expect(second.result.ok).toBe(true);
    expect(second.syncs).toBeLessThanOrEqual(5);
    expect(cat.cell(7, 12)?.value).toBe("SW.KA");
  });
});
