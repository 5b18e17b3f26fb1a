/**
 * Look at an .xlsx file before ExcelJS loads it (issue 14, items 2 and 6). ExcelJS reads a whole
 * workbook into memory, about 700 bytes per cell: a sheet of 12.6 million cells needs some 9 GB and
 * the process dies out of memory, with no message. And a file that is no zip archive gets a zip
 * library's message. So, from a few reads of the file:
 *  - the first bytes: an OLE2 compound file (D0 CF 11 E0) is a password-protected workbook (it holds an
 *    "EncryptedPackage" stream) or an old .xls; anything else that is no zip archive is no .xlsx;
 *  - the zip's central directory: the uncompressed size of every worksheet's XML, and of the shared
 *    strings, known without inflating anything; a workbook whose cell data is larger than ExcelJS can
 *    hold is refused, naming its largest sheet, that sheet's <dimension ref> (from the first few KB of
 *    its XML) and what to do.
 * Everything else (a damaged entry, a missing part) is left to ExcelJS, whose error is reported as before.
 */
import { closeSync, fstatSync, openSync, readSync } from "fs";
import { Inflate, inflateSync } from "fflate";
import { formatNumber } from "../model/format";
import { UserError, userError } from "./errors";

/**
 * Uncompressed worksheet and shared-string XML a workbook may have. Measured (BENCHMARKS.md, "xlsx-guard"):
 * ExcelJS holds about 23 bytes per byte of it, and `compare -o` up to 64: a 3-million-cell workbook (99 MB
 * of XML) ran out of memory at 4.7 GB (Node's default heap limit is about 4.3 GB); 1.9 million cells (62 MB)
 * worked at 3.9 GB. 64 MB is about 2 million cells (a 100,000-line ledger of 20 columns).
 */
export const MAX_CELL_XML_BYTES = 64_000_000;
/** Bytes of XML per cell, to put the limit in cells for the message (`<c r="B12" s="3"><v>1250</v></c>`). */
const BYTES_PER_CELL = 32;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

class File {
  readonly fd: number;
  readonly size: number;
  constructor(readonly path: string) {
    this.fd = openSync(path, "r");
    this.size = fstatSync(this.fd).size;
  }
  read(position: number, length: number): Buffer {
    const len = Math.max(0, Math.min(length, this.size - position));
    const buf = Buffer.alloc(len);
    let done = 0;
    while (done < len) {
      const n = readSync(this.fd, buf, done, len - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return buf.subarray(0, done);
  }
  close(): void {
    closeSync(this.fd);
  }
}

const unreadable = (path: string, nl: string, en: string) =>
  userError(`Excel-bestand onleesbaar: ${path}: ${nl}`, `Unreadable Excel file: ${path}: ${en}`);

/** Mostly printable text in the first bytes: a CSV or text export renamed to .xlsx? */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  let text = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) text++;
  return text / head.length > 0.95;
}

/** An OLE2 compound file: password-protected .xlsx, or an .xls (or another old Office file). */
function compoundFileError(file: File): Error {
  // The stream names sit in the directory sectors as UTF-16LE; a protected workbook has "EncryptedPackage".
  const utf16 = (s: string) => Buffer.from(s, "utf16le");
  const encrypted = utf16("EncryptedPackage");
  const workbook = [utf16("Workbook"), utf16("Book")];
  const chunk = 1 << 20;
  let isXls = false;
  for (let pos = 0; pos < file.size; pos += chunk - 64) {
    const buf = file.read(pos, chunk);
    if (buf.indexOf(encrypted) >= 0) {
      return unreadable(
        file.path,
        "de werkmap is beveiligd met een wachtwoord. Open hem in Excel en sla hem op zonder wachtwoord " +
          "(Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord: leegmaken), of exporteer het grootboek als CSV",
        "the workbook is password-protected. Open it in Excel and save it without a password " +
          "(File > Info > Protect Workbook > Encrypt with Password: clear it), or export the ledger as CSV",
      );
    }
    isXls ||= workbook.some((w) => buf.indexOf(w) >= 0);
  }
  return isXls
    ? unreadable(
        file.path,
        "dit is een .xls-bestand (Excel 97-2003) met de naam .xlsx. Open het in Excel en kies Opslaan als > Excel-werkmap (.xlsx)",
        "this is an .xls file (Excel 97-2003) named .xlsx. Open it in Excel and choose Save As > Excel Workbook (.xlsx)",
      )
    : unreadable(
        file.path,
        "dit is een ouder Office-bestand, geen .xlsx. Sla het in Excel op als Excel-werkmap (.xlsx)",
        "this is an older Office file, not an .xlsx. Save it in Excel as Excel Workbook (.xlsx)",
      );
}

