/**
 * Inflation from the CBS consumer price index (yearly average change): compare amounts of different
 * years in one year's prices, as the report does when it sets ICT cost against inflation.
 */
import { cpiSeries } from "./benchmark";
import { KpiError, KpiResult } from "./types";

const CHANGE = new Map<number, number>(cpiSeries().map((p) => [p.year, p.change]));
const FIRST = Math.min(...CHANGE.keys());
const LAST = Math.max(...CHANGE.keys());

function yearError(year: unknown): KpiError | null {
  if (typeof year !== "number" || !Number.isInteger(year)) {
    return {
      error: "value",
      message: { nl: "Jaartal moet een geheel getal zijn.", en: "Year must be a whole number." },
    };
  }
  return null;
}

function outOfSeries(year: number): KpiError {
  return {
    error: "na",
    message: {
      nl: `Geen CBS-inflatiecijfer voor ${year} (beschikbaar: ${FIRST}–${LAST}).`,
      en: `No CBS inflation figure for ${year} (available: ${FIRST}–${LAST}).`,
    },
  };
}

/** CBS yearly inflation of a year as a fraction (2022 → 0.1); #N/A outside the series. */
export function cpi(year: number): KpiResult {
  const bad = yearError(year);
  if (bad) return bad;
  const change = CHANGE.get(year);
  return change === undefined ? outOfSeries(year) : change;
}

/**
 * Price-level factor from one year to another: ∏(1 + cpi(y)) for y in from+1..to, its inverse when `to`
 * lies before `from`. Only the changes in between are needed, so `from` may be the year before the series.
 */
export function indexFactor(fromYear: number, toYear: number): KpiResult {
  const bad = yearError(fromYear) ?? yearError(toYear);
  if (bad) return bad;
  const [low, high] = fromYear <= toYear ? [fromYear, toYear] : [toYear, fromYear];
  let factor = 1;
  for (let y = low + 1; y <= high; y++) {
    const change = CHANGE.get(y);
    if (change === undefined) return outOfSeries(y);
    factor *= 1 + change;
  }
  return fromYear <= toYear ? factor : 1 / factor;
}

/** An amount of `fromYear` in prices of `toYear`. */
export function inflate(amount: number, fromYear: number, toYear: number): KpiResult {
  if (typeof amount !== "number") {
    return { error: "value", message: { nl: "Bedrag is geen getal.", en: "Amount is not a number." } };
  }
  if (!Number.isFinite(amount)) {
    return {
      error: "num",
      message: { nl: "Bedrag is geen eindig getal.", en: "Amount is not a finite number." },
    };
  }
  const factor = indexFactor(fromYear, toYear);
  return typeof factor === "number" ? amount * factor : factor;
}
