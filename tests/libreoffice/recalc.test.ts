/**
 * LibreOffice as the independent check of the workbook `ictcost compare -o` writes: a second
 * spreadsheet engine recalculates every formula of the copy and must arrive at the engine's figures
 * (compare --json) to the cent, without a single error value.
 *
 * LibreOffice runs with a private profile in which OOXML recalculation on load is forced
 * (Calc/Formula/Load/OOXMLRecalcMode = 0: "always"; 1 is "never", the default, 2 "prompt"). To show
 * that the numbers read back were computed by LibreOffice and are not our cached values, a second copy
 * has every cached formula result set to 0 and no fullCalcOnLoad flag: LibreOffice's output of that
 * copy must show the right figures too.
 *
 * soffice must be installed (CI installs libreoffice-calc); without it this test fails, it does not skip.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/cli";
import { recalculateWithLibreOffice, requireSoffice } from "./soffice";
import { CompareJson } from "../../src/cli/compareOutput";
import { KPI_IDS } from "../../src/model/benchmark";

const ROOT = join(__dirname, "../..");
const EXAMPLE = join(ROOT, "examples/voorbeeldrade.xlsx");
/** A ledger CSV compared as Zwolle (--gemeente): CBS fills the key figures, the sheet gains the overhead context. */
const ZWOLLE = [join(ROOT, "tests/fixtures/cli/ledger-dev.csv"), "--gemeente", "Zwolle", "--year", "2023"];

let dir: string;
let engine: CompareJson;
/** LibreOffice's recalculated copies: of our file, and of the copy with wrong cached values. */
const lo: {
  right?: ExcelJS.Workbook;
  wrong?: ExcelJS.Workbook;
  zwolle?: ExcelJS.Workbook;
  zwolleWrong?: ExcelJS.Workbook;
  wrongInput?: ExcelJS.Workbook;
  edited?: ExcelJS.Workbook;
  context?: ExcelJS.Workbook;
} = {};
/** compare -o's copy of the sample with the optional context key figures filled (issue 12). */
let contextCopy: ExcelJS.Workbook;
/** The engine run afresh on the copy after a user edited ledger amounts in it. */
let editedEngine: CompareJson;
let zwolleEngine: CompareJson;

