import { compare, summarise, summariseByYear } from "../../src/model/comparison";
import { CategorisedLine, CategoryCode, Delivery, KeyFigures, Staffing } from "../../src/model/types";
import { componentOf } from "../../src/model/taxonomy";

let row = 1;
function line(
  category: CategoryCode,
  amount: number,
  opts: { year?: number | null; delivery?: Delivery; staffing?: Staffing; fte?: number } = {},
): CategorisedLine {
  return {
    row: row++,
    description: `line ${row}`,
    supplier: "",
    account: "",
    amount,
    year: opts.year === undefined ? 2022 : opts.year,
    costCentre: "",
    fte: opts.fte ?? null,
    category,
    component: componentOf(category),
    delivery: opts.delivery ?? null,
    staffing: opts.staffing ?? null,
    nature: null,
    rule: "test",
    confidence: 1,
  };
}

// A municipality of 50,000 inhabitants, book year 2022.
const LEDGER: CategorisedLine[] = [
  line("SW.KA", 300_000, { delivery: "saas" }),
  line("SW.PP", 1_000_000, { delivery: "saas" }),
  line("SW.PP", 900_000, { delivery: "on-premise" }),
  line("PE.AU", 1_620_000, { staffing: "own", fte: 20 }),
  line("PE.IF", 1_000_000, { staffing: "hired", fte: 8 }),
  line("IN.WP", 800_000),
  line("IN.WP", 50_000, { year: null }),
  line("XX.NI", 500_000),
  line("XX.OO", 12_345),
  line("SW.PP", 2_000_000, { year: 2021 }),
];
const FIGURES: KeyFigures[] = [
  { municipality: "Voorbeeldstad", year: 2022, inhabitants: 50_000, budget: 200_000_000 },
  { year: 2021, inhabitants: 49_000 },
];

function kpi(c: ReturnType<typeof compare>, id: string) {
  const k = c.kpis.find((x) => x.id === id);
  if (!k) throw new Error(id);
  return k;
}

describe("summarise", () => {
  test("totals of 2022, undated line included, XX.NI and XX.OO apart", () => {
    const t = summarise(LEDGER, 2022);
    expect(t.components).toEqual({ software: 2_200_000, personnel: 2_620_000, infrastructure: 850_000 });
    expect(t.total).toBe(5_670_000);
    expect(t.categories["SW.KA"]).toBe(300_000);
    expect(t.categories["XX.NI"]).toBeUndefined();
    expect([t.hired, t.own, t.saas, t.fteOwn, t.fteHired]).toEqual([1_000_000, 1_620_000, 1_300_000, 20, 8]);
    expect(t.unclassified).toEqual({ lines: 1, amount: 12_345 });
    expect(t.notIct).toEqual({ lines: 1, amount: 500_000 });
  });

  test("by year; undated lines go to the latest year without a key-figure year", () => {
    const all = summariseByYear(LEDGER);
    expect(all.map((t) => [t.year, t.total])).toEqual([
      [2021, 2_000_000],
      [2022, 5_670_000],
    ]);
    expect(summariseByYear(LEDGER, 2021)[0].total).toBe(2_050_000);
    expect(summarise(LEDGER).total).toBe(7_670_000);
  });
});

