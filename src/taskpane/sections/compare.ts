/** Step 4, Vergelijken: the book year (the detected years, default the latest), the edition, the action. */
import { PaneState } from "../paneState";
import { FluentControl, h, replaceChildren } from "../dom";
import { Widgets } from "../widgets";
import { EditionSelects } from "./editions";

export class CompareSection {
  readonly element: HTMLElement;
  private yearSelect: FluentControl;
  private rendered: { detection: unknown; ledgerIndex: number } = { detection: undefined, ledgerIndex: -2 };

  constructor(
    private w: Widgets,
    editions: EditionSelects,
  ) {
    const c = w.controller;
    const year = w.select("year", w.t("year"), [["", w.t("latestYear")]], "", (v) =>
      c.setYear(v === "" ? null : Number(v)),
    );
    this.yearSelect = year.control;
    this.element = w.section(
      "step4",
      "step4",
      "step4Help",
      // step 4 at 320 px has no room for "(ingebouwd)"
      h("div", { class: "fields" }, year.field, editions.select("edition", w.t("edition"))),
      w.actions(
        w.button(w.t("compare"), () => void c.compare(), true),
        w.button(w.t("snapshot"), () => void c.snapshot()),
      ),
    );
  }

  /** The years follow the detection (redrawn with step 2, not on each state change: an open list stays). */
  update(state: PaneState): void {
    if (state.detection === this.rendered.detection && state.ledgerIndex === this.rendered.ledgerIndex)
      return;
    this.renderYears(state);
    this.rendered = { detection: state.detection, ledgerIndex: state.ledgerIndex };
  }

  private renderYears(state: PaneState): void {
    const years = [...(state.detection?.years ?? [])].sort((a, b) => b - a);
    const select = this.yearSelect;
    replaceChildren(select);
    const current = state.year === null ? "" : String(state.year);
    select.appendChild(h("fluent-option", { value: "", selected: current === "" }, this.w.t("latestYear")));
    for (const y of years) {
      select.appendChild(
        h("fluent-option", { value: String(y), selected: String(y) === current }, String(y)),
      );
    }
    select.value = current;
  }
}
