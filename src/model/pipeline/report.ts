/**
 * Steps 2–4 of the pipeline: categorise the ledger (by the rules, then with the manual codes), compare
 * one year with the benchmark, and lay out the report sheets — categorisation, comparison and (with two
 * or more years) trend — as plain layouts each face renders. Formulas on the comparison and trend refer
 * to the categorisation sheet and to the user's key-figure cells, so a corrected figure updates them.
 */
import { lineKeys } from "../lineKey";
import { classifyLedger, compileCategoriser } from "../categorise";
import { getEdition } from "../benchmark";
import { ContextFigures, contextFigures } from "../context/figures";
import { CONTEXT_FIELDS, ContextField } from "../context/fields";
import { compare, Comparison } from "../comparison";
import { keyFiguresForYear } from "../keyFigures";
import {
  cell,
  CategorisationRefs,
  categorisationLayout,
  LedgerCells,
  sheetRef,
  categorisationRefs,
  comparisonLayout,
  OutputRole,
  hasIv3,
  Iv3Figures,
  SheetLayout,
  trendLayout,
} from "../layout";
import { Bilingual, CategorisedLine, Language } from "../types";
import { detection, Inputs } from "./findInputs";
import { b, InputError } from "./inputError";
import { FigureRef, keyFigureRef, NumericKeyFigure } from "./keyFigureSources";
import { reconciliationNote, withReportNotes } from "./notes";
import { auditSheet, explanationSheet, iv3Sheet, withOverheadSection } from "./reportSheets";
import { OverheadContext } from "../cbs/overhead";
import { cbsOverhead, CbsOutcome } from "./cbs";

export type { OutputRole } from "../layout";

/** The ledger by the rules (the categorisation's Categorie column) and with the manual codes (what counts). */
export interface Categorised {
  ruled: CategorisedLine[];
  counted: CategorisedLine[];
  /** lineKeys of the lines, when there are manual categories (the learning step uses them too). */
  keys?: string[];
}

/** Classifies the ledger once by the rules and, only when there are manual categories, once with them. */
export function categorise(inputs: Inputs): Categorised {
  const categoriser = compileCategoriser(inputs.rules);
  const ruled = classifyLedger(inputs.read.lines, { categoriser });
  if (inputs.manual.size === 0) return { ruled, counted: ruled };
  const keys = lineKeys(inputs.read.lines);
  const counted = classifyLedger(inputs.read.lines, { categoriser, manual: inputs.manual, keys });
  return { ruled, counted, keys };
}

export interface ReportOptions {
  language: Language;
  /** A benchmark edition id; default the built-in latest. */
  editionId?: string;
}

/** The counted lines against the benchmark for `year`. */
export function compareYear(
  counted: readonly CategorisedLine[],
  inputs: Inputs,
  year: number,
  options: ReportOptions,
): Comparison {
  return compare(counted, inputs.figures, {
    year,
    language: options.language,
    ...(options.editionId ? { editionId: options.editionId } : {}),
  });
}

/**
 * The categorisation sheet: every line, the rules' category, the manual codes kept. `cells`: the lines'
 * ledger cells, when decided earlier (liveLedgerCells) because the input's cells are gone by now.
 */
export function categorisationSheet(
  categorised: Categorised,
  inputs: Inputs,
  year: number,
  sheetName: string,
  language: Language,
  cells: LiveLedgerCells = liveLedgerCells(inputs),
): SheetLayout {
  return categorisationLayout(categorised.ruled, {
    language,
    sheetName,
    manual: inputs.manual,
    undatedYear: year,
    ledgerCells: cells,
  });
}

/** Per ledger line (in the order of inputs.read.lines), the cells a live amount formula follows, or null. */
export type LiveLedgerCells = (index: number) => LedgerCells | null;

/**
 * Per ledger line (in the order of inputs.read.lines), its amount and description cells in the user's
 * sheet, where a formula can follow them: the amount one number cell (Bedrag) or Debet − Credit of
 * number-or-empty cells, equal to what was read (text such as "1.234,56" would not sum, a negated
 * column would not match), and the description the text the line shows (so the guard compares like
 * with like). Null for any other line: its amount is written as a value.
 */
