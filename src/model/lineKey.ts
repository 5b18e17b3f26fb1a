/**
 * A stable identity for a ledger line, so that a controller's manual category survives
 * a rebuild even after ledger rows were inserted, deleted or sorted.
 *
 * The key is built from what identifies a booking (description, supplier, account, year,
 * cost centre), not from its position and not from its amount (a corrected amount keeps its
 * manual category). Identical lines are told apart by their order of occurrence.
 */
import { asciiFoldable, fold } from "./text";
import { LedgerLine } from "./types";

type KeyedFields = Pick<LedgerLine, "description" | "supplier" | "account" | "year" | "costCentre">;

function baseKey(line: KeyedFields): string {
  // Written out, not as a list mapped and joined: this runs two or three times for every ledger line.
  return (
    fold(String(line.description)) +
    "|" +
    fold(String(line.supplier)) +
    "|" +
    fold(String(line.account)) +
    "|" +
    fold(String(line.year ?? "")) +
    "|" +
    fold(String(line.costCentre))
  );
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

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BAR = 124; // "|", between the key's fields

/**
 * FNV-1a over the UTF-16 code units of a key: the bucket for its occurrence count (always checked on the
 * text). lineHash computes it without the text; this is its definition (the tests hold one to the other).
 */
export function hashOf(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** FNV-1a continued over fold(part), without making the folded text when it is ASCII lower-cased. */
function hashFolded(h: number, part: string): number {
  if (!asciiFoldable(part)) {
    const folded = fold(part);
    for (let i = 0; i < folded.length; i++) h = Math.imul(h ^ folded.charCodeAt(i), FNV_PRIME);
    return h;
  }
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
  }
  return h;
}

/**
 * hashOf(baseKey(line)), without making the key's text: counting a million lines' occurrences made (and
 * dropped) a million key strings only to hash them.
 */
export function lineHash(line: KeyedFields): number {
  let h = hashFolded(FNV_OFFSET, String(line.description));
  h = hashFolded(Math.imul(h ^ BAR, FNV_PRIME), String(line.supplier));
  h = hashFolded(Math.imul(h ^ BAR, FNV_PRIME), String(line.account));
  h = hashFolded(Math.imul(h ^ BAR, FNV_PRIME), String(line.year ?? ""));
  h = hashFolded(Math.imul(h ^ BAR, FNV_PRIME), String(line.costCentre));
  return h >>> 0;
}

/**
 * lineKeys(lines)[i], made when asked: the occurrence numbers are counted once, in typed arrays (about 20
 * bytes a line, no key text held), and the key text is made again on each call. For a body written row by
 * row: a million keys held at once are ~130 MB, and a Map over them to count duplicates ~200 MB more.
 */
export function lineKeyAt(lines: readonly KeyedFields[]): (index: number) => string {
  // Open addressing: a slot holds the first line of a booking (its base key); at most half the slots used.
  let size = 2;
  while (size < lines.length * 2) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const hashes = new Uint32Array(lines.length);
  const seen = new Uint32Array(lines.length); // per first line: how many of its booking so far
  const nth = new Uint32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const h = lineHash(lines[i]);
    let slot = h & (size - 1);
    let first = -1;
    for (;;) {
      const r = slots[slot];
      if (r < 0) {
        slots[slot] = first = i;
        hashes[i] = h;
        break;
      }
      // Equal hashes: the texts decide (made only now, for a repeated booking or a collision).
      if (hashes[r] === h && baseKey(lines[r]) === baseKey(lines[i])) {
        first = r;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
    nth[i] = seen[first]++;
  }
  return (i) => {
    const base = baseKey(lines[i]);
    return nth[i] === 0 ? base : `${base}#${nth[i]}`;
  };
}
