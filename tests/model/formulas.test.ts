import fc from "fast-check";
import * as F from "../../src/model/formulas";
import { isKpiError, KpiResult } from "../../src/model/types";

function errorKind(r: unknown): string | null {
  return isKpiError(r) ? r.error : null;
}

describe("report figures", () => {
  test("100,000 inhabitants with 10.6M ICT cost → 106 €/inw; components 3.6M + 5.3M + 1.7M", () => {
    expect(F.perInhabitant(10_600_000, 100_000)).toBe(106);
    const parts = [3_600_000, 5_300_000, 1_700_000].map((a) => F.perInhabitant(a, 100_000) as number);
    expect(parts).toEqual([36, 53, 17]);
    expect(parts.reduce((a, b) => a + b)).toBe(106);
  });

  test("56 fte per 100,000 inhabitants", () => {
    expect(F.per100k(56, 100_000)).toBe(56);
    expect(F.per100k(33.6, 60_000)).toBeCloseTo(56, 10);
  });

  test("hired share 0.31: 16.43 of 53 €/inw", () => {
    expect(F.hiredShare(1_643_000, 5_300_000)).toBeCloseTo(0.31, 10);
  });

  test("one third hired at 125K against own 81K", () => {
    // 60 fte: 20 hired, 40 own.
    expect(F.costPerFte(20 * 125_000, 20)).toBe(125_000);
    expect(F.costPerFte(40 * 81_000, 40)).toBe(81_000);
    expect(F.hiredShare(20 * 125_000, 20 * 125_000 + 40 * 81_000)).toBeCloseTo(2_500_000 / 5_740_000, 12);
  });

  test("saas share over 0.5 and budget share", () => {
    expect(F.saasShare(1_900_000, 3_600_000)).toBeCloseTo(0.5278, 4);
    expect(F.budgetShare(10_600_000, 400_000_000)).toBeCloseTo(0.0265, 6);
  });

  test("difference and differencePct: 44 against 36 is +8, +22%", () => {
    expect(F.difference(44, 36)).toBe(8);
    expect(F.differencePct(44, 36)).toBeCloseTo(0.2222, 4);
    expect(F.differencePct(30, 36)).toBeCloseTo(-0.1667, 4);
  });

  test("SaaS effect: +10 pp → about +1 €/inw (fraction in), linear", () => {
    expect(F.saasEffect(0.1)).toBeCloseTo(1, 12);
    expect(F.saasEffect(-0.2)).toBeCloseTo(-2, 12);
    expect(errorKind(F.saasEffect(10))).toBe("num"); // percentage points typed by mistake
  });

  test("fte shift: 10 fte from hired to own saves 10 × 44K; per inhabitant too", () => {
    expect(F.fteShiftEffect(10)).toEqual({ amount: -440_000, perInhabitant: null });
    expect(F.fteShiftEffect(10, 100_000)).toEqual({ amount: -440_000, perInhabitant: -4.4 });
    expect(F.fteShiftEffect(-1, 50_000)).toEqual({ amount: 44_000, perInhabitant: 0.88 });
    expect(errorKind(F.fteShiftEffect(1, 0))).toBe("num");
  });

  test("project time: 1.5 fte per 100,000 on laws and regulations", () => {
    expect(F.projectTimePer100k(0.9, 60_000)).toBeCloseTo(1.5, 12);
    expect(errorKind(F.projectTimePer100k(-1, 60_000))).toBe("num");
  });

  test("growth vs inflation: 96 → 106 in 2022 is faster than the 10.0% inflation", () => {
    const g = F.growthVsInflation(96, 106, 2021, 2022);
    if (isKpiError(g)) throw new Error(g.message.en);
    expect(g.nominal).toBeCloseTo(0.1042, 4);
    expect(g.inflation).toBeCloseTo(0.1, 12);
    expect(g.real).toBeGreaterThan(0);
    expect(g.fasterThanInflation).toBe(true);
    // The report's unrounded figure: +10.7% against 10.0%.
    const exact = F.growthVsInflation(100, 110.7, 2021, 2022);
    expect(!isKpiError(exact) && exact.real).toBeCloseTo(1.107 / 1.1 - 1, 12);
    // 2015 → 2022: 72 → 106 against CPI over the period.
    const long = F.growthVsInflation(72, 106, 2015, 2022);
    expect(!isKpiError(long) && long.fasterThanInflation).toBe(true);
    expect(errorKind(F.growthVsInflation(96, 106, 2021, 2030))).toBe("na");
    expect(errorKind(F.growthVsInflation(0, 106, 2021, 2022))).toBe("div0");
    // Found by the property below: deflating back in time overflowed to -Infinity.
    expect(errorKind(F.growthVsInflation(-1, 1.7e308, 2012, 2003))).toBe("num");
  });
});

