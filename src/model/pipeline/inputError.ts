/**
 * Why the pipeline cannot go on with a workbook, as data: a code each face can add its own advice to
 * (the pane: "kies bij Gegevens…"; the CLI: "gebruik --sheet"), the neutral message, and what was found
 * so far (the pane's mapping step shows it).
 */
import { Bilingual, ReadIssue } from "../types";
import { InputDetection } from "./workbook";

export type InputErrorCode =
  | "noLedger"
  | "ledgerGone"
  | "noSelection"
  | "tooLarge"
  | "protected"
  | "missingColumns"
  | "noLines"
  | "noInhabitants"
  | "oneYear";

export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly userMessage: Bilingual,
    readonly detection?: InputDetection,
    readonly issues: ReadIssue[] = [],
  ) {
    super(`${userMessage.nl} (${userMessage.en})`);
    this.name = "InputError";
  }
}

export const b = (nl: string, en: string): Bilingual => ({ nl, en });

/** Two sentences as one message, in both languages. */
export function withHint(message: Bilingual, hint: Bilingual | undefined): Bilingual {
  return hint ? b(`${message.nl} ${hint.nl}`, `${message.en} ${hint.en}`) : message;
}
