/**
 * Step 2 of the pane, "gegevens": the ledger and its columns, the key figures typed per book year,
 * and what of it goes to the workflows (InputChoice). Pure functions over PaneState; the
 * controller stores what they return.
 */
import { InputChoice, InputDetection, LedgerCandidate, LedgerSource } from "../excel/workflow-api";
import { KeyFigures, LedgerField } from "../model/types";
import { GemeenteState, NUMERIC_KEY_FIGURES, NumericKeyFigure, PaneState } from "./paneState";
import { findMunicipality, municipalityNames } from "../model/cbs/names";
import { AmbiguousHeader, ColumnMapping, missingFields as missingColumns, ReaderField } from "../model/grid";
import { READER_FIELDS } from "../model/grid/headers";
import { fold } from "../model/text";
import { StoredColumns } from "./settings";

/**
 * Every field the readers know, in the order the Kolommen step shows them: the ledger fields first
 * (description and amount required), then Debet/Credit, Saldo, dates, document and supplier numbers.
 */
export const PANE_FIELDS: readonly ReaderField[] = READER_FIELDS;

/** Parses a number typed by a Dutch or English user: "45000", "45.000", "45,000", "1.234,5", "12,5". */
export function parseTypedNumber(text: string): number | null {
  let s = text.replace(/[\s€]/g, "");
  if (s === "") return null;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // the later one is the decimal separator
    s = lastComma > lastDot ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (lastComma >= 0) {
    // "12,5" decimal; "45,000" thousands (exactly three digits after each comma)
    s = /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, "") : s.replace(",", ".");
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s) || /^-?\d{1,3}\.\d{3}$/.test(s)) {
    // "45.000" is how Dutch users write 45000
    s = s.replace(/\./g, "");
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * The fields the chosen ledger still lacks (required ones without a column). The amount is there when
 * Bedrag, Debet/Credit or Saldo has a column (an export with Debet and Credit needs no Bedrag).
 */
export function missingFields(state: PaneState): LedgerField[] {
  if (!state.detection) return [];
  return missingColumns(state.mapping);
}

/** Book years the key-figure fields are asked for: the detected years, or one field without a year. */
export function keyFigureYears(state: PaneState): (number | null)[] {
  const years = state.detection?.years ?? [];
  return years.length > 0 ? [...years].sort((a, b) => a - b) : [null];
}

/** Typed key figures that are not valid numbers, as [year, key]. */
export function invalidKeyFigures(typed: PaneState["typed"]): [string, NumericKeyFigure][] {
  const out: [string, NumericKeyFigure][] = [];
  for (const [y, figures] of Object.entries(typed)) {
    for (const key of NUMERIC_KEY_FIGURES) {
      const text = figures[key];
      if (text !== undefined && text.trim() !== "" && parseTypedNumber(text) === null) out.push([y, key]);
    }
  }
  return out;
}

/** The typed key figures as numbers, one set per book year that has any. */
function typedKeyFigures(typed: PaneState["typed"]): KeyFigures[] {
  const keyFigures: KeyFigures[] = [];
  for (const [y, figures] of Object.entries(typed)) {
    const kf: KeyFigures = {};
    for (const key of NUMERIC_KEY_FIGURES) {
      const n = parseTypedNumber(figures[key] ?? "");
      if (n !== null) kf[key] = n;
    }
    if (Object.keys(kf).length === 0) continue;
    if (y !== "") kf.year = Number(y);
    keyFigures.push(kf);
  }
  return keyFigures;
}

/** What the user chose in step 2, for the workflows; undefined when the workflows may detect themselves. */
export function inputChoice(state: PaneState): InputChoice | undefined {
  const choice: InputChoice = {};
  if (state.ledgerEdited && state.detection) {
    const candidate = state.detection.ledgers[state.ledgerIndex];
    const source: LedgerSource = candidate ? candidate.source : { kind: "selection" };
    choice.source = source;
    choice.mapping = { ...state.mapping };
  }
  const keyFigures = typedKeyFigures(state.typed);
  if (keyFigures.length > 0) choice.keyFigures = keyFigures;
  if (state.gemeente.chosen) choice.gemeente = state.gemeente.chosen;
  return Object.keys(choice).length > 0 ? choice : undefined;
}

/** The mapping as header texts, every field the pane shows ("" = no column): what the workbook keeps. */
export function columnsToStore(mapping: ColumnMapping, headers: readonly string[]): StoredColumns {
  const out: StoredColumns = {};
  for (const field of PANE_FIELDS) {
    const col = mapping[field];
    out[field] = col === undefined ? "" : (headers[col] ?? "").trim();
  }
  return out;
}

/**
 * The stored columns over the detected ones: a field whose stored header is in the ledger gets that
 * column, a field stored as "" none; a stored header the ledger no longer has leaves the detection
 * (a new export with other headers is read as detected). Returns the mapping and the fields it settled.
 */
export function withStoredColumns(
  candidate: LedgerCandidate,
  stored: StoredColumns,
): { mapping: ColumnMapping; confirmed: ReaderField[] } {
  const mapping: ColumnMapping = { ...candidate.mapping };
  const confirmed: ReaderField[] = [];
  const headers = candidate.headers.map((h) => fold(h));
  for (const field of PANE_FIELDS) {
    const header = stored[field];
    if (header === undefined) continue;
    if (header === "") {
      delete mapping[field];
      confirmed.push(field);
      continue;
    }
    // The exact text first: "OMSCHRIJVING" and "Omschrijving" fold alike, and may both be there.
    const exact = candidate.headers.findIndex((h) => h.trim() === header);
    const col = exact >= 0 ? exact : headers.indexOf(fold(header));
    if (col < 0) continue;
    // A column serves one field: the stored choice takes it from a field the detection gave it to.
    for (const other of PANE_FIELDS) if (other !== field && mapping[other] === col) delete mapping[other];
    mapping[field] = col;
    confirmed.push(field);
  }
  return { mapping, confirmed };
}

/** Ambiguous headers of the chosen ledger the user has not settled: the pane asks for them. */
export function openAmbiguities(state: PaneState): AmbiguousHeader[] {
  const candidate = state.detection?.ledgers[state.ledgerIndex];
  return (candidate?.ambiguous ?? []).filter((a) => !state.confirmed.includes(a.field));
}

/**
 * The state after a detection: keeps the user's ledger and columns when they still exist, else takes
 * the columns kept in the workbook for the detected ledger (`stored`), keeps the year when the workbook
 * still has it, and opens step 2 when asked, when something is missing or when a header is ambiguous.
 */
export function withDetection(
  state: PaneState,
  detection: InputDetection,
  open: boolean,
  stored?: (source: LedgerSource) => StoredColumns | undefined,
): Partial<PaneState> {
  const chosen = detection.chosen >= 0 && detection.chosen < detection.ledgers.length ? detection.chosen : -1;
  const keep = state.ledgerEdited && state.ledgerIndex < detection.ledgers.length;
  const ledgerIndex = keep ? state.ledgerIndex : chosen;
  const candidate = detection.ledgers[ledgerIndex];
  let mapping: ColumnMapping = keep ? state.mapping : { ...(candidate?.mapping ?? {}) };
  let confirmed: ReaderField[] = keep ? state.confirmed : [];
  let ledgerEdited = keep;
  const kept = !keep && candidate ? stored?.(candidate.source) : undefined;
  if (kept && candidate) {
    ({ mapping, confirmed } = withStoredColumns(candidate, kept));
    // The kept choice goes with every action, as if chosen now.
    ledgerEdited = confirmed.length > 0;
  }
  const year = state.year !== null && detection.years.includes(state.year) ? state.year : null;
  const ambiguous = (candidate?.ambiguous ?? []).some((a) => !confirmed.includes(a.field));
  const missing =
    ledgerIndex < 0 || missingColumns(mapping).length > 0 || detection.missingKeyFigures.length > 0;
  return {
    detection,
    ledgerIndex,
    mapping,
    ledgerEdited,
    confirmed,
    year,
    dataOpen: open || missing || ambiguous || state.dataOpen,
  };
}

/** How many names the type-ahead lists at once. */
export const GEMEENTE_SUGGESTIONS = 8;

/** The type-ahead's names for what is typed (offline, CBS's spelling); none for an empty field. */
export function gemeenteSuggestions(text: string): string[] {
  return text.trim() === "" ? [] : municipalityNames(text).slice(0, GEMEENTE_SUGGESTIONS);
}

/**
 * What typed text settles on: a CBS name only when it is one municipality (also as people write it: "Den
 * Bosch", "gemeente zwolle"); an ambiguous name (Bergen), an unknown one or "Nederland" stays unchosen
 * with CBS's message, so the user picks — never a guess. An empty field chooses nothing and says nothing.
 */
export function gemeenteState(text: string): GemeenteState {
  if (text.trim() === "") return { text, chosen: null, message: null };
  const found = findMunicipality(text);
  if (found.kind === "match") return { text, chosen: found.name, message: null };
  return { text, chosen: null, message: "message" in found ? found.message : null };
}
