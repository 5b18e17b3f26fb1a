/**
 * The CLI's face of the pipeline: from a path on the command line to the core's plain workbook, and the
 * core's findInputs with its refusals in command-line terms. Every user mistake becomes a UserError.
 */
import { statSync } from "fs";
import { extname } from "path";
import { OUTPUT_ROLES, OUTPUT_SHEETS, OutputRole, readManualCategories, SheetRole } from "../model/layout";
import { ColumnMapping, READER_FIELDS } from "../model/grid/headers";
import {
  bestPlace,
  findInputs,
  ledgerPlaces,
  placeOf,
  InputChoice,
  InputError,
  InputErrorCode,
  Inputs,
  PlainSheet,
  PlainTable,
  PlainWorkbook,
  withHint,
} from "../model/pipeline";
import { pickSheetName } from "../model/sheetNames";
import { FIELD_WORDS } from "../model/reconciliation/words";
import { fold } from "../model/text";
import { Bilingual, CategoryCode } from "../model/types";
import { readCsvFile } from "./csv";
import { userError } from "./errors";
import { SheetGrid } from "./sheet";

export interface InputWorkbook {
  path: string;
  sheets: SheetGrid[];
  /** Excel tables (ListObjects) of an .xlsx file, cut from their sheet's grid. */
  tables: PlainTable[];
  /** For .xlsx/.xlsm: the file's bytes, copied part for part into `compare -o`'s copy. */
  bytes?: Uint8Array;
  /**
   * For .xlsx/.xlsm: the sheets an earlier `compare -o` wrote (marked in their XML, or recognised by name and
   * title once Excel has saved the copy again); a rebuild replaces them.
   */
  markedOwn?: ReadonlySet<string>;
}

const EXCEL_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

function checkFile(path: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw userError(`Bestand niet gevonden: ${path}`, `File not found: ${path}`);
  }
  if (!isFile) throw userError(`Geen bestand: ${path}`, `Not a file: ${path}`);
}

/** Read a .csv, .xlsx or .xlsm file; the file is only read, never written. */
export async function readInputFile(path: string): Promise<InputWorkbook> {
  checkFile(path);
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return { path, sheets: [readCsvFile(path)], tables: [] };
  if (EXCEL_EXTENSIONS.has(ext)) {
    // Loaded only for workbooks, not for CSV files or --help.
    const { loadXlsxFile } = await import("./xlsx");
    const { listSheets } = await import("./ooxml/losslessCopy");
    const { sheets, tables, bytes } = await loadXlsxFile(path);
    const marked = listSheets(bytes).filter((s) => s.own);
    const markedOwn = new Set([
      ...marked.map((s) => s.name),
      ...sheets.filter((s) => titledAsOwn(s)).map((s) => s.name),
    ]);
    return { path, sheets, tables, bytes, markedOwn };
  }
  throw userError(
    `Bestandstype '${ext || "(geen)"}' wordt niet ondersteund: gebruik .csv of .xlsx (${path})`,
    `Unsupported file type '${ext || "(none)"}': use .csv or .xlsx (${path})`,
  );
}

/**
 * Excel does not keep the XML comment that marks a copy's own sheets when it saves the workbook again, so
 * a sheet also counts as an earlier run's when it has an own sheet's name ("ICT-vergelijking (2)" too) and
 * that sheet's title in A1. A user's sheet that is merely called "ICT-vergelijking" holds something else
 * and stays theirs.
 */
function titledAsOwn(sheet: SheetGrid): boolean {
  const role = roleByName(sheet.name);
  if (!role || sheet.firstRow !== 1 || sheet.firstColumn !== 1) return false;
  const a1 = sheet.grid[0]?.[0];
  if (typeof a1 !== "string") return false;
  const title = OUTPUT_SHEETS[role].title;
  return a1.startsWith(title.nl) || a1.startsWith(title.en);
}

/** The workbook with an earlier run's ICT-controle no longer marked as to be replaced: the copy keeps it. */
export function keepingSnapshots(book: InputWorkbook): InputWorkbook {
  if (!book.markedOwn) return book;
  const markedOwn = new Set([...book.markedOwn].filter((name) => ownSheetRole(name, book) !== "audit"));
  return { ...book, markedOwn };
}

