/**
 * The CLI's .xlsx/.xlsm reader (issue 13 item 2): every worksheet's used range as a grid and every Excel
 * table cut from it — what ExcelJS's full workbook model gave before, at a fraction of the time and
 * memory. The zip is read from the bytes the CLI holds anyway (the copy is made from them); the shared
 * strings and each sheet's XML are decoded and scanned in pieces (entryStream.ts), never held as one string.
 * Workbook, relationships, styles and tables are small and read as text.
 *
 * Sheets in tab order (workbook.xml); chart sheets and macro sheets are no worksheets and are left out.
 * The values follow the ExcelJS reader's rules (see worksheet.ts); tests/cli/xlsx-read.test.ts compares
 * the two on every workbook fixture.
 */
import { columnNumber } from "../../model/layout/a1";
import { PlainTable } from "../../model/pipeline/workbook";
import { Grid } from "../../model/types";
import { Package } from "../ooxml/workbookParts";
import { workbookPart } from "../ooxml/ownSheets";
import { readZip, ZipArchive, ZipEntry } from "../ooxml/zip";
import { REL, relsPath } from "../ooxml/xml";
import { SheetGrid } from "../sheet";
import { scanEntry } from "./entryStream";
import { SharedStringsReader } from "./sharedStrings";
import { dateStyles } from "./styles";
import { WorksheetReader } from "./worksheet";
import { attr, attrMap, XmlScanner } from "./xmlScan";

export { MAX_GRID_CELLS, TooManyCells } from "./worksheet";

export interface ReadWorkbook {
  sheets: SheetGrid[];
  tables: PlainTable[];
  date1904: boolean;
}

const REL_SHARED_STRINGS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

/** Start tags of a small part, by local name, as attribute maps (in document order). */
function elements(xml: string, wanted: ReadonlySet<string>): { name: string; attrs: string }[] {
  const out: { name: string; attrs: string }[] = [];
  const scanner = new XmlScanner({
    open: (name, s, a, b) => {
      if (wanted.has(name)) out.push({ name, attrs: s.slice(a, b) });
    },
    close() {},
    text() {},
  });
  scanner.feed(xml);
  scanner.end();
  return out;
}

function entryOf(zip: ZipArchive): (part: string) => ZipEntry | undefined {
  const byName = new Map(zip.entries.map((e) => [e.name.toLowerCase(), e]));
  return (part) => byName.get(part.toLowerCase());
}

/**
 * Reads the workbook in `bytes`; `onSheet` hears each sheet's name before it is read (for messages).
 * Throws on a damaged package (the caller words the message) and TooManyCells for a huge used range.
 */
export function readWorkbook(
  bytes: Uint8Array,
  onSheet: (name: string) => void = () => undefined,
  options: { exceljsFalsy?: boolean } = {},
): ReadWorkbook {
  const zip = readZip(bytes);
  const entry = entryOf(zip);
  const pkg = new Package(bytes);
  const wbPart = workbookPart(pkg);
  const wbXml = pkg.read(wbPart);
  if (wbXml === null) throw new Error(`no workbook part ${wbPart}`);
  const wbRels = pkg.rels(wbPart);

  const wbElements = elements(wbXml, new Set(["workbookPr", "sheet"]));
  const pr = wbElements.find((e) => e.name === "workbookPr");
  // ExcelJS reads date1904="1" only; the serials come out the same either way (see worksheet.ts).
  const date1904 = pr !== undefined && attr(pr.attrs, "date1904") === "1";

  const stylesRel = wbRels.find((r) => r.type === REL.styles);
  const styles = dateStyles(stylesRel ? pkg.read(stylesRel.part) : null);

  const stringsRel = wbRels.find((r) => r.type === REL_SHARED_STRINGS);
  const strings = new SharedStringsReader();
  const stringsEntry = stringsRel ? entry(stringsRel.part) : undefined;
  if (stringsEntry) scanEntry(zip, stringsEntry, strings.scanner);

  const ctx = { sharedStrings: strings.values, dateStyles: styles, date1904, ...options };
  const sheets: SheetGrid[] = [];
  const tables: PlainTable[] = [];
  for (const el of wbElements) {
    if (el.name !== "sheet") continue;
    const a = attrMap(el.attrs);
    const rid = [...a].find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1];
    const rel = wbRels.find((r) => r.id === rid);
    if (!rel || rel.external || rel.type !== REL.worksheet) continue;
    const e = entry(rel.part);
    if (!e) continue;
    const name = a.get("name") ?? "";
    onSheet(name);
    const reader = new WorksheetReader(ctx);
    scanEntry(zip, e, reader.scanner);
    const sheet = reader.grid(name);
    sheets.push(sheet);
    tables.push(...sheetTables(pkg, rel.part, reader.extras.tableRelIds, sheet));
  }
  return { sheets, tables, date1904 };
}

/** A worksheet's tables, cut from its grid as the add-in cuts them from Range.values (0-based positions). */
function sheetTables(pkg: Package, part: string, relIds: string[], sheet: SheetGrid): PlainTable[] {
  const rels = pkg.has(relsPath(part)) ? pkg.rels(part) : [];
  const out: PlainTable[] = [];
  for (const id of relIds) {
    const rel = rels.find((r) => r.id === id && r.type === REL.table);
    const xml = rel ? pkg.read(rel.part) : null;
    if (!xml) continue;
    const table = elements(xml, new Set(["table"]))[0];
    const name = table ? attr(table.attrs, "name") : undefined;
    const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(table ? (attr(table.attrs, "ref") ?? "") : "");
    if (!name || !m) continue;
    const [top, left, bottom, right] = [Number(m[2]), columnNumber(m[1]), Number(m[4]), columnNumber(m[3])];
    out.push({
      name,
      sheet: sheet.name,
      values: cut(sheet, top, left, bottom, right),
      firstRow: top - 1,
      firstColumn: left - 1,
    });
  }
  return out;
}

function cut(sheet: SheetGrid, top: number, left: number, bottom: number, right: number): Grid {
  const values: Grid = [];
  for (let r = top; r <= bottom; r++) {
    const row = sheet.grid[r - sheet.firstRow] ?? [];
    values.push(Array.from({ length: right - left + 1 }, (_, c) => row[left + c - sheet.firstColumn] ?? ""));
  }
  return values;
}
