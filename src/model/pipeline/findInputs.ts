/**
 * Step 1 of the pipeline: from a plain workbook to the inputs of a comparison — the ledger (the
 * user's choice or the best candidate) and its cost lines, the key figures per year with the cells
 * they came from, the user's rules and the manual categories. Whatever cannot be used is refused with
 * an InputError that says why; each face adds what to do in its own terms.
 */
import { getEdition } from "../benchmark";
import { LedgerRead } from "../grid";
import { parseCellAddress } from "../layout/a1";
import { Bilingual, CategoryCode, KeyFigures, ReadIssue, UserRule } from "../types";
import { b, InputError } from "./inputError";
import { findAllKeyFigures, findUserRules, mergeKeyFigures, SheetFigures } from "./keyFigureSources";
import { bestPlace, LedgerPlace, ledgerPlaces, ledgerSources, placeOf, readPlace } from "./ledgerPlaces";
import { reconcile, Reconciliation } from "../reconciliation";
import {
  InputChoice,
  InputDetection,
  isOutputSheet,
  LedgerSource,
  PlainSheet,
  PlainWorkbook,
} from "./workbook";

/** One place of the ledger and what was read from it. */
export interface LedgerSourceRead {
  place: LedgerPlace;
  read: LedgerRead;
}

/** Everything the later steps need from one read of the workbook. */
export interface Inputs {
  book: PlainWorkbook;
  places: LedgerPlace[];
  ledger: LedgerPlace;
  /** Every place of the ledger (one, or a sheet per year), in the order of `read.lines`. */
  sources: LedgerSourceRead[];
  /** The lines of all sources together. */
  read: LedgerRead;
  /** Per source: lines read, rows skipped with their sums, the source's own total against ours. */
  reconciliations: Reconciliation[];
  perSheet: SheetFigures[];
  typed: KeyFigures[];
  figures: KeyFigures[];
  manual: Map<string, CategoryCode>;
  rules: UserRule[];
  issues: ReadIssue[];
  years: number[];
}

function yearsOf(read: LedgerRead | undefined, figures: readonly KeyFigures[]): number[] {
  const years = new Set<number>();
  for (const l of read?.lines ?? []) if (l.year !== null) years.add(l.year);
  for (const f of figures) if (f.year !== undefined) years.add(f.year);
  return [...years].sort((x, y) => x - y);
}

/** The detection a mapping step shows. */
export function detection(
  places: readonly LedgerPlace[],
  chosen: number,
  keyFigures: KeyFigures[],
  missingKeyFigures: (keyof KeyFigures)[],
  years: number[],
): InputDetection {
  return { ledgers: places.map((p) => p.candidate), chosen, keyFigures, missingKeyFigures, years };
}

/** Finds and reads the ledger, key figures, rules; throws InputError when it cannot. */
export function findInputs(
  book: PlainWorkbook,
  choice: InputChoice | undefined,
  manual: Map<string, CategoryCode> = new Map(),
): Inputs {
  const places = ledgerPlaces(book);
  const best = bestPlace(places);
  const typed = choice?.keyFigures ?? [];
  const ledger = choice?.source ? placeOf(book, places, choice.source) : places[best];
  const chosen = ledger ? places.indexOf(ledger) : -1;
  const early = () => {
    const { perSheet } = findAllKeyFigures(book, undefined);
    const figures = mergeKeyFigures(perSheet, typed);
    return detection(places, chosen >= 0 ? chosen : best, figures, [], yearsOf(undefined, figures));
  };
  // No ledger in what was read: when a sheet was too large to read, that is most likely why.
  const huge = book.sheets.find((s) => s.tooLarge && !isOutputSheet(s));
  if (!ledger && huge && choice?.source === undefined)
    throw new InputError("tooLarge", tooLargeMessage(huge), early());
  if (!ledger) throw noLedger(choice?.source, early());
  if (ledger.sheet.tooLarge && !ledger.isTable && ledger.candidate.source.kind !== "selection") {
    throw new InputError("tooLarge", tooLargeMessage(ledger.sheet), early());
  }
  if (ledger.sheet.protected) {
    throw new InputError(
      "protected",
      b(
        `Het blad '${ledger.sheet.name}' is beveiligd: hef de beveiliging op of kies een ander blad.`,
        `The sheet '${ledger.sheet.name}' is protected: unprotect it or choose another sheet.`,
      ),
    );
  }
  const sources = ledgerSources(places, ledger).map((place) => ({
    place,
    read: readPlace(place, choice?.mapping),
  }));
  const read = mergeReads(sources.map((s) => s.read));
  if (read.missing.length > 0) {
    const names = read.missing.map((f) => FIELD_NAMES[f] ?? { nl: f, en: f });
    throw new InputError(
      "missingColumns",
      b(
        `In '${ledger.candidate.label}' zijn de kolommen ${names.map((n) => n.nl).join(" en ")} niet gevonden.`,
        `The columns ${names.map((n) => n.en).join(" and ")} were not found in '${ledger.candidate.label}'.`,
      ),
      early(),
    );
  }
  const kf = findAllKeyFigures(book, ledger);
  const figures = mergeKeyFigures(kf.perSheet, typed);
  const rules = findUserRules(book, ledger);
  const years = yearsOf(read, figures);
  if (read.lines.length === 0) {
    throw new InputError(
      "noLines",
      b(
        `'${ledger.candidate.label}' heeft geen kostenregels onder de kopregel.`,
        `'${ledger.candidate.label}' has no cost lines below its header.`,
      ),
      detection(places, chosen, figures, [], years),
      read.issues,
    );
  }
  const skipped = book.sheets.filter((s) => s.tooLarge && !isOutputSheet(s)).map(tooLargeIssue);
  const oneYear = new Set(figures.map((f) => f.year).filter((y) => y !== undefined));
  const fallbackYear = oneYear.size === 1 ? [...oneYear][0]! : null;
  return {
    book,
    places,
    ledger,
    sources,
    read,
    reconciliations: sources.map((s) => reconcile(s.read, { fallbackYear })),
    perSheet: kf.perSheet,
    typed,
    figures,
    manual,
    rules: rules.rules,
    issues: [...read.issues, ...kf.issues, ...rules.issues, ...skipped],
    years,
  };
}