/**
 * The role of a sheet an earlier run (or the add-in) wrote — "ICT-vergelijking", "ICT-vergelijking (2)" —
 * recognised by name, since a file carries no add-in settings the CLI could trust.
 */
export function ownSheetRole(name: string, book?: InputWorkbook): SheetRole | undefined {
  if (book?.markedOwn?.has(name)) return roleByName(name) ?? "comparison";
  return roleByName(name);
}

function roleByName(name: string): OutputRole | undefined {
  const base = fold(name.replace(/\s*\(\d+\)$/, ""));
  return OUTPUT_ROLES.find((r) => {
    const n = OUTPUT_SHEETS[r].name;
    return fold(n.nl) === base || fold(n.en) === base;
  });
}

/**
 * The name a CSV file's grid gets as a sheet of the copy, and so in every message and reference: the
 * file's own name ("grootboek.csv"), so a message points at the file the user has.
 */
export function csvSheetName(name: string, taken: readonly string[] = []): string {
  return pickSheetName(name, taken);
}

/** The file as the pipeline's plain workbook: rows and columns 0-based, the add-in's sheets marked. */
export function plainWorkbook(book: InputWorkbook): PlainWorkbook {
  const sheets: PlainSheet[] = book.sheets.map((s) => {
    const role = ownSheetRole(s.name, book);
    const sheet: PlainSheet = {
      // A CSV file's grid is named as the sheet it becomes in the copy, so references and notes match.
      name: book.bytes ? s.name : csvSheetName(s.name),
      values: s.grid,
      firstRow: s.firstRow - 1,
      firstColumn: s.firstColumn - 1,
    };
    return role ? { ...sheet, role } : sheet;
  });
  return { sheets, tables: book.tables };
}

/** Manual categories (Handmatig) of an earlier categorisation sheet in the workbook, if there is one. */
export function manualCategories(book: InputWorkbook): Map<string, CategoryCode> {
  const categorisation = book.sheets.filter((s) => ownSheetRole(s.name, book) === "categorisation");
  // The one an earlier run marked as its own first: a user's sheet of that name is no record of ours.
  const sheet = categorisation.find((s) => book.markedOwn?.has(s.name)) ?? categorisation[0];
  return sheet ? readManualCategories(sheet.grid) : new Map();
}

/** What to do next, in command-line terms, per reason the pipeline gave. */
function cliHint(code: InputErrorCode, book: InputWorkbook): Bilingual | undefined {
  const names = book.sheets.map((s) => `'${s.name}'`).join(", ");
  switch (code) {
    case "noLedger":
    case "ledgerGone":
    case "noLines":
      return {
        nl: `Bestand ${book.path}; bladen: ${names}. Kies het blad met --sheet NAAM, de kolommen met --map description=KOP,amount=KOP.`,
        en: `File ${book.path}; sheets: ${names}. Choose the sheet with --sheet NAME, the columns with --map description=HEADER,amount=HEADER.`,
      };
    case "missingColumns":
      return {
        nl: `Bestand ${book.path}: wijs de kolommen aan met --map description=KOP,amount=KOP.`,
        en: `File ${book.path}: point out the columns with --map description=HEADER,amount=HEADER.`,
      };
    case "noInhabitants":
      return {
        nl: "Geef --inhabitants N of --gemeente NAAM.",
        en: "Pass --inhabitants N or --gemeente NAME.",
      };
    case "tooLarge":
      return { nl: "Of sla het grootboek op als CSV.", en: "Or save the ledger as CSV." };
    default:
      return undefined;
  }
}

/** The pipeline's refusal as a user error (exit 2), with what to do on the command line. */
export function cliError(e: unknown, book: InputWorkbook): unknown {
  if (!(e instanceof InputError)) return e;
  const m = withHint(e.userMessage, cliHint(e.code, book));
  return userError(m.nl, m.en);
}

