/**
 * Draws the controller's state with Fluent UI web components. The skeleton is built once per language;
 * state changes only update what changed (busy state, results, step 2 when the detection changes), so
 * keyboard focus and typed text survive progress updates.
 */
import { LedgerCandidate } from "../excel/workflow-api";
import { Edition } from "../model/benchmark/types";
import { KeyFigures, Language, LedgerField } from "../model/types";
import { ActionId, NUMERIC_KEY_FIGURES, Outcome, PaneController, PaneState } from "./controller";
import { FluentControl, h, replaceChildren } from "./dom";
import { FUNCTIONS, syntax } from "./functionsList";
import { WorkflowSheetNames } from "./settings";
import {
  FIELD_LABELS,
  KEY_FIGURE_LABELS,
  LEDGER_FIELDS,
  REQUIRED_FIELDS,
  StringKey,
  formatMoney,
  formatNumber,
  pick,
  t,
} from "./strings";

/** Which section an action's progress and result appear in. */
const ACTION_SECTION: Record<ActionId, string> = {
  insertTemplate: "step1",
  loadSample: "step1",
  detect: "step2",
  categorise: "step3",
  selectUnclassified: "step3",
  compare: "step4",
  trend: "step5",
  insertFormula: "functions",
};

const MAX_ISSUES_SHOWN = 200;

export interface ViewOptions {
  builtinEditionId: string;
  /** Called after the language changed (the page title and lang attribute follow). */
  onLanguage?: (language: Language) => void;
}

export class PaneView {
  private lang: Language;
  private ids = 0;
  private buttons: FluentControl[] = [];
  private sections = new Map<string, HTMLElement>();
  private activity!: HTMLElement;
  private dataBody!: HTMLElement;
  private yearSelect!: FluentControl;
  private editionSelects: { control: FluentControl; markBuiltIn: boolean }[] = [];
  private renderedEditions: Edition[] | null = null;
  private editionStatus!: HTMLElement;
  private renderedEditionLoad: unknown = undefined;
  private settingsStatus!: HTMLElement;
  private missingText: HTMLElement | null = null;
  private keyFigureErrors = new Map<string, HTMLElement>();
  private rendered: { detection: unknown; ledgerIndex: number; outcome: unknown; busy: unknown } = {
    detection: undefined,
    ledgerIndex: -2,
    outcome: undefined,
    busy: undefined,
  };
  private unsubscribe: () => void;

  constructor(
    private root: HTMLElement,
    private controller: PaneController,
    private options: ViewOptions,
  ) {
    this.lang = controller.language;
    this.build();
    this.unsubscribe = controller.subscribe((state) => this.update(state));
  }

  destroy(): void {
    this.unsubscribe();
    replaceChildren(this.root);
  }

  private t(key: StringKey, vars?: Record<string, string | number>): string {
    return t(this.lang, key, vars);
  }

  private id(name: string): string {
    return `ict-${name}-${++this.ids}`;
  }

  // ---------------------------------------------------------------- building blocks

  private button(label: string, onClick: () => void, accent = false, action = true): FluentControl {
    const b = h("fluent-button", { appearance: accent ? "accent" : "outline" }, label) as FluentControl;
    b.addEventListener("click", () => {
      if (!b.disabled) onClick();
    });
    if (action) this.buttons.push(b);
    return b;
  }

  /** A labelled fluent-select; `options` are [value, label]. */
  private select(
    name: string,
    label: string,
    options: [string, string][],
    value: string,
    onChange: (value: string) => void,
  ): { field: HTMLElement; control: FluentControl } {
    const id = this.id(name);
    const labelId = `${id}-label`;
    const control = h("fluent-select", { id, "aria-labelledby": labelId }) as FluentControl;
    for (const [v, text] of options) {
      control.appendChild(h("fluent-option", { value: v, selected: v === value }, text));
    }
    control.addEventListener("change", () => onChange(control.value));
    const field = h("div", { class: "field" }, h("label", { id: labelId, for: id }, label), control);
    return { field, control };
  }

  private textField(
    name: string,
    label: string,
    value: string,
    onInput: (value: string) => void,
    event: "input" | "change" = "input",
    describedBy?: string,
  ): FluentControl {
    const control = h(
      "fluent-text-field",
      { id: this.id(name), value, "aria-describedby": describedBy },
      label,
    ) as FluentControl;
    control.addEventListener(event, () => onInput(control.value));
    return control;
  }

