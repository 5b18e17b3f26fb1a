import { SheetLayout } from "../../src/model/layout/types";
import { renderLayout, renderLayouts, toCellInput, RenderError } from "../../src/excel/render";
import { OWNED_SHEETS_SETTING, pickSheetName, readOwnedSheets } from "../../src/excel/ownership";
import { createFakeExcel, setCells, snapshotSheet } from "../fakes/excel-fake";

function smallLayout(): SheetLayout {
  return {
    role: "comparison",
    name: "ICT-vergelijking",
    blocks: [
      { at: "A1", cells: [["ICT-vergelijking 2022"]], style: "title" },
      {
        at: "A3",
        cells: [
          ["Component", "Eigen", "Benchmark", "Verschil"],
          ["Software", 40, 36, { formula: "=B4-C4", value: 4 }],
          ["Personeel", 50, 53, { formula: "=B5-C5" }],
          ['=HYPERLINK("http://evil","klik")', -5, "+31 20 123", "00123"],
        ],
        numberFormats: [null, "#,##0", "#,##0", "#,##0.00"],
        style: "body",
      },
      { at: "A3", cells: [["Component", "Eigen", "Benchmark", "Verschil"]], style: "header" },
      {
        at: "A8",
        cells: [["Totaal", { formula: "=SUM(B4:B6)" }, { formula: "=SUM(C4:C5)" }]],
        style: "total",
      },
    ],
    tables: [{ name: "tblVergelijking", range: "A3:D6" }],
    charts: [
      {
        type: "columnClustered",
        title: "Eigen vs benchmark",
        data: "A3:C5",
        seriesBy: "columns",
        from: "F3",
        to: "M18",
      },
    ],
    conditionalFormats: [
      { range: "D4:D6", operator: "greaterThan", formula1: "0", fill: "#FFC7CE", fontColor: "#9C0006" },
    ],
    validations: [{ range: "E4:E6", list: ["SW.KA", "PE.MG"], prompt: "Kies een categorie" }],
    columnWidths: [30, 12, 12],
    freezeRows: 3,
  };
}

async function render(fake: ReturnType<typeof createFakeExcel>, layout: SheetLayout) {
  return fake.Excel.run((context) =>
    renderLayout(context, layout, { settings: fake.Office.context.document.settings }),
  );
}

