import fc from "fast-check";
import { findKeyFigures, keyFiguresForYear } from "../../src/model/keyFigures";
import { CellValue, Grid } from "../../src/model/types";

describe("findKeyFigures: label/value pairs", () => {
  it("reads pairs with the value to the right, in Dutch notation", () => {
    const grid: Grid = [
      ["Kerngegevens", "", ""],
      ["Gemeente", "", "Voorbeeld"],
      ["Boekjaar", 2022, ""],
      ["Aantal inwoners (1-1-2022)", "61.000", ""],
      ["Begroting totaal (lasten)", "€ 245.300.000", ""],
      ["ICT-fte eigen", "42,5", ""],
      ["Fte inhuur ICT", 7.25, ""],
    ];
    expect(findKeyFigures(grid)).toEqual({
      figures: [
        {
          municipality: "Voorbeeld",
          year: 2022,
          inhabitants: 61000,
          budget: 245300000,
          fteOwn: 42.5,
          fteHired: 7.25,
        },
      ],
      issues: [],
    });
  });

  it.each([
    ["Organisatie", "municipality", "Voorbeeld"],
    ["Municipality", "municipality", "Voorbeeld"],
    ["Jaar", "year", 2022],
    ["Year", "year", 2022],
    ["Inwoners", "inhabitants", 61000],
    ["INWONERS:", "inhabitants", 61000],
    ["Inhabitants", "inhabitants", 61000],
    ["Population", "inhabitants", 61000],
    ["Totale begroting", "budget", 61000],
    ["Totale lasten", "budget", 61000],
    ["Total budget", "budget", 61000],
    ["Own ICT fte", "fteOwn", 61000],
    ["Fte eigen personeel", "fteOwn", 61000],
    ["Hired ICT fte", "fteHired", 61000],
  ])("knows the label %j", (label, field, value) => {
    const [figures] = findKeyFigures([[label, value]]).figures;
    expect(figures).toEqual({ [field]: value });
  });

  it("takes the value below a label when the right holds another label", () => {
    const grid: Grid = [
      ["Gemeente", "Boekjaar", "Inwoners"],
      ["Voorbeeld", "2022", "61.000"],
    ];
    expect(findKeyFigures(grid).figures).toEqual([
      { municipality: "Voorbeeld", year: 2022, inhabitants: 61000 },
    ]);
  });

  it("reads 'Label: value' in one cell", () => {
    expect(findKeyFigures([["Gemeente: Voorbeeld"], ["Inwoners: 61.000"]]).figures).toEqual([
      { municipality: "Voorbeeld", inhabitants: 61000 },
    ]);
  });

  it("returns one entry per year for blocks of pairs, sorted by year", () => {
    const grid: Grid = [
      ["Gemeente", "Voorbeeld", "", "", ""],
      ["", "", "", "", ""],
      ["Boekjaar", 2023, "", "Boekjaar", 2022],
      ["Inwoners", 61500, "", "Inwoners", 61000],
    ];
    expect(findKeyFigures(grid).figures).toEqual([
      { municipality: "Voorbeeld", year: 2022, inhabitants: 61000 },
      { municipality: "Voorbeeld", year: 2023, inhabitants: 61500 },
    ]);
  });

  it("reports bad values with their row, in Dutch and English, and keeps the good ones", () => {
    const grid: Grid = [
      ["Gemeente", "Voorbeeld"],
      ["Inwoners", "veel"],
      ["Totale begroting", -5],
      ["Boekjaar", "ooit"],
      ["ICT-fte eigen", "-1"],
    ];
    const read = findKeyFigures(grid, { sheet: "Kerngegevens", firstRow: 3 });
    expect(read.figures).toEqual([{ municipality: "Voorbeeld" }]);
    expect(read.issues).toEqual([
      {
        sheet: "Kerngegevens",
        row: 4,
        message: {
          nl: "Rij 4: inwoners 'veel' is geen positief geheel getal",
          en: "Row 4: inhabitants 'veel' is not a positive whole number",
        },
      },
      {
        sheet: "Kerngegevens",
        row: 5,
        message: {
          nl: "Rij 5: totale begroting '-5' is geen positief bedrag",
          en: "Row 5: total budget '-5' is not a positive amount",
        },
      },
      {
        sheet: "Kerngegevens",
        row: 6,
        message: {
          nl: "Rij 6: boekjaar 'ooit' is geen jaartal (1990-2100)",
          en: "Row 6: year 'ooit' is not a year (1990-2100)",
        },
      },
      {
        sheet: "Kerngegevens",
        row: 7,
        message: {
          nl: "Rij 7: ICT-fte eigen '-1' is geen getal van 0 of meer",
          en: "Row 7: own ICT fte '-1' is not a number of 0 or more",
        },
      },
    ]);
  });

  it("refuses zero inhabitants but accepts zero hired fte", () => {
    const read = findKeyFigures([
      ["Inwoners", 0],
      ["Fte inhuur", 0],
    ]);
    expect(read.figures).toEqual([{ fteHired: 0 }]);
    expect(read.issues.map((i) => i.row)).toEqual([1]);
  });

  it("ignores labels without a value and sheets without labels", () => {
    expect(findKeyFigures([["Inwoners", ""]])).toEqual({ figures: [], issues: [] });
    expect(
      findKeyFigures([
        ["Omschrijving", "Bedrag"],
        ["Licentie", 5],
      ]),
    ).toEqual({ figures: [], issues: [] });
    expect(findKeyFigures([])).toEqual({ figures: [], issues: [] });
  });
});

