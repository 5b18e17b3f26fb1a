import { join } from "path";
import { decodeText, parseCsv, readCsvFile, sniffDelimiter } from "../../src/cli/csv";
import { readLedger } from "../../src/model/grid";

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(`\ufeff${text}`, "utf16le");
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

describe("CSV as real exports write it", () => {
  it("finds a tab separator (AFAS, Excel's Unicode text)", () => {
    expect(sniffDelimiter("Omschrijving\tBedrag\nLicentie\t1.234,56\nHuur\t-12,50\n")).toBe("\t");
  });

  it("reads UTF-16 with a BOM, little- and big-endian", () => {
    const text = "Omschrijving\tBedrag\nKey2Financiën\t€ 5,00\n";
    for (const [bigEndian, name] of [
      [false, "utf-16le"],
      [true, "utf-16be"],
    ] as const) {
      const decoded = decodeText(utf16(text, bigEndian));
      expect(decoded).toEqual({ text, encoding: name });
      const read = readLedger(parseCsv(decoded.text));
      expect(read.lines).toEqual([expect.objectContaining({ description: "Key2Financiën", amount: 5 })]);
    }
  });

  it("reads past a preamble of one or two lines with another field count", () => {
    const text =
      "Grootboekkaart boekjaar 2022, gemeente Voorbeeld\n" +
      "Administratie: 001;Gemeente\n" +
      "Omschrijving;Crediteur;Debet;Credit\n" +
      "Licentie;Centric;1.234,56;\n" +
      "Creditnota;Centric;;234,56\n";
    expect(sniffDelimiter(text)).toBe(";");
    const grid = parseCsv(text);
    const read = readLedger(grid);
    expect(read.headerRow).toBe(2);
    expect(read.lines.map((l) => l.amount)).toEqual([1234.56, -234.56]);
  });

  it("keeps quoted thousands in a comma-separated file", () => {
    const text =
      'Description,Supplier,Amount\n"Licence, yearly",Acme,"1,234.56"\nRent,Landlord,"12,000.00"\n';
    expect(sniffDelimiter(text)).toBe(",");
    const read = readLedger(parseCsv(text));
    expect(read.lines.map((l) => [l.description, l.amount])).toEqual([
      ["Licence, yearly", 1234.56],
      ["Rent", 12000],
    ]);
  });

  it("keeps quoted Dutch amounts with a comma separator", () => {
    const read = readLedger(parseCsv('Omschrijving,Bedrag\nLicentie,"1.234,56"\n'));
    expect(read.lines[0].amount).toBe(1234.56);
  });
});

describe("readCsvFile on the export fixtures", () => {
  const dir = join(__dirname, "..", "fixtures", "exports");

  it.each([
    ["exact-mutaties.csv", 1, 32],
    ["afas-mutaties.csv", 0, 31],
  ])("reads %s: header row %i, %i lines, no issues", (file, headerRow, lines) => {
    const sheet = readCsvFile(join(dir, file));
    const read = readLedger(sheet.grid, { sheet: sheet.name, firstRow: sheet.firstRow });
    expect(read.headerRow).toBe(headerRow);
    expect(read.issues).toEqual([]);
    expect(read.lines).toHaveLength(lines);
  });
});
