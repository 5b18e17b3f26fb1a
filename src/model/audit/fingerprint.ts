/**
 * The audit fingerprint: SHA-256 of one canonical text of what the KPIs are computed from — every
 * counted ledger line (source row, description, supplier, account, year, amount in cents, final
 * category) in ledger order, the key figures of the comparison year and the benchmark edition. Same
 * input, same fingerprint, in the add-in and the CLI alike (one pure function, ./sha256.ts): an auditor
 * recomputes it from the workbook without the add-in's settings.
 */
import { CategorisedLine, KeyFigures } from "../types";
import { sha256Hex } from "./sha256";

export interface FingerprintInput {
  year: number;
  edition: string;
  figures: KeyFigures;
  /** The counted lines (manual codes applied), in ledger order. */
  lines: readonly CategorisedLine[];
}

/** Version of the canonical text: a change of what is hashed changes this, never silently the hash. */
export const FINGERPRINT_FORMAT = "ictcost-fingerprint/1";

const cents = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) : null);
const orNull = <T>(x: T | undefined): T | null => (x === undefined ? null : x);

/** The canonical text: JSON with a fixed key order and arrays, amounts as whole cents. */
export function canonicalText(input: FingerprintInput): string {
  const f = input.figures;
  return JSON.stringify({
    format: FINGERPRINT_FORMAT,
    year: input.year,
    edition: input.edition,
    keyFigures: [
      orNull(f.municipality),
      orNull(f.inhabitants),
      orNull(f.budget),
      orNull(f.fteOwn),
      orNull(f.fteHired),
    ],
    lines: input.lines.map((l) => [
      l.row,
      l.description,
      l.supplier,
      l.account,
      l.year,
      cents(l.amount),
      l.category,
    ]),
  });
}

/** "sha256:…" over canonicalText(input). */
export function fingerprint(input: FingerprintInput): string {
  return `sha256:${sha256Hex(canonicalText(input))}`;
}
