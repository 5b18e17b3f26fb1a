/**
 * The task pane's state and actions, without any DOM: what the controller is doing, what the workbook holds
 * (InputDetection), the choices made in the "gegevens" step, the last result. The view (view.ts) draws this
 * state and calls the actions; the unit tests drive it with a fake Workflows.
 */
import {
  InputChoice,
  InputDetection,
  LedgerSource,
  Progress,
  WorkflowOptions,
  WorkflowResult,
  Workflows,
} from "../excel/workflow-api";
import { Edition, listEditions, registerEdition } from "../model/benchmark";
import { Bilingual, KeyFigures, Language, LedgerField } from "../model/types";
import {
  EditionFile,
  EditionLoad,
  checkEdition,
  loaded,
  storedEditionsLoad,
  tooLarge,
  unreadable,
} from "./editions";
import { errorMessage, fromStrings } from "./messages";
import {
  MAX_EDITION_BYTES,
  PaneSettings,
  SettingsStore,
  WorkflowSheetNames,
  saveSettings,
  storeEdition,
} from "./settings";
import { REQUIRED_FIELDS } from "./strings";

export type ActionId =
  | "insertTemplate"
  | "loadSample"
  | "detect"
  | "categorise"
  | "compare"
  | "trend"
  | "selectUnclassified"
  | "insertFormula";

/** Actions that may take long: they get a Cancel button. */
const CANCELLABLE: ReadonlySet<ActionId> = new Set(["loadSample", "categorise", "compare", "trend"]);

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
  mapping: Partial<Record<LedgerField, number>>;
  /** Whether the user changed the ledger or a column (then the choice is sent with each action). */
  ledgerEdited: boolean;
  /** Key figures typed in step 2, per book year ("" when the workbook has no year). */
  typed: Record<string, Partial<Record<NumericKeyFigure, string>>>;
  /** The comparison year; null = the latest. */
  year: number | null;
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

function isAbort(err: unknown, signal: AbortSignal | undefined): boolean {
  return (
    (signal?.aborted ?? false) ||
    (typeof err === "object" && err !== null && (err as { name?: string }).name === "AbortError")
  );
}

