/**
 * `ictcost compare`: read a workbook (ledger + key figures), categorise, compare with the benchmark;
 * print the KPIs (table or JSON) and, with -o, write a copy of the workbook with the add-in's own
 * sheets (ICT-categorisatie, ICT-vergelijking, ICT-trend) rendered from the core's layouts.
 * The core computes; this file reads, calls and renders. The input file is never written.
 */
import { existsSync, realpathSync, statSync } from "fs";
import { resolve } from "path";
import type { Workbook } from "exceljs";
import { pickSheetName } from "../model/sheetNames";
import { getEdition, KPI_IDS, KpiUnit } from "../model/benchmark";
import { classifyLedger } from "../model/categorise";
import { Comparison, compare } from "../model/comparison";
import { formatEuro, formatNumber, formatPercent } from "../model/format";
import { keyFiguresForYear } from "../model/keyFigures";
import { parseAmount, parseNumber, parseYear } from "../model/amount";
import {
  CATEGORISATION_SHEET,
  categorisationLayout,
  categorisationRefs,
  COMPARISON_SHEET,
  comparisonLayout,
  readManualCategories,
  SheetLayout,
  TREND_SHEET,
  trendLayout,
} from "../model/layout";
import { CATEGORIES } from "../model/taxonomy";
import { fold } from "../model/text";
import { Bilingual, CategorisedLine, CategoryCode, Component, KeyFigures, ReadIssue } from "../model/types";
import { userError } from "./errors";
import { writeSafely } from "./safeWrite";
import { keyFigureReference } from "../model/keyFigureCells";
import {
  InputWorkbook,
  readInputFile,
  readKeyFigures,
  readLedgerSheet,
  readRulesSheet,
  selectLedgerSheet,
} from "./input";
import { SheetGrid } from "./sheet";
import { Column, renderTable } from "./table";

interface CompareCommandOptions {
  file: string;
  out?: string;
  sheet?: string;
  year?: number;
  inhabitants?: number;
  budget?: number;
  edition?: string;
  json?: boolean;
  /** Live progress for big files (the binary writes it to stderr). */
  progress?: (text: string) => void;
}

/** Everything one comparison run read and computed. */
interface Analysis {
  book: InputWorkbook;
  ledger: SheetGrid;
  /** Every cost line of every year, categorised. */
  lines: CategorisedLine[];
  /** The key figures after the flags were applied. */
  figures: KeyFigures[];
  comparison: Comparison;
  /** Manual categories found in an existing categorisation sheet (line key → code). */
  manual: Map<string, string>;
  readIssues: ReadIssue[];
  linesSkipped: number;
}

/** Lines read before progress is worth showing. */
const PROGRESS_LINES = 20_000;

// ---- flags --------------------------------------------------------------------------------------

export function flagYear(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = typeof value === "string" && /^\d{4}$/.test(value.trim()) ? parseYear(value) : null;
  if (year === null) {
    throw userError(
      `--year verwacht een jaartal (bijv. 2022), niet '${value}'`,
      `--year needs a year (e.g. 2022), not '${value}'`,
    );
  }
  return year;
}

export function flagPositive(name: string, value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "string" ? (name === "budget" ? parseAmount(value) : parseNumber(value)) : null;
  if (n === null || !(n > 0)) {
    throw userError(
      `--${name} verwacht een positief getal, niet '${value}'`,
      `--${name} needs a positive number, not '${value}'`,
    );
  }
  return n;
}

// ---- reading ------------------------------------------------------------------------------------

/**
 * The key figures with the flags applied to the year the comparison will use (the --year, else the
 * latest year with key figures); without any year, to the undated set (it counts for the ledger's year).
 */
function applyFlags(
  figures: readonly KeyFigures[],
  flags: { year?: number; inhabitants?: number; budget?: number },
): KeyFigures[] {
  const out = figures.map((f) => ({ ...f }));
  if (flags.inhabitants === undefined && flags.budget === undefined) return out;
  const years = out.map((f) => f.year).filter((y): y is number => y !== undefined);
  const year = flags.year ?? (years.length ? Math.max(...years) : undefined);
  let entry = out.find((f) => f.year === year);
  if (!entry) {
    const undated = out.find((f) => f.year === undefined);
    entry = { ...(undated ?? {}), ...(year !== undefined ? { year } : {}) };
    if (year === undefined && undated) out.splice(out.indexOf(undated), 1);
    out.push(entry);
  }
  if (flags.inhabitants !== undefined) entry.inhabitants = flags.inhabitants;
  if (flags.budget !== undefined) entry.budget = flags.budget;
  return out;
}

