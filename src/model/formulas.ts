/**
 * The report's arithmetic as pure functions. Each returns a number or a typed KpiError (never NaN,
 * Infinity or a throw), so Excel custom functions can map the error onto #VALUE!, #NUM!, #N/A or #DIV/0!.
 * Inputs are `unknown` because spreadsheet callers pass text, blanks and booleans too; a KpiError passed
 * in comes straight back out, so errors propagate through chained formulas.
 */
import { benchmarkValue } from "./benchmark";
import { indexFactor } from "./inflation";
import { isKpiError, KpiError, KpiResult } from "./types";

function fail(error: KpiError["error"], nl: string, en: string): KpiError {
  return { error, message: { nl, en } };
}

/** The number, or why it is not one. */
function numberArg(x: unknown, name: { nl: string; en: string }): number | KpiError {
  if (isKpiError(x)) return x;
  if (typeof x !== "number") return fail("value", `${name.nl} is geen getal.`, `${name.en} is not a number.`);
  if (!Number.isFinite(x))
    return fail("num", `${name.nl} is geen eindig getal.`, `${name.en} is not a finite number.`);
  return x;
}

const AMOUNT = { nl: "Bedrag", en: "Amount" };
const FTE = { nl: "Aantal fte", en: "Number of fte" };

/** "1234,5" as a Dutch user reads a number in a message. */
function shown(x: number): string {
  return String(x).replace(".", ",");
}

/** A number argument outside its allowed range (the user's input, named with what they typed). */
function outOfRange(nl: string, en: string): KpiError {
  return { ...fail("num", nl, en), argument: true };
}

function inhabitantsArg(x: unknown): number | KpiError {
  const n = numberArg(x, { nl: "Aantal inwoners", en: "Number of inhabitants" });
  if (typeof n === "number" && n <= 0) {
    return outOfRange(
      `Aantal inwoners moet groter dan 0 zijn, niet ${shown(n)}.`,
      `Number of inhabitants must be greater than 0, not ${n}.`,
    );
  }
  return n;
}

function divisorArg(x: unknown, name: { nl: string; en: string }): number | KpiError {
  const n = numberArg(x, name);
  if (n === 0) return fail("div0", `${name.nl} is 0: delen door nul.`, `${name.en} is 0: division by zero.`);
  return n;
}

/** Overflow (1e308 × 100,000) would give Infinity: report it instead. */
function finite(x: number): KpiResult {
  return Number.isFinite(x) ? x : fail("num", "Uitkomst is te groot.", "Result is too large.");
}

function ratio(a: number | KpiError, b: number | KpiError, scale = 1): KpiResult {
  if (isKpiError(a)) return a;
  if (isKpiError(b)) return b;
  return finite((a * scale) / b);
}

/** Cost per inhabitant: amount / inhabitants. */
export function perInhabitant(amount: unknown, inhabitants: unknown): KpiResult {
  return ratio(numberArg(amount, AMOUNT), inhabitantsArg(inhabitants));
}

/** A count per 100,000 inhabitants (the report's unit for fte). */
export function per100k(value: unknown, inhabitants: unknown): KpiResult {
  return ratio(numberArg(value, { nl: "Waarde", en: "Value" }), inhabitantsArg(inhabitants), 100000);
}

/** Hired (inhuur) share of all personnel cost, as a fraction (benchmark 2022: 0.31). */
export function hiredShare(hiredCost: unknown, totalPersonnelCost: unknown): KpiResult {
  const total = divisorArg(totalPersonnelCost, { nl: "Totale personeelskosten", en: "Total personnel cost" });
  return ratio(numberArg(hiredCost, { nl: "Kosten inhuur", en: "Hired cost" }), total);
}

function nonNegative(x: number | KpiError, name: { nl: string; en: string }): number | KpiError {
  if (typeof x === "number" && x < 0)
    return outOfRange(
      `${name.nl} mag niet negatief zijn (${shown(x)}).`,
      `${name.en} must not be negative (${x}).`,
    );
  return x;
}

/** Personnel cost per fte (benchmark 2022: own 81K, hired 125K). */
export function costPerFte(cost: unknown, fte: unknown): KpiResult {
  return ratio(numberArg(cost, AMOUNT), nonNegative(divisorArg(fte, FTE), FTE));
}

/** SaaS share of software cost, as a fraction (benchmark 2022: over 0.5). */
export function saasShare(saasCost: unknown, softwareCost: unknown): KpiResult {
  const software = divisorArg(softwareCost, { nl: "Softwarekosten", en: "Software cost" });
  return ratio(numberArg(saasCost, { nl: "SaaS-kosten", en: "SaaS cost" }), software);
}

/** ICT cost as a fraction of the total municipal budget. */
export function budgetShare(ictCost: unknown, totalBudget: unknown): KpiResult {
  const budget = divisorArg(totalBudget, { nl: "Totale begroting", en: "Total budget" });
  return ratio(
    numberArg(ictCost, { nl: "ICT-kosten", en: "ICT cost" }),
    nonNegative(budget, { nl: "Totale begroting", en: "Total budget" }),
  );
}

