/**
 * Test helpers for the lossless writer: the product's layouts for a workbook (as compare -o builds
 * them: categorisation, comparison, trend with two or more years), the real-workbook fixtures, and
 * the zip entries of a file.
 */
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { unzipSync } from "fflate";
import { findFileInputs, readInputFile } from "../../../src/cli/input";
import { OUTPUT_SHEETS, SheetLayout } from "../../../src/model/layout";
import {
  categorisationSheet,
  categorise,
  defaultYear,
  layoutReport,
  OutputRole,
} from "../../../src/model/pipeline";
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

/** The layouts compare -o writes for a workbook (the pipeline's steps), named beside `existing` sheet names. */
export async function layoutsFor(file: string, existing: string[]): Promise<SheetLayout[]> {
  const inputs = findFileInputs(await readInputFile(file));
  const year = defaultYear(inputs);
  const categorised = categorise(inputs);
  const taken = [...existing];
  const pickName = (role: OutputRole) => {
    const name = pickSheetName(OUTPUT_SHEETS[role].name.nl, taken);
    taken.push(name);
    return name;
  };
  const categorisationName = pickName("categorisation");
  const report = layoutReport(inputs, categorised, {
    language: "nl",
    year,
    categorisationName,
    pickName,
    comparison: true,
    trend: "optional",
  });
  return [
    categorisationSheet(categorised, inputs, year, categorisationName, "nl"),
    ...[report.compared, report.trend, report.explained, report.iv3]
      .filter((x) => x !== undefined)
      .map((x) => x.layout),
  ];
}

/** Decompressed zip entries by name. */
export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}
