/**
 * LibreOffice as the independent check of the lossless copy: a second spreadsheet engine opens the
 * copy, recalculates every formula (forced: OOXMLRecalcMode = always, in a private profile) and must
 * arrive at the engine's cached value of every formula cell — also from a copy whose cached values
 * were all written as 0 — with no error value; and the charts survive its round trip as charts of
 * the right kind whose series point at the own sheet and carry the recalculated values.
 *
 * soffice must be installed (CI installs libreoffice-calc); without it this test fails, it does not skip.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { unzipSync } from "fflate";
import { run } from "../../../src/cli/cli";
import { CompareJson } from "../../../src/cli/compareOutput";
import { listSheets, writeLosslessCopy } from "../../../src/cli/ooxml/losslessCopy";
import { KPI_IDS } from "../../../src/model/benchmark";
import { isFormula, SheetLayout } from "../../../src/model/layout/types";
import { EXAMPLE, FIXTURES, layoutsFor } from "./helpers";
import { recalculateWithLibreOffice, requireSoffice } from "../../libreoffice/soffice";

let dir: string;
let layouts: SheetLayout[];
let engine: CompareJson;
const VBA = join(FIXTURES, "poi-57181.prepared.xlsm");
const vba: { layouts?: SheetLayout[]; sheets?: string[]; lo?: ExcelJS.Workbook } = {};
const lo: {
  right?: ExcelJS.Workbook;
  wrong?: ExcelJS.Workbook;
  wrongInput?: ExcelJS.Workbook;
  charts?: string[];
} = {};

/** The same layouts with every cached formula value 0 (LibreOffice must compute the right ones). */
function zeroed(ls: SheetLayout[]): SheetLayout[] {
  return ls.map((l) => ({
    ...l,
    blocks: l.blocks.map((b) => ({
      ...b,
      cells: b.cells.map((row) => row.map((c) => (isFormula(c) ? { formula: c.formula, value: 0 } : c))),
    })),
  }));
}

