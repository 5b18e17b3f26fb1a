/**
 * The categoriser: sorts ledger lines into the TCO categories of the taxonomy, on evidence.
 *
 * Precedence per line: a manual choice (Handmatig) > the line's own category column >
 * the user's rules (first match wins) > the built-in knowledge (./knowledge, weighed in decide.ts).
 */
export type { Categoriser } from "./categoriser";
export { classifyText, compileCategoriser } from "./categoriser";
export { classifyLedger } from "./ledger";
export type { ClassifyOptions } from "./ledger";
export { reviewList, reviewPriority } from "./review";
export type { RuleDef } from "./rules";
export { BUILTIN_RULES } from "./rules";
