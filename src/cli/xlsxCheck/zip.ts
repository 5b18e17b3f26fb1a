/**
 * Reading a zip archive without unpacking it: the file read in pieces (File), the central
 * directory's entries with their uncompressed sizes (zip64 included), a small entry's whole text
 * and the start of a large one (inflating no more than needed). What xlsxCheck measures a
 * workbook with before ExcelJS would load all of it. Anything odd gives null: ExcelJS reports it.
 */
import { closeSync, fstatSync, openSync, readSync } from "fs";
import { Inflate, inflateSync } from "fflate";

export const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;

export interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export class File {
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

/** A 64-bit little-endian number as a JS number (exact below 2^53). */
const u64 = (b: Buffer, at: number) => b.readUInt32LE(at) + b.readUInt32LE(at + 4) * 2 ** 32;

/** The entries of the zip's central directory; null when it cannot be found (a cut-off or damaged file). */
export function centralDirectory(file: File): Entry[] | null {
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
export function entryText(file: File, entry: Entry | undefined): string | null {
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
export function entryHead(file: File, entry: Entry, until: RegExp, limit = 256 * 1024): string {
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
