/**
 * Categoriser accuracy on the five export shapes of tests/fixtures/exports (Unit4 grootboekkaart,
 * Exact CSV, Key2 sheet per year, AFAS CSV, Decade saldo; issue 11): each fixture is read through
 * the core reader (`readLedger`, the sheet name giving the year), classified with the built-in
 * rules and compared with its hand-labelled `<name>.expected.csv` (sheet;row;…;verwacht_categorie).
 * The worst line (the largest amount among the misses) is named in the log, and so is what the misses do
 * to the KPIs: each component's total as classified against as labelled (€ and %).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { sheetGrid } from "../../cli/exceljs-reader";
import { decodeText, parseCsv } from "../../../src/cli/csv";
import { readLedger, yearFromSheetName } from "../../../src/model/grid";
import { classifyLedger } from "../../../src/model/categorise";
import { componentOf, parseCategory } from "../../../src/model/taxonomy";
import { CategoryCode, Grid } from "../../../src/model/types";

const DIR = path.join(__dirname, "..", "..", "fixtures", "exports");
const NAMES = ["unit4-grootboekkaart", "exact-mutaties", "key2-per-jaar", "afas-mutaties", "decade-saldo"];

interface Sheet {
  name: string;
  grid: Grid;
  firstRow: number;
}

async function sheetsOf(file: string): Promise<Sheet[]> {
  const full = path.join(DIR, file);
  if (file.endsWith(".csv")) {
    return [{ name: file, grid: parseCsv(decodeText(fs.readFileSync(full)).text), firstRow: 1 }];
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(full);
  return wb.worksheets.map((ws) => {
    const s = sheetGrid(ws);
    return { name: s.name, grid: s.grid, firstRow: s.firstRow };
  });
}

/** Per ICT component, the € as classified and as labelled. */
type Totals = Record<"software" | "personnel" | "infrastructure", { own: number; labelled: number }>;

function emptyTotals(): Totals {
  return {
    software: { own: 0, labelled: 0 },
    personnel: { own: 0, labelled: 0 },
    infrastructure: { own: 0, labelled: 0 },
  };
}

interface Miss {
  text: string;
  amount: number;
}

async function measure(name: string) {
  const expected = new Map<string, CategoryCode>();
  const answers = fs
    .readFileSync(path.join(DIR, `${name}.expected.csv`), "utf8")
    .trim()
    .split(/\r?\n/);
  for (const line of answers.slice(1)) {
    const f = line.split(";");
    expected.set(`${f[0]}#${f[1]}`, parseCategory(f[f.length - 1]) as CategoryCode);
  }
  const file = fs.readdirSync(DIR).find((f) => f.startsWith(`${name}.`) && !f.includes("expected")) as string;
  let lines = 0;
  let category = 0;
  let component = 0;
  const misses: Miss[] = [];
  const totals = emptyTotals();
  for (const s of await sheetsOf(file)) {
    const read = readLedger(s.grid, {
      sheet: s.name,
      firstRow: s.firstRow,
      sheetYear: yearFromSheetName(s.name),
    });
    for (const c of classifyLedger(read.lines)) {
      const want = expected.get(`${s.name}#${c.row}`);
      expect(want).toBeDefined();
      lines++;
      if (c.category === want) category++;
      else
        misses.push({
          text: `${name} ${s.name} r${c.row} '${c.description}' € ${c.amount} → ${c.category} (${c.rule}); verwacht ${want}`,
          amount: Math.abs(c.amount),
        });
      if (componentOf(c.category) === componentOf(want as CategoryCode)) component++;
      const got = componentOf(c.category);
      const labelled = componentOf(want as CategoryCode);
      if (got) totals[got].own += c.amount;
      if (labelled) totals[labelled].labelled += c.amount;
    }
  }
  return { lines, category, component, misses, totals };
}

test("export fixtures: category ≥ 97%, component ≥ 99%", async () => {
  let lines = 0;
  let category = 0;
  let component = 0;
  const misses: Miss[] = [];
  const rows: string[] = [];
  const deviations: number[] = [];
  for (const name of NAMES) {
    const m = await measure(name);
    lines += m.lines;
    category += m.category;
    component += m.component;
    misses.push(...m.misses);
    const kpi = Object.entries(m.totals).map(([k, t]) => {
      const pct = t.labelled === 0 ? 0 : (t.own - t.labelled) / Math.abs(t.labelled);
      deviations.push(Math.abs(pct));
      return `${k} € ${Math.round(t.own - t.labelled)} (${(100 * pct).toFixed(2)}%)`;
    });
    rows.push(
      `${name}: ${m.lines} regels, categorie ${((100 * m.category) / m.lines).toFixed(1)}%, ` +
        `component ${((100 * m.component) / m.lines).toFixed(1)}%; afwijking per component: ${kpi.join(", ")}`,
    );
  }
  expect(lines).toBeGreaterThan(0);
  const cat = category / lines;
  const comp = component / lines;
  misses.sort((a, b) => b.amount - a.amount);
  console.log(
    [
      ...rows,
      `totaal: ${lines} regels, categorie ${(100 * cat).toFixed(1)}%, component ${(100 * comp).toFixed(1)}%`,
      `ergste regel: ${misses[0]?.text ?? "geen"}`,
      ...misses.slice(1).map((m) => `  ${m.text}`),
    ].join("\n"),
  );
  expect(cat).toBeGreaterThanOrEqual(0.97);
  expect(comp).toBeGreaterThanOrEqual(0.99);
  // What the misses do to the KPIs: no component total more than 1% off what the labels give.
  expect(Math.max(...deviations)).toBeLessThanOrEqual(0.01);
});
