/**
 * "Overhead in context" on ICT-vergelijking, as both faces get it from layoutReport: the municipality's
 * overhead (CBS, Iv3) against its size class and all municipalities, the ICT share a live formula over
 * the sheet's ICT total, a chart of where it stands in its class — or one line saying why not.
 */
import { overheadContext } from "../../../src/model/cbs/overhead";
import { overheadRows } from "../../../src/model/layout/comparison/overhead";
import { isFormula, SheetLayout } from "../../../src/model/layout/types";
import {
  categorisationSheet,
  categorise,
  findInputs,
  layoutReport,
  prepareInputs,
} from "../../../src/model/pipeline";
import { keyFiguresAndLedger } from "../cbs/workbooks";
import { Grid, Language } from "../../../src/model/types";
import { Workbook } from "./evaluator";

const book = (keyFigures: Grid) => keyFiguresAndLedger(keyFigures);

/** The pipeline as the faces run it, and the sheets it lays out with the user's two sheets beside them. */
function build(keyFigures: Grid, language: Language = "nl", gemeente?: string) {
  const b = book(keyFigures);
  const { inputs, year, cbs } = prepareInputs(findInputs(b, undefined), gemeente ? { gemeente } : {});
  const categorised = categorise(inputs);
  const report = layoutReport(inputs, categorised, {
    language,
    year,
    categorisationName: "ICT-categorisatie",
    pickName: (role) => (role === "comparison" ? "ICT-vergelijking" : "ICT-trend"),
    comparison: true,
    cbs,
  });
  const user = b.sheets.map((s): SheetLayout => ({
    role: "template-ledger",
    name: s.name,
    blocks: [{ at: "A1", cells: s.values }],
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
  }));
  const layouts = [
    ...user,
    categorisationSheet(categorised, inputs, year, "ICT-categorisatie", language),
    report.compared!.layout,
  ];
  return { report, layout: report.compared!.layout, wb: new Workbook(layouts), year };
}

/** Row of each id in column I of the section. */
function idRows(layout: SheetLayout): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const b of layout.blocks) {
    const top = Number(b.at.slice(1));
    b.cells.forEach((r, i) => {
      const id = r[8];
      if (typeof id === "string" && /^(ict_overhead_share|overhead_)/.test(id))
        rows.set(id, [...(rows.get(id) ?? []), top + i]);
    });
  }
  return rows;
}

const section = (layout: SheetLayout) => {
  const title = layout.blocks.find(
    (b) => typeof b.cells[0]?.[0] === "string" && (b.cells[0][0] as string).startsWith("Overhead in context"),
  );
  return title ? Number(title.at.slice(1)) : undefined;
};

