/**
 * Inflation from the CBS consumer price index (yearly average change): compare amounts of different
 * years in one year's prices, as the report does when it sets ICT cost against inflation.
 */
import { cpiSeries } from "./benchmark";
import { Bilingual, KpiError, KpiResult } from "./types";

const CHANGE = new Map<number, number>(cpiSeries().map((p) => [p.year, p.change]));
const FIRST = Math.min(...CHANGE.keys());
const LAST = Math.max(...CHANGE.keys());
// indexFactor multiplies every year in between: the shipped series must have no gap (a build error, not a user's).
for (let y = FIRST; y <= LAST; y++) if (!CHANGE.has(y)) throw new Error(`CBS CPI series lacks ${y}`);

const YEAR: Bilingual = { nl: "Jaar", en: "Year" };
const FROM: Bilingual = { nl: "Van jaar", en: "From year" };
const TO: Bilingual = { nl: "Naar jaar", en: "To year" };

/** The years of the CBS series: inflation figures exist for FIRST..LAST; price levels for FIRST − 1..LAST. */
export function inflationYears(): { first: number; last: number } {
  return { first: FIRST, last: LAST };
}

/** "2022,5" as the user typed it (Dutch decimal comma), for messages. */
function shown(x: unknown): string {
  return typeof x === "number" ? String(x).replace(".", ",") : `"${String(x)}"`;
}

function yearError(year: unknown, name: Bilingual = YEAR): KpiError | null {
  if (typeof year !== "number" || !Number.isInteger(year)) {
    return {
      error: "value",
      message: {
        nl: `${name.nl} moet een heel jaartal zijn, zoals 2022, niet ${shown(year)}.`,
        en: `${name.en} must be a whole year such as 2022, not ${String(year)}.`,
      },
    };
  }
  return null;
}

/** The year the user typed lies outside CBS's series: name it, and the years CBS has. */
export function outOfSeries(year: number, name: Bilingual = YEAR): KpiError {
  return {
    error: "na",
    message: {
      nl: `CBS-inflatie is er voor ${FIRST}–${LAST}; ${name.nl.toLowerCase()} ${year} valt erbuiten.`,
      en: `CBS inflation exists for ${FIRST}–${LAST}; ${name.en.toLowerCase()} ${year} lies outside it.`,
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
 * lies before `from`. Only the changes in between are needed, so a year may be the one before the series
 * (2003: the price level the 2004 inflation starts from). A year outside FIRST − 1..LAST is #N/A naming
 * that year, as the user typed it (never a year in between).
 */
export function indexFactor(fromYear: number, toYear: number): KpiResult {
  const bad = yearError(fromYear, FROM) ?? yearError(toYear, TO);
  if (bad) return bad;
  if (fromYear === toYear) return 1; // no change in between to look up: any year is its own price level
  for (const [year, name] of [
    [fromYear, FROM],
    [toYear, TO],
  ] as const) {
    if (year < FIRST - 1 || year > LAST) return outOfSeries(year, name);
  }
  const [low, high] = fromYear <= toYear ? [fromYear, toYear] : [toYear, fromYear];
  let factor = 1;
  for (let y = low + 1; y <= high; y++) factor *= 1 + (CHANGE.get(y) as number);
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
