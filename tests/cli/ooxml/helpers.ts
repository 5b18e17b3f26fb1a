/**
 * Test helpers for the lossless writer: the product's layouts for a workbook (as compare -o builds
 * them: categorisation, comparison, trend with two or more years), the real-workbook fixtures, and
 * the zip entries of a file.
 */
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { unzipSync } from "fflate";
import { analyse } from "../../../src/cli/compare";
import {
  CATEGORISATION_SHEET,
  categorisationLayout,
  categorisationRefs,
  COMPARISON_SHEET,
  comparisonLayout,
  SheetLayout,
  TREND_SHEET,
  trendLayout,
} from "../../../src/model/layout";
import { keyFiguresForYear } from "../../../src/model/keyFigures";
import { keyFigureReference } from "../../../src/model/keyFigureCells";
import { pickSheetName } from "../../../src/model/sheetNames";

export const ROOT = join(__dirname, "../../..");
export const FIXTURES = join(ROOT, "../shared/fixtures/real-workbooks");
export const EXAMPLE = join(ROOT, "examples/voorbeeldrade.xlsx");

/** The prepared real workbooks (with a Grootboek and a Kerngegevens sheet), or [] without the fixtures. */
export function preparedWorkbooks(): string[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES)
    .filter((f) => /\.prepared\.xls[xm]$/.test(f))
    .sort();
}

/** The layouts compare -o writes for a workbook, named beside `existing` sheet names. */
export async function layoutsFor(file: string, existing: string[]): Promise<SheetLayout[]> {
  const a = await analyse({ file });
  const c = a.comparison;
  const taken = [...existing];
  const pick = (desired: string) => {
    const name = pickSheetName(desired, taken);
    taken.push(name);
    return name;
  };
  const catName = pick(CATEGORISATION_SHEET.nl);
  const cmpName = pick(COMPARISON_SHEET.nl);
  const trendName = c.series.length >= 2 ? pick(TREND_SHEET.nl) : null;
  const refs = categorisationRefs(catName, a.lines.length, "nl");
  const f = keyFiguresForYear(a.figures, c.year) ?? {};
  const keySheets = a.book.sheets.filter((s) => s !== a.ledger && !/^ICT-/.test(s.name));
  const ref = (
    field: "inhabitants" | "budget" | "fteOwn" | "fteHired",
    value: number | undefined,
    year: number,
  ) => keyFigureReference(keySheets, field, value, year);
  const layouts = [
    categorisationLayout(a.lines, {
      language: "nl",
      sheetName: catName,
      manual: a.manual,
      undatedYear: c.year,
    }),
    comparisonLayout(
      c,
      {
        categorisation: refs,
        inhabitants: ref("inhabitants", c.inhabitants, c.year) as string | number,
        budget: ref("budget", f.budget, c.year),
        fteOwn: ref("fteOwn", f.fteOwn, c.year),
        fteHired: ref("fteHired", f.fteHired, c.year),
      },
      { language: "nl", sheetName: cmpName, keyFigures: f },
    ),
  ];
  if (trendName) {
    const inhabitants: Record<number, string | number> = {};
    for (const p of c.series) {
      const n =
        keyFiguresForYear(a.figures, p.year)?.inhabitants ?? (p.year === c.year ? c.inhabitants : undefined);
      const r = ref("inhabitants", n, p.year);
      if (r !== undefined) inhabitants[p.year] = r;
    }
    layouts.push(
      trendLayout(c.series, {
        language: "nl",
        sheetName: trendName,
        refs: { categorisation: refs, inhabitants },
        figures: a.figures,
      }),
    );
  }
  return layouts;
}

/** Decompressed zip entries by name. */
export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}
