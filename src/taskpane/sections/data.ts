/**
 * Step 2, Gegevens: which ledger, the column per field, the key figures found and fields for the missing
 * ones. Redrawn only when the detection or the chosen ledger changes, so typed text and focus survive;
 * in between only the status texts (missing columns, numbers not understood) follow the state.
 */
import { ReaderField } from "../../model/grid";
import { KeyFigures } from "../../model/types";
import { PANE_FIELDS } from "../dataStep";
import { NUMERIC_KEY_FIGURES, NumericKeyFigure, PaneState } from "../paneState";
import { h, replaceChildren } from "../dom";
import {
  FIELD_LABELS,
  KEY_FIGURE_LABELS,
  REQUIRED_FIELDS,
  formatMoney,
  formatNumber,
  pick,
} from "../strings";
import { Widgets } from "../widgets";
import { GemeenteField } from "./gemeenteField";

export class DataSection {
  readonly element: HTMLElement;
  private body: HTMLElement;
  private missingText: HTMLElement | null = null;
  /** The error line under each key-figure field, by "year|key". */
  private keyFigureErrors = new Map<string, HTMLElement>();
  private gemeente: GemeenteField | null = null;
  /** The label of each column select, so its "kies" mark follows the user's choice without a redraw. */
  private fieldLabels = new Map<ReaderField, HTMLElement>();
  private rendered: { detection: unknown; ledgerIndex: number } = { detection: undefined, ledgerIndex: -2 };

  constructor(private w: Widgets) {
    this.body = h("div", { class: "data-body", "data-testid": "data" });
    this.element = w.section(
      "step2",
      "step2",
      "step2Help",
      w.actions(w.button(w.t("detect"), () => void w.controller.detect())),
      this.body,
    );
  }

  update(state: PaneState): void {
    if (state.detection !== this.rendered.detection || state.ledgerIndex !== this.rendered.ledgerIndex) {
      this.render(state);
      this.rendered = { detection: state.detection, ledgerIndex: state.ledgerIndex };
    } else {
      this.updateStatus(state);
    }
    const accordion = this.body.querySelector("fluent-accordion-item") as
      (HTMLElement & { expanded: boolean }) | null;
    if (accordion && accordion.expanded !== state.dataOpen) accordion.expanded = state.dataOpen;
  }

  private render(state: PaneState): void {
    const d = state.detection;
    this.missingText = null;
    this.gemeente = null;
    this.keyFigureErrors.clear();
    this.fieldLabels.clear();
    if (!d) {
      replaceChildren(this.body, h("p", { class: "note" }, this.w.t("notDetected")));
      return;
    }
    const parts: HTMLElement[] = [];
    if (d.ledgers.length === 0) parts.push(h("p", { class: "warning" }, `⚠ ${this.w.t("noLedger")}`));
    parts.push(this.ledgerSelect(state));
    this.missingText = h("p", { class: "mapping-status", "data-testid": "mapping-status" });
    parts.push(this.missingText);
    if (d.ledgers[state.ledgerIndex]) parts.push(this.mapping(state));
    parts.push(...this.keyFigures(state));
    replaceChildren(this.body, ...parts);
    this.updateStatus(state);
  }

  /** Every ledger candidate detected, and the current selection as the last option. */
  private ledgerSelect(state: PaneState): HTMLElement {
    const ledgers = state.detection?.ledgers ?? [];
    const options: [string, string][] = ledgers.map((l, i) => [
      String(i),
      this.w.t("ledgerOption", { label: l.label, rows: l.rows }),
    ]);
    options.push(["-1", this.w.t("selectionOption")]);
    return this.w.select("ledger", this.w.t("ledger"), options, String(state.ledgerIndex), (v) =>
      this.w.controller.chooseLedger(Number(v)),
    ).field;
  }

  /**
   * One column select per field the readers know, folded (opened by the controller when something is
   * missing or a header is ambiguous); a field two columns name equally well says "kies".
   */
  private mapping(state: PaneState): HTMLElement {
    const c = this.w.controller;
    const candidate = state.detection!.ledgers[state.ledgerIndex];
    const columns: [string, string][] = [["", this.w.t("noColumn")]];
    candidate.headers.forEach((header, i) => columns.push([String(i), header.trim() || `#${i + 1}`]));
    const ambiguous = new Set(c.openAmbiguities().map((a) => a.field));
    const selects = PANE_FIELDS.map((field: ReaderField) => {
      const current = state.mapping[field];
      const select = this.w.select(
        `map-${field}`,
        this.fieldLabel(field, ambiguous.has(field)),
        columns,
        current === undefined ? "" : String(current),
        (v) => c.setMapping(field, v === "" ? null : Number(v)),
      ).field;
      const label = select.querySelector("label");
      if (label) this.fieldLabels.set(field, label);
      return select;
    });
    const item = h(
      "fluent-accordion-item",
      { "data-testid": "mapping" },
      h("span", { slot: "heading" }, this.w.t("columns")),
      h("div", { class: "fields" }, ...selects),
      h("p", { class: "note" }, this.w.t("columnsKept")),
    );
    // the selects inside fire "change" too (and it bubbles): only the item's own is the user folding it
    item.addEventListener("change", (e) => {
      if (e.target === item) c.setDataOpen((item as HTMLElement & { expanded: boolean }).expanded);
    });
    return h("fluent-accordion", {}, item);
  }

