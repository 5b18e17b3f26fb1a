/**
 * The ICTCOST.* custom functions. Thin wrappers: read the arguments (./adapt), call the domain core
 * (src/model), turn its result into a number, text or Excel error. No formula logic here, and no function
 * writes to the workbook. Their helpers: ./argumentNames (names in error messages), ./ledgerColumns
 * (the categoriser, PERINHABITANT's conditional sum, CATEGORY's column of codes).
 *
 * custom-functions-metadata-plugin generates functions.json from the JSDoc below and its loader appends the
 * `CustomFunctions.associate("ID", function)` calls to this file when webpack bundles it, as in the
 * Excel-Custom-Functions-Shared template: no associate calls here. Dutch descriptions: functions-nl.strings.json.
 *
 * All functions are synchronous and never throw. Bad input gives #VALUE! with a Dutch message (text where a
 * number is needed, a missing argument, a number outside its range such as 0 inhabitants), #N/A with a
 * message (unknown KPI, category, edition or year), #DIV/0! (a divisor of 0) or #NUM! (a result that is no
 * finite number); Excel shows a message only with #VALUE! and #N/A (./adapt toExcelError, docs/functions.md).
 */
import {
  fail,
  readLanguage,
  readMatrix,
  readNumber,
  readOptionalBoolean,
  readOptionalNumber,
  readOptionalText,
  readOptionalYear,
  readText,
  toExcel,
  toExcelError,
} from "./adapt";
import { ARG } from "./argumentNames";
import { categoryColumn, classify, sumAmounts, unknownCategory } from "./ledgerColumns";
import { benchmarkValue } from "../model/benchmark";
import {
  budgetShare,
  costPerFte,
  difference,
  differencePct,
  hiredShare,
  per100k,
  perInhabitant,
  saasEffect,
} from "../model/formulas";
import { indexBudget } from "../model/indexation";
import { cpi, inflate } from "../model/inflation";
import {
  categoryLabel,
  COMPONENT_LABELS,
  componentOf,
  parseCategory,
  parseComponent,
} from "../model/taxonomy";
import { isKpiError, KpiError } from "../model/types";

function isErr(x: unknown): x is KpiError {
  return isKpiError(x);
}

/**
 * Sum of amounts per inhabitant; optionally only the rows whose criteria cell matches a category code, component or label (like SUMIF). Text and blank cells in amounts are ignored, as SUM does.
 * @customfunction PERINHABITANT
 * @helpurl https://localhost:3000/docs/functions.html#perinhabitant
 * @param amounts Amounts in euros (a range; text, TRUE/FALSE and blank cells are ignored, as SUM does).
 * @param inhabitants Number of inhabitants of the municipality.
 * @param criteria_range Optional: cells with a category code, category or component per amount; same shape as amounts.
 * @param criterion Optional: what to count, e.g. "SW.KA", "software", "Personeel" or "Werkplek"; a component also matches its category codes.
 * @returns Euros per inhabitant.
 */
export function PERINHABITANT(
  amounts: unknown[][],
  inhabitants: number,
  criteria_range?: unknown[][],
  criterion?: string,
): number | CustomFunctions.Error {
  const values = readMatrix(amounts, ARG.amounts);
  if (isErr(values)) return toExcelError(values);
  const people = readNumber(inhabitants, ARG.inhabitants);
  if (isErr(people)) return toExcelError(people);
  const range = criteria_range == null ? undefined : readMatrix(criteria_range, ARG.criteriaRange);
  if (isErr(range)) return toExcelError(range);
  const wanted = readOptionalText(criterion, ARG.criterion);
  if (isErr(wanted)) return toExcelError(wanted);
  const total = sumAmounts(values, range, wanted);
  if (isErr(total)) return toExcelError(total);
  return toExcel(perInhabitant(total, people));
}

/**
 * A value per 100,000 inhabitants, such as ICT fte per 100,000 inhabitants.
 * @customfunction PER100K
 * @helpurl https://localhost:3000/docs/functions.html#per100k
 * @param value The value, e.g. ICT fte.
 * @param inhabitants Number of inhabitants of the municipality.
 * @returns The value per 100,000 inhabitants.
 */