/** Own value minus benchmark, in the KPI's unit. */
export function difference(own: unknown, benchmark: unknown): KpiResult {
  const a = numberArg(own, { nl: "Eigen waarde", en: "Own value" });
  const b = numberArg(benchmark, { nl: "Benchmark", en: "Benchmark" });
  if (isKpiError(a)) return a;
  if (isKpiError(b)) return b;
  return finite(a - b);
}

/** (own − benchmark) / benchmark as a fraction: 44 against 36 → 0.22. */
export function differencePct(own: unknown, benchmark: unknown): KpiResult {
  const diff = difference(own, benchmark);
  const b = divisorArg(benchmark, { nl: "Benchmark", en: "Benchmark" });
  return ratio(diff, b);
}

/** A SourcedValue of the edition as a plain number, or the #N/A saying it is missing. */
function editionNumber(key: string, editionId?: string): number | KpiError {
  const v = benchmarkValue(key, undefined, editionId);
  return isKpiError(v) ? v : v.value;
}

/**
 * Software cost change per inhabitant for a change in SaaS share, given as a FRACTION (+0.10 for
 * +10 percentage points), using the report's finding of "a little over" 1 €/inw per 10 pp (lines
 * 290–291), taken linearly. A change outside −1..1 cannot be a change of a share, and most likely
 * means percentage points were typed (10 for 0.10): #NUM! rather than a tenfold answer.
 */
export function saasEffect(saasShareChange: unknown, editionId?: string): KpiResult {
  const change = numberArg(saasShareChange, { nl: "Verandering SaaS-aandeel", en: "Change in SaaS share" });
  if (isKpiError(change)) return change;
  if (Math.abs(change) > 1) {
    return outOfRange(
      `Geef de verandering van het SaaS-aandeel als fractie tussen -1 en 1 (0,10 voor 10 procentpunt), niet ${shown(change)}.`,
      `Give the change in SaaS share as a fraction between -1 and 1 (0.10 for 10 percentage points), not ${change}.`,
    );
  }
  const per10pp = editionNumber("saas_effect_per_10pp", editionId);
  return isKpiError(per10pp) ? per10pp : finite((change / 0.1) * per10pp);
}

interface FteShiftEffect {
  /** Yearly cost change in euro; negative is a saving. */
  amount: number;
  /** The same per inhabitant; null when no inhabitants were given. */
  perInhabitant: number | null;
}

/**
 * Yearly cost change when `fteToOwn` fte move from hired to own staff (negative: from own to hired),
 * at the benchmark's cost per fte (own 81K, hired 125K in 2022).
 */
export function fteShiftEffect(
  fteToOwn: unknown,
  inhabitants?: unknown,
  editionId?: string,
): FteShiftEffect | KpiError {
  const fte = numberArg(fteToOwn, FTE);
  if (isKpiError(fte)) return fte;
  const own = editionNumber("cost_per_fte_own", editionId);
  const hired = editionNumber("cost_per_fte_hired", editionId);
  if (isKpiError(own)) return own;
  if (isKpiError(hired)) return hired;
  const amount = finite(fte * (own - hired));
  if (isKpiError(amount)) return amount;
  if (inhabitants === undefined || inhabitants === null) return { amount, perInhabitant: null };
  const perInh = perInhabitant(amount, inhabitants);
  return isKpiError(perInh) ? perInh : { amount, perInhabitant: perInh };
}

/** Project time in fte per 100,000 inhabitants (the report's figure 16 unit). */
export function projectTimePer100k(fte: unknown, inhabitants: unknown): KpiResult {
  return ratio(nonNegative(numberArg(fte, FTE), FTE), inhabitantsArg(inhabitants), 100000);
}

interface GrowthVsInflation {
  /** Nominal growth as a fraction: 96 → 106 is 0.104. */
  nominal: number;
  /** CBS inflation over the same period as a fraction (2021 → 2022: 0.10). */
  inflation: number;
  /** Growth in constant prices: (1 + nominal) / (1 + inflation) − 1. */
  real: number;
  fasterThanInflation: boolean;
}

/** How an amount grew between two years, against CBS inflation over that period. */
export function growthVsInflation(
  amountFrom: unknown,
  amountTo: unknown,
  fromYear: unknown,
  toYear: unknown,
): GrowthVsInflation | KpiError {
  const from = divisorArg(amountFrom, { nl: "Beginbedrag", en: "Starting amount" });
  const to = numberArg(amountTo, { nl: "Eindbedrag", en: "End amount" });
  if (isKpiError(from)) return from;
  if (isKpiError(to)) return to;
  const factor = indexFactor(fromYear as number, toYear as number);
  if (isKpiError(factor)) return factor;
  const growth = finite(to / from);
  if (isKpiError(growth)) return growth;
  // Deflating a huge growth over years going back can overflow too (growth / factor > MAX_VALUE).
  const real = finite(growth / factor - 1);
  if (isKpiError(real)) return real;
  return { nominal: growth - 1, inflation: factor - 1, real, fasterThanInflation: real > 0 };
}
