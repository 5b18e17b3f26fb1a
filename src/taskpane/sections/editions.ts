/**
 * Benchmark editions in the pane: the edition selects (step 4 and the default in the settings, kept in step
 * with each other and with the editions loaded) and "Editie laden…" (a JSON file or pasted text).
 */
import { Edition } from "../../model/benchmark/types";
import { PaneState } from "../paneState";
import { FluentControl, h, replaceChildren } from "../dom";
import { pick } from "../strings";
import { Widgets } from "../widgets";

/** The chosen edition: the setting, else the newest (editions are listed oldest first). */
function chosenEdition(state: PaneState): string {
  return state.settings.editionId ?? state.editions[state.editions.length - 1]?.id ?? "";
}

export class EditionSelects {
  private selects: { control: FluentControl; markBuiltIn: boolean }[] = [];
  private renderedEditions: Edition[];

  constructor(
    private w: Widgets,
    private builtinEditionId: string,
  ) {
    this.renderedEditions = w.controller.state.editions;
  }

  /** An edition select; `markBuiltIn` adds "(ingebouwd)" (the settings have the room, step 4 at 320 px not). */
  select(name: string, label: string, markBuiltIn = false): HTMLElement {
    const c = this.w.controller;
    const newest = () => c.state.editions[c.state.editions.length - 1]?.id ?? "";
    const current = c.state.settings.editionId ?? newest();
    const { field, control } = this.w.select(
      name,
      label,
      this.options(c.state.editions, markBuiltIn),
      current,
      // the newest is the default: choosing it stores no id, so a later newer edition becomes the default
      (v) => void c.updateSettings({ editionId: v === newest() ? undefined : v }),
    );
    this.selects.push({ control, markBuiltIn });
    return field;
  }

  update(state: PaneState): void {
    if (state.editions !== this.renderedEditions) {
      this.renderOptions(state);
      this.renderedEditions = state.editions;
    }
    const edition = state.settings.editionId ?? state.editions[state.editions.length - 1]?.id;
    for (const { control } of this.selects) if (edition && control.value !== edition) control.value = edition;
  }

  private options(editions: Edition[], markBuiltIn: boolean): [string, string][] {
    return editions.map((e) => [
      e.id,
      markBuiltIn && e.id === this.builtinEditionId ? `${e.title} (${this.w.t("builtIn")})` : e.title,
    ]);
  }

  /** A loaded edition joins the selects' options (in place, so the open settings stay open). */
  private renderOptions(state: PaneState): void {
    const current = chosenEdition(state);
    for (const { control, markBuiltIn } of this.selects) {
      replaceChildren(
        control,
        ...this.options(state.editions, markBuiltIn).map(([v, text]) =>
          h("fluent-option", { value: v, selected: v === current }, text),
        ),
      );
      control.value = current;
    }
  }
}

/** "Editie laden…": a JSON file picked by the user (read here, never sent anywhere) or pasted text. */
export class EditionLoader {
  readonly element: HTMLElement;
  private status: HTMLElement;
  private rendered: unknown = undefined;

  constructor(private w: Widgets) {
    const c = w.controller;
    const fileId = w.id("edition-file");
    const pasteId = w.id("edition-paste");
    const helpId = w.id("edition-help");
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
      // cleared afterwards, so picking the same (corrected) file again fires a change
      void c
        .loadEditionFile({ name: file.name, size: file.size, read: () => readAsText(file) })
        .finally(() => (input.value = ""));
    });
    const paste = h("textarea", { id: pasteId, rows: 4, spellcheck: false, "data-testid": "edition-paste" });
    // not an action button: loading an edition does not run a workflow, so it stays enabled
    const load = w.button(w.t("editionPasteLoad"), () => void c.loadEditionText(paste.value), false, false);
    this.status = h("div", {
      class: "edition-status",
      "aria-live": "polite",
      "data-testid": "edition-status",
    });
    this.element = h(
      "fieldset",
      { class: "edition-load" },
      h("legend", {}, w.t("loadEdition")),
      h("p", { class: "note", id: helpId }, w.t("loadEditionHelp")),
      h("div", { class: "field" }, h("label", { for: fileId }, w.t("editionFile")), input),
      h("div", { class: "field" }, h("label", { for: pasteId }, w.t("editionPaste")), paste),
      h("div", { class: "actions" }, load),
      this.status,
    );
  }

  update(state: PaneState): void {
    if (state.editionLoad === this.rendered) return;
    this.render(state);
    this.rendered = state.editionLoad;
  }

  /** The load's message, and its validation problems (the first ones; the rest counted). */
  private render(state: PaneState): void {
    const r = state.editionLoad;
    if (!r) return replaceChildren(this.status);
    const lang = this.w.lang;
    const list = r.errors.length ? h("ul", {}, ...r.errors.map((e) => h("li", {}, pick(e, lang)))) : null;
    const more = r.more > 0 ? h("p", {}, this.w.t("editionMore", { count: r.more })) : null;
    replaceChildren(
      this.status,
      h("p", { class: r.ok ? "note" : "error", role: r.ok ? "status" : "alert" }, pick(r.message, lang)),
      list,
      more,
    );
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
