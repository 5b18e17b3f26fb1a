/**
 * Multi-year budget indexation with the report's figures: ICT Benchmark Gemeenten 2023 (book year 2022),
 * total ICT cost +10.7% against inflation 10.0% (lines 141–142), 96 → 106 €/inw (line 114); CBS inflation
 * 2022 10.0%, 2023 3.8%, 2024 3.3%, 2025 3.3%.
 */
import {
  BUILTIN_EDITION,
  Edition,
  getEdition,
  registerEdition,
  unregisterEdition,
} from "../../src/model/benchmark";
import { benchmarkRealGrowth, HORIZON, indexBudget, IndexedBudget } from "../../src/model/indexation";
import { isKpiError, KpiError } from "../../src/model/types";

const REAL = 1.107 / 1.1 - 1;

function ok(r: IndexedBudget | KpiError): IndexedBudget {
  if (isKpiError(r)) throw new Error(r.message.en);
  return r;
}

function error(r: IndexedBudget | KpiError): KpiError {
  if (!isKpiError(r)) throw new Error(`expected an error, got ${r.amount}`);
  return r;
}

describe("the benchmark's real growth", () => {
  test("edition 2023: 1.107 / 1.100 − 1 ≈ 0.64% a year, derived from lines 141–142", () => {
    const g = benchmarkRealGrowth();
    if (isKpiError(g)) throw new Error(g.message.en);
    expect(g.value).toBeCloseTo(REAL, 12);
    expect(g.value).toBeCloseTo(0.0064, 4);
    expect(g.year).toBe(2022);
    expect(g.derived).toBe(true);
    expect(g.sources.map((s) => s.lines)).toEqual(["141-142", "141"]);
    expect(g.sources.every((s) => s.edition === "ICT Benchmark Gemeenten 2023")).toBe(true);
  });

  test("an edition without the two figures gives #N/A", () => {
    const bare: Edition = { ...BUILTIN_EDITION, id: "test-bare", figures: {} };
    registerEdition(bare);
    try {
      const g = benchmarkRealGrowth("test-bare");
      expect(isKpiError(g) && g.error).toBe("na");
      expect(error(indexBudget(100, 2022, 2023, undefined, "test-bare")).error).toBe("na");
      // an own real growth needs no benchmark figure
      expect(ok(indexBudget(100, 2022, 2023, 0, "test-bare")).amount).toBeCloseTo(103.8, 10);
    } finally {
      unregisterEdition("test-bare");
    }
    expect(getEdition().id).toBe(BUILTIN_EDITION.id);
  });
});