  private section(
    key: string,
    title: StringKey,
    help: StringKey | null,
    ...content: (Node | null)[]
  ): HTMLElement {
    const headingId = this.id(`${key}-title`);
    const s = h(
      "section",
      { class: "step", "aria-labelledby": headingId, "data-step": key },
      h("h2", { id: headingId }, this.t(title)),
      help ? h("p", { class: "help" }, this.t(help)) : null,
      ...content,
    );
    this.sections.set(key, s);
    return s;
  }

  // ---------------------------------------------------------------- skeleton

  private build(): void {
    const c = this.controller;
    this.ids = 0;
    this.buttons = [];
    this.editionSelects = [];
    this.renderedEditions = this.controller.state.editions;
    this.renderedEditionLoad = undefined;
    this.sections.clear();
    this.rendered = { detection: undefined, ledgerIndex: -2, outcome: undefined, busy: undefined };

    this.activity = h("div", { class: "activity", "data-testid": "activity" });
    this.dataBody = h("div", { class: "data-body", "data-testid": "data" });

    const step1 = this.section(
      "step1",
      "step1",
      "step1Help",
      h(
        "div",
        { class: "actions" },
        this.button(this.t("insertTemplate"), () => void c.insertTemplate()),
        this.button(this.t("loadSample"), () => void c.loadSample(), true),
      ),
    );
    const step2 = this.section(
      "step2",
      "step2",
      "step2Help",
      h(
        "div",
        { class: "actions" },
        this.button(this.t("detect"), () => void c.detect()),
      ),
      this.dataBody,
    );
    const step3 = this.section(
      "step3",
      "step3",
      "step3Help",
      h(
        "div",
        { class: "actions" },
        this.button(this.t("categorise"), () => void c.categorise(), true),
      ),
    );

    const year = this.select("year", this.t("year"), [["", this.t("latestYear")]], "", (v) =>
      c.setYear(v === "" ? null : Number(v)),
    );
    this.yearSelect = year.control;
    const step4 = this.section(
      "step4",
      "step4",
      "step4Help",
      h("div", { class: "fields" }, year.field, this.editionSelect("edition", this.t("edition"))),
      h(
        "div",
        { class: "actions" },
        this.button(this.t("compare"), () => void c.compare(), true),
      ),
    );
    const step5 = this.section(
      "step5",
      "step5",
      "step5Help",
      h(
        "div",
        { class: "actions" },
        this.button(this.t("trend"), () => void c.trend()),
      ),
    );

    const more = h("fluent-accordion", { class: "more" }, this.settingsPanel(), this.functionsPanel());

    replaceChildren(
      this.root,
      h("p", { class: "intro" }, this.t("intro")),
      step1,
      step2,
      step3,
      step4,
      step5,
      more,
    );
    this.update(c.state);
  }

  /** The edition select; `markBuiltIn` adds "(ingebouwd)" (the settings have the room, step 4 at 320 px not). */
  private editionSelect(name: string, label: string, markBuiltIn = false): HTMLElement {
    const editions = this.controller.state.editions;
    const newest = () => this.controller.state.editions[this.controller.state.editions.length - 1]?.id ?? "";
    const current = this.controller.state.settings.editionId ?? newest();
    const { field, control } = this.select(
      name,
      label,
      this.editionOptions(editions, markBuiltIn),
      current,
      (v) => {
        void this.controller.updateSettings({ editionId: v === newest() ? undefined : v });
      },
    );
    this.editionSelects.push({ control, markBuiltIn });
    return field;
  }

  private editionOptions(editions: Edition[], markBuiltIn: boolean): [string, string][] {
    return editions.map((e) => [
      e.id,
      markBuiltIn && e.id === this.options.builtinEditionId ? `${e.title} (${this.t("builtIn")})` : e.title,
    ]);
  }

  /** A loaded edition joins the selects' options (in place, so the open settings stay open). */
  private renderEditionOptions(state: PaneState): void {
    const current = state.settings.editionId ?? state.editions[state.editions.length - 1]?.id ?? "";
    for (const { control, markBuiltIn } of this.editionSelects) {
      replaceChildren(
        control,
        ...this.editionOptions(state.editions, markBuiltIn).map(([v, text]) =>
          h("fluent-option", { value: v, selected: v === current }, text),
        ),
      );
      control.value = current;
    }
  }

