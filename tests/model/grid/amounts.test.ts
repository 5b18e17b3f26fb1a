import { readLedger } from "../../../src/model/grid";
import { Grid } from "../../../src/model/types";

describe("the amount of a line", () => {
  it("is Debet − Credit, with credit notes as a credit or as a negative debet", () => {
    const grid: Grid = [
      ["Omschrijving", "Debet", "Credit", "Saldo"],
      ["Licentie", "1.234,56", "", 999],
      ["Creditnota licentie", "", "200,00", 999],
      ["Creditnota als negatief debet", "-50,00", "", 999],
      ["Correctie", 100, 30, 999],
      ["Nul", 0, 0, 999],
    ];
    const read = readLedger(grid);
    expect(read.amountFrom).toBe("debitCredit");
    expect(read.lines.map((l) => l.amount)).toEqual([1234.56, -200, -50, 70, 0]);
  });

  it("reads Bedrag debet / Bedrag credit as real exports head them", () => {
    const read = readLedger([
      ["OMSCHRIJVING ", "Bedrag debet", "Bedrag credit"],
      ["Licentie", 10, null],
      ["Terug", null, 4],
    ]);
    expect(read.lines.map((l) => l.amount)).toEqual([10, -4]);
  });

  it("lets a user's amount column replace detected Debet/Credit, and keeps them when the user maps only other fields", () => {
    const grid: Grid = [
      ["Omschrijving", "Debet", "Credit", "Netto"],
      ["Licentie", 10, 2, 7],
    ];
    const chosen = readLedger(grid, { mapping: { amount: 3 } });
    expect(chosen.amountFrom).toBe("amount");
    expect(chosen.mapping).toEqual({ description: 0, amount: 3 });
    expect(chosen.lines[0].amount).toBe(7);
    const kept = readLedger(grid, { mapping: { description: 0 } });
    expect(kept.amountFrom).toBe("debitCredit");
    expect(kept.lines[0].amount).toBe(8);
  });

  it("uses Saldo when it is the only amount", () => {
    const read = readLedger([
      ["Omschrijving", "Saldo"],
      ["Licentie", "-12,50"],
    ]);
    expect(read.amountFrom).toBe("balance");
    expect(read.lines[0].amount).toBe(-12.5);
  });

  it("negates a Bedrag whose D/C column says credit", () => {
    const read = readLedger([
      ["Omschrijving", "Bedrag", "D/C"],
      ["Licentie", 10, "D"],
      ["Creditnota", 4, "C"],
      ["Creditnota", 3, "Credit"],
    ]);
    expect(read.lines.map((l) => l.amount)).toEqual([10, -4, -3]);
  });

  it("names the column of an unreadable debet or credit", () => {
    const read = readLedger([
      ["Omschrijving", "Debet", "Credit"],
      ["A", "abc", ""],
      ["B", "", "#N/A"],
      ["C", "", ""],
    ]);
    expect(read.issues.map((i) => i.message.nl)).toEqual([
      "Rij 2: debet 'abc' is geen getal",
      "Rij 3: credit is een Excel-fout (#N/A)",
      "Rij 4: bedrag ontbreekt bij 'C'",
    ]);
  });

  it("refuses amounts beyond ± € 10^13 with the row number: bedrag buiten bereik", () => {
    const read = readLedger([
      ["Omschrijving", "Bedrag"],
      ["Groot", "1e308"],
      ["Ook groot", -2e13],
      ["Net goed", 1e13],
    ]);
    expect(read.lines.map((l) => l.row)).toEqual([4]);
    expect(read.issues.map((i) => i.row)).toEqual([2, 3]);
    expect(read.issues[0].message.nl).toMatch(/^Rij 2: bedrag buiten bereik/);
    expect(read.issues[0].message.en).toMatch(/^Row 2: amount out of range/);
    const dc = readLedger([
      ["Omschrijving", "Debet", "Credit"],
      ["X", 1, "1e14"],
    ]);
    expect(dc.issues[0].message.nl).toMatch(/^Rij 2: bedrag buiten bereik: '1e14'/);
  });
});

describe("the year of a line", () => {
  const header = ["Omschrijving", "Bedrag", "Boekjaar", "Boekdatum", "Periode"];

  it("comes from Boekjaar, else the date, else the period, else the sheet, else none", () => {
    const grid: Grid = [
      header,
      ["a", 1, 2021, "15-07-2022", "2020-07"],
      ["b", 1, "", 44757, "2020-07"],
      ["c", 1, "", "", "2020-07"],
      ["d", 1, "", "", "7"],
    ];
    const read = readLedger(grid, { sheetYear: 2019 });
    expect(read.lines.map((l) => [l.year, l.yearSource])).toEqual([
      [2021, "boekjaar"],
      [2022, "datum"],
      [2020, "periode"],
      [2019, "blad"],
    ]);
    expect(read.lines[1]).toMatchObject({ date: "2022-07-15", period: 7 });
    expect(read.yearSources).toEqual({ boekjaar: 1, datum: 1, periode: 1, blad: 1, none: 0 });
    expect(read.sheetYearConflicts).toBe(3);
    const none = readLedger(grid.slice(0, 1).concat([["e", 1, "", "", ""]]));
    expect(none.lines[0].year).toBeNull();
    expect(none.lines[0].yearSource).toBeUndefined();
    expect(none.yearSources.none).toBe(1);
  });

  it("carries the document number", () => {
    const read = readLedger([
      ["Omschrijving", "Bedrag", "Factuurnummer"],
      ["a", 1, "F-2022-001"],
      ["b", 1, ""],
    ]);
    expect(read.lines.map((l) => l.document)).toEqual(["F-2022-001", undefined]);
  });
});
