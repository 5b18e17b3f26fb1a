/**
 * The `cbs` object of `compare --json` and the CBS lines of the table: which key figures came from CBS
 * (value, CBS's year, source), the user's figures that differ from CBS's by more than 2%, the municipality
 * as CBS classifies it, and the overhead context. CBS publishes under CC BY 4.0: the source goes with
 * every figure.
 */
import { CBS_ATTRIBUTION } from "../model/cbs/data";
import { Distribution, OverheadContext } from "../model/cbs/overhead";
import { formatEuro, formatNumber, formatPercent } from "../model/format";
import { CbsOutcome } from "../model/pipeline";
const both = (m: { nl: string; en: string }) => `${m.nl} / ${m.en}`;

interface SourcedJson {
  value: number;
  year: number;
  source: string;
}

export interface CbsJson {
  /** The name looked up, and where it came from: --gemeente ("option") or the key figures. */
  asked: string;
  from: "option" | "keyFigures";
  /** "match", or what the user must settle: "ambiguous", "unknown", "notInYear", "notMunicipality". */
  lookup: string;
  municipality: string | null;
  cbs_name: string | null;
  candidates: string[];
  size_class: { value: string; label: string; year: number; source: string } | null;
  urbanity: string | null;
  province: string | null;
  /** Key figures filled from CBS for the comparison year. */
  used: {
    municipality?: string;
    inhabitants?: SourcedJson;
    budget?: SourcedJson & { document: string; note: string };
    /** Inhabitants of the trend's other book years the user left empty, by book year. */
    inhabitants_by_year?: Record<string, SourcedJson>;
  };
  differences: {
    field: string;
    user: number;
    cbs: number;
    cbs_year: number;
    source: string;
    relative: number;
  }[];
  overhead: OverheadContext | null;
  notes: string[];
  attribution: string;
}

export function cbsJson(cbs: CbsOutcome | undefined, overhead?: OverheadContext): CbsJson | null {
  if (!cbs?.asked) return null;
  const l = cbs.lookup;
  const f = cbs.figures;
  const used: CbsJson["used"] = {};
  if (cbs.used.municipality !== undefined) used.municipality = cbs.used.municipality;
  if (cbs.used.inhabitants) {
    const { value, year, source } = cbs.used.inhabitants;
    used.inhabitants = { value, year, source };
  }
  if (cbs.used.budget) {
    const { value, year, source, document } = cbs.used.budget;
    used.budget = { value, year, source, document, note: "lasten excl. reserves (Iv3 0.10, 0.11)" };
  }
  const byYear = Object.entries(cbs.used.inhabitantsByYear ?? {});
  if (byYear.length > 0)
    used.inhabitants_by_year = Object.fromEntries(
      byYear.map(([y, { value, year, source }]) => [y, { value, year, source }]),
    );
  return {
    asked: cbs.asked.name,
    from: cbs.asked.from,
    lookup: l?.kind ?? "unknown",
    municipality: l?.kind === "match" ? l.name : null,
    cbs_name: l?.kind === "match" ? l.cbsName : null,
    candidates: l?.kind === "ambiguous" ? l.candidates : l?.kind === "unknown" ? l.suggestions : [],
    size_class: f
      ? {
          value: f.sizeClass.value,
          label: f.sizeClass.label.nl,
          year: f.sizeClass.year,
          source: f.sizeClass.source,
        }
      : null,
    urbanity: f?.urbanity ?? null,
    province: f?.province ?? null,
    used,
    differences: cbs.differences.map((d) => ({
      field: d.field,
      user: d.user,
      cbs: d.cbs.value,
      cbs_year: d.cbs.year,
      source: d.cbs.source,
      relative: d.relative,
    })),
    overhead: overhead ?? null,
    notes: cbs.notes.map(both),
    attribution: both(CBS_ATTRIBUTION),
  };
}

/** "Inwoners 132.411 (CBS 2023)" and the like: one line per figure CBS filled, then the size class. */
export function cbsLines(cbs: CbsOutcome | undefined): string[] {
  if (!cbs?.figures) return [];
  const lines: string[] = [];
  const { inhabitants, budget } = cbs.used;
  if (inhabitants)
    lines.push(
      `Inwoners ${formatNumber(inhabitants.value, "nl")} (CBS ${inhabitants.year}; bron: ${inhabitants.source})`,
    );
  if (budget)
    lines.push(
      `Totale begroting ${formatEuro(budget.value, "nl")} (CBS ${budget.year}, ${budget.document}: lasten excl. reserves; bron: ${budget.source})`,
    );
  for (const [y, f] of Object.entries(cbs.used.inhabitantsByYear ?? {}))
    lines.push(`Inwoners ${y} (trend) ${formatNumber(f.value, "nl")} (CBS ${f.year}; bron: ${f.source})`);
  const f = cbs.figures;
  lines.push(
    `Grootteklasse ${f.sizeClass.label.nl}, ${f.urbanity.toLowerCase()}, ${f.province} (CBS ${f.sizeClass.year})`,
  );
  return lines;
}

const pct = (x: number) => formatPercent(x, "nl", 1);
const eur = (x: number) => formatEuro(x, "nl", 0);

/** The overhead context under the KPI table: own value, median and quartiles of the size class and of all. */
export function overheadLines(o: OverheadContext | undefined): string[] {
  if (!o) return [];
  const k = o.kpis;
  const spread = (d: Distribution, f: (x: number) => string) =>
    `mediaan ${f(d.median)} (kwartielen ${f(d.q1)}–${f(d.q3)}), plaats ${d.rank} van ${d.n}`;
  const lines = [
    "",
    `Overhead (Iv3 taakveld 0.4), ${o.document} ${o.year}: ${eur(o.overhead)}; grootteklasse ${o.size_class.label}`,
  ];
  if (k.ict_overhead_share !== null)
    lines.push(`  ICT-kosten als deel van de overhead: ${pct(k.ict_overhead_share)}`);
  const pi = k.overhead_per_inhabitant;
  lines.push(
    `  Overhead per inwoner: ${formatEuro(pi.value, "nl", 2)} — klasse: ${spread(pi.size_class, eur)}; alle gemeenten: ${spread(pi.all, eur)}`,
  );
  const b5 = k.overhead_bi5;
  lines.push(
    `  Overhead in % van de lasten (BBV bi.5): ${pct(b5.value)} — klasse: ${spread(b5.size_class, pct)}; alle gemeenten: ${spread(b5.all, pct)}`,
  );
  lines.push(`  Bron: ${o.source}; ${o.size_class.source} (CBS, CC BY 4.0)`);
  return lines;
}
