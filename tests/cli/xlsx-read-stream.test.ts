/**
 * A zip entry's XML reaches the scanner whole and in order on every path of scanEntry: inflated at once
 * (Node's zlib), inflated in slices (fflate, for parts too big to inflate at once) and stored; multi-byte
 * characters cut between two pieces are joined again.
 */
import { strToU8, zipSync } from "fflate";
import { readZip } from "../../src/cli/ooxml/zip";
import { scanEntry } from "../../src/cli/xlsxRead/entryStream";
import { decodeXml, XmlScanner } from "../../src/cli/xlsxRead/xmlScan";

/** A few MB of cells with text in several scripts, so that pieces end inside characters. */
function bigXml(): { xml: string; texts: string[] } {
  const texts: string[] = [];
  let xml = "<sheetData>";
  for (let i = 0; i < 60_000; i++) {
    const t = `€ ${i} & ${"Ærø😀é–".repeat(20 + (i % 7))}`;
    texts.push(t);
    xml += `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${t.replace(/&/g, "&amp;")}</t></is></c></row>`;
  }
  return { xml: xml + "</sheetData>", texts };
}

function textsOf(bytes: Uint8Array, atOnce?: number): string[] {
  const zip = readZip(bytes);
  const out: string[] = [];
  let inT = false;
  const scanner = new XmlScanner({
    open: (name) => {
      if (name === "t") inT = true;
    },
    close: (name) => {
      if (name === "t") inT = false;
    },
    text: (s, a, b) => {
      if (inT) out.push(decodeXml(s.slice(a, b)));
    },
  });
  scanEntry(zip, zip.entries[0], scanner, atOnce);
  return out;
}

describe("scanEntry", () => {
  const { xml, texts } = bigXml();

  it.each([
    ["deflated, inflated at once", 6, undefined],
    ["deflated, inflated in slices", 6, 0],
    ["stored", 0, undefined],
  ] as const)("%s", (_, level, atOnce) => {
    const bytes = zipSync({ "sheet.xml": [strToU8(xml), { level }] });
    expect(textsOf(bytes, atOnce)).toEqual(texts);
  });
});
