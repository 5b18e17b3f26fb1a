/**
 * The task pane's actions, without any DOM: it keeps the PaneState (paneState.ts) and changes it —
 * the "gegevens" choices (dataStep.ts), the settings and benchmark editions, and the workflows behind
 * the buttons (outcomes.ts). The view (view.ts) draws the state and calls the actions; the unit tests
 * drive it with a fake Workflows.
 */
import {
  InputChoice,
  InputDetection,
  LinesRequest,
  WorkflowOptions,
  WorkflowResult,
  Workflows,
} from "../excel/workflow-api";
import { KpiExplanation } from "../model/explain/drilldown";
import { listEditions, registerEdition } from "../model/benchmark";
import { LearnOffer } from "../model/learn";
import { Language, LedgerField } from "../model/types";
import { checkEdition, EditionFile, EditionLoad, loaded, tooLarge, unreadable } from "./editions";
import {
  gemeenteState,
  gemeenteSuggestions,
  columnsToStore,
  inputChoice,
  invalidKeyFigures,
  keyFigureYears,
  missingFields,
  openAmbiguities,
  withDetection,
  withStoredColumns,
} from "./dataStep";
import { AmbiguousHeader, ReaderField } from "../model/grid";
import { fromStrings } from "./messages";
import { failedOutcome, resultOutcome, workflowOptions } from "./outcomes";
import {
  ActionId,
  CANCELLABLE,
  ControllerDeps,
  initialState,
  NumericKeyFigure,
  Outcome,
  PaneState,
} from "./paneState";
import {
  MAX_EDITION_BYTES,
  PaneSettings,
  SettingsStore,
  saveSettings,
  storeColumns,
  storedColumns,
  storeEdition,
  WorkflowSheetNames,
} from "./settings";

export class PaneController {
  private listeners = new Set<(state: PaneState) => void>();
  private abort: AbortController | null = null;
  private workflows: Workflows;
  private store: SettingsStore | null;
  state: PaneState;

  constructor(deps: ControllerDeps) {
    this.workflows = deps.workflows;
    this.store = deps.store;
    this.state = initialState(deps);
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
    return missingFields(this.state);
  }

  /** Book years the key-figure fields are asked for: the detected years, or one field without a year. */
  keyFigureYears(): (number | null)[] {
    return keyFigureYears(this.state);
  }

  chooseLedger(index: number): void {
    const d = this.state.detection;
    if (!d) return;
    const candidate = d.ledgers[index];
    // The columns kept in the workbook for that ledger, when an earlier session chose them.
    const kept = candidate ? storedColumns(this.store, candidate.source) : undefined;
    const { mapping, confirmed } =
      candidate && kept
        ? withStoredColumns(candidate, kept)
        : { mapping: candidate ? { ...candidate.mapping } : {}, confirmed: [] };
    this.update({ ledgerIndex: candidate ? index : -1, mapping, confirmed, ledgerEdited: true });
  }

  /**
   * The user's column for a field (null: none). Settles an ambiguous header of that field, and is kept
   * in the workbook's settings by header text, so the next session starts with the same columns.
   */
  setMapping(field: ReaderField, column: number | null): void {
    const mapping = { ...this.state.mapping };
    if (column === null || column < 0) delete mapping[field];
    else mapping[field] = column;
    const confirmed = this.state.confirmed.includes(field)
      ? this.state.confirmed
      : [...this.state.confirmed, field];
    this.update({ mapping, confirmed, ledgerEdited: true });
    const candidate = this.state.detection?.ledgers[this.state.ledgerIndex];
    if (candidate)
      void storeColumns(this.store, candidate.source, columnsToStore(mapping, candidate.headers));
  }

  /** Ambiguous headers of the chosen ledger not yet settled: asked in the Kolommen step. */
  openAmbiguities(): AmbiguousHeader[] {
    return openAmbiguities(this.state);
  }

