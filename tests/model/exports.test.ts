/**
 * The five export shapes of tests/fixtures/exports (scripts/make-export-fixtures.js) through the
 * core reader: every hand-labelled line read, nothing else, and the reconciliation exact to the
 * cent against totals computed here from the fixture's own cells, independently of the reader.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { decodeText, parseCsv } from "../../src/cli/csv";
import { readXlsxFile } from "../../src/cli/xlsx";
import { LedgerRead, readLedger, yearFromSheetName } from "../../src/model/grid";
import { reconcile, reconciliationText } from "../../src/model/reconciliation";

const DIR = join(__dirname, "..", "fixtures", "exports");

/** Answer rows per sheet: spreadsheet row → expected category. */
function answers(name: string): Map<string, Map<number, string>> {
  const rows = readFileSync(join(DIR, `${name}.expected.csv`), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const out = new Map<string, Map<number, string>>();
  for (const r of rows) {
    const f = r.split(";");
    const sheet = f[0];
    if (!out.has(sheet)) out.set(sheet, new Map());
    out.get(sheet)?.set(Number(f[1]), f[f.length - 1]);
  }
  return out;
}

/** "1.234,56" / "-1.234,56" / "1234,56" / "" → cents, by hand (not the product's parser). */
function dutchCents(s: string): number {
  if (s.trim() === "") return 0;
  const negative = s.startsWith("-");
  const [whole, fraction] = s.replace("-", "").split(",");
  const cents = Number(whole.split(".").join("")) * 100 + Number(fraction);
  return negative ? -cents : cents;
}

const toCents = (x: number) => Math.round(x * 100);

async function rawSheet(file: string, sheet: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(DIR, file));
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return ws;
}

function numberAt(ws: ExcelJS.Worksheet, r: number, c: number): number {
  const v = ws.getRow(r).getCell(c).value;
  if (typeof v === "number") return v;
  if (v && typeof v === "object" && "result" in v && typeof v.result === "number") return v.result;
  return 0;
}

function expectEveryLabelledLine(read: LedgerRead, expected: Map<number, string> | undefined): void {
  expect(read.issues).toEqual([]);
  expect(read.missing).toEqual([]);
  expect(read.ambiguous).toEqual([]);
  expect(read.lines.map((l) => l.row)).toEqual([...(expected ?? new Map()).keys()]);
}

describe("a. Unit4-style grootboekkaart (.xlsx)", () => {
  let read: LedgerRead;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const [sheet] = await readXlsxFile(join(DIR, "unit4-grootboekkaart.xlsx"));
    read = readLedger(sheet.grid, { sheet: sheet.name, firstRow: sheet.firstRow });
    ws = await rawSheet("unit4-grootboekkaart.xlsx", "Grootboekkaart");
  });

  it("finds the capitalised headers below two title rows and reads every labelled line", () => {
    expect(read.headerRow).toBe(2);
    expect(read.amountFrom).toBe("debitCredit");
    expect(read.mapping).toMatchObject({
      date: 0,
      account: 1,
      taakveld: 2,
      iv3Category: 3,
      supplierNumber: 4,
    });
    expect(read.mapping).toMatchObject({ supplier: 5, description: 6, debit: 7, credit: 8, balance: 9 });
    expectEveryLabelledLine(read, answers("unit4-grootboekkaart").get("Grootboekkaart"));
    expect(read.lines[0]).toMatchObject({
      supplier: "Vastgoed Voorbeeldrade BV",
      taakveld: "0.3 Beheer overige gebouwen en gronden",
    });
  });

  it("takes the year from BOEKDATUM, the amount as DEBET − CREDIT (never the running SALDO)", () => {
    expect(read.yearSources).toMatchObject({ datum: read.lines.length, none: 0 });
    let cents = 0;
    let grand = 0;
    ws.eachRow((row, r) => {
      const first = String(row.getCell(1).value ?? "");
      const debitCredit = toCents(numberAt(ws, r, 8)) - toCents(numberAt(ws, r, 9));
      if (first === "Totaal generaal") grand = debitCredit;
      else if (/^\d\d-\d\d-\d{4}$/.test(first)) cents += debitCredit;
    });
    const rec = reconcile(read);
    expect(toCents(rec.lines.sum)).toBe(cents);
    expect(grand).toBe(cents);
    expect(rec.sourceTotal).toMatchObject({ label: "Totaal generaal", agrees: true, difference: 0 });
    expect(toCents(rec.sourceTotal?.amount ?? NaN)).toBe(grand);
    expect(rec.status).toBe("ok");
  });

  it("shows the subtotals per account, the blank rows and the repeated header in the reconciliation", () => {
    const rec = reconcile(read);
    const accounts = new Set(read.lines.map((l) => l.account)).size;
    expect(rec.skipped.subtotal.count).toBe(accounts);
    expect(toCents(rec.skipped.subtotal.sum)).toBe(toCents(rec.lines.sum));
    expect(rec.subtotalsDiffering).toEqual([]);
    expect(rec.skipped.blank.count).toBe(accounts);
    expect(rec.skipped.header.count).toBe(1);
    expect(reconciliationText(rec, "nl")).toContain("klopt tot op de cent");
  });
});

