/**
 * Look at an .xlsx file before it is read (issue 14, items 2 and 6). ExcelJS, which read workbooks until
 * issue 13 item 2, held a whole workbook in memory, about 700 bytes per cell: a sheet of 12.6 million
 * cells needed some 9 GB and the process died out of memory, with no message. (The CLI's own streaming
 * reader, src/cli/xlsxRead, holds only the grid of values; the limit below, measured with ExcelJS, is
 * kept: the analysis and the copy of so many lines still need gigabytes.) And a file that is no zip archive gets a zip
 * library's message. So, from a few reads of the file:
 *  - the first bytes: an OLE2 compound file (D0 CF 11 E0) is a password-protected workbook (it holds an
 *    "EncryptedPackage" stream) or an old .xls; anything else that is no zip archive is no .xlsx;
 *  - the zip's central directory: the uncompressed size of every worksheet's XML, and of the shared
 *    strings, known without inflating anything; a workbook whose cell data is larger than ExcelJS could
 *    hold is refused, naming its largest sheet, that sheet's <dimension ref> (from the first few KB of
 *    its XML) and what to do.
 * Everything else (a damaged entry, a missing part) is left to the reader, whose error is reported.
 *
 * The parts live in src/cli/xlsxCheck/: sniff (the kind of file from its first bytes, OLE2), zip
 * (the central directory and entries), workbookXml (sheet names, dimension ranges) and messages.
 */
import { UserError } from "./errors";
import { damagedZip, emptyFile, noZip, textNamedXlsx, tooLarge } from "./xlsxCheck/messages";
import { compoundFileError, isCompoundFile, isZip, looksLikeText } from "./xlsxCheck/sniff";
import { attr, rangeCells, sheetNames } from "./xlsxCheck/workbookXml";
import { centralDirectory, Entry, entryHead, File } from "./xlsxCheck/zip";

/**
 * Uncompressed worksheet and shared-string XML a workbook may have. Measured (BENCHMARKS.md, "xlsx-guard"):
 * ExcelJS holds about 23 bytes per byte of it, and `compare -o` up to 64: a 3-million-cell workbook (99 MB
 * of XML) ran out of memory at 4.7 GB (Node's default heap limit is about 4.3 GB); 1.9 million cells (62 MB)
 * worked at 3.9 GB. 64 MB is about 2 million cells (a 100,000-line ledger of 20 columns).
 */
export const MAX_CELL_XML_BYTES = 64_000_000;

export interface XlsxCheckOptions {
  /** Override of MAX_CELL_XML_BYTES (tests). */
  maxCellXmlBytes?: number;
}

/**
 * Throws a UserError for a file that is no .xlsx (password-protected, an .xls, no zip at all, cut off)
 * or whose cell data is too large to load; returns for anything ExcelJS may try.
 */
export function checkXlsxFile(path: string, options: XlsxCheckOptions = {}): void {
  let file: File;
  try {
    file = new File(path);
  } catch {
    return; // not readable here: ExcelJS reports it
  }
  try {
    checkOpenFile(file, options.maxCellXmlBytes ?? MAX_CELL_XML_BYTES);
  } catch (e) {
    if (e instanceof UserError) throw e;
    // A zip directory that lies (a length past its end): no verdict here; ExcelJS reports the damage.
  } finally {
    file.close();
  }
}

function checkOpenFile(file: File, maxBytes: number): void {
  const head = file.read(0, 512);
  if (head.length === 0) throw emptyFile(file.path);
  if (isCompoundFile(head)) throw compoundFileError(file);
  if (!isZip(head)) throw looksLikeText(head) ? textNamedXlsx(file.path) : noZip(file.path);
  const entries = centralDirectory(file);
  if (!entries) throw damagedZip(file.path);
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  const strings = entries.filter((e) => /^xl\/sharedStrings\.xml$/i.test(e.name));
  const total = [...sheets, ...strings].reduce((sum, e) => sum + e.size, 0);
  if (total <= maxBytes) return;

  const largest = sheets.reduce<Entry | undefined>((a, e) => (a && a.size >= e.size ? a : e), undefined);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const name = largest ? (sheetNames(file, byName).get(largest.name) ?? largest.name) : "(gedeelde teksten)";
  const head2 = largest ? entryHead(file, largest, /<(?:\w+:)?(?:dimension\b[^>]*>|sheetData\b)/) : "";
  const dimension = /<(?:\w+:)?dimension\b[^>]*>/.exec(head2)?.[0];
  const ref = dimension ? attr(dimension, "ref") : undefined;
  const area = ref ? rangeCells(ref) : undefined;
  throw tooLarge({
    path: file.path,
    name,
    largestBytes: largest?.size ?? total,
    totalBytes: total,
    maxBytes,
    ref,
    area,
  });
}
