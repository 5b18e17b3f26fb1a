/**
 * The `CustomFunctions` global of Office's custom functions runtime (CustomFunctionsRuntime 1.1), as far as
 * the ICTCOST functions use it. The runtime provides it in the shared runtime; @types/custom-functions-runtime
 * (where Microsoft publishes these declarations) is not a dependency of this project, so they are declared
 * here. Remove this file if that package is ever added.
 */
declare namespace CustomFunctions {
  /** Registers a JavaScript function under the id of its JSON metadata (added by the metadata plugin's loader). */
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;

  /** An Excel error returned (or thrown) by a custom function. */
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  /** The Excel error a `CustomFunctions.Error` shows in the cell. */
  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }
}
