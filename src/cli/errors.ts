/** A mistake of the user's (bad file, bad flag): reported as one bilingual line, exit code 2, no stack. */
import { Bilingual } from "../model/types";

export class UserError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(`${bilingual.nl} / ${bilingual.en}`);
    this.name = "UserError";
  }
}

export function userError(nl: string, en: string): UserError {
  return new UserError({ nl, en });
}
