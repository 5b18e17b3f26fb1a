import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { findFileInputs, readInputFile } from "../../src/cli/input";
import { readXlsxFile } from "../../src/cli/xlsx";
import { excelSerial, plainValue } from "./exceljs-reader";
import { SAMPLE_NAME } from "../../src/model/sample";

let dir: string;
let path: string;
const JAN_31_2023 = new Date(Date.UTC(2023, 0, 31));

/** A workbook as users keep them: a cover sheet, then a ledger below title rows with every kind of cell. */
async function writeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet("Voorblad");
  cover.getCell("B2").value = "Begroting ICT";
  cover.getCell("B3").value = "Inwoners";
  cover.getCell("C3").value = 45000;
  const ws = wb.addWorksheet("Export");
  ws.getCell("A1").value = {
    richText: [{ text: "Grootboek", font: { bold: true } }, { text: "export ICT" }],
  };
  ws.getCell("A2").value = JAN_31_2023;
  ["Omschrijving", "Leverancier", "Bedrag", "Boekdatum"].forEach(
    (h, i) => (ws.getRow(4).getCell(i + 2).value = h),
  );
  ws.getCell("B5").value = {
    richText: [{ text: "Key2Financiën " }, { text: "onderhoud", font: { italic: true } }],
  };
  ws.getCell("C5").value = { text: "Centric", hyperlink: "https://www.centric.eu" };
  ws.getCell("D5").value = 1200;
  ws.getCell("E5").value = JAN_31_2023;
  ws.getCell("B6").value = "Licentie TOPdesk";
  ws.getCell("D6").value = { formula: "D5*2", result: 2400 } as ExcelJS.CellFormulaValue;
  ws.getCell("B7").value = "Bedrag kapot";
  ws.getCell("D7").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("B8").value = "Samengevoegde omschrijving";
  ws.mergeCells("B8:C8");
  ws.getCell("D8").value = "1.234,56";
  const offset = wb.addWorksheet("Verschoven");
  offset.getCell("C3").value = "Omschrijving";
  offset.getCell("D3").value = "Bedrag";
  offset.getCell("C4").value = "Zivver";
  offset.getCell("D4").value = 99;
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ictcost-xlsx-"));
  path = join(dir, "werkmap.xlsx");
  await writeWorkbook(path);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("plainValue", () => {
  it("gives what Range.values gives", () => {
    expect(plainValue(null)).toBe("");
    expect(plainValue(12.5)).toBe(12.5);
    expect(plainValue(true)).toBe(true);
    expect(plainValue({ richText: [{ text: "a" }, { text: "b" }] })).toBe("ab");
    expect(plainValue({ text: "site", hyperlink: "https://x" })).toBe("site");
    expect(plainValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(plainValue({ sharedFormula: "A1", result: 7 } as ExcelJS.CellSharedFormulaValue)).toBe(7);
    expect(plainValue({ formula: "A1" })).toBe("");
    expect(plainValue(JAN_31_2023)).toBe(44957);
  });

  it("counts dates in the workbook's date system", () => {
    expect(excelSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61); // as Excel, from March 1900 on
    expect(excelSerial(JAN_31_2023, true)).toBe(44957 - 1462);
  });
});

describe("readXlsxFile", () => {
  it("reads every sheet's used range with its spreadsheet offsets", async () => {
    const sheets = await readXlsxFile(path);
    expect(sheets.map((s) => [s.name, s.firstRow, s.firstColumn])).toEqual([
      ["Voorblad", 2, 2],
      ["Export", 1, 1],
      ["Verschoven", 3, 3],
    ]);
    expect(sheets[2].grid).toEqual([
      ["Omschrijving", "Bedrag"],
      ["Zivver", 99],
    ]);
  });

  it("turns rich text, hyperlinks, formulas, errors, dates and merged cells into plain values", async () => {
    const grid = (await readXlsxFile(path))[1].grid;
    expect(grid[0][0]).toBe("Grootboekexport ICT");
    expect(grid[1][0]).toBe(44957);
    expect(grid[4]).toEqual(["", "Key2Financiën onderhoud", "Centric", 1200, 44957]);
    expect(grid[5][3]).toBe(2400);
    expect(grid[6][3]).toBe("#N/A");
    expect(grid[7].slice(1, 4)).toEqual(["Samengevoegde omschrijving", "", "1.234,56"]);
    expect(new Set(grid.map((r) => r.length))).toEqual(new Set([5]));
  });
});

describe("ledger and key figures of a workbook", () => {
  it("finds the ledger sheet by its header and numbers rows as the spreadsheet does", async () => {
    const book = await readInputFile(path);
    const inputs = findFileInputs(book);
    expect(inputs.ledger.sheet.name).toBe("Export");
    const read = inputs.read;
    expect(read.lines.map((l) => [l.row, l.description, l.supplier, l.amount])).toEqual([
      [5, "Key2Financiën onderhoud", "Centric", 1200],
      [6, "Licentie TOPdesk", "", 2400],
      [8, "Samengevoegde omschrijving", "", 1234.56],
    ]);
    expect(read.issues.map((i) => [i.sheet, i.row])).toEqual([["Export", 7]]);
  });

  it("uses --sheet when given, matching the name case-insensitively", async () => {
    const book = await readInputFile(path);
    const inputs = findFileInputs(book, "verschoven");
    expect(inputs.read.lines.map((l) => [l.row, l.description, l.amount])).toEqual([[4, "Zivver", 99]]);
    expect(() => findFileInputs(book, "Regels")).toThrow(
      /Het grootboek 'Regels' is niet \(meer\) in de werkmap.*'Voorblad', 'Export'/,
    );
    expect(() => findFileInputs(book, "Voorblad")).toThrow(/kolommen Omschrijving en Bedrag niet gevonden/);
  });

  it("finds the key figures on the other sheets of the example workbook", async () => {
    const book = await readInputFile(join(__dirname, "../../examples/voorbeeldrade.xlsx"));
    const inputs = findFileInputs(book);
    expect(inputs.ledger.sheet.name).toBe("Grootboek");
    const { figures, issues } = inputs;
    expect(issues).toEqual([]);
    expect(figures.map((f) => [f.municipality, f.year])).toEqual([
      [`Gemeente ${SAMPLE_NAME}`, 2022],
      [`Gemeente ${SAMPLE_NAME}`, 2023],
    ]);
    expect(figures.every((f) => f.inhabitants! > 60000 && f.budget! > 1e8 && f.fteOwn! > 0)).toBe(true);
  });
});
