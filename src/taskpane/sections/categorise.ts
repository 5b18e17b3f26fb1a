/** Step 3, Categoriseren: one action; its result (with "Toon onbekende regels") is drawn by the activity. */
import { Widgets } from "../widgets";

export function categoriseSection(w: Widgets): HTMLElement {
  const c = w.controller;
  return w.section(
    "step3",
    "step3",
    "step3Help",
    w.actions(w.button(w.t("categorise"), () => void c.categorise(), true)),
  );
}
