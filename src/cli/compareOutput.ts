/**
 * What `ictcost compare` prints: the KPIs as a readable Dutch table, or as JSON for scripts. Both come
 * from the same Analysis the workbook copy is written from.
 */
import { getEdition, KPI_IDS, KpiUnit } from "../model/benchmark";
import { ContextFigures } from "../model/context/figures";
import { contextJson, ContextJson } from "./contextJson";
import { Comparison } from "../model/comparison";
import { formatEuro, formatNumber, formatPercent } from "../model/format";
import { CATEGORIES } from "../model/taxonomy";
import { Bilingual, CategorisedLine, CategoryCode, Component, ReadIssue } from "../model/types";
import { reviewList } from "../model/categorise/review";
import { Reconciliation, reconciliationLines } from "../model/reconciliation";
import { Column, renderTable } from "./table";
import { CbsOutcome } from "../model/pipeline/cbs";
import { OverheadContext } from "../model/cbs/overhead";
import { cbsJson, CbsJson, cbsLines, overheadLines } from "./cbsOutput";
import { Iv3Figures } from "../model/layout/iv3";
import { iv3Json, Iv3Json } from "./iv3Json";

/** What the output needs of one comparison run. */
export interface AnalysisOutput {
  /** Per ledger source: what was read, skipped and unreadable, against the source's own total. */
  reconciliations: readonly Reconciliation[];
  /** Every cost line of every year, categorised (manual codes applied). */
  lines: readonly CategorisedLine[];
  comparison: Comparison;
  readIssues: ReadIssue[];
  linesSkipped: number;
  /** What CBS contributed, and the overhead context (issue 17). */
  cbs?: CbsOutcome;
  overhead?: OverheadContext;
  /** Size class, project time, per employee, the estimate (issue 12). */
  context?: ContextFigures;
  /** The Iv3-aansluiting sheet and its figures, when the ledger has Iv3 columns. */
  iv3?: { name: string; figures: Iv3Figures };
}

interface KpiJson {
  own: number | null;
  benchmark: number | null;
  difference: number | null;
  difference_pct: number | null;
}

export interface CompareJson {
  municipality: string | null;
  year: number;
  inhabitants: number | null;
  edition: string;
  lines: { read: number; skipped: number; unclassified: number; unclassified_amount: number };
  components: Record<Component, number>;
  categories: Partial<Record<CategoryCode, number>>;
  /** ICT lines paid through a gemeenschappelijke regeling (Iv3 4.3.3): also in their categories. */
  via_gr: { lines: number; amount: number };
  kpis: Record<string, KpiJson>;
  /** Per ledger source, the reconciliation: shown always, never a KPI without it. */
  reconciliation: {
    sheet: string | null;
    status: Reconciliation["status"];
    lines: { count: number; sum: number };
    skipped: Record<string, { count: number; sum: number }>;
    unreadable: number;
    source_total: {
      row: number;
      amount: number;
      sum_read: number;
      difference: number;
      agrees: boolean;
    } | null;
    years: { year: number | null; lines: number; sum: number; sources: Record<string, number> }[];
    text: string[];
  }[];
  /** The lines to check first: amount × uncertainty, highest first (at most REVIEW_LINES). */
  review: {
    row: number;
    description: string;
    amount: number;
    category: string;
    confidence: number;
    rule: string;
  }[];
  issues: { sheet: string | null; row: number | null; message: string }[];
  /** CBS's figures used (source, year), differences, overhead context; null when no municipality is named. */
  cbs: CbsJson | null;
  /** The context the report gives beside the KPIs (contextJson.ts); null without a comparison. */
  context: ContextJson | null;
  /** The figures of the Iv3-aansluiting sheet (iv3Json.ts); null when it is not written (no Iv3 columns). */
  iv3: Iv3Json | null;
}

/** How many lines the review list shows: enough for a first pass, short enough to read. */
const REVIEW_LINES = 10;

