/*
 * The task pane's entry (taskpane.js on the shared-runtime page taskpane.html): the pane on the real
 * workflows over Excel.run, once Office is ready.
 */
import { workflows } from "../excel/workflows";
import { boot } from "./boot";

export { mountTaskpane } from "./mount";

const root = document.getElementById("app");
if (root) boot(root, () => workflows);
