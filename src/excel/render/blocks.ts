/**
 * A block of cells, sent in row chunks that fill the current batch: values and formulas first,
 * then the number formats of the same rows, and the block's style over its whole range. A single
 * row over the payload limit is refused.
 */
import { Block, blockRows } from "../../model/layout/types";
import { parseCell, rangeAddress } from "../address";
import { rowJsonSize } from "../payload";
import { Batcher, OP_BYTES } from "./batcher";
import { numberFormatRuns, STYLES, toCellInput } from "./cells";

/**
 * One block: its cells as `formulas` (formulas as such, text with an apostrophe), then number
 * formats per run of formatted columns, cut into row chunks under the payload target.
 */
export async function writeBlock(
  batcher: Batcher,
  sheet: Excel.Worksheet,
  block: Block,
  limit: number,
): Promise<void> {
  // A lazy body (the categorisation's) is made row by row into what is sent, never held as cells too.
  const rows = blockRows(block);
  const width = rows.width;
  if (rows.count === 0 || width === 0) return;
  const at = parseCell(block.at);
  const inputs = Array.from({ length: rows.count }, (_, i) => {
    const row = rows.row(i);
    return Array.from({ length: width }, (_, c) => toCellInput(row[c] ?? null));
  });
  const formatRuns = numberFormatRuns(block.numberFormats ?? [], width);
  const formatRowBytes = formatRuns.reduce((s, r) => s + rowJsonSize(r.formats) + 2, 0);
  const sizes = inputs.map((row) => rowJsonSize(row) + formatRowBytes + 1);
  const overhead = OP_BYTES * (2 + formatRuns.length);
  // Each chunk fills what is left of the current batch (after a title, a header, the clearing of a reused
  // sheet…), so small writes never take a sync of their own ahead of a full block.
  for (let start = 0; start < sizes.length;) {
    let end = start;
    let bytes = 1;
    while (end < sizes.length && bytes + sizes[end] + overhead <= batcher.room) bytes += sizes[end++];
    if (end === start) {
      if (!batcher.empty) {
        await batcher.flush();
        continue;
      }
      if (sizes[start] + 2 + overhead > limit)
        throw new Error(`Row ${start + 1} alone is larger than the payload limit (${sizes[start]} bytes).`);
      end = start + 1;
      bytes += sizes[start];
    }
    const first = start;
    const rows = inputs.slice(first, end);
    await batcher.add(bytes + overhead - OP_BYTES, () => {
      const range = sheet.getRangeByIndexes(at.row + first, at.col, rows.length, width);
      range.formulas = rows;
      for (const run of formatRuns) {
        const part = sheet.getRangeByIndexes(
          at.row + first,
          at.col + run.start,
          rows.length,
          run.formats.length,
        );
        part.numberFormat = rows.map(() => run.formats);
      }
    });
    start = end;
  }
  if (block.style && block.style !== "body") {
    const style = STYLES[block.style];
    await batcher.add(0, () =>
      style(sheet.getRange(rangeAddress(at.row, at.col, inputs.length, width)).format),
    );
  }
}