describe("b. Exact-style CSV (Windows-1252, preamble, Debet/Credit as Dutch text)", () => {
  const bytes = readFileSync(join(DIR, "exact-mutaties.csv"));
  const { text, encoding } = decodeText(bytes);
  const read = readLedger(parseCsv(text), { sheet: "exact-mutaties.csv" });

  it("decodes Windows-1252 and finds the header below the preamble", () => {
    expect(encoding).toBe("windows-1252");
    expect(read.headerRow).toBe(1);
    expectEveryLabelledLine(read, answers("exact-mutaties").get("exact-mutaties.csv"));
    expect(read.lines.some((l) => l.description === "Key2Financiën licenties à € 12 per gebruiker")).toBe(
      true,
    );
    expect(read.lines.some((l) => l.description === 'Monitoring "servers; storage" door SOC')).toBe(true);
    expect(read.lines.every((l) => l.document?.startsWith("F2022-"))).toBe(true);
  });

  it("sums Debet − Credit to the cent, years from Boekjaar", () => {
    // By hand: the last two fields of each data line (a quoted description may hold a ";").
    const lines = bytes
      .toString("latin1")
      .split("\r\n")
      .slice(2)
      .filter((l) => l !== "");
    const cents = lines.reduce((s, l) => {
      const f = l.split(";");
      return s + dutchCents(f[f.length - 2]) - dutchCents(f[f.length - 1]);
    }, 0);
    const rec = reconcile(read);
    expect(toCents(rec.lines.sum)).toBe(cents);
    expect(rec.sourceTotal).toBeNull();
    expect(rec.years).toEqual([
      { year: 2022, lines: lines.length, sum: cents / 100, sources: { boekjaar: lines.length } },
    ]);
    expect(read.lines.some((l) => l.amount < 0)).toBe(true);
  });
});

