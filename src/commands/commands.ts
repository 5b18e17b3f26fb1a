/*
 * Ribbon commands (ExecuteFunction actions in manifest.xml). In the shared runtime this script is loaded by
 * taskpane.html, so a command shares state with the task pane and the custom functions.
 */

/**
 * "Vergelijking bijwerken": rebuilds the comparison sheets.
 * The rebuild workflow (src/excel/workflows) is not there yet; until it is, the command only completes,
 * so that Office does not show it as still running.
 */
async function rebuildComparison(event: Office.AddinCommands.Event): Promise<void> {
  event.completed();
}

Office.actions.associate("rebuildComparison", rebuildComparison);
