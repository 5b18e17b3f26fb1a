/**
 * "Functie invoegen" (folded below the steps): the ICTCOST functions with description, syntax and a working
 * example, which "Invoegen" puts in the active cell.
 */
import { h, replaceChildren } from "../dom";
import { FUNCTION_ERRORS, FUNCTIONS, syntax } from "../functionsList";
import { pick } from "../strings";
import { Widgets } from "../widgets";

export function functionsPanel(w: Widgets): HTMLElement {
  const describe = h("div", { class: "function-info", "aria-live": "polite" });
  let current = FUNCTIONS[0];
  const show = () =>
    replaceChildren(
      describe,
      h("p", {}, pick(current.description, w.lang)),
      h("p", {}, `${w.t("syntax")}: `, h("code", {}, syntax(current))),
      h("p", {}, `${w.t("example")}: `, h("code", {}, current.example)),
    );
  const { field } = w.select(
    "function",
    w.t("function"),
    FUNCTIONS.map((f) => [f.name, `ICTCOST.${f.name}`]),
    current.name,
    (v) => {
      current = FUNCTIONS.find((f) => f.name === v) ?? current;
      show();
    },
  );
  show();
  const section = h(
    "div",
    { "data-step": "functions" },
    h("p", { class: "help" }, w.t("functionsHelp")),
    field,
    describe,
    w.actions(w.button(w.t("insert"), () => void w.controller.insertFormula(current.example))),
    h(
      "details",
      { class: "function-errors", "data-testid": "function-errors" },
      h("summary", {}, w.t("functionErrors")),
      h("ul", {}, ...FUNCTION_ERRORS.map((e) => h("li", {}, pick(e, w.lang)))),
    ),
  );
  // the insertion's result appears here, like a step's
  w.sections.set("functions", section);
  return h(
    "fluent-accordion-item",
    { "data-testid": "functions" },
    h("span", { slot: "heading" }, w.t("functions")),
    section,
  );
}
