/**
 * Shared types of the domain core. Nothing here knows about Office, Excel or Node:
 * the task pane, the custom functions and the command-line tool all speak these types.
 */

/** A cell as Excel's `Range.values` gives it: blanks come as "". */
export type CellValue = string | number | boolean | null | undefined;
/** A rectangular block of cells, row-major, as `Range.values`. */
export type Grid = CellValue[][];

/** Every message a user can see exists in Dutch (first) and English. */
export interface Bilingual {
  nl: string;
  en: string;
}
export type Language = "nl" | "en";

export type Component = "software" | "personnel" | "infrastructure";

export type CategoryCode =
  | "SW.KA"
  | "SW.BV"
  | "SW.PP"
  | "SW.ZS"
  | "SW.IK"
  | "SW.IB"
  | "SW.BI"
  | "SW.OV"
  | "PE.MG"
  | "PE.IF"
  | "PE.FB"
  | "PE.AU"
  | "IN.WP"
  | "IN.SB"
  | "IN.ND"
  | "IN.DC"
  | "XX.NI"
  | "XX.OO";

/** SaaS or on-premise: software lines only; null where unknown or not software. */
export type Delivery = "saas" | "on-premise" | null;
/** Own staff (eigen) or hired (inhuur): personnel lines only. */
export type Staffing = "own" | "hired" | null;
/** What kind of cost a line is (the TCO model counts depreciation, not investment). */
export type Nature =
  "licence" | "subscription" | "project" | "depreciation" | "salary" | "hire" | "service" | null;

/** A problem with one row of user input; the row is skipped, the rest goes on. */
export interface ReadIssue {
  /** Sheet (or file) name where known. */
  sheet?: string;
  /** 1-based row number as the user sees it in the spreadsheet or CSV file. */
  row: number;
  message: Bilingual;
}

/** The ledger columns the reader knows (see the workbook contract). */
export type LedgerField =
  | "description"
  | "amount"
  | "supplier"
  | "account"
  | "year"
  | "costCentre"
  | "fte"
  | "category"
  | "taakveld"
  | "iv3Category";

/** One cost line of the user's ledger (grootboek), as read. */
export interface LedgerLine {
  /** 1-based source row number in the sheet/file. */
  row: number;
  description: string;
  supplier: string;
  account: string;
  amount: number;
  year: number | null;
  costCentre: string;
  fte: number | null;
  /** The user's own category (code or label) from a Categorie column; wins over rules. */
  category: string | null;
  /** Iv3 taakveld as written ("0.4 Overhead", "0.4"); "" when the ledger has no such column. */
  taakveld?: string;
  /** Iv3 categorie (economische categorie) as written ("3.5.1 Ingeleend personeel"); "" when absent. */
  iv3Category?: string;
}

/** Where a line's book year came from, in the order the reader tries them. */
export type YearSource = "boekjaar" | "datum" | "periode" | "blad" | "kerngegevens";

/** Why a line landed where it did, and the attributes the report's KPIs need. */
export interface Classification {
  category: CategoryCode;
  component: Component | null;
  delivery: Delivery;
  staffing: Staffing;
  nature: Nature;
  /** Human-readable: which rule decided (e.g. "leverancier: Centric", "handmatig", "regel 3 (Regels)"). */
  rule: string;
  /** 0..1; 1 for manual choices, lower for weak evidence, 0 for XX.OO. */
  confidence: number;
  /**
   * An ICT line paid through a gemeenschappelijke regeling (Iv3 categorie 4.3.3, e.g. the
   * contribution to an ICT shared-service organisation): counted in its category as any line, and
   * apart in the totals (YearTotals.viaGr). Absent or false otherwise.
   */
  viaGr?: boolean;
}

export type CategorisedLine = LedgerLine & Classification;

/** Key figures (kerngegevens) of one book year. */
export interface KeyFigures {
  municipality?: string;
  year?: number;
  inhabitants?: number;
  budget?: number;
  fteOwn?: number;
  fteHired?: number;
  /**
   * Optional context (issue 12): fte spent on projects per theme of the report's figure 16, the
   * organisation's employees (fte or persons, as the user counts them) and its ICT workplaces.
   */
  projectFteLaws?: number;
  projectFteDigitalMaturity?: number;
  projectFteDataDriven?: number;
  projectFteCaseBased?: number;
  projectFteSecurity?: number;
  projectFteDigitalWorkplace?: number;
  employees?: number;
  workplaces?: number;
}

/** A user's own categorisation rule (Regels sheet); wins over the built-in ones. */
export interface UserRule {
  /** The words or "*" pattern; for a "supplierAccount" rule the supplier, matched whole. */
  pattern: string;
  /**
   * Which column the pattern is looked for in. "supplierAccount" is a rule learnt from a correction
   * (Handmatig): the line's supplier equals `pattern` and its account equals `account`, both whole
   * (case and spacing aside) — never a part of either.
   */
  field: "description" | "supplier" | "account" | "any" | "supplierAccount";
  category: CategoryCode;
  delivery?: Delivery;
  staffing?: Staffing;
  /** The account of a "supplierAccount" rule ("" matches lines without one). */
  account?: string;
  /** Where a learnt rule came from, e.g. "Grootboek rij 12: Mobiele telefonie januari". */
  source?: string;
}

/**
 * A computation that could not be done, as a typed value rather than NaN/Infinity or a throw.
 * `kind` maps onto Excel's errors: value → #VALUE!, num → #NUM!, na → #N/A, div0 → #DIV/0!.
 */
export interface KpiError {
  error: "value" | "num" | "na" | "div0";
  message: Bilingual;
  /**
   * With `num`: a number argument the user gave lies outside what the figure allows (0 inhabitants, negative
   * fte, 10 typed for 0.10), rather than a result that overflowed. The custom functions show such an error
   * as #VALUE! with the message, because Excel shows no message with #NUM! (docs/functions.md#errors).
   */
  argument?: true;
}
export type KpiResult = number | KpiError;

export function isKpiError(x: unknown): x is KpiError {
  return typeof x === "object" && x !== null && "error" in x && "message" in x;
}
