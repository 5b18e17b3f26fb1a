/**
 * Multi-year budget indexation, the report's advice to controllers (appendix: index ICT cost in multi-year
 * budgets): next years' ICT budget at CBS inflation plus the benchmark's real growth of ICT cost.
 *
 * - Inflation: CBS's yearly CPI change for every year CBS has (2004–2025). A year after CBS's last one has no
 *   figure yet — a multi-year budget is mostly such years — so it takes the last known year's inflation
 *   (2025: 3.3%), marked `extrapolated`, up to HORIZON (50) years after it. A year before the series has no
 *   price level: #N/A.
 * - Real growth: what ICT cost grew above inflation in the benchmark's book year,
 *   (1 + total_cost_growth) / (1 + inflation) − 1. Edition 2023 (book year 2022): ICT cost +10.7% against
 *   inflation 10.0% (report lines 141–142), so 1.107 / 1.100 − 1 ≈ 0.64% a year (derived, not stated as
 *   such). A user's own real growth (0 for inflation only) replaces it.
 *
 * Pure: a number or a KpiError, never a throw.
 */
import { benchmarkValue, Source } from "./benchmark";
import { cpi, inflationYears, outOfSeries } from "./inflation";
import { Bilingual, isKpiError, KpiError } from "./types";

function fail(error: KpiError["error"], nl: string, en: string): KpiError {
  return { error, message: { nl, en } };
}

/** "0,0064" as a Dutch user reads a number in a message. */
function shown(x: unknown): string {
  return typeof x === "number" ? String(x).replace(".", ",") : `"${String(x)}"`;
}

/** The benchmark's real growth of ICT cost per year, with where its two figures come from. */
export interface RealGrowth {
  value: number;
  /** The book year whose growth it is (2022 for the 2023 edition). */
  year: number;
  /** Sources of total_cost_growth and inflation. */
  sources: Source[];
  /** Worked out from two stated figures, not stated in the report itself. */
  derived: true;
}

/** (1 + total ICT cost growth) / (1 + inflation) − 1 of the edition's book year; #N/A if it lacks either. */
export function benchmarkRealGrowth(editionId?: string): RealGrowth | KpiError {
  const growth = benchmarkValue("total_cost_growth", undefined, editionId);
  if (isKpiError(growth)) return growth;
  const inflation = benchmarkValue("inflation", undefined, editionId);
  if (isKpiError(inflation)) return inflation;
  return {
    value: (1 + growth.value) / (1 + inflation.value) - 1,
    year: growth.year,
    sources: [growth.source, inflation.source],
    derived: true,
  };
}

export interface IndexedYear {
  year: number;
  /** Inflation used for the year, as a fraction. */
  inflation: number;
  /** No CBS figure for the year: the last known year's inflation was used. */
  extrapolated: boolean;
  /** The budget in this year: the previous year's × (1 + inflation) × (1 + real growth). */
  amount: number;
}

export interface IndexedBudget {
  /** The budget in `toYear`. */
  amount: number;
  realGrowth: number;
  /** Where the real growth comes from: the benchmark (with its sources) or the user. */
  realGrowthFrom: RealGrowth | "user";
  /** One entry per year after `fromYear` up to `toYear`. */
  years: IndexedYear[];
  /** CBS's last inflation year; years after it are extrapolated. */
  lastCbsYear: number;
}

/** How far past CBS's last year an extrapolation is still given (a multi-year budget looks 4 years ahead). */
export const HORIZON = 50;

const FROM: Bilingual = { nl: "Van jaar", en: "From year" };
const TO: Bilingual = { nl: "Naar jaar", en: "To year" };

function wholeYear(x: unknown, name: Bilingual): number | KpiError {
  if (isKpiError(x)) return x;
  if (typeof x === "number" && Number.isInteger(x)) return x;
  return fail(
    "value",
    `${name.nl} moet een heel jaartal zijn, zoals 2024, niet ${shown(x)}.`,
    `${name.en} must be a whole year such as 2024, not ${String(x)}.`,
  );
}

/**
 * The budget of `fromYear` indexed to `toYear` (same year or later): each year × (1 + CBS inflation of that
 * year, or the last known year's after CBS's series) × (1 + real growth). Without `realGrowth`, the
 * benchmark's (0.64% a year for edition 2023).
 */
export function indexBudget(
  budget: unknown,
  fromYear: unknown,
  toYear: unknown,
  realGrowth?: unknown,
  editionId?: string,
): IndexedBudget | KpiError {
  if (isKpiError(budget)) return budget;
  if (typeof budget !== "number") return fail("value", "Begroting is geen getal.", "Budget is not a number.");
  if (!Number.isFinite(budget))
    return fail("num", "Begroting is geen eindig getal.", "Budget is not a finite number.");
  const from = wholeYear(fromYear, FROM);
  if (isKpiError(from)) return from;
  const to = wholeYear(toYear, TO);
  if (isKpiError(to)) return to;
  const { first, last } = inflationYears();
  if (from < first - 1) return outOfSeries(from, FROM);
  if (to > last + HORIZON) {
    return fail(
      "na",
      `Na ${last} rekent indexeren met de CBS-inflatie van ${last}; tot ${last + HORIZON} vooruit, niet tot ${to}.`,
      `After ${last} indexation uses CBS's ${last} inflation; up to ${last + HORIZON}, not ${to}.`,
    );
  }
  if (to < from) {
    return fail(
      "value",
      `Naar jaar (${to}) ligt vóór van jaar (${from}): indexeren gaat vooruit. Terugrekenen naar prijzen van een eerder jaar: ICTCOST.INFLATE.`,
      `To year (${to}) lies before from year (${from}): indexation goes forward. For prices of an earlier year use ICTCOST.INFLATE.`,
    );
  }

  let growth: number;
  let growthFrom: RealGrowth | "user";
  if (realGrowth === undefined || realGrowth === null) {
    const benchmark = benchmarkRealGrowth(editionId);
    if (isKpiError(benchmark)) return benchmark;
    growth = benchmark.value;
    growthFrom = benchmark;
  } else {
    if (isKpiError(realGrowth)) return realGrowth;
    if (typeof realGrowth !== "number" || !Number.isFinite(realGrowth))
      return fail("value", "Reële groei is geen getal.", "Real growth is not a number.");
    if (realGrowth <= -1 || realGrowth >= 1) {
      return {
        ...fail(
          "num",
          `Geef de reële groei per jaar als fractie tussen -1 en 1 (0,01 voor 1%), niet ${shown(realGrowth)}.`,
          `Give the real growth per year as a fraction between -1 and 1 (0.01 for 1%), not ${realGrowth}.`,
        ),
        argument: true,
      };
    }
    growth = realGrowth;
    growthFrom = "user";
  }

  const lastInflation = cpi(last) as number;
  const years: IndexedYear[] = [];
  let amount = budget;
  for (let year = from + 1; year <= to; year++) {
    const extrapolated = year > last;
    const inflation = extrapolated ? lastInflation : (cpi(year) as number);
    amount *= (1 + inflation) * (1 + growth);
    if (!Number.isFinite(amount)) return fail("num", "Uitkomst is te groot.", "Result is too large.");
    years.push({ year, inflation, extrapolated, amount });
  }
  return { amount, realGrowth: growth, realGrowthFrom: growthFrom, years, lastCbsYear: last };
}