  /** "Omschrijving (verplicht, ⚠ kies)": the field, whether it is required, whether it is asked. */
  private fieldLabel(field: ReaderField, asked: boolean): string {
    const required = (REQUIRED_FIELDS as readonly string[]).includes(field);
    const marks = [required ? this.w.t("required") : "", asked ? `⚠ ${this.w.t("ambiguousMark")}` : ""]
      .filter(Boolean)
      .join(", ");
    return `${pick(FIELD_LABELS[field], this.w.lang)}${marks ? ` (${marks})` : ""}`;
  }

  /** Key figures: what was found, and a field per book year for each one missing. */
  private keyFigures(state: PaneState): HTMLElement[] {
    const d = state.detection!;
    const parts: HTMLElement[] = [h("h3", {}, this.w.t("keyFigures"))];
    this.gemeente = new GemeenteField(this.w, state.gemeente);
    const found = d.keyFigures.filter((k) => Object.keys(k).length > 0);
    if (found.length === 0) parts.push(h("p", { class: "note" }, this.w.t("noKeyFigures")));
    else {
      parts.push(
        h(
          "ul",
          { class: "key-figures", "data-testid": "key-figures" },
          ...found.map((k) => h("li", {}, this.describeKeyFigures(k))),
        ),
      );
    }
    // only the numbers can be typed; a missing municipality name or year is not asked for
    const missing = d.missingKeyFigures.filter((k): k is NumericKeyFigure =>
      (NUMERIC_KEY_FIGURES as string[]).includes(k),
    );
    if (missing.length > 0) {
      parts.push(h("p", { class: "warning" }, `⚠ ${this.w.t("keyFiguresMissing")}`));
      parts.push(this.keyFigureFields(state, missing));
    }
    parts.push(this.gemeente.element);
    return parts;
  }

  private keyFigureFields(state: PaneState, missing: NumericKeyFigure[]): HTMLElement {
    const c = this.w.controller;
    const fields = h("div", { class: "fields" });
    for (const year of c.keyFigureYears()) {
      for (const key of missing) {
        const y = year === null ? "" : String(year);
        const base = pick(KEY_FIGURE_LABELS[key], this.w.lang);
        const label = year === null ? base : this.w.t("inYear", { label: base, year });
        const errId = this.w.id(`kf-error-${key}`);
        const err = h("p", { class: "field-error", id: errId });
        this.keyFigureErrors.set(`${y}|${key}`, err);
        const field = this.w.textField(
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
    return fields;
  }

  private describeKeyFigures(k: KeyFigures): string {
    const lang = this.w.lang;
    const bits: string[] = [];
    if (k.year !== undefined) bits.push(String(k.year));
    if (k.municipality) bits.push(k.municipality);
    for (const key of NUMERIC_KEY_FIGURES) {
      const v = k[key];
      if (v === undefined) continue;
      const label = pick(KEY_FIGURE_LABELS[key], lang);
      bits.push(`${label}: ${key === "budget" ? formatMoney(v, lang) : formatNumber(v, lang)}`);
    }
    return bits.join(" · ");
  }

  /** The texts that follow typing and choosing without a redraw: missing columns, numbers not understood. */
  private updateStatus(state: PaneState): void {
    const c = this.w.controller;
    if (this.missingText && state.detection && state.detection.ledgers[state.ledgerIndex]) {
      const missing = c.missingFields();
      const names = missing.map((f) => pick(FIELD_LABELS[f], this.w.lang)).join(", ");
      // Asked, never only guessed: every field two columns name equally well, with those columns.
      const headers = state.detection.ledgers[state.ledgerIndex].headers;
      const column = (i: number) => `'${headers[i]?.trim() || `#${i + 1}`}'`;
      const asks = c.openAmbiguities().map((a) =>
        this.w.t("columnsAmbiguous", {
          field: pick(FIELD_LABELS[a.field], this.w.lang),
          columns: a.columns.map(column).join(this.w.lang === "nl" ? " en " : " and "),
          first: column(a.columns[0]),
        }),
      );
      const lines =
        missing.length === 0
          ? asks.length === 0
            ? [`✓ ${this.w.t("columnsOk")}`]
            : []
          : [`⚠ ${this.w.t("columnsMissing", { fields: names })}`];
      lines.push(...asks.map((a) => `⚠ ${a}`));
      const open = new Set(c.openAmbiguities().map((a) => a.field));
      for (const [field, label] of this.fieldLabels)
        label.textContent = this.fieldLabel(field, open.has(field));
      this.missingText.textContent = lines.join(" ");
      this.missingText.className =
        missing.length === 0 && asks.length === 0 ? "mapping-status ok" : "mapping-status warning";
    } else if (this.missingText) {
      this.missingText.textContent = "";
    }
    this.gemeente?.update(state.gemeente);
    const invalid = new Set(c.invalidKeyFigures().map(([y, k]) => `${y}|${k}`));
    for (const [key, el] of this.keyFigureErrors)
      el.textContent = invalid.has(key) ? this.w.t("notANumber") : "";
  }
}
