/**
 * The context blocks of ICT-vergelijking (issue 12): size class, project time per theme, cost per
 * employee / workplace and the multi-year estimate — the report's figures as expected values, every
 * formula recalculated independently to the engine's cached value, and live on the key-figure cells.
 */
import { compare } from "../../../src/model/comparison";
import { indexBudget } from "../../../src/model/indexation";
import { categorisationLayout, categorisationRefs } from "../../../src/model/layout/categorisation";
import { comparisonLayout } from "../../../src/model/layout/comparison";
import { keyFigureRefs, templateLayouts } from "../../../src/model/layout/templates";
import { SheetLayout } from "../../../src/model/layout/types";
import { KeyFigures, Language } from "../../../src/model/types";
import { Workbook } from "./evaluator";
import { cellsOf, fixedLedger, formulasOf } from "./helpers";

const FIGURES: KeyFigures = {
  municipality: "Gemeente Testdorp",
  year: 2022,
  inhabitants: 61_000,
  budget: 50_000_000,
  projectFteLaws: 1.22,
  projectFteSecurity: 0.305,
  employees: 480,
  workplaces: 520,
};

const CONTEXT = [
  "projectFteLaws",
  "projectFteDigitalMaturity",
  "projectFteDataDriven",
  "projectFteCaseBased",
  "projectFteSecurity",
  "projectFteDigitalWorkplace",
  "employees",
  "workplaces",
] as const;

/** The comparison with live references to a filled-in Kerngegevens sheet, as the pipeline builds it. */
function build(
  figures: KeyFigures = FIGURES,
  language: Language = "nl",
  cbsSizeClass?: { value: "100000tot150000inwoners"; source: string },
) {
  const lines = fixedLedger();
  const comparison = compare(lines, [figures], { language });
  const categorisation = categorisationLayout(lines, { language, undatedYear: comparison.year });
  const [keyFigures] = templateLayouts(language);
  const kf = keyFigureRefs(keyFigures.name);
  const refs: Partial<Record<(typeof CONTEXT)[number], string>> = {};
  for (const field of CONTEXT) if (figures[field] !== undefined) refs[field] = kf[field];
  const layout = comparisonLayout(
    comparison,
    {
      categorisation: categorisationRefs(categorisation.name, language),
      inhabitants: kf.inhabitants,
      budget: kf.budget,
    },
    { language, keyFigures: figures, context: { refs, ...(cbsSizeClass ? { cbsSizeClass } : {}) } },
  );
  const wb = new Workbook([categorisation, keyFigures, layout]);
  const put = (field: keyof KeyFigures, v: number | string | undefined) =>
    wb.set(keyFigures.name, kf[field as keyof typeof kf].split("!")[1].replace(/\$/g, ""), v ?? "");
  for (const field of Object.keys(kf) as (keyof KeyFigures)[]) put(field, figures[field]);
  return { layout, wb, comparison, put, sheet: layout.name, layouts: [categorisation, keyFigures, layout] };
}

/** The row whose cell in `column` holds `value`. */
function rowOf(layout: SheetLayout, column: string, value: string): number {
  const hit = cellsOf(layout).find(
    (c) => c.address.startsWith(column) && /^\d+$/.test(c.address.slice(column.length)) && c.value === value,
  );
  if (!hit) throw new Error(`no ${value} in column ${column}`);
  return Number(hit.address.slice(column.length));
}

function expectRecalculated(layouts: SheetLayout[], wb: Workbook): void {
  for (const layout of layouts)
    for (const { address, formula } of formulasOf(layout)) {
      const v = wb.value(layout.name, address);
      if (typeof formula.value === "number")
        expect([address, v]).toEqual([address, expect.closeTo(formula.value, 6)]);
      else expect([address, v ?? ""]).toEqual([address, formula.value ?? ""]);
    }
}

