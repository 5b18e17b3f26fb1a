/**
 * Key figures (kerngegevens) from anywhere in a sheet: label/value pairs ("Inwoners | 61.000",
 * value right of or below its label, or "Gemeente: Utrecht" in one cell) or a table with one
 * row per year (a header row with Jaar/Boekjaar and other labels). One KeyFigures per year.
 *
 * Row numbers in issues are spreadsheet rows: `firstRow + index` (firstRow defaults to 1).
 */
import { MAX_YEAR, MIN_YEAR, parseAmount, parseFte, parseNumber, parseYear } from "./amount";
import { fold } from "./text";
import { cellText, displayValue, isEmptyCell } from "./grid/cells";
import { Bilingual, Grid, KeyFigures, ReadIssue } from "./types";

export type KeyFigureField = keyof KeyFigures;

interface KeyFigureOptions {
  sheet?: string;
  firstRow?: number;
}

interface KeyFiguresRead {
  figures: KeyFigures[];
  issues: ReadIssue[];
}

/** Labels per key, in the form `labelWords` gives them. */
const LABELS: Record<KeyFigureField, readonly string[]> = {
  municipality: ["gemeente", "naam gemeente", "organisatie", "municipality", "organisation", "organization"],
  year: ["boekjaar", "jaar", "begrotingsjaar", "year", "book year", "fiscal year"],
  inhabitants: [
    "inwoners",
    "aantal inwoners",
    "inwonertal",
    "inwoneraantal",
    "inhabitants",
    "number of inhabitants",
    "population",
  ],
  budget: [
    "totale begroting",
    "begroting totaal",
    "begroting totaal lasten",
    "totale lasten",
    "totaal lasten",
    "lasten totaal",
    "totale begroting lasten",
    "total budget",
    "total expenditure",
  ],
  fteOwn: [
    "ict fte eigen",
    "fte eigen",
    "fte eigen ict",
    "fte ict eigen",
    "fte eigen personeel",
    "eigen fte",
    "eigen ict fte",
    "own ict fte",
    "own fte",
    "ict fte own",
  ],
  fteHired: [
    "fte inhuur ict",
    "fte inhuur",
    "ict fte inhuur",
    "fte ict inhuur",
    "inhuur fte",
    "inhuur ict fte",
    "hired ict fte",
    "hired fte",
    "ict fte hired",
  ],
};

const FIELD_NAMES: Record<KeyFigureField, Bilingual> = {
  municipality: { nl: "gemeente", en: "municipality" },
  year: { nl: "boekjaar", en: "year" },
  inhabitants: { nl: "inwoners", en: "inhabitants" },
  budget: { nl: "totale begroting", en: "total budget" },
  fteOwn: { nl: "ICT-fte eigen", en: "own ICT fte" },
  fteHired: { nl: "ICT-fte inhuur", en: "hired ICT fte" },
};

const BY_LABEL = new Map<string, KeyFigureField>();
for (const field of Object.keys(LABELS) as KeyFigureField[]) {
  for (const label of LABELS[field]) BY_LABEL.set(label, field);
}

// Cheap first test, so that large ledger sheets do not fold every description.
const LABEL_STEMS =
  /gemeente|organi[sz]at|municipal|jaar|year|inwoner|inhabitant|population|begroting|lasten|budget|expenditure|fte/i;
const NON_ALNUM = /[^a-z0-9]+/;
// Words that qualify a label without changing it: "Aantal inwoners per 1 januari 2022".
const FILLER = new Set(["per", "op", "januari", "jan", "peildatum", "at", "on", "as", "of", "january"]);
const DIGITS = /^\d+$/;

/** Label words: folded, punctuation and parentheses as spaces, numbers and fillers dropped. */
function labelWords(text: string): string {
  return fold(text)
    .split(NON_ALNUM)
    .filter((w) => w !== "" && !DIGITS.test(w) && !FILLER.has(w))
    .join(" ");
}

/** The key a cell labels, with an inline value for "Label: value" cells. */
function labelOf(v: unknown): { field: KeyFigureField; inline?: string } | null {
  if (typeof v !== "string" || v.length > 80 || !LABEL_STEMS.test(v)) return null;
  const colon = v.indexOf(":");
  const inline = colon < 0 ? "" : v.slice(colon + 1).trim();
  if (inline !== "") {
    const field = BY_LABEL.get(labelWords(v.slice(0, colon)));
    return field ? { field, inline } : null;
  }
  const whole = BY_LABEL.get(labelWords(v));
  return whole ? { field: whole } : null;
}

