/**
 * The lossless copy of a user's workbook: every zip entry of the .xlsx/.xlsm is kept byte for byte
 * (raw compressed data) and only the product's own parts are added — one worksheet per layout, its
 * table, its drawing with native charts — plus minimal text edits of xl/workbook.xml (a <sheet> per
 * layout, calcPr fullCalcOnLoad), its rels, [Content_Types].xml and xl/styles.xml (appended entries).
 * Rebuilding into an earlier copy replaces only the product's own sheets (marked in their part, or
 * recognised by the caller's `isOwnSheet`).
 */
import { SheetLayout } from "../../model/layout/types";
import { chartXml, drawingXml } from "./chartXml";
import { CellGrid } from "./cellGrid";
import { tableColumns, tableXml, worksheetXml } from "./sheetXml";
import { StyleBook } from "./styles";
import {
  clampViews,
  dropStaleCalcChain,
  listSheets,
  removeSheet,
  sheetsOf,
  workbookPart,
  WorkbookFormatError,
} from "./ownSheets";
import { Package } from "./workbookParts";
import { concatParts, Piece, SpillFile } from "./zip";
import { attrs, CT, esc, NS, REL, tags } from "./xml";

export { isMacroEnabled, listSheets, WorkbookFormatError } from "./ownSheets";
export type { WorkbookSheet } from "./ownSheets";

export interface LosslessCopyOptions {
  /** Sheets of the input that are the product's own from an earlier run (by name); marked ones always are. */
  isOwnSheet?: (name: string) => boolean;
  /** Sheets to keep although marked as the product's (an earlier audit snapshot, a record to keep). */
  keepSheet?: (name: string) => boolean;
  /** Ask Excel to recalculate everything on open (default true; the cached values are the engine's). */
  fullCalcOnLoad?: boolean;
  /** Modification time of the new zip entries (default now). */
  date?: Date;
  /**
   * Layouts (by name) written as the user's sheets, without the mark of the product's own: a Regels
   * sheet `compare --learn` creates is the controller's from then on, and no rebuild replaces it.
   */
  userSheets?: ReadonlySet<string>;
  /** Where big sheets' deflated XML is set aside until the archive is written (else held in memory). */
  spill?: SpillFile;
}

function setFullCalcOnLoad(xml: string): string {
  const calc = tags(xml, "calcPr")[0];
  if (calc) {
    const tag = /\sfullCalcOnLoad="[^"]*"/.test(calc.tag)
      ? calc.tag.replace(/\sfullCalcOnLoad="[^"]*"/, ' fullCalcOnLoad="1"')
      : calc.tag.replace(/\s*(\/?)>$/, ' fullCalcOnLoad="1"$1>');
    return xml.slice(0, calc.index) + tag + xml.slice(calc.index + calc.tag.length);
  }
  const p = /<([\w.-]+:)?workbook[\s>]/.exec(xml)?.[1] ?? "";
  const after = [
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ];
  for (const next of after) {
    const m = new RegExp(`<${p}${next}[\\s/>]`).exec(xml);
    if (m) return xml.slice(0, m.index) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(m.index);
  }
  const close = xml.lastIndexOf(`</${p}workbook>`);
  return xml.slice(0, close) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(close);
}

/** Table names and ids in use (table names share the namespace of defined names). */
function tablesInUse(pkg: Package, wbXml: string): { names: Set<string>; maxId: number } {
  const names = new Set<string>();
  let maxId = 0;
  for (const name of pkg.inputNames) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(name) || !pkg.has(name)) continue;
    const root = tags(pkg.head(name, 2000), "table")[0];
    if (!root) continue;
    const a = attrs(root.tag);
    maxId = Math.max(maxId, Number(a.id) || 0);
    for (const n of [a.name, a.displayName]) if (n) names.add(n.toLowerCase());
  }
  for (const { tag } of tags(wbXml, "definedName")) names.add((attrs(tag).name ?? "").toLowerCase());
  return { names, maxId };
}