describe("indexBudget", () => {
  test("96 €/inw of 2021 → 2022 is the report's +10.7%: 106.27, against 106 in the report", () => {
    const r = ok(indexBudget(96, 2021, 2022));
    expect(r.amount).toBeCloseTo(96 * 1.107, 10);
    expect(Math.round(r.amount)).toBe(106);
    expect(r.realGrowth).toBeCloseTo(REAL, 12);
    expect(r.realGrowthFrom).not.toBe("user");
    expect(r.years).toEqual([{ year: 2022, inflation: 0.1, extrapolated: false, amount: r.amount }]);
  });

  test("compounds CBS inflation year by year: 2022 → 2025 with real growth 0 is × 1.038 × 1.033 × 1.033", () => {
    const r = ok(indexBudget(1_000_000, 2022, 2025, 0));
    expect(r.amount).toBeCloseTo(1_000_000 * 1.038 * 1.033 * 1.033, 6);
    expect(r.years.map((y) => [y.year, y.inflation, y.extrapolated])).toEqual([
      [2023, 0.038, false],
      [2024, 0.033, false],
      [2025, 0.033, false],
    ]);
    expect(r.realGrowthFrom).toBe("user");
  });

  test("years after CBS's last (2025) take 2025's inflation, marked extrapolated", () => {
    const r = ok(indexBudget(4_770_000, 2024, 2028));
    expect(r.lastCbsYear).toBe(2025);
    expect(r.years.map((y) => [y.year, y.extrapolated])).toEqual([
      [2025, false],
      [2026, true],
      [2027, true],
      [2028, true],
    ]);
    expect(r.years.every((y) => y.inflation === 0.033)).toBe(true);
    expect(r.amount).toBeCloseTo(4_770_000 * (1.033 * (1 + REAL)) ** 4, 4);
    // a budget made wholly after CBS's series works too
    expect(ok(indexBudget(100, 2027, 2028, 0)).amount).toBeCloseTo(103.3, 10);
  });

  test("same year: the budget itself; the year before CBS's series (2003) is a usable start", () => {
    const same = ok(indexBudget(500, 2024, 2024));
    expect(same.amount).toBe(500);
    expect(same.years).toEqual([]);
    expect(ok(indexBudget(100, 2003, 2004, 0)).amount).toBeCloseTo(101.2, 10);
  });

  test("an own real growth replaces the benchmark's; negative growth is allowed", () => {
    expect(ok(indexBudget(100, 2022, 2023, 0.02)).amount).toBeCloseTo(100 * 1.038 * 1.02, 10);
    expect(ok(indexBudget(100, 2022, 2023, -0.02)).amount).toBeCloseTo(100 * 1.038 * 0.98, 10);
  });

  test("to_year before from_year → #VALUE! pointing at INFLATE", () => {
    const e = error(indexBudget(100, 2025, 2024));
    expect(e.error).toBe("value");
    expect(e.message.nl).toBe(
      "Naar jaar (2024) ligt vóór van jaar (2025): indexeren gaat vooruit. Terugrekenen naar prijzen van een eerder jaar: ICTCOST.INFLATE.",
    );
  });

  test("fractional or non-number years → #VALUE! naming the year typed", () => {
    expect(error(indexBudget(100, 2024.5, 2026)).message.nl).toBe(
      "Van jaar moet een heel jaartal zijn, zoals 2024, niet 2024,5.",
    );
    expect(error(indexBudget(100, 2024, "later")).message.nl).toBe(
      'Naar jaar moet een heel jaartal zijn, zoals 2024, niet "later".',
    );
  });

  test("real growth outside −1..1 (percent typed) → num marked as an argument, with the value typed", () => {
    for (const g of [1, 2, -1, 50]) {
      const e = error(indexBudget(100, 2024, 2026, g));
      expect([e.error, e.argument]).toEqual(["num", true]);
      expect(e.message.nl).toMatch(/^Geef de reële groei per jaar als fractie tussen -1 en 1/);
    }
    expect(error(indexBudget(100, 2024, 2026, "snel")).error).toBe("value");
    expect(error(indexBudget(100, 2024, 2026, NaN)).error).toBe("value");
  });

  test("from_year before CBS's series, or to_year past the horizon → #N/A with the year typed", () => {
    const before = error(indexBudget(100, 1990, 2024));
    expect([before.error, before.message.nl]).toEqual([
      "na",
      "CBS-inflatie is er voor 2004–2025; van jaar 1990 valt erbuiten.",
    ]);
    expect(HORIZON).toBe(50);
    expect(ok(indexBudget(100, 2024, 2075, 0)).years).toHaveLength(51);
    const far = error(indexBudget(100, 2024, 2076));
    expect([far.error, far.message.nl]).toEqual([
      "na",
      "Na 2025 rekent indexeren met de CBS-inflatie van 2025; tot 2075 vooruit, niet tot 2076.",
    ]);
    // a huge year is refused at once, never looped over
    expect(error(indexBudget(100, 2024, Number.MAX_SAFE_INTEGER)).error).toBe("na");
  });

  test("budget: not a number → #VALUE!, not finite → #NUM!, overflow → #NUM!; an error passed in comes out", () => {
    expect(error(indexBudget("veel", 2022, 2023)).error).toBe("value");
    expect(error(indexBudget(Infinity, 2022, 2023)).error).toBe("num");
    const big = error(indexBudget(1e308, 2024, 2075, 0.9));
    expect([big.error, big.argument]).toEqual(["num", undefined]);
    const e: KpiError = { error: "div0", message: { nl: "x", en: "x" } };
    expect(indexBudget(e, 2022, 2023)).toBe(e);
  });
});
