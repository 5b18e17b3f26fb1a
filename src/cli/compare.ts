/**
 * `ictcost compare`: the pipeline's steps over a file — findInputs, categorise, layoutReport, the same
 * calls the add-in makes — then print the KPIs (table or JSON) and, with -o, write a copy of the workbook
 * with the report's sheets rendered from the same layouts. The input file is never written.
 */
import { existsSync } from "fs";
import { SheetLayout } from "../model/layout";
import {
  categorisationSheet,
  liveLedgerCells,
  categorise,
  Categorised,
  Inputs,
  layoutReport,
  OutputRole,
  Report,
  cbsNoteLines,
  prepareInputs,
  CbsOutcome,
  InputError,
  withHint,
} from "../model/pipeline";
import { OUTPUT_SHEETS } from "../model/layout";
import { pickSheetName } from "../model/sheetNames";
import { formatNumber } from "../model/format";
import { KeyFigures } from "../model/types";
import { KpiId } from "../model/benchmark";
import { explainKpi } from "../model/explain/drilldown";
import { explainJson, explainText } from "./explainOutput";
import { userError } from "./errors";
import { AnalysisOutput, both, compareJson, compareTable } from "./compareOutput";
import {
  cliError,
  csvSheetName,
  findFileInputs,
  guessedColumnsHint,
  InputWorkbook,
  keepingSnapshots,
  readInputFile,
} from "./input";
import { learnFrom, LearnJson, learnJson } from "./learn";
import { checkOutputExtension, copySourceOf, PROGRESS_LINES, samePath, writeCopy } from "./compareCopy";

interface CompareCommandOptions {
  file: string;
  out?: string;
  sheet?: string;
  /** `--map field=Header,…`: which column is which where the headers do not say. */
  map?: string;
  year?: number;
  inhabitants?: number;
  budget?: number;
  /** The municipality for CBS's figures (--gemeente); else the key figures' Gemeente. */
  gemeente?: string;
  edition?: string;
  json?: boolean;
  /** `--explain KPI`: print that KPI's drill-down instead of the KPI table. */
  explain?: KpiId;
  /** `--snapshot`: lay out ICT-controle too (written with -o) and print its fingerprint. */
  snapshot?: boolean;
  /**
   * `--learn`: every Handmatig code of the workbook's ICT-categorisatie sheet becomes a rule for the
   * lines with the same supplier and account; with -o the rules go on the copy's Regels sheet (and
   * count in the copy's sheets), without -o they are only printed.
   */
  learn?: boolean;
  /** Live progress for big files (the binary writes it to stderr). */
  progress?: (text: string) => void;
}

/** Everything one comparison run read and computed. */
export interface Analysis extends AnalysisOutput {
  book: InputWorkbook;
  /** What CBS contributed (filled figures, differences, notes). */
  cbs: CbsOutcome;
  inputs: Inputs;
  categorised: Categorised;
  report: Report;
  /** The report's sheets, in the order they are written: categorisation, comparison, trend. */
  layouts: SheetLayout[];
  /**
   * The copy's starting workbook when the input's cells were let go early (see releaseCells): the
   * input's bytes, or for a CSV file the new workbook holding its grid.
   */
  copySource?: Uint8Array;
}

/**
 * Names for the report's sheets: the add-in's rule (pickSheetName). The sheets an earlier `compare -o`
 * wrote carry a mark in their XML and are replaced; every other sheet stays as it is — a sheet the user
 * named "ICT-vergelijking" is theirs — so a name in use gets "(2)".
 */
function sheetNamePicker(book: InputWorkbook): (role: OutputRole) => string {
  // The sheets that stay in the copy: every user sheet; an earlier run's own (marked) sheets are replaced.
  const userNames = book.bytes
    ? book.sheets.filter((s) => !book.markedOwn?.has(s.name)).map((s) => s.name)
    : book.sheets.map((s) => csvSheetName(s.name, []));
  const taken = [...userNames];
  return (role) => {
    const name = pickSheetName(OUTPUT_SHEETS[role].name.nl, taken);
    taken.push(name);
    return name;
  };
}

/**
 * The flags as key figures typed for the comparison year (the --year, else the year the pipeline
 * settles on): they fill or override what the workbook holds, as figures typed in the pane do.
 */
