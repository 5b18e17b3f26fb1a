/**
 * Messages the pane makes itself (not a workflow's): both languages filled at once, because the state keeps
 * them as Bilingual and the view picks the language when it draws (a language switch needs no new message).
 */
import { Bilingual } from "../model/types";
import { STRINGS, StringKey } from "./strings";

export function fromStrings(key: StringKey, vars: Record<string, string | number> = {}): Bilingual {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w));
  return { nl: fill(STRINGS[key].nl), en: fill(STRINGS[key].en) };
}

/** The exception's message without a final full stop (the sentence around it has its own). */
export function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : typeof err === "string" ? err : "";
  return text.trim().replace(/[.\s]+$/, "") || "onbekende fout / unknown error";
}
