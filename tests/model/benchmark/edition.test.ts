import {
  benchmarkValue,
  BUILTIN_EDITION,
  cpiSeries,
  getEdition,
  historyPoints,
  historySeries,
  KPI_IDS,
  listEditions,
  loadEdition,
  registerEdition,
  unregisterEdition,
} from "../../../src/model/benchmark";
import { BenchmarkValue } from "../../../src/model/benchmark";
import { isKpiError } from "../../../src/model/types";

function value(key: string, year?: number): BenchmarkValue {
  const v = benchmarkValue(key, year);
  if (isKpiError(v)) throw new Error(`${key} ${year}: ${v.message.en}`);
  return v;
}

describe("built-in edition 2023 (book year 2022)", () => {
  test("header", () => {
    expect(BUILTIN_EDITION.title).toBe("ICT Benchmark Gemeenten 2023");
    expect(BUILTIN_EDITION.publisher).toBe("M&I/Partners");
    expect(BUILTIN_EDITION.bookYear).toBe(2022);
    expect(BUILTIN_EDITION.publishedYear).toBe(2023);
    expect(getEdition()).toBe(BUILTIN_EDITION);
  });

  // [key, year, value, lines] — every figure of benchmark-2023-figures.md.
  const FIGURES: [string, number, number, string][] = [
    ["total_per_inhabitant", 2022, 106, "114"],
    ["total_per_inhabitant", 2021, 96, "114"],
    ["software_per_inhabitant", 2022, 36, "160, 240, 1241"],
    ["software_per_inhabitant", 2021, 33, "160"],
    ["personnel_per_inhabitant", 2022, 53, "165, 393, 1250"],
    ["personnel_per_inhabitant", 2021, 46, "165"],
    ["infrastructure_per_inhabitant", 2022, 17, "171, 521, 1257"],
    ["infrastructure_per_inhabitant", 2021, 17, "521"],
    ["office_automation_per_inhabitant", 2022, 6, "1131"],
    ["SW.KA", 2022, 6, "1131"],
    ["hired_per_inhabitant", 2022, 16, "427"],
    ["hired_per_inhabitant", 2021, 8, "427"],
    ["fte_per_100k", 2022, 56, "400"],
    ["fte_per_100k", 2021, 52, "400"],
    ["hired_share", 2022, 0.31, "475"],
    ["cost_per_fte_own", 2022, 81000, "437"],
    ["cost_per_fte_own", 2021, 81000, "444"],
    ["cost_per_fte_hired", 2022, 125000, "437"],
    ["cost_per_fte_hired", 2021, 112000, "443"],
    ["saas_share", 2022, 0.5, "303"],
    ["participating_municipalities", 2022, 28, "100"],
    ["participating_inhabitants", 2022, 1710000, "101"],
    ["average_inhabitants_per_municipality", 2022, 61000, "93"],
    ["shared_service_organisations", 2022, 5, "89"],
    ["shared_service_inhabitants", 2022, 780000, "81"],
    ["shared_service_average_inhabitants", 2022, 156000, "84"],
    ["shared_service_inhabitants_per_member", 2022, 28000, "93"],
    ["software_change", 2022, 3, "160"],
    ["personnel_change", 2022, 7, "165"],
    ["infrastructure_change", 2022, 0, "171"],
    ["total_change", 2022, 10, "114"],
    ["infrastructure_level", 2019, 14, "553"],
    ["infrastructure_level", 2022, 17, "553"],
    ["total_cost_growth", 2022, 0.107, "141"],
    ["inflation", 2022, 0.1, "141"],
    ["years_above_inflation", 2022, 7, "1238"],
    ["size_largest_software_difference", 2022, -0.2, "125"],
    ["size_largest_personnel_difference", 2022, 0.2, "126"],
    ["office_automation_change", 2022, 1.5, "251"],
    ["woo_software_change", 2022, 0.5, "258"],
    ["esb_change", 2022, 0.5, "265"],
    ["eforms_change", 2022, 0.5, "277"],
    ["omgevingswet_software_change", 2022, 0.5, "653"],
    ["omgevingswet_software_change", 2021, 1, "654"],
    ["saas_effect_per_10pp", 2022, 1, "290"],
    ["suppliers_per_100_applications", 2022, 72, "368"],
    ["case_system_outlier_max", 2022, 9, "1009"],
    ["security_software_rising_since", 2022, 2019, "1063"],
    ["fte_growth", 2022, 0.06, "400"],
    ["hired_share_all_municipal_staff", 2022, 0.17, "475"],
    ["own_staff_cost_change", 2022, -1, "449"],
    ["hired_cost_change", 2022, 8, "456"],
    ["bi_staff_per_100k", 2022, 4.4, "882"],
    ["security_staff_per_100k", 2021, 1.9, "1054"],
    ["security_staff_per_100k", 2022, 2.9, "1054"],
    ["security_staff_per_100k_earlier", 2022, 1.4, "1054"],
    ["iaas_paas_use", 2022, 0.68, "561"],
    ["iaas_paas_intent_3y", 2022, 0.76, "565"],
    ["project_time_laws_per_100k", 2022, 1.5, "636"],
    ["project_time_digital_maturity_per_100k", 2022, 0.5, "722"],
    ["project_time_data_driven_per_100k", 2022, 0.5, "869"],
    ["project_time_case_based_per_100k", 2022, 0.5, "990"],
    ["project_time_security_per_100k", 2022, 0.5, "1042"],
    ["project_time_digital_workplace_per_100k", 2022, 0.5, "1157"],
    ["project_time_per_clock", 2022, 0.5, "590"],
    ["maturity_integrated_customer_experience", 2022, 0.43, "789"],
    ["maturity_future_ready", 2022, 0.24, "790"],
    ["maturity_traditional", 2022, 0.13, "790"],
    ["maturity_streamlined", 2022, 1, "791"],
  ];

  test.each(FIGURES)("%s %i = %d with its source", (key, year, expected, line) => {
    const v = value(key, year);
    expect(v.value).toBe(expected);
    expect(v.year).toBe(year);
    expect(v.source.edition).toBe("ICT Benchmark Gemeenten 2023");
    expect(v.source.publisher).toBe("M&I/Partners");
    expect(v.source.lines).toContain(line);
  });

  test("every stored value carries unit and source lines", () => {
    const groups = [BUILTIN_EDITION.kpis, BUILTIN_EDITION.categories, BUILTIN_EDITION.figures];
    let n = 0;
    for (const group of groups) {
      for (const years of Object.values(group)) {
        for (const sv of Object.values(years ?? {})) {
          expect(sv.source.lines).toMatch(/^\d/);
          expect(sv.unit).toBeTruthy();
          n++;
        }
      }
    }
    expect(n).toBeGreaterThanOrEqual(FIGURES.length);
  });

  test("components add up to the total, as in the report (36 + 53 + 17 = 106)", () => {
    for (const year of [2022, 2021]) {
      const sum = ["software", "personnel", "infrastructure"]
        .map((c) => value(`${c}_per_inhabitant`, year).value)
        .reduce((a, b) => a + b);
      expect(sum).toBe(value("total_per_inhabitant", year).value);
    }
  });

  test("'over 50%' SaaS and 'about 6' office automation are marked", () => {
    expect(value("saas_share")).toMatchObject({ bound: "lower", approx: true });
    expect(value("office_automation_per_inhabitant").approx).toBe(true);
    expect(value("software_per_inhabitant").approx).toBeUndefined();
    expect(value("security_staff_per_100k").derived).toBe(true);
  });

  test("default year is the book year", () => {
    expect(value("software_per_inhabitant").value).toBe(36);
  });

  test("unknown KPI, unknown year, unknown edition → #N/A with a bilingual message", () => {
    for (const v of [
      benchmarkValue("no_such_kpi"),
      benchmarkValue("software_per_inhabitant", 2019),
      benchmarkValue("software_per_inhabitant", 2022, "no-such-edition"),
    ]) {
      expect(isKpiError(v) && v.error).toBe("na");
      if (isKpiError(v)) {
        expect(v.message.nl).toBeTruthy();
        expect(v.message.en).toBeTruthy();
      }
    }
  });

  test("budget share has no 2022 figure: #N/A that says so", () => {
    const v = benchmarkValue("ict_budget_share");
    expect(isKpiError(v)).toBe(true);
    if (isKpiError(v)) {
      expect(v.error).toBe("na");
      expect(v.message.en).toContain("ict_budget_share");
    }
  });

  test("KPI_IDS lists the contract's twelve KPIs with labels and units", () => {
    expect(KPI_IDS.map((k) => k.id)).toEqual([
      "total_per_inhabitant",
      "software_per_inhabitant",
      "personnel_per_inhabitant",
      "infrastructure_per_inhabitant",
      "office_automation_per_inhabitant",
      "hired_per_inhabitant",
      "fte_per_100k",
      "hired_share",
      "cost_per_fte_own",
      "cost_per_fte_hired",
      "saas_share",
      "ict_budget_share",
    ]);
    expect(KPI_IDS.find((k) => k.id === "office_automation_per_inhabitant")?.category).toBe("SW.KA");
    expect(KPI_IDS.find((k) => k.id === "cost_per_fte_hired")?.unit).toBe("eur_per_fte");
    for (const k of KPI_IDS) expect(k.label.nl && k.label.en).toBeTruthy();
  });
});

