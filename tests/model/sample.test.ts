import { readFileSync } from "fs";
import { join } from "path";
import { detectHeader, readLedger } from "../../src/model/grid";
import { findKeyFigures } from "../../src/model/keyFigures";
import {
  SAMPLE_LEDGER_HEADER,
  SAMPLE_YEARS,
  SampleLedgerLine,
  sampleKeyFiguresGrid,
  sampleLedgerGrid,
  sampleMunicipality,
  seededRandom,
} from "../../src/model/sample";
import { CATEGORIES } from "../../src/model/taxonomy";

const sample = sampleMunicipality();
const linesOf = (year: number) => sample.ledger.filter((l) => l.year === year);
const sum = (lines: SampleLedgerLine[]) => lines.reduce((s, l) => s + l.amount, 0);
const byPrefix = (lines: SampleLedgerLine[], prefix: string) =>
  sum(lines.filter((l) => l.intendedCategory.startsWith(prefix)));
const inhabitants = (year: number) => sample.keyFigures.find((k) => k.year === year)?.inhabitants as number;

describe("sampleMunicipality", () => {
  it("is the fictitious Gemeente Voorbeeldrade with key figures for 2022 and 2023", () => {
    expect(sample.name).toBe("Gemeente Voorbeeldrade");
    expect(sample.keyFigures.map((k) => k.year)).toEqual([2022, 2023]);
    for (const k of sample.keyFigures) {
      expect(k.inhabitants).toBeGreaterThan(60000);
      expect(k.inhabitants).toBeLessThan(64000);
      expect(k.budget).toBeGreaterThan(100_000_000);
      expect(k.fteOwn).toBeGreaterThan(20);
      expect(k.fteHired).toBeGreaterThan(4);
    }
  });

  it.each(SAMPLE_YEARS)("has at least 150 ledger lines in %i, covering every category", (year) => {
    const lines = linesOf(year);
    expect(lines.length).toBeGreaterThanOrEqual(150);
    const codes = new Set(lines.map((l) => l.intendedCategory));
    for (const c of CATEGORIES) expect(codes).toContain(c.code);
  });

  it.each(SAMPLE_YEARS)("lands near the benchmark per inhabitant in %i", (year) => {
    const lines = linesOf(year);
    const perInhabitant = (x: number) => x / inhabitants(year);
    const software = perInhabitant(byPrefix(lines, "SW."));
    const personnel = perInhabitant(byPrefix(lines, "PE."));
    const infrastructure = perInhabitant(byPrefix(lines, "IN."));
    expect(software + personnel + infrastructure).toBeGreaterThanOrEqual(100);
    expect(software + personnel + infrastructure).toBeLessThanOrEqual(115);
    expect(software).toBeGreaterThan(31);
    expect(software).toBeLessThan(41);
    expect(personnel).toBeGreaterThan(48);
    expect(personnel).toBeLessThan(60);
    expect(infrastructure).toBeGreaterThan(13);
    expect(infrastructure).toBeLessThan(21);
    expect(perInhabitant(byPrefix(lines, "SW.KA"))).toBeGreaterThan(4);
    expect(perInhabitant(byPrefix(lines, "SW.KA"))).toBeLessThan(8);
  });

  it.each(SAMPLE_YEARS)(
    "hires about 30% of its personnel cost and staff cost about 81K/125K per fte in %i",
    (year) => {
      const personnel = linesOf(year).filter((l) => l.intendedCategory.startsWith("PE."));
      const hired = personnel.filter((l) => /inhuur/i.test(l.account));
      const own = personnel.filter((l) => /salaris/i.test(l.account));
      expect(hired.length + own.length).toBe(personnel.length);
      const share = sum(hired) / sum(personnel);
      expect(share).toBeGreaterThan(0.25);
      expect(share).toBeLessThan(0.35);
      const k = sample.keyFigures.find((f) => f.year === year)!;
      expect(sum(own) / k.fteOwn!).toBeGreaterThan(70_000);
      expect(sum(own) / k.fteOwn!).toBeLessThan(95_000);
      expect(sum(hired) / k.fteHired!).toBeGreaterThan(110_000);
      expect(sum(hired) / k.fteHired!).toBeLessThan(145_000);
      const ftePer100k = ((k.fteOwn! + k.fteHired!) * 100_000) / k.inhabitants!;
      expect(ftePer100k).toBeGreaterThan(45);
      expect(ftePer100k).toBeLessThan(70);
    },
  );

  it("gives fte on personnel lines only", () => {
    for (const l of sample.ledger) {
      if (l.intendedCategory.startsWith("PE.")) expect(l.fte).toBeGreaterThan(0);
      else expect(l.fte).toBeNull();
    }
  });

  it("costs a few percent more in 2023 than in 2022", () => {
    const ict = (year: number) => ["SW.", "PE.", "IN."].reduce((s, p) => s + byPrefix(linesOf(year), p), 0);
    const growth = ict(2023) / ict(2022);
    expect(growth).toBeGreaterThan(1.01);
    expect(growth).toBeLessThan(1.1);
  });

  it("has a credit note and lines outside ICT", () => {
    expect(sample.ledger.some((l) => l.amount < 0)).toBe(true);
    expect(sample.ledger.filter((l) => l.intendedCategory === "XX.NI").length).toBeGreaterThanOrEqual(6);
  });

  it("is deterministic and never uses Math.random", () => {
    const spy = jest.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random used");
    });
    try {
      expect(sampleMunicipality()).toEqual(sample);
      expect(sampleLedgerGrid()).toEqual(sampleLedgerGrid());
    } finally {
      spy.mockRestore();
    }
  });

  it("imports nothing from Node (the add-in uses it too)", () => {
    const source = readFileSync(join(__dirname, "../../src/model/sample.ts"), "utf8");
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const i of imports) expect(i.startsWith("./")).toBe(true);
  });
});