/** The reads of several year sheets as one: their lines and issues in order, the first's columns. */
function mergeReads(reads: LedgerRead[]): LedgerRead {
  if (reads.length === 1) return reads[0];
  const [first] = reads;
  return {
    ...first,
    sheet: undefined,
    lines: reads.flatMap((r) => r.lines),
    issues: reads.flatMap((r) => r.issues),
    skipped: reads.reduce((n, r) => n + r.skipped, 0),
    skippedRows: reads.flatMap((r) => r.skippedRows),
    blankRows: reads.reduce((n, r) => n + r.blankRows, 0),
    ambiguous: reads.flatMap((r) => r.ambiguous),
    sheetYearConflicts: reads.reduce((n, r) => n + r.sheetYearConflicts, 0),
  };
}

/**
 * The same inputs with other typed key figures (the CLI's --inhabitants for the comparison year, once
 * that year is known): only the merge is redone, not the read.
 */
export function withTypedFigures(inputs: Inputs, typed: KeyFigures[]): Inputs {
  const figures = mergeKeyFigures(inputs.perSheet, typed);
  return { ...inputs, typed, figures, years: yearsOf(inputs.read, figures) };
}

/** The comparison year: the one asked for, else the latest ledger year, else the latest key-figure year. */
export function defaultYear(inputs: Inputs, asked?: number): number {
  if (asked !== undefined) return asked;
  let latest: number | null = null;
  for (const l of inputs.read.lines)
    if (l.year !== null && (latest === null || l.year > latest)) latest = l.year;
  if (latest !== null) return latest;
  if (inputs.years.length > 0) return inputs.years[inputs.years.length - 1];
  return getEdition().bookYear;
}

/** No ledger where the user pointed (a sheet or table gone, or no selection), or none found at all. */
function noLedger(src: LedgerSource | undefined, found: InputDetection): InputError {
  if (src && src.kind !== "selection")
    return new InputError(
      "ledgerGone",
      b(
        `Het grootboek '${src.name}' is niet (meer) in de werkmap.`,
        `The ledger '${src.name}' is not (or no longer) in the workbook.`,
      ),
      found,
    );
  if (src)
    return new InputError(
      "noSelection",
      b(
        "Selecteer eerst het grootboek (met de kopregel) en probeer het opnieuw.",
        "Select the ledger first (with its header row) and try again.",
      ),
      found,
    );
  return new InputError(
    "noLedger",
    b(
      "Geen grootboek gevonden: geen blad of tabel heeft kolommen als Omschrijving en Bedrag.",
      "No ledger found: no sheet or table has columns such as Description and Amount.",
    ),
    found,
  );
}

/** "17 miljard" / "17 billion" cells. */
function cellCount(cells: number): Bilingual {
  if (cells >= 1e9) {
    const n = Math.round(cells / 1e9);
    return b(`${n} miljard`, `${n} billion`);
  }
  const n = Math.round(cells / 1e6);
  return b(`${n} miljoen`, `${n} million`);
}

/** A ledger on a sheet over the read cap: refused, with what to do about stray cells. */
function tooLargeMessage(sheet: PlainSheet): Bilingual {
  const { address, cells } = sheet.tooLarge!;
  const n = cellCount(cells);
  return b(
    `Het blad '${sheet.name}' is te groot om te lezen (${address}, ${n.nl} cellen): verwijder lege opmaak of losse waarden buiten de tabel (Ctrl+End toont de laatste).`,
    `The sheet '${sheet.name}' is too large to read (${address}, ${n.en} cells): remove empty formatting or stray values outside the table (Ctrl+End shows the last one).`,
  );
}

/** Any other sheet over the cap: its key figures and rules are skipped, and the user is told. */
function tooLargeIssue(sheet: PlainSheet): ReadIssue {
  const { address, cells } = sheet.tooLarge!;
  const n = cellCount(cells);
  const last = address.split(":").pop()!;
  return {
    sheet: sheet.name,
    row: parseCellAddress(last).row,
    message: b(
      `Het blad '${sheet.name}' is te groot om helemaal te lezen (${address}, ${n.nl} cellen); kerngegevens en regels op dit blad zijn overgeslagen. Verwijder losse waarden buiten de tabel (Ctrl+End toont de laatste).`,
      `The sheet '${sheet.name}' is too large to read in full (${address}, ${n.en} cells); key figures and rules on it were skipped. Remove stray values outside the table (Ctrl+End shows the last one).`,
    ),
  };
}

const FIELD_NAMES: Record<string, Bilingual> = {
  description: b("Omschrijving", "Description"),
  amount: b("Bedrag", "Amount"),
};
