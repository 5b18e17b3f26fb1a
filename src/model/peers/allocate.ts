/**
 * Shared costs (a shared-service organisation's own ledger) allocated to its members: by inhabitants
 * (default) or by a key the user gives (gemeente;aandeel). Each line is split in whole cents with the
 * largest-remainder method, so the parts of every line sum back to the line's amount to the cent.
 */
import { Bilingual } from "../types";

export interface SharedLine {
  description: string;
  /** Euros; a ledger holds cents, so the amount is taken to the cent. */
  amount: number;
  category?: string;
  year?: number | null;
}

export interface AllocationMember {
  name: string;
  inhabitants?: number;
}

export type AllocationKey = { kind: "inhabitants" } | { kind: "shares"; shares: ReadonlyMap<string, number> };

export interface AllocatedLine {
  line: SharedLine;
  /** The line's amount in cents, as allocated. */
  cents: number;
  /** One part per member (same order as `members`), in cents; they sum to `cents` exactly. */
  parts: number[];
}

export interface Allocation {
  members: string[];
  /** The weight of each member (inhabitants, or the key's share); `fractions` = weight / sum. */
  weights: number[];
  fractions: number[];
  key: AllocationKey["kind"];
  lines: AllocatedLine[];
  /** Per member: the sum of its parts, in cents. */
  totals: number[];
  /** The sum of all lines, in cents (= the sum of `totals`). */
  total: number;
  notes: Bilingual[];
}

export class AllocationError extends Error {
  constructor(readonly bilingual: Bilingual) {
    super(`${bilingual.nl} / ${bilingual.en}`);
    this.name = "AllocationError";
  }
}

/** Cents beyond which a euro amount in a double no longer holds every cent. */
const MAX_CENTS = Number.MAX_SAFE_INTEGER / 1024;

/** A key's names compared as people write them: case, spaces and a leading "Gemeente" do not matter. */
export function keyName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/^\s*gemeente\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Split `cents` (an integer, any sign) over `weights` (≥ 0, at least one > 0) by the largest-remainder
 * method: every part is the floor of its quota, and the cents left go one each to the largest
 * remainders (ties: the earlier member). The parts always sum to `cents`.
 */
