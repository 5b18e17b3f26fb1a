/** Command-line flags that carry numbers: checked here, so a typo is a message, never a wrong figure. */
import { parseAmount, parseNumber, parseYear } from "../model/amount";
import { userError } from "./errors";

export function flagYear(value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = typeof value === "string" && /^\d{4}$/.test(value.trim()) ? parseYear(value) : null;
  if (year === null) {
    throw userError(
      `--year verwacht een jaartal (bijv. 2022), niet '${value}'`,
      `--year needs a year (e.g. 2022), not '${value}'`,
    );
  }
  return year;
}

export function flagPositive(name: string, value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "string" ? (name === "budget" ? parseAmount(value) : parseNumber(value)) : null;
  if (n === null || !(n > 0)) {
    throw userError(
      `--${name} verwacht een positief getal, niet '${value}'`,
      `--${name} needs a positive number, not '${value}'`,
    );
  }
  return n;
}
