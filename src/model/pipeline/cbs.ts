/**
 * Pipeline step between findInputs and categorise/layoutReport: CBS's figures fill the key figures the
 * user left empty for the comparison year — inhabitants, total budget (lasten excluding reserves) and
 * the municipality's name — and never overwrite one. It records which figures came from CBS (value,
 * year, source) and every user figure that differs from CBS's by more than 2%; notes say what could
 * not be filled and why (a name that is ambiguous or unknown is asked, never guessed).
 *
 * Call it after the typed figures are merged (withTypedFigures redoes the merge and would drop the fill).
 */
import { CbsFigure, cbsKeyFigures, CbsKeyFigures, FigureDifference, figureDifference } from "../cbs/fill";
import { CbsData, getCbsData, IvDocument } from "../cbs/data";
import { findMunicipality, NameResult } from "../cbs/names";
import { overheadContext, OverheadContext } from "../cbs/overhead";
import { Comparison } from "../comparison";
import { OverheadSection } from "../layout/comparison/overhead";
import { keyFiguresForYear } from "../keyFigures";
import { Bilingual, KeyFigures } from "../types";
import { Inputs } from "./findInputs";

export interface CbsOptions {
  /** The municipality as the user named it outside the workbook (--gemeente, the pane's choice); wins. */
  gemeente?: string;
  /** The comparison year. */
  year: number;
  data?: CbsData;
}

/** What CBS contributed to a comparison, for the sheet, the pane and `--json`'s `cbs` object. */
export interface CbsOutcome {
  /** The name looked up and where it came from; absent when there was none. */
  asked?: { name: string; from: "option" | "keyFigures" };
  /** The lookup's answer (a match, or what to ask the user). */
  lookup?: NameResult;
  /** CBS's figures for the municipality and year (whether used or not). */
  figures?: CbsKeyFigures;
  /** The key figures filled from CBS for the comparison year. */
  used: {
    municipality?: string;
    inhabitants?: CbsFigure;
    budget?: CbsFigure & { document: IvDocument };
    /**
     * Inhabitants of the ledger's other years (the trend) that the user left empty, by book year: CBS's
     * year nearest to each (its `year` says which).
     */
    inhabitantsByYear?: Record<number, CbsFigure>;
  };
  /** User figures more than 2% away from CBS's (the user's figure is used). */
  differences: FigureDifference[];
  /** Everything to tell the user, Dutch and English. */
  notes: Bilingual[];
}

function nameFrom(inputs: Inputs, options: CbsOptions): CbsOutcome["asked"] {
  const option = options.gemeente?.trim();
  if (option) return { name: option, from: "option" };
  const own = keyFiguresForYear(inputs.figures, options.year)?.municipality;
  const any = own ?? inputs.figures.find((f) => f.municipality !== undefined)?.municipality;
  return any === undefined ? undefined : { name: any, from: "keyFigures" };
}

/** The inputs with CBS's figures filled in for the comparison year, and what CBS contributed. */
export function withCbsFigures(inputs: Inputs, options: CbsOptions): { inputs: Inputs; cbs: CbsOutcome } {
  const data = options.data ?? getCbsData();
  const outcome: CbsOutcome = { used: {}, differences: [], notes: [] };
  const asked = nameFrom(inputs, options);
  if (!asked) return { inputs, cbs: outcome };
  outcome.asked = asked;
  const lookup = findMunicipality(asked.name, options.year, data);
  outcome.lookup = lookup;
  if (lookup.kind !== "match") {
    // Asked for outright, or needed for a missing figure: say why CBS cannot help. A name in the key
    // figures CBS does not know (a fictitious sample, a shared-service organisation) is no news when
    // the user gave every figure.
    const current = keyFiguresForYear(inputs.figures, options.year);
    const needed = current?.inhabitants === undefined || current?.budget === undefined;
    if (asked.from === "option" || needed) outcome.notes.push(lookup.message);
    return { inputs, cbs: outcome };
  }
  const cbs = cbsKeyFigures(lookup.name, options.year, data);
  if (!cbs) return { inputs, cbs: outcome };
  outcome.figures = cbs;

  const year = options.year;
  const current = keyFiguresForYear(inputs.figures, year);
  // An undated set (a sheet that never states its year) stays undated: it is the comparison year's.
  const filled: KeyFigures = current ? { ...current } : { year };
  const typedName = current?.municipality;
  if (asked.from === "option" && typedName !== undefined) {
    const theirs = findMunicipality(typedName, year, data);
    if (theirs.kind !== "match" || theirs.name !== lookup.name)
      outcome.notes.push({
        nl: `De kerngegevens noemen '${typedName}', gevraagd is ${lookup.name}: de CBS-cijfers zijn die van ${lookup.name}.`,
        en: `The key figures name '${typedName}', ${lookup.name} was asked for: the CBS figures are those of ${lookup.name}.`,
      });
  }
  if (filled.municipality === undefined) {
    filled.municipality = lookup.name;
    outcome.used.municipality = lookup.name;
  }
  if (filled.inhabitants === undefined) {
    filled.inhabitants = cbs.inhabitants.value;
    outcome.used.inhabitants = cbs.inhabitants;
    if (cbs.notes.inhabitants) outcome.notes.push(cbs.notes.inhabitants);
  } else {
    const d = figureDifference("inhabitants", filled.inhabitants, cbs.inhabitants);
    if (d) outcome.differences.push(d);
  }
  if (filled.budget === undefined) {
    if (cbs.budget) {
      filled.budget = cbs.budget.value;
      outcome.used.budget = cbs.budget;
    } else if (cbs.notes.budget) outcome.notes.push(cbs.notes.budget);
  } else if (cbs.budget) {
    const d = figureDifference("budget", filled.budget, cbs.budget);
    if (d) outcome.differences.push(d);
  }
  outcome.notes.push(...outcome.differences.map((d) => d.message));

  let figures = current
    ? inputs.figures.map((f) => (f === current ? filled : f))
    : [...inputs.figures, filled].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  figures = withTrendInhabitants(inputs, figures, filled, lookup.name, year, data, outcome);
  const years = inputs.years.includes(year) ? inputs.years : [...inputs.years, year].sort((a, b) => a - b);
  return { inputs: { ...inputs, figures, years }, cbs: outcome };
}

