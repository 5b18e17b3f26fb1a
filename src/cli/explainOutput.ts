/**
 * What `ictcost compare FILE --explain KPI` prints: the KPI against the benchmark, then the categories
 * that make the difference (largest first) with their biggest lines — text, or JSON for scripts. The
 * drill-down itself is the core's (src/model/explain), the same the pane and ICT-toelichting show.
 */
import { KpiExplanation } from "../model/explain/drilldown";
import { formatEuro, formatNumber } from "../model/format";
import { Column, renderTable } from "./table";

export interface ExplainJson {
  kpi: {
    id: string;
    label: string;
    own: number | null;
    benchmark: number | null;
    difference: number | null;
    difference_pct: number | null;
    source: string | null;
  };
  year: number;
  scope: KpiExplanation["scope"];
  categories: {
    code: string;
    label: string;
    lines: number;
    amount: number;
    per_inhabitant: number | null;
    benchmark: number | null;
    gap: number | null;
    top: { row: number; description: string; supplier: string; amount: number; via_gr: boolean }[];
  }[];
}

export function explainJson(e: KpiExplanation): ExplainJson {
  const k = e.kpi;
  return {
    kpi: {
      id: k.id,
      label: k.label.nl,
      own: k.own,
      benchmark: k.benchmark,
      difference: k.difference,
      difference_pct: k.differencePct,
      source: k.source,
    },
    year: e.year,
    scope: e.scope,
    categories: e.categories.map((c) => ({
      code: c.code,
      label: c.label.nl,
      lines: c.lines,
      amount: round2(c.amount),
      per_inhabitant: c.perInhabitant,
      benchmark: c.benchmark,
      gap: c.gap,
      top: c.top.map((l) => ({
        row: l.row,
        description: l.description,
        supplier: l.supplier,
        amount: l.amount,
        via_gr: l.viaGr,
      })),
    })),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const perInh = (x: number | null) => (x === null ? "" : formatEuro(x, "nl", 2));

/** The KPI's verdict, then per category a line and its biggest lines indented under it. */
export function explainText(e: KpiExplanation): string {
  const out = [`${e.kpi.verdict.nl}`, `${e.kpi.verdict.en}`, ""];
  if (e.categories.length === 0) {
    out.push(`Geen kostenregels in ${e.year} voor deze KPI. / No cost lines in ${e.year} for this KPI.`);
    return out.join("\n") + "\n";
  }
  type Row = { what: string; row: string; amount: string; perInh: string; bench: string; gap: string };
  const rows: Row[] = [];
  for (const c of e.categories) {
    rows.push({
      what: `${c.code} ${c.label.nl} (${formatNumber(c.lines, "nl")} regels)`,
      row: "",
      amount: formatEuro(c.amount, "nl"),
      perInh: perInh(c.perInhabitant),
      bench: perInh(c.benchmark),
      gap: perInh(c.gap),
    });
    for (const l of c.top)
      rows.push({
        what: `  ${l.description}${l.supplier ? ` — ${l.supplier}` : ""}${l.viaGr ? " (via GR)" : ""}`,
        row: String(l.row),
        amount: formatEuro(l.amount, "nl"),
        perInh: "",
        bench: "",
        gap: "",
      });
  }
  const columns: Column[] = [
    { header: "Categorie / regel (Category / line)", maxWidth: 70 },
    { header: "Rij", align: "right" },
    { header: "Bedrag", align: "right" },
    { header: "€/inwoner", align: "right" },
    { header: "Gemiddelde", align: "right" },
    { header: "Verschil", align: "right" },
  ];
  out.push(
    renderTable(
      columns,
      rows.map((r) => [r.what, r.row, r.amount, r.perInh, r.bench, r.gap]),
    ),
  );
  out.push(
    "",
    "Volgorde: categorieën met een eigen benchmarkcijfer naar hun verschil, de andere naar hun bedrag per inwoner.",
    "Order: categories with their own benchmark figure by their gap, the others by their amount per inhabitant.",
  );
  return out.join("\n") + "\n";
}
