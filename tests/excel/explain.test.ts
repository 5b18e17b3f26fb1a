/**
 * Every number explained, on the Excel fake as a controller uses the pane: after Vergelijken the result
 * carries each KPI's drill-down; "Toon regels" filters the categorisation table to exactly the lines
 * behind the KPI (the rows the filters leave visible add up to the KPI); ICT-toelichting marks itself
 * out of date when the comparison's live figures move; Momentopname writes ICT-controle with a
 * fingerprint that only changes when the ledger does.
 */
import { createWorkflows } from "../../src/excel/workflows";
import { WorkflowResult } from "../../src/excel/workflow-api";
import { KPI_IDS } from "../../src/model/benchmark";
import { createFakeExcel, FakeExcel, setCells, snapshotSheet } from "../fakes/excel-fake";

const nl = { language: "nl" as const };

function ok(r: WorkflowResult): WorkflowResult {
  if (!r.ok) throw new Error(`workflow failed: ${r.error?.en ?? r.summary.en}`);
  return r;
}

async function sample() {
  const fake = createFakeExcel({ sheets: ["Blad1"] });
  const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });
  ok(await wf.loadSampleMunicipality(nl));
  const result = ok(await wf.rebuildAll(nl));
  return { fake, wf, result };
}

/** The body rows of the categorisation table the recorded filters leave visible, as header → value. */
function visibleRows(fake: FakeExcel): Record<string, unknown>[] {
  const table = fake.workbook.tables.find((t) => t.name === "ICT_categorisatie")!;
  const sheet = fake.workbook.sheetByName("ICT-categorisatie")!;
  const value = (r: number, c: number) => fake.evaluator.cellValue(sheet, r, c) ?? "";
  const { r0, r1, c0, c1 } = table.rect;
  const header = Array.from({ length: c1 - c0 + 1 }, (_, i) => String(value(r0, c0 + i)));
  const shown = (v: unknown, i: number) => {
    const text = String(v).toLowerCase();
    const values = table.filters?.[i];
    if (values && !values.some((x) => x.toLowerCase() === text)) return false;
    const custom = table.customFilters?.[i];
    if (custom !== undefined) {
      const m = /^<>(.*)$/.exec(custom);
      if (!m) throw new Error(`criterion not modelled in this test: ${custom}`);
      if (text === m[1].toLowerCase()) return false;
    }
    return true;
  };
  const out: Record<string, unknown>[] = [];
  for (let r = r0 + 1; r <= r1; r++) {
    const row = header.map((_, i) => value(r, c0 + i));
    if (row.every(shown)) out.push(Object.fromEntries(header.map((h, i) => [h, row[i]])));
  }
  return out;
}

/** The sheet row of the first 2023 software line of the categorisation (Jaar in F, Definitief in N). */
function softwareRow(fake: FakeExcel): number {
  const cells = snapshotSheet(fake, "ICT-categorisatie").cells;
  for (let row = 5; cells[`A${row}`] !== undefined; row++)
    if (cells[`F${row}`]?.value === 2023 && String(cells[`N${row}`]?.value).startsWith("SW.")) return row;
  throw new Error("no 2023 software line");
}

describe("every number explained: drill-down, toelichting and snapshot on the Excel fake", () => {
  it("Toon regels filters the categorisation to exactly the lines behind each KPI", async () => {
    const { fake, wf, result } = await sample();
    const explanations = result.explanations!;
    expect(explanations.map((e) => e.kpi.id)).toEqual(KPI_IDS.map((k) => k.id));
    const inhabitants = snapshotSheet(fake, "ICT-vergelijking").cells.B8.value as number;
    let checked = 0;
    for (const e of explanations) {
      if (e.categories.length === 0) continue;
      const r = ok(
        await wf.selectKpiLines(nl, {
          kpi: e.kpi.id,
          label: e.kpi.label,
          year: e.year,
          codes: e.categories.map((c) => c.code),
          scope: e.scope,
        }),
      );
      expect(r.sheets).toEqual(["ICT-categorisatie"]);
      const rows = visibleRows(fake);
      const sum = rows.reduce((s, row) => s + (row.Bedrag as number), 0);
      const behind = e.categories.reduce((s, c) => s + c.amount, 0);
      expect([e.kpi.id, sum]).toEqual([e.kpi.id, expect.closeTo(behind, 2)]);
      expect(rows.length).toBe(e.categories.reduce((n, c) => n + c.lines, 0));
      if (KPI_IDS.find((k) => k.id === e.kpi.id)!.unit === "eur_per_inhabitant")
        expect([e.kpi.id, sum / inhabitants]).toEqual([e.kpi.id, expect.closeTo(e.kpi.own!, 6)]);
      // Own staff is every personnel line not marked hired, blanks included: a "does not equal" filter.
      const table = fake.workbook.tables.find((t) => t.name === "ICT_categorisatie")!;
      const custom = Object.values(table.customFilters ?? {});
      expect([e.kpi.id, custom]).toEqual([e.kpi.id, e.kpi.id === "cost_per_fte_own" ? ["<>inhuur"] : []]);
      checked++;
    }
    expect(checked).toBe(KPI_IDS.length);
  });

  it("ICT-toelichting quotes the engine and says VEROUDERD once the comparison's figures move", async () => {
    const { fake, wf } = await sample();
    const text = snapshotSheet(fake, "ICT-toelichting").cells;
    expect(text.A2.value).toMatch(/^Stand bij laatste Vergelijken: Gemeente Voorbeeldrade, boekjaar 2023/);
    expect(text.A3.value).toBe("");
    const sentences = Object.values(text).map((c) => String(c.value));
    expect(
      sentences.some((s) => /^Software ligt € [\d,]+ per inwoner (boven|onder) het gemiddelde/.test(s)),
    ).toBe(true);
    expect(sentences.some((s) => /^Nog te beoordelen \(XX\.OO\): /.test(s))).toBe(true);

    // A Handmatig code moves a 2023 software line to infrastructure: the text is now out of date.
    setCells(fake.workbook, "ICT-categorisatie", `M${softwareRow(fake)}`, [["IN.DC"]]);
    expect(snapshotSheet(fake, "ICT-toelichting").cells.A3.value).toMatch(/^VEROUDERD — klik Vergelijken/);
    ok(await wf.buildComparison(nl));
    expect(snapshotSheet(fake, "ICT-toelichting").cells.A3.value).toBe("");
  });

  it("Momentopname writes ICT-controle as values with a fingerprint that follows the ledger, not the run", async () => {
    const { fake, wf } = await sample();
    const first = ok(await wf.snapshot(nl));
    expect(first.sheets).toEqual(["ICT-controle"]);
    expect(first.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    const cells = snapshotSheet(fake, "ICT-controle").cells;
    expect(
      Object.values(cells).some((c) => c.formula !== undefined && String(c.formula).startsWith("=")),
    ).toBe(false);
    expect(Object.values(cells).map((c) => c.value)).toContain(first.fingerprint);
    expect(Object.values(cells).map((c) => c.value)).toContain("total_per_inhabitant");
    // Again on the same workbook: the same fingerprint, the same sheet (rewritten, not a second one).
    const again = ok(await wf.snapshot(nl));
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(fake.workbook.sheets.filter((s) => s.name.startsWith("ICT-controle"))).toHaveLength(1);
    // One manual code later, another fingerprint.
    setCells(fake.workbook, "ICT-categorisatie", `M${softwareRow(fake)}`, [["IN.DC"]]);
    const changed = ok(await wf.snapshot(nl));
    expect(changed.fingerprint).not.toBe(first.fingerprint);
  });
});