  /** "Editie laden…": a JSON file picked by the user (read here, never sent anywhere) or pasted text. */
  private editionLoader(): HTMLElement {
    const c = this.controller;
    const fileId = this.id("edition-file");
    const pasteId = this.id("edition-paste");
    const helpId = this.id("edition-help");
    const input = h("input", {
      type: "file",
      id: fileId,
      accept: ".json,application/json",
      "aria-describedby": helpId,
      "data-testid": "edition-file",
    });
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      if (!file) return;
      void c
        .loadEditionFile({ name: file.name, size: file.size, read: () => readAsText(file) })
        .finally(() => (input.value = ""));
    });
    const paste = h("textarea", { id: pasteId, rows: 4, spellcheck: false, "data-testid": "edition-paste" });
    const load = this.button(
      this.t("editionPasteLoad"),
      () => void c.loadEditionText(paste.value),
      false,
      false,
    );
    this.editionStatus = h("div", {
      class: "edition-status",
      "aria-live": "polite",
      "data-testid": "edition-status",
    });
    return h(
      "fieldset",
      { class: "edition-load" },
      h("legend", {}, this.t("loadEdition")),
      h("p", { class: "note", id: helpId }, this.t("loadEditionHelp")),
      h("div", { class: "field" }, h("label", { for: fileId }, this.t("editionFile")), input),
      h("div", { class: "field" }, h("label", { for: pasteId }, this.t("editionPaste")), paste),
      h("div", { class: "actions" }, load),
      this.editionStatus,
    );
  }

  private renderEditionLoad(state: PaneState): void {
    const r = state.editionLoad;
    if (!r) return replaceChildren(this.editionStatus);
    const list = r.errors.length
      ? h("ul", {}, ...r.errors.map((e) => h("li", {}, pick(e, this.lang))))
      : null;
    const more = r.more > 0 ? h("p", {}, this.t("editionMore", { count: r.more })) : null;
    replaceChildren(
      this.editionStatus,
      h("p", { class: r.ok ? "note" : "error", role: r.ok ? "status" : "alert" }, pick(r.message, this.lang)),
      list,
      more,
    );
  }

  private settingsPanel(): HTMLElement {
    const c = this.controller;
    const s = c.state.settings;
    const language = this.select(
      "language",
      this.t("language"),
      [
        ["nl", this.t("languageNl")],
        ["en", this.t("languageEn")],
      ],
      s.language,
      (v) => {
        if (v === "nl" || v === "en") void c.updateSettings({ language: v });
      },
    );
    const helpId = this.id("sheetname-help");
    const sheetField = (role: keyof WorkflowSheetNames, key: StringKey) =>
      this.textField(
        `sheet-${role}`,
        this.t(key),
        s.sheetNames[role] ?? "",
        (v) => void c.setSheetName(role, v),
        "change",
        helpId,
      );
    this.settingsStatus = h("p", { class: "note", role: "status" });
    return h(
      "fluent-accordion-item",
      { "data-testid": "settings" },
      h("span", { slot: "heading" }, this.t("settings")),
      h(
        "div",
        { class: "fields" },
        language.field,
        this.editionSelect("default-edition", this.t("defaultEdition"), true),
        this.editionLoader(),
        h(
          "fieldset",
          { class: "sheet-names" },
          h("legend", {}, this.t("sheetNames")),
          sheetField("categorisation", "sheetCategorisation"),
          sheetField("comparison", "sheetComparison"),
          sheetField("trend", "sheetTrend"),
          h("p", { class: "note", id: helpId }, this.t("sheetNameHelp")),
        ),
        this.settingsStatus,
      ),
    );
  }

  private functionsPanel(): HTMLElement {
    const describe = h("div", { class: "function-info", "aria-live": "polite" });
    let current = FUNCTIONS[0];
    const show = () =>
      replaceChildren(
        describe,
        h("p", {}, pick(current.description, this.lang)),
        h("p", {}, `${this.t("syntax")}: `, h("code", {}, syntax(current))),
        h("p", {}, `${this.t("example")}: `, h("code", {}, current.example)),
      );
    const { field } = this.select(
      "function",
      this.t("function"),
      FUNCTIONS.map((f) => [f.name, `ICTCOST.${f.name}`]),
      current.name,
      (v) => {
        current = FUNCTIONS.find((f) => f.name === v) ?? current;
        show();
      },
    );
    show();
    const section = h(
      "div",
      { "data-step": "functions" },
      h("p", { class: "help" }, this.t("functionsHelp")),
      field,
      describe,
      h(
        "div",
        { class: "actions" },
        this.button(this.t("insert"), () => void this.controller.insertFormula(current.example)),
      ),
    );
    this.sections.set("functions", section);
    return h(
      "fluent-accordion-item",
      { "data-testid": "functions" },
      h("span", { slot: "heading" }, this.t("functions")),
      section,
    );
  }

  // ---------------------------------------------------------------- updates

  private update(state: PaneState): void {
    if (state.settings.language !== this.lang) {
      const focusedSelect = document.activeElement?.id?.startsWith("ict-language");
      this.lang = state.settings.language;
      this.options.onLanguage?.(this.lang);
      this.build();
      if (focusedSelect) (this.root.querySelector('[id^="ict-language"]') as HTMLElement | null)?.focus();
      return;
    }
    const busy = state.busy !== null;
    this.buttons = this.buttons.filter((b) => b.isConnected);
    for (const b of this.buttons) b.disabled = busy;

    if (state.detection !== this.rendered.detection || state.ledgerIndex !== this.rendered.ledgerIndex) {
      this.renderData(state);
      this.renderYears(state);
      this.rendered.detection = state.detection;
      this.rendered.ledgerIndex = state.ledgerIndex;
    } else {
      this.updateDataStatus(state);
    }
    const accordion = this.dataBody.querySelector("fluent-accordion-item") as
      (HTMLElement & { expanded: boolean }) | null;
    if (accordion && accordion.expanded !== state.dataOpen) accordion.expanded = state.dataOpen;

    if (state.editions !== this.renderedEditions) {
      this.renderEditionOptions(state);
      this.renderedEditions = state.editions;
    }
    if (state.editionLoad !== this.renderedEditionLoad) {
      this.renderEditionLoad(state);
      this.renderedEditionLoad = state.editionLoad;
    }
    const edition = state.settings.editionId ?? state.editions[state.editions.length - 1]?.id;
    for (const { control } of this.editionSelects)
      if (edition && control.value !== edition) control.value = edition;
    this.settingsStatus.textContent =
      state.settingsSaved === null ? "" : this.t(state.settingsSaved ? "settingsSaved" : "settingsNotSaved");

    if (state.busy !== this.rendered.busy || state.outcome !== this.rendered.outcome) {
      const wasBusy = this.rendered.busy !== undefined && this.rendered.busy !== null;
      this.renderActivity(state);
      this.rendered.busy = state.busy;
      this.rendered.outcome = state.outcome;
      // A disabled button loses focus; give it to the result so keyboard users go on from there.
      if (wasBusy && !busy && (document.activeElement === document.body || document.activeElement === null)) {
        (this.activity.querySelector(".outcome") as HTMLElement | null)?.focus();
      }
    }
  }

  private renderYears(state: PaneState): void {
    const years = [...(state.detection?.years ?? [])].sort((a, b) => b - a);
    const select = this.yearSelect;
    replaceChildren(select);
    const current = state.year === null ? "" : String(state.year);
    select.appendChild(h("fluent-option", { value: "", selected: current === "" }, this.t("latestYear")));
    for (const y of years) {
      select.appendChild(
        h("fluent-option", { value: String(y), selected: String(y) === current }, String(y)),
      );
    }
    select.value = current;
  }

  private ledgerLabel(l: LedgerCandidate): string {
    return this.t("ledgerOption", { label: l.label, rows: l.rows });
  }

  private renderData(state: PaneState): void {
    const c = this.controller;
    const d = state.detection;
    this.missingText = null;
    this.keyFigureErrors.clear();
    if (!d) {
      replaceChildren(this.dataBody, h("p", { class: "note" }, this.t("notDetected")));
      return;
    }
    const parts: HTMLElement[] = [];
    if (d.ledgers.length === 0) parts.push(h("p", { class: "warning" }, `⚠ ${this.t("noLedger")}`));

    const ledgerOptions: [string, string][] = d.ledgers.map((l, i) => [String(i), this.ledgerLabel(l)]);
    ledgerOptions.push(["-1", this.t("selectionOption")]);
    parts.push(
      this.select("ledger", this.t("ledger"), ledgerOptions, String(state.ledgerIndex), (v) =>
        c.chooseLedger(Number(v)),
      ).field,
    );

    const candidate = d.ledgers[state.ledgerIndex];
    this.missingText = h("p", { class: "mapping-status", "data-testid": "mapping-status" });
    parts.push(this.missingText);
    if (candidate) {
      const columns: [string, string][] = [["", this.t("noColumn")]];
      candidate.headers.forEach((header, i) => columns.push([String(i), header.trim() || `#${i + 1}`]));
      const selects = LEDGER_FIELDS.map((field: LedgerField) => {
        const required = REQUIRED_FIELDS.includes(field);
        const label = `${pick(FIELD_LABELS[field], this.lang)}${required ? ` (${this.t("required")})` : ""}`;
        const current = state.mapping[field];
        return this.select(
          `map-${field}`,
          label,
          columns,
          current === undefined ? "" : String(current),
          (v) => c.setMapping(field, v === "" ? null : Number(v)),
        ).field;
      });
      const item = h(
        "fluent-accordion-item",
        { "data-testid": "mapping" },
        h("span", { slot: "heading" }, this.t("columns")),
        h("div", { class: "fields" }, ...selects),
      );
      item.addEventListener("change", (e) => {
        if (e.target === item) c.setDataOpen((item as HTMLElement & { expanded: boolean }).expanded);
      });
      parts.push(h("fluent-accordion", {}, item));
    }

    // key figures: what was found, and fields for what is missing
    parts.push(h("h3", {}, this.t("keyFigures")));
    const found = d.keyFigures.filter((k) => Object.keys(k).length > 0);
    if (found.length === 0) parts.push(h("p", { class: "note" }, this.t("noKeyFigures")));
    else {
      parts.push(
        h(
          "ul",
          { class: "key-figures", "data-testid": "key-figures" },
          ...found.map((k) => h("li", {}, this.describeKeyFigures(k))),
        ),
      );
    }
    const missing = d.missingKeyFigures.filter((k): k is (typeof NUMERIC_KEY_FIGURES)[number] =>
      (NUMERIC_KEY_FIGURES as string[]).includes(k),
    );
    if (missing.length > 0) {
      parts.push(h("p", { class: "warning" }, `⚠ ${this.t("keyFiguresMissing")}`));
      const fields = h("div", { class: "fields" });
      for (const year of c.keyFigureYears()) {
        for (const key of missing) {
          const y = year === null ? "" : String(year);
          const base = pick(KEY_FIGURE_LABELS[key], this.lang);
          const label = year === null ? base : this.t("inYear", { label: base, year });
          const errId = this.id(`kf-error-${key}`);
          const err = h("p", { class: "field-error", id: errId });
          this.keyFigureErrors.set(`${y}|${key}`, err);
          const field = this.textField(
            `kf-${key}`,
            label,
            state.typed[y]?.[key] ?? "",
            (v) => c.setKeyFigure(year, key, v),
            "input",
            errId,
          );
          field.setAttribute("inputmode", "decimal");
          field.dataset.keyFigure = key;
          fields.append(h("div", { class: "field" }, field, err));
        }
      }
      parts.push(fields);
    }
    replaceChildren(this.dataBody, ...parts);
    this.updateDataStatus(state);
  }

  private describeKeyFigures(k: KeyFigures): string {
    const bits: string[] = [];
    if (k.year !== undefined) bits.push(String(k.year));
    if (k.municipality) bits.push(k.municipality);
    for (const key of NUMERIC_KEY_FIGURES) {
      const v = k[key];
      if (v === undefined) continue;
      const label = pick(KEY_FIGURE_LABELS[key], this.lang);
      bits.push(`${label}: ${key === "budget" ? formatMoney(v, this.lang) : formatNumber(v, this.lang)}`);
    }
    return bits.join(" · ");
  }

  private updateDataStatus(state: PaneState): void {
    if (this.missingText && state.detection && state.detection.ledgers[state.ledgerIndex]) {
      const missing = this.controller.missingFields();
      this.missingText.textContent =
        missing.length === 0
          ? `✓ ${this.t("columnsOk")}`
          : `⚠ ${this.t("columnsMissing", { fields: missing.map((f) => pick(FIELD_LABELS[f], this.lang)).join(", ") })}`;
      this.missingText.className = missing.length === 0 ? "mapping-status ok" : "mapping-status warning";
    } else if (this.missingText) {
      this.missingText.textContent = "";
    }
    const invalid = new Set(this.controller.invalidKeyFigures().map(([y, k]) => `${y}|${k}`));
    for (const [key, el] of this.keyFigureErrors)
      el.textContent = invalid.has(key) ? this.t("notANumber") : "";
  }

  private renderActivity(state: PaneState): void {
    const action = state.busy?.action ?? state.outcome?.action;
    const section = action ? this.sections.get(ACTION_SECTION[action]) : undefined;
    if (section && this.activity.parentElement !== section) section.appendChild(this.activity);
    if (state.busy) {
      const { progress, cancellable } = state.busy;
      const bar = h("fluent-progress", { "aria-label": this.t("progressLabel"), min: 0, max: 100 });
      if (progress?.fraction !== undefined) {
        bar.setAttribute("value", String(Math.round(Math.max(0, Math.min(1, progress.fraction)) * 100)));
      }
      replaceChildren(
        this.activity,
        h(
          "p",
          { class: "progress-step", role: "status" },
          progress ? pick(progress.step, this.lang) : this.t("working"),
        ),
        bar,
        cancellable ? this.button(this.t("cancel"), () => this.controller.cancel(), false, false) : null,
      );
      // keep the Cancel button focused across progress updates
      const cancel = this.activity.querySelector("fluent-button") as HTMLElement | null;
      if (cancel && this.activity.dataset.cancelFocused === "1") cancel.focus();
      cancel?.addEventListener("focus", () => (this.activity.dataset.cancelFocused = "1"));
      cancel?.addEventListener("blur", () => (this.activity.dataset.cancelFocused = ""));
      return;
    }
    this.activity.dataset.cancelFocused = "";
    if (!state.outcome) {
      replaceChildren(this.activity);
      return;
    }
    replaceChildren(this.activity, this.outcome(state.outcome));
  }

  private outcome(o: Outcome): HTMLElement {
    const box = h("div", {
      class: `outcome ${o.ok ? "ok" : "failed"}`,
      tabindex: -1,
      role: o.ok ? "status" : "alert",
      "data-testid": "outcome",
    });
    box.appendChild(h("h3", {}, `${o.ok ? "✓" : "✕"} ${this.t(o.ok ? "resultTitle" : "errorTitle")}`));
    if (o.summary && (o.ok || !o.error))
      box.appendChild(h("p", { class: "summary" }, pick(o.summary, this.lang)));
    if (o.error) box.appendChild(h("p", { class: "error" }, pick(o.error, this.lang)));
    if (o.sheets.length > 0)
      box.appendChild(h("p", { class: "note" }, this.t("sheetsWritten", { sheets: o.sheets.join(", ") })));
    if (o.unclassified && o.unclassified.lines > 0) {
      box.appendChild(
        h(
          "p",
          { class: "warning" },
          `⚠ ${this.t("unclassifiedInfo", {
            lines: o.unclassified.lines,
            amount: formatMoney(o.unclassified.amount, this.lang),
          })}`,
        ),
      );
      const show = this.button(this.t("showUnclassified"), () => void this.controller.selectUnclassified());
      box.appendChild(h("div", { class: "actions" }, show));
    }
    if (o.issues.length > 0) {
      const shown = o.issues.slice(0, MAX_ISSUES_SHOWN);
      box.appendChild(
        h(
          "details",
          { class: "issues" },
          h("summary", {}, this.t("issuesTitle", { count: o.issues.length })),
          h(
            "ul",
            {},
            ...shown.map((i) =>
              h(
                "li",
                {},
                this.t("issueRow", {
                  sheet: i.sheet ? `${i.sheet}, ` : "",
                  row: i.row,
                  message: pick(i.message, this.lang),
                }),
              ),
            ),
            o.issues.length > shown.length ? h("li", {}, "…") : null,
          ),
        ),
      );
    }
    return box;
  }
}

/** A picked file's text (UTF-8), read in the pane with FileReader. */
function readAsText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
    reader.readAsText(file, "utf-8");
  });
}