export function largestRemainder(cents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not a whole number of cents: ${cents}`);
  const sum = weights.reduce((s, w) => s + w, 0);
  if (!(sum > 0) || weights.some((w) => !(w >= 0) || !Number.isFinite(w)))
    throw new RangeError("weights must be ≥ 0 and not all 0");
  const sign = cents < 0 ? -1 : 1;
  const whole = Math.abs(cents);
  const quotas = weights.map((w) => (whole * w) / sum);
  const parts = quotas.map((q) => Math.floor(q));
  let left = whole - parts.reduce((s, p) => s + p, 0);
  // Float rounding may make a floor one too high in theory: take cents back from the largest parts.
  while (left < 0) {
    const i = parts.indexOf(Math.max(...parts));
    parts[i] -= 1;
    left += 1;
  }
  const order = quotas
    .map((q, i) => ({ i, r: q - Math.floor(q), w: weights[i] }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k].i] += 1;
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}

function weightsFor(members: readonly AllocationMember[], key: AllocationKey, notes: Bilingual[]): number[] {
  if (key.kind === "inhabitants") {
    const missing = members.filter((m) => !(m.inhabitants !== undefined && m.inhabitants > 0));
    if (missing.length > 0) {
      const names = missing.map((m) => m.name).join(", ");
      throw new AllocationError({
        nl: `Geen inwoners bekend voor ${names}: verdelen naar inwoners kan niet; geef een verdeelsleutel (--key)`,
        en: `No inhabitants known for ${names}: cannot allocate by inhabitants; give a key (--key)`,
      });
    }
    return members.map((m) => m.inhabitants as number);
  }
  const byName = new Map<string, number>();
  for (const [name, share] of key.shares) byName.set(keyName(name), share);
  const used = new Set<string>();
  const weights = members.map((m) => {
    const k = keyName(m.name);
    const share = byName.get(k);
    if (share === undefined) {
      notes.push({
        nl: `${m.name} staat niet in de verdeelsleutel: krijgt 0`,
        en: `${m.name} is not in the key: gets 0`,
      });
      return 0;
    }
    used.add(k);
    return share;
  });
  for (const [name] of key.shares)
    if (!used.has(keyName(name)))
      notes.push({
        nl: `${name} uit de verdeelsleutel is geen deelnemer: zijn aandeel wordt naar verhouding over de anderen verdeeld`,
        en: `${name} in the key is no member: its share is spread over the others in proportion`,
      });
  if (!(weights.reduce((s, w) => s + w, 0) > 0))
    throw new AllocationError({
      nl: "De verdeelsleutel geeft geen enkele deelnemer een aandeel groter dan 0",
      en: "The key gives no member a share above 0",
    });
  return weights;
}

/** Every shared line split over the members; each line's parts sum back to the line to the cent. */
export function allocateShared(
  lines: readonly SharedLine[],
  members: readonly AllocationMember[],
  key: AllocationKey = { kind: "inhabitants" },
): Allocation {
  if (members.length === 0)
    throw new AllocationError({ nl: "Geen deelnemers om over te verdelen", en: "No members to allocate to" });
  const notes: Bilingual[] = [];
  const weights = weightsFor(members, key, notes);
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w)))
    throw new AllocationError({
      nl: "Een aandeel in de verdeelsleutel is negatief of geen getal",
      en: "A share in the key is negative or not a number",
    });
  const sum = weights.reduce((s, w) => s + w, 0);
  const totals = members.map(() => 0);
  const allocated = lines.map((line) => {
    const cents = Math.round(line.amount * 100);
    if (!Number.isSafeInteger(cents) || Math.abs(cents) > MAX_CENTS)
      throw new AllocationError({
        nl: `Bedrag te groot om op de cent te verdelen: ${line.description}`,
        en: `Amount too large to allocate to the cent: ${line.description}`,
      });
    const parts = largestRemainder(cents, weights);
    parts.forEach((p, i) => (totals[i] += p));
    return { line, cents, parts };
  });
  return {
    members: members.map((m) => m.name),
    weights,
    fractions: weights.map((w) => w / sum),
    key: key.kind,
    lines: allocated,
    totals,
    total: allocated.reduce((s, l) => s + l.cents, 0),
    notes,
  };
}

/** A key file's text (gemeente;aandeel, with or without a header; `;`, tab or `,`; 25%, 0,25 or 25). */
export function parseKey(text: string): { shares: Map<string, number>; errors: Bilingual[] } {
  const shares = new Map<string, number>();
  const errors: Bilingual[] = [];
  const rows = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  rows.forEach((raw, index) => {
    const row = raw.trim();
    if (row === "") return;
    const sep = row.includes(";") ? ";" : row.includes("\t") ? "\t" : ",";
    const [name = "", value = ""] = row.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
    const text = value.replace(/%$/, "").replace(/\s/g, "");
    const normal = sep === "," ? text : text.replace(/\.(?=\d{3}(\D|$))/g, "").replace(",", ".");
    const number = /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : NaN;
    if (Number.isNaN(number)) {
      // A header row (gemeente;aandeel) is no error.
      if (index === 0 || shares.size === 0) {
        if (/gemeente|naam|name|municipality/i.test(name)) return;
      }
      errors.push({
        nl: `Verdeelsleutel regel ${index + 1}: '${value}' is geen aandeel`,
        en: `Key line ${index + 1}: '${value}' is no share`,
      });
      return;
    }
    if (name === "") {
      errors.push({
        nl: `Verdeelsleutel regel ${index + 1}: geen gemeente`,
        en: `Key line ${index + 1}: no municipality`,
      });
      return;
    }
    shares.set(name, (shares.get(name) ?? 0) + number);
  });
  if (shares.size === 0 && errors.length === 0)
    errors.push({ nl: "De verdeelsleutel is leeg", en: "The key is empty" });
  return { shares, errors };
}