function flagFigures(options: CompareCommandOptions, year: number): KeyFigures[] {
  if (options.inhabitants === undefined && options.budget === undefined) return [];
  return [
    {
      year,
      ...(options.inhabitants !== undefined ? { inhabitants: options.inhabitants } : {}),
      ...(options.budget !== undefined ? { budget: options.budget } : {}),
    },
  ];
}

/** A refusal for want of inhabitants says why CBS could not give them (e.g. 'Bergen' is two municipalities). */
function withCbsNotes(e: unknown, cbs: CbsOutcome): unknown {
  if (!(e instanceof InputError) || e.code !== "noInhabitants" || cbs.notes.length === 0) return e;
  const notes = { nl: cbs.notes.map((n) => n.nl).join(" "), en: cbs.notes.map((n) => n.en).join(" ") };
  return new InputError(e.code, withHint(e.userMessage, notes), e.detection, e.issues);
}

export async function analyse(options: CompareCommandOptions): Promise<Analysis> {
  return analyseBook(await readInputFile(options.file), options);
}

/**
 * Once the lines are read, only the copy needs the input's cells, and it needs them as the workbook it
 * starts from: made now (for a CSV file: its new workbook), the grids are let go before the ledger is
 * categorised and laid out — a million-line file's cells are ~200 MB, the run's peak otherwise. The key
 * figures' sheets are kept (the comparison links to their cells; the ledger's own sheet is searched for them
 * in a copy of the rows above the ledger). Not with --learn, which reads the workbook again to write the
 * rules into it.
 */
function releaseCells(
  book: InputWorkbook,
  inputs: Inputs,
  options: CompareCommandOptions,
): Uint8Array | undefined {
  if (options.out === undefined || options.learn) return undefined;
  const source = copySourceOf(book);
  // The key figures' sheets stay: the comparison links its cells to them.
  const keep = new Set<unknown>(inputs.perSheet.map((p) => p.grid));
  for (const s of book.sheets) if (!keep.has(s.grid)) s.grid.length = 0;
  return source;
}

/** The pipeline over a workbook already read (also one with learnt rules written into it). */
function analyseBook(read: InputWorkbook, options: CompareCommandOptions): Analysis {
  // An earlier snapshot is a record an auditor may rely on: a rebuild keeps it; --snapshot makes a new one.
  const book = options.snapshot ? read : keepingSnapshots(read);
  const progress = options.progress ?? (() => undefined);
  const found = findFileInputs(book, options.sheet, options.map);
  const big = found.read.lines.length >= PROGRESS_LINES;
  if (big) {
    progress(
      `regels lezen… ${formatNumber(found.read.lines.length, "nl")} / reading lines… ${formatNumber(found.read.lines.length, "en")}`,
    );
  }
  // The flags are figures typed for the comparison year; CBS fills what is still empty (never overwrites);
  // a --gemeente CBS cannot place is asked back, never guessed.
  const { inputs, cbs, year } = prepareInputs(found, {
    ...(options.year !== undefined ? { year: options.year } : {}),
    typed: (y) => flagFigures(options, y),
    ...(options.gemeente !== undefined ? { gemeente: options.gemeente } : {}),
  });
  if (cbs.asked?.from === "option" && cbs.lookup && cbs.lookup.kind !== "match")
    throw userError(cbs.lookup.message.nl, cbs.lookup.message.en);
  // The live amount formulas are decided on the input's cells, so before they are let go.
  const ledgerCells = liveLedgerCells(inputs);
  const copySource = releaseCells(book, inputs, options);
  if (big) progress("categoriseren… / categorising…");
  const categorised = categorise(inputs);
  const pickName = sheetNamePicker(book);
  const categorisationName = pickName("categorisation");
  let report: Report;
  try {
    report = layoutReport(inputs, categorised, {
      language: "nl",
      ...(options.edition ? { editionId: options.edition } : {}),
      year,
      categorisationName,
      pickName,
      comparison: true,
      trend: "optional",
      sources: cbsNoteLines(cbs),
      cbs,
      ...(options.snapshot ? { snapshot: true } : {}),
    });
  } catch (e) {
    throw cliError(withCbsNotes(e, cbs), book);
  }
  const layouts = [
    categorisationSheet(categorised, inputs, year, categorisationName, "nl", ledgerCells),
    ...[report.compared, report.trend, report.explained, report.audit, report.iv3]
      .filter((s) => s !== undefined)
      .map((s) => s.layout),
  ];
  return {
    book,
    inputs,
    categorised,
    report,
    layouts,
    cbs,
    overhead: report.overhead,
    context: report.context,
    ...(report.iv3 ? { iv3: report.iv3 } : {}),
    lines: categorised.counted,
    comparison: report.comparison,
    readIssues: inputs.issues,
    reconciliations: inputs.reconciliations,
    linesSkipped: inputs.read.issues.length,
    ...(copySource ? { copySource } : {}),
  };
}

