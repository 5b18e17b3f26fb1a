/**
 * The 100,000-line ledger: rebuildAll moves its data in payload blocks filled to at least half the 5 MB
 * limit (the last one of a read or a write excepted), never more than the limit, plus a fixed few small
 * syncs. Counts only; the time goes into scripts/bench/excel.js.
 *
 * The small syncs, named (see the report in scripts/bench/excel.js):
 *   read.ts: sheet/table list, extents, the small Kerngegevens chunk (packed alone), the last ledger chunk;
 *   manual categories (rebuild only): table header and extent, the Handmatig column, the typed rows' keys;
 *   render.ts: workbook inspection, clearing the reused sheets (rebuild only), the small blocks it flushes
 *   before the first full write block.
 */
import { createWorkflows } from "../../src/excel/workflows";
import { largeLedgerWorkbook, syncBudget } from "./workflows.scale-fixture";

const LINES = 100_000;
const LIMIT = 5 * 1024 * 1024;

describe("rebuildAll on a 100,000-line ledger", () => {
  it("stays within the sync and payload bounds, first run and rebuild with a manual category", async () => {
    const fake = largeLedgerWorkbook(LINES);
    const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });

    const first = await syncBudget(fake.stats, () => wf.rebuildAll({ language: "nl" })).run();
    expect(first.result.ok).toBe(true);
    expect(first.result.summary.nl).toMatch(new RegExp(`^${LINES} regels gecategoriseerd`));
    expect(first.maxRequest).toBeLessThanOrEqual(LIMIT);
    expect(first.maxResponse).toBeLessThanOrEqual(LIMIT);
    expect(first.syncs - first.blocks).toBeLessThanOrEqual(6);
    // At least 40 MB out and 12 MB in: blocks, not one sync per few thousand rows.
    expect(first.blocks).toBeLessThanOrEqual(Math.ceil((first.bytesWritten + first.bytesRead) / (LIMIT / 2)));
    expect(first.blocks).toBeGreaterThanOrEqual(10);

    const cat = fake.workbook.sheetByName("ICT-categorisatie")!;
    cat.touch(4, 12).value = "SW.KA";
    fake.workbook.changed();
    const second = await syncBudget(fake.stats, () => wf.rebuildAll({ language: "nl" })).run();
    expect(second.result.ok).toBe(true);
    expect(second.maxRequest).toBeLessThanOrEqual(LIMIT);
    expect(second.maxResponse).toBeLessThanOrEqual(LIMIT);
    expect(second.syncs - second.blocks).toBeLessThanOrEqual(10);
    // The categorisation sheet is not read back whole: only its Handmatig column and one key.
    expect(second.bytesRead - first.bytesRead).toBeLessThan(1024 * 1024);
    expect(cat.cell(4, 12)?.value).toBe("SW.KA");
    expect(cat.cell(4, 13)?.value).toBeUndefined(); // Definitief is a formula
    expect(cat.cell(4, 13)?.formula).toBe('=IF(M5="",H5,M5)');
  }, 600_000);
});
