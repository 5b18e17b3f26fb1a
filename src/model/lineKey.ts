/**
 * A stable identity for a ledger line, so that a controller's manual category survives
 * a rebuild even after ledger rows were inserted, deleted or sorted.
 *
 * The key is built from what identifies a booking (description, supplier, account, year,
 * cost centre), not from its position and not from its amount (a corrected amount keeps its
 * manual category). Identical lines are told apart by their order of occurrence.
 */
import { fold } from "./text";
import { LedgerLine } from "./types";

type KeyedFields = Pick<LedgerLine, "description" | "supplier" | "account" | "year" | "costCentre">;

function baseKey(line: KeyedFields): string {
  return [line.description, line.supplier, line.account, line.year ?? "", line.costCentre]
    .map((part) => fold(String(part)))
    .join("|");
}

/** Keys of all lines, in order; the n-th duplicate of the same booking gets "#n". */
export function lineKeys(lines: readonly KeyedFields[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const base = baseKey(line);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  });
}

/**
 * lineKeys(lines)[i], made when asked: the occurrence numbers are counted once (4 bytes a line), the key
 * text is made again on each call. For a body written row by row: a million keys held at once are ~130 MB.
 */
export function lineKeyAt(lines: readonly KeyedFields[]): (index: number) => string {
  const seen = new Map<string, number>();
  const nth = new Uint32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const base = baseKey(lines[i]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    nth[i] = n;
  }
  return (i) => {
    const base = baseKey(lines[i]);
    return nth[i] === 0 ? base : `${base}#${nth[i]}`;
  };
}
