/**
 * Issue 7, part 6: big and odd workbooks on the Excel fake. The 100,000-line ledger is
 * tests/excel/workflows.scale.test.ts (not repeated here). This file: a 5,000-column sheet and a
 * 5,000-column ledger, 200 sheets with hidden ones, protected sheets (the ledger, another user sheet, an
 * add-in sheet), sheet names with quotes and spaces (live KPI formulas equal the engine), and a stray value
 * at XFD1048576.
 */
import { readOwnedSheets } from "../../src/excel/ownership";
import { KPI_IDS } from "../../src/model/benchmark";
import { classifyLedger } from "../../src/model/categorise";
import { compare } from "../../src/model/comparison";
import { LedgerLine } from "../../src/model/types";
import { WorkflowResult } from "../../src/excel/workflow-api";
import { addTable, FakeExcel, setCells, snapshotSheet } from "../fakes/excel-fake";
import {
  Book,
  book,
  LEDGER_HEADER,
  ledgerRows,
  nl,
  ok,
  snapshotAll,
  snapshotUser,
  userWorkbook,
} from "./workbooks";

const LIMIT = 5 * 1024 * 1024;

/** Syncs and the largest request/response of one call. */
async function measured<T>(fake: FakeExcel, call: () => Promise<T>) {
  const s0 = fake.stats.syncCount;
  const q0 = fake.stats.requestSizes.length;
  const result = await call();
  return {
    result,
    syncs: fake.stats.syncCount - s0,
    maxRequest: Math.max(0, ...fake.stats.requestSizes.slice(q0)),
    maxResponse: Math.max(0, ...fake.stats.responseSizes.slice(q0)),
  };
}

/** The engine's KPIs for the userWorkbook ledger (`lines` lines from row 2) and its key figures. */
function engine(lines: number, year: number) {
  const ledger: LedgerLine[] = ledgerRows(lines).map((r, i) => ({
    row: i + 2,
    description: String(r[0]),
    supplier: String(r[1]),
    account: String(r[2]),
    costCentre: String(r[3]),
    year: Number(r[4]),
    amount: Number(r[5]),
    fte: null,
    category: null,
  }));
  return compare(
    classifyLedger(ledger),
    [
      { year: 2022, inhabitants: 41_000, budget: 152_000_000 },
      { year: 2023, inhabitants: 41_500, budget: 160_000_000 },
    ],
    { year },
  );
}

/** Live KPI values (column C) on the comparison sheet by KPI id (column J). */
function liveKpis(fake: FakeExcel, sheet: string): Map<string, unknown> {
  const cells = snapshotSheet(fake, sheet).cells;
  const out = new Map<string, unknown>();
  for (const [a, c] of Object.entries(cells)) {
    const m = /^J(\d+)$/.exec(a);
    if (m) out.set(String(c.value), cells[`C${m[1]}`]?.value ?? "");
  }
  return out;
}

function expectKpisEqual(fake: FakeExcel, sheet: string, lines: number): void {
  const expected = engine(lines, 2023);
  const live = liveKpis(fake, sheet);
  for (const def of KPI_IDS) {
    const own = expected.kpis.find((k) => k.id === def.id)!.own;
    if (own === null) expect([def.id, live.get(def.id)]).toEqual([def.id, ""]);
    else expect([def.id, live.get(def.id)]).toEqual([def.id, expect.closeTo(own, 6)]);
  }
}

