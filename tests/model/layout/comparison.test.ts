import { compare } from "../../../src/model/comparison";
import { categorisationLayout, categorisationRefs } from "../../../src/model/layout/categorisation";
import { comparisonLayout } from "../../../src/model/layout/comparison";
import { keyFigureRefs, templateLayouts } from "../../../src/model/layout/templates";
import { isFormula, SheetLayout } from "../../../src/model/layout/types";
import { lineKeys } from "../../../src/model/lineKey";
import { CategorisedLine, KeyFigures, Language } from "../../../src/model/types";
import { Workbook } from "./evaluator";
import { expectGolden, fixedLedger, formulasOf } from "./helpers";

const FIGURES: KeyFigures = {
  municipality: "Gemeente Testdorp",
  year: 2022,
  inhabitants: 10000,
  budget: 50000000,
};

interface Built {
  lines: CategorisedLine[];
  layouts: SheetLayout[];
  comparison: ReturnType<typeof compare>;
  wb: Workbook;
  sheet: string;
}

/** Categorisation + Kerngegevens (template, filled in) + comparison with live references, as the add-in builds it. */
function build(
  language: Language,
  lines = fixedLedger(),
  figures: KeyFigures = FIGURES,
  fteFromSheet = false,
): Built {
  const comparison = compare(lines, [figures], { language });
  const categorisation = categorisationLayout(lines, { language, undatedYear: comparison.year });
  const [keyFigures] = templateLayouts(language);
  const kf = keyFigureRefs(keyFigures.name);
  const layout = comparisonLayout(
    comparison,
    {
      categorisation: categorisationRefs(categorisation.name, language),
      inhabitants: kf.inhabitants,
      budget: kf.budget,
      ...(fteFromSheet ? { fteOwn: kf.fteOwn, fteHired: kf.fteHired } : {}),
    },
    { language, keyFigures: figures },
  );
  const layouts = [categorisation, keyFigures, layout];
  const wb = new Workbook(layouts);
  const put = (ref: string, v: number | string | undefined) =>
    wb.set(keyFigures.name, ref.split("!")[1].replace(/\$/g, ""), v ?? "");
  put(kf.municipality, figures.municipality);
  put(kf.year, figures.year);
  put(kf.inhabitants, figures.inhabitants);
  put(kf.budget, figures.budget);
  put(kf.fteOwn, figures.fteOwn);
  put(kf.fteHired, figures.fteHired);
  return { lines, layouts, comparison, wb, sheet: layout.name };
}

function kpiRows(layout: SheetLayout): Map<string, number> {
  const rows = new Map<string, number>();
  for (const b of layout.blocks) {
    const id = b.cells[0]?.[9];
    if (b.cells.length === 1 && typeof id === "string" && /^[a-z_0-9]+$/.test(id))
      rows.set(id, Number(b.at.slice(1)));
  }
  return rows;
}

function expectSame(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === "number" && typeof actual === "number") {
    expect([where, actual]).toEqual([where, expect.closeTo(expected, 6)]);
  } else {
    expect([where, actual ?? ""]).toEqual([where, expected ?? ""]);
  }
}

