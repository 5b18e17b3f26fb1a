import { createWorkflows } from "../../src/excel/workflows";
import { WorkflowResult } from "../../src/excel/workflow-api";
import { compare } from "../../src/model/comparison";
import { classifyLedger } from "../../src/model/categorise";
import { sampleMunicipality } from "../../src/model/sample";
import { KPI_IDS } from "../../src/model/benchmark";
import { createFakeExcel, FakeExcel, setCells, snapshotSheet } from "../fakes/excel-fake";

const nl = { language: "nl" as const };

function setup(sheets: string[] = ["Blad1"]) {
  const fake = createFakeExcel({ sheets });
  const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });
  return { fake, wf };
}

function ok(r: WorkflowResult): WorkflowResult {
  if (!r.ok) throw new Error(`workflow failed: ${r.error?.en ?? r.summary.en}`);
  return r;
}

function value(fake: FakeExcel, sheet: string, address: string): unknown {
  return snapshotSheet(fake, sheet).cells[address]?.value;
}

/** Row number (1-based) of the KPI with this id on the comparison sheet (its Id column J). */
function kpiRow(fake: FakeExcel, sheet: string, id: string): number {
  const cells = snapshotSheet(fake, sheet).cells;
  const hit = Object.entries(cells).find(([a, c]) => /^J\d+$/.test(a) && c.value === id);
  if (!hit) throw new Error(`no KPI ${id}`);
  return Number(hit[0].slice(1));
}

function userSheets(fake: FakeExcel, names: string[]) {
  return names.map((n) => snapshotSheet(fake, n));
}