/** Parses a number typed by a Dutch or English user: "45000", "45.000", "45,000", "1.234,5", "12,5". */
export function parseTypedNumber(text: string): number | null {
  let s = text.replace(/[\s€]/g, "");
  if (s === "") return null;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // the later one is the decimal separator
    s = lastComma > lastDot ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (lastComma >= 0) {
    // "12,5" decimal; "45,000" thousands (exactly three digits after each comma)
    s = /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, "") : s.replace(",", ".");
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(s) || /^-?\d{1,3}\.\d{3}$/.test(s)) {
    // "45.000" is how Dutch users write 45000
    s = s.replace(/\./g, "");
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export class PaneController {
  private listeners = new Set<(state: PaneState) => void>();
  private abort: AbortController | null = null;
  private workflows: Workflows;
  private store: SettingsStore | null;
  state: PaneState;

  constructor(deps: ControllerDeps) {
    this.workflows = deps.workflows;
    this.store = deps.store;
    this.state = {
      settings: deps.settings,
      editions: deps.editions ?? listEditions(),
      editionLoad: storedEditionsLoad(deps.storedEditionProblems ?? []),
      busy: null,
      detection: null,
      ledgerIndex: -1,
      mapping: {},
      ledgerEdited: false,
      typed: {},
      year: null,
      dataOpen: false,
      outcome: null,
      settingsSaved: null,
    };
  }

  get language(): Language {
    return this.state.settings.language;
  }

  subscribe(listener: (state: PaneState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  // ---------------------------------------------------------------- step 2 choices

  /** The fields the chosen ledger still lacks (required ones without a column). */
  missingFields(): LedgerField[] {
    if (!this.state.detection) return [];
    return REQUIRED_FIELDS.filter((f) => this.state.mapping[f] === undefined);
  }

  /** Book years the key-figure fields are asked for: the detected years, or one field without a year. */
  keyFigureYears(): (number | null)[] {
    const years = this.state.detection?.years ?? [];
    return years.length > 0 ? [...years].sort((a, b) => a - b) : [null];
  }

  chooseLedger(index: number): void {
    const d = this.state.detection;
    if (!d) return;
    const candidate = d.ledgers[index];
    this.update({
      ledgerIndex: candidate ? index : -1,
      mapping: candidate ? { ...candidate.mapping } : {},
      ledgerEdited: true,
    });
  }

  setMapping(field: LedgerField, column: number | null): void {
    const mapping = { ...this.state.mapping };
    if (column === null || column < 0) delete mapping[field];
    else mapping[field] = column;
    this.update({ mapping, ledgerEdited: true });
  }

  setKeyFigure(year: number | null, key: NumericKeyFigure, text: string): void {
    const y = year === null ? "" : String(year);
    const typed = { ...this.state.typed, [y]: { ...this.state.typed[y], [key]: text } };
    this.update({ typed });
  }

  /** Typed key figures that are not valid numbers, as [year, key]. */
  invalidKeyFigures(): [string, NumericKeyFigure][] {
    const out: [string, NumericKeyFigure][] = [];
    for (const [y, figures] of Object.entries(this.state.typed)) {
      for (const key of NUMERIC_KEY_FIGURES) {
        const text = figures[key];
        if (text !== undefined && text.trim() !== "" && parseTypedNumber(text) === null) out.push([y, key]);
      }
    }
    return out;
  }

  setYear(year: number | null): void {
    this.update({ year });
  }

  setDataOpen(open: boolean): void {
    this.update({ dataOpen: open });
  }

  /** What the user chose in step 2, for the workflows; undefined when the workflows may detect themselves. */
  choice(): InputChoice | undefined {
    const choice: InputChoice = {};
    if (this.state.ledgerEdited && this.state.detection) {
      const candidate = this.state.detection.ledgers[this.state.ledgerIndex];
      const source: LedgerSource = candidate ? candidate.source : { kind: "selection" };
      choice.source = source;
      choice.mapping = { ...this.state.mapping };
    }
    const keyFigures: KeyFigures[] = [];
    for (const [y, figures] of Object.entries(this.state.typed)) {
      const kf: KeyFigures = {};
      for (const key of NUMERIC_KEY_FIGURES) {
        const n = parseTypedNumber(figures[key] ?? "");
        if (n !== null) kf[key] = n;
      }
      if (Object.keys(kf).length === 0) continue;
      if (y !== "") kf.year = Number(y);
      keyFigures.push(kf);
    }
    if (keyFigures.length > 0) choice.keyFigures = keyFigures;
    return Object.keys(choice).length > 0 ? choice : undefined;
  }

  // ---------------------------------------------------------------- settings

  async updateSettings(patch: Partial<PaneSettings>): Promise<void> {
    const settings: PaneSettings = { ...this.state.settings, ...patch };
    this.update({ settings });
    const saved = await saveSettings(this.store, settings);
    this.update({ settingsSaved: saved });
  }

  /** Loads an edition file the user picked; too large a file is refused before it is read. */
  async loadEditionFile(file: EditionFile): Promise<boolean> {
    if (file.size > MAX_EDITION_BYTES) return this.editionFailed(tooLarge(file.name, file.size));
    let text: string;
    try {
      text = await file.read();
    } catch (err) {
      return this.editionFailed(unreadable(file.name, err));
    }
    return this.loadEditionText(text, file.name);
  }

  /**
   * Validates an edition's JSON with the core; when valid, registers it, keeps its JSON in the workbook's
   * settings (so it is registered again when the workbook is opened) and makes it the chosen edition.
   * When not, shows every problem and registers nothing.
   */
  async loadEditionText(text: string, name = "JSON"): Promise<boolean> {
    const checked = checkEdition(text, name);
    if (!checked.edition) return this.editionFailed(checked.failure);
    const { edition, json } = checked;
    registerEdition(edition);
    this.update({ editions: listEditions() });
    const kept = await storeEdition(this.store, edition.id, json);
    await this.updateSettings({ editionId: edition.id });
    this.update({ editionLoad: loaded(edition, kept) });
    return true;
  }

  private editionFailed(editionLoad: EditionLoad): boolean {
    this.update({ editionLoad });
    return false;
  }

  setSheetName(role: keyof WorkflowSheetNames, name: string): Promise<void> {
    const sheetNames = { ...this.state.settings.sheetNames };
    if (name.trim() === "") delete sheetNames[role];
    else sheetNames[role] = name.trim();
    return this.updateSettings({ sheetNames });
  }

  // ---------------------------------------------------------------- running workflows

  private options(signal?: AbortSignal): WorkflowOptions {
    const { settings } = this.state;
    const options: WorkflowOptions = {
      language: settings.language,
      onProgress: (progress) => {
        if (this.state.busy) this.update({ busy: { ...this.state.busy, progress } });
      },
    };
    if (signal) options.signal = signal;
    if (settings.editionId) options.editionId = settings.editionId;
    if (Object.keys(settings.sheetNames).length > 0) options.sheetNames = { ...settings.sheetNames };
    return options;
  }

  /** Cancels the running action (between its steps). */
  cancel(): void {
    this.abort?.abort();
  }

  /**
   * Runs one workflow: busy state with progress, then the outcome. A second action while one runs is
   * refused (the buttons are disabled too). Resolves with the workflow's result, or null on failure.
   */
  private async run<T>(
    action: ActionId,
    call: (options: WorkflowOptions) => Promise<T>,
    toOutcome: (value: T) => Outcome | null,
  ): Promise<T | null> {
    if (this.state.busy) return null;
    const cancellable = CANCELLABLE.has(action);
    const abort = cancellable ? new AbortController() : null;
    this.abort = abort;
    this.update({ busy: { action, progress: null, cancellable }, outcome: null });
    try {
      const value = await call(this.options(abort?.signal));
      const outcome = toOutcome(value);
      this.update({ busy: null, ...(outcome ? { outcome } : {}) });
      return value;
    } catch (err) {
      const error = isAbort(err, abort?.signal)
        ? fromStrings("cancelled")
        : fromStrings("unexpected", { message: errorMessage(err) });
      this.update({
        busy: null,
        outcome: { action, ok: false, summary: null, error, issues: [], sheets: [] },
      });
      return null;
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  /** A workflow result as the pane shows it; needsMapping opens step 2 with the detection. */
  private fromResult(action: ActionId, result: WorkflowResult): Outcome {
    if (result.needsMapping) this.applyDetection(result.needsMapping, true);
    const outcome: Outcome = {
      action,
      ok: result.ok,
      summary: result.summary,
      error: result.ok ? null : (result.error ?? null),
      issues: result.issues ?? [],
      sheets: result.sheets ?? [],
    };
    if (result.unclassified) outcome.unclassified = result.unclassified;
    if (!result.ok && result.needsMapping && !result.error) outcome.error = fromStrings("needsMapping");
    return outcome;
  }

  /** Takes a detection into the state; keeps the user's edits when `keepEdits` and the ledger still exists. */
  private applyDetection(detection: InputDetection, open: boolean): void {
    const chosen =
      detection.chosen >= 0 && detection.chosen < detection.ledgers.length ? detection.chosen : -1;
    const keep = this.state.ledgerEdited && this.state.ledgerIndex < detection.ledgers.length;
    const ledgerIndex = keep ? this.state.ledgerIndex : chosen;
    const mapping = keep ? this.state.mapping : { ...(detection.ledgers[ledgerIndex]?.mapping ?? {}) };
    const year =
      this.state.year !== null && detection.years.includes(this.state.year) ? this.state.year : null;
    const missing =
      ledgerIndex < 0 ||
      REQUIRED_FIELDS.some((f) => mapping[f] === undefined) ||
      detection.missingKeyFigures.length > 0;
    this.update({
      detection,
      ledgerIndex,
      mapping,
      ledgerEdited: keep,
      year,
      dataOpen: open || missing || this.state.dataOpen,
    });
  }

  private async afterInputChange(result: WorkflowResult | null): Promise<void> {
    if (result?.ok) await this.detect(false);
  }

  insertTemplate(): Promise<void> {
    return this.run(
      "insertTemplate",
      (o) => this.workflows.insertTemplate(o),
      (r) => this.fromResult("insertTemplate", r),
    ).then((r) => this.afterInputChange(r));
  }

  loadSample(): Promise<void> {
    return this.run(
      "loadSample",
      (o) => this.workflows.loadSampleMunicipality(o),
      (r) => this.fromResult("loadSample", r),
    ).then((r) => this.afterInputChange(r));
  }

  /** Looks for ledgers and key figures; `showOutcome` replaces the result area (a user's own click). */
  async detect(showOutcome = true): Promise<void> {
    const previous = this.state.outcome;
    const d = await this.run(
      "detect",
      (o) => this.workflows.detectInputs(o),
      // A workbook that could not be read (a protected or too large ledger sheet): its message.
      (r): Outcome | null =>
        r.error
          ? { action: "detect", ok: false, summary: null, error: r.error, issues: [], sheets: [] }
          : null,
    );
    // With an error, candidates found are still offered (e.g. to choose the selection instead).
    if (d && (!d.error || d.ledgers.length > 0)) this.applyDetection(d, d.error !== undefined);
    if (!showOutcome && this.state.outcome === null) this.update({ outcome: previous });
  }

  categorise(): Promise<void> {
    const choice = this.choice();
    return this.run(
      "categorise",
      (o) => this.workflows.categorise(o, choice),
      (r) => this.fromResult("categorise", r),
    ).then(() => undefined);
  }

  compare(): Promise<void> {
    const choice = this.choice();
    const year = this.state.year ?? undefined;
    return this.run(
      "compare",
      (o) => this.workflows.buildComparison(o, year, choice),
      (r) => this.fromResult("compare", r),
    ).then(() => undefined);
  }

  trend(): Promise<void> {
    const choice = this.choice();
    return this.run(
      "trend",
      (o) => this.workflows.buildTrend(o, choice),
      (r) => this.fromResult("trend", r),
    ).then(() => undefined);
  }

  selectUnclassified(): Promise<void> {
    const keep = this.state.outcome;
    return this.run(
      "selectUnclassified",
      (o) => this.workflows.selectUnclassified(o),
      (r) => (r.ok && keep ? keep : this.fromResult("selectUnclassified", r)),
    ).then(() => undefined);
  }

  insertFormula(formula: string): Promise<void> {
    return this.run(
      "insertFormula",
      () => this.workflows.insertFormula(formula),
      () => ({
        action: "insertFormula",
        ok: true,
        summary: fromStrings("formulaInserted", { formula }),
        error: null,
        issues: [],
        sheets: [],
      }),
    ).then(() => undefined);
  }
}
