/**
 * One sheet's layout, written in order: its blocks of cells, then its tables (with a free name),
 * charts, conditional formats, drop-down lists, column widths and frozen rows.
 */
import { ChartType } from "../../model/layout/types";
import { Batcher } from "./batcher";
import { writeBlock } from "./blocks";
import { columnWidthPoints, widthRuns } from "./cells";
import { Target } from "./sheets";

const CHART_TYPES: Record<ChartType, Excel.ChartType> = {
  columnClustered: "ColumnClustered" as Excel.ChartType,
  pie: "Pie" as Excel.ChartType,
  doughnut: "Doughnut" as Excel.ChartType,
  line: "Line" as Excel.ChartType,
};

const OPERATORS = { greaterThan: "GreaterThan", lessThan: "LessThan", between: "Between" } as const;

export async function writeLayout(
  batcher: Batcher,
  t: Target,
  limit: number,
  userTables: Set<string>,
): Promise<void> {
  const { layout, sheet } = t;
  for (const block of layout.blocks) await writeBlock(batcher, sheet, block, limit);
  for (const spec of layout.tables) {
    const name = uniqueTableName(spec.name, userTables);
    t.tableNames[spec.name] = name;
    await batcher.add(spec.range.length + name.length, () => {
      const table = sheet.tables.add(spec.range, true);
      table.name = name;
      table.style = spec.style ?? "TableStyleMedium2";
    });
  }
  for (const chart of layout.charts) {
    await batcher.add(chart.title.length * 3, () => {
      const c = sheet.charts.add(
        CHART_TYPES[chart.type],
        sheet.getRange(chart.data),
        chart.seriesBy === "rows" ? ("Rows" as Excel.ChartSeriesBy) : ("Columns" as Excel.ChartSeriesBy),
      );
      c.title.text = chart.title;
      c.setPosition(chart.from, chart.to);
    });
  }
  for (const cf of layout.conditionalFormats) {
    await batcher.add(cf.formula1.length + (cf.formula2?.length ?? 0), () => {
      const format = sheet
        .getRange(cf.range)
        .conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
      format.cellValue.format.fill.color = cf.fill;
      format.cellValue.format.font.color = cf.fontColor;
      const rule: Excel.ConditionalCellValueRule = {
        formula1: cf.formula1,
        operator: OPERATORS[cf.operator],
      };
      if (cf.formula2 !== undefined) rule.formula2 = cf.formula2;
      format.cellValue.rule = rule;
    });
  }
  for (const v of layout.validations) await addValidation(batcher, sheet, v.range, v.list, v.prompt);
  for (const [start, count, chars] of widthRuns(layout.columnWidths ?? [])) {
    await batcher.add(
      0,
      () => (sheet.getRangeByIndexes(0, start, 1, count).format.columnWidth = columnWidthPoints(chars)),
    );
  }
  if (layout.freezeRows) await batcher.add(0, () => sheet.freezePanes.freezeRows(layout.freezeRows));
}

function uniqueTableName(desired: string, taken: Set<string>): string {
  let name = desired;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${desired}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Excel's list source is one comma-separated string of at most 255 characters. */
async function addValidation(
  batcher: Batcher,
  sheet: Excel.Worksheet,
  range: string,
  list: string[],
  prompt?: string,
): Promise<void> {
  const source = list.join(",");
  if (list.some((x) => x.includes(",")) || source.length > 255) {
    throw new Error(
      `Validation list for ${range} cannot be written as a list source (commas or over 255 characters).`,
    );
  }
  await batcher.add(source.length + (prompt?.length ?? 0), () => {
    const dv = sheet.getRange(range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source } };
    if (prompt) dv.prompt = { showPrompt: true, message: prompt, title: "" };
  });
}