describe("error paths", () => {
  test("inhabitants zero, negative or not finite → #NUM! with the Dutch message", () => {
    for (const inh of [0, -5, Infinity, NaN]) {
      const r = F.perInhabitant(100, inh);
      expect(errorKind(r)).toBe("num");
    }
    const r = F.perInhabitant(100, 0);
    expect(isKpiError(r) && r.message.nl).toBe("Aantal inwoners moet groter dan 0 zijn, niet 0.");
    expect(errorKind(F.per100k(1, -1))).toBe("num");
  });

  test("a number argument outside its range is marked `argument` (the functions show it with its message); overflow is not", () => {
    const marked = (r: unknown) => (isKpiError(r) ? r.argument === true : null);
    expect(marked(F.perInhabitant(100, 0))).toBe(true);
    expect(marked(F.per100k(1, -1.5))).toBe(true);
    expect(
      isKpiError(F.per100k(1, -1.5)) && (F.per100k(1, -1.5) as { message: { nl: string } }).message.nl,
    ).toBe("Aantal inwoners moet groter dan 0 zijn, niet -1,5.");
    expect(marked(F.costPerFte(100, -2))).toBe(true);
    expect(marked(F.budgetShare(100, -2))).toBe(true);
    expect(marked(F.saasEffect(10))).toBe(true);
    expect(marked(F.projectTimePer100k(-1, 60_000))).toBe(true);
    expect(marked(F.per100k(1e308, 1))).toBe(false);
    expect(marked(F.perInhabitant(Infinity, 1))).toBe(false);
    expect(marked(F.hiredShare(1, 0))).toBe(false);
  });

  test("zero divisors → #DIV/0!", () => {
    expect(errorKind(F.hiredShare(1, 0))).toBe("div0");
    expect(errorKind(F.costPerFte(1, 0))).toBe("div0");
    expect(errorKind(F.saasShare(1, 0))).toBe("div0");
    expect(errorKind(F.budgetShare(1, 0))).toBe("div0");
    expect(errorKind(F.differencePct(1, 0))).toBe("div0");
  });

  test("non-numbers → #VALUE!", () => {
    for (const x of ["100", null, undefined, true, {}, []]) {
      expect(errorKind(F.perInhabitant(x, 100))).toBe("value");
      expect(errorKind(F.costPerFte(100, x))).toBe("value");
    }
  });

  test("negative fte or budget → #NUM!", () => {
    expect(errorKind(F.costPerFte(100, -2))).toBe("num");
    expect(errorKind(F.budgetShare(100, -2))).toBe("num");
  });

  test("an error passed in comes back out", () => {
    const e = F.perInhabitant(1, 0);
    expect(F.difference(e, 36)).toBe(e);
    expect(F.differencePct(e, 36)).toBe(e);
  });

  test("overflow → #NUM!, not Infinity", () => {
    expect(errorKind(F.per100k(1e308, 1))).toBe("num");
  });

  test("constants come from the edition: unknown edition → #N/A", () => {
    expect(errorKind(F.saasEffect(0.1, "nope"))).toBe("na");
    expect(errorKind(F.fteShiftEffect(1, undefined, "nope"))).toBe("na");
  });
});

describe("never NaN or Infinity (property)", () => {
  const anyInput = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324),
    fc.anything(),
  );
  const ok = (r: KpiResult) => isKpiError(r) || Number.isFinite(r);

  test("two-argument formulas", () => {
    const fns = [
      F.perInhabitant,
      F.per100k,
      F.hiredShare,
      F.costPerFte,
      F.saasShare,
      F.budgetShare,
      F.difference,
      F.differencePct,
      F.projectTimePer100k,
    ];
    fc.assert(
      fc.property(anyInput, anyInput, (a, b) => {
        for (const fn of fns) expect(ok(fn(a, b))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("saasEffect, fteShiftEffect, growthVsInflation", () => {
    const year = fc.oneof(fc.integer({ min: 2000, max: 2030 }), anyInput);
    fc.assert(
      fc.property(anyInput, anyInput, year, year, (a, b, y1, y2) => {
        expect(ok(F.saasEffect(a))).toBe(true);
        const s = F.fteShiftEffect(a, b);
        if (!isKpiError(s)) {
          expect(Number.isFinite(s.amount)).toBe(true);
          expect(s.perInhabitant === null || Number.isFinite(s.perInhabitant)).toBe(true);
        }
        const g = F.growthVsInflation(a, b, y1, y2);
        if (!isKpiError(g))
          for (const v of [g.nominal, g.inflation, g.real]) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
