/**
 * The overhead KPIs against a hand computation straight from iv3-totalen.csv and gemeenten.csv (not the
 * shipped JSON): for three municipalities of different size classes, each value, and the median and
 * quartiles of its size class and of all municipalities, computed here the plain way.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { distribution, overheadContext, overheadSummary, quantile } from "../../../src/model/cbs/overhead";

const DIR = join(__dirname, "../../../../shared/domain/cbs");
const rows = (file: string) => {
  const [head, ...lines] = readFileSync(join(DIR, file), "utf8").trim().split(/\r?\n/);
  const cols = head.split(";");
  return lines.map((l) => Object.fromEntries(l.split(";").map((v, i) => [cols[i], v])));
};
const classOf = new Map(
  rows("gemeenten.csv")
    .filter((r) => r.jaar === "2023")
    .map((r) => [r.gemeente, r.gemeentegrootte.toLowerCase()]),
);
// Jaarrekening 2023, every municipality that filed (Vijfheerenlanden's row is all zeros).
const jr = rows("iv3-totalen.csv").filter(
  (r) =>
    r.stuk === "jaarrekening" &&
    r.jaar === "2023" &&
    r.gemeente !== "Nederland" &&
    Number(r.lasten_excl_reserves_k) > 0,
);

/** Quartile by hand: position (n-1)·p in the sorted list, between its two neighbours. */
function byHand(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const i = Math.floor(pos);
  return i + 1 < s.length ? s[i] + (pos - i) * (s[i + 1] - s[i]) : s[i];
}

const perInh = (r: Record<string, string>) => (Number(r.overhead_lasten_k) * 1000) / Number(r.inwoners);
const bi5 = (r: Record<string, string>) => Number(r.overhead_lasten_k) / Number(r.lasten_excl_reserves_k);

describe.each([
  ["Zwolle", "100000tot150000inwoners", 14],
  ["Aa en Hunze", "20000tot50000inwoners", 184],
  ["Bergen (L.)", "10000tot20000inwoners", 54],
])("%s (%s), jaarrekening 2023", (name, cls, peers) => {
  const own = jr.find((r) => r.gemeente === name)!;
  const group = jr.filter((r) => classOf.get(r.gemeente) === cls);
  const o = overheadContext(name, 2023, 1_000_000)!;

  it("is in the size class CBS gives it, with the source of every figure", () => {
    expect(o.size_class).toMatchObject({ value: cls, year: 2023, source: "CBS, gemeenteklassen 2023" });
    expect(o.source).toBe("CBS, Iv3 jaarrekening 2023");
    expect(o.document).toBe("jaarrekening");
    expect(group).toHaveLength(peers);
    expect(o.kpis.overhead_per_inhabitant.size_class.n).toBe(peers);
    expect(o.kpis.overhead_per_inhabitant.all.n).toBe(jr.length);
  });

  it("overhead per inhabitant: own value, class and national quartiles as by hand", () => {
    const k = o.kpis.overhead_per_inhabitant;
    expect(k.value).toBeCloseTo(perInh(own), 9);
    for (const [d, g] of [
      [k.size_class, group],
      [k.all, jr],
    ] as const) {
      const v = g.map(perInh);
      expect(d.q1).toBeCloseTo(byHand(v, 0.25), 9);
      expect(d.median).toBeCloseTo(byHand(v, 0.5), 9);
      expect(d.q3).toBeCloseTo(byHand(v, 0.75), 9);
      expect(d.rank).toBe(v.filter((x) => x < perInh(own)).length + 1);
    }
  });

  it("BBV bi.5 (overhead / lasten excl. reserves): own value, class and national quartiles as by hand", () => {
    const k = o.kpis.overhead_bi5;
    expect(k.value).toBeCloseTo(bi5(own), 12);
    for (const [d, g] of [
      [k.size_class, group],
      [k.all, jr],
    ] as const) {
      const v = g.map(bi5);
      expect(d.q1).toBeCloseTo(byHand(v, 0.25), 12);
      expect(d.median).toBeCloseTo(byHand(v, 0.5), 12);
      expect(d.q3).toBeCloseTo(byHand(v, 0.75), 12);
    }
  });

  it("ICT cost as a share of the overhead lasten", () => {
    expect(o.kpis.ict_overhead_share).toBeCloseTo(1_000_000 / (Number(own.overhead_lasten_k) * 1000), 12);
  });
});