describe("history and CPI", () => {
  test("history 2004–2023 totals with sources; 2019 split derived", () => {
    const s = historySeries();
    expect(s[0]).toMatchObject({ bookYear: 2004, value: 71, derived: false });
    expect(s.map((p) => p.bookYear)).toEqual([
      2004, 2008, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023,
    ]);
    expect(s.find((p) => p.bookYear === 2022)?.value).toBe(106);
    expect(s.find((p) => p.bookYear === 2023)?.value).toBe(109);
    for (const p of s) expect(p.source.lines ?? p.source.publication).toBeTruthy();
    const p2019 = historyPoints().find((p) => p.bookYear === 2019);
    expect(p2019?.split?.software).toMatchObject({ value: 28, derived: true });
    expect(
      historyPoints()
        .find((p) => p.bookYear === 2018)
        ?.sizeClasses?.map((c) => c.value),
    ).toEqual([84, 78, 89]);
  });

  test("CBS CPI 2004–2025 as fractions", () => {
    const c = cpiSeries();
    expect(c).toHaveLength(22);
    expect(c[0]).toMatchObject({ year: 2004, change: 0.012 });
    expect(c.find((p) => p.year === 2022)?.change).toBeCloseTo(0.1, 10);
    expect(c[c.length - 1]).toMatchObject({ year: 2025, change: 0.033 });
    expect(c[0].source.licence).toBe("CC BY 4.0");
  });
});

