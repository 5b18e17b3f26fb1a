/**
 * The municipality field of step 2: a type-ahead over CBS's 342 names (offline, municipalityNames) as an
 * ARIA combobox — a labelled text input with a listbox of names: ↓/↑ move through the names, Enter
 * chooses, Escape closes, a click chooses too. The chosen name goes with every action as
 * InputChoice.gemeente, so CBS fills the key figures the workbook leaves empty. A name that is two
 * municipalities (Bergen) or none is not chosen: the status line says CBS's message and the user picks.
 *
 * A plain <input> and not a fluent-text-field: the listbox must be tied to the input itself
 * (aria-controls, aria-activedescendant), which a control inside a shadow root cannot be.
 */
import { h, replaceChildren } from "../dom";
import { GemeenteState } from "../paneState";
import { pick } from "../strings";
import { Widgets } from "../widgets";

export class GemeenteField {
  readonly element: HTMLElement;
  private input: HTMLInputElement;
  private list: HTMLElement;
  private status: HTMLElement;
  private names: string[] = [];
  private active = -1;
  private listId: string;

  constructor(
    private w: Widgets,
    state: GemeenteState,
  ) {
    const id = w.id("gemeente");
    this.listId = `${id}-list`;
    const statusId = `${id}-status`;
    this.input = h("input", {
      id,
      type: "text",
      role: "combobox",
      autocomplete: "off",
      spellcheck: "false",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": this.listId,
      "aria-describedby": statusId,
      "data-testid": "gemeente",
      value: state.text,
    });
    this.input.value = state.text;
    this.list = h("ul", {
      id: this.listId,
      role: "listbox",
      class: "combo-list",
      "aria-label": w.t("gemeenteList"),
      hidden: true,
    });
    this.status = h("p", {
      id: statusId,
      class: "gemeente-status",
      "aria-live": "polite",
      "data-testid": "gemeente-status",
    });
    this.element = h(
      "div",
      { class: "field gemeente" },
      h("label", { for: id }, w.t("gemeente")),
      h("p", { class: "help" }, w.t("gemeenteHelp")),
      this.input,
      this.list,
      this.status,
    );
    this.input.addEventListener("input", () => {
      this.w.controller.setGemeente(this.input.value);
      this.open(this.w.controller.gemeenteSuggestions());
    });
    this.input.addEventListener("keydown", (e) => this.onKey(e));
    this.input.addEventListener("blur", () => this.close());
    this.update(state);
  }

  /** The status line follows the state: the name chosen, or what CBS says about the text. */
  update(state: GemeenteState): void {
    const lang = this.w.lang;
    if (state.chosen) {
      this.status.textContent = `✓ ${this.w.t("gemeenteChosen", { name: state.chosen })}`;
      this.status.className = "gemeente-status ok";
    } else if (state.message) {
      this.status.textContent = `⚠ ${pick(state.message, lang)}`;
      this.status.className = "gemeente-status warning";
    } else {
      this.status.textContent = "";
      this.status.className = "gemeente-status";
    }
  }

  private onKey(e: KeyboardEvent): void {
    const openList = !this.list.hidden;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!openList) this.open(this.w.controller.gemeenteSuggestions());
      if (this.names.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      this.setActive((this.active + step + this.names.length) % this.names.length);
    } else if (e.key === "Enter" && openList && this.active >= 0) {
      e.preventDefault();
      this.choose(this.names[this.active]);
    } else if (e.key === "Escape" && openList) {
      e.preventDefault();
      this.close();
    }
  }

  private open(names: string[]): void {
    this.names = names;
    this.active = -1;
    replaceChildren(
      this.list,
      ...names.map((name, i) => {
        const option = h("li", { id: `${this.listId}-${i}`, role: "option", "aria-selected": "false" }, name);
        // mousedown, not click: the input keeps its focus (blur would close the list first)
        option.addEventListener("mousedown", (e) => {
          e.preventDefault();
          this.choose(name);
        });
        return option;
      }),
    );
    this.list.hidden = names.length === 0;
    this.input.setAttribute("aria-expanded", String(names.length > 0));
    this.input.removeAttribute("aria-activedescendant");
  }

  private close(): void {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  private setActive(index: number): void {
    this.active = index;
    [...this.list.children].forEach((el, i) => el.setAttribute("aria-selected", String(i === index)));
    const id = `${this.listId}-${index}`;
    this.input.setAttribute("aria-activedescendant", id);
    this.list.children[index]?.scrollIntoView?.({ block: "nearest" });
  }

  private choose(name: string): void {
    this.input.value = name;
    this.w.controller.setGemeente(name);
    this.close();
  }
}