describe("seededRandom", () => {
  it("repeats for a seed, differs between seeds and stays in [0, 1)", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.slice(0, 5)).not.toEqual(Array.from({ length: 5 }, () => c()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe("sampleLedgerGrid", () => {
  const grid = sampleLedgerGrid();

  it("looks like a messy export: titles, a blank row, the Dutch header, a total row", () => {
    expect(grid[0][0]).toBe("Grootboekexport ICT");
    expect(grid[1][0]).toBe("Gemeente Voorbeeldrade, boekjaren 2022-2023");
    expect(grid[3]).toEqual(SAMPLE_LEDGER_HEADER);
    expect(grid[grid.length - 1][0]).toBe("Totaal");
    expect(new Set(grid.map((r) => r.length))).toEqual(new Set([SAMPLE_LEDGER_HEADER.length]));
  });

  it("has no category column", () => {
    for (const header of grid[3]) expect(String(header)).not.toMatch(/categ/i);
    const texts = grid.flat().filter((v) => typeof v === "string") as string[];
    expect(texts.some((t) => /^(SW|PE|IN|XX)\.[A-Z]{2}$/.test(t))).toBe(false);
  });

  it("writes some amounts as Dutch text and some as numbers", () => {
    const amounts = grid.slice(4, -2).map((r) => r[5]);
    const texts = amounts.filter((a) => typeof a === "string") as string[];
    expect(texts.length).toBeGreaterThan(20);
    expect(amounts.filter((a) => typeof a === "number").length).toBeGreaterThan(20);
    for (const t of texts) expect(t).toMatch(/^(€ )?-?\d{1,3}(\.\d{3})*,\d{2}$/);
  });

  it("reads back through the ledger reader to exactly the sample's lines", () => {
    expect(detectHeader(grid)?.row).toBe(3);
    const read = readLedger(grid, { sheet: "Grootboek" });
    expect(read.issues).toEqual([]);
    expect(read.skipped).toBe(2); // the blank row and the total row
    expect(read.lines.map((l) => [l.description, l.year, l.amount, l.fte])).toEqual(
      sample.ledger.map((l) => [l.description, l.year, l.amount, l.fte]),
    );
    const total = grid[grid.length - 1][5] as number;
    expect(total).toBeCloseTo(sum(sample.ledger), 2);
  });

  it("can hold one year, and clean numbers", () => {
    const one = sampleLedgerGrid({ years: [2023], messy: false });
    expect(one[1][0]).toBe("Gemeente Voorbeeldrade, boekjaar 2023");
    const body = one.slice(4, -2);
    expect(body.length).toBe(linesOf(2023).length);
    expect(body.every((r) => r[4] === 2023 && typeof r[5] === "number")).toBe(true);
  });
});

describe("sampleKeyFiguresGrid", () => {
  it("reads back through the key-figure finder to the sample's key figures", () => {
    const read = findKeyFigures(sampleKeyFiguresGrid(), { sheet: "Kerngegevens" });
    expect(read.issues).toEqual([]);
    expect(read.figures).toEqual(sample.keyFigures);
  });
});