describe("renderLayout", () => {
  it("writes blocks, formats, table, chart, conditional format, validation, widths and panes", async () => {
    const fake = createFakeExcel();
    const result = await render(fake, smallLayout());
    expect(result.sheetName).toBe("ICT-vergelijking");
    const snap = snapshotSheet(fake, "ICT-vergelijking");
    expect(snap.cells.A1).toMatchObject({
      value: "ICT-vergelijking 2022",
      style: { bold: true, fontSize: 14 },
    });
    expect(snap.cells.A3).toMatchObject({ value: "Component", style: { bold: true, fill: "#DDEBF7" } });
    expect(snap.cells.B4).toEqual({ value: 40, numberFormat: "#,##0" });
    expect(snap.cells.D4).toEqual({ value: 4, formula: "=B4-C4", numberFormat: "#,##0.00" });
    expect(snap.cells.D5).toMatchObject({ value: -3, formula: "=B5-C5" });
    expect(snap.cells.B8).toMatchObject({
      value: 85,
      formula: "=SUM(B4:B6)",
      style: { bold: true, fill: "#F2F2F2" },
    });
    expect(snap.tables).toEqual([{ name: "tblVergelijking", address: "A3:D6", style: "TableStyleMedium2" }]);
    expect(snap.charts).toEqual([
      {
        name: "Chart 1",
        type: "ColumnClustered",
        seriesBy: "Columns",
        title: "Eigen vs benchmark",
        source: "'ICT-vergelijking'!A3:C5",
        from: "'ICT-vergelijking'!F3",
        to: "'ICT-vergelijking'!M18",
      },
    ]);
    expect(snap.conditionalFormats).toEqual([
      {
        address: "D4:D6",
        type: "CellValue",
        fill: "#FFC7CE",
        fontColor: "#9C0006",
        rule: { formula1: "0", operator: "GreaterThan" },
      },
    ]);
    expect(snap.validations).toEqual([
      {
        address: "E4:E6",
        rule: { list: { inCellDropDown: true, source: "SW.KA,PE.MG" } },
        prompt: { showPrompt: true, message: "Kies een categorie", title: "" },
      },
    ]);
    expect(snap.columnWidths).toEqual({ 0: 161.25, 1: 66.75, 2: 66.75 });
    expect(snap.freezeRows).toBe(3);
    expect(fake.stats.suspendCalculationCalls).toBeGreaterThan(0);
  });

  it("keeps every literal string as text: formulas, signs and leading zeros included", async () => {
    const fake = createFakeExcel();
    await render(fake, smallLayout());
    const cells = snapshotSheet(fake, "ICT-vergelijking").cells;
    expect(cells.A6).toEqual({ value: '=HYPERLINK("http://evil","klik")' });
    expect(cells.C6).toMatchObject({ value: "+31 20 123" });
    expect(cells.D6).toMatchObject({ value: "00123" });
    expect(cells.B6).toMatchObject({ value: -5 });
    expect(["'x", "", 5, true].map(toCellInput)).toEqual(["''x", "", 5, true]);
    expect(() => toCellInput(NaN)).toThrow();
  });

  it("leaves a user sheet with the same name alone and uses '(2)'; records ownership by id", async () => {
    const fake = createFakeExcel();
    setCells(fake.workbook, "ICT-vergelijking", "A1", [["mijn eigen werk", 1]]);
    const before = snapshotSheet(fake, "ICT-vergelijking");
    const result = await render(fake, smallLayout());
    expect(result.sheetName).toBe("ICT-vergelijking (2)");
    expect(snapshotSheet(fake, "ICT-vergelijking")).toEqual(before);
    const owned = readOwnedSheets(fake.Office.context.document.settings);
    expect(owned).toEqual([{ id: result.sheetId, role: "comparison" }]);
    expect(JSON.parse(fake.workbook.persistedSettings[OWNED_SHEETS_SETTING])).toEqual(owned);
  });

  it("re-renders its own sheet idempotently, even after the user renamed it", async () => {
    const fake = createFakeExcel();
    const first = await render(fake, smallLayout());
    const snap1 = snapshotSheet(fake, "ICT-vergelijking");
    fake.workbook.sheetByName("ICT-vergelijking")!.name = "Hernoemd";
    const second = await render(fake, smallLayout());
    expect(second.sheetId).toBe(first.sheetId);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Blad1", "ICT-vergelijking"]);
    expect(snapshotSheet(fake, "ICT-vergelijking")).toEqual(snap1);
  });

  it("a shorter re-render leaves nothing of the previous content behind", async () => {
    const fake = createFakeExcel();
    await render(fake, smallLayout());
    const small: SheetLayout = {
      ...smallLayout(),
      blocks: [{ at: "A1", cells: [["leeg"]] }],
      tables: [],
      charts: [],
      conditionalFormats: [],
      validations: [],
      columnWidths: [],
      freezeRows: 0,
    };
    await render(fake, small);
    const snap = snapshotSheet(fake, "ICT-vergelijking");
    expect(snap.cells).toEqual({ A1: { value: "leeg" } });
    expect([snap.tables, snap.charts, snap.conditionalFormats, snap.validations]).toEqual([[], [], [], []]);
    expect(snap.columnWidths).toEqual({});
    expect(snap.freezeRows).toBe(0);
  });

  it("never writes to protected user sheets, and refuses a protected own sheet with a Dutch message", async () => {
    const fake = createFakeExcel();
    setCells(fake.workbook, "Grootboek", "A1", [
      ["Omschrijving", "Bedrag"],
      ["Licentie", 100],
    ]);
    fake.workbook.sheetByName("Grootboek")!.protected = true;
    const before = snapshotSheet(fake, "Grootboek");
    await render(fake, smallLayout());
    expect(snapshotSheet(fake, "Grootboek")).toEqual(before);
    fake.workbook.sheetByName("ICT-vergelijking")!.protected = true;
    const error = await render(fake, smallLayout()).catch((e) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).userMessage.nl).toMatch(/beveiligd/);
  });

  it("renders several layouts in one go with a constant number of syncs", async () => {
    const fake = createFakeExcel();
    const trend: SheetLayout = {
      ...smallLayout(),
      role: "trend",
      name: "ICT-trend",
      tables: [{ name: "tblTrend", range: "A3:D6" }],
    };
    const results = await fake.Excel.run((context) =>
      renderLayouts(context, [smallLayout(), trend], { settings: fake.Office.context.document.settings }),
    );
    expect(results.map((r) => r.sheetName)).toEqual(["ICT-vergelijking", "ICT-trend"]);
    expect(fake.stats.syncCount).toBe(2); // inspect + one write batch
  });
});

