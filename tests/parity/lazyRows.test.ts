/**
 * The categorisation's body is a lazy block (rows made while written). It must read as the block with
 * its cells given everywhere a layout is compared or stored, and both faces must write it row by row,
 * without making the whole array of cells (which for a million lines is ~600 MB).
 */
import { freshWorkbookBytes } from "../../src/cli/ooxml/freshWorkbook";
import { writeLosslessCopy } from "../../src/cli/ooxml/losslessCopy";
import { renderLayout } from "../../src/excel/render";
import { categorisationLayout } from "../../src/model/layout/categorisation";
import { Block, SheetLayout } from "../../src/model/layout/types";
import { lineKeys } from "../../src/model/lineKey";
import { createFakeExcel, snapshotSheet } from "../fakes/excel-fake";
import { fixedLedger } from "../model/layout/helpers";

const DATE = new Date(Date.UTC(2026, 0, 1));

function layouts(): { lazy: SheetLayout; eager: SheetLayout } {
  // One description Excel would read as a formula: its cell gets the Text style, asked for as it is met.
  const lines = fixedLedger().map((l, i) => (i === 3 ? { ...l, description: "=1+1 licenties" } : l));
  const keys = lineKeys(lines);
  const lazy = categorisationLayout(lines, { language: "nl", manual: new Map([[keys[2], "IN.WP"]]) });
  // Spreading reads `cells` (made once) and leaves `rows` behind: a plain block of the same cells.
  const eager = { ...lazy, blocks: lazy.blocks.map((b) => ({ ...b })) };
  return { lazy, eager };
}

/** The lazy body, with a `cells` that fails when read. */
function untouchable(layout: SheetLayout): SheetLayout {
  const body = layout.blocks.find((b) => b.rows) as Block;
  Object.defineProperty(body, "cells", {
    get: () => {
      throw new Error("the lazy body's cells were made");
    },
  });
  return layout;
}

describe("a lazy body block (the categorisation's rows)", () => {
  it("equals, and serialises as, the block with its cells given", () => {
    const { lazy, eager } = layouts();
    expect(eager.blocks.some((b) => b.rows)).toBe(false);
    expect(lazy.blocks.filter((b) => b.rows)).toHaveLength(1);
    expect(lazy).toEqual(eager);
    expect(JSON.stringify(lazy)).toBe(JSON.stringify(eager));
  });

  it("is written into the CLI copy row by row, byte for byte as the block with its cells", () => {
    const { lazy, eager } = layouts();
    const input = () => freshWorkbookBytes([{ name: "Grootboek", grid: [["Omschrijving"], ["x"]] }], DATE);
    const fromEager = writeLosslessCopy(input(), [eager], { date: DATE });
    const fromLazy = writeLosslessCopy(input(), [untouchable(lazy)], { date: DATE });
    expect(Buffer.from(fromLazy).equals(Buffer.from(fromEager))).toBe(true);
  });

  it("is written by the add-in row by row, the same cells as the block with its cells", async () => {
    const { lazy, eager } = layouts();
    const sheetOf = async (layout: SheetLayout) => {
      const fake = createFakeExcel();
      await fake.Excel.run((context) =>
        renderLayout(context, layout, { settings: fake.Office.context.document.settings }),
      );
      return snapshotSheet(fake, layout.name);
    };
    expect(await sheetOf(untouchable(lazy))).toEqual(await sheetOf(eager));
  });
});
