import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { decodeText, decodeWindows1252, parseCsv, readCsvFile, sniffDelimiter } from "../../src/cli/csv";
import { readLedger } from "../../src/model/grid";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-csv-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sniffDelimiter", () => {
  it("finds ';' in a Dutch export with decimal commas", () => {
    expect(sniffDelimiter("omschrijving;bedrag\nLicentie;1.234,56\nHuur;12,50\n")).toBe(";");
  });

  it("finds ',' in an English export", () => {
    expect(sniffDelimiter("description,supplier,amount\nLicence,Acme,1234.56\n")).toBe(",");
  });

  it("ignores separators inside quotes", () => {
    const text = 'description,amount\n"Licenties; onderhoud; support",1200\n"Huur; koffie",50\n';
    expect(sniffDelimiter(text)).toBe(",");
    const semi = 'omschrijving;bedrag\n"Licenties, onderhoud, support";1.200,00\n"a, b, c, d";3,00\n';
    expect(sniffDelimiter(semi)).toBe(";");
  });

  it("counts a quoted field over several lines as one line", () => {
    const text = 'a;b;c\n"regel 1,\nregel 2,\nregel 3,";x;y\n';
    expect(sniffDelimiter(text)).toBe(";");
  });

  it("finds ';' in the development ledger", () => {
    const text = readFileSync(join(__dirname, "../fixtures/cli/ledger-dev.csv"), "utf8");
    expect(sniffDelimiter(text)).toBe(";");
  });
});

describe("decodeText", () => {
  it("reads UTF-8 and drops a BOM", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from("Omschrijving;Bedrag\nKey2Financiën;€ 5,00"),
    ]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("utf-8");
    expect(text.startsWith("Omschrijving")).toBe(true);
    expect(text).toContain("Key2Financiën;€ 5,00");
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    // "Key2Financiën € 1.234,56" as an older finance system writes it: ë = 0xEB, € = 0x80.
    const bytes = Buffer.from([
      ...Buffer.from("Key2Financi", "ascii"),
      0xeb,
      ...Buffer.from("n;", "ascii"),
      0x80,
      ...Buffer.from(" 1.234,56", "ascii"),
    ]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("windows-1252");
    expect(text).toBe("Key2Financiën;€ 1.234,56");
  });
});

describe("parseCsv", () => {
  it("keeps quoted separators, quotes and newlines inside a field", () => {
    const grid = parseCsv(
      'Omschrijving;Bedrag\n"Licenties; onderhoud en ""support""\n2e regel";"1.234,56"\n',
    );
    expect(grid).toEqual([
      ["Omschrijving", "Bedrag"],
      ['Licenties; onderhoud en "support"\n2e regel', "1.234,56"],
    ]);
  });

  it("pads short rows so the grid is rectangular and keeps every cell a string", () => {
    const grid = parseCsv("a;b;c\n1\n\n2;3;4\n");
    expect(grid).toEqual([
      ["a", "b", "c"],
      ["1", "", ""],
      ["", "", ""],
      ["2", "3", "4"],
    ]);
  });
});

describe("readCsvFile", () => {
  it("gives one sheet named after the file, rows numbered from 1", () => {
    const path = join(dir, "grootboek.csv");
    writeFileSync(path, "\ufeffTitel export\n\nOmschrijving;Bedrag\nTOPdesk;1.200,00\n");
    const sheet = readCsvFile(path);
    expect(sheet).toMatchObject({ name: "grootboek.csv", firstRow: 1, firstColumn: 1 });
    const read = readLedger(sheet.grid, { sheet: sheet.name, firstRow: sheet.firstRow });
    expect(read.lines.map((l) => [l.row, l.description, l.amount])).toEqual([[4, "TOPdesk", 1200]]);
  });

  it("reads a Windows-1252 file with Dutch numbers", () => {
    const path = join(dir, "cp1252.csv");
    const text = "Omschrijving;Leverancier;Bedrag\nKey2Financiën onderhoud;Centric;€ 52.118,40\n";
    writeFileSync(path, Buffer.from(text.replace("€", "\x80"), "latin1"));
    const sheet = readCsvFile(path);
    const read = readLedger(sheet.grid);
    expect(read.lines[0]).toMatchObject({ description: "Key2Financiën onderhoud", amount: 52118.4 });
  });

  it("reads a comma-separated file with English numbers", () => {
    const path = join(dir, "en.csv");
    writeFileSync(path, 'Description,Supplier,Amount\n"Licences, yearly",Adobe,"1,234.50"\n');
    const read = readLedger(readCsvFile(path).grid);
    expect(read.lines.map((l) => [l.description, l.supplier, l.amount])).toEqual([
      ["Licences, yearly", "Adobe", 1234.5],
    ]);
  });
});

describe("decodeWindows1252", () => {
  it("maps every byte, with the Windows characters in 0x80-0x9F", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    expect(text.length).toBe(256);
    expect(text[0x41]).toBe("A");
    expect(text[0x80]).toBe("€");
    expect(text.slice(0x91, 0x98)).toBe("‘’“”•–—");
    expect(text[0x8a] + text[0x9e]).toBe("Šž");
    expect(text[0xeb]).toBe("ë");
    expect(text[0xff]).toBe("ÿ");
  });
});
