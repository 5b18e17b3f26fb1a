/**
 * A zip entry's XML into a scanner piece by piece, decoded as UTF-8 a megabyte at a time (a character cut
 * between two pieces waits for the next), so no part's XML becomes one string. Parts up to AT_ONCE are
 * inflated in one go by Node's zlib (its bytes, one byte a character, are held meanwhile); larger ones are
 * inflated in slices by fflate, so a 400 MB sheet costs the memory of one slice.
 */
import { Inflate } from "fflate";
import { TextDecoder } from "util";
import { inflateRawSync } from "zlib";
import { ZipArchive, ZipEntry, ZipFormatError } from "../ooxml/zip";
import { XmlScanner } from "./xmlScan";

/** Compressed bytes inflated per step: about 1–8 MB of XML per piece the scanner sees. */
const SLICE = 256 * 1024;
/**
 * Parts up to this size are inflated at once by Node's zlib (native: about twice fflate's speed) and
 * decoded in slices; larger ones (only workbooks past the size check's limit, see xlsxCheck.ts) stream
 * through fflate so that their XML is never held whole.
 */
const AT_ONCE = 96 << 20;

export function scanEntry(zip: ZipArchive, e: ZipEntry, scanner: XmlScanner, atOnce = AT_ONCE): void {
  const data = zip.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  let decoder: TextDecoder | undefined;
  const take = (chunk: Uint8Array, last: boolean) => {
    // The encoding from the first bytes: UTF-8, or UTF-16 with its byte order mark (XML allows it).
    decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? "utf-16le" : "utf-8");
    const text = decoder.decode(chunk, { stream: !last });
    if (text.length) scanner.feed(text);
  };
  if (e.method === 8 && e.size <= atOnce) {
    // One output chunk of the known size: no copying of 16 KB pieces into one buffer.
    const xml = inflateRawSync(data, { chunkSize: Math.max(64 * 1024, e.size + 1) });
    for (let p = 0; p < xml.length; p += SLICE * 4) {
      take(xml.subarray(p, p + SLICE * 4), p + SLICE * 4 >= xml.length);
    }
    if (xml.length === 0) take(new Uint8Array(0), true);
  } else if (e.method === 0) {
    for (let p = 0; p < data.length; p += SLICE * 4) {
      take(data.subarray(p, p + SLICE * 4), p + SLICE * 4 >= data.length);
    }
    if (data.length === 0) take(new Uint8Array(0), true);
  } else if (e.method === 8) {
    let done = false;
    const inflate = new Inflate((chunk, final) => {
      take(chunk, final);
      if (final) done = true;
    });
    for (let p = 0; p < data.length; p += SLICE) {
      inflate.push(data.subarray(p, p + SLICE), p + SLICE >= data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
    if (!done) take(new Uint8Array(0), true);
  } else {
    throw new ZipFormatError(`${e.name}: compression method ${e.method} is not supported`);
  }
  scanner.end();
}
