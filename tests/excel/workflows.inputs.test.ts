import { findKeyFigureCell, keyFigureLabel } from "../../src/model/keyFigureCells";
import { readUserRules } from "../../src/model/userRulesSheet";
import { mergeKeyFigures, keyFigureRef, SheetFigures } from "../../src/model/pipeline";
import { SheetData } from "../../src/excel/read";

describe("key-figure cells", () => {
  it("names labels in Dutch and English, not other text", () => {
    expect(keyFigureLabel("Aantal inwoners (1-1-2022)")).toBe("inhabitants");
    expect(keyFigureLabel("Totale begroting")).toBe("budget");
    expect(keyFigureLabel("Hired ICT fte")).toBe("fteHired");
    expect(keyFigureLabel("Boekjaar")).toBe("year");
    expect(keyFigureLabel("Microsoft 365 licenties")).toBeNull();
    expect(keyFigureLabel("Inwoners: 61000")).toBeNull(); // the value is inside the text: no cell to refer to
  });

  it("finds a label/value pair and, for a year, the year table's cell", () => {
    const grid = [
      ["Gemeente", "Voorbeeldrade"],
      ["Aantal inwoners", 61000],
      [],
      ["Boekjaar", "Inwoners", "Begroting"],
      [2022, 60500, 2e8],
      [2023, 61000, 2.1e8],
    ];
    expect(findKeyFigureCell(grid, "inhabitants", 61000)).toEqual({ row: 1, col: 1 });
    expect(findKeyFigureCell(grid, "inhabitants", 61000, 2023)).toEqual({ row: 5, col: 1 });
    expect(findKeyFigureCell(grid, "inhabitants", 60500, 2022)).toEqual({ row: 4, col: 1 });
    expect(findKeyFigureCell(grid, "budget", 60500, 2022)).toBeNull(); // right number, wrong label
    expect(findKeyFigureCell([["Inwoners", "61000"]], "inhabitants", 61000)).toBeNull(); // text, not a number
  });

  it("merges sheets by year, lets typed figures win, and refers to cells only where found", () => {
    const sheet = (name: string, values: SheetData["values"]): SheetData => ({
      name,
      id: name,
      visibility: "Visible",
      isOwned: false,
      protected: false,
      values,
      firstRow: 2,
      firstColumn: 1,
    });
    const a = sheet("Kerngegevens", [
      ["Boekjaar", 2023],
      ["Inwoners", 61000],
    ]);
    const b = sheet("Begroting", [
      ["Jaar", 2023],
      ["Totale lasten", 2.1e8],
      ["Inwoners", 99],
    ]);
    const perSheet: SheetFigures[] = [
      { sheet: a, grid: a.values, figures: [{ year: 2023, inhabitants: 61000 }] },
      { sheet: b, grid: b.values, figures: [{ year: 2023, budget: 2.1e8, inhabitants: 99 }] },
    ];
    const merged = mergeKeyFigures(perSheet);
    expect(merged).toEqual([{ year: 2023, inhabitants: 61000, budget: 2.1e8 }]);
    expect(keyFigureRef(perSheet, [], merged[0], "inhabitants", 2023)).toBe("'Kerngegevens'!$C$4");
    expect(keyFigureRef(perSheet, [], merged[0], "budget", 2023)).toBe("'Begroting'!$C$4");
    const typed = [{ year: 2023, inhabitants: 62000 }];
    const withTyped = mergeKeyFigures(perSheet, typed);
    expect(withTyped[0].inhabitants).toBe(62000);
    expect(keyFigureRef(perSheet, typed, withTyped[0], "inhabitants", 2023)).toBe(62000);
    expect(keyFigureRef(perSheet, [], withTyped[0], "fteOwn", 2023)).toBeUndefined();
  });
});

describe("user rules sheet", () => {
  it("reads rules below title rows and reports unusable rows", () => {
    const read = readUserRules(
      [
        ["Regels"],
        [],
        ["Patroon", "Veld", "Categorie", "Levering", "Personeel"],
        ["Suite4", "omschrijving", "SW.PP", "SaaS", ""],
        ["Yacht", "supplier", "PE.IF", "", "inhuur"],
        ["Iets", "", "Werkplek", "", ""],
        ["Fout", "alle", "ZZ.ZZ", "", ""],
        ["", "", "", "", ""],
        ["Raar", "kleur", "SW.KA", "", ""],
      ],
      { sheet: "Regels", firstRow: 1 },
    );
    expect(read?.rules).toEqual([
      { pattern: "Suite4", field: "description", category: "SW.PP", delivery: "saas" },
      { pattern: "Yacht", field: "supplier", category: "PE.IF", staffing: "hired" },
      { pattern: "Iets", field: "any", category: "IN.WP" },
    ]);
    expect(read?.issues.map((i) => [i.row, i.sheet])).toEqual([
      [7, "Regels"],
      [9, "Regels"],
    ]);
    expect(read?.issues[0].message.nl).toMatch(/categorie 'ZZ.ZZ' bestaat niet/);
    expect(readUserRules([["Omschrijving", "Bedrag"]])).toBeNull();
  });
});
