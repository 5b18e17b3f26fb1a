/** Shapes of benchmark data: an edition of the ICT Benchmark Gemeenten, its history and the CBS CPI. */
import { Bilingual, CategoryCode, Component, Staffing } from "../types";

/** Where a figure comes from: the edition, and the report lines or the publication that state it. */
export interface Source {
  edition: string;
  publisher: string;
  /** Line numbers in the report text, e.g. "160, 240, 1241". */
  lines?: string;
  /** A press release or news page when the report itself is not the source. */
  publication?: string;
}

export type Unit =
  | "eur_per_inhabitant"
  | "fte_per_100k"
  | "share"
  | "eur_per_fte"
  | "count"
  | "inhabitants"
  | "fte"
  | "year"
  | "eur_per_employee"
  | "eur_per_workplace";

export const UNITS: readonly Unit[] = [
  "eur_per_inhabitant",
  "fte_per_100k",
  "share",
  "eur_per_fte",
  "count",
  "inhabitants",
  "fte",
  "year",
  "eur_per_employee",
  "eur_per_workplace",
];

export interface SourcedValue {
  value: number;
  unit: Unit;
  source: Source;
  /** The report says "about" (ongeveer, rond). */
  approx?: boolean;
  /** The report gives a bound, not a value: "over 50%" is a lower bound. */
  bound?: "lower" | "upper";
  /** Not stated outright in a source but worked out from stated figures: show as such. */
  derived?: boolean;
  label?: Bilingual;
  note?: Bilingual;
}

/** Values of one figure by book year ("2022", "2021"). */
export type YearValues = Record<string, SourcedValue>;

export type KpiId =
  | "total_per_inhabitant"
  | "software_per_inhabitant"
  | "personnel_per_inhabitant"
  | "infrastructure_per_inhabitant"
  | "office_automation_per_inhabitant"
  | "hired_per_inhabitant"
  | "fte_per_100k"
  | "hired_share"
  | "cost_per_fte_own"
  | "cost_per_fte_hired"
  | "saas_share"
  | "ict_budget_share";

export type KpiUnit = "eur_per_inhabitant" | "fte_per_100k" | "share" | "eur_per_fte";

export interface KpiDefinition {
  id: KpiId;
  label: Bilingual;
  unit: KpiUnit;
  /** The component the KPI is about; null: all ICT cost. */
  component: Component | null;
  category?: CategoryCode;
  staffing?: Exclude<Staffing, null>;
  delivery?: "saas";
}

export interface Edition {
  id: string;
  title: string;
  publisher: string;
  /** The year the costs are about (the 2023 edition covers book year 2022). */
  bookYear: number;
  publishedYear: number;
  kpis: Partial<Record<KpiId, YearValues>>;
  categories: Partial<Record<CategoryCode, YearValues>>;
  /** Every other figure of the report: participants, project time, SaaS effect, ... */
  figures: Record<string, YearValues>;
}

/** One benchmark value as a lookup returns it. */
export interface BenchmarkValue {
  value: number;
  unit: Unit;
  source: Source;
  year: number;
  approx?: boolean;
  bound?: "lower" | "upper";
  derived?: boolean;
}

export interface HistoryPoint {
  bookYear: number;
  total: SourcedValue;
  split?: Partial<Record<Component, SourcedValue>>;
  sizeClasses?: (SourcedValue & { class: string })[];
  other?: (SourcedValue & { id: string })[];
}

export interface HistorySeriesPoint {
  bookYear: number;
  value: number;
  source: Source;
  derived: boolean;
  approx: boolean;
  note?: Bilingual;
}

export interface CpiPoint {
  year: number;
  /** Yearly average change as a fraction: 0.1 for 10.0%. */
  change: number;
  source: { publisher: string; publication: string; licence: string };
}