function rPrefix(wbXml: string): string | null {
  const m = new RegExp(`xmlns:([\\w.-]+)="${NS.rel}"`).exec(wbXml);
  return m ? m[1] : null;
}

/**
 * The user's workbook bytes with the layouts added as the product's own sheets (replacing those of an
 * earlier run). Layout names must not clash with a user sheet that stays (pick them with listSheets).
 */
export function writeLosslessCopy(
  input: Uint8Array,
  layouts: SheetLayout[],
  options: LosslessCopyOptions = {},
): Uint8Array {
  return concatParts(losslessCopyParts(input, layouts, options));
}

/** writeLosslessCopy as the archive's pieces in order, to be written to a file one after the other. */
export function losslessCopyParts(
  input: Uint8Array,
  layouts: SheetLayout[],
  options: LosslessCopyOptions = {},
): Piece[] {
  const pkg = new Package(input);
  const wbPart = workbookPart(pkg);
  const wbDir = wbPart.slice(0, wbPart.lastIndexOf("/"));
  if (!pkg.read("[Content_Types].xml")) throw new WorkbookFormatError("no [Content_Types].xml");

  // 1. Take out the product's sheets of an earlier run (from the last, so indexes stay right).
  const sheets = sheetsOf(pkg, wbPart, options.isOwnSheet ?? (() => false), options.keepSheet);
  const removedIds: number[] = [];
  for (let i = sheets.length - 1; i >= 0; i--) {
    if (!sheets[i].own) continue;
    removeSheet(pkg, wbPart, sheets[i], i);
    removedIds.push(sheets[i].id);
  }
  dropStaleCalcChain(pkg, wbPart, removedIds);
  const kept = sheets.filter((s) => !s.own);
  const taken = new Set(kept.map((s) => s.name.toLowerCase()));
  for (const l of layouts) {
    if (taken.has(l.name.toLowerCase())) {
      throw new WorkbookFormatError(`sheet name in use by a user sheet: ${l.name}`);
    }
    taken.add(l.name.toLowerCase());
  }

  // 2. Styles (appended), found through the workbook's rels.
  const stylesRel = pkg.rels(wbPart).find((r) => r.type === REL.styles);
  const styles = stylesRel ? new StyleBook(pkg.read(stylesRel.part) ?? "") : null;

  // 3. The new parts.
  let wbXml = pkg.read(wbPart)!;
  const tableUse = tablesInUse(pkg, wbXml);
  let nextSheetId = Math.max(0, ...sheets.map((s) => s.id)) + 1;
  // A replaced sheet keeps its sheetId (a free one, now that the old sheet is gone).
  const sheetIdOf = (name: string) =>
    sheets.find((s) => s.own && s.name.toLowerCase() === name.toLowerCase())?.id ?? nextSheetId++;
  const newSheetTags: string[] = [];
  for (const layout of layouts) {
    const grid = new CellGrid(layout, styles);
    const sheetPart = pkg.freeName(`${wbDir}/worksheets`, "sheet");
    pkg.write(sheetPart, ""); // reserve the name
    const sheetRels: { type: string; target: string }[] = [];
    const tableParts: { part: string; xml: string }[] = [];
    let autoFilter: string | undefined;
    for (const table of layout.tables) {
      const columns = tableColumns(layout, grid, table);
      if (!columns) {
        autoFilter ??= table.range;
        continue;
      }
      let name = table.name;
      for (let i = 2; tableUse.names.has(name.toLowerCase()); i++) name = `${table.name}_${i}`;
      tableUse.names.add(name.toLowerCase());
      const part = pkg.freeName(`${wbDir}/tables`, "table");
      pkg.write(part, "");
      tableParts.push({ part, xml: tableXml(table, ++tableUse.maxId, name, columns) });
      sheetRels.push({ type: REL.table, target: `../tables/${part.split("/").pop()}` });
    }
    let drawingPart: string | undefined;
    if (layout.charts.length > 0) {
      drawingPart = pkg.freeName(`${wbDir}/drawings`, "drawing");
      pkg.write(drawingPart, "");
      sheetRels.unshift({ type: REL.drawing, target: `../drawings/${drawingPart.split("/").pop()}` });
    }
    const relIds = sheetRels.length ? pkg.addRels(sheetPart, sheetRels) : [];
    const drawingRelId = drawingPart ? relIds[0] : undefined;
    const tableRelIds = drawingPart ? relIds.slice(1) : relIds;
    for (const t of tableParts) {
      pkg.write(t.part, t.xml);
      pkg.addOverride(t.part, CT.table);
    }
    if (drawingPart) {
      const chartTargets = layout.charts.map((chart) => {
        const part = pkg.freeName(`${wbDir}/charts`, "chart");
        pkg.write(part, chartXml(chart, layout.name, grid));
        pkg.addOverride(part, CT.chart);
        return `../charts/${part.split("/").pop()}`;
      });
      const ids = pkg.addRels(
        drawingPart,
        chartTargets.map((target) => ({ type: REL.chart, target })),
      );
      pkg.write(drawingPart, drawingXml(layout.charts, ids));
      pkg.addOverride(drawingPart, CT.drawing);
    }
    const own = !options.userSheets?.has(layout.name);
    const parts = { drawingRelId, tableRelIds, autoFilter };
    pkg.write(sheetPart, worksheetXml(layout, grid, parts, styles, own, options.spill));
    pkg.addOverride(sheetPart, CT.worksheet);
    const [rid] = pkg.addRels(wbPart, [{ type: REL.worksheet, target: sheetPart.slice(wbDir.length + 1) }]);
    wbXml = pkg.read(wbPart)!;
    const r = rPrefix(wbXml);
    const sheetId = sheetIdOf(layout.name);
    newSheetTags.push(
      r
        ? `<sheet name="${esc(layout.name)}" sheetId="${sheetId}" ${r}:id="${rid}"/>`
        : `<sheet name="${esc(layout.name)}" sheetId="${sheetId}" xmlns:r="${NS.rel}" r:id="${rid}"/>`,
    );
  }

  // 4. workbook.xml: the new <sheet> elements (with the root's prefix), calcPr.
  const p = /<([\w.-]+:)?workbook[\s>]/.exec(wbXml)?.[1] ?? "";
  const add = newSheetTags.map((t) => (p ? t.replace(/^<sheet/, `<${p}sheet`) : t)).join("");
  const close = wbXml.indexOf(`</${p}sheets>`);
  if (close >= 0) wbXml = wbXml.slice(0, close) + add + wbXml.slice(close);
  else {
    const empty = new RegExp(`<${p}sheets\\s*/>`).exec(wbXml);
    if (!empty) throw new WorkbookFormatError("workbook.xml has no <sheets>");
    wbXml = wbXml.replace(empty[0], `<${p}sheets>${add}</${p}sheets>`);
  }
  if (options.fullCalcOnLoad ?? true) wbXml = setFullCalcOnLoad(wbXml);
  if (removedIds.length) wbXml = clampViews(wbXml, kept.length + layouts.length);
  pkg.write(wbPart, wbXml);
  if (styles && stylesRel && styles.changed) pkg.write(stylesRel.part, styles.toXml());
  return pkg.toParts(options.date);
}

/**
 * The whole `compare -o` step in one call: the names of the sheets that stay (user sheets), the layouts
 * made for them by the caller (so their formulas name the right sheets), and the copy.
 */
export function copyWithLayouts(
  input: Uint8Array,
  makeLayouts: (userSheetNames: string[]) => SheetLayout[],
  options: LosslessCopyOptions = {},
): { bytes: Uint8Array; sheets: string[] } {
  const userSheetNames = listSheets(input, options)
    .filter((s) => !s.own)
    .map((s) => s.name);
  const layouts = makeLayouts(userSheetNames);
  return { bytes: writeLosslessCopy(input, layouts, options), sheets: layouts.map((l) => l.name) };
}
