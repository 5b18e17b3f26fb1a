import { cpi, indexFactor, inflate, inflationYears } from "../../src/model/inflation";
import { isKpiError } from "../../src/model/types";

describe("CBS inflation", () => {
  test("cpi(2022) = 10.0%, cpi(2004) = 1.2%", () => {
    expect(cpi(2022)).toBeCloseTo(0.1, 12);
    expect(cpi(2004)).toBeCloseTo(0.012, 12);
  });

  test("outside the series → #N/A; not a whole year → #VALUE!", () => {
    for (const y of [2003, 2026]) {
      const r = cpi(y);
      expect(isKpiError(r) && r.error).toBe("na");
    }
    const r = cpi(2022.5);
    expect(isKpiError(r) && r.error).toBe("value");
  });

  test("2021 → 2022 is × 1.10, and back ÷ 1.10", () => {
    expect(indexFactor(2021, 2022)).toBeCloseTo(1.1, 12);
    expect(inflate(96, 2021, 2022)).toBeCloseTo(105.6, 10);
    expect(inflate(110, 2022, 2021)).toBeCloseTo(100, 10);
    expect(indexFactor(2022, 2022)).toBe(1);
  });

  test("compounds every year in between: 2020 → 2023 = 1.027 × 1.10 × 1.038", () => {
    expect(indexFactor(2020, 2023)).toBeCloseTo(1.027 * 1.1 * 1.038, 12);
    expect(indexFactor(2023, 2020)).toBeCloseTo(1 / (1.027 * 1.1 * 1.038), 12);
  });

  test("the report: costs rose faster than inflation, 96 → 106 against 96 × 1.10", () => {
    // 96 in 2021 prices is 105.6 in 2022 prices; the benchmark's 106 lies above it (report lines 140-142).
    const inflated = inflate(96, 2021, 2022) as number;
    expect(106).toBeGreaterThan(inflated);
    // And since 2015 (72 €/inw): 2022's 106 is far above 72 at 2022 prices.
    expect(106).toBeGreaterThan(inflate(72, 2015, 2022) as number);
  });

  test("from the year before the series works; a gap year beyond it does not", () => {
    expect(indexFactor(2003, 2004)).toBeCloseTo(1.012, 12);
    const r = indexFactor(2024, 2026);
    expect(isKpiError(r) && r.error).toBe("na");
    const bad = inflate(NaN, 2021, 2022);
    expect(isKpiError(bad) && bad.error).toBe("num");
  });

  test("messages name the year the user typed and the years CBS has — never a year in between", () => {
    const nl = (r: unknown) => (isKpiError(r) ? r.message.nl : null);
    expect(nl(inflate(100, 1900, 2023))).toBe(
      "CBS-inflatie is er voor 2004–2025; van jaar 1900 valt erbuiten.",
    );
    expect(nl(indexFactor(2024, 2026))).toBe(
      "CBS-inflatie is er voor 2004–2025; naar jaar 2026 valt erbuiten.",
    );
    expect(nl(indexFactor(2030, 1990))).toBe(
      "CBS-inflatie is er voor 2004–2025; van jaar 2030 valt erbuiten.",
    );
    expect(nl(cpi(1999))).toBe("CBS-inflatie is er voor 2004–2025; jaar 1999 valt erbuiten.");
    expect(nl(cpi(2022.5))).toBe("Jaar moet een heel jaartal zijn, zoals 2022, niet 2022,5.");
    expect(nl(indexFactor(2021, 2022.5))).toBe(
      "Naar jaar moet een heel jaartal zijn, zoals 2022, niet 2022,5.",
    );
    const en = inflate(100, 1900, 2023);
    expect(isKpiError(en) && en.message.en).toBe(
      "CBS inflation exists for 2004–2025; from year 1900 lies outside it.",
    );
  });

  test("a year to itself needs no CBS figure: factor 1 for any whole year", () => {
    expect(indexFactor(1990, 1990)).toBe(1);
    expect(inflate(100, 2030, 2030)).toBe(100);
  });

  test("inflationYears: the series' first and last year", () => {
    expect(inflationYears()).toEqual({ first: 2004, last: 2025 });
  });
});
