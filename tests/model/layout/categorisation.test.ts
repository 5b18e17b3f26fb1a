import {
  categorisationLayout,
  categorisationRefs,
  categorisationColumn,
  CATEGORISATION_COLUMNS,
  readManualCategories,
} from "../../../src/model/layout/categorisation";
import { isFormula, SheetLayout } from "../../../src/model/layout/types";
import { lineKeys } from "../../../src/model/lineKey";
import { Grid } from "../../../src/model/types";
import { columnLetter } from "../../../src/model/layout/a1";
import { referencesOf, Workbook } from "./evaluator";
import { cellsOf, expectGolden, fixedLedger, formulasOf, line } from "./helpers";

/** The layout's cells as the values a reader would get back (formulas → their cached values). */
function valuesGrid(layout: SheetLayout): Grid {
  const grid: Grid = [];
  const wb = new Workbook([layout]);
  for (const { address } of cellsOf(layout)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const r = Number(m[2]) - 1;
    const c = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const v = wb.value(layout.name, address);
    (grid[r] ??= [])[c] = typeof v === "object" && v !== null ? "#ERR" : (v ?? "");
  }
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid;
}

describe("categorisationLayout", () => {
  const lines = fixedLedger();

  it("matches the golden file (nl, with one manual category)", () => {
    const keys = lineKeys(lines);
    const layout = categorisationLayout(lines, {
      language: "nl",
      manual: new Map([
        [keys[9], "IN.WP"],
        [keys[0], "garbage"],
      ]),
    });
    expectGolden("categorisation-nl", layout);
  });

  it("matches the golden file (en)", () => {
    expectGolden("categorisation-en", categorisationLayout(lines, { language: "en" }));
  });

  it("writes a table with one row per line and the contract's headers", () => {
    const layout = categorisationLayout(lines, { language: "nl" });
    expect(layout.role).toBe("categorisation");
    expect(layout.name).toBe("ICT-categorisatie");
    expect(layout.tables).toEqual([
      { name: "ICT_categorisatie", range: "A4:S16", style: "TableStyleLight9" },
    ]);
    const header = layout.blocks.find((b) => b.at === "A4")!.cells[0];
    expect(header).toEqual([
      "Bronrij",
      "Sleutel",
      "Omschrijving",
      "Leverancier",
      "Grootboekrekening",
      "Jaar",
      "Bedrag",
      "Categorie",
      "Categorienaam",
      "Levering",
      "Personeel",
      "Regel",
      "Handmatig",
      "Definitief",
      "Component",
      "Fte",
      "Zekerheid",
      "Taakveld",
      "Iv3-categorie",
    ]);
    expect(layout.freezeRows).toBe(4);
    expect(layout.validations[0].range).toBe("M5:M16");
    expect(layout.validations[0].list).toHaveLength(18);
  });

  it("keeps user text starting with = or @ as plain strings, never formulas", () => {
    const layout = categorisationLayout(
      [line("SW.OV", "=SUM(A1:A9)", 1, { supplier: '=HYPERLINK("x")', account: "+31" })],
      { language: "nl" },
    );
    const body = layout.blocks.find((b) => b.at === "A5")!.cells[0];
    expect(body[2]).toBe("=SUM(A1:A9)");
    expect(body[3]).toBe('=HYPERLINK("x")');
    expect(body[4]).toBe("+31");
    const formulaColumns = body
      .map((c, i) => (isFormula(c) ? CATEGORISATION_COLUMNS[i] : null))
      .filter(Boolean);
    expect(formulaColumns).toEqual(["final", "component"]);
  });

  it("final and component formulas recalculate to their cached values, and follow a manual edit", () => {
    const keys = lineKeys(lines);
    const layout = categorisationLayout(lines, { language: "nl", manual: new Map([[keys[9], "Werkplek"]]) });
    const wb = new Workbook([layout]);
    for (const { address, formula } of formulasOf(layout)) {
      expect([address, wb.value(layout.name, address)]).toEqual([address, formula.value]);
    }
    // row of line 10 (XX.OO) has the manual IN.WP
    expect(wb.value(layout.name, "M14")).toBe("IN.WP");
    expect(wb.value(layout.name, "N14")).toBe("IN.WP");
    expect(wb.value(layout.name, "O14")).toBe("infrastructuur");
    // the user types a code in Handmatig of the first line
    wb.set(layout.name, "M5", "PE.MG");
    expect(wb.value(layout.name, "N5")).toBe("PE.MG");
    expect(wb.value(layout.name, "O5")).toBe("personeel");
    wb.set(layout.name, "M5", "XX.NI");
    expect(wb.value(layout.name, "O5")).toBe("");
  });

  it("writes component words in English on an English sheet", () => {
    const layout = categorisationLayout(lines, { language: "en" });
    const wb = new Workbook([layout]);
    expect(layout.name).toBe("ICT categorisation");
    expect(wb.value(layout.name, "O8")).toBe("personnel");
    expect(wb.value(layout.name, "K8")).toBe("own");
    expect(wb.value(layout.name, "K9")).toBe("hired");
  });

  it("formulas only reference cells inside the table", () => {
    const layout = categorisationLayout(lines, { language: "nl" });
    for (const { formula } of formulasOf(layout)) {
      for (const ref of referencesOf(formula.formula, layout.name)) {
        expect(ref.sheet).toBe(layout.name);
        expect(ref.c1).toBeGreaterThanOrEqual(1);
        expect(ref.c2).toBeLessThanOrEqual(CATEGORISATION_COLUMNS.length);
        expect(ref.r1).toBeGreaterThanOrEqual(5);
        expect(ref.r2).toBeLessThanOrEqual(16);
      }
    }
  });

  it("keeps one empty data row when there are no lines", () => {
    const layout = categorisationLayout([], { language: "nl" });
    expect(layout.tables[0].range).toBe("A4:S5");
    expect(categorisationRefs(layout.name).amount).toBe("'ICT-categorisatie'!$G:$G");
  });

  it("builds 100,000 lines", () => {
    const many = Array.from({ length: 100000 }, (_, i) =>
      line(i % 7 === 0 ? "XX.OO" : "SW.BV", `Regel ${i % 5000}`, i, { supplier: `Leverancier ${i % 300}` }),
    );
    const layout = categorisationLayout(many, { language: "nl" });
    expect(layout.tables[0].range).toBe("A4:S100004");
    expect(layout.blocks[3].cells).toHaveLength(100000);
  });
});