describe("compare on a hand-made ledger", () => {
  const c = compare(LEDGER, FIGURES);

  test("year, municipality, every contract KPI", () => {
    expect(c.year).toBe(2022);
    expect(c.edition).toBe("ict-benchmark-gemeenten-2023");
    expect(c.municipality).toBe("Voorbeeldstad");
    expect(c.inhabitants).toBe(50_000);
    expect(c.kpis).toHaveLength(12);
    expect(kpi(c, "total_per_inhabitant")).toMatchObject({ own: 113.4, benchmark: 106 });
    expect(kpi(c, "software_per_inhabitant")).toMatchObject({ own: 44, benchmark: 36, difference: 8 });
    expect(kpi(c, "software_per_inhabitant").differencePct).toBeCloseTo(0.2222, 4);
    expect(kpi(c, "personnel_per_inhabitant").own).toBeCloseTo(52.4, 10);
    expect(kpi(c, "infrastructure_per_inhabitant").own).toBe(17);
    expect(kpi(c, "office_automation_per_inhabitant").own).toBe(6);
    expect(kpi(c, "hired_per_inhabitant").own).toBe(20);
    expect(kpi(c, "fte_per_100k").own).toBe(56);
    expect(kpi(c, "hired_share").own).toBeCloseTo(1_000_000 / 2_620_000, 12);
    expect(kpi(c, "cost_per_fte_own").own).toBe(81_000);
    expect(kpi(c, "cost_per_fte_hired").own).toBe(125_000);
    expect(kpi(c, "saas_share").own).toBeCloseTo(1_300_000 / 2_200_000, 12);
    expect(kpi(c, "ict_budget_share")).toMatchObject({ own: 0.02835, benchmark: null, difference: null });
  });

  test("verdicts in Dutch and English", () => {
    expect(kpi(c, "software_per_inhabitant").verdict).toEqual({
      nl: "Software: € 44 per inwoner, 22% boven de benchmark (€ 36)",
      en: "Software: €44 per inhabitant, 22% above the benchmark (€36)",
    });
    expect(kpi(c, "personnel_per_inhabitant").verdict).toEqual({
      nl: "ICT-personeel: € 52 per inwoner, gelijk aan de benchmark (€ 53)",
      en: "ICT personnel: €52 per inhabitant, in line with the benchmark (€53)",
    });
    expect(kpi(c, "office_automation_per_inhabitant").verdict.nl).toBe(
      "Kantoorautomatisering: € 6 per inwoner, gelijk aan de benchmark (ca. € 6)",
    );
    expect(kpi(c, "fte_per_100k").verdict).toEqual({
      nl: "ICT-fte per 100.000 inwoners: 56 fte per 100.000 inwoners, gelijk aan de benchmark (56)",
      en: "ICT fte per 100,000 inhabitants: 56 fte per 100,000 inhabitants, in line with the benchmark (56)",
    });
    expect(kpi(c, "hired_share").verdict).toEqual({
      nl: "Aandeel inhuur in personeelskosten: 38%, 7 procentpunt boven de benchmark (31%)",
      en: "Hired share of personnel cost: 38%, 7 percentage points above the benchmark (31%)",
    });
    expect(kpi(c, "cost_per_fte_hired").verdict.nl).toBe(
      "Kosten per fte inhuur: € 125.000 per fte, gelijk aan de benchmark (€ 125.000)",
    );
    expect(kpi(c, "saas_share").verdict.en).toBe(
      "SaaS share of software cost: 59%, 9 percentage points above the benchmark (over 50%)",
    );
    expect(kpi(c, "ict_budget_share").verdict).toEqual({
      nl: "ICT-kosten als deel van de begroting: 2,8%; ICT Benchmark Gemeenten 2023 geeft hiervoor geen cijfer.",
      en: "ICT cost as share of the budget: 2.8%; ICT Benchmark Gemeenten 2023 gives no figure for this.",
    });
  });

  test("sources name edition, book year and report lines", () => {
    expect(kpi(c, "software_per_inhabitant").source).toBe(
      "ICT Benchmark Gemeenten 2023 (M&I/Partners), boekjaar 2022, regels 160, 240, 1241",
    );
    const en = compare(LEDGER, FIGURES, { language: "en" });
    expect(kpi(en, "fte_per_100k").source).toBe(
      "ICT Benchmark Gemeenten 2023 (M&I/Partners), book year 2022, lines 400-402",
    );
    expect(kpi(c, "ict_budget_share").source).toBeNull();
  });

  test("series: nominal and in 2022 prices", () => {
    expect(c.series).toHaveLength(2);
    expect(c.series[0].year).toBe(2021);
    expect(c.series[0].perInhabitant).toBeCloseTo(2_000_000 / 49_000, 10);
    expect(c.series[0].perInhabitantReal).toBeCloseTo((2_000_000 / 49_000) * 1.1, 10);
    expect(c.series[1]).toEqual({
      year: 2022,
      total: 5_670_000,
      perInhabitant: 113.4,
      perInhabitantReal: 113.4,
    });
  });

  test("issues: unclassified and not-ICT money, undated lines", () => {
    const nl = c.issues.map((i) => i.nl);
    expect(nl).toContain(
      "Niet ingedeeld (XX.OO): 1 regel (€ 12.345); telt niet mee; deel in via de kolom Handmatig.",
    );
    expect(nl).toContain("Geen ICT (XX.NI): 1 regel (€ 500.000); telt niet mee.");
    expect(c.issues.map((i) => i.en)).toContain("Not ICT (XX.NI): 1 line (€500,000); not counted.");
    expect(nl).toContain("Zonder jaar: 1 regel; toegerekend aan 2022.");
    for (const i of c.issues) expect(i.en).toBeTruthy();
  });
});