describe("ICT-vergelijking: the context the report gives", () => {
  it("recalculates every formula to the engine's cached value, in both languages", () => {
    for (const language of ["nl", "en"] as const) {
      const { layouts, wb } = build(FIGURES, language);
      expectRecalculated(layouts, wb);
    }
  });

  it("compares project fte per 100,000 inhabitants with figure 16, live on the key-figure cells", () => {
    const { layout, wb, sheet, put } = build();
    const laws = rowOf(layout, "J", "project_time_laws_per_100k");
    const security = rowOf(layout, "J", "project_time_security_per_100k");
    // 1.22 fte for 61,000 inhabitants = 2.0 per 100,000 against the report's 'about 1.5' (lines 636-641)
    expect(wb.value(sheet, `C${laws}`)).toBeCloseTo(2, 9);
    expect(wb.value(sheet, `D${laws}`)).toBe(1.5);
    expect(wb.value(sheet, `E${laws}`)).toBeCloseTo(0.5, 9);
    expect(wb.value(sheet, `F${laws}`)).toBeCloseTo(1 / 3, 9);
    expect(wb.value(sheet, `I${laws}`)).toBe(
      "ICT Benchmark Gemeenten 2023 (M&I/Partners), boekjaar 2022, regels 636-641",
    );
    expect(wb.value(sheet, `H${laws}`)).toMatch(/^ongeveer/);
    expect(wb.value(sheet, `C${security}`)).toBeCloseTo(0.5, 9);
    expect(wb.value(sheet, `D${security}`)).toBe(0.5);
    // the other four themes: the report's 0.5 each, no own value
    for (const id of ["digital_maturity", "data_driven", "case_based", "digital_workplace"]) {
      const r = rowOf(layout, "J", `project_time_${id}_per_100k`);
      expect([id, wb.value(sheet, `C${r}`), wb.value(sheet, `D${r}`), wb.value(sheet, `E${r}`)]).toEqual([
        id,
        "",
        0.5,
        "",
      ]);
    }
    put("projectFteLaws", 0.61);
    expect(wb.value(sheet, `C${laws}`)).toBeCloseTo(1, 9);
    put("inhabitants", 122_000);
    expect(wb.value(sheet, `C${laws}`)).toBeCloseTo(0.5, 9);
  });

  it("without project fte in the key figures, says how to get the comparison instead of empty rows", () => {
    const { layout } = build({ year: 2022, inhabitants: 61_000 });
    expect(() => rowOf(layout, "J", "project_time_laws_per_100k")).toThrow();
    expect(
      cellsOf(layout).some(
        (c) => typeof c.value === "string" && c.value.startsWith("Vul bij de kerngegevens de projecttijd"),
      ),
    ).toBe(true);
    expect(() => rowOf(layout, "J", "cost_per_employee")).toThrow();
  });

  it("divides the year's ICT cost by employees and workplaces, beside the 2012–2014 figures with year and source", () => {
    const { layout, wb, sheet, comparison, put } = build();
    const employee = rowOf(layout, "J", "cost_per_employee");
    const workplace = rowOf(layout, "J", "cost_per_workplace");
    const total = comparison.totals.total;
    expect(wb.value(sheet, `C${employee}`)).toBeCloseTo(total / 480, 6);
    expect(wb.value(sheet, `C${workplace}`)).toBeCloseTo(total / 520, 6);
    // newest first: 2014 (edition 2015) € 9,687, then 2012 (edition 2013) € 9,324; workplace 2013: € 6,101
    expect([wb.value(sheet, `D${employee}`), wb.value(sheet, `E${employee}`)]).toEqual([9687, 2014]);
    expect([wb.value(sheet, `D${employee + 1}`), wb.value(sheet, `E${employee + 1}`)]).toEqual([9324, 2012]);
    expect([wb.value(sheet, `D${workplace}`), wb.value(sheet, `E${workplace}`)]).toEqual([6101, 2013]);
    expect(wb.value(sheet, `I${employee}`)).toBe(
      "ICT Benchmark Gemeenten 2015 (M&I/Partners), mxi.nl kennis 149",
    );
    expect(wb.value(sheet, `H${employee}`)).toMatch(/^historisch: boekjaar 2014/);
    // in 2022 prices with CBS inflation 2015–2022 only (×1.2217), marked as such in the header
    expect(wb.value(sheet, `G${employee}`)).toBeCloseTo(
      9687 * 1.006 * 1.003 * 1.014 * 1.017 * 1.026 * 1.013 * 1.027 * 1.1,
      6,
    );
    expect(wb.value(sheet, `G${employee - 1}`)).toBe("In prijzen 2022 (alleen inflatie)");
    put("employees", 400);
    expect(wb.value(sheet, `C${employee}`)).toBeCloseTo(total / 400, 6);
  });

  it("carries the year's ICT cost four years forward as ICTCOST.INDEXBUDGET does, marking extrapolated inflation", () => {
    const { layout, wb, sheet, comparison, layouts } = build();
    const total = comparison.totals.total;
    const expected = indexBudget(total, 2022, 2026);
    if ("error" in expected) throw new Error("no indexation");
    const growth = rowOf(layout, "A", "Groei ICT-kosten 2022 (benchmark)");
    expect(wb.value(sheet, `B${growth}`)).toBe(0.107); // report lines 141-142
    expect(wb.value(sheet, `B${growth + 1}`)).toBe(0.1);
    expect(wb.value(sheet, `B${growth + 2}`)).toBeCloseTo(1.107 / 1.1 - 1, 12);
    for (let k = 1; k <= 4; k++) {
      const r = rowOf(layout, "J", `ict_budget_plus_${k}`);
      const y = expected.years[k - 1];
      expect([wb.value(sheet, `A${r}`), wb.value(sheet, `B${r}`)]).toEqual([2022 + k, y.inflation]);
      expect(wb.value(sheet, `C${r}`)).toBeCloseTo(y.amount, 6);
      // CBS has 2023–2025; 2026 takes 2025's 3.3% and says so
      expect([2022 + k, Boolean(wb.value(sheet, `H${r}`))]).toEqual([2022 + k, 2022 + k > 2025]);
    }
    expect(wb.value(sheet, `C${rowOf(layout, "J", "ict_budget_plus_4")}`)).toBeCloseTo(
      total * 1.038 * 1.033 * 1.033 * 1.033 * (1.107 / 1.1) ** 4,
      6,
    );
    // a ledger amount edited: the estimate follows without a rebuild
    const categorisation = layouts[0];
    wb.set(categorisation.name, "G6", 185001);
    const plusOne = rowOf(layout, "J", "ict_budget_plus_1");
    expect(wb.value(sheet, `C${plusOne}`)).toBeCloseTo((total - 85000.5 + 185001) * 1.038 * (1.107 / 1.1), 6);
  });

  it("shows the size class, says the 2023 report gives no figures per class, and labels earlier figures with their year", () => {
    const { layout, wb, sheet, put } = build();
    const own = rowOf(layout, "J", "size_class");
    expect(wb.value(sheet, `B${own}`)).toBe("50.000 tot 100.000 inwoners");
    expect(wb.value(sheet, `I${own}`)).toMatch(/uit het aantal inwoners/);
    expect(wb.value(sheet, `I${own + 1}`)).toBe(
      "ICT Benchmark Gemeenten 2023 (M&I/Partners), regels 104–108, 126–134",
    );
    expect(wb.value(sheet, `A${own + 2}`)).toBe("Het rapport geeft geen cijfers per grootteklasse.");
    const y2013 = rowOf(layout, "A", "2013 (editie 2014)");
    expect([
      wb.value(sheet, `B${y2013}`),
      wb.value(sheet, `C${y2013}`),
      wb.value(sheet, `D${y2013}`),
    ]).toEqual(["minder dan 100.000 inwoners", 62, 74]);
    expect(wb.value(sheet, `H${y2013}`)).toBe("historisch: boekjaar 2013");
    // the inhabitants cell decides the historic class live: 132,411 inhabitants → over 100,000
    put("inhabitants", 132_411);
    expect([wb.value(sheet, `B${y2013}`), wb.value(sheet, `C${y2013}`)]).toEqual([
      "meer dan 100.000 inwoners",
      81,
    ]);
    expect(wb.value(sheet, `E${y2013}`)).toBeCloseTo(81 / 74 - 1, 9);
  });

  it("takes CBS's size class when CBS knows the municipality", () => {
    const { layout, wb, sheet } = build(FIGURES, "nl", {
      value: "100000tot150000inwoners",
      source: "CBS, gemeenteklassen 2023",
    });
    const own = rowOf(layout, "J", "size_class");
    expect([wb.value(sheet, `B${own}`), wb.value(sheet, `I${own}`)]).toEqual([
      "100.000 tot 150.000 inwoners",
      "CBS, gemeenteklassen 2023",
    ]);
  });

  it("puts the context below everything the sheet wrote before, in blocks of more than one row per id", () => {
    const { layout } = build();
    const category = rowOf(layout, "A", "SW.KA");
    expect(rowOf(layout, "A", "Grootteklasse")).toBeGreaterThan(category);
    // one-row blocks with an id in column J are the KPI table's: the context never writes one
    const ids = layout.blocks.filter(
      (b) => b.cells.length === 1 && typeof b.cells[0][9] === "string" && /^[a-z_0-9]+$/.test(b.cells[0][9]),
    );
    expect(ids.length).toBe(12);
  });
});
