/*
 * Ribbon commands (ExecuteFunction actions in manifest.xml). In the shared runtime this script is loaded by
 * taskpane.html, so a command shares state with the task pane and the custom functions.
 */
import { workflows } from "../excel/workflows";
import { WorkflowOptions } from "../excel/workflow-api";
import { loadSettings } from "../taskpane/settings";

/**
 * "Vergelijking bijwerken": categorise, compare and (with several years) the trend, with the task pane's
 * settings (language, edition, sheet names). A ribbon command has no place to show words, so the outcome
 * goes to the console; the sheets themselves show the result. Office is always told the command finished.
 */
async function rebuildComparison(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const settings = loadSettings(Office.context.document.settings, Office.context.displayLanguage);
    const options: WorkflowOptions = { language: settings.language };
    if (settings.editionId) options.editionId = settings.editionId;
    if (Object.keys(settings.sheetNames).length > 0) options.sheetNames = { ...settings.sheetNames };
    const result = await workflows.rebuildAll(options);
    if (result.ok) console.info(result.summary[settings.language]);
    else console.warn(result.error?.[settings.language] ?? result.summary[settings.language]);
  } catch (e) {
    console.error("Vergelijking bijwerken mislukt / rebuild failed", e);
  } finally {
    event.completed();
  }
}

Office.actions.associate("rebuildComparison", rebuildComparison);
