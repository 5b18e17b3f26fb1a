/**
 * Loading a benchmark edition in the pane, without state or DOM: registering the editions kept in the
 * workbook, checking an edition's JSON (size, validity, not the built-in id) and the messages that say how
 * it went. The controller keeps the result in its state and stores a valid edition in the workbook.
 */
import { BUILTIN_EDITION, Edition, loadEdition, registerEdition } from "../model/benchmark";
import { Bilingual } from "../model/types";
import { errorMessage, fromStrings } from "./messages";
import { MAX_EDITION_BYTES, SettingsStore, storedEditions, utf8Length } from "./settings";

/** Validation problems shown at most after loading an edition; the rest is counted. */
export const MAX_EDITION_ERRORS_SHOWN = 20;

/** What loading an edition (or re-loading the workbook's stored ones) came to. */
export interface EditionLoad {
  ok: boolean;
  message: Bilingual;
  /** The validation problems, at most MAX_EDITION_ERRORS_SHOWN. */
  errors: Bilingual[];
  /** Problems not listed. */
  more: number;
}

/** An edition file the user picked: its size is checked before it is read. */
export interface EditionFile {
  name: string;
  size: number;
  read(): Promise<string>;
}

/** An edition's JSON checked: the edition and the JSON to keep, or why it cannot be loaded. */
export type CheckedEdition = { edition: Edition; json: string } | { edition: null; failure: EditionLoad };

/**
 * Registers the editions kept in the workbook's settings (at start, before the pane lists the editions).
 * Returns what could not be loaded; the built-in edition's id is never replaced.
 */
export function registerStoredEditions(store: SettingsStore | null): Bilingual[] {
  const problems: Bilingual[] = [];
  for (const [id, json] of Object.entries(storedEditions(store))) {
    const { edition, errors } = loadEdition(json);
    const first =
      errors[0] ?? (edition?.id === BUILTIN_EDITION.id ? fromStrings("editionBuiltinId", { id }) : null);
    if (edition && !first) registerEdition(edition);
    else if (first) {
      problems.push({
        nl: fromStrings("storedEditionInvalid", { id, message: first.nl }).nl,
        en: fromStrings("storedEditionInvalid", { id, message: first.en }).en,
      });
    }
  }
  return problems;
}

/** The problems with the workbook's stored editions as the settings show them (the first is the message). */
export function storedEditionsLoad(problems: Bilingual[]): EditionLoad | null {
  return problems.length ? { ok: false, message: problems[0], errors: problems.slice(1), more: 0 } : null;
}

function failed(message: Bilingual, errors: Bilingual[] = [], more = 0): EditionLoad {
  return { ok: false, message, errors, more };
}

/** A file or text over MAX_EDITION_BYTES, in KB as the user knows file sizes. */
export function tooLarge(name: string, bytes: number): EditionLoad {
  const kb = (n: number) => Math.ceil(n / 1024);
  return failed(fromStrings("editionTooLarge", { name, size: kb(bytes), max: kb(MAX_EDITION_BYTES) }));
}

export function unreadable(name: string, err: unknown): EditionLoad {
  return failed(fromStrings("editionUnreadable", { name, message: errorMessage(err) }));
}

/** Checks an edition's JSON with the core; `name` (the file's) is for the messages. */
export function checkEdition(text: string, name: string): CheckedEdition {
  // a byte order mark (some editors write one) is no part of the JSON, and JSON.parse refuses it
  const json = text.replace(/^\uFEFF/, "");
  if (json.trim() === "") return { edition: null, failure: failed(fromStrings("editionPasteEmpty")) };
  const bytes = utf8Length(json);
  if (bytes > MAX_EDITION_BYTES) return { edition: null, failure: tooLarge(name, bytes) };
  const { edition, errors } = loadEdition(json);
  if (!edition) {
    const failure = failed(
      fromStrings("editionInvalid", { count: errors.length }),
      errors.slice(0, MAX_EDITION_ERRORS_SHOWN),
      Math.max(0, errors.length - MAX_EDITION_ERRORS_SHOWN),
    );
    return { edition: null, failure };
  }
  if (edition.id === BUILTIN_EDITION.id) {
    return { edition: null, failure: failed(fromStrings("editionBuiltinId", { id: edition.id })) };
  }
  return { edition, json };
}

/** A valid edition loaded; `kept` says whether the workbook's settings could store it. */
export function loaded(edition: Edition, kept: boolean): EditionLoad {
  const vars = { title: edition.title, year: edition.bookYear };
  return {
    ok: true,
    message: fromStrings(kept ? "editionLoaded" : "editionLoadedNotSaved", vars),
    errors: [],
    more: 0,
  };
}
