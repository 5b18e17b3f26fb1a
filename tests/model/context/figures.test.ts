import { BUILTIN_EDITION, Edition, registerEdition, unregisterEdition } from "../../../src/model/benchmark";
import { compare } from "../../../src/model/comparison";
import { contextFigures, historicFigures } from "../../../src/model/context/figures";
import { KeyFigures } from "../../../src/model/types";
import { fixedLedger } from "../layout/helpers";

const FIGURES: KeyFigures = { year: 2022, inhabitants: 61_000, projectFteLaws: 0.915, workplaces: 500 };

function figures(kf: KeyFigures = FIGURES, edition: Edition = BUILTIN_EDITION) {
  const comparison = compare(fixedLedger(), [kf], { language: "nl" });
  return { comparison, context: contextFigures(comparison, kf, edition) };
}

describe("contextFigures", () => {
  it("sets project fte per 100,000 inhabitants against figure 16's estimates", () => {
    const { context } = figures();
    const byId = new Map(context.projectTime!.map((p) => [p.id, p]));
    expect([...byId.keys()]).toEqual([
      "project_time_laws_per_100k",
      "project_time_digital_maturity_per_100k",
      "project_time_data_driven_per_100k",
      "project_time_case_based_per_100k",
      "project_time_security_per_100k",
      "project_time_digital_workplace_per_100k",
    ]);
    const laws = byId.get("project_time_laws_per_100k")!;
    expect(laws.own).toBeCloseTo(1.5, 12); // 0.915 fte for 61,000 inhabitants
    expect(laws.benchmark).toMatchObject({ value: 1.5, approx: true, source: { lines: "636-641" } });
    expect(laws.difference).toBeCloseTo(0, 12);
    expect([...byId.values()].slice(1).map((p) => [p.fte, p.own, p.benchmark?.value])).toEqual(
      Array(5).fill([null, null, 0.5]),
    );
  });

  it("leaves project time and per-count out when the key figures hold none of them", () => {
    const { context } = figures({ year: 2022, inhabitants: 61_000 });
    expect([context.projectTime, context.perCount]).toEqual([null, null]);
    expect(context.sizeClass?.value).toBe("50000tot100000inwoners");
  });

  it("divides the year's ICT cost by the workplaces; the 2013 figure in 2022 prices by CBS inflation only", () => {
    const { context, comparison } = figures();
    const [employee, workplace] = context.perCount!;
    expect([employee.count, employee.own]).toEqual([null, null]);
    expect(workplace.own).toBeCloseTo(comparison.totals.total / 500, 9);
    expect(workplace.historic).toHaveLength(1);
    const h = workplace.historic[0];
    expect([h.bookYear, h.value, h.source.publication]).toEqual([2013, 6101, "mxi.nl kennis 261"]);
    const cpi2014to2022 = 1.01 * 1.006 * 1.003 * 1.014 * 1.017 * 1.026 * 1.013 * 1.027 * 1.1;
    expect(h.cpiFactor).toBeCloseTo(cpi2014to2022, 12);
    expect(h.inPrices).toBeCloseTo(6101 * cpi2014to2022, 9);
  });

  it("gives no CPI-adjusted figure for a year past CBS's series", () => {
    const [latest] = historicFigures("cost_per_employee", 2030);
    expect([latest.bookYear, latest.value, latest.cpiFactor, latest.inPrices]).toEqual([
      2014,
      9687,
      null,
      null,
    ]);
  });

  it("indexes four years ahead at CBS inflation plus 1.107 / 1.100 − 1 real growth, marking years after 2025", () => {
    const { context, comparison } = figures();
    const ix = context.indexation!;
    expect([ix.growth.value, ix.inflation.value]).toEqual([0.107, 0.1]);
    expect(ix.realGrowth).toBeCloseTo(0.0063636, 6);
    expect(ix.years.map((y) => [y.year, y.inflation, y.extrapolated])).toEqual([
      [2023, 0.038, false],
      [2024, 0.033, false],
      [2025, 0.033, false],
      [2026, 0.033, true],
    ]);
    expect(ix.years[0].amount).toBeCloseTo(comparison.totals.total * 1.038 * (1.107 / 1.1), 6);
  });

  it("has no estimate for an edition without the growth and inflation figures", () => {
    const { total_cost_growth: _g, inflation: _i, ...rest } = BUILTIN_EDITION.figures;
    void _g;
    void _i;
    const stripped: Edition = { ...BUILTIN_EDITION, id: "stripped", figures: rest };
    registerEdition(stripped);
    try {
      const { context } = figures(FIGURES, stripped);
      expect(context.indexation).toBeNull();
      expect(context.projectTime![0].benchmark?.value).toBe(1.5); // the rest of the edition still counts
    } finally {
      unregisterEdition("stripped");
    }
  });
});