describe("renderLayout at scale", () => {
  it("writes 100,000 × 14 rows in blocks each at least half the limit", async () => {
    const fake = createFakeExcel();
    const rows = Array.from({ length: 100_000 }, (_, i) => [
      i + 2,
      `Omschrijving van kostenregel nummer ${i}`,
      "Leverancier B.V.",
      "4310",
      2022,
      1234.56 + i,
      "software",
      "SW.KA",
      "Kantoorautomatisering",
      "saas",
      "",
      "leverancier: X",
      "",
      i % 7,
    ]);
    const layout: SheetLayout = {
      role: "categorisation",
      name: "ICT-categorisatie",
      blocks: [
        {
          at: "A1",
          cells: [Array.from({ length: 14 }, (_, i) => `Kolom ${i + 1}`), ...rows],
          numberFormats: [null, null, null, null, "0", "#,##0.00"],
        },
      ],
      tables: [{ name: "tblCategorisatie", range: "A1:N100001" }],
      charts: [],
      conditionalFormats: [],
      validations: [{ range: "M2:M100001", list: ["SW.KA", "PE.MG"] }],
      freezeRows: 1,
    };
    await render(fake, layout);
    const limit = 5 * 1024 * 1024;
    const sizes = fake.stats.requestSizes;
    const writes = sizes.slice(1); // the first sync only inspects the workbook
    expect(Math.max(...sizes)).toBeLessThanOrEqual(limit);
    expect(writes.slice(0, -1).every((s) => s >= limit / 2)).toBe(true);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(writes.reduce((a, b) => a + b, 0) / (limit / 2)));
    expect(fake.stats.syncCount).toBe(1 + writes.length);
    const sheet = fake.workbook.sheetByName("ICT-categorisatie")!;
    expect(sheet.cell(100_000, 1)?.value).toBe("Omschrijving van kostenregel nummer 99999");
    expect(sheet.cell(100_000, 5)).toMatchObject({ value: 101233.56, numberFormat: "#,##0.00" });
    console.log(
      `100k x 14: ${fake.stats.syncCount} syncs, request sizes ${sizes.map((s) => (s / 1048576).toFixed(2)).join(", ")} MB`,
    );
  });
});

describe("pickSheetName", () => {
  it("keeps the name when free, numbers it when a user sheet has it, stays within 31 characters", () => {
    expect(pickSheetName("ICT-vergelijking", ["Blad1"])).toBe("ICT-vergelijking");
    expect(pickSheetName("ICT-vergelijking", ["ict-VERGELIJKING"])).toBe("ICT-vergelijking (2)");
    expect(pickSheetName("ICT-vergelijking", ["ICT-vergelijking", "ICT-vergelijking (2)"])).toBe(
      "ICT-vergelijking (3)",
    );
    expect(pickSheetName("ICT-vergelijking", ["ICT-vergelijking"], ["ICT-vergelijking"])).toBe(
      "ICT-vergelijking",
    );
    const long = "x".repeat(31);
    expect(pickSheetName(long, [long])).toBe("x".repeat(27) + " (2)");
    expect(pickSheetName("a/b:c", [])).toBe("a-b-c");
  });
});
