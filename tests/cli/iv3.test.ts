/**
 * `compare --json`'s `iv3`: the figures of the Iv3-aansluiting sheet — the cross table per taakveld ×
 * Iv3 categorie, the ICT total it adds up to, the ICT share of taakveld 0.4 and bi.4 — the same ones the
 * sheet of `compare -o` caches, cell for cell; null when the ledger has no Iv3 columns (no sheet).
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/cli";
import { CompareJson } from "../../src/cli/compareOutput";
import { SheetGrid } from "../../src/cli/sheet";
import { readXlsxFile } from "../../src/cli/xlsx";

const ROOT = join(__dirname, "../..");
const DECADE = join(ROOT, "tests/fixtures/exports/decade-saldo.xlsx"); // Taakveld and Iv3 categorie columns
const EXAMPLE = join(ROOT, "examples/voorbeeldrade.xlsx"); // no Iv3 columns

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-iv3-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function json(...args: string[]): Promise<CompareJson> {
  const r = await run(["compare", ...args, "--json"]);
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as CompareJson;
}

/** What the sheet shows in a cell (1-based row and column): a formula's cached result, else the value. */
function shown(ws: SheetGrid, row: number, column: number): unknown {
  return ws.grid[row - ws.firstRow]?.[column - ws.firstColumn];
}

/** The row whose column A holds `label`. */
function rowOf(ws: SheetGrid, label: string): number {
  const i = ws.grid.findIndex((r) => r[1 - ws.firstColumn] === label);
  if (i < 0) throw new Error(`no row '${label}'`);
  return i + ws.firstRow;
}

describe("compare --json: iv3", () => {
  it("holds every figure the Iv3-aansluiting sheet of compare -o shows, and adds up to the ICT total", async () => {
    const out = join(dir, "decade-uit.xlsx");
    expect((await run(["compare", DECADE, "--gemeente", "Zwolle", "-o", out])).exitCode).toBe(0);
    const j = await json(DECADE, "--gemeente", "Zwolle");
    const iv3 = j.iv3!;
    expect(iv3).not.toBeNull();
    expect(Object.keys(iv3)).toEqual([
      "sheet",
      "year",
      "categories",
      "rows",
      "column_totals",
      "ict_total",
      "overhead",
      "bi4",
    ]);
    // The copy's cached values, as Excel's Range.values gives them.
    const ws = (await readXlsxFile(out)).find((s) => s.name === iv3.sheet)!;
    expect(ws).toBeDefined();
    expect(ws.firstColumn).toBe(1);
    expect([iv3.year, shown(ws, 5, 2)]).toEqual([j.year, j.year]);

    // The cross table: header row 8, one row per taakveld, onbekend, Totaal.
    const n = iv3.categories.length;
    expect(n).toBeGreaterThan(2);
    expect(Array.from({ length: n + 2 }, (_, i) => shown(ws, 8, 2 + i))).toEqual([
      ...iv3.categories,
      "onbekend",
      "Totaal",
    ]);
    // A cached 0 reads as "" (the reader follows ExcelJS there: src/cli/xlsxRead/worksheet.ts).
    const amount = (v: unknown) => (v === "" ? 0 : v);
    const sheetRow = (r: number) => Array.from({ length: n + 2 }, (_, i) => amount(shown(ws, r, 2 + i)));
    iv3.rows.forEach((row, i) => {
      expect(shown(ws, 9 + i, 1)).toBe(row.taakveld ?? "onbekend");
      expect(sheetRow(9 + i)).toEqual([...row.amounts, row.unknown, row.total]);
    });
    const totalRow = 9 + iv3.rows.length;
    expect(shown(ws, totalRow, 1)).toBe("Totaal");
    expect(sheetRow(totalRow)).toEqual([
      ...iv3.column_totals.amounts,
      iv3.column_totals.unknown,
      iv3.ict_total,
    ]);
    expect(iv3.rows.find((r) => r.taakveld === "0.4 Overhead")!.total).toBeGreaterThan(0);

    // It reconciles: the ICT total is the components' sum, to the cent.
    const c = j.components;
    expect(Math.round(iv3.ict_total * 100)).toBe(
      Math.round((c.software + c.personnel + c.infrastructure) * 100),
    );

    // The ICT share of taakveld 0.4, with Zwolle's overhead from CBS.
    const at = (label: string) => shown(ws, rowOf(ws, label), 2);
    expect(iv3.overhead).toEqual({
      ict_on_0_4: at("ICT-kosten geboekt op taakveld 0.4"),
      overhead: at("Overhead-lasten taakveld 0.4 (CBS)"),
      share_0_4: at("Aandeel: ICT op taakveld 0.4 / overhead-lasten"),
      share_all: at("Aandeel: alle ICT-kosten / overhead-lasten"),
      bi5: at("bi.5 Overhead (% van de totale lasten, CBS)"),
      source: shown(ws, rowOf(ws, "Overhead-lasten taakveld 0.4 (CBS)"), 3),
    });
    expect(iv3.overhead.overhead).toBe(57_683_000);
    expect(iv3.overhead.share_all).toBeCloseTo(j.cbs!.overhead!.kpis.ict_overhead_share!, 10);

    // bi.4 beside our own hired share and the benchmark's.
    expect(iv3.bi4).toEqual({
      salaries: at("Loonsom ICT-regels (Iv3 1.1)"),
      hired: at("Inhuur ICT-regels (Iv3 3.5.1)"),
      value: at("bi.4 Externe inhuur = inhuur / (loonsom + inhuur)"),
      own_hired_share: at("Eigen inhuuraandeel (categorisering: inhuur / personeel)"),
      benchmark_hired_share: at("Inhuuraandeel benchmark"),
    });
    expect(iv3.bi4.value).toBeCloseTo(iv3.bi4.hired / (iv3.bi4.salaries + iv3.bi4.hired), 12);
    expect(iv3.bi4.own_hired_share).toBeCloseTo(j.kpis.hired_share.own!, 10);
  });

  it("without a municipality: the overhead and its shares are null, the source says why", async () => {
    const iv3 = (await json(DECADE, "--inhabitants", "50000")).iv3!;
    expect(iv3.ict_total).toBeGreaterThan(0);
    expect(iv3.overhead).toMatchObject({ overhead: null, share_0_4: null, share_all: null, bi5: null });
    expect(iv3.overhead.source).toMatch(/^Onbekend: noem de gemeente/);
  });

  it("is null when the ledger has no taakveld or Iv3 categorie column (no Iv3-aansluiting sheet)", async () => {
    const j = await json(EXAMPLE);
    expect(Object.keys(j)).toContain("iv3");
    expect(j.iv3).toBeNull();
  });
});
