import { readLedger } from "../../src/model/grid";
import { reconcile, reconciliationText } from "../../src/model/reconciliation";
import { Grid } from "../../src/model/types";

const H = ["Rekening", "Omschrijving", "Debet", "Credit"];

describe("reconcile: no silent loss", () => {
  it("shows blank rows with their count", () => {
    const rec = reconcile(readLedger([H, ["4410", "a", 1, ""], ["", "", "", ""], [], ["", "", "", ""]]));
    expect(rec.skipped.blank).toEqual({ count: 3, sum: 0 });
    expect(rec.lines).toEqual({ count: 1, sum: 1 });
    expect(reconciliationText(rec, "nl")).toContain("Overgeslagen: 3 lege rijen");
  });

  it("shows repeated header rows with their count", () => {
    const rec = reconcile(readLedger([H, ["4410", "a", 1, ""], H, ["4410", "b", 2, ""]]));
    expect(rec.skipped.header).toEqual({ count: 1, sum: 0 });
    expect(rec.lines.sum).toBe(3);
    expect(reconciliationText(rec, "en")).toContain("Skipped: 1 repeated header row (not counted)");
  });

  it("shows subtotal rows ('Totaal 44100') with their sum and checks each against the lines above", () => {
    const grid: Grid = [
      H,
      ["44100", "a", "100,10", ""],
      ["44100", "b", "", "0,10"],
      ["Totaal 44100", "", "100,10", "0,10"],
      ["44200", "c", "5,00", ""],
      ["Totaal 44200", "", "6,00", ""],
    ];
    const rec = reconcile(readLedger(grid));
    expect(rec.skipped.subtotal).toEqual({ count: 2, sum: 106 });
    expect(rec.subtotalsDiffering.map((s) => s.row)).toEqual([6]);
    expect(rec.status).toBe("warning");
    expect(reconciliationText(rec, "nl")).toContain("Overgeslagen: 2 subtotaalrijen, samen € 106,00");
    expect(reconciliationText(rec, "nl")).toContain(
      "subtotaal rij 6 'Totaal 44200' is € 6,00, de regels erboven € 5,00",
    );
  });

  it("checks a higher-level subtotal against the subtotals' lines above it", () => {
    const grid: Grid = [
      H,
      ["44100", "a", 1, ""],
      ["Totaal 44100", "", 1, ""],
      ["44200", "b", 2, ""],
      ["Totaal 44200", "", 2, ""],
      ["Totaal taakveld 0.4", "", 3, ""],
      ["45000", "c", 4, ""],
      ["Totaal 45000", "", 4, ""],
      ["Totaal taakveld 2.1", "", 4, ""],
      ["Totaal", "", 7, ""],
    ];
    const rec = reconcile(readLedger(grid));
    expect(rec.skipped.subtotal.count).toBe(5);
    expect(rec.subtotalsDiffering).toEqual([]);
    expect(rec.status).toBe("ok");
    expect(reconciliationText(rec, "nl")).toContain("Subtotalen: alle 5 gelijk aan de regels erboven");
  });

  it("shows the grand total next to the sum read, agreeing to the cent", () => {
    const grid: Grid = [
      ["Grootboekkaart"],
      H,
      ["44100", "a", "0,10", ""],
      ["44100", "b", "0,20", ""],
      ["Totaal generaal", "", "0,30", ""],
    ];
    const rec = reconcile(readLedger(grid, { sheet: "GB" }));
    expect(rec.skipped.total).toEqual({ count: 1, sum: 0.3 });
    expect(rec.sourceTotal).toMatchObject({ row: 5, amount: 0.3, sumRead: 0.3, difference: 0, agrees: true });
    expect(rec.status).toBe("ok");
    const text = reconciliationText(rec, "nl");
    expect(text).toContain("Aansluiting — GB");
    expect(text).toContain("Totaal in de bron (rij 5 'Totaal generaal'): € 0,30 — klopt tot op de cent");
  });

  it("says so when the grand total differs", () => {
    const rec = reconcile(
      readLedger([H, ["1", "a", 10, ""], ["1", "b", "x", ""], ["Eindtotaal", "", 15, ""]]),
    );
    expect(rec.sourceTotal).toMatchObject({ amount: 15, sumRead: 10, difference: -5, agrees: false });
    expect(rec.status).toBe("differs");
    expect(rec.unreadable.count).toBe(1);
    expect(reconciliationText(rec, "en")).toContain(
      "DIFFERENCE: total in the source (row 4 'Eindtotaal') is €15.00, read €10.00; difference -€5.00",
    );
    expect(reconciliationText(rec, "en")).toContain("Row 3: debit 'x' is not a number");
  });

  it("takes plain 'Totaal' rows that close each account for section totals, not the grand total", () => {
    const grid: Grid = [
      H,
      ["1", "a", 1, ""],
      ["Totaal", "", 1, ""],
      ["2", "b", 2, ""],
      ["Totaal", "", 2, ""],
    ];
    const rec = reconcile(readLedger(grid));
    expect(rec.sourceTotal).toBeNull();
    expect(rec.subtotalsDiffering).toEqual([]);
    expect(rec.status).toBe("ok");
    const wrong = reconcile(readLedger([...grid.slice(0, 4), ["Totaal", "", 5, ""]]));
    expect(wrong.sourceTotal).toBeNull();
    expect(wrong.subtotalsDiffering.map((s) => s.row)).toEqual([5]);
    expect(wrong.status).toBe("differs");
  });

  it("shows an Excel table's total row with its sum", () => {
    const grid: Grid = [
      ["Omschrijving", "Saldo"],
      ["a", 1.5],
      ["b", 2.25],
      ["", 3.75],
    ];
    const rec = reconcile(readLedger(grid, { totalsRow: 3 }));
    expect(rec.skipped.tableTotal).toEqual({ count: 1, sum: 3.75 });
    expect(rec.sourceTotal).toMatchObject({ kind: "tableTotal", amount: 3.75, agrees: true });
    expect(reconciliationText(rec, "nl")).toContain("Overgeslagen: 1 totaalrij van de tabel, samen € 3,75");
  });

  it("counts every row after the header exactly once", () => {
    const grid: Grid = [
      H,
      ["1", "a", 1, ""],
      [],
      H,
      ["Totaal 1", "", 1, ""],
      ["1", "b", "?", ""],
      ["Totaal", "", 1, ""],
    ];
    const read = readLedger(grid);
    const rec = reconcile(read);
    const skippedCount = Object.values(rec.skipped).reduce((n, s) => n + s.count, 0);
    expect(rec.lines.count + skippedCount + rec.unreadable.count).toBe(grid.length - 1);
    expect(skippedCount).toBe(read.skipped);
  });

  it("reports per year where the year came from, with the key-figure year for lines without one", () => {
    const grid: Grid = [
      ["Omschrijving", "Bedrag", "Boekdatum", "Boekjaar"],
      ["a", 1, "01-02-2022", ""],
      ["b", 2, "", 2023],
      ["c", 4, "", ""],
    ];
    const rec = reconcile(readLedger(grid), { fallbackYear: 2023 });
    expect(rec.years).toEqual([
      { year: 2022, lines: 1, sum: 1, sources: { datum: 1 } },
      { year: 2023, lines: 2, sum: 6, sources: { boekjaar: 1, kerngegevens: 1 } },
    ]);
    expect(reconciliationText(rec, "nl")).toContain(
      "2023: 2 regels, € 6,00 (jaar uit: boekjaar 1, kerngegevens 1)",
    );
    expect(reconcile(readLedger(grid)).years.at(-1)).toEqual({
      year: null,
      lines: 1,
      sum: 4,
      sources: { geen: 1 },
    });
  });

  it("names ambiguous columns and which was read", () => {
    const rec = reconcile(
      readLedger([
        ["Omschrijving", "Bedrag", "Bedrag"],
        ["a", 1, 2],
      ]),
    );
    expect(rec.status).toBe("warning");
    expect(reconciliationText(rec, "nl")).toContain(
      "Kies een kolom: bedrag staat in kolom B en C; gelezen is kolom B",
    );
  });

  it("sums to the cent over many lines", () => {
    const grid: Grid = [["Omschrijving", "Bedrag"]];
    for (let i = 0; i < 100_000; i++) grid.push(["x", "0,10"]);
    grid.push(["Totaal", "10.000,00"]);
    const rec = reconcile(readLedger(grid));
    expect(rec.sourceTotal?.agrees).toBe(true);
    expect(rec.lines.sum).toBe(10000);
  });
});
