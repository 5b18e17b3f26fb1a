/**
 * Issue 14, item 7: text with whitespace before "=" ("\t=1+1"). The readers trim it, so the CLI's own
 * sheets held the text "=1+1" as a plain string: a user who presses F2, Enter in Excel turned it into a
 * formula. Now every formula-like string the CLI writes (its own sheets, the copy of a CSV ledger) has the
 * Text number format ("@"), in which Excel keeps an edited "=1+1" as text; ExcelJS cannot write the quote
 * prefix. The user's own cells in a workbook copy keep their text and format exactly.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { run } from "../../src/cli/cli";

const TEXTS = ["\t=1+1", "  =SUM(A1:A3)", "+31 6 1234", "-2+3", "@SOM", '=HYPERLINK("x")'];

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ictcost-formulatext-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every string cell of the copy that Excel could take for a formula, with its number format. */
async function formulaLikeCells(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: { sheet: string; value: string; numFmt: string | undefined; formula: boolean }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && /^\s*[=+\-@]/.test(cell.value)) {
          cells.push({
            sheet: ws.name,
            value: cell.value,
            numFmt: cell.numFmt,
            formula: cell.formula !== undefined,
          });
        }
      }),
    );
  }
  return cells;
}

const ledgerRows = () => [
  ["Omschrijving", "Leverancier", "Bedrag", "Boekjaar"],
  ...TEXTS.map((t, i) => [t, "Leverancier", 1000 + i, 2023]),
  ["Licenties Microsoft 365", "Microsoft", 5000, 2023],
];

describe("formula-like text in the CLI's copy stays text, also after F2, Enter (item 7)", () => {
  it("a CSV ledger: the copy of the ledger and ICT-categorisatie hold the text with the Text format", async () => {
    const input = path.join(dir, "grootboek.csv");
    const out = path.join(dir, "uit-csv.xlsx");
    fs.writeFileSync(
      input,
      ledgerRows()
        .map((row) => row.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(";"))
        .join("\r\n"),
    );
    const r = await run(["compare", input, "--inhabitants", "50000", "-o", out]);
    expect(r.exitCode).toBe(0);
    const cells = await formulaLikeCells(out);
    const sheets = new Set(cells.map((c) => c.sheet));
    expect(sheets).toEqual(new Set(["grootboek.csv", "ICT-categorisatie"]));
    for (const t of TEXTS) {
      const own = cells.find((c) => c.sheet === "ICT-categorisatie" && c.value === t.trim());
      expect({ t, own }).toEqual({
        t,
        own: { sheet: "ICT-categorisatie", value: t.trim(), numFmt: "@", formula: false },
      });
    }
    for (const c of cells) expect(c).toEqual({ ...c, numFmt: "@", formula: false });
    // The copy of the CSV ledger holds the text as the reader gave it.
    const copy = cells.filter((c) => c.sheet === "grootboek.csv").map((c) => c.value);
    expect(copy.map((v) => v.trim())).toEqual(TEXTS.map((t) => t.trim()));
  });

  it("an .xlsx ledger: the user's cells keep their exact text; the add-in's sheet has the Text format", async () => {
    const input = path.join(dir, "grootboek.xlsx");
    const out = path.join(dir, "uit-xlsx.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Grootboek");
    for (const row of ledgerRows()) ws.addRow(row);
    await wb.xlsx.writeFile(input);
    const r = await run(["compare", input, "--inhabitants", "50000", "-o", out]);
    expect(r.exitCode).toBe(0);
    const cells = await formulaLikeCells(out);
    expect(cells.filter((c) => c.sheet === "Grootboek").map((c) => c.value)).toEqual(TEXTS);
    const own = cells.filter((c) => c.sheet === "ICT-categorisatie");
    // The descriptions (trimmed by the reader) and the line keys built from them.
    expect(
      own
        .filter((c) => !c.value.includes("|"))
        .map((c) => c.value)
        .sort(),
    ).toEqual(TEXTS.map((t) => t.trim()).sort());
    expect(own).toHaveLength(2 * TEXTS.length);
    for (const c of own) expect(c).toEqual({ ...c, numFmt: "@", formula: false });
  });
});
