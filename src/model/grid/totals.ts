/**
 * Total rows inside a ledger: "Totaal 44100", "Subtotaal ICT" (subtotals) and the source's grand
 * total ("Totaal", "Eindtotaal", "Totaal generaal", "Grand total"). The row reader skips them and
 * keeps their amount, so that the reconciliation can check them against the lines above.
 */
import { cellText, isEmptyCell, labelKey } from "./cells";

/** "Totaal", "Subtotaal", "Sub-totaal", "Eindtotaal", "Total", "Grand total" at the start. */
const TOTAL_LABEL = /^(?:sub-?|eind|grand\s*)?totaa?l(?![a-z])/i;
/** A grand total: "Totaal", "TOTAAL:", "Eindtotaal", "Totaal generaal", "Grand total" (labelKey form). */
const GRAND_TOTAL =
  /^(?:(?:eind|grand ?)totaa?l|totaa?l(?: generaal| general| overall| grootboek| alle [a-z]+)?)$/;

/** A total row carries its label in the description or in its first filled cell; null when none. */
export function totalLabel(row: unknown[], description: string): string | null {
  if (isTotalLabel(description)) return description;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (!isEmptyCell(v)) {
      if (typeof v !== "string") return null;
      const text = cellText(v);
      return isTotalLabel(text) ? text : null;
    }
  }
  return null;
}

export function grandTotal(label: string): boolean {
  return GRAND_TOTAL.test(labelKey(label));
}

/** First letter first (t, s, e, g), so that most descriptions never reach the regex. */
function isTotalLabel(text: string): boolean {
  const c = text.charCodeAt(0) | 32;
  return (c === 116 || c === 115 || c === 101 || c === 103) && TOTAL_LABEL.test(text);
}