describe("compare: missing and odd input", () => {
  test("no inhabitants: per-inhabitant KPIs null with #N/A, shares still computed", () => {
    const c = compare(LEDGER, [{ year: 2022 }]);
    const k = kpi(c, "total_per_inhabitant");
    expect(k.own).toBeNull();
    expect(k.ownError?.error).toBe("na");
    expect(k.verdict.nl).toMatch(/^Totale ICT-kosten: niet te berekenen/);
    expect(kpi(c, "hired_share").own).not.toBeNull();
    expect(kpi(c, "ict_budget_share").ownError?.error).toBe("na");
    expect(c.issues.some((i) => i.en.startsWith("Inhabitants for 2022 missing"))).toBe(true);
  });

  test("zero inhabitants → #NUM!", () => {
    const c = compare(LEDGER, [{ year: 2022, inhabitants: 0 }]);
    expect(kpi(c, "software_per_inhabitant").ownError?.error).toBe("num");
  });

  test("key-figure fte win over ledger fte; no fte at all → #N/A", () => {
    const c = compare(LEDGER, [{ year: 2022, inhabitants: 50_000, fteOwn: 18, fteHired: 10 }]);
    expect(c.totals.fteOwn).toBe(18);
    expect(kpi(c, "cost_per_fte_own").own).toBe(90_000);
    expect(kpi(c, "cost_per_fte_hired").own).toBe(100_000);
    const noFte = compare([line("PE.AU", 100, { staffing: "own" })], [{ year: 2022, inhabitants: 1000 }]);
    expect(kpi(noFte, "fte_per_100k").ownError?.error).toBe("na");
    expect(kpi(noFte, "cost_per_fte_own").ownError?.error).toBe("div0");
    expect(kpi(noFte, "saas_share").ownError?.error).toBe("div0");
  });

  test("personnel without staffing counts as own and is reported", () => {
    const c = compare([line("PE.FB", 90_000, { fte: 1 })], [{ year: 2022, inhabitants: 1000 }]);
    expect(c.totals.own).toBe(90_000);
    expect(c.issues.some((i) => i.en.includes("without own/hired"))).toBe(true);
  });

  test("a year the edition does not cover is compared with its book year, and said so", () => {
    const c = compare([line("SW.PP", 40_000, { year: 2024 })], [{ year: 2024, inhabitants: 1000 }]);
    expect(kpi(c, "software_per_inhabitant").benchmark).toBe(36);
    expect(c.issues.some((i) => i.nl.includes("boekjaar 2022"))).toBe(true);
    const y2021 = compare([line("SW.PP", 33_000, { year: 2021 })], [{ year: 2021, inhabitants: 1000 }]);
    expect(kpi(y2021, "software_per_inhabitant")).toMatchObject({ own: 33, benchmark: 33 });
  });

  test("no lines, no figures: a comparison all the same", () => {
    const c = compare([], []);
    expect(c.year).toBe(2022);
    expect(c.kpis.every((k) => k.own === null && k.ownError)).toBe(true);
    expect(c.series).toEqual([]);
  });

  test("unknown edition: default edition with an issue", () => {
    const c = compare(LEDGER, FIGURES, { editionId: "nope" });
    expect(c.edition).toBe("ict-benchmark-gemeenten-2023");
    expect(c.issues[0].en).toContain('"nope"');
  });
});