describe("Zwolle 2023 as CBS filed it", () => {
  it("132,411 inhabitants, overhead € 57,683k, € 435.64 per inhabitant, 8.2% of the lasten", () => {
    const o = overheadContext("Zwolle", 2023)!;
    expect(o.inhabitants).toBe(132411);
    expect(o.overhead).toBe(57_683_000);
    expect(o.overhead_salaries).toBe(20_494_000);
    expect(o.lasten_excl_reserves).toBe(706_477_000);
    expect(o.kpis.overhead_per_inhabitant.value).toBeCloseTo(435.636, 3);
    expect(o.kpis.overhead_bi5.value).toBeCloseTo(57683 / 706477, 12);
    expect(o.kpis.ict_overhead_share).toBeNull(); // no ICT cost given
    expect(o.kpis.overhead_per_inhabitant.size_class).toMatchObject({
      n: 14,
      rank: 7,
      quartile: "q1_median",
    });
  });

  it("a book year CBS has no Iv3 of: the nearest year's overhead (said), no ICT share", () => {
    const o = overheadContext("Zwolle", 2022, 3_000_000)!;
    expect(o.year).toBe(2023);
    expect(o.kpis.ict_overhead_share).toBeNull();
    expect(o.notes[0].nl).toBe(
      "CBS heeft geen Iv3-cijfers over 2022: de overhead is die van de jaarrekening 2023; het ICT-aandeel in de overhead is daarom niet berekend.",
    );
  });

  it("in one line for the pane, Dutch and English: ICT share, overhead per inhabitant, class median and place", () => {
    const o = overheadContext("Zwolle", 2023, 1_153_660)!;
    const d = o.kpis.overhead_per_inhabitant.size_class;
    expect(overheadSummary(o)).toEqual({
      nl: `Overhead in context (CBS, Iv3 jaarrekening 2023): ICT-kosten zijn 2,0% van de overhead; overhead € 436 per inwoner, mediaan grootteklasse 100.000 tot 150.000 inwoners € ${Math.round(d.median)} (plaats 7 van 14, 1 = laagste).`,
      en: `Overhead in context (CBS, Iv3 jaarrekening 2023): ICT cost is 2.0% of overhead; overhead €436 per inhabitant, size class 100,000 to 150,000 inhabitants median €${Math.round(d.median)} (rank 7 of 14, 1 = lowest).`,
    });
    // Without the ICT share (overhead of another year than the book year) the rest still stands.
    const other = overheadSummary(overheadContext("Zwolle", 2022, 1_153_660)!);
    expect(other.nl).not.toContain("ICT-kosten zijn");
    expect(other.en).not.toContain("ICT cost is");
    expect(other.nl).toContain("overhead € 436 per inwoner");
  });

  it("a begroting year uses the begroting", () => {
    const o = overheadContext("Zwolle", 2025)!;
    expect(o).toMatchObject({ document: "begroting", year: 2025, overhead: 70_089_000, inhabitants: 133830 });
  });
});

describe("quartiles", () => {
  it("interpolate like Excel's QUARTILE.INC", () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.5)).toBe(7);
  });
  it("place a value in its quartile, rank 1 the lowest", () => {
    expect(distribution([1, 2, 3, 4, 5], 1)).toMatchObject({ rank: 1, quartile: "below_q1", median: 3 });
    expect(distribution([1, 2, 3, 4, 5], 5)).toMatchObject({ rank: 5, quartile: "above_q3" });
  });
});
