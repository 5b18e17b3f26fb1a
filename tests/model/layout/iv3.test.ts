import fc from "fast-check";
import { compare } from "../../../src/model/comparison";
import { categorisationLayout, categorisationRefs } from "../../../src/model/layout/categorisation";
import { comparisonLayout } from "../../../src/model/layout/comparison";
import { ROW } from "../../../src/model/layout/comparison/rows";
import { iv3Layout, Iv3LayoutOptions } from "../../../src/model/layout/iv3";
import { isFormula, SheetLayout } from "../../../src/model/layout/types";
import { CategoryCode, CategorisedLine, Language } from "../../../src/model/types";
import { Workbook } from "./evaluator";
import { cellsOf, expectGolden, fixedLedger, line } from "./helpers";

/** The fixed ledger with Iv3 as real exports book it: codes with and without names, some lines without. */
function iv3Ledger(): CategorisedLine[] {
  const iv3: [string, string][] = [
    ["0.4 Overhead", "3.8 Overige goederen en diensten"], // SW.KA
    ["0.4", "3.8"], // SW.ZS
    ["6.1 Samenkracht en burgerparticipatie", "3.8 Overige goederen en diensten"], // SW.PP
    ["0.4 Overhead", "1.1 Salarissen en sociale lasten"], // PE.AU own
    ["0.4 Overhead", "3.5.1 Ingeleend personeel"], // PE.IF hired
    ["", "1.1"], // PE.FB own: no taakveld → onbekend row
    ["0.4 Overhead", "7.3 Afschrijvingen"], // IN.WP
    ["0.4 Overhead", ""], // IN.ND: no categorie → onbekend column
    ["", ""], // IN.DC: neither → the corner
    ["0.4 Overhead", "3.8"], // XX.OO: not counted
    ["0.1 Bestuur", "3.8"], // XX.NI: not counted, yet its row is there (0)
    ["0.4", "3.8"], // 2021: another year
  ];
  const lines: CategorisedLine[] = fixedLedger().map((l, i) => ({
    ...l,
    taakveld: iv3[i][0],
    iv3Category: iv3[i][1],
  }));
  lines.push(
    line("IN.DC", "Bijdrage ICT-samenwerking (GR)", 90000.25, {
      supplier: "Dimpact",
      taakveld: "0.4 Overhead",
      iv3Category: "4.3.3 Inkomensoverdrachten - gemeenschappelijke regelingen",
      viaGr: true,
    }),
    line("SW.ZS", "Zaaksysteem, zonder jaar", 1234.56, { year: null, taakveld: "0.4", iv3Category: "3.8" }),
  );
  return lines;
}

interface Built {
  lines: CategorisedLine[];
  comparison: ReturnType<typeof compare>;
  iv3: SheetLayout;
  categorisation: SheetLayout;
  wb: Workbook;
}

function build(lines = iv3Ledger(), language: Language = "nl", extra: Partial<Iv3LayoutOptions> = {}): Built {
  const comparison = compare(lines, [{ year: 2022, inhabitants: 10000 }], { language });
  const categorisation = categorisationLayout(lines, { language, undatedYear: comparison.year });
  const refs = categorisationRefs(categorisation.name, language);
  const iv3 = iv3Layout(lines, { language, year: 2022, categorisation: refs, comparison, ...extra });
  return { lines, comparison, iv3, categorisation, wb: new Workbook([categorisation, iv3]) };
}

/** Cells by address with their cached value (a formula's) or literal. */
function cached(layout: SheetLayout): Map<string, unknown> {
  return new Map(cellsOf(layout).map((c) => [c.address, isFormula(c.value) ? c.value.value : c.value]));
}

/** The row of column A whose text is `label`. */
function rowOf(layout: SheetLayout, label: string): number {
  const hit = cellsOf(layout).find((c) => c.address.startsWith("A") && c.value === label);
  if (!hit) throw new Error(`no row '${label}'`);
  return Number(hit.address.slice(1));
}

const cents = (x: number) => Math.round(x * 100) + 0; // -0 is 0

/** The cross table's inner cells (taakveld rows and onbekend; categorie columns and onbekend). */
function innerCells(b: Built) {
  const v = cached(b.iv3);
  const header = 8;
  const totalRow = rowOf(b.iv3, "Totaal");
  let lastCol = 2;
  while (v.get(`${String.fromCharCode(64 + lastCol + 1)}${header}`) !== "Totaal") lastCol++;
  const letters = Array.from({ length: lastCol - 1 }, (_, i) => String.fromCharCode(66 + i));
  const rows = Array.from({ length: totalRow - header - 1 }, (_, i) => header + 1 + i);
  const totalCol = String.fromCharCode(64 + lastCol + 1);
  return { v, rows, letters, totalRow, totalCol };
}

