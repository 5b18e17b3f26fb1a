import { readFileSync } from "fs";
import { join } from "path";
import { detectHeader, matchHeader, readLedger } from "../../src/model/grid";
import { Grid, LedgerField } from "../../src/model/types";

const HEADER = ["Omschrijving", "Leverancier", "Grootboekrekening", "Bedrag"];

describe("matchHeader", () => {
  it.each<[string, LedgerField]>([
    ["Omschrijving", "description"],
    ["Kostenomschrijving", "description"],
    ["Description", "description"],
    ["OMSCHRIJVING", "description"],
    ["Bedrag", "amount"],
    ["Bedrag (€)", "amount"],
    ["Bedrag excl. btw", "amount"],
    ["Kosten", "amount"],
    ["Lasten", "amount"],
    ["Amount", "amount"],
    ["Totaal bedrag", "amount"],
    ["Leverancier", "supplier"],
    ["Crediteur", "supplier"],
    ["Crediteurnaam", "supplier"],
    ["Naam leverancier", "supplier"],
    ["Supplier", "supplier"],
    ["Vendor", "supplier"],
    ["Grootboekrekening", "account"],
    ["Grootboek", "account"],
    ["Kostensoort", "account"],
    ["Account", "account"],
    ["GL account", "account"],
    ["GL-account", "account"],
    ["Jaar", "year"],
    ["Boekjaar", "year"],
    ["Year", "year"],
    ["Kostenplaats", "costCentre"],
    ["Cost centre", "costCentre"],
    ["Cost center", "costCentre"],
    ["Fte", "fte"],
    ["FTE", "fte"],
    ["Categorie", "category"],
    ["TCO-categorie", "category"],
    ["Category", "category"],
    ["Catégorie", "category"],
  ])("maps %j to %s", (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it.each([
    "verwacht_categorie",
    "Verwacht categorie",
    "expected category",
    "Opmerking",
    "",
    "Kostencategorie",
  ])("does not take %j for a known column", (header) => {
    expect(matchHeader(header)).toBeNull();
  });

  it("ignores non-text cells", () => {
    expect(matchHeader(2022)).toBeNull();
    expect(matchHeader(null)).toBeNull();
    expect(matchHeader(true)).toBeNull();
  });
});

describe("detectHeader", () => {
  it("finds the header below title rows", () => {
    const grid: Grid = [
      ["Gemeente Voorbeeld - ICT-kosten 2022", "", "", ""],
      ["Bron: financiële administratie", "", "", ""],
      ["", "", "", ""],
      HEADER,
      ["Licentie", "Microsoft", "4410", 100],
    ];
    expect(detectHeader(grid)).toEqual({
      row: 3,
      mapping: { description: 0, supplier: 1, account: 2, amount: 3 },
      ambiguous: [],
    });
  });

  it("needs description and amount", () => {
    expect(detectHeader([["Leverancier", "Bedrag"]])).toBeNull();
    expect(detectHeader([])).toBeNull();
    expect(detectHeader([[]])).toBeNull();
  });

  it("lets the first of duplicated headers win", () => {
    expect(detectHeader([["Omschrijving", "Bedrag", "Bedrag", "Omschrijving"]])?.mapping).toEqual({
      description: 0,
      amount: 1,
    });
  });

  it("prefers a whole-header match over a loose one", () => {
    expect(detectHeader([["Omschrijving", "Bedrag incl. btw", "Bedrag"]])?.mapping.amount).toBe(2);
  });

  it("picks the row with the most known headers", () => {
    const grid: Grid = [
      ["Omschrijving", "Bedrag"],
      [...HEADER, "Jaar"],
    ];
    expect(detectHeader(grid)?.row).toBe(1);
  });
});

describe("readLedger", () => {
  it("reads lines with trimmed text, numbers in text columns as text, and spreadsheet row numbers", () => {
    const grid: Grid = [
      ["ICT-kosten", "", "", "", ""],
      [...HEADER, "Jaar"],
      ["  Licentie Office  ", " Microsoft ", 4410, "€ 1.234,56", "2022"],
      ["Laptops", "Dell", "4510", 2500, 2022],
    ];
    const read = readLedger(grid, { sheet: "Grootboek", firstRow: 3 });
    expect(read.headerRow).toBe(1);
    expect(read.missing).toEqual([]);
    expect(read.issues).toEqual([]);
    expect(read.lines).toEqual([
      {
        row: 5,
        description: "Licentie Office",
        supplier: "Microsoft",
        account: "4410",
        amount: 1234.56,
        year: 2022,
        yearSource: "boekjaar",
        costCentre: "",
        taakveld: "",
        iv3Category: "",
        fte: null,
        category: null,
      },
      {
        row: 6,
        description: "Laptops",
        supplier: "Dell",
        account: "4510",
        amount: 2500,
        year: 2022,
        yearSource: "boekjaar",
        costCentre: "",
        taakveld: "",
        iv3Category: "",
        fte: null,
        category: null,
      },
    ]);
  });

  it("reads year null without a year column, and fte, cost centre and category where present", () => {
    const grid: Grid = [
      ["Omschrijving", "Bedrag", "Kostenplaats", "Fte", "Categorie"],
      ["Salarissen beheer", "312.400,00", "ICT", "4,2", " SW.KA "],
      ["Inhuur", 1000, "", "", ""],
    ];
    const [a, b] = readLedger(grid).lines;
    expect(a).toMatchObject({ year: null, costCentre: "ICT", fte: 4.2, category: "SW.KA", amount: 312400 });
    expect(b).toMatchObject({ fte: null, category: null });
  });

  it("skips blank, total and repeated header rows without issues", () => {
    const grid: Grid = [
      HEADER,
      ["Licentie", "A", "4410", 100],
      ["", "", "", ""],
      [null, undefined, "  ", ""],
      [],
      ["Subtotaal software", "", "", 100],
      HEADER,
      ["Laptop", "B", "4510", "200,00"],
      ["", "", "Totaal", 300],
      ["Eindtotaal", "", "", 300],
      ["Total", "", "", 300],
      ["TOTAAL:", "", "", 300],
    ];
    const read = readLedger(grid);
    expect(read.lines.map((l) => l.description)).toEqual(["Licentie", "Laptop"]);
    expect(read.issues).toEqual([]);
    expect(read.skipped).toBe(9);
  });

  it("does not take words that merely start with total for a total row", () => {
    const grid: Grid = [HEADER, ["Totaalpakket Office", "A", "4410", 100], ["Totalen", "A", "4410", 5]];
    expect(readLedger(grid).lines).toHaveLength(2);
  });

  it("reports unreadable rows with sheet and row number, in Dutch and English, and goes on", () => {
    const grid: Grid = [
      ["Titel", "", "", ""],
      HEADER,
      ["Licentie", "A", "4410", "abc"],
      ["Server", "B", "4520", "#N/A"],
      ["Switch", "C", "4520", "#WAARDE!"],
      ["Printer", "D", "4510", true],
      ["Router", "E", "4520", ""],
      ["", "F", "4520", "1.234,56"],
      ["Telefoon", "G", "4530", NaN],
      ["Goed", "H", "4410", 10],
    ];
    const read = readLedger(grid, { sheet: "Grootboek", firstRow: 10 });
    expect(read.lines.map((l) => l.row)).toEqual([19]);
    expect(read.issues.map((i) => i.row)).toEqual([12, 13, 14, 15, 16, 17, 18]);
    expect(read.issues.every((i) => i.sheet === "Grootboek")).toBe(true);
    const [abc, na, waarde, bool, noAmount, noDescription] = read.issues.map((i) => i.message);
    expect(abc).toEqual({
      nl: "Rij 12: bedrag 'abc' is geen getal",
      en: "Row 12: amount 'abc' is not a number",
    });
    expect(na).toEqual({
      nl: "Rij 13: bedrag is een Excel-fout (#N/A)",
      en: "Row 13: amount is an Excel error (#N/A)",
    });
    expect(waarde.en).toBe("Row 14: amount is an Excel error (#WAARDE!)");
    expect(bool).toEqual({
      nl: "Rij 15: bedrag 'WAAR' is geen getal",
      en: "Row 15: amount 'TRUE' is not a number",
    });
    expect(noAmount).toEqual({
      nl: "Rij 16: bedrag ontbreekt bij 'Router'",
      en: "Row 16: amount is missing for 'Router'",
    });
    expect(noDescription).toEqual({
      nl: "Rij 17: omschrijving ontbreekt bij bedrag '1.234,56'",
      en: "Row 17: description is missing for amount '1.234,56'",
    });
  });

  it("leaves the sheet out of issues when none is given", () => {
    const [issue] = readLedger([HEADER, ["X", "", "", "abc"]]).issues;
    expect(issue).toEqual({ row: 2, message: expect.any(Object) });
    expect("sheet" in issue).toBe(false);
  });

  it("says which required columns are missing and reads nothing then", () => {
    const read = readLedger([
      ["Leverancier", "Bedrag"],
      ["A", 1],
    ]);
    expect(read).toMatchObject({ headerRow: 0, missing: ["description"], lines: [], issues: [], skipped: 0 });
    expect(read.mapping).toEqual({ supplier: 0, amount: 1 });
    expect(readLedger([]).missing).toEqual(["description", "amount"]);
  });

  it("lets the user's mapping win over detected headers", () => {
    const grid: Grid = [
      ["Omschrijving", "Euro's", "Bedrag"],
      ["Licentie", 100, "oud"],
    ];
    const read = readLedger(grid, { mapping: { amount: 1 }, headerRow: 0 });
    expect(read.mapping).toEqual({ description: 0, amount: 1 });
    expect(read.lines.map((l) => l.amount)).toEqual([100]);
  });

  it("reads a selection without a header row with a user mapping", () => {
    const grid: Grid = [
      ["Licentie", 100],
      ["Laptop", "2.000"],
    ];
    const read = readLedger(grid, { mapping: { description: 0, amount: 1 }, headerRow: null, firstRow: 7 });
    expect(read.headerRow).toBeNull();
    expect(read.lines.map((l) => [l.row, l.amount])).toEqual([
      [7, 100],
      [8, 2000],
    ]);
  });

  it("tolerates ragged rows and rows that are not arrays", () => {
    const grid = [HEADER, ["Licentie", "A"], null, ["Laptop", "B", "4510", 5, "extra", 1]] as unknown as Grid;
    const read = readLedger(grid);
    expect(read.lines.map((l) => l.description)).toEqual(["Laptop"]);
    expect(read.issues.map((i) => i.row)).toEqual([2]);
    expect(read.skipped).toBe(1);
  });
});

/** The dev set as Range.values would hold it after a CSV import as text. */
function devGrid(): Grid {
  const text = readFileSync(join(__dirname, "..", "fixtures", "ledger-dev.csv"), "utf8");
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line !== "")
    .map((line) => line.split(";"));
}

describe("readLedger on the dev set", () => {
  const read = readLedger(devGrid(), { sheet: "ledger-dev.csv" });

  it("reads all 74 lines without issues", () => {
    expect(read.missing).toEqual([]);
    expect(read.issues).toEqual([]);
    expect(read.lines).toHaveLength(74);
    expect(read.skipped).toBe(0);
    expect(read.lines[0].row).toBe(2);
    expect(read.lines[73].row).toBe(75);
  });

  it("does not take the verwacht_* answer columns for the user's category", () => {
    expect(read.mapping).toEqual({ description: 0, supplier: 1, account: 2, amount: 3, fte: 7 });
    expect(read.lines.every((l) => l.category === null)).toBe(true);
  });

  it("reads Dutch amounts and the fte column", () => {
    expect(read.lines[0]).toMatchObject({ supplier: "Microsoft Ireland Operations Ltd", amount: 178920 });
    expect(read.lines.find((l) => l.description === "Salaris CISO")?.fte).toBe(1);
    expect(read.lines.find((l) => l.description.startsWith("Inhuur informatieadviseur"))?.fte).toBe(0.9);
    expect(read.lines.filter((l) => l.fte !== null)).not.toHaveLength(0);
    expect(read.lines.some((l) => l.amount < 0)).toBe(true);
  });
});
