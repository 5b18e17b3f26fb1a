/** Step 5, Trend: one action. */
import { Widgets } from "../widgets";

export function trendSection(w: Widgets): HTMLElement {
  const c = w.controller;
  return w.section("step5", "step5", "step5Help", w.actions(w.button(w.t("trend"), () => void c.trend())));
}