describe("Iv3 tie-out: ICT cost per taakveld × Iv3 categorie", () => {
  it("adds up to the ICT total to the cent, lines without taakveld or categorie under onbekend", () => {
    const b = build();
    const { v, rows, letters, totalRow, totalCol } = innerCells(b);
    let inner = 0;
    for (const r of rows) for (const l of letters) inner += v.get(`${l}${r}`) as number;
    expect(cents(inner)).toBe(cents(b.comparison.totals.total));
    expect(cents(v.get(`${totalCol}${totalRow}`) as number)).toBe(cents(b.comparison.totals.total));
    // Each row and column adds up to its total.
    for (const r of rows) {
      const sum = letters.reduce((s, l) => s + (v.get(`${l}${r}`) as number), 0);
      expect(cents(sum)).toBe(cents(v.get(`${totalCol}${r}`) as number));
    }
    // Codes with and without names land in one row; lines without any Iv3 under onbekend.
    const overhead = rowOf(b.iv3, "0.4 Overhead");
    const unknown = rowOf(b.iv3, "onbekend");
    expect(v.get(`A${overhead - 1}`)).toBe("0.1 Bestuur"); // the XX.NI line's taakveld: a row of zeros
    expect(v.get(`${totalCol}${overhead - 1}`)).toBe(0);
    // PE.FB (no taakveld, 1.1) and IN.DC (neither) are the onbekend row: 180,000 + 45,000.
    expect(v.get(`${totalCol}${unknown}`)).toBe(225000);
    // 2022's 0.4 lines: SW.KA, SW.ZS, PE.AU, PE.IF, IN.WP, IN.ND, the GR line and the undated line.
    expect(v.get(`${totalCol}${overhead}`)).toBeCloseTo(
      120000 + 85000.5 + 410000 + 150000 + 70000 + 30000 + 90000.25 + 1234.56,
      2,
    );
  });

  it("recalculates every formula to the engine's value, and follows a manual code at once", () => {
    const b = build();
    for (const c of cellsOf(b.iv3)) {
      if (!isFormula(c.value)) continue;
      const got = b.wb.value(b.iv3.name, c.address);
      if (typeof c.value.value === "number")
        expect([c.address, got]).toEqual([c.address, expect.closeTo(c.value.value, 2)]);
      else expect([c.address, got]).toEqual([c.address, c.value.value]);
    }
    // The unclassified line (0.4, 3.8; 12,500) made software by hand counts in the table at once.
    const { totalRow, totalCol } = innerCells(b);
    const before = b.wb.value(b.iv3.name, `${totalCol}${totalRow}`) as number;
    const row = 5 + b.lines.findIndex((l) => l.category === "XX.OO");
    b.wb.set(b.categorisation.name, `M${row}`, "SW.OV");
    expect(b.wb.value(b.iv3.name, `${totalCol}${totalRow}`)).toBeCloseTo(before + 12500, 2);
  });

  it("holds for any ledger: the cells sum to the ICT total and the formulas to the engine (property)", () => {
    const codes: CategoryCode[] = ["SW.KA", "PE.AU", "IN.DC", "XX.OO", "XX.NI"];
    const arb = fc.array(
      fc.record({
        category: fc.constantFrom(...codes),
        amount: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100),
        taakveld: fc.constantFrom("", "0.4", "0.4 Overhead", "0.1", "0.10", "6.1", "9.9", "onzin"),
        iv3Category: fc.constantFrom("", "1.1", "3.5.1 Ingeleend personeel", "3.8", "4.3.3", "9.9.9"),
        year: fc.constantFrom(2021, 2022, null),
      }),
      { minLength: 1, maxLength: 15 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const lines = specs.map((s, i) => line(s.category, `regel ${i}`, s.amount, { ...s }));
        const b = build(lines);
        const { totalRow, totalCol } = innerCells(b);
        const grand = b.wb.value(b.iv3.name, `${totalCol}${totalRow}`) as number;
        expect(cents(grand)).toBe(cents(b.comparison.totals.total));
        for (const c of cellsOf(b.iv3)) {
          if (!isFormula(c.value) || typeof c.value.value !== "number") continue;
          expect(cents(b.wb.value(b.iv3.name, c.address) as number)).toBe(cents(c.value.value));
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("Iv3 tie-out: the ICT share of taakveld 0.4 and BBV bi.4", () => {
  it("divides the ICT cost by CBS's overhead when known, and says onbekend when not", () => {
    const known = build(iv3Ledger(), "nl", {
      overhead: { amount: 20_000_000, bi5: 0.1, source: "CBS, Iv3 jaarrekening 2022 (CC BY 4.0)" },
    });
    const v = cached(known.iv3);
    const r = rowOf(known.iv3, "Aandeel: ICT op taakveld 0.4 / overhead-lasten");
    const on04 = v.get(`B${rowOf(known.iv3, "ICT-kosten geboekt op taakveld 0.4")}`) as number;
    expect(v.get(`B${r}`)).toBeCloseTo(on04 / 20_000_000, 10);
    expect(known.wb.value(known.iv3.name, `B${r}`)).toBeCloseTo(on04 / 20_000_000, 10);
    const all = rowOf(known.iv3, "Aandeel: alle ICT-kosten / overhead-lasten");
    expect(v.get(`B${all}`)).toBeCloseTo(known.comparison.totals.total / 20_000_000, 10);

    const unknown = build(iv3Ledger(), "nl", {
      overheadNote: { nl: "Geen gemeente.", en: "No municipality." },
    });
    const u = cached(unknown.iv3);
    expect(u.get(`B${r}`)).toBe("onbekend");
    expect(unknown.wb.value(unknown.iv3.name, `B${r}`)).toBe("onbekend");
    expect(u.get(`C${rowOf(unknown.iv3, "Overhead-lasten taakveld 0.4 (CBS)")}`)).toBe("Geen gemeente.");
  });

  it("computes bi.4 = inhuur / (loonsom + inhuur) over the ICT lines, beside our own hired share", () => {
    const b = build();
    const v = cached(b.iv3);
    const bi4 = rowOf(b.iv3, "bi.4 Externe inhuur = inhuur / (loonsom + inhuur)");
    // 1.1: PE.AU 410,000 + PE.FB 180,000; 3.5.1: PE.IF 150,000.
    expect(v.get(`B${bi4 - 2}`)).toBe(590000);
    expect(v.get(`B${bi4 - 1}`)).toBe(150000);
    expect(v.get(`B${bi4}`)).toBeCloseTo(150000 / 740000, 10);
    expect(b.wb.value(b.iv3.name, `B${bi4}`)).toBeCloseTo(150000 / 740000, 10);
    expect(v.get(`C${bi4}`)).toMatch(/^BBV, beleidsindicatoren: bi\.4/);
    const own = b.comparison.kpis.find((k) => k.id === "hired_share")!;
    expect(v.get(`B${bi4 + 1}`)).toBeCloseTo(own.own!, 10);
    expect(b.wb.value(b.iv3.name, `B${bi4 + 1}`)).toBeCloseTo(own.own!, 10);
    expect(v.get(`B${bi4 + 2}`)).toBe(own.benchmark);

    // Without Iv3 1.1 or 3.5.1 on ICT lines the ledger does not allow bi.4.
    const none = build(iv3Ledger().map((l) => ({ ...l, iv3Category: "3.8" })));
    expect(
      cached(none.iv3).get(`B${rowOf(none.iv3, "bi.4 Externe inhuur = inhuur / (loonsom + inhuur)")}`),
    ).toBe("onbekend");
  });

  it("matches its golden layout", () => {
    expectGolden("iv3-nl", build().iv3);
  });
});

describe("ICT-vergelijking: the via-GR total beside the KPIs", () => {
  it("sums the ICT lines booked as Iv3 4.3.3, live, equal to the engine's viaGr", () => {
    const lines = iv3Ledger();
    const comparison = compare(lines, [{ year: 2022, inhabitants: 10000 }], { language: "nl" });
    const categorisation = categorisationLayout(lines, { language: "nl", undatedYear: 2022 });
    const layout = comparisonLayout(
      comparison,
      { categorisation: categorisationRefs(categorisation.name, "nl"), inhabitants: 10000 },
      { language: "nl" },
    );
    const wb = new Workbook([categorisation, layout]);
    expect(comparison.totals.viaGr).toEqual({ lines: 1, amount: 90000.25 });
    expect(cached(layout).get(`B${ROW.viaGr}`)).toBe(90000.25);
    expect(wb.value(layout.name, `B${ROW.viaGr}`)).toBeCloseTo(90000.25, 2);
    expect(cached(layout).get(`A${ROW.viaGr}`)).toMatch(/via GR/);
  });
});
