/**
 * Text that Excel would take for a formula once the user edits the cell (F2, Enter): "=…", "+…", "-…",
 * "@…", also after spaces or a tab ("\t=1+1": the readers trim it to "=1+1"). The copy stores every
 * string as text, but Excel's quote prefix is a cell property it cannot rely on in every writer; such
 * cells get the Text number format ("@") instead, in which Excel keeps an edited "=1+1" as text too.
 */
export function isFormulaLike(value: unknown): value is string {
  return typeof value === "string" && /^\s*[=+\-@]/.test(value);
}

/** Excel's Text number format (built-in number format 49). */
export const TEXT_FORMAT = "@";
