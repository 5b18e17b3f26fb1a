/**
 * The add-in's output sheets, in one place: the role, the name each gets and the start of its A1 title.
 * Both faces use it to name them, to tell them from the user's sheets (never read as input, adoptable
 * after a failed run, replaced by a rebuild) and to recognise them in a workbook saved again by Excel.
 * The input sheets the add-in makes (template, sample) are the user's and are not listed here.
 */
import { Language } from "../types";
import { AUDIT_SHEET } from "./audit";
import { CATEGORISATION_SHEET } from "./categorisation";
import { COMPARISON_SHEET, COMPARISON_TITLE } from "./comparison";
import { EXPLANATION_SHEET } from "./explanation";
import { IV3_SHEET } from "./iv3";
import { TREND_SHEET, TREND_TITLE } from "./trend";
import { SheetRole } from "./types";

export type OutputRole = "categorisation" | "comparison" | "trend" | "explanation" | "audit" | "iv3";

export interface OutputSheetWords {
  name: Record<Language, string>;
  /** How its A1 starts (the title; for some the name itself). */
  title: Record<Language, string>;
}

export const OUTPUT_SHEETS: Readonly<Record<OutputRole, OutputSheetWords>> = {
  categorisation: { name: CATEGORISATION_SHEET, title: CATEGORISATION_SHEET },
  comparison: { name: COMPARISON_SHEET, title: COMPARISON_TITLE },
  trend: { name: TREND_SHEET, title: TREND_TITLE },
  explanation: { name: EXPLANATION_SHEET, title: EXPLANATION_SHEET },
  audit: { name: AUDIT_SHEET, title: AUDIT_SHEET },
  iv3: { name: IV3_SHEET, title: IV3_SHEET },
};

export const OUTPUT_ROLES = Object.keys(OUTPUT_SHEETS) as readonly OutputRole[];

export function isOutputRole(role: SheetRole | undefined): role is OutputRole {
  return role !== undefined && Object.prototype.hasOwnProperty.call(OUTPUT_SHEETS, role);
}
