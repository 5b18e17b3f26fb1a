import { createFakeExcel, setCells, snapshotSheet, FakeExcelError } from "./excel-fake";

describe("Excel fake: proxy semantics", () => {
  it("throws PropertyNotLoaded when a property is read before load + sync", async () => {
    const fake = createFakeExcel();
    setCells(fake.workbook, "Blad1", "A1", [[1, 2]]);
    await fake.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B1");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([[1, 2]]);
      expect(() => range.address).toThrow(/PropertyNotLoaded/);
    });
  });

  it("keeps writes invisible until sync and counts syncs", async () => {
    const fake = createFakeExcel();
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRange("A1").values = [[42]];
    sheet.name = "Gegevens";
    expect(fake.workbook.sheets[0].name).toBe("Blad1");
    expect(fake.workbook.sheets[0].cell(0, 0)).toBeUndefined();
    await context.sync();
    expect(fake.workbook.sheets[0].name).toBe("Gegevens");
    expect(snapshotSheet(fake, "Gegevens").cells.A1.value).toBe(42);
    expect(fake.stats.syncCount).toBe(1);
  });

  it("supports load with comma lists, arrays, objects and collection item paths", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1", "Blad2"] });
    const context = fake.newContext();
    const sheets = context.workbook.worksheets.load("items/name, items/protection/protected");
    const range = context.workbook.worksheets
      .getItem("Blad2")
      .getRange("B2:C3")
      .load(["address", "rowCount"]);
    const fmt = context.workbook.worksheets
      .getItem("Blad2")
      .getRange("B2")
      .load({ format: { fill: { color: true } } });
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["Blad1", "Blad2"]);
    expect(sheets.items[1].protection.protected).toBe(false);
    expect(range.address).toBe("Blad2!B2:C3");
    expect(range.rowCount).toBe(2);
    expect(fmt.format.fill.color).toBe("#FFFFFF");
  });

  it("fails getItem of a missing sheet at sync and gives a null object for getItemOrNullObject", async () => {
    const fake = createFakeExcel();
    const context = fake.newContext();
    const missing = context.workbook.worksheets.getItemOrNullObject("Bestaat niet");
    expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    context.workbook.worksheets.getItem("Bestaat niet");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("applies operations in order and stops at the first failure", async () => {
    const fake = createFakeExcel();
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRange("A1").values = [[1]];
    sheet.getRange("A2").values = [[1, 2]]; // wrong shape
    sheet.getRange("A3").values = [[3]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const cells = snapshotSheet(fake, "Blad1").cells;
    expect(Object.keys(cells)).toEqual(["A1"]);
  });
});

describe("Excel fake: payload", () => {
  it("rejects a request over the limit and records sizes", async () => {
    const fake = createFakeExcel({ payloadLimit: 10_000 });
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRange("A1:A100").values = Array.from({ length: 100 }, (_, i) => [`regel ${i}`]);
    await context.sync();
    sheet.getRange("A1:A1000").values = Array.from({ length: 1000 }, (_, i) => [`regel ${i}`]);
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.stats.syncCount).toBe(2);
    expect(fake.stats.requestSizes[0]).toBeGreaterThan(100 * 8);
    expect(fake.stats.requestSizes[1]).toBeGreaterThan(10_000);
    expect(snapshotSheet(fake, "Blad1").cells.A101).toBeUndefined();
  });

  it("rejects a response over the limit", async () => {
    const fake = createFakeExcel({ payloadLimit: 5_000 });
    setCells(
      fake.workbook,
      "Blad1",
      "A1",
      Array.from({ length: 500 }, (_, i) => [`omschrijving ${i}`]),
    );
    const context = fake.newContext();
    context.workbook.worksheets.getItem("Blad1").getUsedRange(true).load("values");
    await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("Excel fake: values, formulas and text", () => {
  it("turns '=' strings written as values into formulas; apostrophe and text format keep text", async () => {
    const fake = createFakeExcel();
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRange("A1:D1").values = [["=1+1", "'=1+1", "00123", "'00123"]];
    sheet.getRange("E1").numberFormat = [["@"]];
    sheet.getRange("E1").values = [['=HYPERLINK("http://x")']];
    sheet.getRange("F1").values = [["-A1"]];
    await context.sync();
    const cells = snapshotSheet(fake, "Blad1").cells;
    expect(cells.A1).toMatchObject({ formula: "=1+1", value: 2 });
    expect(cells.B1).toEqual({ value: "=1+1" });
    expect(cells.C1).toEqual({ value: 123 });
    expect(cells.D1).toEqual({ value: "00123" });
    expect(cells.E1).toMatchObject({ value: '=HYPERLINK("http://x")', numberFormat: "@" });
    expect(cells.E1.formula).toBeUndefined();
    expect(cells.F1).toMatchObject({ formula: "=-A1", value: -2 });
  });

  it("evaluates SUMIFS across sheets with quoted names and whole-column references", async () => {
    const fake = createFakeExcel({ sheets: ["Blad1"] });
    setCells(fake.workbook, "Kosten 'oud' 22", "A1", [
      ["Categorie", "Bedrag", "Jaar"],
      ["SW.KA", 100, 2022],
      ["SW.KA", 50, 2023],
      ["PE.MG", 30, 2022],
      ["sw.ka", "'7", 2022],
    ]);
    setCells(fake.workbook, "Blad1", "A1", [
      [
        "=SUMIFS('Kosten ''oud'' 22'!$B:$B,'Kosten ''oud'' 22'!$A:$A,\"SW.KA\",'Kosten ''oud'' 22'!$C:$C,2022)",
      ],
      ["=SUMIF('Kosten ''oud'' 22'!A2:A5,\"<>SW.KA\",'Kosten ''oud'' 22'!B2:B5)"],
      ["=COUNTIFS('Kosten ''oud'' 22'!C:C,\">=2022\",'Kosten ''oud'' 22'!A:A,\"SW*\")"],
      ['=IFERROR(1/0,"deling door nul")'],
      ['=ROUND(2.675,2)&" / "&ABS(-3)&" / "&MAX(1,5,2)&" / "&MIN(4,2)'],
      ['=IF(AND(A1>0,OR(A2=0,A2=30)),(A1+A2)*2^2/4-1,"nee")'],
      ["=1/0"],
      ['=ICTCOST.KPI("total",A1)'],
      ["=ONBEKEND(1)"],
      ["=SUM(A1:A2,10)"],
    ]);
    const values = snapshotSheet(fake, "Blad1").cells;
    expect(values.A1.value).toBe(100); // text "7" is not summed; criteria are case-insensitive
    expect(values.A2.value).toBe(30);
    expect(values.A3.value).toBe(3);
    expect(values.A4.value).toBe("deling door nul");
    expect(values.A5.value).toBe("2.68 / 3 / 5 / 2");
    expect(values.A6.value).toBe(129);
    expect(values.A7.value).toBe("#DIV/0!");
    expect(values.A8.value).toBe("#NAME?");
    expect(values.A9.value).toBe("#NAME?");
    expect(values.A10.value).toBe(140);
  });

  it("uses the custom function hook and recalculates lazily after writes", async () => {
    const fake = createFakeExcel({ customFunctions: { "ICTCOST.KPI": (args) => (args[1] as number) * 2 } });
    setCells(fake.workbook, "Blad1", "A1", [[5], ['=ICTCOST.KPI("x",A1)']]);
    expect(snapshotSheet(fake, "Blad1").cells.A2.value).toBe(10);
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Blad1");
    sheet.getRange("A1").values = [[6]];
    const a2 = sheet.getRange("A2").load("values, formulas");
    await context.sync();
    expect(a2.values).toEqual([[12]]);
    expect(a2.formulas).toEqual([['=ICTCOST.KPI("x",A1)']]);
  });
});

describe("Excel fake: sheets, protection, objects", () => {
  it("refuses writes to a protected sheet at sync", async () => {
    const fake = createFakeExcel();
    setCells(fake.workbook, "Blad1", "A1", [["van de gebruiker"]]);
    fake.workbook.sheets[0].protected = true;
    const before = snapshotSheet(fake, "Blad1");
    const context = fake.newContext();
    const p = context.workbook.worksheets.getItem("Blad1").protection.load("protected");
    await context.sync();
    expect(p.protected).toBe(true);
    context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["overschreven"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(snapshotSheet(fake, "Blad1")).toEqual(before);
  });

  it("validates sheet names like Excel", async () => {
    const fake = createFakeExcel();
    const bad = [
      "a".repeat(32),
      "Kosten[1]",
      "a/b",
      "a:b",
      "a*",
      "a?",
      "a\\b",
      "",
      "'quote",
      "History",
      "BLAD1",
    ];
    for (const name of bad) {
      const context = fake.newContext();
      context.workbook.worksheets.add(name);
      await expect(context.sync()).rejects.toBeInstanceOf(FakeExcelError);
    }
    const context = fake.newContext();
    context.workbook.worksheets.add("a".repeat(31));
    context.workbook.worksheets.add("ICT-vergelijking (2)");
    await context.sync();
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([
      "Blad1",
      "a".repeat(31),
      "ICT-vergelijking (2)",
    ]);
  });

  it("adds tables, charts, conditional formats, validations and names", async () => {
    const fake = createFakeExcel();
    setCells(fake.workbook, "Blad1", "A1", [
      ["Component", ""],
      ["software", 10],
      ["personeel", 20],
    ]);
    const context = fake.newContext();
    const sheet = context.workbook.worksheets.getItem("Blad1");
    const table = sheet.tables.add("A1:B3", true);
    table.name = "tblKosten";
    const chart = sheet.charts.add("Pie", sheet.getRange("A1:B3"), "Columns");
    chart.title.text = "Kosten";
    chart.setPosition("D1", "J10");
    const cf = sheet.getRange("B2:B3").conditionalFormats.add("CellValue");
    cf.cellValue.format.fill.color = "#FFC7CE";
    cf.cellValue.rule = { formula1: "15", operator: "GreaterThan" };
    sheet.getRange("C2:C3").dataValidation.rule = { list: { inCellDropDown: true, source: "SW.KA,PE.MG" } };
    context.workbook.names.add("Totaal", sheet.getRange("B2:B3"));
    sheet.getRange("C1").formulas = [["=SUM(tblKosten[Column2])+SUM(Totaal)"]];
    const body = context.workbook.tables.getItem("tblKosten").getDataBodyRange().load("address");
    await context.sync();
    expect(body.address).toBe("Blad1!A2:B3");
    const snap = snapshotSheet(fake, "Blad1");
    expect(snap.cells.B1.value).toBe("Column2");
    expect(snap.cells.C1.value).toBe(60);
    expect(snap.tables).toEqual([{ name: "tblKosten", address: "A1:B3", style: "TableStyleMedium2" }]);
    expect(snap.charts[0]).toMatchObject({ type: "Pie", title: "Kosten", from: "Blad1!D1", to: "Blad1!J10" });
    expect(snap.conditionalFormats[0]).toMatchObject({
      address: "B2:B3",
      fill: "#FFC7CE",
      rule: { operator: "GreaterThan" },
    });
    expect(snap.validations[0]).toMatchObject({ address: "C2:C3" });
    sheet.tables.add("B2:C4", true);
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("keeps settings in memory until saveAsync", async () => {
    const fake = createFakeExcel();
    const settings = fake.Office.context.document.settings;
    settings.set("ictcost.ownedSheets", [{ id: "x", role: "comparison" }]);
    expect(fake.workbook.persistedSettings).toEqual({});
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    expect(JSON.parse(fake.workbook.persistedSettings["ictcost.ownedSheets"])).toEqual([
      { id: "x", role: "comparison" },
    ]);
  });
});