describe("categorisationRefs", () => {
  it("gives whole, quoted columns: no formula depends on the number of lines written", () => {
    const refs = categorisationRefs("ICT-categorisatie");
    expect(refs.amount).toBe("'ICT-categorisatie'!$G:$G");
    expect(refs.final).toBe("'ICT-categorisatie'!$N:$N");
    expect(refs.component).toBe("'ICT-categorisatie'!$O:$O");
    expect(refs.year).toBe("'ICT-categorisatie'!$F:$F");
    expect(refs.delivery).toBe("'ICT-categorisatie'!$J:$J");
    expect(refs.staffing).toBe("'ICT-categorisatie'!$K:$K");
    expect(refs.fte).toBe("'ICT-categorisatie'!$P:$P");
    expect(categorisationRefs("Jan's ICT").amount).toBe("'Jan''s ICT'!$G:$G");
  });

  it("agrees with the layout's header row", () => {
    const layout = categorisationLayout(fixedLedger(), { language: "nl" });
    const header = layout.blocks.find((b) => b.at === "A4")!.cells[0];
    const names: [keyof typeof expected, string][] = [];
    const expected = {
      amount: "Bedrag",
      final: "Definitief",
      component: "Component",
      year: "Jaar",
      delivery: "Levering",
      staffing: "Personeel",
      fte: "Fte",
    };
    for (const k of Object.keys(expected) as (keyof typeof expected)[]) names.push([k, expected[k]]);
    const refs = categorisationRefs(layout.name);
    for (const [k, headerText] of names) {
      const letter = /\$([A-Z]+):/.exec(refs[k])![1];
      expect(header[categorisationColumn(k) - 1]).toBe(headerText);
      expect(letter).toBe(columnLetter(categorisationColumn(k)));
    }
  });
});

describe("readManualCategories", () => {
  it("round-trips manual categories after the rows are shuffled", () => {
    const lines = fixedLedger();
    const keys = lineKeys(lines);
    const manual = new Map([
      [keys[9], "IN.WP"],
      [keys[2], "SW.BV"],
      [keys[5], "PE.FB"],
    ]);
    const shuffled = [
      lines[11],
      lines[5],
      lines[9],
      lines[0],
      lines[2],
      ...lines.slice(6, 9),
      lines[1],
      lines[3],
      lines[4],
      lines[10],
    ];
    // keys of the shuffled lines must be the same keys (no duplicates in this ledger)
    const layout = categorisationLayout(shuffled, { language: "nl", manual });
    const read = readManualCategories(valuesGrid(layout));
    expect(new Map([...read].sort())).toEqual(new Map([...manual].sort()));
  });

  it("finds the header below other rows, accepts labels and ignores invalid entries", () => {
    const grid: Grid = [
      ["ICT categorisation"],
      [],
      ["", "Source row", "Key", "Description", "Manual"],
      ["", 2, "a|b", "x", "werkplek"],
      ["", 3, "c|d", "y", "sw.ka"],
      ["", 4, "e|f", "z", "nonsense"],
      ["", 5, "", "z", "SW.KA"],
      ["", 6, "g|h", "z", ""],
    ];
    expect(readManualCategories(grid)).toEqual(
      new Map([
        ["a|b", "IN.WP"],
        ["c|d", "SW.KA"],
      ]),
    );
    expect(readManualCategories([["nothing here"]])).toEqual(new Map());
  });
});