describe("sheet names with quotes and spaces", () => {
  it('"Grootboek \'ICT\' 2023", "Kern gegevens" and add-in sheets named with quotes: live KPIs equal the engine\'s', async () => {
    const b = userWorkbook(24, {
      ledger: "Grootboek 'ICT' 2023",
      keyFigures: "Kern gegevens",
      notes: "Notities 'x' blad",
    });
    const users = snapshotUser(b);
    const r = ok(
      await b.wf.rebuildAll({
        ...nl,
        sheetNames: {
          categorisation: "Cat 'A' blad",
          comparison: "Vergelijking '23",
          trend: "Trend o'Brien",
        },
      }),
    );
    expect(r.sheets.sort()).toEqual(["Cat 'A' blad", "ICT-toelichting", "Trend o'Brien", "Vergelijking '23"]);
    // The toelichting watches the comparison by its quoted name.
    expect(snapshotSheet(b.fake, "ICT-toelichting").cells.A3.formula).toContain("'Vergelijking ''23'!$B$14");
    const cmp = snapshotSheet(b.fake, "Vergelijking '23");
    expect(cmp.cells.B8.formula).toMatch(/^='Kern gegevens'!\$B\$5$/);
    expect(cmp.cells.B14.formula).toContain("'Cat ''A'' blad'!$G:$G");
    expectKpisEqual(b.fake, "Vergelijking '23", 24);
    const trend = snapshotSheet(b.fake, "Trend o'Brien");
    expect(trend.cells.B5.formula).toContain("SUMIFS('Cat ''A'' blad'!");
    expect(trend.cells.D6.value).toEqual(
      expect.closeTo(engine(24, 2023).kpis.find((k) => k.id === "total_per_inhabitant")!.own!, 6),
    );
    // A key figure changed on the user's sheet flows into the live KPI.
    setCells(b.fake.workbook, "Kern gegevens", "B5", [[83_000]]);
    const total = liveKpis(b.fake, "Vergelijking '23").get("total_per_inhabitant") as number;
    expect(total).toBeCloseTo(
      engine(24, 2023).kpis.find((k) => k.id === "total_per_inhabitant")!.own! / 2,
      6,
    );
    setCells(b.fake.workbook, "Kern gegevens", "B5", [[41_500]]);
    expect(snapshotUser(b)).toMatchObject(users);
  });
});

describe("200 sheets, hidden sheets", () => {
  it("finds the ledger on sheet 150 (hidden), reads key figures on a very hidden sheet, touches none of them", async () => {
    const small = userWorkbook(16);
    const base = await measured(small.fake, () => small.wf.rebuildAll(nl));
    ok(base.result);

    const names = Array.from({ length: 200 }, (_, i) => `Blad ${i + 1}`);
    const b = book(names);
    const wb = b.fake.workbook;
    names.forEach((n, i) => {
      if (i % 10 === 3)
        setCells(wb, n, "A1", [
          ["Notitie", i],
          ["=B1*2", "tekst"],
        ]);
      if (i % 7 === 0) wb.sheetByName(n)!.visibility = "Hidden";
    });
    setCells(wb, "Blad 150", "A1", [LEDGER_HEADER, ...ledgerRows(16)]);
    addTable(wb, "Blad 150", "A1:F17", "Grootboektabel");
    wb.sheetByName("Blad 150")!.visibility = "Hidden";
    setCells(wb, "Blad 199", "A1", [
      ["Boekjaar", "Aantal inwoners", "Totale begroting"],
      [2022, 41_000, 152_000_000],
      [2023, 41_500, 160_000_000],
    ]);
    wb.sheetByName("Blad 199")!.visibility = "VeryHidden";
    const before = snapshotAll(b.fake);
    const run = await measured(b.fake, () => b.wf.rebuildAll(nl));
    ok(run.result);
    // Not one sync per sheet: the same count as a four-sheet workbook.
    expect(run.syncs).toBeLessThanOrEqual(base.syncs + 1);
    expect(run.maxRequest).toBeLessThanOrEqual(LIMIT);
    expect(run.maxResponse).toBeLessThanOrEqual(LIMIT);
    const after = snapshotAll(b.fake);
    for (const n of names) expect(after[n]).toEqual(before[n]);
    expect(wb.sheets).toHaveLength(204); // 200 + categorisation, comparison, trend, toelichting
    expectKpisEqual(b.fake, "ICT-vergelijking", 16);
    // The add-in's sheets are visible and the comparison is the active one.
    expect(wb.sheetByName("ICT-vergelijking")!.visibility).toBe("Visible");
    expect(wb.activeSheetId).toBe(wb.sheetByName("ICT-vergelijking")!.id);
  });
});

