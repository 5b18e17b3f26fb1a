/**
 * Draws the controller's state with Fluent UI web components. The skeleton is built once per language;
 * state changes only update what changed (busy state, results, step 2 when the detection changes), so
 * keyboard focus and typed text survive progress updates. Each part of the pane is its own module under
 * sections/; this class puts them together and hands each state change to them.
 */
import { Language } from "../model/types";
import { PaneController } from "./controller";
import { PaneState } from "./paneState";
import { h, replaceChildren } from "./dom";
import { Activity } from "./sections/activity";
import { categoriseSection } from "./sections/categorise";
import { CompareSection } from "./sections/compare";
import { DataSection } from "./sections/data";
import { EditionSelects } from "./sections/editions";
import { functionsPanel } from "./sections/functions";
import { SettingsPanel } from "./sections/settingsPanel";
import { startSection } from "./sections/start";
import { trendSection } from "./sections/trend";
import { Widgets } from "./widgets";

export interface ViewOptions {
  builtinEditionId: string;
  /** Called after the language changed (the page title and lang attribute follow). */
  onLanguage?: (language: Language) => void;
}

/** The parts of one language's skeleton that follow the state. */
interface Parts {
  widgets: Widgets;
  data: DataSection;
  compare: CompareSection;
  editions: EditionSelects;
  settings: SettingsPanel;
  activity: Activity;
}

export class PaneView {
  private lang: Language;
  private parts!: Parts;
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

  /** The skeleton in the current language. The build order numbers the element ids (see Widgets.id). */
  private build(): void {
    const widgets = new Widgets(this.lang, this.controller);
    const editions = new EditionSelects(widgets, this.options.builtinEditionId);
    const activity = new Activity(widgets);
    const step1 = startSection(widgets);
    const data = new DataSection(widgets);
    const step3 = categoriseSection(widgets);
    const compare = new CompareSection(widgets, editions);
    const step5 = trendSection(widgets);
    const settings = new SettingsPanel(widgets, editions);
    const more = h("fluent-accordion", { class: "more" }, settings.element, functionsPanel(widgets));
    this.parts = { widgets, data, compare, editions, settings, activity };

    replaceChildren(
      this.root,
      h("p", { class: "intro" }, widgets.t("intro")),
      step1,
      data.element,
      step3,
      compare.element,
      step5,
      more,
    );
    this.update(this.controller.state);
  }

  private update(state: PaneState): void {
    if (state.settings.language !== this.lang) {
      const focusedSelect = document.activeElement?.id?.startsWith("ict-language");
      this.lang = state.settings.language;
      this.options.onLanguage?.(this.lang);
      this.build();
      if (focusedSelect) (this.root.querySelector('[id^="ict-language"]') as HTMLElement | null)?.focus();
      return;
    }
    const { widgets, data, compare, editions, settings, activity } = this.parts;
    // no second action while one runs (the controller refuses it too)
    widgets.buttons = widgets.buttons.filter((b) => b.isConnected);
    for (const b of widgets.buttons) b.disabled = state.busy !== null;

    data.update(state);
    compare.update(state);
    editions.update(state);
    settings.update(state);
    activity.update(state);
  }
}