describe("loading a user's edition", () => {
  const newer = {
    id: "ict-benchmark-gemeenten-2024",
    title: "ICT Benchmark Gemeenten 2024",
    publisher: "M&I/Partners",
    bookYear: 2023,
    publishedYear: 2024,
    kpis: {
      total_per_inhabitant: {
        "2023": { value: 109, unit: "eur_per_inhabitant", source: { publication: "test" } },
      },
      software_per_inhabitant: { "2023": { value: 37, unit: "eur_per_inhabitant" } },
    },
  };
  afterEach(() => {
    unregisterEdition(newer.id);
    unregisterEdition("corrected");
  });

  test("a valid newer edition extends the list and becomes the default", () => {
    const { edition, errors } = loadEdition(JSON.stringify(newer));
    expect(errors).toEqual([]);
    registerEdition(edition!);
    expect(listEditions().map((e) => e.bookYear)).toEqual([2022, 2023]);
    expect(getEdition().id).toBe(newer.id);
    const v = benchmarkValue("software_per_inhabitant");
    expect(v).toMatchObject({ value: 37, year: 2023, source: { edition: "ICT Benchmark Gemeenten 2024" } });
    expect(benchmarkValue("total_per_inhabitant")).toMatchObject({
      value: 109,
      source: { publication: "test" },
    });
    expect(benchmarkValue("software_per_inhabitant", 2022, BUILTIN_EDITION.id)).toMatchObject({ value: 36 });
    expect(historySeries().find((p) => p.bookYear === 2023)?.source.edition).toBe(
      "ICT Benchmark Gemeenten 2024",
    );
    expect(unregisterEdition(newer.id)).toBe(true);
    expect(getEdition()).toBe(BUILTIN_EDITION);
  });

  test("an edition with an existing id replaces it", () => {
    const a = loadEdition({ ...newer, id: "corrected" }).edition!;
    const b = loadEdition({ ...newer, id: "corrected", title: "Corrected" }).edition!;
    registerEdition(a);
    registerEdition(b);
    expect(listEditions().filter((e) => e.id === "corrected")).toEqual([b]);
  });

  test("the built-in edition cannot be removed", () => {
    expect(unregisterEdition(BUILTIN_EDITION.id)).toBe(false);
    expect(getEdition(BUILTIN_EDITION.id)).toBe(BUILTIN_EDITION);
  });

  test("malformed editions give bilingual errors and never throw", () => {
    const cases: unknown[] = [
      "{not json",
      42,
      null,
      [],
      { ...newer, bookYear: "2023" },
      { ...newer, id: "" },
      { ...newer, kpis: { nonsense: { "2023": { value: 1, unit: "share" } } } },
      { ...newer, kpis: { hired_share: { "2023": { value: 31, unit: "eur_per_inhabitant" } } } },
      { ...newer, kpis: { hired_share: { "23": { value: 0.3, unit: "share" } } } },
      { ...newer, kpis: { hired_share: { "2023": { value: "0,31", unit: "share" } } } },
      { ...newer, kpis: { hired_share: { "2023": { value: 0.3, unit: "share", approx: "yes" } } } },
      { ...newer, kpis: {} },
      { ...newer, categories: { "SW.XX": { "2023": { value: 1, unit: "eur_per_inhabitant" } } } },
    ];
    for (const c of cases) {
      const r = loadEdition(c);
      expect(r.edition).toBeUndefined();
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(e.nl).toBeTruthy();
        expect(e.en).toBeTruthy();
      }
    }
  });

  test("the built-in JSON passes the same validation", () => {
    expect(loadEdition(BUILTIN_EDITION).errors).toEqual([]);
  });
});