  setKeyFigure(year: number | null, key: NumericKeyFigure, text: string): void {
    const y = year === null ? "" : String(year);
    const typed = { ...this.state.typed, [y]: { ...this.state.typed[y], [key]: text } };
    this.update({ typed });
  }

  /** Typed key figures that are not valid numbers, as [year, key]. */
  invalidKeyFigures(): [string, NumericKeyFigure][] {
    return invalidKeyFigures(this.state.typed);
  }

  /** Text typed in the municipality field: chosen when it names one municipality (see gemeenteState). */
  setGemeente(text: string): void {
    this.update({ gemeente: gemeenteState(text) });
  }

  /** The type-ahead's names for the municipality field as typed. */
  gemeenteSuggestions(): string[] {
    return gemeenteSuggestions(this.state.gemeente.text);
  }

  setYear(year: number | null): void {
    this.update({ year });
  }

  setDataOpen(open: boolean): void {
    this.update({ dataOpen: open });
  }
  /** What the user chose in step 2, for the workflows; undefined when the workflows may detect themselves. */
  choice(): InputChoice | undefined {
    return inputChoice(this.state);
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
    const onProgress: WorkflowOptions["onProgress"] = (progress) => {
      if (this.state.busy) this.update({ busy: { ...this.state.busy, progress } });
    };
    return workflowOptions(this.state.settings, onProgress, signal);
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
      this.update({ busy: null, outcome: failedOutcome(action, err, abort?.signal) });
      return null;
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  /** A workflow result as the pane shows it; needsMapping opens step 2 with the detection. */
  private fromResult(action: ActionId, result: WorkflowResult): Outcome {
    if (result.needsMapping) this.applyDetection(result.needsMapping, true);
    return resultOutcome(action, result);
  }

  /** Takes a detection into the state; keeps the user's edits when `keepEdits` and the ledger still exists. */
  private applyDetection(detection: InputDetection, open: boolean): void {
    this.update(withDetection(this.state, detection, open, (source) => storedColumns(this.store, source)));
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

  /** Momentopname: ICT-controle with every KPI as values and the fingerprint. */
  snapshot(): Promise<void> {
    const choice = this.choice();
    return this.run(
      "snapshot",
      (o) => this.workflows.snapshot(o, choice),
      (r) => this.fromResult("snapshot", r),
    ).then(() => undefined);
  }

  /** "Toon regels": filter the categorisation to one KPI's lines; the comparison's result stays shown. */
  selectKpiLines(e: KpiExplanation): Promise<void> {
    const keep = this.state.outcome;
    const request: LinesRequest = {
      kpi: e.kpi.id,
      label: e.kpi.label,
      year: e.year,
      codes: e.categories.map((c) => c.code),
      scope: e.scope,
    };
    return this.run(
      "selectKpiLines",
      (o) => this.workflows.selectKpiLines(o, request),
      (r) => (r.ok && keep ? keep : this.fromResult("selectKpiLines", r)),
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

  /**
   * Keeps the offer's Handmatig code as a rule for its supplier and account (the controller said yes),
   * then shows the new categorisation; the offer's other lines change with it.
   */
  learn(offer: LearnOffer): Promise<void> {
    const choice = this.choice();
    const accepted = [{ supplier: offer.supplier, account: offer.account, category: offer.category }];
    return this.run(
      "learn",
      (o) => this.workflows.learnRules(o, accepted, choice),
      (r) => this.fromResult("learn", r),
    ).then(() => undefined);
  }

  /** "Niet nu": the offer leaves the result; Categoriseren offers it again while the code stands. */
  dismissLearn(offer: LearnOffer): void {
    const outcome = this.state.outcome;
    if (!outcome?.learn) return;
    const learn = outcome.learn.filter((o) => o !== offer);
    const next: Outcome = { ...outcome };
    if (learn.length > 0) next.learn = learn;
    else delete next.learn;
    this.update({ outcome: next });
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
