/** Checks over every formula of every layout: only portable functions, and references to cells that exist. */
import { compare } from "../../../src/model/comparison";
import { categorisationLayout, categorisationRefs } from "../../../src/model/layout/categorisation";
import { comparisonLayout } from "../../../src/model/layout/comparison";
import { keyFigureRefs, sampleLayouts, templateLayouts } from "../../../src/model/layout/templates";
import { trendLayout } from "../../../src/model/layout/trend";
import { SheetLayout } from "../../../src/model/layout/types";
import { columnLetter } from "../../../src/model/layout/a1";
import { Language } from "../../../src/model/types";
import { functionsOf, referencesOf, WHOLE_COLUMN } from "./evaluator";
import { cellsOf, fixedLedger, formulasOf } from "./helpers";

/** Functions both Excel and LibreOffice 7.4 evaluate the same way. */
const PORTABLE = new Set([
  "SUM",
  "SUMIFS",
  "SUMPRODUCT",
  "COUNTIFS",
  "IF",
  "IFERROR",
  "ROUND",
  "ABS",
  "INDEX",
  "MATCH",
  "LEFT",
  "NA",
  "ISERROR",
]);

function workbook(language: Language, sheetPrefix = ""): SheetLayout[] {
  const lines = fixedLedger();
  const comparison = compare(lines, [{ year: 2022, inhabitants: 10000, budget: 5e7 }], { language });
  const cat = categorisationLayout(lines, {
    language,
    undatedYear: comparison.year,
    sheetName: sheetPrefix ? `${sheetPrefix} cat` : undefined,
  });
  const templates = templateLayouts(language);
  const kf = keyFigureRefs(templates[0].name);
  const refs = categorisationRefs(cat.name, language);
  return [
    cat,
    ...templates,
    comparisonLayout(
      comparison,
      {
        categorisation: refs,
        inhabitants: kf.inhabitants,
        budget: kf.budget,
        fteOwn: kf.fteOwn,
        fteHired: kf.fteHired,
      },
      { language },
    ),
    trendLayout(comparison.series, {
      language,
      refs: { categorisation: refs, inhabitants: { 2021: kf.inhabitants, 2022: kf.inhabitants } },
    }),
  ];
}

describe("every formula of every layout", () => {
  const layouts = [...workbook("nl"), ...workbook("en", "Jan's"), ...sampleLayouts("nl")];

  it("uses only functions Excel and LibreOffice 7.4 both know", () => {
    const used = new Set<string>();
    for (const layout of layouts)
      for (const { formula } of formulasOf(layout)) {
        expect(formula.formula.startsWith("=")).toBe(true);
        for (const fn of functionsOf(formula.formula)) used.add(fn);
        expect(formula.formula).not.toMatch(/\[|@|\{/); // no structured references, implicit intersection or arrays
      }
    expect([...used].filter((fn) => !PORTABLE.has(fn))).toEqual([]);
    expect(used.has("SUMIFS")).toBe(true);
  });

  it("references only cells that the layouts write", () => {
    const written = new Map<string, Set<string>>();
    for (const layout of layouts) {
      const set = written.get(layout.name) ?? new Set<string>();
      for (const c of cellsOf(layout)) set.add(c.address);
      written.set(layout.name, set);
    }
    let checked = 0;
    for (const layout of layouts)
      for (const { address, formula } of formulasOf(layout))
        for (const ref of referencesOf(formula.formula, layout.name)) {
          const cells = written.get(ref.sheet);
          expect([address, ref.sheet, cells !== undefined]).toEqual([address, ref.sheet, true]);
          if (ref.r2 === WHOLE_COLUMN) {
            // A whole column (the categorisation's, so that added lines count): it must hold written cells.
            const letter = columnLetter(ref.c1);
            expect([
              address,
              letter,
              [...cells!].some((a) => a.startsWith(letter) && /\d/.test(a[letter.length])),
            ]).toEqual([address, letter, true]);
            checked++;
            continue;
          }
          for (let r = ref.r1; r <= ref.r2; r++)
            for (let c = ref.c1; c <= ref.c2; c++) {
              const a = `${columnLetter(c)}${r}`;
              expect([layout.name, address, ref.sheet, a, cells!.has(a)]).toEqual([
                layout.name,
                address,
                ref.sheet,
                a,
                true,
              ]);
              checked++;
            }
        }
    expect(checked).toBeGreaterThan(500);
  });

  it("conditional formats, validations, tables and charts point inside the sheets", () => {
    for (const layout of layouts) {
      const cells = new Set(cellsOf(layout).map((c) => c.address));
      const ranges = [
        ...layout.tables.map((t) => t.range),
        ...layout.charts.map((c) => c.data),
        ...layout.validations.map((v) => v.range),
        ...layout.conditionalFormats.map((c) => c.range),
      ];
      // An input sheet's drop-downs may run below its rows (room for what the user types or a learnt
      // rule appends): their last cell must only be in a column the sheet writes.
      const room = new Set(layout.role.startsWith("template-") ? layout.validations.map((v) => v.range) : []);
      const columns = new Set([...cells].map((a) => a.replace(/\d+$/, "")));
      for (const r of ranges)
        r.split(":").forEach((end, i) => {
          const inside = i === 1 && room.has(r) ? columns.has(end.replace(/\d+$/, "")) : cells.has(end);
          expect([layout.name, end, inside]).toEqual([layout.name, end, true]);
        });
    }
  });
});