const OWN_CATEGORISATION_NAMES = new Set(Object.values(CATEGORISATION_SHEET).map(fold));
const OWN_NAMES = new Set(
  [CATEGORISATION_SHEET, COMPARISON_SHEET, TREND_SHEET].flatMap((n) => Object.values(n)).map(fold),
);

/** A sheet an earlier run (or the add-in) wrote: "ICT-vergelijking", "ICT-vergelijking (2)". */
function isOwnSheetName(name: string): boolean {
  return OWN_NAMES.has(fold(name.replace(/\s*\(\d+\)$/, "")));
}

/** Manual categories (Handmatig) of an earlier categorisation sheet in the workbook, if there is one. */
function manualCategories(book: InputWorkbook): Map<string, string> {
  const sheet = book.sheets.find((s) => OWN_CATEGORISATION_NAMES.has(fold(s.name)));
  return sheet ? readManualCategories(sheet.grid) : new Map();
}

export async function analyse(options: CompareCommandOptions): Promise<Analysis> {
  const progress = options.progress ?? (() => undefined);
  const book = await readInputFile(options.file);
  // The add-in's own sheets from an earlier run are no input: not the ledger, no key figures.
  const userBook = { ...book, sheets: book.sheets.filter((s) => !isOwnSheetName(s.name)) };
  const ledger = selectLedgerSheet(options.sheet === undefined ? userBook : book, options.sheet);
  const read = readLedgerSheet(ledger);
  const big = read.lines.length >= PROGRESS_LINES;
  if (big) {
    progress(
      `regels lezen… ${formatNumber(read.lines.length, "nl")} / reading lines… ${formatNumber(read.lines.length, "en")}`,
    );
  }
  const keyFigures = readKeyFigures(userBook, ledger);
  const figures = applyFlags(keyFigures.figures, options);
  const manual = manualCategories(book);
  const userRules = readRulesSheet(userBook, ledger);
  if (big) progress("categoriseren… / categorising…");
  const lines = classifyLedger(read.lines, { manual, userRules: userRules.rules });
  const comparison = compare(lines, figures, {
    year: options.year,
    editionId: options.edition,
    language: "nl",
  });
  if (comparison.inhabitants === undefined) {
    throw userError(
      `Geen aantal inwoners gevonden voor ${comparison.year}: geef --inhabitants N`,
      `No number of inhabitants found for ${comparison.year}: pass --inhabitants N`,
    );
  }
  return {
    book,
    ledger,
    lines,
    figures,
    comparison,
    manual,
    readIssues: [...read.issues, ...keyFigures.issues, ...userRules.issues],
    linesSkipped: read.issues.length,
  };
}

// ---- JSON -----------------------------------------------------------------------------------------

interface KpiJson {
  own: number | null;
  benchmark: number | null;
  difference: number | null;
  difference_pct: number | null;
}

export interface CompareJson {
  municipality: string | null;
  year: number;
  inhabitants: number | null;
  edition: string;
  lines: { read: number; skipped: number; unclassified: number; unclassified_amount: number };
  components: Record<Component, number>;
  categories: Partial<Record<CategoryCode, number>>;
  kpis: Record<string, KpiJson>;
  issues: { sheet: string | null; row: number | null; message: string }[];
}

/** Euro amounts to the cent: a ledger holds cents, the rest is floating-point noise of the sums. */
const cents = (x: number) => Math.round(x * 100) / 100;
const both = (m: Bilingual) => `${m.nl} / ${m.en}`;

export function compareJson(a: Analysis): CompareJson {
  const c = a.comparison;
  const t = c.totals;
  const categories: Partial<Record<CategoryCode, number>> = {};
  for (const cat of CATEGORIES)
    if (cat.component !== null) categories[cat.code] = cents(t.categories[cat.code] ?? 0);
  const kpis: Record<string, KpiJson> = {};
  for (const def of KPI_IDS) {
    const k = c.kpis.find((x) => x.id === def.id);
    kpis[def.id] = {
      own: k?.own ?? null,
      benchmark: k?.benchmark ?? null,
      difference: k?.difference ?? null,
      difference_pct: k?.differencePct ?? null,
    };
  }
  return {
    municipality: c.municipality ?? null,
    year: c.year,
    inhabitants: c.inhabitants ?? null,
    edition: c.edition,
    lines: {
      read: a.lines.length,
      skipped: a.linesSkipped,
      unclassified: t.unclassified.lines,
      unclassified_amount: cents(t.unclassified.amount),
    },
    components: {
      software: cents(t.components.software),
      personnel: cents(t.components.personnel),
      infrastructure: cents(t.components.infrastructure),
    },
    categories,
    kpis,
    issues: [
      ...a.readIssues.map((i) => ({ sheet: i.sheet ?? null, row: i.row, message: both(i.message) })),
      ...c.issues.map((m) => ({ sheet: null, row: null, message: both(m) })),
    ],
  };
}

