/**
 * Starts the task pane once Office is ready: in Excel it mounts the pane on the given workflows; opened
 * anywhere else (a plain browser: Office.onReady reports no host, or office.js did not load at all) it says
 * so instead of failing silently.
 */
import { Workflows } from "../excel/workflow-api";
import { mountTaskpane, showOutsideOffice, showStartupError } from "./mount";
import { SettingsStore, languageFromDisplay, localStorageStore } from "./settings";

/** How long to wait for Office.onReady before concluding that there is no Office host. */
export const READY_TIMEOUT_MS = 10000;

function browserLanguage(): string {
  return typeof navigator !== "undefined" ? navigator.language : "nl";
}

function safe<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

/** Document settings where the host has them, else localStorage, else nothing. */
function settingsStore(): SettingsStore | null {
  const doc = safe(() => Office.context.document.settings) as SettingsStore | undefined;
  if (doc) return doc;
  const storage = safe(() => window.localStorage);
  return storage ? localStorageStore(storage) : null;
}

export function boot(root: HTMLElement, createWorkflows: () => Workflows): void {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    showOutsideOffice(root, languageFromDisplay(browserLanguage()));
    return;
  }
  let ready = false;
  const timer = setTimeout(() => {
    if (!ready) showOutsideOffice(root, languageFromDisplay(browserLanguage()));
  }, READY_TIMEOUT_MS);
  void Office.onReady((info) => {
    ready = true;
    clearTimeout(timer);
    const displayLanguage = safe(() => Office.context.displayLanguage) ?? browserLanguage();
    if (!info || info.host !== Office.HostType.Excel) {
      showOutsideOffice(root, languageFromDisplay(displayLanguage));
      return;
    }
    try {
      mountTaskpane(root, {
        workflows: createWorkflows(),
        displayLanguage,
        settingsStore: settingsStore(),
        officeTheme: safe(() => Office.context.officeTheme) ?? null,
      });
    } catch (err) {
      showStartupError(
        root,
        languageFromDisplay(displayLanguage),
        err instanceof Error ? err.message : String(err),
      );
    }
  });
}
