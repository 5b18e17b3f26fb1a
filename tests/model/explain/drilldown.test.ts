import { KPI_IDS } from "../../../src/model/benchmark";
import { compare } from "../../../src/model/comparison";
import { explainAll, explainKpi, KPI_ID_LIST, parseKpiId } from "../../../src/model/explain/drilldown";
import { componentOf } from "../../../src/model/taxonomy";
import { CategorisedLine, CategoryCode, Delivery, Staffing } from "../../../src/model/types";

let row = 10;
function line(
  category: CategoryCode,
  amount: number,
  opts: { year?: number | null; delivery?: Delivery; staffing?: Staffing; supplier?: string } = {},
): CategorisedLine {
  row++;
  return {
    row,
    description: `regel ${row}`,
    supplier: opts.supplier ?? "",
    account: "",
    amount,
    year: opts.year === undefined ? 2022 : opts.year,
    costCentre: "",
    fte: null,
    category,
    component: componentOf(category),
    delivery: opts.delivery ?? null,
    staffing: opts.staffing ?? null,
    nature: null,
    rule: "test",
    confidence: 1,
  };
}

// 10,000 inhabitants: € 10,000 is € 1 per inhabitant.
const LEDGER: CategorisedLine[] = [
  line("SW.PP", 200_000, { delivery: "saas", supplier: "Centric" }),
  line("SW.PP", 100_000, { delivery: "on-premise" }),
  line("SW.PP", -20_000), // a credit note: ranked by size, not sign
  line("SW.KA", 100_000, { delivery: "saas" }), // € 10 against the report's € 6: gap 4
  line("SW.BV", 50_000, { year: null }), // undated: counts for the comparison year, € 5
  line("SW.BV", 999_999, { year: 2021 }), // another year: never in the 2022 drill-down
  line("PE.IF", 300_000, { staffing: "hired" }),
  line("PE.AU", 400_000, { staffing: "own" }),
  line("PE.FB", 80_000), // neither: counted as own staff
  line("IN.WP", 60_000),
  line("XX.OO", 70_000),
  line("XX.NI", 90_000),
];
const FIGURES = [{ year: 2022, inhabitants: 10_000, budget: 100_000_000, fteOwn: 5, fteHired: 2 }];
const comparison = compare(LEDGER, FIGURES, { year: 2022 });

describe("explainKpi: the categories that make the difference, largest first, with their biggest lines", () => {
  it("orders a category with a benchmark figure by its gap, any other by its euros per inhabitant", () => {
    const e = explainKpi("software_per_inhabitant", LEDGER, comparison);
    expect(e.categories.map((c) => c.code)).toEqual(["SW.PP", "SW.BV", "SW.KA"]);
    const ka = e.categories.find((c) => c.code === "SW.KA")!;
    expect(ka).toMatchObject({ perInhabitant: 10, benchmark: 6, gap: 4, lines: 1 });
    const bv = e.categories.find((c) => c.code === "SW.BV")!;
    expect(bv).toMatchObject({ amount: 50_000, perInhabitant: 5, benchmark: null, gap: null, lines: 1 });
  });

  it("lists a category's lines by absolute amount, with row, description and supplier", () => {
    const pp = explainKpi("software_per_inhabitant", LEDGER, comparison).categories[0];
    expect(pp.top.map((l) => l.amount)).toEqual([200_000, 100_000, -20_000]);
    expect(pp.top[0]).toEqual({
      row: LEDGER[0].row,
      description: LEDGER[0].description,
      supplier: "Centric",
      amount: 200_000,
      viaGr: false,
    });
    expect(
      explainKpi("software_per_inhabitant", LEDGER, comparison, { topLines: 1 }).categories[0].top,
    ).toHaveLength(1);
  });

  it("keeps to the KPI's lines: hired staff, own staff (not marked hired), SaaS, one category", () => {
    const codes = (id: Parameters<typeof explainKpi>[0]) =>
      explainKpi(id, LEDGER, comparison)
        .categories.map((c) => c.code)
        .sort();
    expect(codes("hired_per_inhabitant")).toEqual(["PE.IF"]);
    expect(codes("cost_per_fte_own")).toEqual(["PE.AU", "PE.FB"]);
    expect(codes("saas_share")).toEqual(["SW.KA", "SW.PP"]);
    expect(
      explainKpi("saas_share", LEDGER, comparison).categories.find((c) => c.code === "SW.PP")!.amount,
    ).toBe(200_000);
    expect(codes("office_automation_per_inhabitant")).toEqual(["SW.KA"]);
    // Unclassified and not-ICT money never explains a KPI.
    expect(codes("total_per_inhabitant")).not.toContain("XX.OO");
    expect(codes("total_per_inhabitant")).not.toContain("XX.NI");
  });

  it("adds up to the KPI: the categories of every euro-per-inhabitant KPI sum to its own value", () => {
    const perInhabitant = KPI_IDS.filter((k) => k.unit === "eur_per_inhabitant").map((k) => k.id);
    expect(perInhabitant.length).toBeGreaterThanOrEqual(6);
    for (const e of explainAll(LEDGER, comparison)) {
      if (!perInhabitant.includes(e.kpi.id as never)) continue;
      const sum = e.categories.reduce((s, c) => s + c.amount, 0) / 10_000;
      expect([e.kpi.id, sum]).toEqual([e.kpi.id, expect.closeTo(e.kpi.own!, 9)]);
    }
  });

  it("knows every KPI id of the comparison and refuses others", () => {
    expect(KPI_ID_LIST).toEqual(comparison.kpis.map((k) => k.id));
    expect(parseKpiId(" Software_per_inhabitant ")).toBe("software_per_inhabitant");
    expect(parseKpiId("software")).toBeNull();
  });
});
