/**
 * LibreOffice recalculates the Iv3-aansluiting sheet (and the via-GR row of ICT-vergelijking) that
 * `compare -o` writes, from copies whose cached results were all set to 0, and must arrive at the
 * engine's figures to the cent: a second engine agrees that the cross table adds up to the ICT total,
 * that the ICT share of taakveld 0.4 divides by CBS's overhead, and that bi.4 is what the ledger says.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/cli";
import { CompareJson } from "../../src/cli/compareOutput";
import { ROW } from "../../src/model/layout/comparison/rows";
import { recalculateWithLibreOffice, requireSoffice } from "./soffice";

const ROOT = join(__dirname, "../..");
const SHEET = "Iv3-aansluiting";

let dir: string;
const ours: Record<string, ExcelJS.Workbook> = {};
const theirs: Record<string, ExcelJS.Workbook> = {};
const engine: Record<string, CompareJson> = {};

type FormulaValue = ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
const isFormula = (v: ExcelJS.CellValue): v is FormulaValue =>
  typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
const shown = (c: ExcelJS.Cell): unknown => (isFormula(c.value) ? c.result : c.value);

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A ledger with Iv3 as booked, a contribution to an ICT shared-service GR (4.3.3) and key figures of Zwolle. */
async function grWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const kf = wb.addWorksheet("Kerngegevens");
  kf.addRow(["Gemeente", "Zwolle"]);
  kf.addRow(["Boekjaar", 2023]);
  const ws = wb.addWorksheet("Grootboek");
  ws.addRow([
    "Omschrijving",
    "Leverancier",
    "Grootboekrekening",
    "Taakveld",
    "Iv3 categorie",
    "Boekjaar",
    "Bedrag",
  ]);
  const rows: [string, string, string, string, string, number][] = [
    ["Microsoft 365 E3 licenties", "SoftwareONE", "44100", "0.4 Overhead", "3.8", 120_000.11],
    ["Salarissen systeembeheerders", "", "41000", "0.4", "1.1 Salarissen en sociale lasten", 410_000],
    ["Inhuur informatieadviseur", "Yacht", "41500", "0.4 Overhead", "3.5.1 Ingeleend personeel", 150_000.5],
    [
      "Bijdrage GR: hosting en back-up applicaties",
      "ICT Samenwerking West",
      "44900",
      "0.4",
      "4.3.3",
      90_000.25,
    ],
    ["Zaaksysteem abonnement", "Centric", "44100", "", "3.8", 33_333.33],
    ["Laptops afschrijving", "Dell", "47300", "0.4 Overhead", "", 70_000],
    ["Huur kantoorpand", "Vastgoed BV", "43000", "0.3", "3.8", 99_000],
  ];
  for (const r of rows) ws.addRow([r[0], r[1], r[2], r[3], r[4], 2023, r[5]]);
  await wb.xlsx.writeFile(path);
}

/** The copy with every cached formula result 0 and no recalculation flag: LibreOffice must compute. */
async function zeroed(path: string, out: string): Promise<void> {
  const wb = await load(path);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (isFormula(cell.value)) cell.value = { ...cell.value, result: 0 } as ExcelJS.CellValue;
      }),
    ),
  );
  wb.calcProperties = { fullCalcOnLoad: false };
  await wb.xlsx.writeFile(out);
}

const CASES = {
  decade: {
    file: () => join(ROOT, "tests/fixtures/exports/decade-saldo.xlsx"),
    flags: ["--gemeente", "Zwolle"],
  },
  gr: { file: () => join(dir, "gr.xlsx"), flags: [] as string[] },
};