type Parsed = { ok: true; value: string | number } | { ok: false };

/** A value for a key, checked: bad values are reported, never kept. */
function parseValue(field: KeyFigureField, v: unknown): Parsed {
  let value: string | number | null;
  switch (field) {
    case "municipality":
      value = cellText(v) || null;
      break;
    case "year":
      value = parseYear(v);
      break;
    case "inhabitants": {
      const n = parseNumber(v);
      value = n !== null && Number.isInteger(n) && n > 0 ? n : null;
      break;
    }
    case "budget": {
      const n = parseAmount(v);
      value = n !== null && n > 0 ? n : null;
      break;
    }
    case "fteOwn":
    case "fteHired": {
      const n = parseFte(v);
      value = n !== null && n >= 0 ? n : null;
      break;
    }
  }
  return value === null ? { ok: false } : { ok: true, value };
}

const PROBLEMS: Record<KeyFigureField, Bilingual> = {
  municipality: { nl: "is leeg", en: "is empty" },
  year: { nl: `is geen jaartal (${MIN_YEAR}-${MAX_YEAR})`, en: `is not a year (${MIN_YEAR}-${MAX_YEAR})` },
  inhabitants: { nl: "is geen positief geheel getal", en: "is not a positive whole number" },
  budget: { nl: "is geen positief bedrag", en: "is not a positive amount" },
  fteOwn: { nl: "is geen getal van 0 of meer", en: "is not a number of 0 or more" },
  fteHired: { nl: "is geen getal van 0 of meer", en: "is not a number of 0 or more" },
};

function badValue(field: KeyFigureField, v: unknown, row: number): Bilingual {
  const name = FIELD_NAMES[field];
  const problem = PROBLEMS[field];
  return {
    nl: `Rij ${row}: ${name.nl} '${displayValue(v, "nl")}' ${problem.nl}`,
    en: `Row ${row}: ${name.en} '${displayValue(v, "en")}' ${problem.en}`,
  };
}

/** One found value with where its label sits, for grouping into years. */
interface Pair {
  field: KeyFigureField;
  value: string | number;
  row: number;
  col: number;
}

class Scanner {
  readonly issues: ReadIssue[] = [];
  readonly tableGroups: KeyFigures[] = [];
  readonly pairs: Pair[] = [];
  private readonly labels: ({ field: KeyFigureField; inline?: string } | null)[][];
  private readonly used = new Set<string>();

  constructor(
    private readonly grid: Grid,
    private readonly firstRow: number,
    private readonly sheet: string | undefined,
  ) {
    this.labels = grid.map((row) => (Array.isArray(row) ? row.map(labelOf) : []));
  }

  scan(): void {
    for (let r = 0; r < this.grid.length; r++) this.tryYearTable(r);
    for (let r = 0; r < this.grid.length; r++) {
      this.labels[r].forEach((label, c) => {
        if (label && !this.used.has(`${r},${c}`)) this.readPair(r, c, label);
      });
    }
  }

  private cell(r: number, c: number): unknown {
    const row = this.grid[r];
    return Array.isArray(row) ? row[c] : undefined;
  }

  private isLabel(r: number, c: number): boolean {
    return (this.labels[r]?.[c] ?? null) !== null;
  }

  /** A header row with a year label and other labels, over rows that start with a year. */
  private tryYearTable(r: number): void {
    const header = this.labels[r];
    const yearCol = header.findIndex(
      (l, c) => l?.field === "year" && !l.inline && !this.used.has(`${r},${c}`),
    );
    if (yearCol < 0 || header.filter((l) => l && !l.inline).length < 2) return;
    let k = r + 1;
    for (; k < this.grid.length && parseYear(this.cell(k, yearCol)) !== null; k++) {
      const entry: KeyFigures = {};
      header.forEach((label, c) => {
        if (label && !label.inline) this.take(entry, label.field, this.cell(k, c), k);
      });
      this.tableGroups.push(entry);
    }
    if (k === r + 1) return; // no year below: not a table, maybe pairs
    header.forEach((_, c) => this.used.add(`${r},${c}`));
  }

  private take(entry: KeyFigures, field: KeyFigureField, v: unknown, r: number): void {
    if (isEmptyCell(v)) return;
    const parsed = parseValue(field, v);
    if (parsed.ok) assign(entry, field, parsed.value);
    else this.report(field, v, r);
  }

