/**
 * Builds the sample municipality from its data (data.ts): each template line becomes one, four or
 * twelve bookings per book year with a small seeded variation, and the key figures of each year.
 * Pure and deterministic: a seeded PRNG, no clock, no Node.
 */
import { KeyFigures, CategoryCode } from "../types";
import { ACC, BUDGET, CREDIT_NOTE, INHABITANTS, SAMPLE_TEMPLATES, SampleTemplate } from "./data";

export const SAMPLE_NAME = "Voorbeeldrade";
export const SAMPLE_YEARS: readonly number[] = [2022, 2023];

/** One booking of the fictitious ledger. */
export interface SampleLedgerLine {
  year: number;
  description: string;
  supplier: string;
  account: string;
  costCentre: string;
  amount: number;
  fte: number | null;
  /** The category a careful controller would choose; XX.OO for the genuinely ambiguous lines. */
  intendedCategory: CategoryCode;
}

export interface SampleMunicipality {
  name: string;
  keyFigures: KeyFigures[];
  ledger: SampleLedgerLine[];
}
const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

/** mulberry32: a small, fast, seeded PRNG giving numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export const round2 = (x: number) => Math.round(x * 100) / 100;

function defaultGrowth(tpl: SampleTemplate): number {
  if (tpl.code.startsWith("SW.")) return 1.07; // 2023 indexation after 10% inflation in 2022
  if (tpl.code.startsWith("IN.")) return 1.03;
  return 1.04;
}

function yearAmount(tpl: SampleTemplate, year: number): number {
  const growth = tpl.growth ?? defaultGrowth(tpl);
  return tpl.amount * Math.pow(growth, year - SAMPLE_YEARS[0]);
}

function partLabel(parts: number, i: number, year: number): string {
  if (parts === 12) return `${MONTHS[i]} ${year}`;
  if (parts === 4) return `Q${i + 1} ${year}`;
  return String(year);
}

function expand(tpl: SampleTemplate, year: number, random: () => number): SampleLedgerLine[] {
  const parts = tpl.parts ?? 1;
  const perPart = yearAmount(tpl, year) / parts;
  return Array.from({ length: parts }, (_, i) => ({
    year,
    description: `${tpl.description} ${partLabel(parts, i, year)}`,
    supplier: tpl.supplier,
    account: tpl.account,
    costCentre: tpl.costCentre,
    amount: round2(perPart * (0.98 + random() * 0.04)),
    fte: tpl.fte ?? null,
    intendedCategory: tpl.code,
  }));
}

function ledgerOf(year: number, random: () => number): SampleLedgerLine[] {
  const lines = [...SAMPLE_TEMPLATES, CREDIT_NOTE]
    .filter((tpl) => !tpl.years || tpl.years.includes(year))
    .flatMap((tpl) => expand(tpl, year, random));
  // Finance exports list bookings by account; the sort is stable, so template order breaks ties.
  return lines.sort((a, b) => a.account.localeCompare(b.account));
}

function sumFte(lines: SampleLedgerLine[], account: string): number {
  const total = lines.filter((l) => l.account === account).reduce((s, l) => s + (l.fte ?? 0), 0);
  return Math.round(total * 10) / 10;
}

function keyFiguresOf(year: number, lines: SampleLedgerLine[]): KeyFigures {
  return {
    municipality: `Gemeente ${SAMPLE_NAME}`,
    year,
    inhabitants: INHABITANTS[year],
    budget: BUDGET[year],
    fteOwn: sumFte(lines, ACC.salary),
    fteHired: sumFte(lines, ACC.hire),
  };
}

/** The whole fictitious municipality: key figures and ledger of both years. Deterministic. */
export function sampleMunicipality(): SampleMunicipality {
  const random = seededRandom(20240607);
  const perYear = SAMPLE_YEARS.map((year) => ({ year, lines: ledgerOf(year, random) }));
  return {
    name: `Gemeente ${SAMPLE_NAME}`,
    keyFigures: perYear.map(({ year, lines }) => keyFiguresOf(year, lines)),
    ledger: perYear.flatMap(({ lines }) => lines),
  };
}
