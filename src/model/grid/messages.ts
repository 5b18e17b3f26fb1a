/**
 * The reader's bilingual messages about a row it could not read (left out of the sums): a
 * missing or unreadable amount (with the column it came from), one out of range, a missing
 * description. Each quotes the offending cell as the user sees it.
 */
import { cellText, displayValue, isExcelError } from "./cells";
import { ReaderField } from "./headers";
import { ReadIssue } from "../types";

export function missingAmount(row: number, description: string): ReadIssue["message"] {
  const d = displayValue(description, "nl");
  return { nl: `Rij ${row}: bedrag ontbreekt bij '${d}'`, en: `Row ${row}: amount is missing for '${d}'` };
}

const COLUMN_WORDS: Partial<Record<ReaderField, { nl: string; en: string }>> = {
  amount: { nl: "bedrag", en: "amount" },
  debit: { nl: "debet", en: "debit" },
  credit: { nl: "credit", en: "credit" },
};

export function unreadableAmount(row: number, cell: unknown, field: ReaderField): ReadIssue["message"] {
  const word = COLUMN_WORDS[field] ?? { nl: "bedrag", en: "amount" };
  if (isExcelError(cell)) {
    const e = cellText(cell);
    return {
      nl: `Rij ${row}: ${word.nl} is een Excel-fout (${e})`,
      en: `Row ${row}: ${word.en} is an Excel error (${e})`,
    };
  }
  return {
    nl: `Rij ${row}: ${word.nl} '${displayValue(cell, "nl")}' is geen getal`,
    en: `Row ${row}: ${word.en} '${displayValue(cell, "en")}' is not a number`,
  };
}

export function outOfRange(row: number, cell: unknown): ReadIssue["message"] {
  return {
    nl: `Rij ${row}: bedrag buiten bereik: '${displayValue(cell, "nl")}' (meer dan € 10.000.000.000.000)`,
    en: `Row ${row}: amount out of range: '${displayValue(cell, "en")}' (beyond € 10,000,000,000,000)`,
  };
}

export function missingDescription(row: number, cell: unknown): ReadIssue["message"] {
  return {
    nl: `Rij ${row}: omschrijving ontbreekt bij bedrag '${displayValue(cell, "nl")}'`,
    en: `Row ${row}: description is missing for amount '${displayValue(cell, "en")}'`,
  };
}
