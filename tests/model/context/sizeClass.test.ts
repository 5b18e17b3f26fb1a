import { historyPoints } from "../../../src/model/benchmark";
import {
  classRange,
  historicClassOf,
  historicSizeYears,
  ownSizeClass,
  REPORT_SIZE_FINDING,
  sizeClassOf,
} from "../../../src/model/context/sizeClass";

describe("sizeClassOf: CBS's class bounds", () => {
  it.each([
    [4_999, "minderdan5000inwoners"],
    [5_000, "5000tot10000inwoners"],
    [49_999, "20000tot50000inwoners"],
    [61_000, "50000tot100000inwoners"],
    [100_000, "100000tot150000inwoners"],
    [132_411, "100000tot150000inwoners"],
    [249_999, "150000tot250000inwoners"],
    [250_000, "250000inwonersofmeer"],
    [935_000, "250000inwonersofmeer"],
  ])("%i inhabitants → %s", (inhabitants, cls) => {
    expect(sizeClassOf(inhabitants)).toBe(cls);
  });
});

describe("ownSizeClass", () => {
  it("takes CBS's class (with CBS's source) over the inhabitants", () => {
    const own = ownSizeClass(99_000, {
      value: "100000tot150000inwoners",
      source: "CBS, gemeenteklassen 2023",
    });
    expect(own).toEqual({
      value: "100000tot150000inwoners",
      label: { nl: "100.000 tot 150.000 inwoners", en: "100,000 to 150,000 inhabitants" },
      source: { nl: "CBS, gemeenteklassen 2023", en: "CBS, gemeenteklassen 2023" },
    });
  });

  it("places a municipality CBS does not know by its inhabitants, and says so", () => {
    const own = ownSizeClass(61_000)!;
    expect(own.value).toBe("50000tot100000inwoners");
    expect(own.source.nl).toMatch(/uit het aantal inwoners/);
    expect(ownSizeClass(undefined)).toBeUndefined();
    expect(ownSizeClass(0)).toBeUndefined();
  });
});

describe("what the report says about size", () => {
  it("says in words that the 2023 report gives no figures per size class, with its lines", () => {
    expect(REPORT_SIZE_FINDING.lines[0].nl).toBe("Het rapport geeft geen cijfers per grootteklasse.");
    expect(REPORT_SIZE_FINDING.lines.map((l) => l.nl).join(" ")).toMatch(/middelgrote de laagste/);
    expect(REPORT_SIZE_FINDING.source).toEqual({
      edition: "ICT Benchmark Gemeenten 2023",
      publisher: "M&I/Partners",
      lines: "104–108, 126–134",
    });
  });
});

describe("earlier editions per size class", () => {
  it("reads the classes as ranges of inhabitants; 'small'/'large' have none", () => {
    expect(classRange("<100k")).toEqual({ min: 0, max: 100_000 });
    expect(classRange(">100k")).toEqual({ min: 100_000, max: Infinity });
    expect(classRange("60-100k")).toEqual({ min: 60_000, max: 100_000 });
    expect(classRange("small")).toBeNull();
  });

  it("lists every book year with placeable classes and the history's figures", () => {
    const years = historicSizeYears();
    expect(years.map((y) => y.bookYear)).toEqual([2011, 2013, 2014, 2015, 2017, 2018, 2020]);
    const y2013 = years.find((y) => y.bookYear === 2013)!;
    expect(y2013.total.value).toBe(74);
    expect(historicClassOf(y2013, 61_000)!.figure.value).toBe(62);
    expect(historicClassOf(y2013, 132_411)!.figure.value).toBe(81);
    const y2018 = years.find((y) => y.bookYear === 2018)!;
    expect([50_000, 61_000, 100_000].map((n) => historicClassOf(y2018, n)!.figure.value)).toEqual([
      84, 78, 89,
    ]);
    // 2020 published only the class over 100,000 inhabitants
    expect(
      historicClassOf(
        years.find((y) => y.bookYear === 2020)!,
        61_000,
      ),
    ).toBeUndefined();
    // 2016's "small"/"large" cannot be placed: left out rather than guessed
    expect(historyPoints().find((p) => p.bookYear === 2016)!.sizeClasses).toHaveLength(2);
  });
});