describe("protected sheets", () => {
  const protect = (b: Book, name: string) => (b.fake.workbook.sheetByName(name)!.protected = true);

  it("a protected ledger sheet is refused with a clear message, and nothing is written", async () => {
    const b = userWorkbook(16);
    protect(b, "Grootboek");
    const before = snapshotAll(b.fake);
    for (const command of ["categorise", "buildComparison", "buildTrend", "rebuildAll"] as const) {
      const r = await b.wf[command](nl);
      expect(r.ok).toBe(false);
      expect(r.error).toEqual({
        nl: "Het blad 'Grootboek' is beveiligd: hef de beveiliging op of kies een ander blad.",
        en: "The sheet 'Grootboek' is protected: unprotect it or choose another sheet.",
      });
      expect(snapshotAll(b.fake)).toEqual(before);
      expect(readOwnedSheets(b.settings)).toEqual([]);
    }
    // The refusal is the workflows author's choice (Excel would allow the read); detectInputs returns the
    // same words as its error (the task pane shows them), like the other commands it never rejects.
    const d = await b.wf.detectInputs(nl);
    expect(d.error?.nl).toMatch(/^Het blad 'Grootboek' is beveiligd/);
    expect(d.chosen).toBe(-1);
    expect(snapshotAll(b.fake)).toEqual(before);
  });

  it("a protected key-figures sheet is only read: the comparison works", async () => {
    const b = userWorkbook(16);
    protect(b, "Kerngegevens");
    protect(b, "Notities");
    const before = snapshotUser(b);
    ok(await b.wf.rebuildAll(nl));
    expect(snapshotUser(b)).toEqual(before);
    expectKpisEqual(b.fake, "ICT-vergelijking", 16);
  });

  it("an add-in sheet the user protected: a clear message, no sheet written or cleared", async () => {
    const b = userWorkbook(16);
    ok(await b.wf.rebuildAll(nl));
    setCells(b.fake.workbook, "ICT-categorisatie", "M5", [["SW.KA"]]);
    for (const sheet of ["ICT-vergelijking", "ICT-categorisatie", "ICT-trend"]) {
      protect(b, sheet);
      const before = snapshotAll(b.fake);
      const owned = readOwnedSheets(b.settings);
      const r = await b.wf.rebuildAll(nl);
      expect(r.ok).toBe(false);
      expect(r.error).toEqual({
        nl: `Het werkblad '${sheet}' is beveiligd; hef de beveiliging op en probeer het opnieuw.`,
        en: `The sheet '${sheet}' is protected; unprotect it and try again.`,
      });
      expect(snapshotAll(b.fake)).toEqual(before);
      expect(readOwnedSheets(b.settings)).toEqual(owned);
      b.fake.workbook.sheetByName(sheet)!.protected = false;
    }
    const sel = await b.wf.selectUnclassified(nl);
    expect(sel.ok).toBe(true);
  });
});

describe("5,000 columns", () => {
  it("a 5,000-column user sheet beside the ledger, and a 5,000-column ledger: within the payload bounds", async () => {
    const b = userWorkbook(16);
    const wide = Array.from({ length: 60 }, (_, r) =>
      Array.from({ length: 5_000 }, (_, c) => (c % 3 === 0 ? `r${r}c${c}` : r * 5_000 + c)),
    );
    setCells(b.fake.workbook, "Breed", "A1", wide);
    const before = snapshotSheet(b.fake, "Breed");
    const run = await measured(b.fake, () => b.wf.rebuildAll(nl));
    ok(run.result);
    expect(run.maxRequest).toBeLessThanOrEqual(LIMIT);
    expect(run.maxResponse).toBeLessThanOrEqual(LIMIT);
    expect(run.syncs).toBeLessThanOrEqual(12);
    expect(snapshotSheet(b.fake, "Breed")).toEqual(before);
    expectKpisEqual(b.fake, "ICT-vergelijking", 16);

    // The ledger itself 5,000 columns wide: its six columns first, then 4,994 of the user's own.
    const c = userWorkbook(0);
    const extra = Array.from({ length: 4_994 }, (_, i) => `Eigen kolom ${i + 1}`);
    const rows = ledgerRows(100).map((r, i) => [
      ...r,
      ...extra.map((_, k) => (k % 50 === 0 ? `x${i}` : i + k)),
    ]);
    const sheet = c.fake.workbook.sheetByName("Grootboek")!;
    sheet.cells.clear();
    c.fake.workbook.tables = [];
    setCells(c.fake.workbook, "Grootboek", "A1", [[...LEDGER_HEADER, ...extra], ...rows]);
    const run2 = await measured(c.fake, () => c.wf.rebuildAll(nl));
    expect(ok(run2.result).summary.nl).toMatch(/^100 regels gecategoriseerd/);
    expect(run2.maxRequest).toBeLessThanOrEqual(LIMIT);
    expect(run2.maxResponse).toBeLessThanOrEqual(LIMIT);
    expectKpisEqual(c.fake, "ICT-vergelijking", 100);
  }, 60_000);
});

