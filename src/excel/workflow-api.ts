/**
 * What the task pane (and the ribbon command) can ask of the workbook workflows.
 * The task pane imports only these types and the functions of ./workflows; all
 * Office.js calls stay in src/excel.
 */
import { Bilingual, CategoryCode, Language, ReadIssue } from "../model/types";
import type { LearnOffer } from "../model/learn";

export interface Progress {
  /** What is happening now, e.g. {nl: "Grootboek lezen…", en: "Reading ledger…"}. */
  step: Bilingual;
  /** 0..1 where known. */
  fraction?: number;
}

export interface WorkflowOptions {
  language: Language;
  onProgress?: (progress: Progress) => void;
  /** Cancels between steps/blocks; the add-in's sheets may then be partly refreshed, never the user's. */
  signal?: AbortSignal;
  /** Benchmark edition id (built-in or loaded); default the newest. */
  editionId?: string;
  /** Output sheet names chosen in the settings; defaults come from the layouts. */
  sheetNames?: Partial<Record<"categorisation" | "comparison" | "trend", string>>;
}

// The input types belong to the core pipeline; re-exported for the task pane.
export type { InputChoice, InputDetection, LedgerCandidate, LedgerSource } from "../model/pipeline/workbook";
import type { InputDetection, InputChoice } from "../model/pipeline/workbook";
import type { ReconciliationNote } from "../model/pipeline/notes";
import type { KpiExplanation } from "../model/explain/drilldown";
import type { LinesRequest } from "./workflows/drilldown";
export type { LinesRequest } from "./workflows/drilldown";

export interface WorkflowResult {
  ok: boolean;
  /** One or two sentences for the task pane, e.g. "412 regels gecategoriseerd, 9 onbekend (€ 3.120), …". */
  summary: Bilingual;
  issues: ReadIssue[];
  /** When !ok: what went wrong and what to do next, in words a controller understands. */
  error?: Bilingual;
  /** Set when the ledger or key figures could not be found: the pane shows its mapping step. */
  needsMapping?: InputDetection;
  /** Sheets written. */
  sheets: string[];
  unclassified?: { lines: number; amount: number };
  /** ICT paid through a gemeenschappelijke regeling (Iv3 4.3.3), counted in the KPIs and shown apart. */
  viaGr?: { lines: number; amount: number };
  /** The reconciliation of the ledger read (shown always; in red when it differs from the source's total). */
  reconciliation?: ReconciliationNote;
  /** Where key figures came from outside the workbook (CBS), and what CBS could not fill. */
  sources?: Bilingual[];
  /**
   * With a comparison, when CBS knows the municipality: the overhead context in one line (ICT share of
   * the overhead, overhead per inhabitant against its size class; overheadSummary in src/model/cbs).
   */
  overhead?: Bilingual;
  /** The lines to check first: amount × uncertainty, highest first (the categoriser's review list). */
  review?: { row: number; description: string; amount: number; category: string; confidence: number }[];
  /** With a comparison: per KPI the categories that make the difference and their biggest lines. */
  explanations?: KpiExplanation[];
  /** With a snapshot (ICT-controle): the fingerprint of the ledger lines and key figures. */
  fingerprint?: string;
  /**
   * Handmatig codes that could become a rule for the lines with the same supplier and account: what
   * each would change, keep and conflict with (src/model/learn). The pane asks before learnRules writes.
   */
  learn?: LearnOffer[];
}

/** An offer the controller accepted: its group (supplier and account) and the code typed. */
export interface LearnChoice {
  supplier: string;
  account: string;
  category: CategoryCode;
}

/** The commands behind the task-pane buttons; src/excel/workflows.ts implements them over Excel.run. */
export interface Workflows {
  /** Invoersjabloon: Kerngegevens, Grootboek (table) and Regels sheets. */
  insertTemplate(options: WorkflowOptions): Promise<WorkflowResult>;
  /** Voorbeeldgemeente: a fictitious municipality's key figures and two years of ledger. */
  loadSampleMunicipality(options: WorkflowOptions): Promise<WorkflowResult>;
  /** Which ledgers and key figures the workbook holds, for the "gegevens" step. */
  detectInputs(options: WorkflowOptions): Promise<InputDetection>;
  /** Categoriseren: write/refresh ICT-categorisatie, keeping manual categories. */
  categorise(options: WorkflowOptions, choice?: InputChoice): Promise<WorkflowResult>;
  /** Vergelijking maken: ICT-vergelijking for one year (default the latest). */
  buildComparison(options: WorkflowOptions, year?: number, choice?: InputChoice): Promise<WorkflowResult>;
  /** Trend: ICT-trend over all years. */
  buildTrend(options: WorkflowOptions, choice?: InputChoice): Promise<WorkflowResult>;
  /** Ribbon "Vergelijking bijwerken": categorise + compare (+ trend when several years). */
  rebuildAll(options: WorkflowOptions, choice?: InputChoice): Promise<WorkflowResult>;
  /** Momentopname: the ICT-controle sheet (KPIs as values, sources, rules, manual codes, fingerprint). */
  snapshot(options: WorkflowOptions, choice?: InputChoice): Promise<WorkflowResult>;
  /** "Toon regels": filter ICT-categorisatie to the lines behind one KPI (from `explanations`). */
  selectKpiLines(options: WorkflowOptions, request: LinesRequest): Promise<WorkflowResult>;
  /** Select the unclassified (XX.OO) rows of ICT-categorisatie so the user can fix them. */
  selectUnclassified(options: WorkflowOptions): Promise<WorkflowResult>;
  /**
   * Keep accepted learn offers as rules on the Regels sheet (created as the user's when missing), then
   * categorise again (like Categoriseren). Offers are worked out afresh from the workbook: one that no
   * longer changes anything is not written.
   */
  learnRules(
    options: WorkflowOptions,
    accepted: LearnChoice[],
    choice?: InputChoice,
  ): Promise<WorkflowResult>;
  /** Put a formula (e.g. "=ICTCOST.PERINHABITANT()") in the active cell. */
  insertFormula(formula: string): Promise<void>;
}