export async function compareCommand(options: CompareCommandOptions) {
  const progress = options.progress ?? (() => undefined);
  if (options.out !== undefined && existsSync(options.file) && samePath(options.file, options.out)) {
    throw userError(
      `-o is het invoerbestand zelf: kies een ander uitvoerbestand (${options.out}); de invoer wordt nooit overschreven`,
      `-o is the input file itself: choose another output file (${options.out}); the input is never overwritten`,
    );
  }
  if (options.out !== undefined && !/\.xls[xm]$/i.test(options.out)) {
    throw userError(
      `-o verwacht een .xlsx-bestand (of .xlsm bij een werkmap met macro's): ${options.out}`,
      `-o needs an .xlsx file (or .xlsm for a workbook with macros): ${options.out}`,
    );
  }
  let analysis = await analyse(options);
  if (options.out !== undefined) checkOutputExtension(analysis.book, options.out);
  let learnt = "";
  let learnOut: LearnJson[] | undefined;
  if (options.learn) {
    const learning = await learnFrom(analysis, options.out !== undefined);
    learnt = learning.text;
    learnOut = learnJson(learning.offers, learning.book !== undefined);
    // The copy is made from the workbook with the rules on its Regels sheet, through the same pipeline:
    // the rules then count as any rule the controller typed, now and in every rebuild.
    if (learning.book) analysis = analyseBook(learning.book, options);
  }
  let written = "";
  if (options.out !== undefined) {
    const sheets = await writeCopy(analysis, options.out, progress);
    written =
      `Geschreven: ${options.out} (bladen ${sheets.join(", ")}, met grafieken)\n` +
      `Written: ${options.out} (sheets ${sheets.join(", ")}, with charts)\n`;
  }
  const issues = options.json
    ? ""
    : [
        ...analysis.readIssues.map(
          (i) => `${[i.sheet, `rij ${i.row}`].filter(Boolean).join(", ")}: ${both(i.message)}`,
        ),
        ...analysis.comparison.issues.map(both),
        ...(analysis.cbs?.notes ?? []).map(both),
        ...(analysis.overhead?.notes ?? []).map(both),
        // A column the reader had to guess: the flag that settles it, to reuse.
        ...[guessedColumnsHint(analysis.inputs)].filter((h) => h !== undefined).map(both),
      ]
        .map((line) => line + "\n")
        .join("");
  return { exitCode: 0, stdout: stdoutOf(analysis, options, learnOut), stderr: issues + learnt + written };
}

/**
 * The KPI table (or one KPI's drill-down), as text or JSON; with --snapshot, the fingerprint too; with
 * --learn, the JSON also lists the offers (the text has them on stderr).
 */
function stdoutOf(a: Analysis, options: CompareCommandOptions, learn?: LearnJson[]): string {
  const audit = a.report.audit;
  if (options.explain) {
    const e = explainKpi(options.explain, a.categorised.counted, a.comparison);
    return options.json ? JSON.stringify(explainJson(e), null, 2) + "\n" : explainText(e);
  }
  if (options.json) {
    const json = compareJson(a);
    const out = {
      ...json,
      ...(audit ? { snapshot: { sheet: audit.name, fingerprint: audit.fingerprint } } : {}),
      ...(learn ? { learn } : {}),
    };
    return JSON.stringify(out, null, 2) + "\n";
  }
  const print = audit
    ? `\nVingerafdruk / fingerprint (${audit.name}${options.out ? "" : ", schrijf het blad met -o / write the sheet with -o"}): ${audit.fingerprint}\n`
    : "";
  return compareTable(a) + print;
}