describe("a stray value at XFD1048576", () => {
  // read.ts caps a sheet's used range at 20 million cells (as the CLI): 17 billion cells used to mean about
  // 87,000 syncs of 196,608 cells. An injected failure at sync 8 guards every run here, so a regression
  // fails fast instead of hanging.
  const guarded = async (b: Book, call: () => Promise<WorkflowResult>) => {
    b.fake.faults.failAtSync = b.fake.stats.syncCount + 8;
    const s0 = b.fake.stats.syncCount;
    const r = await call();
    b.fake.faults.failAtSync = undefined;
    return { r, syncs: b.fake.stats.syncCount - s0 };
  };

  it("on a user sheet that is not the ledger: the sheet is skipped with an issue naming it, the rest works", async () => {
    const b = userWorkbook(16);
    setCells(b.fake.workbook, "Notities", "XFD1048576", [["x"]]);
    const before = snapshotUser(b);
    const { r, syncs } = await guarded(b, () => b.wf.rebuildAll(nl));
    ok(r);
    expect(syncs).toBeLessThanOrEqual(6);
    const issue = r.issues.find((i) => i.sheet === "Notities");
    expect(issue?.message.nl).toMatch(
      /^Het blad 'Notities' is te groot om helemaal te lezen \(A1:XFD1048576, 17 miljard cellen\)/,
    );
    expect(issue?.message.en).toMatch(/^The sheet 'Notities' is too large to read in full/);
    expect(issue?.row).toBe(1_048_576);
    expect(snapshotUser(b)).toEqual(before);
    expectKpisEqual(b.fake, "ICT-vergelijking", 16);
  });

  it("on the ledger's sheet, ledger in a table: the table is read, key figures elsewhere still found", async () => {
    const b = userWorkbook(16);
    setCells(b.fake.workbook, "Grootboek", "XFD1048576", [["x"]]);
    const { r } = await guarded(b, () => b.wf.rebuildAll(nl));
    expect(ok(r).summary.nl).toMatch(/^16 regels gecategoriseerd/);
    expect(r.issues.map((i) => i.sheet)).toContain("Grootboek");
    expectKpisEqual(b.fake, "ICT-vergelijking", 16);
  });

  it("on the ledger's sheet, ledger not a table: refused with a clear bilingual message; the selection works", async () => {
    const b = userWorkbook(16);
    b.fake.workbook.tables = [];
    b.fake.workbook.changed();
    setCells(b.fake.workbook, "Grootboek", "XFD1048576", [["x"]]);
    const before = snapshotAll(b.fake);
    for (const command of ["categorise", "rebuildAll"] as const) {
      const { r, syncs } = await guarded(b, () => b.wf[command](nl));
      expect(r.ok).toBe(false);
      expect(syncs).toBeLessThanOrEqual(4);
      expect(r.error).toEqual({
        nl: "Het blad 'Grootboek' is te groot om te lezen (A1:XFD1048576, 17 miljard cellen): verwijder lege opmaak of losse waarden buiten de tabel (Ctrl+End toont de laatste). Of selecteer het grootboek en kies bij Gegevens 'De huidige selectie'.",
        en: "The sheet 'Grootboek' is too large to read (A1:XFD1048576, 17 billion cells): remove empty formatting or stray values outside the table (Ctrl+End shows the last one). Or select the ledger and choose 'The current selection' under Data.",
      });
      expect(snapshotAll(b.fake)).toEqual(before);
    }
    const d = await b.wf.detectInputs(nl);
    expect(d.error?.nl).toMatch(/^Het blad 'Grootboek' is te groot om te lezen/);
    // The way out the message names: select the ledger, choose the selection.
    b.fake.workbook.selection = {
      sheetId: b.fake.workbook.sheetByName("Grootboek")!.id,
      rect: { r0: 0, c0: 0, r1: 16, c1: 5 },
    };
    const { r } = await guarded(b, () => b.wf.rebuildAll(nl, { source: { kind: "selection" } }));
    expect(ok(r).summary.nl).toMatch(/^16 regels gecategoriseerd/);
    expectKpisEqual(b.fake, "ICT-vergelijking", 16);
  });
});