/** A copy of the workbook with every cached formula result 0 and no recalculation flag. */
async function withZeroCaches(path: string, out: string): Promise<ExcelJS.Workbook> {
  const wb = await load(path);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (isFormulaValue(v)) cell.value = { ...v, result: 0 } as ExcelJS.CellValue;
      }),
    ),
  );
  wb.calcProperties = { fullCalcOnLoad: false };
  await wb.xlsx.writeFile(out);
  return wb;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function isFormulaValue(v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue {
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}

/**
 * A cell's value as a reader sees it: the cached result for a formula. Read through `cell.result`:
 * ExcelJS's `cell.value` drops a result of 0 or "" from the {formula, result} it returns.
 */
function shown(cell: ExcelJS.Cell): unknown {
  return isFormulaValue(cell.value) ? cell.result : cell.value;
}

beforeAll(async () => {
  requireSoffice();
  dir = mkdtempSync(join(tmpdir(), "ictcost-lo-"));
  const out = join(dir, "uit.xlsx");
  const r = await run(["compare", EXAMPLE, "-o", out]);
  if (r.exitCode !== 0) throw new Error(`compare -o failed: ${r.stderr}`);
  engine = JSON.parse((await run(["compare", EXAMPLE, "--json"])).stdout) as CompareJson;

  // The same workbook with every cached formula result wrong (0) and no recalculation flag.
  const wrong = await load(out);
  wrong.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (isFormulaValue(v)) cell.value = { ...v, result: 0 } as ExcelJS.CellValue;
      }),
    ),
  );
  wrong.calcProperties = { fullCalcOnLoad: false };
  const wrongPath = join(dir, "fout.xlsx");
  await wrong.xlsx.writeFile(wrongPath);
  lo.wrongInput = await load(wrongPath);

  // The copy as a user edits it afterwards: three ledger amounts of the comparison year changed in
  // Grootboek, nothing rebuilt.
  const edited = await load(out);
  const ledger = edited.getWorksheet("Grootboek")!;
  let changed = 0;
  ledger.eachRow((row, r) => {
    const amount = row.getCell(6).value;
    if (
      r > 4 &&
      typeof amount === "number" &&
      row.getCell(5).value === engine.year &&
      changed < 3 &&
      r % 7 === 0
    ) {
      row.getCell(6).value = amount + 12_345.67;
      changed++;
    }
  });
  if (changed !== 3) throw new Error("no ledger amounts to edit");
  const editedPath = join(dir, "bewerkt.xlsx");
  await edited.xlsx.writeFile(editedPath);
  editedEngine = JSON.parse((await run(["compare", editedPath, "--json"])).stdout) as CompareJson;

  const zwolleOut = join(dir, "zwolle.xlsx");
  const z = await run(["compare", ...ZWOLLE, "-o", zwolleOut]);
  if (z.exitCode !== 0) throw new Error(`compare -o (Zwolle) failed: ${z.stderr}`);
  zwolleEngine = JSON.parse((await run(["compare", ...ZWOLLE, "--json"])).stdout) as CompareJson;
  const zwolleWrongPath = join(dir, "zwolle-fout.xlsx");
  await withZeroCaches(zwolleOut, zwolleWrongPath);

  // The sample with the optional context filled: project fte, employees, workplaces on a sheet of their
  // own (no year: they hold for every year). Its copy goes to LibreOffice with every cached result 0.
  const withContext = await load(EXAMPLE);
  const kg = withContext.addWorksheet("Kengetallen");
  kg.addRow(["Projecttijd wetgeving (Omgevingswet, Woo, Archiefwet), fte", 0.9]);
  kg.addRow(["Projecttijd zaakgericht werken, fte", 0.3]);
  kg.addRow(["Aantal medewerkers (fte/personen)", 410]);
  kg.addRow(["Aantal werkplekken", 455]);
  const contextIn = join(dir, "context-in.xlsx");
  await withContext.xlsx.writeFile(contextIn);
  const contextOut = join(dir, "context-uit.xlsx");
  const rc = await run(["compare", contextIn, "-o", contextOut]);
  if (rc.exitCode !== 0) throw new Error(`compare -o (context) failed: ${rc.stderr}`);
  contextCopy = await load(contextOut);
  const contextZero = await load(contextOut);
  contextZero.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (isFormulaValue(v)) cell.value = { ...v, result: 0 } as ExcelJS.CellValue;
      }),
    ),
  );
  contextZero.calcProperties = { fullCalcOnLoad: false };
  await contextZero.xlsx.writeFile(join(dir, "context.xlsx"));

  const outdir = recalculateWithLibreOffice(
    dir,
    [out, wrongPath, editedPath, zwolleOut, zwolleWrongPath, join(dir, "context.xlsx")],
    200_000,
  );
  lo.context = await load(join(outdir, "context.xlsx"));
  lo.right = await load(join(outdir, "uit.xlsx"));
  lo.wrong = await load(join(outdir, "fout.xlsx"));
  lo.edited = await load(join(outdir, "bewerkt.xlsx"));
  lo.zwolle = await load(join(outdir, "zwolle.xlsx"));
  lo.zwolleWrong = await load(join(outdir, "zwolle-fout.xlsx"));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** KPI id → LibreOffice's value of the Eigen cell (column C) on ICT-vergelijking. */
function ownKpis(wb: ExcelJS.Workbook): Map<string, unknown> {
  const ws = wb.getWorksheet("ICT-vergelijking");
  if (!ws) throw new Error("no ICT-vergelijking sheet");
  const out = new Map<string, unknown>();
  ws.eachRow((row) => {
    const id = row.getCell(10).value;
    if (typeof id === "string" && KPI_IDS.some((k) => k.id === id)) out.set(id, shown(row.getCell(3)));
  });
  return out;
}

