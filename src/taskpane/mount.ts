/**
 * mountTaskpane(root, { workflows, ... }): the task pane on any Workflows implementation — the real one over
 * Excel.run in the add-in, a fake in tests. Nothing here touches Office directly; taskpane.ts passes in what
 * it reads from Office (display language, theme, document settings).
 */
import { Workflows } from "../excel/workflow-api";
import { BUILTIN_EDITION, listEditions } from "../model/benchmark";
import { Edition } from "../model/benchmark/types";
import { Language } from "../model/types";
import { PaneController } from "./controller";
import { registerStoredEditions } from "./editions";
import { h, replaceChildren } from "./dom";
import { OfficeThemeLike, applyTheme, registerFluent, resolveTheme } from "./fluent";
import { SettingsStore, loadSettings } from "./settings";
import { t } from "./strings";
import { PaneView } from "./view";

export interface MountOptions {
  workflows: Workflows;
  /** Forces the language (else the stored setting, else the display language). */
  language?: Language;
  /** Office.context.displayLanguage, e.g. "nl-NL". */
  displayLanguage?: string;
  /** Where settings persist: Office.context.document.settings; null = not persisted. */
  settingsStore?: SettingsStore | null;
  officeTheme?: OfficeThemeLike | null;
  /** Benchmark editions to offer (default listEditions()). */
  editions?: Edition[];
}

export interface MountedTaskpane {
  controller: PaneController;
  view: PaneView;
  destroy(): void;
}

/** Page title and lang attribute in the chosen language. */
function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.title = t(language, "appTitle");
  const title = document.querySelector(".pane-title");
  if (title) title.textContent = t(language, "appTitle");
}

export function mountTaskpane(root: HTMLElement, options: MountOptions): MountedTaskpane {
  registerFluent();
  const store = options.settingsStore ?? null;
  const settings = loadSettings(store, options.displayLanguage);
  if (options.language) settings.language = options.language;

  // theme: Office's where available, else the system's light/dark preference (followed live)
  const media =
    typeof window.matchMedia === "function" ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  const theme = () => applyTheme(document.body, resolveTheme(options.officeTheme, media?.matches ?? false));
  theme();
  media?.addEventListener("change", theme);

  // Editions the user loaded earlier travel in the workbook: register them before the pane lists editions.
  const storedEditionProblems = registerStoredEditions(store);
  const controller = new PaneController({
    workflows: options.workflows,
    settings,
    store,
    editions: options.editions ?? listEditions(),
    storedEditionProblems,
  });
  applyLanguage(settings.language);
  const view = new PaneView(root, controller, {
    builtinEditionId: BUILTIN_EDITION.id,
    onLanguage: applyLanguage,
  });
  root.hidden = false;
  return {
    controller,
    view,
    destroy: () => {
      media?.removeEventListener("change", theme);
      view.destroy();
    },
  };
}

/** The message shown when the page is opened outside Excel (no Office host). */
export function showOutsideOffice(root: HTMLElement, language: Language): void {
  applyLanguage(language);
  replaceChildren(
    root,
    h(
      "div",
      { class: "outside-office", role: "alert", "data-testid": "outside-office" },
      t(language, "outsideOffice"),
    ),
  );
  root.hidden = false;
}

/** The message shown when the pane failed to start. */
export function showStartupError(root: HTMLElement, language: Language, message: string): void {
  replaceChildren(root, h("p", { class: "error", role: "alert" }, t(language, "startupFailed", { message })));
  root.hidden = false;
}
