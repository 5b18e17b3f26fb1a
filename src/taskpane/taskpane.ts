/*
 * The task pane's entry (taskpane.js on the shared-runtime page taskpane.html).
 */
import { Workflows } from "../excel/workflow-api";
import { boot } from "./boot";

export { mountTaskpane } from "./mount";

/**
 * INTERIM until src/excel/workflows.ts lands: the workflows come from the page (the browser tests' host
 * provides them). Replaced by the real implementation over Excel.run.
 */
function createWorkflows(): Workflows {
  const injected = (globalThis as { __ictcostWorkflows?: Workflows }).__ictcostWorkflows;
  if (!injected) throw new Error("workflows not available");
  return injected;
}

const root = document.getElementById("app");
if (root) boot(root, createWorkflows);