/** Sums of Bedrag over the comparison year by LibreOffice's Definitief and Component values. */
function categorisationSums(wb: ExcelJS.Workbook, year: number) {
  const ws = wb.getWorksheet("ICT-categorisatie");
  if (!ws) throw new Error("no ICT-categorisatie sheet");
  const byCategory: Record<string, number> = {};
  const byComponent: Record<string, number> = {};
  let rows = 0;
  ws.eachRow((row, r) => {
    if (r < 5) return;
    rows++;
    if (row.getCell(6).value !== year) return;
    const amount = shown(row.getCell(7)) as number;
    const final = String(shown(row.getCell(14)) ?? "");
    const component = String(shown(row.getCell(15)) ?? "");
    byCategory[final] = (byCategory[final] ?? 0) + amount;
    if (component) byComponent[component] = (byComponent[component] ?? 0) + amount;
  });
  return { byCategory, byComponent, rows };
}

const toCent = (x: number) => Math.round(x * 100);

function expectSameFigures(wb: ExcelJS.Workbook, engine: CompareJson): void {
  const own = ownKpis(wb);
  expect([...own.keys()]).toEqual(KPI_IDS.map((k) => k.id));
  for (const [id, value] of own) {
    const expected = engine.kpis[id].own;
    if (expected === null) expect(value === "" || value === null || value === undefined).toBe(true);
    else {
      expect(typeof value).toBe("number");
      // To the cent of the value as shown (shares: to 1/10,000 of a percentage point).
      const scale = Math.abs(expected) < 1 ? 1e6 : 1;
      expect(toCent((value as number) * scale)).toBe(toCent(expected * scale));
    }
  }
  const { byCategory, byComponent, rows } = categorisationSums(wb, engine.year);
  expect(rows).toBe(engine.lines.read);
  for (const [code, amount] of Object.entries(engine.categories)) {
    expect(toCent(byCategory[code] ?? 0)).toBe(toCent(amount));
  }
  expect(toCent(byCategory["XX.OO"] ?? 0)).toBe(toCent(engine.lines.unclassified_amount));
  expect(toCent(byComponent.software)).toBe(toCent(engine.components.software));
  expect(toCent(byComponent.personeel)).toBe(toCent(engine.components.personnel));
  expect(toCent(byComponent.infrastructuur)).toBe(toCent(engine.components.infrastructure));
}

/** Every cell LibreOffice computed to an error (Err:502, #NAME?, #VALUE!, …). */
function errorCells(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = shown(cell);
        const isError =
          (typeof v === "object" && v !== null && "error" in v) ||
          (typeof v === "string" && /^(Err:\d+|#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!)$/.test(v));
        if (isError) out.push(`${ws.name}!${cell.address}: ${JSON.stringify(cell.value)}`);
      }),
    ),
  );
  return out;
}

