/** The optional context key figures (issue 12): project fte per theme, employees, workplaces. */
import { findKeyFigures } from "../../src/model/keyFigures";
import { findKeyFigureCell } from "../../src/model/keyFigureCells";
import { Grid } from "../../src/model/types";

describe("findKeyFigures: the context figures, by their Dutch and English labels", () => {
  it.each([
    ["Projecttijd wetgeving (Omgevingswet, Woo, Archiefwet), fte", "projectFteLaws"],
    ["Projecttijd wet- en regelgeving", "projectFteLaws"],
    ["Project-fte Omgevingswet, Woo, Archiefwet", "projectFteLaws"],
    ["Project time legislation (Omgevingswet, Woo, Archiefwet), fte", "projectFteLaws"],
    ["Project time laws and regulations", "projectFteLaws"],
    ["Projecttijd digitale volwassenheid, fte", "projectFteDigitalMaturity"],
    ["Project fte digital maturity", "projectFteDigitalMaturity"],
    ["Projecttijd datagedreven werken", "projectFteDataDriven"],
    ["Project time data-driven working, fte", "projectFteDataDriven"],
    ["Projecttijd zaakgericht werken (fte)", "projectFteCaseBased"],
    ["Project time case-based working", "projectFteCaseBased"],
    ["Projecttijd informatiebeveiliging, fte", "projectFteSecurity"],
    ["Project time information security", "projectFteSecurity"],
    ["Project-fte digitale werkplek", "projectFteDigitalWorkplace"],
    ["Project time digital workplace, fte", "projectFteDigitalWorkplace"],
    ["Aantal medewerkers (fte/personen)", "employees"],
    ["Medewerkers", "employees"],
    ["Number of employees (fte/persons)", "employees"],
    ["Employees", "employees"],
    ["Aantal werkplekken", "workplaces"],
    ["Aantal ICT-werkplekken", "workplaces"],
    ["Number of workplaces", "workplaces"],
    ["ICT workplaces", "workplaces"],
  ])("'%s' is %s", (label, field) => {
    expect(findKeyFigures([[label, "2,5"]])).toEqual({ figures: [{ [field]: 2.5 }], issues: [] });
  });

  it("never takes a theme without a word for project time: 'Digitale werkplek' is a ledger heading", () => {
    for (const label of [
      "Digitale werkplek",
      "Informatiebeveiliging",
      "Zaakgericht werken",
      "Digital workplace",
    ])
      expect(findKeyFigures([[label, 3]]).figures).toEqual([]);
  });

  it("reads the 'Number of inhabitants' its own English list names (a filler word in the label)", () => {
    expect(findKeyFigures([["Number of inhabitants", 61000]]).figures).toEqual([{ inhabitants: 61000 }]);
  });

  it("accepts 0 project fte, refuses 0 employees or workplaces and negative fte, with the row", () => {
    const grid: Grid = [
      ["Boekjaar", 2022],
      ["Projecttijd informatiebeveiliging, fte", 0],
      ["Projecttijd zaakgericht werken, fte", -1],
      ["Aantal medewerkers", 0],
      ["Aantal werkplekken", "veel"],
    ];
    const read = findKeyFigures(grid);
    expect(read.figures).toEqual([{ year: 2022, projectFteSecurity: 0 }]);
    expect(read.issues.map((i) => i.message.nl)).toEqual([
      "Rij 3: projecttijd zaakgericht werken '-1' is geen getal van 0 of meer",
      "Rij 4: aantal medewerkers '0' is geen positief getal",
      "Rij 5: aantal werkplekken 'veel' is geen positief getal",
    ]);
    expect(read.issues.map((i) => i.message.en)).toEqual([
      "Row 3: project time case-based working '-1' is not a number of 0 or more",
      "Row 4: number of employees '0' is not a positive number",
      "Row 5: number of workplaces 'veel' is not a positive number",
    ]);
  });

  it("reads the context per year from a table with one row per year", () => {
    const grid: Grid = [
      ["Jaar", "Inwoners", "Aantal medewerkers", "Aantal werkplekken", "Projecttijd informatiebeveiliging"],
      [2022, 61000, 480, 520, 0.5],
      [2023, 61500, 490, 530, 0.75],
    ];
    expect(findKeyFigures(grid).figures).toEqual([
      { year: 2022, inhabitants: 61000, employees: 480, workplaces: 520, projectFteSecurity: 0.5 },
      { year: 2023, inhabitants: 61500, employees: 490, workplaces: 530, projectFteSecurity: 0.75 },
    ]);
  });

  it("finds the cell of a context figure, so the comparison can refer to it live", () => {
    const grid: Grid = [
      ["Aantal werkplekken", 520],
      ["Project time digital workplace, fte", 1.5],
    ];
    expect(findKeyFigureCell(grid, "workplaces", 520)).toEqual({ row: 0, col: 1 });
    expect(findKeyFigureCell(grid, "projectFteDigitalWorkplace", 1.5)).toEqual({ row: 1, col: 1 });
    expect(findKeyFigureCell(grid, "employees", 520)).toBeNull();
  });
});
