/**
 * Writing a few text cells into one of the user's sheets (the rules `compare --learn` keeps on the
 * Regels sheet, src/model/learn/regels.ts): the sheet's XML gets the cells as inline strings, in row
 * and column order, and its dimension grows to hold them; every other byte of the part stays, and
 * every other part is copied as it was. A sheet that does not exist yet is added as a user sheet (no
 * mark of the product's own, so no rebuild replaces it).
 */
import { RuleCell } from "../../model/learn";
import { columnLetter, columnNumber } from "../../model/layout/a1";
import { SheetLayout } from "../../model/layout/types";
import { writeLosslessCopy } from "./losslessCopy";
import { sheetsOf, workbookPart, WorkbookFormatError } from "./ownSheets";
import { Package } from "./workbookParts";
import { attrs, escText, rootPrefix } from "./xml";

/** "F12" → 0-based row 11, column 5. */
function parseRef(ref: string): { row: number; column: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, column: columnNumber(m[1]) - 1 } : null;
}

function inlineCell(p: string, cell: RuleCell, style: string | undefined): string {
  const ref = `${columnLetter(cell.column + 1)}${cell.row + 1}`;
  const s = style !== undefined ? ` s="${style}"` : "";
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escText(cell.value)}</${p}t></${p}is></${p}c>`;
}

const ROW = (p: string) => new RegExp(`<${p}row\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}row>)`, "g");
const CELL = (p: string) => new RegExp(`<${p}c\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}c>)`, "g");

/** One row's XML with the cells written: a cell already there is replaced (its style kept). */
function editRow(p: string, rowXml: string, cells: RuleCell[]): string {
  const open = /^<[^>]*?(\/?)>/.exec(rowXml)!;
  // A stale spans hint would understate the row: dropped (it is optional).
  const start = open[0].replace(/\s+spans="[^"]*"/, "").replace(/\/>$/, ">");
  const body = open[1] === "/" ? "" : rowXml.slice(open[0].length, rowXml.lastIndexOf(`</${p}row>`));
  const existing = [...body.matchAll(CELL(p))].map((m) => {
    const a = attrs(/^<[^>]*>/.exec(m[0])![0]);
    const at = a.r ? parseRef(a.r) : null;
    if (!at) throw new WorkbookFormatError("a cell without a reference on the rules sheet");
    return { column: at.column, xml: m[0], style: a.s };
  });
  const out: { column: number; xml: string }[] = existing.map(({ column, xml }) => ({ column, xml }));
  for (const cell of cells) {
    const i = out.findIndex((o) => o.column === cell.column);
    const style = i >= 0 ? existing.find((e) => e.column === cell.column)?.style : undefined;
    const xml = inlineCell(p, cell, style);
    if (i >= 0) out[i] = { column: cell.column, xml };
    else out.push({ column: cell.column, xml });
  }
  out.sort((a, b) => a.column - b.column);
  return `${start}${out.map((o) => o.xml).join("")}</${p}row>`;
}

/** The worksheet XML with `cells` written. */
export function writeCellsInSheetXml(xml: string, cells: readonly RuleCell[]): string {
  if (cells.length === 0) return xml;
  const p = rootPrefix(xml, "worksheet");
  const byRow = new Map<number, RuleCell[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  let data = new RegExp(`<${p}sheetData\\s*/>`).exec(xml);
  if (data) {
    xml =
      xml.slice(0, data.index) + `<${p}sheetData></${p}sheetData>` + xml.slice(data.index + data[0].length);
  }
  data = new RegExp(`<${p}sheetData\\b[^>]*>`).exec(xml);
  const close = xml.indexOf(`</${p}sheetData>`);
  if (!data || close < 0) throw new WorkbookFormatError("worksheet without <sheetData>");
  const bodyStart = data.index + data[0].length;
  const rows = [...xml.slice(bodyStart, close).matchAll(ROW(p))].map((m) => {
    const r = Number(attrs(/^<[^>]*>/.exec(m[0])![0]).r);
    if (!Number.isInteger(r) || r < 1)
      throw new WorkbookFormatError("a row without a number on the rules sheet");
    return { row: r - 1, xml: m[0] };
  });
  const edited = rows.map((r) =>
    byRow.has(r.row) ? { ...r, xml: editRow(p, r.xml, byRow.get(r.row)!) } : r,
  );
  for (const [row, list] of byRow) {
    if (rows.some((r) => r.row === row)) continue;
    edited.push({ row, xml: editRow(p, `<${p}row r="${row + 1}"/>`, list) });
  }
  edited.sort((a, b) => a.row - b.row);
  xml = xml.slice(0, bodyStart) + edited.map((r) => r.xml).join("") + xml.slice(close);
  return growDimension(xml, p, cells);
}

function growDimension(xml: string, p: string, cells: readonly RuleCell[]): string {
  const m = new RegExp(`<${p}dimension\\b[^>]*ref="([^"]*)"[^>]*/>`).exec(xml);
  if (!m) return xml;
  const [a, b] = m[1].split(":");
  const first = parseRef(a);
  const last = parseRef(b ?? a);
  if (!first || !last) return xml;
  const top = Math.min(first.row, ...cells.map((c) => c.row));
  const left = Math.min(first.column, ...cells.map((c) => c.column));
  const bottom = Math.max(last.row, ...cells.map((c) => c.row));
  const right = Math.max(last.column, ...cells.map((c) => c.column));
  const ref = `${columnLetter(left + 1)}${top + 1}:${columnLetter(right + 1)}${bottom + 1}`;
  return xml.slice(0, m.index) + m[0].replace(m[1], ref) + xml.slice(m.index + m[0].length);
}

/** The new sheet's layout: the cells as one block from A1, the header row bold. */
function newSheetLayout(name: string, cells: readonly RuleCell[]): SheetLayout {
  const height = Math.max(...cells.map((c) => c.row)) + 1;
  const width = Math.max(...cells.map((c) => c.column)) + 1;
  const grid: string[][] = Array.from({ length: height }, () => Array<string>(width).fill(""));
  for (const c of cells) grid[c.row][c.column] = c.value;
  return {
    role: "template-rules",
    name,
    blocks: [
      { at: "A1", cells: grid.slice(0, 1), style: "header" },
      ...(height > 1 ? [{ at: "A2", cells: grid.slice(1), style: "body" as const }] : []),
    ],
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
    columnWidths: [30, 18, 12, 12, 12, 24, 48],
  };
}

/**
 * The workbook with `cells` written on the user's sheet `sheet` (created as a user sheet when
 * `create`). The sheet must not be one of the product's own.
 */
export function writeUserCells(
  input: Uint8Array,
  edit: { sheet: string; create: boolean; cells: readonly RuleCell[] },
): Uint8Array {
  if (edit.create) {
    return writeLosslessCopy(input, [newSheetLayout(edit.sheet, edit.cells)], {
      userSheets: new Set([edit.sheet]),
    });
  }
  const pkg = new Package(input);
  const wb = workbookPart(pkg);
  const sheet = sheetsOf(pkg, wb, () => false).find((s) => s.name.toLowerCase() === edit.sheet.toLowerCase());
  if (!sheet || sheet.own) throw new WorkbookFormatError(`no user sheet named ${edit.sheet}`);
  const xml = pkg.read(sheet.part);
  if (xml === null) throw new WorkbookFormatError(`sheet part missing: ${sheet.part}`);
  pkg.write(sheet.part, writeCellsInSheetXml(xml, edit.cells));
  return pkg.toBytes();
}
