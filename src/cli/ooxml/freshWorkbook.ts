/**
 * A new minimal workbook for input without a zip (a CSV file): the user's grids as plain sheets (values
 * only, strings as text), then the layouts added by the lossless writer like on any other workbook.
 */
import { CellValue } from "../../model/types";
import { columnLetter } from "../../model/layout/a1";
import { SheetLayout } from "../../model/layout/types";
import { LosslessCopyOptions, losslessCopyParts } from "./losslessCopy";
import { CellGrid } from "./cellGrid";
import { worksheetXml } from "./sheetXml";
import { concatParts, Piece, writeZip } from "./zip";
import { bytes, CT, esc, NS, REL, XML_DECL } from "./xml";

export interface UserSheet {
  name: string;
  grid: CellValue[][];
  /** 1-based position of the grid's top-left cell (default A1). */
  firstRow?: number;
  firstColumn?: number;
}

const STYLES =
  XML_DECL +
  `<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  // 1: Text, for user text Excel would otherwise read as a formula once edited (see textCells.ts).
  `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
  `</styleSheet>`;

/** The cellXfs index of the Text style in STYLES. */
const TEXT_STYLE = 1;

/** The skeleton package holding the user's sheets. */
export function freshWorkbookBytes(sheets: UserSheet[], date?: Date): Uint8Array {
  const list = sheets;
  const sheetParts = list.map((s, i) => {
    const layout: SheetLayout = {
      role: "sample-ledger", // not rendered as a role: a plain grid of values
      name: s.name,
      blocks: [{ at: `${columnLetter(s.firstColumn ?? 1)}${s.firstRow ?? 1}`, cells: s.grid }],
      tables: [],
      charts: [],
      conditionalFormats: [],
      validations: [],
    };
    // Written as chunks (deflated as they come for a big grid), never as one string: a million-line CSV
    // file's sheet is ~250 MB of XML.
    const data = worksheetXml(
      layout,
      new CellGrid(layout, null, TEXT_STYLE),
      { tableRelIds: [] },
      null,
      false,
    );
    return { name: `xl/worksheets/sheet${i + 1}.xml`, data };
  });
  const types =
    XML_DECL +
    `<Types xmlns="${NS.ct}"><Default Extension="rels" ContentType="${CT.rels}"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>` +
    sheetParts.map((p) => `<Override PartName="/${p.name}" ContentType="${CT.worksheet}"/>`).join("") +
    `</Types>`;
  const rootRels =
    XML_DECL +
    `<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`;
  const wbRels =
    XML_DECL +
    `<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/>` +
    sheetParts
      .map(
        (p, i) =>
          `<Relationship Id="rId${i + 2}" Type="${REL.worksheet}" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("") +
    `</Relationships>`;
  const workbook =
    XML_DECL +
    `<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView/></bookViews><sheets>` +
    list.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`).join("") +
    `</sheets><calcPr calcId="191029"/></workbook>`;
  return writeZip(
    null,
    [
      { name: "[Content_Types].xml", data: bytes(types) },
      { name: "_rels/.rels", data: bytes(rootRels) },
      { name: "xl/workbook.xml", data: bytes(workbook) },
      { name: "xl/_rels/workbook.xml.rels", data: bytes(wbRels) },
      { name: "xl/styles.xml", data: bytes(STYLES) },
      ...sheetParts.map((p) => ({ name: p.name, data: p.data })),
    ],
    date,
  );
}

/**
 * A new workbook with the user's grids and the layouts: the CSV path of `compare -o`, and (with no user
 * sheets) the input template of `ictcost template`.
 */
export function writeFreshWorkbook(
  sheets: UserSheet[],
  layouts: SheetLayout[],
  options: LosslessCopyOptions = {},
): Uint8Array {
  return concatParts(freshWorkbookParts(sheets, layouts, options));
}

/** writeFreshWorkbook as the archive's pieces in order, to be written to a file one after the other. */
export function freshWorkbookParts(
  sheets: UserSheet[],
  layouts: SheetLayout[],
  options: LosslessCopyOptions = {},
): Piece[] {
  if (sheets.length + layouts.length === 0) throw new Error("a workbook needs at least one sheet");
  return losslessCopyParts(freshWorkbookBytes(sheets, options.date), layouts, options);
}
