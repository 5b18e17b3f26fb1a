/**
 * Issue 14, items 2 and 6: an .xlsx is looked at before ExcelJS loads it (src/cli/xlsxCheck.ts).
 * Tiny handmade files: a password-protected workbook and an .xls (OLE2 compound files), text and random
 * bytes, a cut-off zip, and a workbook whose zip directory says its sheet holds 400 MB of cells
 * (12.6 million cells, the size that ran out of memory): each is exit 2 with a bilingual message that
 * says what to do, and no zip library's message or URL. The real 12.6-million-cell workbook is
 * scripts/bench/xlsx-guard.js (BENCHMARKS.md).
 */
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { zipSync, strToU8 } from "fflate";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/cli";
import { UserError } from "../../src/cli/errors";
import { readXlsxFile } from "../../src/cli/xlsx";
import { checkXlsxFile } from "../../src/cli/xlsxCheck";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-xlsxcheck-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A minimal .xlsx: one sheet "Grootboek 'ICT' & co" with the given sheet XML body. */
function workbook(sheetData: string, dimension = "A1:B2"): Uint8Array {
  const xml = (s: string) => strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + s);
  return zipSync({
    "[Content_Types].xml": xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        "</Types>",
    ),
    "_rels/.rels": xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": xml(
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>` +
        '<sheet name="Grootboek &apos;ICT&apos; &amp; co" sheetId="1" r:id="rId7"/></sheets></workbook>',
    ),
    "xl/_rels/workbook.xml.rels": xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": xml(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<dimension ref="${dimension}"/><sheetData>${sheetData}</sheetData></worksheet>`,
    ),
  });
}

const LEDGER =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Omschrijving</t></is></c><c r="B1" t="inlineStr"><is><t>Bedrag</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>Licenties</t></is></c><c r="B2"><v>1000</v></c></row>';

/** The zip directory's uncompressed size of `name` set to `size` (the data itself stays small). */
function claimSize(zip: Uint8Array, name: string, size: number): Buffer {
  const buf = Buffer.from(zip);
  const at = buf.lastIndexOf(Buffer.from(name)); // the central directory entry comes after the local one
  expect(buf.readUInt32LE(at - 46)).toBe(0x02014b50);
  buf.writeUInt32LE(size, at - 46 + 24);
  return buf;
}

/** An OLE2 compound file: the magic bytes, then directory entries with these UTF-16LE stream names. */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entries = ["Root Entry", ...streams].map((s) => {
    const e = Buffer.alloc(128);
    e.write(s, 0, "utf16le");
    e.writeUInt16LE((s.length + 1) * 2, 64);
    return e;
  });
  return Buffer.concat([header, ...entries, Buffer.alloc(512 - 128 * (entries.length % 4))]);
}

async function classify(name: string, bytes: Uint8Array) {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const r = await run(["classify", file]);
  expect(r.exitCode).toBe(2);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stderr).not.toMatch(/https?:|jszip|interne fout|internal error/i);
  return r.stderr;
}

