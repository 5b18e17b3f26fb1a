/**
 * "Instellingen" (folded below the steps): language, default edition, loading an edition, the names of the
 * output sheets. Stored in the workbook's document settings; a status line says whether that worked.
 */
import { PaneState } from "../paneState";
import { h } from "../dom";
import { WorkflowSheetNames } from "../settings";
import { StringKey } from "../strings";
import { Widgets } from "../widgets";
import { EditionLoader, EditionSelects } from "./editions";

export class SettingsPanel {
  readonly element: HTMLElement;
  private status: HTMLElement;
  private loader: EditionLoader;

  constructor(
    private w: Widgets,
    editions: EditionSelects,
  ) {
    const c = w.controller;
    const s = c.state.settings;
    const language = w.select(
      "language",
      w.t("language"),
      [
        ["nl", w.t("languageNl")],
        ["en", w.t("languageEn")],
      ],
      s.language,
      (v) => {
        if (v === "nl" || v === "en") void c.updateSettings({ language: v });
      },
    );
    const helpId = w.id("sheetname-help");
    // "change", not "input": a sheet name is saved once typed, not at every keystroke
    const sheetField = (role: keyof WorkflowSheetNames, key: StringKey) =>
      w.textField(
        `sheet-${role}`,
        w.t(key),
        s.sheetNames[role] ?? "",
        (v) => void c.setSheetName(role, v),
        "change",
        helpId,
      );
    this.status = h("p", { class: "note", role: "status" });
    const defaultEdition = editions.select("default-edition", w.t("defaultEdition"), true);
    this.loader = new EditionLoader(w);
    this.element = h(
      "fluent-accordion-item",
      { "data-testid": "settings" },
      h("span", { slot: "heading" }, w.t("settings")),
      h(
        "div",
        { class: "fields" },
        language.field,
        defaultEdition,
        this.loader.element,
        h(
          "fieldset",
          { class: "sheet-names" },
          h("legend", {}, w.t("sheetNames")),
          sheetField("categorisation", "sheetCategorisation"),
          sheetField("comparison", "sheetComparison"),
          sheetField("trend", "sheetTrend"),
          h("p", { class: "note", id: helpId }, w.t("sheetNameHelp")),
        ),
        this.status,
      ),
    );
  }

  update(state: PaneState): void {
    this.loader.update(state);
    this.status.textContent =
      state.settingsSaved === null
        ? ""
        : this.w.t(state.settingsSaved ? "settingsSaved" : "settingsNotSaved");
  }
}