describe("findKeyFigures: a table with one row per year", () => {
  const table: Grid = [
    ["Kerngegevens gemeente Voorbeeld", "", "", "", ""],
    ["Gemeente", "Voorbeeld", "", "", ""],
    ["", "", "", "", ""],
    ["Jaar", "Inwoners", "Totale lasten", "ICT-fte eigen", "Fte inhuur ICT"],
    [2023, "61.500", "251.000.000", "43", "6,5"],
    [2021, 60800, 239000000, 41, 8],
    ["2022", "61.000", "245.300.000", "42,5", ""],
    ["Bron: CBS", "", "", "", ""],
  ];

  it("reads every year row, sorted by year, with the municipality from a pair", () => {
    const read = findKeyFigures(table);
    expect(read.issues).toEqual([]);
    expect(read.figures).toEqual([
      {
        municipality: "Voorbeeld",
        year: 2021,
        inhabitants: 60800,
        budget: 239000000,
        fteOwn: 41,
        fteHired: 8,
      },
      { municipality: "Voorbeeld", year: 2022, inhabitants: 61000, budget: 245300000, fteOwn: 42.5 },
      {
        municipality: "Voorbeeld",
        year: 2023,
        inhabitants: 61500,
        budget: 251000000,
        fteOwn: 43,
        fteHired: 6.5,
      },
    ]);
  });

  it("reports a bad cell of the table with its row", () => {
    const bad = table.map((row) => [...row]);
    bad[5][1] = "veel";
    const read = findKeyFigures(bad, { firstRow: 1 });
    expect(read.issues.map((i) => i.row)).toEqual([6]);
    expect(read.figures.find((f) => f.year === 2021)?.inhabitants).toBeUndefined();
  });
});

describe("keyFiguresForYear", () => {
  it("finds a year's entry, or the only entry without a year", () => {
    const figures = [
      { year: 2021, inhabitants: 1 },
      { year: 2022, inhabitants: 2 },
    ];
    expect(keyFiguresForYear(figures, 2022)).toEqual({ year: 2022, inhabitants: 2 });
    expect(keyFiguresForYear(figures, 2020)).toBeUndefined();
    expect(keyFiguresForYear([{ inhabitants: 5 }], 2022)).toEqual({ inhabitants: 5 });
    expect(keyFiguresForYear([], 2022)).toBeUndefined();
  });
});

describe("findKeyFigures on any grid", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom<CellValue>("", null, undefined, NaN, Infinity, true, "#N/A", "veel", "61.000", "-5", "0"),
    fc.constantFrom<CellValue>(
      "Gemeente",
      "Boekjaar",
      "Jaar",
      "Inwoners",
      "Totale begroting",
      "ICT-fte eigen",
    ),
    fc.constantFrom<CellValue>("Fte inhuur ICT", "Gemeente: X", "Inwoners:", "2022", 2023),
    fc.double(),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.string({ maxLength: 10 }),
  );

  it("never throws; every entry is valid, one per year, sorted; issues carry a row of the grid", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 }), (grid) => {
        const { figures, issues } = findKeyFigures(grid, { firstRow: 1 });
        const years = figures.map((f) => f.year);
        if (figures.length > 1) expect(years.every((y) => y !== undefined)).toBe(true);
        expect([...years].sort((a, b) => (a as number) - (b as number))).toEqual(years);
        expect(new Set(years).size).toBe(years.length);
        for (const f of figures) {
          if (f.inhabitants !== undefined)
            expect(Number.isInteger(f.inhabitants) && f.inhabitants > 0).toBe(true);
          if (f.budget !== undefined) expect(f.budget).toBeGreaterThan(0);
          for (const fte of [f.fteOwn, f.fteHired])
            if (fte !== undefined) expect(fte).toBeGreaterThanOrEqual(0);
          if (f.municipality !== undefined) expect(f.municipality).not.toBe("");
        }
        for (const i of issues) {
          expect(i.row).toBeGreaterThanOrEqual(1);
          expect(i.row).toBeLessThanOrEqual(grid.length);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
