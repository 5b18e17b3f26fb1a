/**
 * What kind of file it is, from its first bytes: an OLE2 compound file (D0 CF 11 E0) is a
 * password-protected workbook (it holds an "EncryptedPackage" stream), an old .xls or another old
 * Office file; mostly printable bytes are text (a CSV named .xlsx); a zip starts with a local
 * header (or, empty, with the end of its central directory).
 */
import { olderOfficeFile, passwordProtected, xlsNamedXlsx } from "./messages";
import { EOCD, File, LOCAL } from "./zip";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The first bytes of an OLE2 compound file. */
export function isCompoundFile(head: Buffer): boolean {
  return CFB_MAGIC.every((b, i) => head[i] === b);
}

/** A zip archive's first bytes; EOCD: an empty archive. */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && [LOCAL, EOCD].includes(head.readUInt32LE(0));
}

/** Mostly printable text in the first bytes: a CSV or text export renamed to .xlsx? */
export function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  let text = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) text++;
  return text / head.length > 0.95;
}

/** An OLE2 compound file: password-protected .xlsx, or an .xls (or another old Office file). */
export function compoundFileError(file: File): Error {
  // The stream names sit in the directory sectors as UTF-16LE; a protected workbook has "EncryptedPackage".
  const utf16 = (s: string) => Buffer.from(s, "utf16le");
  const encrypted = utf16("EncryptedPackage");
  const workbook = [utf16("Workbook"), utf16("Book")];
  const chunk = 1 << 20;
  let isXls = false;
  for (let pos = 0; pos < file.size; pos += chunk - 64) {
    const buf = file.read(pos, chunk);
    if (buf.indexOf(encrypted) >= 0) return passwordProtected(file.path);
    isXls ||= workbook.some((w) => buf.indexOf(w) >= 0);
  }
  return isXls ? xlsNamedXlsx(file.path) : olderOfficeFile(file.path);
}
