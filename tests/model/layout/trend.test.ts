import { compare } from "../../../src/model/comparison";
import { categorisationLayout, categorisationRefs } from "../../../src/model/layout/categorisation";
import { trendLayout } from "../../../src/model/layout/trend";
import { SheetLayout } from "../../../src/model/layout/types";
import { CategorisedLine, KeyFigures, Language } from "../../../src/model/types";
import { Workbook } from "./evaluator";
import { expectGolden, fixedLedger, formulasOf } from "./helpers";

const FIGURES: KeyFigures[] = [
  { year: 2020, inhabitants: 9800 },
  { year: 2021, inhabitants: 9900 },
  { year: 2022, inhabitants: 10000 },
];

function threeYears(): CategorisedLine[] {
  const base = fixedLedger();
  return [2020, 2021, 2022].flatMap((year, k) =>
    base.map((l) => ({ ...l, year, amount: Math.round(l.amount * (1 + 0.04 * k) * 100) / 100 })),
  );
}

function build(language: Language, live: boolean) {
  const lines = threeYears();
  const comparison = compare(lines, FIGURES, { language });
  const cat = categorisationLayout(lines, { language, undatedYear: comparison.year });
  const layout = trendLayout(comparison.series, {
    language,
    figures: FIGURES,
    ...(live
      ? {
          refs: {
            categorisation: categorisationRefs(cat.name, language),
            inhabitants: { 2020: 9800, 2021: 9900, 2022: "'Kerngegevens'!$B$6" },
          },
        }
      : {}),
  });
  const kerngegevens: SheetLayout = {
    role: "template-keyfigures",
    name: "Kerngegevens",
    blocks: [{ at: "B6", cells: [[10000]] }],
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
  };
  return { comparison, layout, wb: new Workbook([cat, kerngegevens, layout]) };
}

describe("trendLayout", () => {
  it.each(["nl", "en"] as const)("matches the golden file (%s)", (language) => {
    expectGolden(`trend-${language}`, build(language, true).layout);
  });

  it("recalculates to compare()'s series, live and with constants", () => {
    for (const live of [true, false]) {
      const { comparison, layout, wb } = build("nl", live);
      const formulas = formulasOf(layout);
      expect(formulas.some((x) => x.formula.formula.includes("SUMIFS"))).toBe(live);
      for (const { address, formula } of formulas) {
        const v = wb.value(layout.name, address);
        if (typeof formula.value === "number")
          expect([address, v]).toEqual([address, expect.closeTo(formula.value, 6)]);
        else expect([address, v ?? ""]).toEqual([address, formula.value]);
      }
      comparison.series.forEach((p, i) => {
        const r = 5 + i;
        expect(wb.value(layout.name, `A${r}`)).toBe(p.year);
        expect(wb.value(layout.name, `B${r}`)).toBeCloseTo(p.total, 6);
        expect(wb.value(layout.name, `D${r}`)).toBeCloseTo(p.perInhabitant!, 9);
        expect(wb.value(layout.name, `F${r}`)).toBeCloseTo(p.perInhabitantReal!, 9);
      });
    }
  });

  it("puts prices in the latest year's terms and the benchmark of each book year", () => {
    const { layout, wb } = build("nl", true);
    expect(wb.value(layout.name, "E7")).toBe(1); // 2022 in 2022 prices
    expect(wb.value(layout.name, "E6")).toBeCloseTo(1.1, 12); // CBS 2022: 10.0 %
    expect(wb.value(layout.name, "E5")).toBeCloseTo(1.027 * 1.1, 12);
    expect(wb.value(layout.name, "G5")).toBe(93);
    expect(wb.value(layout.name, "G7")).toBe(106);
    expect(String(wb.value(layout.name, "H7"))).toContain("ICT Benchmark Gemeenten 2023");
    expect(String(wb.value(layout.name, "I5"))).toContain("CBS");
  });

  it("draws a line chart over year, own nominal, own real and benchmark", () => {
    const { layout, wb } = build("en", true);
    const [chart] = layout.charts;
    expect(chart.type).toBe("line");
    expect(chart.data).toBe("A9:D12");
    expect(wb.value(layout.name, "A9")).toBe("Year");
    expect(wb.value(layout.name, "A10")).toBe("2020");
    expect(wb.value(layout.name, "D12")).toBe(106);
  });

  it("leaves the benchmark blank for a year without one", () => {
    const layout = trendLayout([{ year: 2005, total: 500000, perInhabitant: 50, perInhabitantReal: 50 }], {
      language: "nl",
    });
    const wb = new Workbook([layout]);
    expect(wb.value(layout.name, "G5")).toBeNull();
    expect(wb.value(layout.name, "C5")).toBe(10000);
  });
});