describe("Overhead in context for a municipality CBS knows (Zwolle 2023)", () => {
  const { report, layout, wb } = build([
    ["Gemeente", "Gemeente Zwolle"],
    ["Boekjaar", 2023],
  ]);
  const o = overheadContext("Zwolle", 2023, report.comparison.totals.total)!;
  const top = section(layout)!;
  const r = overheadRows(top);
  const v = (a: string) => wb.value("ICT-vergelijking", a);

  it("sits below everything else on the sheet, with CBS's source in its title", () => {
    const above = layout.blocks.filter((b) => Number(b.at.slice(1)) < top);
    expect(above.length).toBeGreaterThan(0);
    expect(layout.blocks.every((b) => Number(b.at.slice(1)) <= top || b.at.startsWith("A"))).toBe(true);
    expect(wb.raw("ICT-vergelijking", `A${top}`)).toBe(
      "Overhead in context: Zwolle tussen alle gemeenten (CBS, Iv3 jaarrekening 2023)",
    );
    expect(report.overhead).toEqual(o);
  });

  it("has the three KPI ids: share once, per inhabitant and bi.5 for the size class and for all", () => {
    expect(Object.fromEntries(idRows(layout))).toEqual({
      ict_overhead_share: [r.share],
      overhead_per_inhabitant: [r.perInhabitant, r.perInhabitant + 1],
      overhead_bi5: [r.bi5, r.bi5 + 1],
    });
  });

  it("shows CBS's overhead as a constant with its source", () => {
    expect(wb.raw("ICT-vergelijking", `C${r.overhead}`)).toBe(57_683_000);
    expect(wb.raw("ICT-vergelijking", `H${r.overhead}`)).toBe("CBS, Iv3 jaarrekening 2023");
  });

  it("the ICT share is a live formula over Totaal ICT: recalculated it equals ICT cost / overhead", () => {
    const share = wb.raw("ICT-vergelijking", `C${r.share}`);
    expect(isFormula(share) && share.formula).toContain("$B$17");
    expect(v(`C${r.share}`)).toBeCloseTo(report.comparison.totals.total / 57_683_000, 12);
    expect(v(`C${r.share}`)).toBeCloseTo(o.kpis.ict_overhead_share!, 12);
  });

  it("follows a changed ledger amount without a rebuild", () => {
    const copy = build([
      ["Gemeente", "Gemeente Zwolle"],
      ["Boekjaar", 2023],
    ]).wb;
    const before = copy.value("ICT-vergelijking", `C${r.share}`) as number;
    copy.set("Grootboek", "C2", 178920 + 57_683); // + 0.1% of the overhead
    expect(copy.value("ICT-vergelijking", `C${r.share}`)).toBeCloseTo(before + 0.001, 9);
  });

  it("per inhabitant and bi.5: own value, quartiles, median and rank of the class and of all", () => {
    const row = (n: number) => ["C", "D", "E", "F", "G"].map((c) => wb.raw("ICT-vergelijking", `${c}${n}`));
    const pi = o.kpis.overhead_per_inhabitant;
    const b5 = o.kpis.overhead_bi5;
    const spread = (value: number, d: typeof pi.all) => [value, d.q1, d.median, d.q3, d.rank];
    expect(row(r.perInhabitant)).toEqual(spread(pi.value, pi.size_class));
    expect(row(r.perInhabitant + 1)).toEqual(spread(pi.value, pi.all));
    expect(row(r.bi5)).toEqual(spread(b5.value, b5.size_class));
    expect(row(r.bi5 + 1)).toEqual(spread(b5.value, b5.all));
    expect(pi.value).toBeCloseTo(57_683_000 / 132_411, 9);
    expect(wb.raw("ICT-vergelijking", `B${r.perInhabitant}`)).toBe(`Grootteklasse (n=${pi.size_class.n})`);
    expect(wb.raw("ICT-vergelijking", `B${r.perInhabitant + 1}`)).toBe(`Alle gemeenten (n=${pi.all.n})`);
  });

  it("draws where Zwolle stands in its size class: min, quartiles, max and its own value", () => {
    expect(layout.charts).toHaveLength(3);
    const chart = layout.charts[2];
    expect(chart.type).toBe("columnClustered");
    expect(chart.title).toContain("Zwolle");
    const m = /^A(\d+):B(\d+)$/.exec(chart.data)!;
    const [first, last] = [Number(m[1]), Number(m[2])];
    expect(last - first).toBe(6);
    const d = o.kpis.overhead_per_inhabitant.size_class;
    const data = [];
    for (let row = first + 1; row <= last; row++)
      data.push([wb.raw("ICT-vergelijking", `A${row}`), wb.raw("ICT-vergelijking", `B${row}`)]);
    expect(data).toEqual([
      ["Minimum", d.min],
      ["Q1 (25%)", d.q1],
      ["Mediaan", d.median],
      ["Q3 (75%)", d.q3],
      ["Maximum", d.max],
      ["Zwolle", o.kpis.overhead_per_inhabitant.value],
    ]);
    // beside the section, clear of the two charts at the top
    expect(chart.from).toBe(`L${top}`);
  });

  it("is in English on an English sheet", () => {
    const en = build(
      [
        ["Gemeente", "Gemeente Zwolle"],
        ["Boekjaar", 2023],
      ],
      "en",
    );
    const t = section(en.layout)!;
    expect(en.wb.raw("ICT-vergelijking", `A${t}`)).toBe(
      "Overhead in context: Zwolle among all municipalities (CBS, Iv3 jaarrekening 2023)",
    );
    expect(en.layout.charts[2].title).toMatch(
      /^Overhead per inhabitant: Zwolle in the size class 100,000 to 150,000/,
    );
  });
});

describe("without a municipality CBS knows: one line saying so, no chart, no error", () => {
  const lines = (layout: SheetLayout) => {
    const top = section(layout);
    return top === undefined ? [] : layout.blocks.filter((b) => Number(b.at.slice(1)) >= top);
  };

  it("no municipality named", () => {
    const { layout } = build([
      ["Boekjaar", 2023],
      ["Inwoners", 50000],
    ]);
    const rest = lines(layout);
    expect(rest).toHaveLength(1);
    expect(rest[0].cells).toEqual([
      [expect.stringMatching(/^Overhead in context: niet getoond — geen gemeente bekend/)],
    ]);
    expect(layout.charts).toHaveLength(2);
  });

  it("a name CBS does not know (the fictitious Voorbeeldrade), every figure typed", () => {
    const { layout } = build([
      ["Gemeente", "Voorbeeldrade"],
      ["Boekjaar", 2023],
      ["Inwoners", 61000],
      ["Totale begroting", 250_000_000],
    ]);
    const rest = lines(layout);
    expect(rest.map((b) => b.cells)).toEqual([
      [
        [
          expect.stringMatching(
            /^Overhead in context: niet getoond — CBS kent geen gemeente 'Voorbeeldrade'/,
          ),
        ],
      ],
    ]);
  });

  it("Nederland is not a municipality", () => {
    const { layout } = build([
      ["Gemeente", "Nederland"],
      ["Inwoners", 17_800_000],
    ]);
    expect(lines(layout).map((b) => b.cells)).toEqual([
      [[expect.stringMatching(/niet getoond — 'Nederland' is geen gemeente/)]],
    ]);
  });

  it("Bergen is asked, not guessed", () => {
    const { layout } = build([
      ["Gemeente", "Bergen"],
      ["Inwoners", 30000],
    ]);
    expect(lines(layout).map((b) => b.cells)).toEqual([
      [[expect.stringMatching(/Bergen \(L\.\) of Bergen \(NH\.\)/)]],
    ]);
  });
});
