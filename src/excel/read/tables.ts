/**
 * The tables and the selection of a read: table values cut from the sheet grids already read (never
 * loaded twice), and the selected range when it is one range.
 */
import { Box, EXTENT, Plan } from "./extents";
import { SelectionData, TableData } from "./types";

export function cutTables(
  plans: Plan[],
  tables: Excel.Table[],
  tableBoxes: Map<Excel.Table, Box>,
): TableData[] {
  const out: TableData[] = [];
  for (const t of tables) {
    const plan = plans.find((p) => p.data.id === t.worksheet.id);
    const box = tableBoxes.get(t);
    const read = plan?.box;
    // A table outside what was read (only on a sheet over the cap) is left out, never cut short.
    if (
      !plan ||
      !box ||
      !read ||
      box.r0 < read.r0 ||
      box.c0 < read.c0 ||
      box.r1 > read.r1 ||
      box.c1 > read.c1
    )
      continue;
    const { firstRow, firstColumn } = plan.data;
    const values = plan.data.values
      .slice(box.r0 - firstRow, box.r1 - firstRow + 1)
      .map((row) => row.slice(box.c0 - firstColumn, box.c1 - firstColumn + 1));
    out.push({ name: t.name, sheet: plan.data.name, values, firstRow: box.r0, firstColumn: box.c0 });
  }
  return out;
}

export async function readSelection(context: Excel.RequestContext): Promise<SelectionData | undefined> {
  const range = context.workbook.getSelectedRange().load(`address,${EXTENT}`);
  range.worksheet.load("name");
  try {
    await context.sync();
  } catch {
    return undefined; // a chart or several areas are selected: no single range to offer
  }
  return {
    sheet: range.worksheet.name,
    address: range.address,
    firstRow: range.rowIndex,
    firstColumn: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  };
}