describe("comparisonLayout", () => {
  it.each(["nl", "en"] as const)("matches the golden file (%s)", (language) => {
    const { layouts } = build(language);
    expectGolden(`comparison-${language}`, layouts[2]);
  });

  it("recalculates every formula to the engine's cached value", () => {
    for (const fteFromSheet of [false, true]) {
      const { layouts, wb } = build(
        "nl",
        fixedLedger(),
        { ...FIGURES, fteOwn: fteFromSheet ? 8 : undefined },
        fteFromSheet,
      );
      for (const layout of layouts) {
        for (const { address, formula } of formulasOf(layout)) {
          expectSame(wb.value(layout.name, address), formula.value, `${layout.name}!${address}`);
        }
      }
    }
  });

  it("shows every KPI of the contract with compare()'s own values and benchmarks", () => {
    const { layouts, comparison, wb, sheet } = build("nl");
    const rows = kpiRows(layouts[2]);
    expect([...rows.keys()]).toEqual(comparison.kpis.map((k) => k.id));
    expect(rows.size).toBe(12);
    for (const k of comparison.kpis) {
      const r = rows.get(k.id)!;
      expectSame(wb.value(sheet, `C${r}`), k.own ?? "", `own ${k.id}`);
      expect(wb.value(sheet, `D${r}`) ?? "").toEqual(k.benchmark ?? "");
      expectSame(wb.value(sheet, `F${r}`), k.differencePct ?? "", `pct ${k.id}`);
      expect(wb.value(sheet, `H${r}`)).toBe(k.verdict.nl);
    }
    // fte come from the ledger's personnel lines: 5 + 2.4 own, 1.2 hired
    const fte = rows.get("fte_per_100k")!;
    expect(wb.value(sheet, `C${fte}`)).toBeCloseTo(((5 + 2.4 + 1.2) * 100000) / 10000, 9);
  });

  it("follows a manual category and an amount edit live, as compare() does after a rebuild", () => {
    const { layouts, wb, sheet, lines } = build("nl");
    const categorisation = layouts[0];
    // line 10 (row 14) is XX.OO: the user types SW.KA; line 2 (row 6) amount doubles
    wb.set(categorisation.name, "M14", "SW.KA");
    wb.set(categorisation.name, "G6", 171001);
    const edited = lines.map((l, i) =>
      i === 9
        ? { ...l, category: "SW.KA" as const, component: "software" as const }
        : i === 1
          ? { ...l, amount: 171001 }
          : l,
    );
    const after = compare(edited, [FIGURES], { language: "nl" });
    const rows = kpiRows(layouts[2]);
    for (const k of after.kpis) expectSame(wb.value(sheet, `C${rows.get(k.id)}`), k.own ?? "", `own ${k.id}`);
    expect(wb.value(sheet, "B23")).toBe(0); // no unclassified lines left
  });

  it("counts lines without a year for the comparison year", () => {
    const lines = fixedLedger().map((l, i) => (i < 3 ? { ...l, year: null } : l));
    const { layouts, wb, comparison } = build("nl", lines);
    for (const layout of layouts)
      for (const { address, formula } of formulasOf(layout))
        expectSame(wb.value(layout.name, address), formula.value, `${layout.name}!${address}`);
    expect(comparison.totals.components.software).toBeCloseTo(120000 + 85000.5 + 64000, 6);
  });

  it("leaves per-inhabitant KPIs blank without inhabitants, and takes constants from CLI flags", () => {
    const { layouts, wb, sheet, comparison } = build("nl", fixedLedger(), { year: 2022 });
    const rows = kpiRows(layouts[2]);
    expect(wb.value(sheet, `C${rows.get("total_per_inhabitant")}`)).toBe("");
    expect(wb.value(sheet, `E${rows.get("total_per_inhabitant")}`)).toBe("");
    expect(wb.value(sheet, `G${rows.get("total_per_inhabitant")}`)).toBe("");
    expect(comparison.kpis[0].own).toBeNull();
    expect(wb.value(sheet, `C${rows.get("hired_share")}`)).toBeCloseTo(150000 / 740000, 12);

    const lines = fixedLedger();
    const cmp = compare(lines, [{ ...FIGURES, fteOwn: 6, fteHired: 2 }]);
    const cat = categorisationLayout(lines, { language: "nl" });
    const layout = comparisonLayout(
      cmp,
      {
        categorisation: categorisationRefs(cat.name),
        inhabitants: 10000,
        budget: 5e7,
        fteOwn: 6,
        fteHired: 2,
      },
      { language: "nl" },
    );
    const wb2 = new Workbook([cat, layout]);
    for (const { address, formula } of formulasOf(layout))
      expectSame(wb2.value(layout.name, address), formula.value, address);
    expect(wb2.value(layout.name, "B8")).toBe(10000);
    expect(wb2.value(layout.name, "B10")).toBe(6);
  });

  it("marks differences of 10% or more with colour and words", () => {
    const { layouts, wb, sheet } = build("nl");
    const layout = layouts[2];
    const rows = kpiRows(layout);
    const [red, green] = layout.conditionalFormats;
    expect(red.range).toBe(`F${rows.get("total_per_inhabitant")}:F${rows.get("ict_budget_share")}`);
    expect(Number(red.formula1)).toBe(0.1);
    expect(Number(green.formula2)).toBe(-0.1);
    for (const r of rows.values()) {
      const pct = wb.value(sheet, `F${r}`);
      const signal = wb.value(sheet, `G${r}`);
      if (typeof pct !== "number") expect(signal ?? "").toBe("");
      else if (pct >= 0.1) expect(signal).toBe("hoger dan benchmark");
      else if (pct <= -0.1) expect(signal).toBe("lager dan benchmark");
      else expect(signal).toBe("vergelijkbaar");
    }
  });

  it("has a column chart over the component block and a doughnut over the category block", () => {
    const { layouts, wb, sheet } = build("nl");
    const [column, doughnut] = layouts[2].charts;
    expect(column.type).toBe("columnClustered");
    expect(doughnut.type).toBe("doughnut");
    const [c1, c2] = column.data.split(":");
    expect(wb.value(sheet, c1)).toBe("Component");
    expect(wb.value(sheet, `A${Number(c2.slice(1))}`)).toBe("Infrastructuur");
    const [d1, d2] = doughnut.data.split(":");
    expect(wb.value(sheet, d1)).toBe("Naam");
    const first = Number(d1.slice(1)) + 1;
    const last = Number(d2.slice(1));
    expect(last - first + 1).toBe(16);
    let sum = 0;
    for (let r = first; r <= last; r++) sum += wb.value(sheet, `C${r}`) as number;
    expect(sum).toBeCloseTo(
      wb.value(sheet, `C${kpiRows(layouts[2]).get("total_per_inhabitant")}`) as number,
      9,
    );
  });

  it("keeps manual categories given to the categorisation in the comparison's cached values", () => {
    const lines = fixedLedger();
    const key = lineKeys(lines)[9];
    const classified = lines.map((l, i) =>
      i === 9
        ? { ...l, category: "IN.WP" as const, component: "infrastructure" as const, rule: "handmatig" }
        : l,
    );
    const comparison = compare(classified, [FIGURES]);
    const cat = categorisationLayout(classified, { language: "nl", manual: new Map([[key, "IN.WP"]]) });
    const layout = comparisonLayout(
      comparison,
      { categorisation: categorisationRefs(cat.name), inhabitants: 10000, budget: 5e7 },
      { language: "nl" },
    );
    const wb = new Workbook([cat, layout]);
    for (const { address, formula } of formulasOf(layout))
      expectSame(wb.value(layout.name, address), formula.value, address);
    expect(isFormula(layout.blocks[6].cells[1][1])).toBe(false);
  });
});
