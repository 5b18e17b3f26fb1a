/**
 * Issue 7, part 1: the CLI's file readers on arbitrary bytes. A CSV file of any bytes (non-UTF-8, NUL,
 * unbalanced quotes, a BOM in the wrong place) is a grid or a clear UserError; a crafted or corrupt .xlsx
 * is a clear UserError, never a crash, a hang or an out-of-memory abort.
 */
import fc from "fast-check";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { decodeText, decodeWindows1252, parseCsv, readCsvFile } from "../../src/cli/csv";
import { UserError } from "../../src/cli/errors";
import { readXlsxFile } from "../../src/cli/xlsx";
import { readLedger } from "../../src/model/grid";
import { ok, RUNS } from "./arbitraries";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ictcost-reliability-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Bytes that look like a CSV export often enough to reach the parser's corners. */
const csvBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          ";",
          ",",
          '"',
          "\n",
          "\r\n",
          "\r",
          "\ufeff",
          "\u0000",
          "=1+1",
          "é",
          "€",
          "Omschrijving;Bedrag",
        ),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => new TextEncoder().encode(parts.join(""))),
  // Windows-1252 text with the bytes UTF-8 rejects (0x80-0x9F, lone 0xE9).
  fc
    .array(fc.constantFrom(0x80, 0x93, 0x94, 0x9f, 0xe9, 0x3b, 0x22, 0x0a, 0x41, 0x31), { maxLength: 60 })
    .map((b) => Uint8Array.from(b)),
);

describe("CSV reading on arbitrary bytes", () => {
  it("decodeText never throws; valid UTF-8 stays UTF-8, anything else is Windows-1252 byte for character", () => {
    fc.assert(
      fc.property(csvBytes, (bytes) => {
        const { text, encoding } = decodeText(bytes);
        // A UTF-16 byte-order mark (FF FE, FE FF) is read as UTF-16 (issue 14).
        if (
          bytes.length >= 2 &&
          ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
        ) {
          ok(encoding === (bytes[0] === 0xff ? "utf-16le" : "utf-16be"), `encoding ${encoding}`);
          return;
        }
        let valid = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        ok(encoding === (valid ? "utf-8" : "windows-1252"), `encoding ${encoding}`);
        if (!valid) ok(text.length === bytes.length, "one character per byte");
      }),
      { numRuns: RUNS },
    );
  });

  it("parseCsv gives a rectangular grid of strings or throws an Error that readCsvFile turns into a UserError", () => {
    fc.assert(
      fc.property(csvBytes, (bytes) => {
        const { text } = decodeText(bytes);
        let grid: unknown[][] | null = null;
        try {
          grid = parseCsv(text);
        } catch (e) {
          ok(e instanceof Error, `parseCsv threw a non-Error: ${String(e)}`);
        }
        if (grid === null) return;
        const width = grid[0]?.length ?? 0;
        ok(
          grid.every((r) => r.length === width && r.every((c) => typeof c === "string")),
          "grid not rectangular text",
        );
        readLedger(grid as string[][]);
      }),
      { numRuns: RUNS },
    );
  });

  it("readCsvFile on files of arbitrary bytes: a sheet or a UserError naming the file, nothing else", () => {
    const file = path.join(dir, "grootboek.csv");
    let errors = 0;
    fc.assert(
      fc.property(csvBytes, (bytes) => {
        fs.writeFileSync(file, bytes);
        try {
          const sheet = readCsvFile(file);
          ok(sheet.name === "grootboek.csv" && Array.isArray(sheet.grid), "sheet");
        } catch (e) {
          errors++;
          ok(e instanceof UserError && e.message.includes(file), () => `not a UserError: ${String(e)}`);
        }
      }),
      { numRuns: 1_000 },
    );
    // The generator does reach the parser's refusals (an unclosed quote at the end of the file).
    expect(errors).toBeGreaterThan(0);
  });

  it("reads a Windows-1252 export with €, curly quotes and é (example)", () => {
    const bytes = Uint8Array.from([
      ...Buffer.from("Omschrijving;Bedrag\n", "latin1"),
      0x93,
      ...Buffer.from("Caf", "latin1"),
      0xe9,
      0x94,
      0x3b,
      0x80,
      ...Buffer.from(" 1.234,56\n", "latin1"),
    ]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("windows-1252");
    expect(text).toBe(decodeWindows1252(bytes));
    const read = readLedger(parseCsv(text));
    expect(read.lines).toEqual([
      expect.objectContaining({ description: "\u201cCafé\u201d", amount: 1234.56 }),
    ]);
  });
});

async function writeWorkbook(file: string, fill: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Grootboek"));
  await wb.xlsx.writeFile(file);
  return file;
}

async function expectUserError(file: string): Promise<void> {
  const outcome = await readXlsxFile(file).then(
    () => "read",
    (e: unknown) => (e instanceof UserError ? "UserError" : `other: ${String(e)}`),
  );
  expect({ file: path.basename(file), outcome }).toEqual({ file: path.basename(file), outcome: "UserError" });
}

describe("readXlsxFile on crafted and corrupt files", () => {
  let valid: Buffer;
  beforeAll(async () => {
    valid = fs.readFileSync(
      await writeWorkbook(path.join(dir, "valid.xlsx"), (ws) => {
        ws.addRow(["Omschrijving", "Bedrag"]);
        ws.addRow(["Licenties", 1000]);
      }),
    );
  });

  it("an empty file, random bytes, a CSV renamed to .xlsx: a UserError", async () => {
    const cases: [string, Uint8Array][] = [
      ["empty.xlsx", new Uint8Array(0)],
      ["random.xlsx", Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)],
      ["renamed.xlsx", new TextEncoder().encode("Omschrijving;Bedrag\nLicenties;1.000\n")],
      ["zip-header-only.xlsx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ];
    for (const [name, bytes] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      await expectUserError(file);
    }
  });

  it("a valid workbook cut short at several lengths: a UserError", async () => {
    for (const fraction of [0.1, 0.5, 0.9]) {
      const file = path.join(dir, `truncated-${fraction}.xlsx`);
      fs.writeFileSync(file, valid.subarray(0, Math.floor(valid.length * fraction)));
      await expectUserError(file);
    }
  });

  it("a workbook with one stray value at XFD200000 (a 6 KB file): a UserError, not an out-of-memory crash", async () => {
    const file = await writeWorkbook(path.join(dir, "stray-cell.xlsx"), (ws) => {
      ws.getCell("A1").value = "Omschrijving";
      ws.getCell("B1").value = "Bedrag";
      ws.getCell("A2").value = "Licenties";
      ws.getCell("B2").value = 1000;
      ws.getCell("XFD200000").value = "x";
    });
    expect(fs.statSync(file).size).toBeLessThan(20_000);
    await expectUserError(file);
  });

  it('a sparse but allowed workbook (values at A1 and Z20000) is read, blanks as ""', async () => {
    const file = await writeWorkbook(path.join(dir, "sparse.xlsx"), (ws) => {
      ws.getCell("A1").value = "Omschrijving";
      ws.getCell("B1").value = "Bedrag";
      ws.getCell("Z20000").value = "noot";
    });
    const [sheet] = await readXlsxFile(file);
    expect(sheet.grid).toHaveLength(20_000);
    expect(sheet.grid[19_999]).toHaveLength(26);
    expect(sheet.grid[19_999][25]).toBe("noot");
    expect(sheet.grid[5][5]).toBe("");
  });
});