export function liveLedgerCells(inputs: Inputs): LiveLedgerCells {
  // Decided now, while the input's cells are there; the references are made when a row is written, so a
  // million lines hold a byte each here, not two reference strings.
  const live: number[] = []; // per line: 0 none, 1 amount, 2 debit − credit
  const sources = inputs.sources.map(({ place, read }) => {
    const m = read.mapping;
    const dataTop = place.firstRow + 1; // the spreadsheet row of grid[0]
    const numberOrEmpty = (v: unknown) => typeof v === "number" || v === "" || v === null || v === undefined;
    const start = live.length;
    for (const line of read.lines) {
      const cells = place.grid[line.row - dataTop];
      const d = m.description === undefined ? undefined : cells?.[m.description];
      let kind = 0;
      if (typeof d === "string" && d === line.description) {
        if (read.amountFrom === "amount" && m.amount !== undefined) {
          const a = cells?.[m.amount];
          if (typeof a === "number" && a === line.amount) kind = 1;
        } else if (read.amountFrom === "debitCredit" && m.debit !== undefined && m.credit !== undefined) {
          const [dr, cr] = [cells?.[m.debit], cells?.[m.credit]];
          if (
            numberOrEmpty(dr) &&
            numberOrEmpty(cr) &&
            Math.abs(((dr as number) || 0) - ((cr as number) || 0) - line.amount) <= 0.005
          )
            kind = 2;
        }
      }
      live.push(kind);
    }
    return { start, sheet: place.sheet.name, firstColumn: place.firstColumn, mapping: m, lines: read.lines };
  });
  const kinds = Uint8Array.from(live);
  return (index) => {
    const kind = kinds[index];
    if (!kind) return null;
    let s = sources.length - 1;
    while (sources[s].start > index) s--;
    const { sheet, firstColumn, mapping: m, lines, start } = sources[s];
    const row = lines[index - start].row;
    const ref = (col: number) => sheetRef(sheet, cell(firstColumn + col + 1, row));
    const description = ref(m.description!);
    return kind === 1
      ? { amount: ref(m.amount!), description }
      : { amount: `${ref(m.debit!)}-${ref(m.credit!)}`, description };
  };
}

export interface OutputSheet {
  name: string;
  layout: SheetLayout;
}

export interface TrendSheet extends OutputSheet {
  /** Said after the summary: the years drawn without a cost per inhabitant. */
  note?: Bilingual;
}

/** What the comparison and trend steps produce. */
export interface Report {
  year: number;
  comparison: Comparison;
  catRefs: CategorisationRefs;
  compared?: OutputSheet;
  trend?: TrendSheet;
  /** The municipality's overhead among all municipalities (CBS), when CBS knows it. */
  overhead?: OverheadContext;
  /** ICT-toelichting: written with every comparison, named after the trend. */
  explained?: OutputSheet;
  /** ICT-controle, when the plan asks for a snapshot: its fingerprint too. */
  audit?: OutputSheet & { fingerprint: string };
  /** What the report gives beside the KPIs: size class, project time, per employee, the estimate. */
  context: ContextFigures;
  /** The Iv3 tie-out: with the comparison, when the ledger has a taakveld or Iv3 categorie column; with its figures. */
  iv3?: OutputSheet & { figures: Iv3Figures };
}

export interface ReportPlan extends ReportOptions {
  year: number;
  /** The categorisation sheet the others refer to (its name is settled first). */
  categorisationName: string;
  /** Picks the name of a new output sheet; called for the comparison, then the trend. */
  pickName: (role: OutputRole) => string;
  comparison: boolean;
  /** "required": fewer than two years is an error (the Trend button); "optional": left out. */
  trend?: "required" | "optional";
  /** Where key figures came from outside the workbook (CBS), written under the comparison. */
  sources?: Bilingual[];
  /** What CBS contributed: the comparison sheet places the municipality's overhead among all (or says why not). */
  cbs?: CbsOutcome;
  /** Also lay out the audit snapshot (ICT-controle), named last. */
  snapshot?: boolean;
}

/** Compares and lays out the comparison and trend sheets the plan asks for. */
export function layoutReport(inputs: Inputs, categorised: Categorised, plan: ReportPlan): Report {
  const catRefs = categorisationRefs(plan.categorisationName, plan.language);
  const comparison = compareYear(categorised.counted, inputs, plan.year, plan);
  const context = contextFigures(
    comparison,
    keyFiguresForYear(inputs.figures, plan.year),
    getEdition(comparison.edition) ?? getEdition(),
    plan.cbs?.figures?.sizeClass,
  );
  const sheet = plan.comparison
    ? comparisonSheet(inputs, comparison, plan.year, catRefs, plan, context)
    : undefined;
  // Never a KPI without the reconciliation: the comparison sheet carries it, with the figures' sources.
  const compared = sheet && {
    ...sheet,
    layout: withReportNotes(
      sheet.layout,
      reconciliationNote(inputs.reconciliations),
      plan.sources ?? [],
      plan.language,
    ),
  };
  const overhead = plan.cbs ? cbsOverhead(plan.cbs, comparison) : undefined;
  const withOverhead =
    compared && plan.cbs ? withOverheadSection(compared, plan.cbs, overhead, plan) : compared;
  const trend = plan.trend ? trendSheet(inputs, comparison, plan.year, catRefs, plan) : undefined;
  const explained = compared && explanationSheet(categorised, comparison, compared.name, plan);
  const audit = plan.snapshot ? auditSheet(inputs, categorised, comparison, plan) : undefined;
  const iv3 =
    compared && hasIv3(categorised.counted)
      ? iv3Sheet(categorised, comparison, catRefs, plan, overhead)
      : undefined;
  return {
    year: plan.year,
    comparison,
    catRefs,
    compared: withOverhead,
    trend,
    ...(overhead ? { overhead } : {}),
    ...(explained ? { explained } : {}),
    ...(audit ? { audit } : {}),
    ...(iv3 ? { iv3 } : {}),
    context,
  };
}