/** Euro amounts to the cent: a ledger holds cents, the rest is floating-point noise of the sums. */
const cents = (x: number) => Math.round(x * 100) / 100;
export const both = (m: Bilingual) => `${m.nl} / ${m.en}`;

export function compareJson(a: AnalysisOutput): CompareJson {
  const c = a.comparison;
  const t = c.totals;
  const categories: Partial<Record<CategoryCode, number>> = {};
  for (const cat of CATEGORIES)
    if (cat.component !== null) categories[cat.code] = cents(t.categories[cat.code] ?? 0);
  const kpis: Record<string, KpiJson> = {};
  for (const def of KPI_IDS) {
    const k = c.kpis.find((x) => x.id === def.id);
    kpis[def.id] = {
      own: k?.own ?? null,
      benchmark: k?.benchmark ?? null,
      difference: k?.difference ?? null,
      difference_pct: k?.differencePct ?? null,
    };
  }
  return {
    municipality: c.municipality ?? null,
    year: c.year,
    inhabitants: c.inhabitants ?? null,
    edition: c.edition,
    lines: {
      read: a.lines.length,
      skipped: a.linesSkipped,
      unclassified: t.unclassified.lines,
      unclassified_amount: cents(t.unclassified.amount),
    },
    components: {
      software: cents(t.components.software),
      personnel: cents(t.components.personnel),
      infrastructure: cents(t.components.infrastructure),
    },
    categories,
    via_gr: { lines: t.viaGr.lines, amount: cents(t.viaGr.amount) },
    kpis,
    reconciliation: a.reconciliations.map((r) => ({
      sheet: r.sheet ?? null,
      status: r.status,
      lines: { count: r.lines.count, sum: cents(r.lines.sum) },
      skipped: Object.fromEntries(
        Object.entries(r.skipped).map(([k, v]) => [k, { count: v.count, sum: cents(v.sum) }]),
      ),
      unreadable: r.unreadable.count,
      source_total: r.sourceTotal && {
        row: r.sourceTotal.row,
        amount: cents(r.sourceTotal.amount),
        sum_read: cents(r.sourceTotal.sumRead),
        difference: cents(r.sourceTotal.difference),
        agrees: r.sourceTotal.agrees,
      },
      years: r.years.map((y) => ({
        year: y.year,
        lines: y.lines,
        sum: cents(y.sum),
        sources: { ...y.sources } as Record<string, number>,
      })),
      text: reconciliationLines(r, "nl"),
    })),
    review: reviewList(a.lines)
      .slice(0, REVIEW_LINES)
      .map((l) => ({
        row: l.row,
        description: l.description,
        amount: cents(l.amount),
        category: l.category,
        confidence: Math.round(l.confidence * 100) / 100,
        rule: l.rule,
      })),
    issues: [
      ...a.readIssues.map((i) => ({ sheet: i.sheet ?? null, row: i.row, message: both(i.message) })),
      ...c.issues.map((m) => ({ sheet: null, row: null, message: both(m) })),
      ...(a.cbs?.notes ?? []).map((m) => ({ sheet: null, row: null, message: both(m) })),
      ...(a.overhead?.notes ?? []).map((m) => ({ sheet: null, row: null, message: both(m) })),
    ],
    cbs: cbsJson(a.cbs, a.overhead),
    context: a.context ? contextJson(a.context) : null,
    iv3: a.iv3 ? iv3Json(a.iv3.name, a.iv3.figures) : null,
  };
}

// ---- the readable table ---------------------------------------------------------------------------

export function kpiText(value: number | null, unit: KpiUnit): string {
  if (value === null) return "–";
  switch (unit) {
    case "eur_per_inhabitant":
      return formatEuro(value, "nl", 2);
    case "eur_per_fte":
      return formatEuro(value, "nl", 0);
    case "share":
      return formatPercent(value, "nl", 1);
    case "fte_per_100k":
      return formatNumber(value, "nl", 1);
  }
}