beforeAll(async () => {
  requireSoffice();
  dir = mkdtempSync(join(tmpdir(), "ictcost-lossless-lo-"));
  const input = new Uint8Array(readFileSync(EXAMPLE));
  layouts = await layoutsFor(
    EXAMPLE,
    listSheets(input).map((s) => s.name),
  );
  engine = JSON.parse((await run(["compare", EXAMPLE, "--json"])).stdout) as CompareJson;
  const right = join(dir, "goed.xlsx");
  const wrong = join(dir, "fout.xlsx");
  writeFileSync(right, writeLosslessCopy(input, layouts));
  writeFileSync(wrong, writeLosslessCopy(input, zeroed(layouts), { fullCalcOnLoad: false }));
  // A real user workbook with VBA, chart sheets, images and a hidden sheet, when the fixtures are there.
  const files = [right, wrong];
  if (existsSync(VBA)) {
    const vbaInput = new Uint8Array(readFileSync(VBA));
    vba.layouts = await layoutsFor(
      VBA,
      listSheets(vbaInput).map((s) => s.name),
    );
    vba.sheets = listSheets(vbaInput)
      .filter((s) => /\/worksheets\//.test(s.part)) // chart sheets are no worksheets for ExcelJS
      .map((s) => s.name);
    files.push(join(dir, "vba.xlsm"));
    writeFileSync(files[2], writeLosslessCopy(vbaInput, zeroed(vba.layouts), { fullCalcOnLoad: false }));
  }

  const outdir = recalculateWithLibreOffice(dir, files, 55_000);
  const load = async (name: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(outdir, name));
    return wb;
  };
  lo.right = await load("goed.xlsx");
  lo.wrong = await load("fout.xlsx");
  if (vba.layouts) vba.lo = await load("vba.xlsx");
  lo.wrongInput = new ExcelJS.Workbook();
  await lo.wrongInput.xlsx.readFile(wrong);
  const parts = unzipSync(new Uint8Array(readFileSync(join(outdir, "goed.xlsx"))));
  lo.charts = Object.keys(parts)
    .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
    .map((n) => new TextDecoder().decode(parts[n]));
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function isFormulaValue(v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue {
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}

/** Every formula cell of the layouts: LibreOffice's result against the engine's cached value. */
function mismatches(wb: ExcelJS.Workbook, ls: SheetLayout[] = layouts): string[] {
  const bad: string[] = [];
  for (const layout of ls) {
    const ws = wb.getWorksheet(layout.name);
    if (!ws) {
      bad.push(`no sheet ${layout.name}`);
      continue;
    }
    for (const block of layout.blocks) {
      const m = /^([A-Z]+)(\d+)$/.exec(block.at)!;
      const top = Number(m[2]);
      const left = ws.getColumn(m[1]).number;
      block.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!isFormula(v)) return;
          const cell = ws.getCell(top + r, left + c);
          const got = isFormulaValue(cell.value) ? cell.result : cell.value;
          const want = v.value ?? "";
          const ok =
            typeof want === "number"
              ? typeof got === "number" && Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want))
              : (got ?? "") === want || (want === "" && got === undefined);
          if (!ok)
            bad.push(`${layout.name}!${cell.address}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        }),
      );
    }
  }
  return bad;
}

describe("LibreOffice opens the lossless copy and recalculates it", () => {
  it("every formula cell comes out at the engine's value, also from zeroed caches", () => {
    const count = layouts.flatMap((l) => l.blocks.flatMap((b) => b.cells.flat())).filter(isFormula).length;
    expect(count).toBeGreaterThan(50);
    expect(mismatches(lo.right!)).toEqual([]);
    expect(mismatches(lo.wrong!)).toEqual([]);
    // The check has teeth: the zeroed copy as written does not pass it.
    expect(mismatches(lo.wrongInput!).length).toBeGreaterThan(20);
  });

  it("the KPIs equal compare --json to the cent, with no error value in the own sheets", () => {
    const ws = lo.wrong!.getWorksheet(layouts[1].name)!;
    const seen = new Set<string>();
    ws.eachRow((row) => {
      const id = row.getCell(10).value;
      if (typeof id !== "string" || !KPI_IDS.some((k) => k.id === id)) return;
      seen.add(id);
      const v = row.getCell(3);
      const got = isFormulaValue(v.value) ? v.result : v.value;
      const want = engine.kpis[id].own;
      if (want === null) return;
      expect({ id, own: Math.round((got as number) * 100) }).toEqual({ id, own: Math.round(want * 100) });
    });
    expect(seen.size).toBe(KPI_IDS.length);
    for (const layout of layouts) {
      lo.wrong!.getWorksheet(layout.name)!.eachRow((row) =>
        row.eachCell((cell) => {
          const v = isFormulaValue(cell.value) ? cell.result : cell.value;
          expect(
            typeof v === "object" && v !== null && "error" in v
              ? `${cell.address}: ${JSON.stringify(v)}`
              : "",
          ).toBe("");
        }),
      );
    }
  });

  it("the charts survive as charts: column own vs benchmark, composition doughnut, trend lines", () => {
    const charts = lo.charts!;
    const kinds = charts.map((x) => /<c:(barChart|doughnutChart|lineChart|pieChart)>/.exec(x)?.[1]).sort();
    expect(kinds).toEqual(["barChart", "doughnutChart", "lineChart"]);
    for (const x of charts) {
      expect(x).toMatch(/<c:f>&apos;ICT-(vergelijking|trend)&apos;!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+<\/c:f>/);
      expect(x).toMatch(/<c:numCache>[\s\S]*<c:pt idx="0"><c:v>-?\d/);
    }
    const bar = charts.find((x) => x.includes("<c:barChart>"))!;
    expect((bar.match(/<c:ser>/g) ?? []).length).toBe(2); // own and benchmark
    expect(bar).toContain('<c:barDir val="col"/>');
  });

  (existsSync(VBA) ? it : it.skip)(
    "a real .xlsm (VBA, chart sheets, images, hidden sheet) opens with every sheet, formulas recalculated",
    () => {
      expect(vba.lo!.worksheets.map((w) => w.name)).toEqual(
        expect.arrayContaining([...vba.sheets!, ...vba.layouts!.map((l) => l.name)]),
      );
      expect(mismatches(vba.lo!, vba.layouts!)).toEqual([]);
    },
  );
});