export function PER100K(value: number, inhabitants: number): number | CustomFunctions.Error {
  const v = readNumber(value, ARG.value);
  if (isErr(v)) return toExcelError(v);
  const people = readNumber(inhabitants, ARG.inhabitants);
  if (isErr(people)) return toExcelError(people);
  return toExcel(per100k(v, people));
}

/**
 * The benchmark value of a KPI or category (ICT Benchmark Gemeenten, M&I/Partners).
 * @customfunction BENCHMARK
 * @helpurl https://localhost:3000/docs/functions.html#benchmark
 * @param kpi KPI id (e.g. "total_per_inhabitant", "fte_per_100k") or category code (e.g. "SW.KA").
 * @param year Optional: book year; default the edition's book year (2022 for the 2023 edition).
 * @param edition Optional: benchmark edition id; default the built-in edition.
 * @returns The benchmark value.
 */
export function BENCHMARK(kpi: string, year?: number, edition?: string): number | CustomFunctions.Error {
  const id = readText(kpi, ARG.kpi);
  if (isErr(id)) return toExcelError(id);
  const y = readOptionalYear(year, ARG.year);
  if (isErr(y)) return toExcelError(y);
  const ed = readOptionalText(edition, ARG.edition);
  if (isErr(ed)) return toExcelError(ed);
  const b = benchmarkValue(id, y, ed);
  return isErr(b) ? toExcelError(b) : toExcel(b.value);
}

/**
 * Own value minus the benchmark value, in the KPI's unit or as a fraction of the benchmark.
 * @customfunction DIFFERENCE
 * @helpurl https://localhost:3000/docs/functions.html#difference
 * @param own Your own value of the KPI, e.g. software cost per inhabitant.
 * @param kpi KPI id (e.g. "software_per_inhabitant") or category code (e.g. "SW.KA").
 * @param year Optional: book year of the benchmark; default the edition's book year.
 * @param as_percent Optional: TRUE gives the difference as a fraction of the benchmark (0.22 = 22% above); default FALSE.
 * @returns Own minus benchmark, or (own − benchmark) / benchmark.
 */
export function DIFFERENCE(
  own: number,
  kpi: string,
  year?: number,
  as_percent?: boolean,
): number | CustomFunctions.Error {
  const o = readNumber(own, ARG.own);
  if (isErr(o)) return toExcelError(o);
  const id = readText(kpi, ARG.kpi);
  if (isErr(id)) return toExcelError(id);
  const y = readOptionalYear(year, ARG.year);
  if (isErr(y)) return toExcelError(y);
  const pct = readOptionalBoolean(as_percent, false, ARG.asPercent);
  if (isErr(pct)) return toExcelError(pct);
  const b = benchmarkValue(id, y);
  if (isErr(b)) return toExcelError(b);
  return toExcel(pct ? differencePct(o, b.value) : difference(o, b.value));
}

/**
 * The TCO category code of cost lines, from description, supplier and account. Give whole columns: one call spills one code per row.
 * @customfunction CATEGORY
 * @helpurl https://localhost:3000/docs/functions.html#category
 * @param description Descriptions of the cost lines (a cell or a column).
 * @param supplier Optional: suppliers, same shape as description.
 * @param account Optional: general ledger accounts, same shape as description.
 * @returns {string[][]} A category code per line, e.g. "SW.KA"; "" for a blank line (also a single empty cell), "XX.OO" when unknown.
 */
export function CATEGORY(
  description: unknown[][],
  supplier?: unknown[][],
  account?: unknown[][],
): unknown[][] {
  // One rule for a blank line, alone or in a column: an empty cell in gives "" out. Excel may pass a
  // single empty cell as null rather than [[null]]; it is the same blank line.
  const d = readMatrix(description ?? [[null]], ARG.description);
  if (isErr(d)) return [[toExcelError(d)]];
  const s = supplier == null ? undefined : readMatrix(supplier, ARG.supplier);
  if (isErr(s)) return [[toExcelError(s)]];
  const a = account == null ? undefined : readMatrix(account, ARG.account);
  if (isErr(a)) return [[toExcelError(a)]];
  const codes = categoryColumn(d, s, a);
  return isErr(codes) ? [[toExcelError(codes)]] : codes;
}

