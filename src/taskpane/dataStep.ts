/**
 * Step 2 of the pane, "gegevens": the ledger and its columns, the key figures typed per book year,
 * and what of it goes to the workflows (InputChoice). Pure functions over PaneState; the
 * controller stores what they return.
 */
import { InputChoice, InputDetection, LedgerSource } from "../excel/workflow-api";
import { KeyFigures, LedgerField } from "../model/types";
import { GemeenteState, NUMERIC_KEY_FIGURES, NumericKeyFigure, PaneState } from "./paneState";
import { findMunicipality, municipalityNames } from "../model/cbs/names";
import { missingFields as missingColumns } from "../model/grid";

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

/**
 * The state after a detection: keeps the user's ledger and columns when they still exist, keeps
 * the year when the workbook still has it, and opens step 2 when asked or when something is missing.
 */
export function withDetection(
  state: PaneState,
  detection: InputDetection,
  open: boolean,
): Partial<PaneState> {
  const chosen = detection.chosen >= 0 && detection.chosen < detection.ledgers.length ? detection.chosen : -1;
  const keep = state.ledgerEdited && state.ledgerIndex < detection.ledgers.length;
  const ledgerIndex = keep ? state.ledgerIndex : chosen;
  const mapping = keep ? state.mapping : { ...(detection.ledgers[ledgerIndex]?.mapping ?? {}) };
  const year = state.year !== null && detection.years.includes(state.year) ? state.year : null;
  const missing =
    ledgerIndex < 0 || missingColumns(mapping).length > 0 || detection.missingKeyFigures.length > 0;
  return {
    detection,
    ledgerIndex,
    mapping,
    ledgerEdited: keep,
    year,
    dataOpen: open || missing || state.dataOpen,
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
