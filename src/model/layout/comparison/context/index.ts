/**
 * The context the report gives beside the KPIs (issue 12), below everything else on ICT-vergelijking:
 * size class, project time per theme, cost per employee / workplace, and the multi-year estimate, drawn
 * from contextFigures() (the core's values, cached under the live formulas). Each block starts two rows
 * below the one before it, so the sections never depend on fixed rows.
 */
import { contextFigures } from "../../../context/figures";
import { parseCellAddress } from "../../a1";
import { Block } from "../../types";
import { ComparisonSheet } from "../rows";
import { indexationBlocks } from "./indexation";
import { perEmployeeBlocks } from "./perEmployee";
import { projectTimeBlocks } from "./projectTime";
import { sizeClassBlocks } from "./sizeClass";
import { ComparisonContext } from "./types";

export type { ComparisonContext } from "./types";

/** The last row the blocks write (1-based); 0 for none. */
export function lastRowOf(blocks: readonly Block[]): number {
  let last = 0;
  for (const b of blocks) last = Math.max(last, parseCellAddress(b.at).row + b.cells.length - 1);
  return last;
}

export function contextBlocks(s: ComparisonSheet, ctx: ComparisonContext, firstRow: number): Block[] {
  const figures = ctx.figures ?? contextFigures(s.comparison, s.keyFigures, s.edition, ctx.cbsSizeClass);
  const sections = [
    (row: number) => sizeClassBlocks(s, figures, row),
    (row: number) => projectTimeBlocks(s, ctx, figures, row),
    (row: number) => perEmployeeBlocks(s, ctx, figures, row),
    (row: number) => indexationBlocks(s, figures, row),
  ];
  const out: Block[] = [];
  let row = firstRow;
  for (const section of sections) {
    const blocks = section(row);
    if (blocks.length === 0) continue;
    out.push(...blocks);
    row = lastRowOf(blocks) + 2;
  }
  return out;
}
