#!/usr/bin/env node
/**
 * Writes examples/voorbeeldrade.xlsx: the fictitious "Gemeente Voorbeeldrade" as a user's workbook,
 * with a "Kerngegevens" sheet (municipality, one row per book year) and a "Grootboek" sheet that
 * looks like a messy finance export (title rows, Dutch amount text, a total row). The content comes
 * from the compiled sample module (lib/model/sample.js), so run `npm run build:cli` first.
 *
 *   node scripts/make-example.js [out.xlsx]    (default: examples/voorbeeldrade.xlsx)
 */
const path = require("path");
const ExcelJS = require("exceljs");

function loadSample() {
  try {
    return require("../lib/model/sample.js");
  } catch {
    console.error(
      "lib/model/sample.js ontbreekt: eerst `npm run build:cli` / missing: run `npm run build:cli` first",
    );
    process.exit(2);
  }
}

/** Write a grid from A1; numbers get a Dutch-looking format, the first row(s) given are bold. */
function writeGrid(sheet, grid, { boldRows = [], numberFormats = {} } = {}) {
  grid.forEach((row, r) => {
    const excelRow = sheet.getRow(r + 1);
    row.forEach((value, c) => {
      if (value === "" || value === null || value === undefined) return;
      const cell = excelRow.getCell(c + 1);
      cell.value = value;
      if (typeof value === "number" && numberFormats[c]) cell.numFmt = numberFormats[c];
    });
    if (boldRows.includes(r)) excelRow.font = { bold: true };
  });
}

/** The example workbook; fixed document dates so regenerating changes nothing but the zip's timestamps. */
async function writeExample(outPath) {
  const { sampleKeyFiguresGrid, sampleLedgerGrid } = loadSample();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ictcost";
  workbook.created = workbook.modified = new Date(Date.UTC(2024, 0, 1));

  const keyFigures = workbook.addWorksheet("Kerngegevens");
  const kfGrid = sampleKeyFiguresGrid();
  writeGrid(keyFigures, kfGrid, {
    boldRows: [0, kfGrid.findIndex((row) => row[0] === "Boekjaar")],
    numberFormats: { 1: "#,##0", 2: "#,##0", 3: "0.0", 4: "0.0" },
  });
  keyFigures.columns.forEach((col, i) => (col.width = [22, 24, 26, 14, 14][i] ?? 12));

  const ledger = workbook.addWorksheet("Grootboek");
  const ledgerGrid = sampleLedgerGrid();
  writeGrid(ledger, ledgerGrid, {
    boldRows: [0, 3, ledgerGrid.length - 1],
    numberFormats: { 5: "#,##0.00", 6: "0.0" },
  });
  ledger.columns.forEach((col, i) => (col.width = [52, 30, 26, 22, 10, 14, 6][i] ?? 12));

  await workbook.xlsx.writeFile(outPath);
  return outPath;
}

const out = process.argv[2] ?? path.join(__dirname, "..", "examples", "voorbeeldrade.xlsx");
writeExample(out).then(
  (p) => console.log(`Geschreven / written: ${p}`),
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
