/**
 * What `ictcost peers` prints: the members' KPIs side by side as a Dutch table (with the group's
 * median, quartiles and ranks, and the shared-cost allocation), or the same as JSON for scripts.
 */
import { getEdition, KpiUnit } from "../model/benchmark";
import { sizeClassLabel } from "../model/cbs/data";
import { formatEuro, formatNumber } from "../model/format";
import { Allocation, PeerTable } from "../model/peers";
import { kpiText } from "./compareOutput";
import { Column, renderTable } from "./table";

/** A member file that could not be used, and why. */
export interface Skipped {
  file: string;
  message: string;
}

const euro = (cents: number) => formatEuro(cents / 100, "nl", 2);

export function peersText(table: PeerTable, skipped: readonly Skipped[], allocation?: Allocation): string {
  const edition = getEdition(table.edition) ?? getEdition();
  const names = table.members.map((m) => m.name);
  const t = (v: number | null, unit: KpiUnit) => kpiText(v, unit);
  const columns: Column[] = [
    { header: "Kengetal" },
    ...names.map((n) => ({ header: n, align: "right" as const, maxWidth: 24 })),
    { header: "Mediaan", align: "right" },
    { header: "Q1", align: "right" },
    { header: "Q3", align: "right" },
    { header: "Min", align: "right" },
    { header: "Max", align: "right" },
    { header: "Benchmark", align: "right" },
  ];
  const rows = table.kpis.map((k) => [
    k.label.nl,
    ...k.values.map((v) => t(v.value, k.unit)),
    ...(k.stats
      ? [k.stats.median, k.stats.q1, k.stats.q3, k.stats.min, k.stats.max].map((v) => t(v, k.unit))
      : ["–", "–", "–", "–", "–"]),
    t(k.benchmark, k.unit),
  ]);
  const rankRows = table.kpis.map((k) => [
    k.label.nl,
    ...k.values.map((v) => (v.rank === null ? "–" : String(v.rank))),
  ]);
  const total = table.kpis.find((k) => k.id === "total_per_inhabitant");
  const sizeRows = [
    [
      "Inwoners",
      ...table.members.map((m) => (m.inhabitants === null ? "–" : formatNumber(m.inhabitants, "nl"))),
    ],
    ["CBS-grootteklasse", ...table.members.map((m) => (m.sizeClass ? sizeClassLabel(m.sizeClass).nl : "–"))],
    [
      "Rapport: grootteklasse",
      ...(total?.values ?? []).map((v) =>
        v.sizeClass ? `${formatEuro(v.sizeClass.value, "nl", 0)} (${v.sizeClass.class})` : "–",
      ),
    ],
    ["Boekjaar", ...table.members.map((m) => String(m.year))],
  ];
  const out = [
    `${names.length} deelnemers / members — benchmark: ${edition.title} (${edition.publisher}), boekjaar ${edition.bookYear}`,
    "",
    renderTable(columns, rows).trimEnd(),
    "",
    `Rang / rank: ${table.rankDirection.nl}`,
    `             ${table.rankDirection.en}`,
    renderTable(
      [{ header: "Kengetal" }, ...names.map((n) => ({ header: n, align: "right" as const, maxWidth: 24 }))],
      rankRows,
    ).trimEnd(),
    "",
    renderTable(
      [
        { header: "Omvang / size" },
        ...names.map((n) => ({ header: n, align: "right" as const, maxWidth: 24 })),
      ],
      sizeRows,
    ).trimEnd(),
  ];
  if (!total?.values.some((v) => v.sizeClass))
    out.push(
      `Het rapport (${edition.title}) geeft geen cijfers per grootteklasse / the report gives no size-class figures`,
    );
  if (allocation) {
    const how =
      allocation.key === "inhabitants" ? "naar inwoners / by inhabitants" : "naar verdeelsleutel / by key";
    out.push(
      "",
      `Gedeelde kosten ${how}: ${allocation.lines.length} regels, ${euro(allocation.total)}`,
      renderTable(
        [
          { header: "Deelnemer" },
          { header: "Aandeel", align: "right" },
          { header: "Toegerekend", align: "right" },
        ],
        allocation.members.map((m, i) => [
          m,
          formatNumber(allocation.fractions[i] * 100, "nl", 2) + "%",
          euro(allocation.totals[i]),
        ]),
      ).trimEnd(),
      `Som van de delen / sum of the parts: ${euro(allocation.totals.reduce((s, x) => s + x, 0))} = ${euro(allocation.total)}`,
      ...allocation.notes.map((n) => `${n.nl} / ${n.en}`),
    );
  }
  if (skipped.length > 0) {
    out.push("", `Overgeslagen / skipped: ${skipped.length}`);
    for (const s of skipped) out.push(`  ${s.file}: ${s.message}`);
  }
  return out.join("\n") + "\n";
}

const cents2 = (x: number) => Math.round(x * 100) / 100;

export function peersJson(
  table: PeerTable,
  skipped: readonly Skipped[],
  files: readonly string[],
  allocation?: Allocation,
) {
  return {
    edition: table.edition,
    rank_direction: "ascending: 1 = lowest value (for costs: the cheapest); ties share the lower rank",
    members: table.members.map((m, i) => ({
      name: m.name,
      file: files[i],
      year: m.year,
      inhabitants: m.inhabitants,
      size_class: m.sizeClass,
    })),
    skipped,
    kpis: Object.fromEntries(
      table.kpis.map((k) => [
        k.id,
        {
          unit: k.unit,
          values: Object.fromEntries(k.values.map((v) => [v.name, v.value])),
          ranks: Object.fromEntries(k.values.map((v) => [v.name, v.rank])),
          size_class: Object.fromEntries(k.values.map((v) => [v.name, v.sizeClass])),
          ...(k.stats ?? { n: 0, min: null, q1: null, median: null, q3: null, max: null }),
          benchmark: k.benchmark,
        },
      ]),
    ),
    shared: allocation
      ? {
          key: allocation.key,
          fractions: Object.fromEntries(allocation.members.map((m, i) => [m, allocation.fractions[i]])),
          total: allocation.total / 100,
          totals: Object.fromEntries(allocation.members.map((m, i) => [m, allocation.totals[i] / 100])),
          lines: allocation.lines.map((l) => ({
            description: l.line.description,
            category: l.line.category ?? null,
            amount: cents2(l.line.amount),
            parts: Object.fromEntries(allocation.members.map((m, i) => [m, l.parts[i] / 100])),
          })),
          notes: allocation.notes.map((n) => `${n.nl} / ${n.en}`),
        }
      : null,
  };
}
