/**
 * Learning from corrections on the Excel fake: a Handmatig code typed on ICT-categorisatie is offered as
 * a rule for the lines with the same supplier and account; accepted, it is kept on the Regels sheet and
 * every rebuild (Categoriseren, Vergelijking bijwerken) honours it.
 */
import { createWorkflows } from "../../src/excel/workflows";
import { WorkflowResult } from "../../src/excel/workflow-api";
import { createFakeExcel, FakeExcel, setCells, snapshotSheet } from "../fakes/excel-fake";
import { ACCOUNT, LEARN_LEDGER, SUPPLIER } from "../model/learn/learnLedger";

const nl = { language: "nl" as const };

function setup(withRules: boolean) {
  const fake = createFakeExcel({ sheets: ["Kerngegevens", "Grootboek"] });
  setCells(fake.workbook, "Kerngegevens", "A1", [
    ["Gemeente", "Proefdorp"],
    ["Boekjaar", 2022],
    ["Aantal inwoners", 10000],
  ]);
  setCells(fake.workbook, "Grootboek", "A1", LEARN_LEDGER);
  if (withRules)
    setCells(fake.workbook, "Regels", "A1", [
      ["Patroon", "Veld", "Categorie"],
      ["Koffie", "omschrijving", "XX.NI"],
    ]);
  const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });
  return { fake, wf };
}

function ok(r: WorkflowResult): WorkflowResult {
  if (!r.ok) throw new Error(`workflow failed: ${r.error?.en ?? r.summary.en}`);
  return r;
}

/** Category (H), rule (L) and Handmatig (M) per ledger row (A) on ICT-categorisatie. */
function lines(fake: FakeExcel): Map<number, { category: unknown; rule: unknown; manual: unknown }> {
  const cells = snapshotSheet(fake, "ICT-categorisatie").cells;
  const out = new Map<number, { category: unknown; rule: unknown; manual: unknown }>();
  for (const [a, c] of Object.entries(cells)) {
    const m = /^A(\d+)$/.exec(a);
    if (!m || typeof c.value !== "number") continue;
    const r = m[1];
    out.set(c.value, {
      category: cells[`H${r}`]?.value,
      rule: cells[`L${r}`]?.value,
      manual: cells[`M${r}`]?.value ?? "",
    });
  }
  return out;
}

/** Types a code in Handmatig on the line of ledger row `row`, as the controller does in Excel. */
function typeManual(fake: FakeExcel, row: number, code: string): void {
  const cells = snapshotSheet(fake, "ICT-categorisatie").cells;
  const at = Object.entries(cells)
    .find(([a, c]) => /^A\d+$/.test(a) && c.value === row)![0]
    .slice(1);
  setCells(fake.workbook, "ICT-categorisatie", `M${at}`, [[code]]);
}

const rule = `eigen regel 2: '${SUPPLIER}' + '${ACCOUNT}' (leverancier + grootboekrekening)`;

