/**
 * The review list: which lines a controller should look at first. A line's priority is its amount
 * times the categoriser's uncertainty, |amount| × (1 − confidence): a large line the rules were
 * unsure of comes before a small one, and a line a person chose (Handmatig, confidence 1) needs no
 * review at all.
 */
import { CategorisedLine } from "../types";

type Reviewable = Pick<CategorisedLine, "amount" | "confidence">;

/** |amount| × (1 − confidence); 0 for a line that needs no review. */
export function reviewPriority(line: Reviewable): number {
  const amount = Number.isFinite(line.amount) ? Math.abs(line.amount) : 0;
  const confidence = Number.isFinite(line.confidence) ? Math.min(1, Math.max(0, line.confidence)) : 0;
  return amount * (1 - confidence);
}

/**
 * The lines that need review, highest priority first; lines of equal priority keep their ledger
 * order. Pure: the input is not changed.
 */
export function reviewList<T extends Reviewable>(lines: readonly T[]): T[] {
  return lines
    .map((line, index) => ({ line, index, priority: reviewPriority(line) }))
    .filter((x) => x.priority > 0)
    .sort((a, b) => b.priority - a.priority || a.index - b.index)
    .map((x) => x.line);
}
