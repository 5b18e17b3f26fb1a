/** The category codes, components and natures as the engine numbers them (arrays, not maps, per line). */
import { CATEGORIES, componentOf } from "../taxonomy";
import { CategoryCode, Component, Nature } from "../types";

export const CODES: CategoryCode[] = CATEGORIES.map((c) => c.code);
export const CODE_INDEX = new Map<CategoryCode, number>(CODES.map((c, i) => [c, i]));
export const NOT_ICT = CODE_INDEX.get("XX.NI") as number;
export const COMPONENT_ORDER: Component[] = ["software", "personnel", "infrastructure"];
/** Per code: index of its component in COMPONENT_ORDER (-1 for XX.*). */
export const COMPONENT_AT: number[] = CODES.map((c) => {
  const component = componentOf(c);
  return component === null ? -1 : COMPONENT_ORDER.indexOf(component);
});
/** Natures in order of precedence: the first two win whenever a line names them. */
export const NATURES: Exclude<Nature, null>[] = [
  "depreciation",
  "project",
  "subscription",
  "licence",
  "service",
  "salary",
  "hire",
];