/**
 * The name of a TCO category, in Dutch or English.
 * @customfunction CATEGORYNAME
 * @helpurl https://localhost:3000/docs/functions.html#categoryname
 * @param code Category code, e.g. "IN.WP" (a label in either language works too).
 * @param language Optional: "nl" (default) or "en".
 * @returns The category's name, e.g. "Werkplek" or "Workplace".
 */
export function CATEGORYNAME(code: string, language?: string): string | CustomFunctions.Error {
  const lang = readLanguage(language);
  if (isErr(lang)) return toExcelError(lang);
  const text = readText(code, ARG.code);
  if (isErr(text)) return toExcelError(text);
  const cat = parseCategory(text);
  if (!cat) return toExcelError(unknownCategory(text));
  return categoryLabel(cat, lang);
}

/**
 * The component of a category code, or of a cost line's description (categorised first): Software, Personeel or Infrastructuur.
 * @customfunction COMPONENT
 * @helpurl https://localhost:3000/docs/functions.html#component
 * @param code_or_description A category code (e.g. "PE.FB") or label, or the description of a cost line.
 * @param language Optional: "nl" (default: Software, Personeel, Infrastructuur) or "en" (Software, Personnel, Infrastructure).
 * @returns The component's name.
 */
export function COMPONENT(code_or_description: string, language?: string): string | CustomFunctions.Error {
  const lang = readLanguage(language);
  if (isErr(lang)) return toExcelError(lang);
  const text = readText(code_or_description, ARG.description);
  if (isErr(text)) return toExcelError(text);
  const cat = parseCategory(text);
  const component = cat ? componentOf(cat) : (parseComponent(text) ?? classify(text, "", "").component);
  if (!component) {
    return toExcelError(
      fail(
        "na",
        `"${text}" hoort niet bij een ICT-component (geen ICT of onbekend).`,
        `"${text}" belongs to no ICT component (not ICT or unclassified).`,
      ),
    );
  }
  return COMPONENT_LABELS[component][lang];
}

/**
 * Whether software is delivered as SaaS or on-premise, from the cost line's description and supplier.
 * @customfunction SAAS
 * @helpurl https://localhost:3000/docs/functions.html#saas
 * @param description Description of the cost line.
 * @param supplier Optional: supplier of the cost line.
 * @returns "SaaS" or "on-premise"; #N/A when unknown or not software.
 */
export function SAAS(description: string, supplier?: string): string | CustomFunctions.Error {
  const text = readText(description, ARG.description);
  if (isErr(text)) return toExcelError(text);
  const sup = readOptionalText(supplier, ARG.supplier);
  if (isErr(sup)) return toExcelError(sup);
  const delivery = classify(text, sup ?? "", "").delivery;
  if (delivery === "saas") return "SaaS";
  if (delivery === "on-premise") return "on-premise";
  return toExcelError(
    fail(
      "na",
      `Niet bekend of "${text}" SaaS of on-premise is (of het is geen software).`,
      `Unknown whether "${text}" is SaaS or on-premise (or it is not software).`,
    ),
  );
}

/**
 * Hired personnel cost as a share of all ICT personnel cost.
 * @customfunction HIREDSHARE
 * @helpurl https://localhost:3000/docs/functions.html#hiredshare
 * @param hired_cost Cost of hired ICT staff (inhuur), in euros.
 * @param total_personnel_cost All ICT personnel cost, own and hired, in euros.
 * @returns The hired share as a fraction (0.31 = 31%).
 */
export function HIREDSHARE(hired_cost: number, total_personnel_cost: number): number | CustomFunctions.Error {
  const h = readNumber(hired_cost, ARG.hired);
  if (isErr(h)) return toExcelError(h);
  const t = readNumber(total_personnel_cost, ARG.personnel);
  if (isErr(t)) return toExcelError(t);
  return toExcel(hiredShare(h, t));
}

/**
 * Personnel cost per fte.
 * @customfunction COSTPERFTE
 * @helpurl https://localhost:3000/docs/functions.html#costperfte
 * @param cost Personnel cost in euros (own or hired).
 * @param fte Number of fte the cost pays for.
 * @returns Euros per fte.
 */
export function COSTPERFTE(cost: number, fte: number): number | CustomFunctions.Error {
  const c = readNumber(cost, ARG.cost);
  if (isErr(c)) return toExcelError(c);
  const f = readNumber(fte, ARG.fte);
  if (isErr(f)) return toExcelError(f);
  return toExcel(costPerFte(c, f));
}

