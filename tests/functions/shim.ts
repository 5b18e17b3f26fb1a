/**
 * A stand-in for the `CustomFunctions` global of Office's custom functions runtime, installed before
 * src/functions is imported (import this module first). Only what the functions use: Error, ErrorCode,
 * associate.
 */
enum ShimErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

export class ShimError {
  constructor(
    public code: ShimErrorCode,
    public message?: string,
  ) {}
}

export const associated = new Map<string, unknown>();

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: ShimError,
  ErrorCode: ShimErrorCode,
  associate: (id: string, fn: unknown) => associated.set(id, fn),
};

/** The Excel error code a custom function's result shows, or null for a value. */
export function excelError(x: unknown): string | null {
  return x instanceof ShimError ? x.code : null;
}