describe("c. Key2-style workbook with a sheet per year (dates, one Bedrag, no Boekjaar)", () => {
  it("reads each sheet with its year: from Boekdatum, else the sheet's name", async () => {
    const sheets = await readXlsxFile(join(DIR, "key2-per-jaar.xlsx"));
    const expected = answers("key2-per-jaar");
    expect(sheets.map((s) => s.name)).toEqual(["2022", "2023"]);
    for (const sheet of sheets) {
      const sheetYear = yearFromSheetName(sheet.name);
      const read = readLedger(sheet.grid, { sheet: sheet.name, firstRow: sheet.firstRow, sheetYear });
      expectEveryLabelledLine(read, expected.get(sheet.name));
      expect(read.lines.every((l) => l.year === sheetYear)).toBe(true);
      expect(read.sheetYearConflicts).toBe(0);
      // "Omschrijving regel" wins over "Omschrijving boeking".
      expect(read.lines.every((l) => !l.description.startsWith("Inkoopfactuur"))).toBe(true);
      const ws = await rawSheet("key2-per-jaar.xlsx", sheet.name);
      let cents = 0;
      for (let r = 2; r <= ws.rowCount; r++) cents += toCents(numberAt(ws, r, 10));
      const rec = reconcile(read);
      expect(toCents(rec.lines.sum)).toBe(cents);
      const undated = sheet.name === "2022" ? 1 : 0;
      expect(rec.years).toEqual([
        {
          year: sheetYear,
          lines: read.lines.length,
          sum: cents / 100,
          sources: undated ? { datum: read.lines.length - 1, blad: 1 } : { datum: read.lines.length },
        },
      ]);
      expect(read.lines.some((l) => l.amount < 0)).toBe(true);
    }
  });
});

describe("d. AFAS-style CSV (tab, UTF-8 with BOM, Periode, negative credit notes)", () => {
  const bytes = readFileSync(join(DIR, "afas-mutaties.csv"));
  const { text, encoding } = decodeText(bytes);
  const read = readLedger(parseCsv(text), { sheet: "afas-mutaties.csv" });

  it("reads every labelled line, the name beside the crediteur number, the year from Periode", () => {
    expect(encoding).toBe("utf-8");
    expect(read.headerRow).toBe(0);
    expectEveryLabelledLine(read, answers("afas-mutaties").get("afas-mutaties.csv"));
    expect(read.mapping).toMatchObject({
      supplierNumber: 5,
      supplier: 6,
      document: 7,
      description: 8,
      amount: 9,
    });
    expect(read.lines.every((l) => l.year === 2022 && l.yearSource === "periode")).toBe(true);
    expect(read.lines[0].supplier).not.toMatch(/^C\d+$/);
  });

  it("sums Bedrag to the cent", () => {
    const lines = text
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .slice(1)
      .filter((l) => l !== "");
    const cents = lines.reduce((s, l) => s + dutchCents(l.split("\t")[9]), 0);
    expect(toCents(reconcile(read).lines.sum)).toBe(cents);
    expect(read.lines.some((l) => l.amount < 0)).toBe(true);
  });
});

describe("e. Decade-style Excel table with a total row and Saldo", () => {
  it("reads Saldo, skips the table's total row and agrees with it to the cent", async () => {
    const [sheet] = await readXlsxFile(join(DIR, "decade-saldo.xlsx"));
    const ws = await rawSheet("decade-saldo.xlsx", "Mutaties");
    let totalsRow = 0; // the table's total row: its label in column A
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "Totaal") totalsRow = r;
    });
    expect(totalsRow).toBeGreaterThan(4);
    let cents = 0;
    for (let r = 4; r < totalsRow; r++) cents += toCents(numberAt(ws, r, 8));
    const tableTotal = toCents(numberAt(ws, totalsRow, 8));
    expect(tableTotal).toBe(cents);
    for (const totals of [undefined, totalsRow - sheet.firstRow]) {
      const read = readLedger(sheet.grid, { sheet: sheet.name, firstRow: sheet.firstRow, totalsRow: totals });
      expect(read.amountFrom).toBe("balance");
      expectEveryLabelledLine(read, answers("decade-saldo").get("Mutaties"));
      expect(read.lines.every((l) => l.year === 2023 && l.yearSource === "datum")).toBe(true);
      const rec = reconcile(read);
      expect(toCents(rec.lines.sum)).toBe(cents);
      expect(rec.sourceTotal).toMatchObject({
        row: totalsRow,
        agrees: true,
        kind: totals === undefined ? "total" : "tableTotal",
      });
      expect(toCents(rec.sourceTotal?.amount ?? NaN)).toBe(tableTotal);
    }
  });
});
