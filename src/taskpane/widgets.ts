/**
 * The pane's building blocks (buttons, labelled selects and text fields, step sections) and what the
 * sections share while one language's skeleton lives: the language, the id counter, the action buttons
 * (disabled together while a workflow runs) and the sections by key (where an action's result appears).
 * A language switch builds a new Widgets, so ids and registries start afresh with the new skeleton.
 */
import { PaneController } from "./controller";
import { FluentControl, h } from "./dom";
import { Language } from "../model/types";
import { StringKey, t } from "./strings";

/** A labelled control and its wrapper (what goes in the form). */
export interface Field {
  field: HTMLElement;
  control: FluentControl;
}

export class Widgets {
  private ids = 0;
  /** Buttons that start an action: disabled while one runs. */
  buttons: FluentControl[] = [];
  /** Step sections by key (step1…step5, functions), where an action's progress and result appear. */
  readonly sections = new Map<string, HTMLElement>();

  constructor(
    readonly lang: Language,
    readonly controller: PaneController,
  ) {}

  t(key: StringKey, vars?: Record<string, string | number>): string {
    return t(this.lang, key, vars);
  }

  /** A unique element id; numbered in build order, so the same skeleton gets the same ids. */
  id(name: string): string {
    return `ict-${name}-${++this.ids}`;
  }

  /** A Fluent button; `action` registers it to be disabled while a workflow runs. */
  button(label: string, onClick: () => void, accent = false, action = true): FluentControl {
    const b = h("fluent-button", { appearance: accent ? "accent" : "outline" }, label) as FluentControl;
    b.addEventListener("click", () => {
      if (!b.disabled) onClick();
    });
    if (action) this.buttons.push(b);
    return b;
  }

  /** A labelled fluent-select; `options` are [value, label]. */
  select(
    name: string,
    label: string,
    options: [string, string][],
    value: string,
    onChange: (value: string) => void,
  ): Field {
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

  /** A fluent-text-field labelled by its slotted text; `event` "change" reports only a finished edit. */
  textField(
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

  /** A step: heading, optional help and content; registered under `key` for the action results. */
  section(key: string, title: StringKey, help: StringKey | null, ...content: (Node | null)[]): HTMLElement {
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

  /** A row of buttons. */
  actions(...buttons: FluentControl[]): HTMLElement {
    return h("div", { class: "actions" }, ...buttons);
  }
}