describe("a file that is no .xlsx says what it is (item 6)", () => {
  it("a password-protected workbook", async () => {
    const stderr = await classify(
      "beveiligd.xlsx",
      compoundFile(["\u0006DataSpaces", "EncryptionInfo", "EncryptedPackage"]),
    );
    expect(stderr).toMatch(
      /beveiligd met een wachtwoord\..*sla hem op zonder wachtwoord.* \/ .*password-protected\. .*save it without a password/,
    );
  });

  it("an .xls named .xlsx", async () => {
    const stderr = await classify("oud.xlsx", compoundFile(["Workbook", "\u0005SummaryInformation"]));
    expect(stderr).toMatch(/dit is een \.xls-bestand .*Opslaan als.* \/ .*this is an \.xls file .*Save As/);
  });

  it("another old Office file, text, random bytes, an empty file, a cut-off zip", async () => {
    expect(await classify("word.xlsx", compoundFile(["WordDocument"]))).toMatch(/ouder Office-bestand/);
    expect(await classify("tekst.xlsx", strToU8("Omschrijving;Bedrag\nLicenties;1.000\n"))).toMatch(
      /geen geldig \.xlsx-bestand: het is tekst .*extensie \.csv \/ .*not a valid \.xlsx file: it is text/,
    );
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(await classify("random.xlsx", random)).toMatch(/geen geldig \.xlsx-bestand \(geen zip-archief\)/);
    expect(await classify("leeg.xlsx", new Uint8Array(0))).toMatch(/het bestand is leeg/);
    const good = workbook(LEDGER);
    expect(await classify("afgebroken.xlsx", good.subarray(0, good.length - 40))).toMatch(
      /onvolledig of beschadigd .* \/ .*incomplete or damaged/,
    );
  });

  it("a damaged entry inside a good zip: ExcelJS's words as a detail, after the advice", async () => {
    const bytes = Buffer.from(workbook(LEDGER.repeat(20)));
    const sheet = bytes.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + "xl/worksheets/sheet1.xml".length;
    for (let i = 10; i < 40; i++) bytes[sheet + i] ^= 0x55; // the deflated sheet XML
    expect(await classify("kapot.xlsx", bytes)).toMatch(
      /^ictcost: Excel-bestand onleesbaar: .*kapot\.xlsx: het bestand is beschadigd\. Open het in Excel .* \(.+\) \/ Unreadable Excel file: .*: the file is damaged\. /,
    );
  });

  it("a good small workbook is still read", async () => {
    const file = join(dir, "goed.xlsx");
    writeFileSync(file, workbook(LEDGER));
    const [sheet] = await readXlsxFile(file);
    expect(sheet.name).toBe("Grootboek 'ICT' & co");
    expect(sheet.grid).toEqual([
      ["Omschrijving", "Bedrag"],
      ["Licenties", 1000],
    ]);
  });
});

describe("damaged zip directories", () => {
  it("checkXlsxFile returns or throws a UserError, never anything else (500 files with bytes changed)", () => {
    const good = Buffer.from(workbook(LEDGER, "A1:J1260000"));
    const cd = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), good.length - 22);
    const file = join(dir, "beschadigd.xlsx");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (changes, directoryOnly) => {
          const bytes = Buffer.from(good);
          const from = directoryOnly ? cd - 200 : 0;
          for (const [at, value] of changes) bytes[from + (at % (bytes.length - from))] = value;
          writeFileSync(file, bytes);
          try {
            checkXlsxFile(file, { maxCellXmlBytes: 100 });
          } catch (e) {
            if (!(e instanceof UserError)) throw e;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("a workbook too large for memory is refused before it is loaded (item 2)", () => {
  it("12.6 million cells (the zip directory says 400 MB of sheet XML): exit 2 at once, naming sheet and range", async () => {
    const zip = claimSize(workbook(LEDGER, "A1:J1260000"), "xl/worksheets/sheet1.xml", 400_000_000);
    const t0 = Date.now();
    const stderr = await classify("groot.xlsx", zip);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(stderr.trimEnd()).toMatch(
      /^ictcost: Werkmap te groot om te lezen: .*groot\.xlsx: werkblad 'Grootboek 'ICT' & co' heeft 400 MB aan celgegevens, bereik A1:J1260000: 12,6 miljoen cellen .*de grens is 64 MB.*Sla alleen het grootboekblad op in een nieuwe werkmap, of exporteer het grootboek als CSV\. \/ Workbook too large to read: .*sheet 'Grootboek 'ICT' & co' has 400 MB of cell data, range A1:J1260000: 12\.6 million cells .*Save only the ledger sheet in a new workbook, or export the ledger as CSV\.$/,
    );
  });

  it("the limit counts the sheet's real XML size (a lowered limit on a real file)", () => {
    const file = join(dir, "klein.xlsx");
    writeFileSync(file, workbook(LEDGER, "A1:B2"));
    const size = LEDGER.length;
    expect(() => checkXlsxFile(file, { maxCellXmlBytes: size + 200 })).not.toThrow();
    expect(() => checkXlsxFile(file, { maxCellXmlBytes: size })).toThrow(UserError);
    expect(() => checkXlsxFile(file, { maxCellXmlBytes: size })).toThrow(/bereik A1:B2: 4 cellen/);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});
