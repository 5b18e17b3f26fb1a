/**
 * A SheetLayout as SpreadsheetML: the worksheet part (cells with inline strings, formulas with their
 * cached values, styles, column widths, frozen rows, conditional formats, list validations, the drawing
 * and table references) and the table parts. Strings are always text (t="inlineStr"), never formulas.
 */
import { columnLetter } from "../../model/layout/a1";
import {
  ConditionalFormatSpec,
  isFormula,
  LayoutCell,
  SheetLayout,
  TableSpec,
} from "../../model/layout/types";
import { CellGrid, parseRange, RowQueue } from "./cellGrid";
import { ChunkWriter } from "./chunkWriter";
import { SharedFormulaRuns, SharedRef } from "./sharedFormulas";
import { StyleBook } from "./styles";
import { esc, escText, NS, XML_DECL } from "./xml";
import { DeflatedData, SpillFile } from "./zip";

/** Marks a worksheet part as the product's own: a rebuild recognises (and replaces) it by this. */
export const OWN_SHEET_MARKER = "<!--ictcost:own-sheet-->";

function num(n: number): string {
  return String(n);
}

function cellXml(ref: string, value: LayoutCell, s: number, shared?: SharedRef): string {
  const st = s ? ` s="${s}"` : "";
  if (isFormula(value)) {
    const f = !shared
      ? `<f>${escText(value.formula.replace(/^=/, ""))}</f>`
      : shared.ref
        ? `<f t="shared" ref="${shared.ref}" si="${shared.si}">${escText(value.formula.replace(/^=/, ""))}</f>`
        : `<f t="shared" si="${shared.si}"/>`;
    const v = value.value;
    if (typeof v === "number")
      return `<c r="${ref}"${st}>${f}${Number.isFinite(v) ? `<v>${num(v)}</v>` : ""}</c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${st} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    if (typeof v === "string") return `<c r="${ref}"${st} t="str">${f}<v>${escText(v)}</v></c>`;
    return `<c r="${ref}"${st}>${f}</c>`;
  }
  if (value === null || value === undefined || value === "") return `<c r="${ref}"${st}/>`;
  if (typeof value === "number") return `<c r="${ref}"${st}><v>${num(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${st} t="b"><v>${value ? 1 : 0}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${st} t="inlineStr"><is><t${space}>${escText(value)}</t></is></c>`;
}

/** A table's header and body, when the layout draws it as one header row and one body block. */
export function tableColumns(layout: SheetLayout, grid: CellGrid, table: TableSpec): string[] | null {
  const r = parseRange(table.range);
  if (r.bottom <= r.top) return null;
  const names: string[] = [];
  for (let c = r.left; c <= r.right; c++) {
    const v = grid.get(r.top, c);
    names.push(typeof v === "string" ? v.trim() : "");
  }
  if (names.some((n) => n === "") || new Set(names.map((n) => n.toLowerCase())).size !== names.length)
    return null;
  // The header cells must hold exactly the column names (Excel requires it).
  for (let c = r.left; c <= r.right; c++) {
    if (grid.get(r.top, c) !== names[c - r.left]) return null;
  }
  return names;
}

export function tableXml(table: TableSpec, id: number, name: string, columns: string[]): string {
  const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"/>`).join("");
  return (
    XML_DECL +
    `<table xmlns="${NS.main}" id="${id}" name="${esc(name)}" displayName="${esc(name)}" ref="${table.range}" totalsRowShown="0">` +
    `<autoFilter ref="${table.range}"/><tableColumns count="${columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${esc(table.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" ` +
    `showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

function conditionalXml(specs: ConditionalFormatSpec[], styles: StyleBook | null): string {
  let priority = 1;
  return specs
    .map((spec) => {
      const dxf = styles ? ` dxfId="${styles.dxf(spec.fill, spec.fontColor)}"` : "";
      const strip = (f: string) => esc(f.replace(/^=/, ""));
      const rule = spec.expression
        ? `<cfRule type="expression"${dxf} priority="${priority++}"><formula>${strip(spec.expression)}</formula></cfRule>`
        : `<cfRule type="cellIs"${dxf} priority="${priority++}" operator="${spec.operator}">` +
          `<formula>${strip(spec.formula1)}</formula>` +
          (spec.formula2 !== undefined ? `<formula>${strip(spec.formula2)}</formula>` : "") +
          `</cfRule>`;
      return `<conditionalFormatting sqref="${spec.range.replace(/\$/g, "")}">${rule}</conditionalFormatting>`;
    })
    .join("");
}

function validationsXml(layout: SheetLayout): string {
  if (layout.validations.length === 0) return "";
  const items = layout.validations.map((v) => {
    const list = `"${v.list.map((x) => x.replace(/"/g, '""')).join(",")}"`;
    const prompt = v.prompt ? ` showInputMessage="1" prompt="${esc(v.prompt.slice(0, 255))}"` : "";
    return (
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1"${prompt} sqref="${v.range.replace(/\$/g, "")}">` +
      `<formula1>${esc(list)}</formula1></dataValidation>`
    );
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function colsXml(widths: number[]): string {
  if (widths.length === 0) return "";
  const cols = widths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  return cols ? `<cols>${cols}</cols>` : "";
}

export interface SheetParts {
  /** r:id of the drawing in the sheet's rels, when the sheet has charts. */
  drawingRelId?: string;
  /** Tables that were written, with their r:ids (the others become an autoFilter). */
  tableRelIds: string[];
  autoFilter?: string;
}

/** The worksheet part, as UTF-8 bytes in chunks. */
export function worksheetXml(
  layout: SheetLayout,
  grid: CellGrid,
  parts: SheetParts,
  styles: StyleBook | null,
  /** false for a user's sheet written afresh (a CSV file's grid): no mark of the product's own sheets. */
  own = true,
  spill?: SpillFile,
): Uint8Array[] | DeflatedData {
  const out = new ChunkWriter(spill);
  out.push(XML_DECL + (own ? OWN_SHEET_MARKER : "") + `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`);
  const box = grid.bounds();
  out.push(
    `<dimension ref="${box ? `${columnLetter(box.left)}${box.top}:${columnLetter(box.right)}${box.bottom}` : "A1"}"/>`,
  );
  const freeze = layout.freezeRows ?? 0;
  out.push(
    freeze > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" ` +
          `activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" ` +
          `sqref="A${freeze + 1}"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
  );
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  out.push(colsXml(layout.columnWidths ?? []));
  out.push("<sheetData>");
  const letters: string[] = [];
  const shared = new SharedFormulaRuns(columnLetter);
  const rows = new RowQueue(grid.cursor());
  for (let current = rows.at(0); current; rows.shift(), current = rows.at(0)) {
    const { row, r } = current;
    // One string per row into the buffer: a write per cell costs more than the text itself.
    let xml = `<row r="${r}">`;
    row.styles.forEach((s, c) => {
      const letter = (letters[c] ??= columnLetter(c));
      const v = row.values[c];
      xml += cellXml(letter + r, v, s, isFormula(v) ? shared.ref(rows, c) : undefined);
    });
    out.push(xml + "</row>");
  }
  out.push("</sheetData>");
  if (parts.autoFilter) out.push(`<autoFilter ref="${parts.autoFilter}"/>`);
  out.push(conditionalXml(layout.conditionalFormats, styles));
  out.push(validationsXml(layout));
  out.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  if (parts.drawingRelId) out.push(`<drawing r:id="${parts.drawingRelId}"/>`);
  if (parts.tableRelIds.length) {
    out.push(
      `<tableParts count="${parts.tableRelIds.length}">` +
        parts.tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("") +
        `</tableParts>`,
    );
  }
  out.push("</worksheet>");
  return out.bytes();
}
