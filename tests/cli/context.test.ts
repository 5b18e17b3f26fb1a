/**
 * `compare --json`'s `context` (issue 12): the figures the comparison sheet caches under its context
 * formulas — size class, project time per theme, cost per employee / workplace, the four-year estimate.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/cli";
import { CompareJson } from "../../src/cli/compareOutput";
import { indexBudget } from "../../src/model/indexation";

const EXAMPLE = join(__dirname, "../../examples/voorbeeldrade.xlsx");

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-context-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function json(file: string, ...args: string[]): Promise<CompareJson> {
  const r = await run(["compare", file, ...args, "--json"]);
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as CompareJson;
}

/** The sample with the context key figures on a sheet of their own (no year: they hold for every year). */
async function withContext(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const ws = wb.addWorksheet("Kengetallen");
  ws.addRow(["Project time information security, fte", 0.7]);
  ws.addRow(["Aantal medewerkers (fte/personen)", 410]);
  const path = join(dir, "context.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("compare --json: context", () => {
  it("without context key figures: the size class from the inhabitants and the estimate, nothing else", async () => {
    const out = await json(EXAMPLE);
    const c = out.context!;
    expect(c.size_class).toEqual({
      value: "50000tot100000inwoners",
      label: "50.000 tot 100.000 inwoners",
      source: "uit het aantal inwoners, met de klassengrenzen van CBS",
    });
    expect([c.project_time, c.per_count]).toEqual([null, null]);
    // Voorbeeldrade has 61,000-odd inhabitants: under 100,000 in every year that split there, 60-100k in 2018
    expect(c.historic_size_class.map((h) => [h.book_year, h.class, h.value, h.average])).toEqual([
      [2011, "<100k", 70, 78],
      [2013, "<100k", 62, 74],
      [2014, "<100k", 67, 72],
      [2015, "<100k", 59, 72],
      [2017, "<100k", 76, 82],
      [2018, "60-100k", 78, 84],
    ]);
    expect(c.historic_size_class[1].source).toBe(
      "ICT Benchmark Gemeenten 2014 (M&I/Partners), mxi.nl kennis 261",
    );
    const total = out.components.software + out.components.personnel + out.components.infrastructure;
    const expected = indexBudget(total, out.year, out.year + 4);
    if ("error" in expected) throw new Error("no indexation");
    expect(c.indexation!.years.map((y) => [y.year, y.inflation, y.extrapolated])).toEqual(
      expected.years.map((y) => [y.year, y.inflation, y.year > 2025]),
    );
    expect(c.indexation!.years[3].amount).toBeCloseTo(expected.amount, 2);
    expect([c.indexation!.growth, c.indexation!.inflation]).toEqual([0.107, 0.1]);
  });

  it("with project fte and employees: per 100,000 inhabitants against figure 16, cost per employee beside 2014 and 2012", async () => {
    const out = await json(await withContext());
    const security = out.context!.project_time!.project_time_security_per_100k;
    expect(security.fte).toBe(0.7);
    expect(security.own).toBeCloseTo((0.7 * 100_000) / out.inhabitants!, 9);
    expect(security.benchmark).toBe(0.5);
    expect(security.source).toBe("ICT Benchmark Gemeenten 2023 (M&I/Partners), boekjaar 2022, regels 1042");
    expect(out.context!.project_time!.project_time_laws_per_100k).toMatchObject({
      fte: null,
      own: null,
      benchmark: 1.5,
    });
    const employee = out.context!.per_count!.cost_per_employee;
    const total = out.components.software + out.components.personnel + out.components.infrastructure;
    expect(employee.own).toBeCloseTo(total / 410, 2);
    expect(employee.historic.map((h) => [h.book_year, h.value])).toEqual([
      [2014, 9687],
      [2012, 9324],
    ]);
    expect(out.context!.per_count!.cost_per_workplace).toMatchObject({ count: null, own: null });
  });

  it("takes CBS's size class when CBS knows the municipality", async () => {
    const out = await json(EXAMPLE, "--gemeente", "Zwolle");
    expect(out.context!.size_class).toEqual({
      value: "100000tot150000inwoners",
      label: "100.000 tot 150.000 inwoners",
      source: expect.stringMatching(/^CBS, gemeenteklassen/),
    });
  });
});
