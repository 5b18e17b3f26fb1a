/**
 * The value of a key figure, checked: a year in range, a positive whole number of inhabitants, a
 * positive budget, fte (also project fte per theme) of 0 or more, employees and workplaces above 0. A bad value is reported with its row, never kept; of two
 * values for one key the first found wins.
 */
import { MAX_YEAR, MIN_YEAR, parseAmount, parseFte, parseNumber, parseYear } from "../amount";
import { cellText, displayValue } from "../grid/cells";
import { Bilingual, KeyFigures } from "../types";
import { KeyFigureField } from "./labels";

const FIELD_NAMES: Record<KeyFigureField, Bilingual> = {
  municipality: { nl: "gemeente", en: "municipality" },
  year: { nl: "boekjaar", en: "year" },
  inhabitants: { nl: "inwoners", en: "inhabitants" },
  budget: { nl: "totale begroting", en: "total budget" },
  fteOwn: { nl: "ICT-fte eigen", en: "own ICT fte" },
  fteHired: { nl: "ICT-fte inhuur", en: "hired ICT fte" },
  projectFteLaws: { nl: "projecttijd wetgeving", en: "project time legislation" },
  projectFteDigitalMaturity: {
    nl: "projecttijd digitale volwassenheid",
    en: "project time digital maturity",
  },
  projectFteDataDriven: { nl: "projecttijd datagedreven werken", en: "project time data-driven working" },
  projectFteCaseBased: { nl: "projecttijd zaakgericht werken", en: "project time case-based working" },
  projectFteSecurity: { nl: "projecttijd informatiebeveiliging", en: "project time information security" },
  projectFteDigitalWorkplace: { nl: "projecttijd digitale werkplek", en: "project time digital workplace" },
  employees: { nl: "aantal medewerkers", en: "number of employees" },
  workplaces: { nl: "aantal werkplekken", en: "number of workplaces" },
};

export type Parsed = { ok: true; value: string | number } | { ok: false };

/** A value for a key, checked: bad values are reported, never kept. */
export function parseValue(field: KeyFigureField, v: unknown): Parsed {
  let value: string | number | null;
  switch (field) {
    case "municipality":
      value = cellText(v) || null;
      break;
    case "year":
      value = parseYear(v);
      break;
    case "inhabitants": {
      const n = parseNumber(v);
      value = n !== null && Number.isInteger(n) && n > 0 ? n : null;
      break;
    }
    case "budget": {
      const n = parseAmount(v);
      value = n !== null && n > 0 ? n : null;
      break;
    }
    case "fteOwn":
    case "fteHired":
    case "projectFteLaws":
    case "projectFteDigitalMaturity":
    case "projectFteDataDriven":
    case "projectFteCaseBased":
    case "projectFteSecurity":
    case "projectFteDigitalWorkplace": {
      const n = parseFte(v);
      value = n !== null && n >= 0 ? n : null;
      break;
    }
    // Employees in fte or persons (either may have decimals); the ratio divides by them: more than 0.
    case "employees":
    case "workplaces": {
      const n = parseFte(v);
      value = n !== null && n > 0 ? n : null;
      break;
    }
  }
  return value === null ? { ok: false } : { ok: true, value };
}

const ZERO_OR_MORE: Bilingual = { nl: "is geen getal van 0 of meer", en: "is not a number of 0 or more" };

const PROBLEMS: Record<KeyFigureField, Bilingual> = {
  municipality: { nl: "is leeg", en: "is empty" },
  year: { nl: `is geen jaartal (${MIN_YEAR}-${MAX_YEAR})`, en: `is not a year (${MIN_YEAR}-${MAX_YEAR})` },
  inhabitants: { nl: "is geen positief geheel getal", en: "is not a positive whole number" },
  budget: { nl: "is geen positief bedrag", en: "is not a positive amount" },
  fteOwn: { nl: "is geen getal van 0 of meer", en: "is not a number of 0 or more" },
  fteHired: { nl: "is geen getal van 0 of meer", en: "is not a number of 0 or more" },
  projectFteLaws: ZERO_OR_MORE,
  projectFteDigitalMaturity: ZERO_OR_MORE,
  projectFteDataDriven: ZERO_OR_MORE,
  projectFteCaseBased: ZERO_OR_MORE,
  projectFteSecurity: ZERO_OR_MORE,
  projectFteDigitalWorkplace: ZERO_OR_MORE,
  employees: { nl: "is geen positief getal", en: "is not a positive number" },
  workplaces: { nl: "is geen positief getal", en: "is not a positive number" },
};

export function badValue(field: KeyFigureField, v: unknown, row: number): Bilingual {
  const name = FIELD_NAMES[field];
  const problem = PROBLEMS[field];
  return {
    nl: `Rij ${row}: ${name.nl} '${displayValue(v, "nl")}' ${problem.nl}`,
    en: `Row ${row}: ${name.en} '${displayValue(v, "en")}' ${problem.en}`,
  };
}

export function assign(entry: KeyFigures, field: KeyFigureField, value: string | number): void {
  if (entry[field] !== undefined) return; // the first value found wins
  if (field === "municipality") entry.municipality = String(value);
  else entry[field] = value as number;
}
