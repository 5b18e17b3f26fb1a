/** peerTable: median, quartiles (QUARTILE.INC), min/max and ranks against hand-computed figures. */
import { BUILTIN_EDITION } from "../../../src/model/benchmark";
import { Comparison } from "../../../src/model/comparison";
import {
  historySizeClasses,
  peersLayout,
  peerStats,
  peerTable,
  ranks,
  sizeClassBounds,
  SizeClassSource,
} from "../../../src/model/peers";
import { isFormula } from "../../../src/model/layout/types";

/** A comparison with only what peerTable reads: the KPIs' own and benchmark values, inhabitants. */
function comparison(
  own: Record<string, number | null>,
  inhabitants: number,
  municipality: string,
): Comparison {
  return {
    year: 2022,
    edition: BUILTIN_EDITION.id,
    municipality,
    inhabitants,
    kpis: Object.entries(own).map(([id, value]) => ({
      id,
      own: value,
      benchmark: id === "total_per_inhabitant" ? 106 : null,
    })),
    series: [],
    issues: [],
  } as unknown as Comparison;
}

describe("peerStats and ranks", () => {
  it("four values: QUARTILE.INC interpolates (1,2,3,4 → q1 1.75, median 2.5, q3 3.25)", () => {
    expect(peerStats([4, 1, 3, 2])).toEqual({ n: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
  });

  it("five values: the quartiles fall on members (10…50 → 20, 30, 40)", () => {
    expect(peerStats([50, 10, 40, 20, 30])).toEqual({ n: 5, min: 10, q1: 20, median: 30, q3: 40, max: 50 });
  });

  it("one value is its own median, quartiles and extremes; none gives null", () => {
    expect(peerStats([7])).toEqual({ n: 1, min: 7, q1: 7, median: 7, q3: 7, max: 7 });
    expect(peerStats([])).toBeNull();
  });

  it("rank 1 = lowest; ties share the lower rank; no value, no rank", () => {
    expect(ranks([30, 10, 20, 10, null])).toEqual([4, 1, 3, 1, null]);
  });
});

describe("peerTable", () => {
  const members = [
    { name: "A", comparison: comparison({ total_per_inhabitant: 120, saas_share: 0.5 }, 30000, "A") },
    { name: "B", comparison: comparison({ total_per_inhabitant: 90, saas_share: null }, 150000, "B") },
    { name: "C", comparison: comparison({ total_per_inhabitant: 100, saas_share: 0.7 }, 62000, "C") },
    { name: "D", comparison: comparison({ total_per_inhabitant: 110, saas_share: 0.6 }, 80000, "D") },
  ];

  it("gives each member's value and rank, the group's statistics and the report's average", () => {
    const t = peerTable(members);
    const total = t.kpis.find((k) => k.id === "total_per_inhabitant")!;
    expect(total.values.map((v) => [v.name, v.value, v.rank])).toEqual([
      ["A", 120, 4],
      ["B", 90, 1],
      ["C", 100, 2],
      ["D", 110, 3],
    ]);
    // sorted 90, 100, 110, 120: q1 = 90 + 0.75·10, median = 105, q3 = 110 + 0.25·10
    expect(total.stats).toEqual({ n: 4, min: 90, q1: 97.5, median: 105, q3: 112.5, max: 120 });
    expect(total.benchmark).toBe(106);
    expect(t.rankDirection.en).toMatch(/1 = lowest/);
  });

  it("leaves a member without a value out of the statistics and unranked", () => {
    const saas = peerTable(members).kpis.find((k) => k.id === "saas_share")!;
    expect(saas.values.map((v) => v.rank)).toEqual([1, null, 3, 2]);
    expect(saas.stats).toMatchObject({ n: 3, min: 0.5, median: 0.6, max: 0.7 });
    expect(saas.stats!.q1).toBeCloseTo(0.55, 12);
    expect(saas.stats!.q3).toBeCloseTo(0.65, 12);
  });

  it("puts the report's size-class figure beside each member when the edition has one", () => {
    const source: SizeClassSource = (kpi) =>
      kpi === "total_per_inhabitant"
        ? [
            {
              class: "<60k",
              value: 84,
              unit: "eur_per_inhabitant",
              source: { edition: "E", publisher: "P" },
            },
            {
              class: "60-100k",
              value: 78,
              unit: "eur_per_inhabitant",
              source: { edition: "E", publisher: "P" },
            },
            {
              class: ">100k",
              value: 89,
              unit: "eur_per_inhabitant",
              source: { edition: "E", publisher: "P" },
            },
          ]
        : [];
    const total = peerTable(members, source).kpis.find((k) => k.id === "total_per_inhabitant")!;
    expect(total.values.map((v) => v.sizeClass?.value)).toEqual([84, 89, 78, 78]);
    // The shipped 2023 edition (book year 2022) gives no size classes.
    const shipped = peerTable(members).kpis.find((k) => k.id === "total_per_inhabitant")!;
    expect(shipped.values.every((v) => v.sizeClass === null)).toBe(true);
  });

  it("reads the report's class names", () => {
    expect(sizeClassBounds("<100k")).toEqual({ min: 0, max: 100000 });
    expect(sizeClassBounds(">100k")).toEqual({ min: 100000, max: Infinity });
    expect(sizeClassBounds("60-100k")).toEqual({ min: 60000, max: 100000 });
    expect(sizeClassBounds("small")).toBeUndefined();
    expect(historySizeClasses("total_per_inhabitant", 2018).map((c) => c.class)).toEqual([
      "<60k",
      "60-100k",
      ">100k",
    ]);
    expect(historySizeClasses("software_per_inhabitant", 2018)).toEqual([]);
  });

  it("lays out a peers sheet with live MEDIAN/QUARTILE/RANK formulas whose cached values are the core's", () => {
    const layout = peersLayout(peerTable(members));
    expect(layout.role).toBe("peers");
    const row = layout.blocks.find((b) => b.cells[0][0] === "Totale ICT-kosten" && b.cells[0].length > 6)!;
    expect(row.at).toBe("A6");
    const cells = row.cells[0];
    expect(cells.slice(2, 6)).toEqual([120, 90, 100, 110]);
    expect(cells[6]).toEqual({ formula: "MEDIAN(C6:F6)", value: 105 });
    expect(cells[7]).toEqual({ formula: "QUARTILE(C6:F6,1)", value: 97.5 });
    expect(cells[8]).toEqual({ formula: "QUARTILE(C6:F6,3)", value: 112.5 });
    expect(cells[11]).toBe(106);
    const rank = layout.blocks.filter((b) => b.cells[0][0] === "Totale ICT-kosten")[1].cells[0];
    expect(rank[3]).toEqual({ formula: "RANK(D6,$C$6:$F$6,1)", value: 1 });
    expect(rank.filter(isFormula)).toHaveLength(4);
  });
});
