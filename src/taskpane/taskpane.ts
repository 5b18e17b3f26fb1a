/*
 * Placeholder entry so the add-in shell builds: webpack bundles this file as taskpane.js into taskpane.html.
 * OWNED BY ANOTHER ENGINEER (the task pane UI): replace this file freely.
 */
Office.onReady(() => {
  document.getElementById("app")?.removeAttribute("hidden");
});
