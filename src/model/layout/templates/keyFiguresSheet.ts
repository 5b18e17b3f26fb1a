/**
 * The Kerngegevens sheet: label/value pairs (municipality, year, inhabitants, budget, fte, then the
 * optional context: project fte per theme, employees, workplaces) in yellow input cells, the references
 * other sheets use to them, and for the sample municipality a table with one row per book year.
 */
import { KEY_FIGURE_FIELDS, KeyFigureField } from "../../keyFigures/labels";
import { KeyFigures, Language } from "../../types";
import { absCell, columnLetter, sheetRef } from "../a1";
import { Block, SheetLayout } from "../types";
import { TEMPLATE_SHEETS } from "./names";

const KEY_FIGURES_TABLE = "Kerngegevens";

const KEY_FIGURE_LABELS: Record<KeyFigureField, Record<Language, string>> = {
  municipality: { nl: "Gemeente", en: "Municipality" },
  year: { nl: "Boekjaar", en: "Year" },
  inhabitants: { nl: "Aantal inwoners", en: "Inhabitants" },
  budget: { nl: "Totale begroting", en: "Total budget" },
  fteOwn: { nl: "ICT-fte eigen", en: "Own ICT fte" },
  fteHired: { nl: "ICT-fte inhuur", en: "Hired ICT fte" },
  projectFteLaws: {
    nl: "Projecttijd wetgeving (Omgevingswet, Woo, Archiefwet), fte",
    en: "Project time legislation (Omgevingswet, Woo, Archiefwet), fte",
  },
  projectFteDigitalMaturity: {
    nl: "Projecttijd digitale volwassenheid, fte",
    en: "Project time digital maturity, fte",
  },
  projectFteDataDriven: {
    nl: "Projecttijd datagedreven werken, fte",
    en: "Project time data-driven working, fte",
  },
  projectFteCaseBased: {
    nl: "Projecttijd zaakgericht werken, fte",
    en: "Project time case-based working, fte",
  },
  projectFteSecurity: {
    nl: "Projecttijd informatiebeveiliging, fte",
    en: "Project time information security, fte",
  },
  projectFteDigitalWorkplace: {
    nl: "Projecttijd digitale werkplek, fte",
    en: "Project time digital workplace, fte",
  },
  employees: { nl: "Aantal medewerkers (fte/personen)", en: "Number of employees (fte/persons)" },
  workplaces: { nl: "Aantal werkplekken", en: "Number of workplaces" },
};

const KEY_FIGURE_FORMATS: Record<KeyFigureField, string | null> = {
  municipality: null,
  year: "0",
  inhabitants: "#,##0",
  budget: "#,##0",
  fteOwn: "0.0",
  fteHired: "0.0",
  projectFteLaws: "0.0",
  projectFteDigitalMaturity: "0.0",
  projectFteDataDriven: "0.0",
  projectFteCaseBased: "0.0",
  projectFteSecurity: "0.0",
  projectFteDigitalWorkplace: "0.0",
  employees: "#,##0",
  workplaces: "#,##0",
};

/** Label/value pairs start here: labels in column A, values in column B. */
const KEY_FIGURES_FIRST_ROW = 4;

/** Absolute references to the key-figure cells of a Kerngegevens sheet made from the template. */
export function keyFigureRefs(sheetName: string): Record<KeyFigureField, string> {
  const out = {} as Record<KeyFigureField, string>;
  KEY_FIGURE_FIELDS.forEach((f, i) => (out[f] = sheetRef(sheetName, absCell(2, KEY_FIGURES_FIRST_ROW + i))));
  return out;
}

const KEY_FIGURES_NOTE: Record<Language, string> = {
  nl:
    "Vul de gele cellen in. Het aantal inwoners is dat op 1 januari van het boekjaar (CBS); de begroting " +
    "is het totaal van de lasten. Fte's mogen ook als kolom Fte in het grootboek staan. Projecttijd per " +
    "thema (fte aan projecten), medewerkers en werkplekken zijn optioneel: ingevuld vergelijkt " +
    "ICT-vergelijking ze met het rapport.",
  en:
    "Fill in the yellow cells. Inhabitants as of 1 January of the book year (CBS); the budget is total " +
    "expenditure. Fte may also come from an Fte column in the ledger. Project time per theme (fte on " +
    "projects), employees and workplaces are optional: when filled, ICT comparison compares them with " +
    "the report.",
};

export function keyFiguresSheet(
  language: Language,
  role: "template-keyfigures" | "sample-keyfigures",
  figures: KeyFigures,
): SheetLayout {
  const name = TEMPLATE_SHEETS.keyFigures[language];
  const blocks: Block[] = [
    { at: "A1", cells: [[name]], style: "title" },
    { at: "A2", cells: [[KEY_FIGURES_NOTE[language]]], style: "note" },
    {
      at: `A${KEY_FIGURES_FIRST_ROW}`,
      cells: KEY_FIGURE_FIELDS.map((f) => [KEY_FIGURE_LABELS[f][language]]),
      style: "header",
    },
  ];
  KEY_FIGURE_FIELDS.forEach((f, i) => {
    const value = figures[f];
    blocks.push({
      at: `B${KEY_FIGURES_FIRST_ROW + i}`,
      cells: [[value ?? ""]],
      numberFormats: [KEY_FIGURE_FORMATS[f]],
      style: "input",
    });
  });
  return {
    role,
    name,
    blocks,
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
    columnWidths: [44, 26],
  };
}

/** Below the label/value pairs of the latest year: a table with one row per book year. */
export function addYearTable(sheet: SheetLayout, years: readonly KeyFigures[], language: Language): void {
  const tableHeaderRow = KEY_FIGURES_FIRST_ROW + KEY_FIGURE_FIELDS.length + 2;
  const perYear: KeyFigureField[] = ["year", "inhabitants", "budget", "fteOwn", "fteHired"];
  sheet.blocks.push(
    {
      at: `A${tableHeaderRow}`,
      cells: [perYear.map((f) => KEY_FIGURE_LABELS[f][language])],
      style: "header",
    },
    {
      at: `A${tableHeaderRow + 1}`,
      cells: years.map((k) => perYear.map((f) => k[f] ?? "")),
      numberFormats: perYear.map((f) => KEY_FIGURE_FORMATS[f]),
      style: "body",
    },
  );
  sheet.tables.push({
    name: KEY_FIGURES_TABLE,
    range: `A${tableHeaderRow}:${columnLetter(perYear.length)}${tableHeaderRow + years.length}`,
    style: "TableStyleLight9",
  });
  sheet.columnWidths = [44, 26, 24, 14, 14];
}