/**
 * The trend's other years: every ledger year but the comparison year whose inhabitants the user left
 * empty gets CBS's (the nearest year CBS has the municipality in), recorded in outcome.used. A set
 * without a year belongs to the comparison year only while it is the only set: beside dated sets it
 * is dated with the comparison year, so it stays that year's.
 */
function withTrendInhabitants(
  inputs: Inputs,
  figures: KeyFigures[],
  main: KeyFigures,
  name: string,
  year: number,
  data: CbsData,
  outcome: CbsOutcome,
): KeyFigures[] {
  const ledgerYears = new Set<number>();
  for (const l of inputs.read.lines) if (l.year !== null && l.year !== year) ledgerYears.add(l.year);
  const byYear: Record<number, CbsFigure> = {};
  let out = figures;
  for (const y of [...ledgerYears].sort((a, b) => a - b)) {
    const own = out.find((f) => f.year === y);
    if (own?.inhabitants !== undefined) continue;
    const cbs = cbsKeyFigures(name, y, data);
    if (!cbs) continue;
    byYear[y] = cbs.inhabitants;
    const set: KeyFigures = { ...(own ?? { year: y }), inhabitants: cbs.inhabitants.value };
    out = own ? out.map((f) => (f === own ? set : f)) : [...out, set];
  }
  if (Object.keys(byYear).length === 0) return figures;
  outcome.used.inhabitantsByYear = byYear;
  if (main.year === undefined) out = out.map((f) => (f === main ? { ...f, year } : f));
  return out.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
}

/**
 * The overhead context (KPIs ict_overhead_share, overhead_per_inhabitant, overhead_bi5) of the
 * municipality CBS found, with the comparison's ICT cost; undefined without a municipality.
 */
export function cbsOverhead(cbs: CbsOutcome, comparison: Comparison): OverheadContext | undefined {
  if (cbs.lookup?.kind !== "match") return undefined;
  return overheadContext(cbs.lookup.name, comparison.year, comparison.totals.total);
}

/**
 * What the comparison sheet shows under "Overhead in context": the context, or one line saying why
 * there is none (no municipality named, one CBS cannot place, one without Iv3 figures). Never an error:
 * the comparison is complete without it.
 */
export function overheadSection(cbs: CbsOutcome, overhead: OverheadContext | undefined): OverheadSection {
  if (overhead) return { context: overhead };
  const head = { nl: "Overhead in context: niet getoond — ", en: "Overhead in context: not shown — " };
  const lookup = cbs.lookup;
  if (!cbs.asked || !lookup)
    return {
      absent: {
        nl: `${head.nl}geen gemeente bekend. Vul de gemeente in bij de kerngegevens (Gemeente) of kies haar in het taakvenster (CLI: --gemeente) om haar overhead (CBS) met alle gemeenten te vergelijken.`,
        en: `${head.en}no municipality known. Enter the municipality in the key figures (Gemeente) or choose it in the task pane (CLI: --gemeente) to compare its overhead (CBS) with all municipalities.`,
      },
    };
  if (lookup.kind !== "match")
    return { absent: { nl: head.nl + lookup.message.nl, en: head.en + lookup.message.en } };
  return {
    absent: {
      nl: `${head.nl}CBS heeft geen Iv3-cijfers (overhead) van ${lookup.name}.`,
      en: `${head.en}CBS has no Iv3 figures (overhead) of ${lookup.name}.`,
    },
  };
}
