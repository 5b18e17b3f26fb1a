/**
 * `compare -o`'s copy of the workbook: every part of the user's .xlsx/.xlsm byte for byte plus the report's
 * sheets (src/cli/ooxml), or for a CSV file a new workbook holding its grid; written to a temporary file and
 * renamed over the target when complete.
 */
import { randomBytes } from "crypto";
import { realpathSync, statSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { SheetLayout } from "../model/layout";
import { userError } from "./errors";
import { csvSheetName, InputWorkbook, ownSheetRole } from "./input";
import { freshWorkbookBytes } from "./ooxml/freshWorkbook";
import { isMacroEnabled, losslessCopyParts } from "./ooxml/losslessCopy";
import { SpillError, SpillFile } from "./ooxml/zip";
import { writeBytes, writeSafely } from "./safeWrite";
import { tempFile } from "./tempFiles";

/** What the copy is made of: the input as read, the report's sheets, and what was made of the input early. */
export interface CopyOf {
  book: InputWorkbook;
  layouts: SheetLayout[];
  /** The copy's starting workbook, when made before the input's cells were let go (see copySourceOf). */
  copySource?: Uint8Array;
  /** The ledger lines: progress is shown for big ones. */
  lines: { length: number };
}

/** Lines written before progress is worth showing, and a big sheet is set aside in a spill file. */
export const PROGRESS_LINES = 20_000;

/**
 * The workbook the copy starts from: the input's own bytes (copied part for part), or for a CSV file a new
 * workbook holding its grid.
 */
export function copySourceOf(book: InputWorkbook): Uint8Array {
  if (book.bytes) return book.bytes;
  return freshWorkbookBytes(
    book.sheets.map((s) => ({
      name: csvSheetName(s.name, []),
      grid: s.grid,
      firstRow: s.firstRow,
      firstColumn: s.firstColumn,
    })),
  );
}

/**
 * The same file, also through another spelling, a symbolic link, a hard link or another letter case on a
 * case-insensitive file system (the last two: same device and inode; ExcelJS writes in place).
 */
export function samePath(a: string, b: string): boolean {
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

/**
 * The copy: every part of the user's .xlsx/.xlsm byte for byte, plus the report's sheets and native
 * charts (src/cli/ooxml); for a CSV file, a new workbook with its grid as the one user sheet. Written to
 * a temporary file renamed over `out` when complete: a failed write leaves an existing file as it was.
 */
export async function writeCopy(a: CopyOf, out: string, progress: (text: string) => void): Promise<string[]> {
  const big = a.lines.length >= PROGRESS_LINES;
  if (big) progress(`schrijven… ${out} / writing… ${out}`);
  const input = a.copySource ?? copySourceOf(a.book);
  // The input's cells are in the copy now (a workbook's entries are copied raw; a CSV file's sheet is in the
  // new workbook, deflated) and nothing after this reads them: let them go before the report's sheets are
  // written (a million-line file's cells are hundreds of MB).
  for (const s of a.book.sheets) s.grid.length = 0;
  // The archive as pieces, written one after the other (not also assembled into one buffer).
  // The sheets an earlier run wrote (marked, or recognised after Excel saved the copy) are replaced.
  const own = a.book.markedOwn;
  // A big copy's sheets are set aside on disk as they are deflated (~100 MB for a million lines), not held.
  const spill = big
    ? new SpillFile(join(tmpdir(), `ictcost-${randomBytes(6).toString("hex")}.spill`))
    : undefined;
  if (spill) tempFile(spill.path, true);
  try {
    // An earlier ICT-controle that keepingSnapshots took off the list stays (a user's is never marked).
    const bytes = losslessCopyParts(input, a.layouts, {
      isOwnSheet: (name) => own?.has(name) ?? false,
      keepSheet: (name) => ownSheetRole(name, a.book) === "audit" && !own?.has(name),
      ...(spill ? { spill } : {}),
    });
    await writeSafely(out, async (temp) => writeBytes(temp, bytes));
  } catch (e) {
    if (!(e instanceof SpillError)) throw e;
    throw userError(
      `Kan het tijdelijke bestand ${e.path} niet schrijven (${e.reason}); ${out} is niet gewijzigd`,
      `Cannot write the temporary file ${e.path} (${e.reason}); ${out} was not changed`,
    );
  } finally {
    if (spill) {
      spill.remove();
      tempFile(spill.path, false);
    }
  }
  return a.layouts.map((l) => l.name);
}

/**
 * The copy keeps the input's kind: a workbook with macros stays an .xlsm (Excel refuses an .xlsx whose
 * content is macro-enabled), any other an .xlsx.
 */
export function checkOutputExtension(book: InputWorkbook, out: string): void {
  const macros = book.bytes !== undefined && isMacroEnabled(book.bytes);
  const ext = macros ? ".xlsm" : ".xlsx";
  if (out.toLowerCase().endsWith(ext)) return;
  throw userError(
    macros
      ? `De werkmap bevat macro's: geef -o een .xlsm-bestand, niet ${out}`
      : `-o verwacht een .xlsx-bestand: ${out}`,
    macros ? `The workbook has macros: give -o an .xlsm file, not ${out}` : `-o needs an .xlsx file: ${out}`,
  );
}
