/**
 * What the task pane knows at any moment (PaneState): the action running, what the workbook holds
 * (InputDetection), the choices made in the "gegevens" step, the last outcome; and where a fresh
 * pane starts. The controller changes it, the view and its sections draw it.
 */
import { InputDetection, Progress, WorkflowResult, Workflows } from "../excel/workflow-api";
import { Edition, listEditions } from "../model/benchmark";
import { ColumnMapping, ReaderField } from "../model/grid";
import { Bilingual } from "../model/types";
import { EditionLoad, storedEditionsLoad } from "./editions";
import { PaneSettings, SettingsStore } from "./settings";

export type ActionId =
  | "insertTemplate"
  | "loadSample"
  | "detect"
  | "categorise"
  | "compare"
  | "trend"
  | "selectUnclassified"
  | "snapshot"
  | "selectKpiLines"
  | "learn"
  | "insertFormula";

/** Actions that may take long: they get a Cancel button. */
export const CANCELLABLE: ReadonlySet<ActionId> = new Set(["loadSample", "categorise", "compare", "trend"]);

/** Key figures the pane can ask for (numbers typed in a field). */
export type NumericKeyFigure = "inhabitants" | "budget" | "fteOwn" | "fteHired";
export const NUMERIC_KEY_FIGURES: NumericKeyFigure[] = ["inhabitants", "budget", "fteOwn", "fteHired"];

export interface Busy {
  action: ActionId;
  progress: Progress | null;
  cancellable: boolean;
}

/** What the pane shows after an action: the workflow's result, or a message of the pane itself. */
export interface Outcome {
  action: ActionId;
  ok: boolean;
  summary: Bilingual | null;
  error: Bilingual | null;
  issues: WorkflowResult["issues"];
  sheets: string[];
  unclassified?: { lines: number; amount: number };
  reconciliation?: WorkflowResult["reconciliation"];
  sources?: WorkflowResult["sources"];
  /** After Vergelijken, when CBS knows the municipality: the overhead context in one line. */
  overhead?: WorkflowResult["overhead"];
  review?: WorkflowResult["review"];
  /** After Vergelijken: per KPI the categories and lines behind it ("Toon regels"). */
  explanations?: WorkflowResult["explanations"];
  /** After Momentopname: the fingerprint written on ICT-controle. */
  fingerprint?: string;
  /** Handmatig codes the pane offers to keep as a rule (asked, never written without a yes). */
  learn?: WorkflowResult["learn"];
}

/**
 * The municipality of step 2: what is typed, the CBS name it settles on (only an exact, unambiguous
 * match: "Bergen" stays unchosen until the user picks Bergen (L.) or Bergen (NH.)), and what to tell the
 * user when it does not settle.
 */
export interface GemeenteState {
  text: string;
  chosen: string | null;
  message: Bilingual | null;
}

export interface PaneState {
  settings: PaneSettings;
  /** The editions to choose from, oldest book year first. */
  editions: Edition[];
  /** The last edition load's result (null: none yet). */
  editionLoad: EditionLoad | null;
  busy: Busy | null;
  detection: InputDetection | null;
  /** Index into detection.ledgers of the chosen ledger, or -1 for the current selection. */
  ledgerIndex: number;
  mapping: ColumnMapping;
  /** Whether the user changed the ledger or a column (then the choice is sent with each action). */
  ledgerEdited: boolean;
  /**
   * Fields whose column the user chose (in this session, or stored in the workbook's settings by an
   * earlier one): an ambiguous header of such a field is settled, no longer asked.
   */
  confirmed: ReaderField[];
  /** Key figures typed in step 2, per book year ("" when the workbook has no year). */
  typed: Record<string, Partial<Record<NumericKeyFigure, string>>>;
  /** The comparison year; null = the latest. */
  year: number | null;
  /** The municipality typed or chosen in step 2 for CBS's figures (see dataStep.ts gemeenteState). */
  gemeente: GemeenteState;
  /** Step 2 open with its column mapping (after needsMapping or when something is missing). */
  dataOpen: boolean;
  outcome: Outcome | null;
  /** Whether the last settings change was saved in the workbook (null: nothing saved yet). */
  settingsSaved: boolean | null;
}

export interface ControllerDeps {
  workflows: Workflows;
  settings: PaneSettings;
  /** Where settings persist (document settings); null = only for this session. */
  store: SettingsStore | null;
  /** Editions to offer (default listEditions()). */
  editions?: Edition[];
  /** Problems with editions stored in the workbook, shown in the settings (see registerStoredEditions). */
  storedEditionProblems?: Bilingual[];
}

/** A fresh pane: nothing detected, nothing chosen, nothing run. */
export function initialState(deps: ControllerDeps): PaneState {
  return {
    settings: deps.settings,
    editions: deps.editions ?? listEditions(),
    editionLoad: storedEditionsLoad(deps.storedEditionProblems ?? []),
    busy: null,
    detection: null,
    ledgerIndex: -1,
    mapping: {},
    ledgerEdited: false,
    confirmed: [],
    typed: {},
    year: null,
    gemeente: { text: "", chosen: null, message: null },
    dataOpen: false,
    outcome: null,
    settingsSaved: null,
  };
}