describe("LibreOffice recalculates the workbook compare -o writes", () => {
  it("arrives at the engine's KPIs and category/component sums to the cent", () => {
    expectSameFigures(lo.right as ExcelJS.Workbook, engine);
  });

  it("follows amounts edited in the user's ledger without a rebuild: LibreOffice equals the engine run afresh", () => {
    expect(editedEngine.kpis.total_per_inhabitant.own).not.toBeCloseTo(
      engine.kpis.total_per_inhabitant.own!,
      2,
    );
    expectSameFigures(lo.edited as ExcelJS.Workbook, editedEngine);
  });

  it("marks ICT-toelichting out of date only once the ledger changed (its one formula, recalculated)", () => {
    const stale = (wb: ExcelJS.Workbook) => shown(wb.getWorksheet("ICT-toelichting")!.getCell("A3"));
    expect(stale(lo.right!) ?? "").toBe(""); // LibreOffice writes an empty text result without a value
    expect(String(stale(lo.edited!))).toMatch(/^VEROUDERD — klik Vergelijken/);
  });

  it("finds no error value anywhere (no Err:, no #NAME?)", () => {
    expect(errorCells(lo.right as ExcelJS.Workbook)).toEqual([]);
    expect(errorCells(lo.wrong as ExcelJS.Workbook)).toEqual([]);
    expect(errorCells(lo.edited as ExcelJS.Workbook)).toEqual([]);
    expect(errorCells(lo.context as ExcelJS.Workbook)).toEqual([]);
  });

  it("agrees with every formula of the context blocks (project time, per employee, size class, estimate)", () => {
    const ours = contextCopy.getWorksheet("ICT-vergelijking")!;
    const theirs = (lo.context as ExcelJS.Workbook).getWorksheet("ICT-vergelijking")!;
    const ids = new Map<string, number>();
    ours.eachRow((row, r) => {
      const id = row.getCell(10).value;
      if (typeof id === "string") ids.set(id, r);
    });
    const contextTop = ids.get("size_class");
    expect(contextTop).toBeDefined();
    const blank = (v: unknown) => v === "" || v === null || v === undefined;
    let formulas = 0;
    ours.eachRow((row, r) =>
      row.eachCell((cell) => {
        if (!isFormulaValue(cell.value)) return;
        const expected = shown(cell);
        const actual = shown(theirs.getCell(cell.address));
        if (typeof expected === "number") {
          expect([cell.address, actual]).toEqual([cell.address, expect.closeTo(expected, 6)]);
        } else if (blank(expected)) expect([cell.address, blank(actual)]).toEqual([cell.address, true]);
        else expect([cell.address, actual]).toEqual([cell.address, expected]);
        if (r >= contextTop!) formulas++;
      }),
    );
    // The project rows, the per-employee rows, the historic size classes and the estimate: all live.
    expect(formulas).toBeGreaterThan(40);
    const own = (id: string) => shown(theirs.getCell(`C${ids.get(id)}`)) as number;
    const inhabitants = shown(theirs.getCell("B8")) as number;
    expect(own("project_time_laws_per_100k")).toBeCloseTo((0.9 * 100_000) / inhabitants, 9);
    const total = engine.components.software + engine.components.personnel + engine.components.infrastructure;
    expect(own("cost_per_employee")).toBeCloseTo(total / 410, 6);
    expect(own("cost_per_workplace")).toBeCloseTo(total / 455, 6);
    expect(own("ict_budget_plus_4")).toBeGreaterThan(total);
  });

  it("really recalculates: from cached results that are all 0 it still arrives at the engine's figures", () => {
    // The input of that run does hold the wrong values…
    const before = ownKpis(lo.wrongInput as ExcelJS.Workbook);
    expect([...before.values()]).toEqual(KPI_IDS.map(() => 0));
    // …and LibreOffice's output the right ones.
    expectSameFigures(lo.wrong as ExcelJS.Workbook, engine);
    const trend = (lo.wrong as ExcelJS.Workbook).getWorksheet("ICT-trend");
    const total2023 = trend && shown(trend.getCell("B6"));
    expect(toCent(total2023 as number)).toBe(
      toCent(engine.components.software + engine.components.personnel + engine.components.infrastructure),
    );
  });
});

/** LibreOffice's value of the Eigen cell (column C) of an overhead row (id in column I). */
function overheadOwn(wb: ExcelJS.Workbook, id: string): unknown[] {
  const ws = wb.getWorksheet("ICT-vergelijking")!;
  const out: unknown[] = [];
  ws.eachRow((row) => {
    if (row.getCell(9).value === id) out.push(shown(row.getCell(3)));
  });
  return out;
}

describe("LibreOffice recalculates the overhead context of a municipality CBS knows (Zwolle)", () => {
  it("arrives at the engine's KPIs, and the ICT share of overhead as cbs.overhead in --json", () => {
    const share = zwolleEngine.cbs!.overhead!.kpis.ict_overhead_share!;
    expect(share).toBeGreaterThan(0);
    for (const wb of [lo.zwolle, lo.zwolleWrong] as ExcelJS.Workbook[]) {
      expectSameFigures(wb, zwolleEngine);
      const [own] = overheadOwn(wb, "ict_overhead_share");
      expect(typeof own).toBe("number");
      expect(Math.round((own as number) * 1e8)).toBe(Math.round(share * 1e8));
      const perInhabitant = overheadOwn(wb, "overhead_per_inhabitant");
      expect(perInhabitant).toHaveLength(2);
      expect(perInhabitant[0]).toBeCloseTo(zwolleEngine.cbs!.overhead!.kpis.overhead_per_inhabitant.value, 9);
    }
  });

  it("finds no error value anywhere", () => {
    expect(errorCells(lo.zwolle as ExcelJS.Workbook)).toEqual([]);
    expect(errorCells(lo.zwolleWrong as ExcelJS.Workbook)).toEqual([]);
  });
});
