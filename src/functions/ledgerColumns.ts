/**
 * Helpers of the ICTCOST functions that work on cost lines: the categoriser (compiled once when the
 * runtime loads the functions, so CATEGORY over a whole ledger column is one pass), PERINHABITANT's
 * sum of the amounts that match a criterion, and CATEGORY's one code per row. Errors are returned,
 * never thrown.
 */
import { compileCategoriser } from "../model/categorise";
import { Classification, KpiError } from "../model/types";
import { criterionMatcher, fail, isBlankCell, sameShape, sumNumbers } from "./adapt";

const categoriser = compileCategoriser();

function cellText(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
}

/** Categorises one cost line from the cells of its description, supplier and account. */
export function classify(description: unknown, supplier: unknown, account: unknown): Classification {
  return categoriser.classify({
    description: cellText(description),
    supplier: cellText(supplier),
    account: cellText(account),
  });
}

/**
 * The sum of the amounts (text and blanks ignored, as SUM does); with a criteria range and a
 * criterion, only the rows whose criteria cell matches (like SUMIF). Both or neither must be given.
 */
export function sumAmounts(
  values: unknown[][],
  range: unknown[][] | undefined,
  wanted: string | undefined,
): number | KpiError {
  if ((range === undefined) !== (wanted === undefined)) {
    return fail(
      "value",
      "Geef criteriumbereik en criterium samen op, of geen van beide.",
      "Give both criteria_range and criterion, or neither.",
    );
  }
  if (!range || wanted === undefined) return sumNumbers(values);
  if (!sameShape(values, range)) {
    return fail(
      "value",
      `Criteriumbereik moet even groot zijn als bedragen (${values.length} rijen × ${values[0]?.length ?? 0} kolommen).`,
      "criteria_range must have the same shape as amounts.",
    );
  }
  const matches = criterionMatcher(wanted);
  return sumNumbers(values, (r, c) => matches(range[r][c]));
}

/** A category code per row of description (with supplier and account, same shape); "" for a blank line. */
export function categoryColumn(
  d: unknown[][],
  s: unknown[][] | undefined,
  a: unknown[][] | undefined,
): string[][] | KpiError {
  if ((s && !sameShape(d, s)) || (a && !sameShape(d, a))) {
    return fail(
      "value",
      "Leverancier en grootboekrekening moeten even groot zijn als omschrijving.",
      "supplier and account must have the same shape as description.",
    );
  }
  return d.map((row, r) =>
    row.map((desc, c) => {
      const sup = s ? s[r][c] : "";
      const acc = a ? a[r][c] : "";
      if (isBlankCell(desc) && isBlankCell(sup) && isBlankCell(acc)) return "";
      return classify(desc, sup, acc).category;
    }),
  );
}

export function unknownCategory(text: string): KpiError {
  return fail(
    "na",
    `"${text}" is geen categorie (gebruik een code als "SW.KA" of een naam als "Werkplek").`,
    `"${text}" is not a category (use a code such as "SW.KA" or a name such as "Workplace").`,
  );
}