/** A 64-bit little-endian number as a JS number (exact below 2^53). */
const u64 = (b: Buffer, at: number) => b.readUInt32LE(at) + b.readUInt32LE(at + 4) * 2 ** 32;

/** The entries of the zip's central directory; null when it cannot be found (a cut-off or damaged file). */
function centralDirectory(file: File): Entry[] | null {
  const tailLength = Math.min(file.size, 22 + 0xffff);
  const tailStart = file.size - tailLength;
  const tail = file.read(tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = file.read(tailStart + eocd - 20, 20);
    if (loc.length < 20 || loc.readUInt32LE(0) !== ZIP64_LOCATOR) return null;
    const z = file.read(u64(loc, 8), 56);
    if (z.length < 56 || z.readUInt32LE(0) !== ZIP64_EOCD) return null;
    count = u64(z, 32);
    cdSize = u64(z, 40);
    cdOffset = u64(z, 48);
  }
  if (cdOffset + cdSize > file.size || cdSize > 64 * 2 ** 20) return null;
  const cd = file.read(cdOffset, cdSize);
  const entries: Entry[] = [];
  for (let p = 0; entries.length < count && p + 46 <= cd.length;) {
    if (cd.readUInt32LE(p) !== CENTRAL) return null;
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const entry: Entry = {
      name: cd.toString("utf8", p + 46, p + 46 + nameLength),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
    };
    // Zip64: the sizes and offset that do not fit in 32 bits follow in extra field 0x0001, in this order.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength;) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (id === 1) {
        let at = x + 4;
        const next = () => {
          const value = at + 8 <= x + 4 + len ? u64(cd, at) : 0xffffffff;
          at += 8;
          return value;
        };
        if (entry.size === 0xffffffff) entry.size = next();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
        if (entry.offset === 0xffffffff) entry.offset = next();
      }
      x += 4 + len;
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes start (after its local header). */
function dataStart(file: File, entry: Entry): number | null {
  const local = file.read(entry.offset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) return null;
  return entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

/** A small entry's text (workbook.xml, its relationships); null when it cannot be read here. */
function entryText(file: File, entry: Entry | undefined): string | null {
  if (!entry || entry.size > 16 * 2 ** 20) return null;
  const start = dataStart(file, entry);
  if (start === null) return null;
  const raw = file.read(start, entry.compressedSize);
  try {
    if (entry.method === 0) return raw.toString("utf8");
    if (entry.method === 8) return Buffer.from(inflateSync(raw)).toString("utf8");
  } catch {
    // a damaged entry: ExcelJS will say so
  }
  return null;
}

/** The start of an entry's text, inflating no more than needed to see `until` (or `limit` bytes). */
function entryHead(file: File, entry: Entry, until: RegExp, limit = 256 * 1024): string {
  const start = dataStart(file, entry);
  if (start === null) return "";
  if (entry.method === 0) return file.read(start, Math.min(limit, entry.size)).toString("latin1");
  if (entry.method !== 8) return "";
  let text = "";
  let stop = false;
  const inflate = new Inflate((chunk) => {
    text += Buffer.from(chunk).toString("latin1");
    if (text.length >= limit || until.test(text)) stop = true;
  });
  try {
    for (let pos = 0; !stop && pos < entry.compressedSize; pos += 16 * 1024) {
      const part = file.read(start + pos, Math.min(16 * 1024, entry.compressedSize - pos));
      if (part.length === 0) break;
      inflate.push(part, pos + part.length >= entry.compressedSize);
    }
  } catch {
    // a damaged entry: what was inflated so far is all there is to see
  }
  return text.slice(0, limit);
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(tag)?.[2];

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");

/** Worksheet entry name → the sheet's name in the workbook (from workbook.xml and its relationships). */
function sheetNames(file: File, byName: Map<string, Entry>): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = entryText(file, byName.get("xl/workbook.xml"));
  const rels = entryText(file, byName.get("xl/_rels/workbook.xml.rels"));
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (!id || !target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    // "xl/worksheets/../worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"
    const parts: string[] = [];
    for (const part of path.split("/")) {
      if (part === "..") parts.pop();
      else if (part !== ".") parts.push(part);
    }
    targets.set(id, parts.join("/"));
  }
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(tag, "name");
    const id = /\s(?:\w+:)?id\s*=\s*(["'])(.*?)\1/.exec(tag)?.[2];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) names.set(target, unescapeXml(name));
  }
  return names;
}

/** "A1:J1260000" → cells in it; undefined when it is no range. */
function rangeCells(ref: string): number | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [c1, r1] = [col(m[1]), Number(m[2])];
  const [c2, r2] = m[3] ? [col(m[3]), Number(m[4])] : [c1, r1];
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

const mb = (bytes: number, language: "nl" | "en") => formatNumber(Math.round(bytes / 1e6), language) + " MB";
/** "12,6 miljoen" / "12.6 million"; below a million the number itself. */
const millions = (n: number, language: "nl" | "en") =>
  n < 1e6
    ? formatNumber(n, language)
    : `${formatNumber(n / 1e6, language, 1)} ${language === "nl" ? "miljoen" : "million"}`;

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
  if (head.length === 0) {
    throw unreadable(file.path, "het bestand is leeg (0 bytes)", "the file is empty (0 bytes)");
  }
  if (CFB_MAGIC.every((b, i) => head[i] === b)) throw compoundFileError(file);
  const isZip = head.length >= 4 && [LOCAL, EOCD].includes(head.readUInt32LE(0)); // EOCD: an empty archive
  if (!isZip) {
    throw looksLikeText(head)
      ? unreadable(
          file.path,
          "geen geldig .xlsx-bestand: het is tekst (een CSV-bestand met de naam .xlsx?). Geef een CSV-bestand de extensie .csv",
          "not a valid .xlsx file: it is text (a CSV file named .xlsx?). Give a CSV file the extension .csv",
        )
      : unreadable(
          file.path,
          "geen geldig .xlsx-bestand (geen zip-archief). Open het in Excel en sla het op als Excel-werkmap (.xlsx)",
          "not a valid .xlsx file (no zip archive). Open it in Excel and save it as Excel Workbook (.xlsx)",
        );
  }
  const entries = centralDirectory(file);
  if (!entries) {
    throw unreadable(
      file.path,
      "geen geldig .xlsx-bestand: het zip-archief is onvolledig of beschadigd (afgebroken download of kopie?)",
      "not a valid .xlsx file: the zip archive is incomplete or damaged (an interrupted download or copy?)",
    );
  }
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
  const where = (language: "nl" | "en") =>
    ref && area !== undefined
      ? language === "nl"
        ? `, bereik ${ref}: ${millions(area, "nl")} cellen`
        : `, range ${ref}: ${millions(area, "en")} cells`
      : "";
  const cellsNl = `ongeveer ${millions(maxBytes / BYTES_PER_CELL, "nl")} cellen`;
  const cellsEn = `about ${millions(maxBytes / BYTES_PER_CELL, "en")} cells`;
  throw userError(
    `Werkmap te groot om te lezen: ${file.path}: werkblad '${name}' heeft ${mb(largest?.size ?? total, "nl")} aan celgegevens` +
      `${where("nl")} (de hele werkmap ${mb(total, "nl")}; de grens is ${mb(maxBytes, "nl")}, ${cellsNl}). ` +
      "Sla alleen het grootboekblad op in een nieuwe werkmap, of exporteer het grootboek als CSV.",
    `Workbook too large to read: ${file.path}: sheet '${name}' has ${mb(largest?.size ?? total, "en")} of cell data` +
      `${where("en")} (the whole workbook ${mb(total, "en")}; the limit is ${mb(maxBytes, "en")}, ${cellsEn}). ` +
      "Save only the ledger sheet in a new workbook, or export the ledger as CSV.",
  );
}