describe("learning from a Handmatig code on the Excel fake", () => {
  it("one code, confirmed, applies to the five lines of the same supplier and account and survives rebuilds", async () => {
    const { fake, wf } = setup(true);
    ok(await wf.categorise(nl));
    typeManual(fake, 2, "IN.ND");

    // Categoriseren: the code counts on its line, and the pane gets the offer with the lines it would change.
    const offered = ok(await wf.categorise(nl));
    expect(offered.learn).toHaveLength(1);
    const [offer] = offered.learn!;
    expect(offer).toMatchObject({ supplier: SUPPLIER, account: ACCOUNT, category: "IN.ND" });
    expect(offer.from).toMatchObject({ sheet: "Grootboek", row: 2 });
    expect(offer.changes.map((l) => [l.row, l.category])).toEqual([
      [3, "XX.OO"],
      [4, "XX.OO"],
      [5, "XX.OO"],
      [6, "XX.OO"],
      [7, "XX.OO"],
    ]);
    // Nothing is written before the controller says yes.
    expect(snapshotSheet(fake, "Regels").cells.A3).toBeUndefined();
    const before = snapshotSheet(fake, "Grootboek");

    const learnt = ok(
      await wf.learnRules(nl, [
        { supplier: offer.supplier, account: offer.account, category: offer.category },
      ]),
    );
    expect(learnt.summary.nl).toMatch(/^Regel bewaard op het blad 'Regels' \(5 kostenregels aangepast\)/);
    const regels = snapshotSheet(fake, "Regels").cells;
    expect([regels.D1?.value, regels.E1?.value]).toEqual(["Grootboekrekening", "Bron"]);
    expect([regels.A3, regels.B3, regels.C3, regels.D3, regels.E3].map((c) => c?.value)).toEqual([
      SUPPLIER,
      "leverancier + grootboekrekening",
      "IN.ND",
      ACCOUNT,
      "Grootboek rij 2: Abonnement maand 1",
    ]);
    // The controller's own rule and ledger are as they were.
    expect([regels.A2?.value, regels.B2?.value, regels.C2?.value]).toEqual([
      "Koffie",
      "omschrijving",
      "XX.NI",
    ]);
    expect(snapshotSheet(fake, "Grootboek")).toEqual(before);

    const after = lines(fake);
    for (const row of [3, 4, 5, 6, 7])
      expect(after.get(row)).toEqual({ category: "IN.ND", rule, manual: "" });
    expect(after.get(2)?.manual).toBe("IN.ND");
    expect(after.get(8)?.category).not.toBe("IN.ND"); // same supplier, other account
    expect(after.get(9)?.category).not.toBe("IN.ND"); // same account, other supplier
    expect(learnt.learn).toBeUndefined(); // nothing left to offer

    // Categoriseren again, and a full rebuild: the rule holds.
    ok(await wf.categorise(nl));
    for (const row of [3, 4, 5, 6, 7]) expect(lines(fake).get(row)?.category).toBe("IN.ND");
    const all = ok(await wf.rebuildAll(nl));
    expect(all.sheets).toContain("ICT-vergelijking");
    for (const row of [3, 4, 5, 6, 7])
      expect(lines(fake).get(row)).toEqual({ category: "IN.ND", rule, manual: "" });
    // The rule alone holds them: with the Handmatig code gone, line 2 follows the rule too.
    typeManual(fake, 2, "");
    ok(await wf.rebuildAll(nl));
    expect(lines(fake).get(2)).toEqual({ category: "IN.ND", rule, manual: "" });
  });

  it("without a Regels sheet one is made, and it is the user's (no rebuild replaces it)", async () => {
    const { fake, wf } = setup(false);
    ok(await wf.categorise(nl));
    typeManual(fake, 4, "IN.ND");
    const [offer] = ok(await wf.categorise(nl)).learn!;
    expect(offer.changes.map((l) => l.row)).toEqual([2, 3, 5, 6, 7]);
    ok(await wf.learnRules(nl, [offer]));
    const regels = snapshotSheet(fake, "Regels").cells;
    expect(["A1", "B1", "C1", "D1", "E1", "F1", "G1"].map((a) => regels[a]?.value)).toEqual([
      "Patroon",
      "Veld",
      "Categorie",
      "Levering",
      "Personeel",
      "Grootboekrekening",
      "Bron",
    ]);
    expect(regels.G2?.value).toBe("Grootboek rij 4: Abonnement maand 3");
    const owned = fake.Office.context.document.settings.get("ictcost.ownedSheets") as { role: string }[];
    expect(owned.map((o) => o.role)).not.toContain("template-rules");
    ok(await wf.rebuildAll(nl));
    expect(snapshotSheet(fake, "Regels").cells.A2?.value).toBe("TELECOM  noord b.v.");
    for (const row of [2, 3, 5, 6, 7]) expect(lines(fake).get(row)?.category).toBe("IN.ND");
  });

  it("a rule the controller wrote is never replaced: its line is reported and stays", async () => {
    const { fake, wf } = setup(false);
    setCells(fake.workbook, "Regels", "A1", [
      ["Patroon", "Veld", "Categorie"],
      ["Abonnement maand 6", "omschrijving", "SW.KA"],
    ]);
    ok(await wf.categorise(nl));
    typeManual(fake, 2, "IN.ND");
    const [offer] = ok(await wf.categorise(nl)).learn!;
    expect(offer.conflicts.map((c) => [c.row, c.category, c.rule])).toEqual([
      [7, "SW.KA", "eigen regel 1: 'Abonnement maand 6' (omschrijving)"],
    ]);
    ok(await wf.learnRules(nl, [offer]));
    expect(snapshotSheet(fake, "Regels").cells.A2?.value).toBe("Abonnement maand 6");
    expect(lines(fake).get(7)?.category).toBe("SW.KA");
    expect(lines(fake).get(6)?.category).toBe("IN.ND");
  });
});