// ---- the readable table ---------------------------------------------------------------------------

function kpiText(value: number | null, unit: KpiUnit): string {
  if (value === null) return "–";
  switch (unit) {
    case "eur_per_inhabitant":
      return formatEuro(value, "nl", 2);
    case "eur_per_fte":
      return formatEuro(value, "nl", 0);
    case "share":
      return formatPercent(value, "nl", 1);
    case "fte_per_100k":
      return formatNumber(value, "nl", 1);
  }
}

const KPI_COLUMNS: readonly Column[] = [
  { header: "Kengetal" },
  { header: "Eigen", align: "right" },
  { header: "Benchmark", align: "right" },
  { header: "Verschil", align: "right" },
  { header: "Oordeel", maxWidth: 70 },
];

/** The KPIs own vs benchmark with the engine's verdict (Dutch), then the unclassified money. */
function compareTable(a: Analysis): string {
  const c = a.comparison;
  const edition = getEdition(c.edition) ?? getEdition();
  const rows = KPI_IDS.map((def) => {
    const k = c.kpis.find((x) => x.id === def.id);
    const prefix = `${def.label.nl}: `;
    const verdict = k
      ? k.verdict.nl.startsWith(prefix)
        ? k.verdict.nl.slice(prefix.length)
        : k.verdict.nl
      : "";
    const pct = k?.differencePct ?? null;
    return [
      def.label.nl,
      kpiText(k?.own ?? null, def.unit),
      kpiText(k?.benchmark ?? null, def.unit),
      pct === null ? "–" : (pct > 0 ? "+" : "") + formatPercent(pct, "nl", 1),
      verdict,
    ];
  });
  const t = c.totals;
  const head = [
    `${c.municipality ?? "Gemeente"} – boekjaar ${c.year} – ${formatNumber(c.inhabitants ?? 0, "nl")} inwoners`,
    `Benchmark: ${edition.title} (${edition.publisher}), boekjaar ${edition.bookYear}`,
    "",
  ];
  const foot = [
    "",
    `Totale ICT-kosten ${c.year}: ${formatEuro(t.total, "nl")} (software ${formatEuro(t.components.software, "nl")}, ` +
      `personeel ${formatEuro(t.components.personnel, "nl")}, infrastructuur ${formatEuro(t.components.infrastructure, "nl")})`,
    `Niet ingedeeld (XX.OO): ${formatNumber(t.unclassified.lines, "nl")} regels, ${formatEuro(t.unclassified.amount, "nl", 2)} ` +
      `— telt niet mee / unclassified: not counted`,
  ];
  return [...head, renderTable(KPI_COLUMNS, rows).trimEnd(), ...foot].join("\n") + "\n";
}

// ---- the workbook copy ------------------------------------------------------------------------------

/**
 * The same file, also through another spelling, a symbolic link, a hard link or another letter case on a
 * case-insensitive file system (the last two: same device and inode; ExcelJS writes in place).
 */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  if (real(a) === real(b)) return true;
  try {
    const [x, y] = [statSync(a, { bigint: true }), statSync(b, { bigint: true })];
    return x.ino !== 0n && x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false; // the output does not exist yet
  }
}

