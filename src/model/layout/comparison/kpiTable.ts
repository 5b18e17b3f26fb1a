/**
 * The KPI table of the ICT-vergelijking sheet: one row per KPI of the contract — own value (a live
 * formula over the input and cost cells), benchmark, difference, difference %, a live signal word,
 * the engine's verdict and source — and the red/green colouring of the difference %.
 */
import { KPI_IDS, KpiId } from "../../benchmark";
import { KpiComparison } from "../../comparison";
import { Language } from "../../types";
import { cell, formulaText, range } from "../a1";
import { Block, ConditionalFormatSpec, LayoutCell } from "../types";
import { B, ComparisonSheet, f, KPI_FIRST, num, ROW, SIGNAL_THRESHOLD } from "./rows";
import { T, UNITS } from "./words";

/** The last row of the KPI table. */
export const KPI_LAST = KPI_FIRST + KPI_IDS.length - 1;

/** The sheet row of a KPI in the table. */
export function kpiRow(id: KpiId): number {
  return KPI_FIRST + KPI_IDS.findIndex((def) => def.id === id);
}

function signalWord(pct: number | null, language: Language): string {
  if (pct === null) return "";
  if (pct >= SIGNAL_THRESHOLD) return T.above[language];
  if (pct <= -SIGNAL_THRESHOLD) return T.below[language];
  return T.similar[language];
}

/** Own-value formula of each KPI, over the input and cost cells of this sheet. */
function ownFormula(id: KpiId): string {
  const inh = B(ROW.inhabitants);
  const perInhabitant = (row: number) => `=IFERROR(IF(${inh}>0,${B(row)}/${inh},""),"")`;
  const ratio = (a: number, b: number) => `=IFERROR(${B(a)}/${B(b)},"")`;
  const perFte = (cost: number, fte: number) => `=IFERROR(IF(${B(fte)}>0,${B(cost)}/${B(fte)},""),"")`;
  switch (id) {
    case "total_per_inhabitant":
      return perInhabitant(ROW.total);
    case "software_per_inhabitant":
      return perInhabitant(ROW.software);
    case "personnel_per_inhabitant":
      return perInhabitant(ROW.personnel);
    case "infrastructure_per_inhabitant":
      return perInhabitant(ROW.infrastructure);
    case "office_automation_per_inhabitant":
      return perInhabitant(ROW.officeAutomation);
    case "hired_per_inhabitant":
      return perInhabitant(ROW.hired);
    case "fte_per_100k": {
      const fte = `(${B(ROW.fteOwn)}+${B(ROW.fteHired)})`;
      return `=IFERROR(IF(${inh}>0,IF(${fte}<>0,${fte}*100000/${inh},""),""),"")`;
    }
    case "hired_share":
      return ratio(ROW.hired, ROW.personnel);
    case "cost_per_fte_own":
      return perFte(ROW.own, ROW.fteOwn);
    case "cost_per_fte_hired":
      return perFte(ROW.hired, ROW.fteHired);
    case "saas_share":
      return ratio(ROW.saas, ROW.software);
    case "ict_budget_share":
      return `=IFERROR(IF(${B(ROW.budget)}>0,${B(ROW.total)}/${B(ROW.budget)},""),"")`;
  }
}

/** The live signal: above/below the benchmark at ±10 %, else similar; empty without a difference. */
function signalFormula(pct: string, language: Language): string {
  const word = (key: "above" | "below" | "similar") => formulaText(T[key][language]);
  return (
    `=IF(${pct}="","",IF(${pct}>=${SIGNAL_THRESHOLD},${word("above")},` +
    `IF(${pct}<=-${SIGNAL_THRESHOLD},${word("below")},${word("similar")})))`
  );
}

function kpiCells(
  def: (typeof KPI_IDS)[number],
  k: KpiComparison | undefined,
  language: Language,
): LayoutCell[] {
  const row = kpiRow(def.id);
  const [own, bench, diff, pct] = [cell(3, row), cell(4, row), cell(5, row), cell(6, row)];
  const pctValue = k?.differencePct ?? null;
  return [
    def.label[language],
    UNITS[def.unit].label[language],
    f(ownFormula(def.id), num(k?.own)),
    num(k?.benchmark),
    f(`=IF(${bench}="","",IFERROR(${own}-${bench},""))`, num(k?.difference)),
    f(`=IFERROR(${diff}/${bench},"")`, num(pctValue)),
    f(signalFormula(pct, language), signalWord(pctValue, language)),
    k ? k.verdict[language] : "",
    k?.source ?? "",
    def.id,
  ];
}

/** The header and one block per KPI row. */
export function kpiBlocks(s: ComparisonSheet): Block[] {
  const { comparison, language } = s;
  const byId = new Map<string, KpiComparison>(comparison.kpis.map((k) => [k.id, k]));
  const rows: Block[] = KPI_IDS.map((def) => {
    const format = UNITS[def.unit].format;
    return {
      at: cell(1, kpiRow(def.id)),
      cells: [kpiCells(def, byId.get(def.id), language)],
      numberFormats: [null, null, format, format, format, "0.0%", null, null, null, null],
      style: "body",
    };
  });
  return [{ at: cell(1, ROW.kpiHeader), cells: [T.kpiHeader[language]], style: "header" }, ...rows];
}

/** Difference % at or over +10 % red, at or under −10 % green. */
export function signalColours(): ConditionalFormatSpec[] {
  return [
    {
      range: range(6, KPI_FIRST, 6, KPI_LAST),
      operator: "between",
      formula1: String(SIGNAL_THRESHOLD),
      formula2: "1E+100",
      fill: "#FFC7CE",
      fontColor: "#9C0006",
    },
    {
      range: range(6, KPI_FIRST, 6, KPI_LAST),
      operator: "between",
      formula1: "-1E+100",
      formula2: String(-SIGNAL_THRESHOLD),
      fill: "#C6EFCE",
      fontColor: "#006100",
    },
  ];
}
