/**
 * Names for the add-in's output sheets, shared by the Office add-in (src/excel/ownership.ts) and the CLI
 * (src/cli/compare.ts). Pure: no Office.js, no file system.
 */

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME = 31;

/** Characters Excel forbids in sheet names, replaced so a layout name can never be refused. */
function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, "-")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "ICT").slice(0, MAX_SHEET_NAME);
}

/**
 * The name for an add-in sheet: `desired` unless another sheet has it (Excel compares names
 * case-insensitively); then "desired (2)", "(3)", … shortened to fit 31 characters.
 * `ownedNames` are names the add-in may take over (its own sheet for this role).
 */
export function pickSheetName(
  desired: string,
  existingNames: Iterable<string>,
  ownedNames: Iterable<string> = [],
): string {
  const free = new Set([...ownedNames].map((n) => n.toLowerCase()));
  const taken = new Set([...existingNames].map((n) => n.toLowerCase()).filter((n) => !free.has(n)));
  const base = cleanSheetName(desired);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