/**
 * An amount in prices of another year, with the CBS consumer price index (yearly inflation).
 * @customfunction INFLATE
 * @helpurl https://localhost:3000/docs/functions.html#inflate
 * @param amount The amount in prices of from_year.
 * @param from_year The year the amount is in.
 * @param to_year The year whose prices you want.
 * @returns The amount in prices of to_year.
 */
export function INFLATE(amount: number, from_year: number, to_year: number): number | CustomFunctions.Error {
  const a = readNumber(amount, ARG.amount);
  if (isErr(a)) return toExcelError(a);
  const from = readNumber(from_year, ARG.fromYear);
  if (isErr(from)) return toExcelError(from);
  const to = readNumber(to_year, ARG.toYear);
  if (isErr(to)) return toExcelError(to);
  return toExcel(inflate(a, from, to));
}

/**
 * CBS yearly inflation (consumer price index, yearly average change) as a fraction.
 * @customfunction CPI
 * @helpurl https://localhost:3000/docs/functions.html#cpi
 * @param year The year, e.g. 2022.
 * @returns The inflation of that year as a fraction (0.10 = 10%).
 */
export function CPI(year: number): number | CustomFunctions.Error {
  const y = readNumber(year, ARG.year);
  if (isErr(y)) return toExcelError(y);
  return toExcel(cpi(y));
}

/**
 * Expected change of software cost per inhabitant for a change of the SaaS share (the benchmark's SaaS effect: +10 percentage points SaaS, a little over +1 euro per inhabitant).
 * @customfunction SAASEFFECT
 * @helpurl https://localhost:3000/docs/functions.html#saaseffect
 * @param saas_share_change Change of the SaaS share of software cost as a fraction (0.10 = +10 percentage points).
 * @returns Expected change in euros per inhabitant.
 */
export function SAASEFFECT(saas_share_change: number): number | CustomFunctions.Error {
  const change = readNumber(saas_share_change, ARG.saasChange);
  if (isErr(change)) return toExcelError(change);
  return toExcel(saasEffect(change));
}

/**
 * ICT cost as a share of the municipality's total budget.
 * @customfunction BUDGETSHARE
 * @helpurl https://localhost:3000/docs/functions.html#budgetshare
 * @param ict_cost All ICT cost in euros.
 * @param total_budget The municipality's total budget (total expenses) in euros.
 * @returns The share as a fraction (0.028 = 2.8%).
 */
export function BUDGETSHARE(ict_cost: number, total_budget: number): number | CustomFunctions.Error {
  const c = readNumber(ict_cost, ARG.ictCost);
  if (isErr(c)) return toExcelError(c);
  const b = readNumber(total_budget, ARG.budget);
  if (isErr(b)) return toExcelError(b);
  return toExcel(budgetShare(c, b));
}

/**
 * Next years' ICT budget: indexed with CBS inflation (after CBS's last year: that year's inflation) plus the benchmark's real growth of ICT cost (0.64% a year: +10.7% cost against 10.0% inflation in 2022).
 * @customfunction INDEXBUDGET
 * @helpurl https://localhost:3000/docs/functions.html#indexbudget
 * @param budget The ICT budget of from_year, in euros.
 * @param from_year The year of the budget, e.g. 2024.
 * @param to_year The year to index to (from_year or later), e.g. 2028.
 * @param real_growth Optional: real growth per year above inflation as a fraction (0.01 = 1%); 0 for inflation only; default the benchmark's.
 * @returns The budget in to_year, in euros.
 */
export function INDEXBUDGET(
  budget: number,
  from_year: number,
  to_year: number,
  real_growth?: number,
): number | CustomFunctions.Error {
  const b = readNumber(budget, ARG.ictBudget);
  if (isErr(b)) return toExcelError(b);
  const from = readNumber(from_year, ARG.fromYear);
  if (isErr(from)) return toExcelError(from);
  const to = readNumber(to_year, ARG.toYear);
  if (isErr(to)) return toExcelError(to);
  const growth = readOptionalNumber(real_growth, ARG.realGrowth);
  if (isErr(growth)) return toExcelError(growth);
  const r = indexBudget(b, from, to, growth);
  return isErr(r) ? toExcelError(r) : toExcel(r.amount);
}