  private report(field: KeyFigureField, v: unknown, r: number): void {
    const row = this.firstRow + r;
    const message = badValue(field, v, row);
    this.issues.push(this.sheet === undefined ? { row, message } : { sheet: this.sheet, row, message });
  }

  /** The value right of the label (first filled cell), else below it (within three rows). */
  private readPair(r: number, c: number, label: { field: KeyFigureField; inline?: string }): void {
    const candidates: { v: unknown; r: number }[] = [];
    if (label.inline !== undefined) candidates.push({ v: label.inline, r });
    const row = this.grid[r];
    for (let x = c + 1; x < row.length; x++) {
      if (isEmptyCell(row[x])) continue;
      if (!this.isLabel(r, x)) candidates.push({ v: row[x], r });
      break;
    }
    for (let y = r + 1; y < Math.min(this.grid.length, r + 4); y++) {
      const v = this.cell(y, c);
      if (isEmptyCell(v)) continue;
      if (!this.isLabel(y, c)) candidates.push({ v, r: y });
      break;
    }
    for (const cand of candidates) {
      const parsed = parseValue(label.field, cand.v);
      if (parsed.ok) {
        this.pairs.push({ field: label.field, value: parsed.value, row: r, col: c });
        return;
      }
    }
    if (candidates.length > 0) this.report(label.field, candidates[0].v, candidates[0].r);
  }
}

function assign(entry: KeyFigures, field: KeyFigureField, value: string | number): void {
  if (entry[field] !== undefined) return; // the first value found wins
  if (field === "municipality") entry.municipality = String(value);
  else entry[field] = value as number;
}

/**
 * Pairs in reading order by column then row (so blocks side by side stay apart); a key that
 * appears again starts the next set (the next year's block).
 */
function groupPairs(pairs: Pair[]): KeyFigures[] {
  const sorted = [...pairs].sort((a, b) => a.col - b.col || a.row - b.row);
  const groups: KeyFigures[] = [];
  let current: KeyFigures | null = null;
  for (const p of sorted) {
    if (current === null || current[p.field] !== undefined) groups.push((current = {}));
    assign(current, p.field, p.value);
  }
  return groups;
}

/** Sets of the same year merge; sets without a year fill in every year (e.g. the municipality). */
function mergeGroups(groups: KeyFigures[]): KeyFigures[] {
  const byYear = new Map<number, KeyFigures>();
  const yearless: KeyFigures[] = [];
  for (const g of groups) {
    if (g.year === undefined) {
      yearless.push(g);
      continue;
    }
    const target = byYear.get(g.year) ?? {};
    fillMissing(target, g);
    byYear.set(g.year, target);
  }
  if (byYear.size === 0) {
    if (yearless.length === 0) return [];
    const single: KeyFigures = {};
    for (const g of yearless) fillMissing(single, g);
    return [single];
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const entries = years.map((year) => {
    const entry = byYear.get(year) as KeyFigures;
    for (const g of yearless) fillMissing(entry, g);
    return entry;
  });
  // A sheet is about one municipality, even when it names it once beside several years' blocks.
  const names = new Set(groups.map((g) => g.municipality).filter((m) => m !== undefined));
  if (names.size === 1) for (const e of entries) e.municipality ??= [...names][0];
  return entries;
}

function fillMissing(target: KeyFigures, source: KeyFigures): void {
  for (const field of Object.keys(source) as KeyFigureField[]) {
    const value = source[field];
    if (value !== undefined) assign(target, field, value);
  }
}

/** Key figures of a sheet, one entry per year sorted by year, and the values that could not be read. */
export function findKeyFigures(grid: Grid, options: KeyFigureOptions = {}): KeyFiguresRead {
  const rows: Grid = Array.isArray(grid) ? grid : [];
  const firstRow = Number.isInteger(options.firstRow) ? (options.firstRow as number) : 1;
  const scanner = new Scanner(rows, firstRow, options.sheet);
  scanner.scan();
  const groups = [...scanner.tableGroups, ...groupPairs(scanner.pairs)];
  return { figures: mergeGroups(groups), issues: scanner.issues };
}

/**
 * The key figures of a year: its own entry, else the only entry when that has no year
 * (a sheet that never states one); undefined otherwise.
 */
export function keyFiguresForYear(figures: readonly KeyFigures[], year: number): KeyFigures | undefined {
  const exact = figures.find((f) => f.year === year);
  if (exact) return exact;
  return figures.length === 1 && figures[0].year === undefined ? figures[0] : undefined;
}
