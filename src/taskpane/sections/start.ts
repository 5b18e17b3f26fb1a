/** Step 1, Start: an empty input template or the sample municipality (both followed by a detection). */
import { Widgets } from "../widgets";

export function startSection(w: Widgets): HTMLElement {
  const c = w.controller;
  return w.section(
    "step1",
    "step1",
    "step1Help",
    w.actions(
      w.button(w.t("insertTemplate"), () => void c.insertTemplate()),
      w.button(w.t("loadSample"), () => void c.loadSample(), true),
    ),
  );
}