describe("workflows end to end on the Excel fake", () => {
  it("template → sample refused beside it; sample → categorise → compare → trend", async () => {
    const { fake, wf } = setup();
    const t = ok(await wf.insertTemplate(nl));
    expect(t.sheets).toEqual(["Kerngegevens", "Grootboek", "Regels"]);
    expect(snapshotSheet(fake, "Grootboek").tables.map((x) => x.name)).toEqual(["Grootboek"]);
    expect(snapshotSheet(fake, "Grootboek").validations.length).toBeGreaterThan(0);
    // The template sheets are the user's now: not recorded as the add-in's.
    expect(fake.Office.context.document.settings.get("ictcost.ownedSheets")).toEqual([]);
    const again = await wf.insertTemplate(nl);
    expect(again.ok).toBe(false);
    expect(again.error?.nl).toMatch(/al bladen 'Kerngegevens', 'Grootboek', 'Regels'/);
    const sample = await wf.loadSampleMunicipality(nl);
    expect(sample.ok).toBe(false);

    const { fake: f2, wf: w2 } = setup();
    const s = ok(await w2.loadSampleMunicipality(nl));
    expect(s.sheets).toEqual(["Kerngegevens", "Grootboek"]);
    const c = ok(await w2.categorise(nl));
    expect(c.sheets).toEqual(["ICT-categorisatie"]);
    expect(c.summary.nl).toMatch(/^\d+ regels gecategoriseerd, \d+ onbekend \(€/);
    const cat = snapshotSheet(f2, "ICT-categorisatie");
    expect(cat.tables[0].name).toBe("ICT_categorisatie");
    const lines = sampleMunicipality().ledger.length;
    expect(cat.tables[0].address).toBe(`A4:S${4 + lines}`);

    const cmp = ok(await w2.buildComparison(nl));
    expect(cmp.sheets).toEqual(["ICT-vergelijking", "ICT-toelichting"]); // the categorisation is current: not rewritten
    const sheet = snapshotSheet(f2, "ICT-vergelijking");
    expect(sheet.charts.map((x) => x.type)).toEqual(["ColumnClustered", "Doughnut"]);
    // Input cells refer to the user's key-figure cells, live.
    expect(sheet.cells.B8.formula).toMatch(/^='Kerngegevens'!\$[A-Z]+\$\d+$/);
    expect(sheet.cells.B14.formula).toContain("'ICT-categorisatie'!$G:$G");

    // The live KPI cells equal the engine's numbers for the same ledger and key figures.
    const sampleData = sampleMunicipality();
    const year = Math.max(...sampleData.ledger.map((l) => l.year));
    const classified = classifyLedger(
      sampleData.ledger.map((l, i) => ({
        row: i + 5,
        description: l.description,
        supplier: l.supplier,
        account: l.account,
        amount: l.amount,
        year: l.year,
        costCentre: l.costCentre,
        fte: l.fte ?? null,
        category: null,
      })),
    );
    const expected = compare(classified, sampleData.keyFigures, { year });
    for (const def of KPI_IDS) {
      const own = expected.kpis.find((k) => k.id === def.id)!.own;
      const live = value(f2, "ICT-vergelijking", `C${kpiRow(f2, "ICT-vergelijking", def.id)}`);
      if (own === null) expect(live).toBe("");
      else expect(live).toBeCloseTo(own, 6);
    }

    const trend = ok(await w2.buildTrend(nl));
    expect(trend.sheets).toEqual(["ICT-trend"]);
    const tr = snapshotSheet(f2, "ICT-trend");
    expect(tr.charts.map((x) => x.type)).toEqual(["Line"]);
    expect(tr.cells.A5.value).toBe(2022);
    expect(tr.cells.A6.value).toBe(2023);
    expect(tr.cells.B5.formula).toContain("SUMIFS('ICT-categorisatie'!");
    expect(tr.cells.D6.value).toBeCloseTo(
      expected.kpis.find((k) => k.id === "total_per_inhabitant")!.own!,
      6,
    );
  });

  it("keeps a manual category on its line after rows are inserted and sorted, and never touches user cells", async () => {
    const { fake, wf } = setup();
    ok(await wf.loadSampleMunicipality(nl));
    ok(await wf.rebuildAll(nl));
    const catBefore = snapshotSheet(fake, "ICT-categorisatie");
    // The user types a category in Handmatig on the line of ledger row 9.
    const row = Object.entries(catBefore.cells)
      .find(([a, c]) => /^A\d+$/.test(a) && c.value === 9)![0]
      .slice(1);
    const key = catBefore.cells[`B${row}`].value as string;
    const description = catBefore.cells[`C${row}`].value;
    setCells(fake.workbook, "ICT-categorisatie", `M${row}`, [["IN.DC"]]);

    // The user inserts a ledger line at the top of the table and sorts the ledger on description (descending).
    const ledger = fake.workbook.sheetByName("Grootboek")!;
    const table = fake.workbook.tables.find((t) => t.name === "Grootboek")!;
    const grid = (r: number) =>
      Array.from({ length: 8 }, (_, c) => {
        const cell = ledger.cell(r, c);
        return cell?.value ?? "";
      });
    const body: unknown[][] = [];
    for (let r = table.rect.r0 + 1; r <= table.rect.r1; r++) body.push(grid(r));
    body.push(["Nieuwe licentie", "Leverancier X", "4420", "6100", 2023, 1234.5, "", ""]);
    body.sort((a, b) => String(b[0]).localeCompare(String(a[0])));
    setCells(fake.workbook, "Grootboek", `A${table.rect.r0 + 2}`, body);
    table.rect = { ...table.rect, r1: table.rect.r1 + 1 };

    const users = ["Kerngegevens", "Grootboek"];
    const before = userSheets(fake, users);
    const r = ok(await wf.rebuildAll(nl));
    expect(r.sheets.sort()).toEqual([
      "ICT-categorisatie",
      "ICT-toelichting",
      "ICT-trend",
      "ICT-vergelijking",
    ]);
    expect(userSheets(fake, users)).toEqual(before);

    const cat = snapshotSheet(fake, "ICT-categorisatie");
    const at = Object.entries(cat.cells)
      .find(([a, c]) => /^B\d+$/.test(a) && c.value === key)![0]
      .slice(1);
    expect(at).not.toBe(row); // the line moved
    expect(cat.cells[`C${at}`].value).toBe(description);
    expect(cat.cells[`M${at}`].value).toBe("IN.DC");
    expect(cat.cells[`N${at}`].value).toBe("IN.DC");
    const manualCells = Object.entries(cat.cells).filter(([a, c]) => /^M\d+$/.test(a) && c.value === "IN.DC");
    expect(manualCells).toHaveLength(1);
  });

  it("a rebuild is idempotent and the comparison follows an amount changed on the categorisation sheet", async () => {
    const { fake, wf } = setup();
    ok(await wf.loadSampleMunicipality(nl));
    ok(await wf.rebuildAll(nl));
    const owned = ["ICT-categorisatie", "ICT-vergelijking", "ICT-trend"];
    const first = userSheets(fake, owned);
    ok(await wf.rebuildAll(nl));
    expect(userSheets(fake, owned)).toEqual(first);

    const totalRow = kpiRow(fake, "ICT-vergelijking", "total_per_inhabitant");
    const before = value(fake, "ICT-vergelijking", `C${totalRow}`) as number;
    const inhabitants = value(fake, "ICT-vergelijking", "B8") as number;
    const cat = snapshotSheet(fake, "ICT-categorisatie");
    // A counted software line of the comparison year.
    const row = Object.entries(cat.cells)
      .find(
        ([a, c]) => /^O\d+$/.test(a) && c.value === "software" && cat.cells[`F${a.slice(1)}`]?.value === 2023,
      )![0]
      .slice(1);
    const amount = cat.cells[`G${row}`].value as number;
    setCells(fake.workbook, "ICT-categorisatie", `G${row}`, [[amount + 100_000]]);
    const after = value(fake, "ICT-vergelijking", `C${totalRow}`) as number;
    expect(after).toBeCloseTo(before + 100_000 / inhabitants, 6);
  });

  it("leaves a user's sheet named ICT-vergelijking alone and writes ICT-vergelijking (2)", async () => {
    const { fake, wf } = setup();
    ok(await wf.loadSampleMunicipality(nl));
    setCells(fake.workbook, "ICT-vergelijking", "A1", [["Mijn eigen aantekeningen"], [42]]);
    const mine = snapshotSheet(fake, "ICT-vergelijking");
    const r = ok(await wf.buildComparison(nl));
    expect(r.sheets).toContain("ICT-vergelijking (2)");
    expect(snapshotSheet(fake, "ICT-vergelijking")).toEqual(mine);
    expect(snapshotSheet(fake, "ICT-vergelijking (2)").cells.B14.formula).toContain("'ICT-categorisatie'!");
    // And again: the add-in recognises its own sheet, the user's stays untouched.
    const r2 = ok(await wf.buildComparison(nl));
    expect(r2.sheets).toContain("ICT-vergelijking (2)");
    expect(fake.workbook.sheets.map((s) => s.name)).not.toContain("ICT-vergelijking (3)");
    expect(snapshotSheet(fake, "ICT-vergelijking")).toEqual(mine);
  });

  it("a protected ledger sheet gives a clear message and nothing is written", async () => {
    const { fake, wf } = setup();
    ok(await wf.loadSampleMunicipality(nl));
    fake.workbook.sheetByName("Grootboek")!.protected = true;
    const names = fake.workbook.sheets.map((s) => s.name);
    const r = await wf.rebuildAll(nl);
    expect(r.ok).toBe(false);
    expect(r.error?.nl).toBe(
      "Het blad 'Grootboek' is beveiligd: hef de beveiliging op of kies een ander blad.",
    );
    expect(r.error?.en).toMatch(/protected/);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(names);
  });

  it("asks for a mapping when no ledger header is recognisable", async () => {
    const { fake, wf } = setup();
    setCells(fake.workbook, "Blad1", "A1", [
      ["Tekst", "Getal"],
      ["Microsoft 365", 1000],
      ["Laptops", 2000],
    ]);
    const r = await wf.categorise(nl);
    expect(r.ok).toBe(false);
    expect(r.needsMapping).toBeDefined();
    expect(r.needsMapping!.chosen).toBe(-1);
    expect(r.needsMapping!.ledgers.map((l) => l.headers)).toEqual([["Tekst", "Getal"]]);
    expect(r.sheets).toEqual([]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Blad1"]);
    // With the user's column choice it works.
    const mapped = ok(
      await wf.categorise(nl, {
        source: { kind: "sheet", name: "Blad1" },
        mapping: { description: 0, amount: 1 },
      }),
    );
    expect(mapped.summary.nl).toMatch(/^2 regels gecategoriseerd/);
  });

  it("missing inhabitants → needsMapping with missingKeyFigures ['inhabitants']; typed figures fill in", async () => {
    const { fake, wf } = setup();
    setCells(fake.workbook, "Blad1", "A1", [
      ["Grootboek ICT 2023"],
      [],
      ["Omschrijving", "Leverancier", "Bedrag", "Jaar"],
      ["Microsoft 365 licenties", "Microsoft", "12.500,00", 2023],
      ["Inhuur projectleider", "Yacht", "80.000,00", 2023],
      ["Totaal", "", "92.500,00", ""],
    ]);
    const r = await wf.buildComparison(nl);
    expect(r.ok).toBe(false);
    expect(r.needsMapping?.missingKeyFigures).toEqual(["inhabitants"]);
    expect(r.error?.nl).toMatch(/inwoners voor 2023/);
    const typed = ok(
      await wf.buildComparison(nl, undefined, { keyFigures: [{ year: 2023, inhabitants: 50_000 }] }),
    );
    expect(typed.sheets).toEqual(["ICT-vergelijking", "ICT-categorisatie", "ICT-toelichting"]);
    expect(snapshotSheet(fake, "ICT-vergelijking").cells.B8).toMatchObject({ value: 50_000 });
    expect(snapshotSheet(fake, "Blad1").cells.C4.value).toBe("12.500,00");
  });

  it("selects the unclassified lines by filtering the categorisation table; inserts a formula", async () => {
    const { fake, wf } = setup();
    setCells(fake.workbook, "Blad1", "A1", [
      ["Omschrijving", "Bedrag"],
      ["Microsoft 365 licenties", 1000],
      ["Xyzzy plugh", 250],
    ]);
    const none = await wf.selectUnclassified(nl);
    expect(none.ok).toBe(false);
    expect(none.error?.nl).toMatch(/Klik eerst op Categoriseren/);
    ok(await wf.categorise(nl));
    const r = ok(await wf.selectUnclassified(nl));
    expect(r.unclassified).toEqual({ lines: 1, amount: 250 });
    const table = fake.workbook.tables.find((t) => t.name === "ICT_categorisatie")!;
    expect(table.filters).toEqual({ 13: ["XX.OO"] });
    const cat = fake.workbook.sheetByName("ICT-categorisatie")!;
    expect(fake.workbook.activeSheetId).toBe(cat.id);
    const sel = fake.workbook.selection!;
    expect(snapshotSheet(fake, "ICT-categorisatie").cells[`C${sel.rect.r0 + 1}`].value).toBe("Xyzzy plugh");

    fake.workbook.selection = {
      sheetId: fake.workbook.sheetByName("Blad1")!.id,
      rect: { r0: 9, c0: 3, r1: 9, c1: 3 },
    };
    await wf.insertFormula("=SUM(B2:B3)");
    expect(snapshotSheet(fake, "Blad1").cells.D10).toMatchObject({ formula: "=SUM(B2:B3)", value: 1250 });
  });

  it("user rules from a Regels sheet win over the built-in ones", async () => {
    const { fake, wf } = setup();
    setCells(fake.workbook, "Blad1", "A1", [
      ["Omschrijving", "Leverancier", "Bedrag"],
      ["Xyzzy plugh", "Frobozz BV", 250],
    ]);
    setCells(fake.workbook, "Regels", "A1", [
      ["Regels"],
      [],
      [],
      ["Patroon", "Veld", "Categorie", "Levering", "Personeel"],
      ["Frobozz", "leverancier", "IN.DC", "", ""],
    ]);
    const r = ok(await wf.categorise(nl));
    expect(r.unclassified).toEqual({ lines: 0, amount: 0 });
    const cat = snapshotSheet(fake, "ICT-categorisatie");
    expect(cat.cells.H5.value).toBe("IN.DC");
    expect(cat.cells.L5.value).toMatch(/eigen regel 1/);
  });

  it("a ledger with Iv3 columns gets the Iv3 tie-out, and the result names the via-GR total", async () => {
    const { fake, wf } = setup();
    setCells(fake.workbook, "Blad1", "A1", [
      ["Gemeente", "Testdorp"],
      ["Boekjaar", 2023],
      ["Inwoners", 20000],
      [],
      ["Omschrijving", "Leverancier", "Taakveld", "Iv3 categorie", "Boekjaar", "Bedrag"],
      [
        "Bijdrage GR: hosting en back-up applicaties",
        "ICT Samenwerking West",
        "0.4",
        "4.3.3",
        2023,
        90000.25,
      ],
      ["Inhuur informatieadviseur", "Yacht", "0.4 Overhead", "3.5.1", 2023, 150000.5],
      ["Microsoft 365 E3 licenties", "SoftwareONE", "", "3.8", 2023, 1000],
    ]);
    const r = ok(await wf.buildComparison(nl));
    expect(r.sheets).toContain("Iv3-aansluiting");
    expect(r.viaGr).toEqual({ lines: 1, amount: 90000.25 });
    expect(r.summary.nl).toMatch(/waarvan via GR \(Iv3 4\.3\.3\): € 90\.000 in 1 regel/);
    expect(value(fake, "ICT-vergelijking", "B25")).toBeCloseTo(90000.25, 2);
    // The tie-out's total is the ICT total, and the line without taakveld is under onbekend.
    const iv3 = snapshotSheet(fake, "Iv3-aansluiting").cells;
    const rowOf = (label: string) =>
      Object.entries(iv3)
        .find(([a, c]) => /^A\d+$/.test(a) && c.value === label)![0]
        .slice(1);
    const total = rowOf("Totaal");
    const totalCol = Object.entries(iv3).find(
      ([a, c]) => a.endsWith("8") && a !== "A8" && c.value === "Totaal",
    )![0][0];
    expect(iv3[`${totalCol}${total}`].value).toBeCloseTo(241000.75, 2);
    expect(iv3[`${totalCol}${rowOf("onbekend")}`].value).toBeCloseTo(1000, 2);
    // A rebuild rewrites the same sheet (owned by its role), never a second one.
    const again = ok(await wf.rebuildAll(nl));
    expect(again.sheets).toContain("Iv3-aansluiting");
    expect(fake.workbook.sheets.map((x) => x.name).filter((n) => n.startsWith("Iv3"))).toEqual([
      "Iv3-aansluiting",
    ]);
  });

  it("the result after Vergelijken has the overhead context line when CBS knows the municipality, none when not", async () => {
    const ledger = [
      ["Omschrijving", "Leverancier", "Boekjaar", "Bedrag"],
      ["Microsoft 365 E3 licenties", "SoftwareONE", 2023, 576_830],
      ["Inhuur informatieadviseur", "Yacht", 2023, 576_830],
    ];
    const zwolle = setup();
    setCells(zwolle.fake.workbook, "Blad1", "A1", [
      ["Gemeente", "Zwolle"],
      ["Boekjaar", 2023],
      [],
      ...ledger,
    ]);
    const r = ok(await zwolle.wf.buildComparison(nl));
    // 1,153,660 of Zwolle's overhead of € 57,683,000 (CBS, jaarrekening 2023) is 2.0%.
    expect(r.overhead?.nl).toMatch(
      /^Overhead in context \(CBS, Iv3 jaarrekening 2023\): ICT-kosten zijn 2,0% van de overhead; overhead € 436 per inwoner, mediaan grootteklasse 100\.000 tot 150\.000 inwoners € \d+ \(plaats 7 van 14, 1 = laagste\)\.$/,
    );
    expect(r.overhead?.en).toMatch(
      /^Overhead in context \(CBS, Iv3 jaarrekening 2023\): ICT cost is 2\.0% of overhead;/,
    );
    const unknown = setup();
    setCells(unknown.fake.workbook, "Blad1", "A1", [
      ["Gemeente", "Testdorp"],
      ["Boekjaar", 2023],
      ["Inwoners", 20000],
      [],
      ...ledger,
    ]);
    expect(ok(await unknown.wf.buildComparison(nl)).overhead).toBeUndefined();
  });

  it("detection names a header two columns share, and the column the pane's Kolommen step chose is read", async () => {
    const { fake, wf } = setup();
    setCells(fake.workbook, "Blad1", "A1", [
      ["Omschrijving", "OMSCHRIJVING", "Leverancier", "Bedrag"],
      ["Laptops Dell", "Werkplek", "Dell", 1000],
    ]);
    const d = await wf.detectInputs(nl);
    const candidate = d.ledgers[d.chosen];
    expect(candidate.ambiguous).toEqual([{ field: "description", columns: [0, 1] }]);
    const r = ok(
      await wf.categorise(nl, {
        source: candidate.source,
        mapping: { ...candidate.mapping, description: 1 },
      }),
    );
    expect(r.sheets).toEqual(["ICT-categorisatie"]);
    expect(value(fake, "ICT-categorisatie", "C5")).toBe("Werkplek");
  });

  it("reports progress and stops between steps when cancelled, before anything is written", async () => {
    const { fake, wf } = setup();
    ok(await wf.loadSampleMunicipality(nl));
    const names = fake.workbook.sheets.map((s) => s.name);
    const controller = new AbortController();
    const steps: string[] = [];
    const r = await wf.rebuildAll({
      language: "nl",
      signal: controller.signal,
      onProgress: (p) => {
        steps.push(p.step.nl);
        if (steps.length === 2) controller.abort();
      },
    });
    expect(r.ok).toBe(false);
    expect(r.error?.nl).toMatch(/^Geannuleerd/);
    expect(steps).toEqual(["Werkmap lezen…", "Kostenregels indelen…"]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(names);
  });
});