const KPI_COLUMNS: readonly Column[] = [
  { header: "Kengetal" },
  { header: "Eigen", align: "right" },
  { header: "Benchmark", align: "right" },
  { header: "Verschil", align: "right" },
  { header: "Oordeel", maxWidth: 70 },
];

/** The KPIs own vs benchmark with the engine's verdict (Dutch), then the unclassified money. */
export function compareTable(a: AnalysisOutput): string {
  const c = a.comparison;
  const edition = getEdition(c.edition) ?? getEdition();
  const rows = KPI_IDS.map((def) => {
    const k = c.kpis.find((x) => x.id === def.id);
    const prefix = `${def.label.nl}: `;
    const verdict = k
      ? k.verdict.nl.startsWith(prefix)
        ? k.verdict.nl.slice(prefix.length)
        : k.verdict.nl
      : "";
    const pct = k?.differencePct ?? null;
    return [
      def.label.nl,
      kpiText(k?.own ?? null, def.unit),
      kpiText(k?.benchmark ?? null, def.unit),
      pct === null ? "–" : (pct > 0 ? "+" : "") + formatPercent(pct, "nl", 1),
      verdict,
    ];
  });
  const t = c.totals;
  const head = [
    `${c.municipality ?? "Gemeente"} – boekjaar ${c.year} – ${formatNumber(c.inhabitants ?? 0, "nl")} inwoners`,
    `Benchmark: ${edition.title} (${edition.publisher}), boekjaar ${edition.bookYear}`,
    ...cbsLines(a.cbs),
    "",
  ];
  const foot = [
    "",
    `Totale ICT-kosten ${c.year}: ${formatEuro(t.total, "nl")} (software ${formatEuro(t.components.software, "nl")}, ` +
      `personeel ${formatEuro(t.components.personnel, "nl")}, infrastructuur ${formatEuro(t.components.infrastructure, "nl")})`,
    `Niet ingedeeld (XX.OO): ${formatNumber(t.unclassified.lines, "nl")} regels, ${formatEuro(t.unclassified.amount, "nl", 2)} ` +
      `— telt niet mee / unclassified: not counted`,
    ...(t.viaGr.lines > 0
      ? [
          `Waarvan via GR (Iv3 4.3.3, gemeenschappelijke regeling): ${formatNumber(t.viaGr.lines, "nl")} regels, ` +
            `${formatEuro(t.viaGr.amount, "nl", 2)} — telt mee / of which via a GR: counted`,
        ]
      : []),
    ...overheadLines(a.overhead),
  ];
  // Never a KPI without the reconciliation: what was read, against the source's own total.
  const reconciliation = [...reconciliationLines(a.reconciliations, "nl"), ""];
  const table = renderTable(KPI_COLUMNS, rows).trimEnd();
  return [...head, ...reconciliation, table, ...foot, ...reviewTable(a.lines)].join("\n") + "\n";
}

const REVIEW_COLUMNS: readonly Column[] = [
  { header: "Rij", align: "right" },
  { header: "Omschrijving", maxWidth: 44 },
  { header: "Bedrag", align: "right" },
  { header: "Categorie" },
  { header: "Zekerheid", align: "right" },
  { header: "Waarom", maxWidth: 60 },
];

/** The lines a controller should check first (amount × uncertainty), or nothing when all are sure. */
function reviewTable(lines: readonly CategorisedLine[]): string[] {
  const review = reviewList(lines).slice(0, REVIEW_LINES);
  if (review.length === 0) return [];
  const rows = review.map((l) => [
    String(l.row),
    l.description,
    formatEuro(l.amount, "nl", 2),
    l.category,
    formatPercent(l.confidence, "nl", 0),
    l.rule,
  ]);
  return [
    "",
    `Eerst controleren (bedrag × onzekerheid) / check first (amount × uncertainty):`,
    renderTable(REVIEW_COLUMNS, rows).trimEnd(),
  ];
}