/**
 * The pipeline's first step for a file: `--sheet` chooses the ledger's sheet, else the best candidate;
 * `--map field=Header,…` says which column is which where the headers do not (the pane's Kolommen step).
 */
export function findFileInputs(book: InputWorkbook, sheet?: string, map?: string): Inputs {
  const plain = plainWorkbook(book);
  const manual = manualCategories(book);
  let choice: InputChoice = sheet === undefined ? {} : { source: { kind: "sheet", name: sheet } };
  try {
    if (map !== undefined) {
      // The headers of the ledger the choice points at (complete or not), then the columns by name.
      const places = ledgerPlaces(plain);
      const place = choice.source
        ? placeOf(plain, places, choice.source)
        : (places[bestPlace(places)] ?? places[0]);
      if (!place)
        throw userError(
          `Geen grootboek om --map op toe te passen in ${book.path}`,
          `No ledger to apply --map to in ${book.path}`,
        );
      choice = { source: place.candidate.source, mapping: columnMapping(map, place.candidate.headers) };
    }
    return findInputs(plain, choice, manual);
  } catch (e) {
    throw cliError(e, book);
  }
}

const MAP_FIELDS = new Set<string>(READER_FIELDS);

/** `amount=Bedrag excl. btw,supplier=Crediteur` → column per field, by the header's text (any case). */
export function columnMapping(spec: string, headers: readonly string[]): ColumnMapping {
  const mapping: Record<string, number> = {};
  const known = headers.map((h) => fold(h));
  for (const part of spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf("=");
    const field = eq > 0 ? part.slice(0, eq).trim() : "";
    const header = eq > 0 ? part.slice(eq + 1).trim() : "";
    if (!MAP_FIELDS.has(field)) {
      throw userError(
        `--map: onbekend veld '${field || part}'; velden: ${[...MAP_FIELDS].join(", ")}`,
        `--map: unknown field '${field || part}'; fields: ${[...MAP_FIELDS].join(", ")}`,
      );
    }
    // The exact text first: "OMSCHRIJVING" and "Omschrijving" fold alike and may both be columns.
    const exact = headers.findIndex((h) => h.trim() === header);
    const col = exact >= 0 ? exact : known.indexOf(fold(header));
    if (col < 0) {
      const list = headers
        .filter((h) => h.trim() !== "")
        .map((h) => `'${h}'`)
        .join(", ");
      throw userError(
        `--map: kolom '${header}' niet gevonden; kolommen: ${list}`,
        `--map: column '${header}' not found; columns: ${list}`,
      );
    }
    mapping[field] = col;
  }
  return mapping as ColumnMapping;
}

/**
 * When the reader had to guess — two columns name one field equally well ("OMSCHRIJVING" and
 * "Omschrijving") and `--map` did not say which — what it read and the flag that settles it, to copy
 * (with the other column's name where that one is meant). Undefined when nothing was guessed.
 */
export function guessedColumnsHint(inputs: Inputs): Bilingual | undefined {
  const flags = new Map<string, string>();
  const said: Bilingual[] = [];
  for (const { place, read } of inputs.sources) {
    const headers = place.candidate.headers;
    for (const a of read.ambiguous) {
      if (flags.has(a.field)) continue;
      const name = (col: number) => headers[col]?.trim() || `#${col + 1}`;
      flags.set(a.field, `${a.field}=${name(a.columns[0])}`);
      const all = a.columns.map((c) => `'${name(c)}'`);
      said.push({
        nl: `${FIELD_WORDS[a.field].nl} staat in ${all.join(" en ")}; gelezen is '${name(a.columns[0])}'`,
        en: `${FIELD_WORDS[a.field].en} is in ${all.join(" and ")}; '${name(a.columns[0])}' was read`,
      });
    }
  }
  if (flags.size === 0) return undefined;
  const flag = `--map "${[...flags.values()].join(",").replace(/"/g, '\\"')}"`;
  return {
    nl: `Kolom geraden: ${said.map((s) => s.nl).join("; ")}. Leg de keuze vast met ${flag}`,
    en: `Column guessed: ${said.map((s) => s.en).join("; ")}. Settle the choice with ${flag}`,
  };
}
