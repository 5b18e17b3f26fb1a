/**
 * The trend's inhabitants from CBS: every ledger year whose inhabitants the user left empty gets CBS's
 * (the nearest year CBS has), marked with CBS's year on the trend sheet and in the sources; a typed
 * figure always wins, and an undated key-figure set stays the comparison year's.
 */
import {
  categorise,
  cbsNoteLines,
  findInputs,
  layoutReport,
  prepareInputs,
} from "../../../src/model/pipeline";
import { isFormula } from "../../../src/model/layout/types";
import { keyFiguresAndLedger } from "./workbooks";
import { Grid } from "../../../src/model/types";

const LEDGER: Grid = [
  ["Omschrijving", "Leverancier", "Bedrag", "Boekjaar"],
  ["Abonnement Microsoft 365 E5", "Microsoft Ireland Operations Ltd", 170000, 2022],
  ["Vervanging laptops", "Dell BV", 60000, 2022],
  ["Abonnement Microsoft 365 E5", "Microsoft Ireland Operations Ltd", 178920, 2023],
  ["Vervanging laptops", "Dell BV", 61000, 2023],
  ["Abonnement Microsoft 365 E5", "Microsoft Ireland Operations Ltd", 185000, 2024],
  ["Vervanging laptops", "Dell BV", 64000, 2024],
];

function run(keyFigures: Grid, year?: number) {
  const book = keyFiguresAndLedger(keyFigures, LEDGER);
  const prepared = prepareInputs(findInputs(book, undefined), year ? { year } : {});
  const report = layoutReport(prepared.inputs, categorise(prepared.inputs), {
    language: "nl",
    year: prepared.year,
    categorisationName: "ICT-categorisatie",
    pickName: (role) => (role === "comparison" ? "ICT-vergelijking" : "ICT-trend"),
    comparison: true,
    trend: "required",
    sources: cbsNoteLines(prepared.cbs),
    cbs: prepared.cbs,
  });
  return { ...prepared, report };
}

/** The trend table's rows (row 5 on): year, inhabitants, € per inhabitant (cached), source of the inhabitants. */
function trendRows(r: ReturnType<typeof run>) {
  const layout = r.report.trend!.layout;
  const body = layout.blocks.find((b) => b.at === "A5")!;
  const header = layout.blocks.find((b) => b.at === "A4")!.cells[0];
  return {
    header,
    rows: body.cells.map((c) => {
      const per = c[3];
      return [c[0], isFormula(c[2]) ? c[2].value : c[2], isFormula(per) ? per.value : per, c[9]];
    }),
  };
}

describe("a ledger of 2022–2024 whose key figures hold only 'Gemeente Zwolle' (comparison 2024)", () => {
  const r = run([["Gemeente", "Gemeente Zwolle"]], 2024);

  it("fills every year's inhabitants from CBS, each marked with CBS's year", () => {
    expect(r.cbs.used.inhabitants).toMatchObject({ value: 133141, year: 2024 });
    expect(r.cbs.used.inhabitantsByYear).toEqual({
      2022: { value: 132411, year: 2023, source: "CBS, gemeenteklassen 2023" },
      2023: { value: 132411, year: 2023, source: "CBS, gemeenteklassen 2023" },
    });
    const { header, rows } = trendRows(r);
    expect(header[9]).toBe("Bron inwoners");
    expect(rows).toEqual([
      [2022, 132411, 230000 / 132411, "CBS 2023 (CBS, gemeenteklassen 2023)"],
      [2023, 132411, 239920 / 132411, "CBS 2023 (CBS, gemeenteklassen 2023)"],
      [2024, 133141, 249000 / 133141, "CBS 2024 (CBS, gemeenteklassen 2024)"],
    ]);
    expect(r.report.trend!.note).toBeUndefined(); // no year without inhabitants
  });

  it("lists the trend's CBS inhabitants with the key figures' sources", () => {
    expect(cbsNoteLines(r.cbs).map((l) => l.nl)).toEqual(
      expect.arrayContaining([
        "Inwoners 2022 (trend): CBS 2023 (CBS, gemeenteklassen 2023; CC BY 4.0)",
        "Inwoners 2023 (trend): CBS 2023 (CBS, gemeenteklassen 2023; CC BY 4.0)",
      ]),
    );
  });

  it("compares 2024 as before: its inhabitants are CBS 2024's", () => {
    expect(r.report.comparison.inhabitants).toBe(133141);
  });
});

describe("what the user typed wins", () => {
  it("a year with typed inhabitants keeps them and is not marked; the others come from CBS", () => {
    const r = run(
      [
        ["Gemeente", "Boekjaar", "Inwoners"],
        ["Zwolle", 2023, 130000],
        ["Zwolle", 2024, ""],
      ],
      2024,
    );
    expect(r.cbs.used.inhabitantsByYear).toEqual({
      2022: { value: 132411, year: 2023, source: "CBS, gemeenteklassen 2023" },
    });
    const { rows } = trendRows(r);
    expect(rows.map((x) => [x[0], x[1], x[3]])).toEqual([
      [2022, 132411, "CBS 2023 (CBS, gemeenteklassen 2023)"],
      [2023, 130000, ""],
      [2024, 133141, "CBS 2024 (CBS, gemeenteklassen 2024)"],
    ]);
  });

  it("an undated set stays the comparison year's (typed 130,000 for 2024, live from its cell)", () => {
    const r = run(
      [
        ["Gemeente", "Zwolle"],
        ["Inwoners", 130000],
      ],
      2024,
    );
    expect(r.report.comparison.inhabitants).toBe(130000);
    expect(r.cbs.used.inhabitants).toBeUndefined();
    expect(r.cbs.used.inhabitantsByYear).toMatchObject({ 2022: { value: 132411 }, 2023: { value: 132411 } });
    const { rows } = trendRows(r);
    expect(rows.map((x) => [x[0], x[1], x[3]])).toEqual([
      [2022, 132411, "CBS 2023 (CBS, gemeenteklassen 2023)"],
      [2023, 132411, "CBS 2023 (CBS, gemeenteklassen 2023)"],
      [2024, 130000, ""],
    ]);
    // the comparison's inhabitants cell still refers to the user's cell
    const input = r.report.compared!.layout.blocks.find((b) => b.at === "A7")!.cells[1][1];
    expect(isFormula(input) && input.formula).toBe("='Kerngegevens'!$B$2");
  });

  it("without a municipality CBS knows, the trend is as before: no source column, years without inhabitants said", () => {
    const r = run(
      [
        ["Gemeente", "Boekjaar", "Inwoners", "Totale begroting"],
        ["Voorbeeldrade", 2024, 61000, 250000000],
      ],
      2024,
    );
    expect(r.cbs.used.inhabitantsByYear).toBeUndefined();
    expect(trendRows(r).header).toHaveLength(9);
    expect(r.report.trend!.note?.nl).toContain("Inwoners ontbreken voor 2022, 2023");
  });
});
