/**
 * The numbers of the Iv3 tie-out, computed from the lines (the sheet's cached values, and what its
 * tests hold the formulas to): the ICT cost of one year per Iv3 taakveld × Iv3 categorie, as the
 * categorisation sheet writes them ("0.4 Overhead", "3.5.1 Ingeleend personeel"). A line without a
 * taakveld or categorie is counted under "onbekend", so the table sums back to the ICT total.
 */
import { iv3CategoryCell, taakveldCell } from "../../iv3";
import { componentOf } from "../../taxonomy";
import { CategorisedLine, Language } from "../../types";

export interface Iv3CrossTable {
  /** Taakvelden and categorieën of the year's lines (ICT or not), in code order; "" is not among them. */
  taakvelden: string[];
  categories: string[];
  /** ICT cost by taakveld (row) and categorie (column); key "" = onbekend. */
  cell: (taakveld: string, category: string) => number;
  rowTotal: (taakveld: string) => number;
  columnTotal: (category: string) => number;
  /** All ICT cost of the year (every line whose category has a component: not XX.NI, not XX.OO). */
  total: number;
}

/** "0.4 Overhead" → [0, 4]; codes sort by their numbers ("0.4" before "0.10"). */
function codeParts(text: string): number[] {
  return (text.split(" ")[0] ?? "").split(".").map((p) => Number(p));
}

export function byCode(a: string, b: string): number {
  const [x, y] = [codeParts(a), codeParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

/** The cross table of `year` (undated lines count for it, as in the comparison). */
export function iv3CrossTable(
  lines: readonly CategorisedLine[],
  year: number,
  language: Language,
): Iv3CrossTable {
  const taakvelden = new Set<string>();
  const categories = new Set<string>();
  const sums = new Map<string, number>();
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  let total = 0;
  const add = (map: Map<string, number>, key: string, amount: number) =>
    map.set(key, (map.get(key) ?? 0) + amount);
  for (const line of lines) {
    if ((line.year ?? year) !== year) continue;
    const t = taakveldCell(line.taakveld, language);
    const c = iv3CategoryCell(line.iv3Category, language);
    if (t) taakvelden.add(t);
    if (c) categories.add(c);
    if (componentOf(line.category) === null || !Number.isFinite(line.amount)) continue;
    add(sums, `${t}\u0000${c}`, line.amount);
    add(rows, t, line.amount);
    add(columns, c, line.amount);
    total += line.amount;
  }
  return {
    taakvelden: [...taakvelden].sort(byCode),
    categories: [...categories].sort(byCode),
    cell: (t, c) => sums.get(`${t}\u0000${c}`) ?? 0,
    rowTotal: (t) => rows.get(t) ?? 0,
    columnTotal: (c) => columns.get(c) ?? 0,
    total,
  };
}

/** Does any line of the ledger carry a taakveld or an Iv3 categorie? Only then is there a tie-out. */
export function hasIv3(lines: readonly CategorisedLine[]): boolean {
  return lines.some((l) => (l.taakveld ?? "") !== "" || (l.iv3Category ?? "") !== "");
}
