import { readWorkbook } from "../../src/excel/read";
import { renderLayout } from "../../src/excel/render";
import { addTable, createFakeExcel, setCells } from "../fakes/excel-fake";

function userWorkbook() {
  const fake = createFakeExcel({ sheets: ["Kerngegevens"] });
  setCells(fake.workbook, "Kerngegevens", "B2", [
    ["Gemeente", "Voorbeeld"],
    ["Inwoners", 50000],
  ]);
  setCells(fake.workbook, "Grootboek 2022", "A1", [
    ["Export uit financieel systeem"],
    [],
    ["Omschrijving", "Bedrag", "Leverancier"],
    ["Licenties", 1000, "Centric"],
    ["Totaal", "=SUM(B4:B4)", ""],
  ]);
  addTable(fake.workbook, "Grootboek 2022", "A3:D5", "tblGrootboek");
  fake.workbook.sheetByName("Grootboek 2022")!.protected = true;
  return fake;
}

describe("readWorkbook", () => {
  it("reads every sheet's values and the tables in three syncs", async () => {
    const fake = userWorkbook();
    const data = await fake.Excel.run((context) => readWorkbook(context));
    expect(fake.stats.syncCount).toBe(3);
    const [kern, ledger] = data.sheets;
    expect(kern).toMatchObject({
      name: "Kerngegevens",
      firstRow: 1,
      firstColumn: 1,
      isOwned: false,
      protected: false,
    });
    expect(kern.values).toEqual([
      ["Gemeente", "Voorbeeld"],
      ["Inwoners", 50000],
    ]);
    expect(ledger).toMatchObject({ name: "Grootboek 2022", firstRow: 0, firstColumn: 0, protected: true });
    // The box covers the table's empty fourth column as well as the used range.
    expect(ledger.values[2]).toEqual(["Omschrijving", "Bedrag", "Leverancier", "Column4"]);
    expect(ledger.values[4]).toEqual(["Totaal", 1000, "", ""]);
    expect(data.tables).toEqual([
      {
        name: "tblGrootboek",
        sheet: "Grootboek 2022",
        firstRow: 2,
        firstColumn: 0,
        values: [
          ["Omschrijving", "Bedrag", "Leverancier", "Column4"],
          ["Licenties", 1000, "Centric", ""],
          ["Totaal", 1000, "", ""],
        ],
      },
    ]);
  });

  it("marks the add-in's sheets and can leave them out", async () => {
    const fake = userWorkbook();
    const settings = fake.Office.context.document.settings;
    await fake.Excel.run((context) =>
      renderLayout(
        context,
        {
          role: "trend",
          name: "ICT-trend",
          blocks: [{ at: "A1", cells: [["x"]] }],
          tables: [],
          charts: [],
          conditionalFormats: [],
          validations: [],
        },
        { settings },
      ),
    );
    const all = await fake.Excel.run((context) => readWorkbook(context, { settings }));
    expect(all.sheets.find((s) => s.name === "ICT-trend")).toMatchObject({
      isOwned: true,
      role: "trend",
      values: [["x"]],
    });
    const users = await fake.Excel.run((context) => readWorkbook(context, { settings, includeOwned: false }));
    expect(users.sheets.map((s) => s.name)).toEqual(["Kerngegevens", "Grootboek 2022"]);
  });

  it("reads a large sheet in chunks under the response limit and retries smaller when a response overflows", async () => {
    const fake = createFakeExcel({ payloadLimit: 40_000 });
    const rows = Array.from({ length: 3000 }, (_, i) => [`Omschrijving ${i}`, i, "Leverancier"]);
    setCells(fake.workbook, "Blad1", "A1", rows);
    const data = await fake.Excel.run((context) => readWorkbook(context, { maxCellsPerSync: 9000 }));
    expect(data.sheets[0].values).toEqual(rows);
    const sizes = fake.stats.responseSizes;
    expect(sizes.filter((s) => s > 40_000).length).toBeGreaterThan(0); // first tries overflowed...
    expect(sizes[sizes.length - 1]).toBeLessThanOrEqual(40_000); // ...and the retries fit
  });

  it("reports the selection", async () => {
    const fake = userWorkbook();
    fake.workbook.selection = {
      sheetId: fake.workbook.sheetByName("Grootboek 2022")!.id,
      rect: { r0: 2, c0: 0, r1: 4, c1: 1 },
    };
    const data = await fake.Excel.run((context) => readWorkbook(context, { selection: true }));
    expect(data.selection).toEqual({
      sheet: "Grootboek 2022",
      address: "'Grootboek 2022'!A3:B5",
      firstRow: 2,
      firstColumn: 0,
      rowCount: 3,
      columnCount: 2,
    });
  });
});