/** Per year whose inhabitants CBS gave (the comparison year and the trend's), "CBS 2023 (source)". */
function cbsInhabitantSources(cbs: CbsOutcome, year: number): Record<number, string> {
  const out: Record<number, string> = {};
  const mark = (f: { year: number; source: string }) => `CBS ${f.year} (${f.source})`;
  if (cbs.used.inhabitants) out[year] = mark(cbs.used.inhabitants);
  for (const [y, f] of Object.entries(cbs.used.inhabitantsByYear ?? {})) out[Number(y)] = mark(f);
  return out;
}

/** The user's cell for a key figure of `year`, or its value when typed (see keyFigureRef). */
function figureRef(inputs: Inputs, field: NumericKeyFigure, year: number): FigureRef {
  return keyFigureRef(inputs.perSheet, inputs.typed, keyFiguresForYear(inputs.figures, year), field, year);
}

/** Without inhabitants there is no cost per inhabitant. */
function missingInhabitants(inputs: Inputs, years: number[]): never {
  throw new InputError(
    "noInhabitants",
    b(
      `Het aantal inwoners voor ${years.join(", ")} is niet gevonden.`,
      `The number of inhabitants for ${years.join(", ")} was not found.`,
    ),
    detection(
      inputs.places,
      inputs.places.indexOf(inputs.ledger),
      inputs.figures,
      ["inhabitants"],
      inputs.years,
    ),
    inputs.issues,
  );
}

/** `{ key: value }`, or nothing when there is no value: the layout leaves out what is not known. */
function optional<K extends string>(
  key: K,
  value: string | number | undefined,
): Partial<Record<K, string | number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string | number>);
}

/** The comparison sheet for `year`; refused when the inhabitants of that year are not known. */
function comparisonSheet(
  inputs: Inputs,
  comparison: Comparison,
  year: number,
  catRefs: CategorisationRefs,
  plan: ReportPlan,
  context: ContextFigures,
): OutputSheet {
  const inhabitants = figureRef(inputs, "inhabitants", year);
  if (inhabitants === undefined) missingInhabitants(inputs, [year]);
  const name = plan.pickName("comparison");
  const kf = keyFiguresForYear(inputs.figures, year);
  const refs = {
    categorisation: catRefs,
    inhabitants,
    ...optional("budget", figureRef(inputs, "budget", year)),
    ...optional("fteOwn", figureRef(inputs, "fteOwn", year)),
    ...optional("fteHired", figureRef(inputs, "fteHired", year)),
  };
  const contextRefs: Partial<Record<ContextField, string | number>> = {};
  for (const field of CONTEXT_FIELDS) {
    const ref = figureRef(inputs, field, year);
    if (ref !== undefined) contextRefs[field] = ref;
  }
  const sizeClass = plan.cbs?.figures?.sizeClass;
  const layout = comparisonLayout(comparison, refs, {
    language: plan.language,
    sheetName: name,
    ...(kf ? { keyFigures: kf } : {}),
    context: { refs: contextRefs, figures: context, ...(sizeClass ? { cbsSizeClass: sizeClass } : {}) },
  });
  return { name, layout };
}

/**
 * The trend sheet over the comparison's years. With one year there is no trend: "required" says so,
 * "optional" leaves the sheet out. Years without inhabitants are drawn without a cost per inhabitant,
 * and the user is told which; with none at all the trend is refused.
 */
function trendSheet(
  inputs: Inputs,
  comparison: Comparison,
  year: number,
  catRefs: CategorisationRefs,
  plan: ReportPlan,
): TrendSheet | undefined {
  const series = comparison.series;
  if (series.length < 2) {
    if (plan.trend !== "required") return undefined;
    throw new InputError(
      "oneYear",
      b(
        `Het grootboek bevat alleen ${series[0]?.year ?? year}. Voor een trend zijn kostenregels van minstens twee boekjaren nodig (kolom Boekjaar).`,
        `The ledger holds only ${series[0]?.year ?? year}. A trend needs cost lines of at least two book years (Year column).`,
      ),
    );
  }
  const inhabitants: Record<number, string | number> = {};
  for (const p of series) {
    const r = figureRef(inputs, "inhabitants", p.year);
    if (r !== undefined) inhabitants[p.year] = r;
  }
  if (Object.keys(inhabitants).length === 0)
    missingInhabitants(
      inputs,
      series.map((p) => p.year),
    );
  const missing = series.filter((p) => inhabitants[p.year] === undefined).map((p) => p.year);
  const note =
    missing.length > 0
      ? b(
          ` Inwoners ontbreken voor ${missing.join(", ")}: die jaren staan zonder bedrag per inwoner in de trend.`,
          ` Inhabitants are missing for ${missing.join(", ")}: those years show no cost per inhabitant in the trend.`,
        )
      : undefined;
  const name = plan.pickName("trend");
  const layout = trendLayout(series, {
    language: plan.language,
    sheetName: name,
    refs: { categorisation: catRefs, inhabitants },
    figures: inputs.figures,
    ...(plan.cbs ? { inhabitantSources: cbsInhabitantSources(plan.cbs, year) } : {}),
  });
  return note ? { name, layout, note } : { name, layout };
}
