/**
 * CSV files as a one-sheet workbook. Dutch exports use ";" (the decimal comma rules out ","),
 * English ones ",", AFAS and Excel's "Unicode text" a tab; older finance systems write
 * Windows-1252 rather than UTF-8, Excel's "Unicode text" UTF-16 with a BOM. A preamble line or
 * two ("Grootboekkaart 2022", "Administratie 001") may stand above the header: the ledger reader
 * finds the header itself. Cells stay text: the ledger reader parses Dutch and English numbers.
 */
import { readFileSync } from "fs";
import { basename } from "path";
import { parse } from "csv-parse/sync";
import { Grid } from "../model/types";
import { userError } from "./errors";
import { SheetGrid } from "./sheet";

export type Delimiter = ";" | "," | "\t";
export type TextEncodingName = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/**
 * Windows-1252 characters of bytes 0x80–0x9F (€, curly quotes, dashes, Š, Ž, …); the five
 * undefined bytes keep their Latin-1 code point. Node 20's TextDecoder("windows-1252") decodes
 * these as Latin-1 control characters, so the table is applied here.
 */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return text;
}

/** UTF-16 of either byte order, without its BOM (Node's TextDecoder knows only little-endian). */
function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  const body = bytes.subarray(2, bytes.length - (bytes.length % 2));
  if (!bigEndian) return new TextDecoder("utf-16le").decode(body);
  const swapped = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i += 2) {
    swapped[i] = body[i + 1];
    swapped[i + 1] = body[i];
  }
  return new TextDecoder("utf-16le").decode(swapped);
}

/**
 * UTF-16 when the bytes start with its BOM (FF FE little-endian, FE FF big-endian); else UTF-8
 * (a BOM is dropped) when the bytes are valid UTF-8; else Windows-1252.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes, false), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes, true), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

const SNIFF_LINES = 10;

/** Separators outside quotes on each of the first lines (a quoted field may span lines). */
function countPerLine(text: string, delimiter: Delimiter): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  for (let i = 0; i < text.length && counts.length < SNIFF_LINES; i++) {
    const ch = text[i];
    if (ch === '"')
      inQuotes = !inQuotes; // "" inside quotes toggles twice: no net change
    else if (!inQuotes && ch === delimiter) count++;
    else if (!inQuotes && ch === "\n") {
      counts.push(count);
      count = 0;
    }
  }
  if (count > 0) counts.push(count);
  return counts;
}

const DELIMITERS: readonly Delimiter[] = [";", "\t", ","];

/**
 * The separator of the first lines: the one found on more lines, then the one whose lines most
 * often have the same count (a preamble line with a stray comma does not count for much), then
 * the more frequent one; ";" before tab before "," on a tie (Dutch exports, and a decimal comma
 * is no separator).
 */
export function sniffDelimiter(text: string): Delimiter {
  const score = (d: Delimiter) => {
    const counts = countPerLine(text, d).filter((c) => c > 0);
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const steady = Math.max(0, ...freq.values());
    return { d, lines: counts.length, steady, total: counts.reduce((a, b) => a + b, 0) };
  };
  const scores = DELIMITERS.map(score);
  scores.sort((a, b) => b.lines - a.lines || b.steady - a.steady || b.total - a.total);
  return scores[0].d;
}

/**
 * The common shape of an export in one pass over the text: one line ending throughout ("\n" or "\r\n"),
 * quoted fields closed right before a separator or a line end. Gives the same records csv-parse gives
 * with the options of parseCsv below, or undefined for anything else (a lone "\r", mixed line endings,
 * text after a closing quote), which csv-parse then reads. Fields are copies of their piece of the text
 * (see own), and there is none of csv-parse's per-record bookkeeping (it builds an error object for every
 * record whose width differs from the first, i.e. every line under a preamble line).
 */
/**
 * A field as a string of its own. V8 makes a substring of 13 characters or more a view into its parent:
 * one description kept by a ledger line would keep the whole decoded file alive (a million-line file is
 * 250 MB of UTF-16 text once it holds one non-Latin-1 character), after the grid is let go. Shorter ones
 * are copies already.
 */
function own(field: string): string {
  return field.length < 13 ? field : Buffer.from(field, "utf16le").toString("utf16le");
}

/** Fields up to this length are shared (see parseCsvFast), up to this many distinct ones. */
const SHARED_LENGTH = 40;
const SHARED_COUNT = 200_000;

export function parseCsvFast(text: string, delimiter: Delimiter): string[][] | undefined {
  const sep = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const firstEnd = text.search(/[\r\n]/);
  const crlf = firstEnd >= 0 && text.charCodeAt(firstEnd) === CR;
  if (crlf && text.charCodeAt(firstEnd + 1) !== LF) return undefined;
  const records: string[][] = [];
  let row: string[] = [];
  // Short fields repeat (supplier, account, year, cost centre): one string each, which the grid and every
  // ledger line made from it share, instead of one per cell. Bounded, since amounts rarely repeat.
  const seen = new Map<string, string>();
  const shared = (field: string): string => {
    if (field.length > SHARED_LENGTH) return own(field);
    const hit = seen.get(field);
    if (hit !== undefined) return hit;
    const mine = own(field);
    if (seen.size < SHARED_COUNT) seen.set(mine, mine);
    return mine;
  };
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === QUOTE) {
      // A quoted field: "" is one quote; it must end right before a separator, a line end or the end.
      let value = "";
      let from = i + 1;
      let j = from;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) return undefined; // unclosed quote
        if (text.charCodeAt(j + 1) === QUOTE) {
          value += text.slice(from, j + 1);
          j += 2;
          from = j;
          continue;
        }
        break;
      }
      value += text.slice(from, j);
      row.push(shared(value));
      i = j + 1;
      c = i < n ? text.charCodeAt(i) : -1;
      if (c === sep) {
        i++;
        if (i === n) row.push("");
        continue;
      }
      if (c !== -1 && c !== LF && c !== CR) return undefined;
    } else {
      let j = i;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === sep || c === LF || c === CR) break;
        j++;
      }
      row.push(shared(text.slice(i, j)));
      i = j;
      c = i < n ? c : -1;
      if (c === sep) {
        i++;
        if (i === n) row.push("");
        continue;
      }
    }
    // A line end (or the end of the text) closes the record.
    if (c === CR) {
      if (!crlf || text.charCodeAt(i + 1) !== LF) return undefined;
      i += 2;
    } else if (c === LF) {
      if (crlf) return undefined;
      i += 1;
    }
    records.push(row);
    row = [];
  }
  if (row.length > 0) records.push(row);
  return records;
}

/** CSV text to a rectangular grid of strings ("" for missing cells at the end of short rows). */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(text)): Grid {
  const records: string[][] =
    parseCsvFast(text, delimiter) ??
    parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  const width = records.reduce((w, r) => Math.max(w, r.length), 0);
  for (const r of records) while (r.length < width) r.push("");
  return records;
}

/** A CSV file as one sheet named after the file. */
export function readCsvFile(path: string): SheetGrid {
  const { text } = decodeText(readFileSync(path));
  let grid: Grid;
  try {
    grid = parseCsv(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw userError(`CSV-bestand onleesbaar: ${path} (${why})`, `Unreadable CSV file: ${path} (${why})`);
  }
  return { name: basename(path), grid, firstRow: 1, firstColumn: 1 };
}
