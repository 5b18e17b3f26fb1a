/**
 * `--edition-file <path.json>` for `compare` and `benchmark`: a newer benchmark edition the user supplies
 * as JSON. It is checked with the core's loadEdition, registered for this run only and, unless --edition
 * names another, used as the run's edition.
 */
import { readFile } from "fs/promises";
import { Edition, getEdition, loadEdition, registerEdition, unregisterEdition } from "../model/benchmark";
import { Bilingual } from "../model/types";
import type { CommandResult } from "./commands";
import { userError } from "./errors";

/** Validation messages shown at most; the rest is counted. */
export const MAX_EDITION_ERRORS = 20;

/** Exit 2 with every validation problem (up to MAX_EDITION_ERRORS), one bilingual line each. */
function editionErrorsResult(path: string, errors: readonly Bilingual[]): CommandResult {
  const shown = errors.slice(0, MAX_EDITION_ERRORS).map((e) => `  ${e.nl} / ${e.en}\n`);
  const rest = errors.length - shown.length;
  const more = rest > 0 ? [`  … en nog ${rest} / … and ${rest} more\n`] : [];
  return {
    exitCode: 2,
    stdout: "",
    stderr:
      `ictcost: ${path} is geen geldige benchmarkeditie / ${path} is not a valid benchmark edition\n` +
      shown.join("") +
      more.join(""),
  };
}

/** Read and check an edition file; a missing or unreadable file is a user error (exit 2). */
async function readEditionFile(path: string): Promise<{ edition?: Edition; errors: Bilingual[] }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw userError(`Bestand niet gevonden: ${path}`, `File not found: ${path}`);
    }
    throw userError(
      `Bestand niet te lezen: ${path} (${(e as Error).message})`,
      `Cannot read file: ${path} (${(e as Error).message})`,
    );
  }
  // A BOM (Notepad's UTF-8) is no part of the JSON.
  return loadEdition(text.replace(/^\uFEFF/, ""));
}

/**
 * Run `body` with the edition id to use: the file's edition registered (then removed again, or the edition
 * it replaced put back, so an in-process run leaves the registry as it found it). Without a file, `body`
 * gets `edition` unchanged.
 */
export async function withEditionFile(
  file: string | undefined,
  edition: string | undefined,
  body: (edition: string | undefined) => Promise<CommandResult>,
): Promise<CommandResult> {
  if (file === undefined) return body(edition);
  const loaded = await readEditionFile(file);
  if (!loaded.edition) return editionErrorsResult(file, loaded.errors);
  const id = loaded.edition.id;
  const replaced = getEdition(id);
  registerEdition(loaded.edition);
  try {
    return await body(edition ?? id);
  } finally {
    if (replaced) registerEdition(replaced);
    else unregisterEdition(id);
  }
}