/** The add-in's sheets for this analysis, with names no user sheet has (reuses the add-in's naming rule). */
function ownLayouts(a: Analysis, existingNames: readonly string[]): SheetLayout[] {
  const c = a.comparison;
  const taken = [...existingNames];
  const pick = (desired: string) => {
    const name = pickSheetName(desired, taken);
    taken.push(name);
    return name;
  };
  const catName = pick(CATEGORISATION_SHEET.nl);
  const cmpName = pick(COMPARISON_SHEET.nl);
  const trendName = c.series.length >= 2 ? pick(TREND_SHEET.nl) : null;
  const refs = categorisationRefs(catName, a.lines.length, "nl");
  const f = keyFiguresForYear(a.figures, c.year) ?? {};
  // Live references to the user's key-figure cells where the copy keeps them (a workbook, not a CSV file).
  const keySheets = a.book.excel
    ? a.book.sheets.filter((s) => s !== a.ledger && !isOwnSheetName(s.name))
    : [];
  const ref = (
    field: "inhabitants" | "budget" | "fteOwn" | "fteHired",
    value: number | undefined,
    year: number,
  ) => keyFigureReference(keySheets, field, value, year);
  const layouts = [
    categorisationLayout(a.lines, {
      language: "nl",
      sheetName: catName,
      manual: a.manual,
      undatedYear: c.year,
    }),
    comparisonLayout(
      c,
      {
        categorisation: refs,
        inhabitants: ref("inhabitants", c.inhabitants, c.year) as string | number,
        budget: ref("budget", f.budget, c.year),
        fteOwn: ref("fteOwn", f.fteOwn, c.year),
        fteHired: ref("fteHired", f.fteHired, c.year),
      },
      { language: "nl", sheetName: cmpName, keyFigures: f },
    ),
  ];
  if (trendName) {
    const inhabitants: Record<number, string | number> = {};
    for (const p of c.series) {
      const n =
        keyFiguresForYear(a.figures, p.year)?.inhabitants ?? (p.year === c.year ? c.inhabitants : undefined);
      const r = ref("inhabitants", n, p.year);
      if (r !== undefined) inhabitants[p.year] = r;
    }
    layouts.push(
      trendLayout(c.series, {
        language: "nl",
        sheetName: trendName,
        refs: { categorisation: refs, inhabitants },
        figures: a.figures,
      }),
    );
  }
  return layouts;
}

/** A new workbook holding the CSV file's grid as its one user sheet. */
async function workbookFromCsv(book: InputWorkbook): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  const { setUserValue } = await import("./writeXlsx");
  const wb = new ExcelJS.Workbook();
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(
      pickSheetName(
        sheet.name.replace(/\.csv$/i, ""),
        wb.worksheets.map((w) => w.name),
      ),
    );
    sheet.grid.forEach((row, r) => {
      const out = ws.getRow(sheet.firstRow + r);
      row.forEach((v, c) => {
        if (v !== "" && v !== null && v !== undefined) setUserValue(out.getCell(sheet.firstColumn + c), v);
      });
    });
  }
  return wb;
}

async function writeCopy(a: Analysis, out: string, progress: (text: string) => void): Promise<string[]> {
  const { renderLayout, writeWorkbook } = await import("./writeXlsx");
  const workbook = a.book.excel ?? (await workbookFromCsv(a.book));
  const layouts = ownLayouts(
    a,
    workbook.worksheets.map((w) => w.name),
  );
  const big = a.lines.length >= PROGRESS_LINES;
  for (const layout of layouts) renderLayout(workbook, layout);
  if (big) progress(`schrijven… ${out} / writing… ${out}`);
  // A temporary file renamed over `out` when complete: a failed write leaves an existing file as it was.
  await writeSafely(out, (temp) => writeWorkbook(workbook, temp));
  return layouts.map((l) => l.name);
}

export async function compareCommand(options: CompareCommandOptions) {
  const progress = options.progress ?? (() => undefined);
  if (options.out !== undefined && existsSync(options.file) && samePath(options.file, options.out)) {
    throw userError(
      `-o is het invoerbestand zelf: kies een ander uitvoerbestand (${options.out}); de invoer wordt nooit overschreven`,
      `-o is the input file itself: choose another output file (${options.out}); the input is never overwritten`,
    );
  }
  if (options.out !== undefined && !/\.xlsx$/i.test(options.out)) {
    throw userError(
      `-o verwacht een .xlsx-bestand: ${options.out}`,
      `-o needs an .xlsx file: ${options.out}`,
    );
  }
  const analysis = await analyse(options);
  let written = "";
  if (options.out !== undefined) {
    const sheets = await writeCopy(analysis, options.out, progress);
    written =
      `Geschreven: ${options.out} (bladen ${sheets.join(", ")}; grafieken niet: ExcelJS kan geen grafieken schrijven)\n` +
      `Written: ${options.out} (sheets ${sheets.join(", ")}; no charts: ExcelJS cannot write charts)\n`;
  }
  const issues = options.json
    ? ""
    : [
        ...analysis.readIssues.map(
          (i) => `${[i.sheet, `rij ${i.row}`].filter(Boolean).join(", ")}: ${both(i.message)}`,
        ),
        ...analysis.comparison.issues.map(both),
      ]
        .map((line) => line + "\n")
        .join("");
  return {
    exitCode: 0,
    stdout: options.json ? JSON.stringify(compareJson(analysis), null, 2) + "\n" : compareTable(analysis),
    stderr: issues + written,
  };
}