beforeAll(async () => {
  requireSoffice();
  dir = mkdtempSync(join(tmpdir(), "ictcost-lo-iv3-"));
  await grWorkbook(join(dir, "gr.xlsx"));
  const toRecalc: string[] = [];
  for (const [name, c] of Object.entries(CASES)) {
    const out = join(dir, `${name}-uit.xlsx`);
    const r = await run(["compare", c.file(), ...c.flags, "-o", out]);
    if (r.exitCode !== 0) throw new Error(`compare -o failed: ${r.stderr}`);
    engine[name] = JSON.parse((await run(["compare", c.file(), ...c.flags, "--json"])).stdout) as CompareJson;
    ours[name] = await load(out);
    const zero = join(dir, `${name}-nul.xlsx`);
    await zeroed(out, zero);
    toRecalc.push(zero);
  }
  const outdir = recalculateWithLibreOffice(dir, toRecalc, 170_000);
  for (const name of Object.keys(CASES)) theirs[name] = await load(join(outdir, `${name}-nul.xlsx`));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every formula cell of the sheet: our cached result against LibreOffice's, numbers to 1/10,000 of a cent. */
function disagreements(name: string, sheet: string): string[] {
  const mine = ours[name].getWorksheet(sheet)!;
  const lo = theirs[name].getWorksheet(sheet)!;
  const out: string[] = [];
  let formulas = 0;
  mine.eachRow((row) =>
    row.eachCell((cell) => {
      if (!isFormula(cell.value)) return;
      formulas++;
      const [a, b] = [shown(cell), shown(lo.getCell(cell.address))];
      const same =
        typeof a === "number" && typeof b === "number"
          ? Math.round((a - b) * 1e6) === 0
          : (a ?? "") === (b ?? "");
      if (!same)
        out.push(`${sheet}!${cell.address}: ours ${JSON.stringify(a)}, LibreOffice ${JSON.stringify(b)}`);
    }),
  );
  if (formulas < 10) out.push(`${sheet}: only ${formulas} formulas`);
  return out;
}

/** The row of column A with `label`, on LibreOffice's copy. */
function rowOf(wb: ExcelJS.Workbook, label: string): number {
  let found = 0;
  wb.getWorksheet(SHEET)!.eachRow((row, r) => {
    if (row.getCell(1).value === label) found = r;
  });
  if (!found) throw new Error(`no row '${label}'`);
  return found;
}

describe("LibreOffice recalculates the Iv3 tie-out compare -o writes", () => {
  it.each(Object.keys(CASES))("%s: every formula equals the engine's cached value", (name) => {
    expect(disagreements(name, SHEET)).toEqual([]);
  });

  it.each(Object.keys(CASES))(
    "%s: the table adds up to the ICT total of compare --json, to the cent",
    (name) => {
      const lo = theirs[name];
      const totalRow = rowOf(lo, "Totaal");
      const ws = lo.getWorksheet(SHEET)!;
      let totalCol = 2;
      while (ws.getCell(8, totalCol).value !== "Totaal") totalCol++;
      const t = engine[name].components;
      const ictTotal = t.software + t.personnel + t.infrastructure;
      expect(Math.round((shown(ws.getCell(totalRow, totalCol)) as number) * 100)).toBe(
        Math.round(ictTotal * 100),
      );
      let inner = 0;
      for (let r = 9; r < totalRow; r++)
        for (let c = 2; c < totalCol; c++) inner += shown(ws.getCell(r, c)) as number;
      expect(Math.round(inner * 100)).toBe(Math.round(ictTotal * 100));
    },
  );

  it("divides by Zwolle's overhead from CBS (jaarrekening 2023) and agrees with --json's ict_overhead_share", () => {
    const lo = theirs.decade;
    const ws = lo.getWorksheet(SHEET)!;
    const overhead = rowOf(lo, "Overhead-lasten taakveld 0.4 (CBS)");
    expect(ws.getCell(overhead, 2).value).toBe(57_683_000);
    expect(String(ws.getCell(overhead, 3).value)).toContain("CBS, Iv3 jaarrekening 2023");
    const all = shown(ws.getCell(rowOf(lo, "Aandeel: alle ICT-kosten / overhead-lasten"), 2)) as number;
    const json = engine.decade as unknown as { cbs: { overhead: { kpis: { ict_overhead_share: number } } } };
    expect(all).toBeCloseTo(json.cbs.overhead.kpis.ict_overhead_share, 8);
  });

  it("computes bi.4 from Iv3 1.1 and 3.5.1 on the ICT lines, and the via-GR row on ICT-vergelijking", () => {
    const lo = theirs.gr;
    const ws = lo.getWorksheet(SHEET)!;
    const bi4 = shown(
      ws.getCell(rowOf(lo, "bi.4 Externe inhuur = inhuur / (loonsom + inhuur)"), 2),
    ) as number;
    expect(bi4).toBeCloseTo(150_000.5 / (410_000 + 150_000.5), 10);
    expect(disagreements("gr", "ICT-vergelijking")).toEqual([]);
    const viaGr = shown(lo.getWorksheet("ICT-vergelijking")!.getCell(`B${ROW.viaGr}`));
    expect(viaGr).toBeCloseTo(90_000.25, 2);
    expect(engine.gr.via_gr).toEqual({ lines: 1, amount: 90_000.25 });
  });
});
