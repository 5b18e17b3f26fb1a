/**
 * The labels of the key figures, in Dutch and English ("Aantal inwoners per 1 januari", "Totale
 * begroting (lasten)", "ICT-fte inhuur", "Projecttijd informatiebeveiliging (fte)", "Aantal
 * werkplekken", …), and how a cell is recognised as one: folded, numbers and filler words dropped,
 * with or without an inline "Label: value".
 */
import { CONTEXT_FIELDS } from "../context/fields";
import { fold } from "../text";
import { KeyFigures } from "../types";

export type KeyFigureField = keyof KeyFigures;

/**
 * Every key figure in the order a key-figures sheet lists them (the template's rows, the order sources
 * are merged in). The optional context comes last, so the cells of the other figures stay where they were.
 */
export const KEY_FIGURE_FIELDS: readonly KeyFigureField[] = [
  "municipality",
  "year",
  "inhabitants",
  "budget",
  "fteOwn",
  "fteHired",
  ...CONTEXT_FIELDS,
];

/** Labels per key, in the form `labelWords` gives them. */
const LABELS: Record<KeyFigureField, readonly string[]> = {
  municipality: ["gemeente", "naam gemeente", "organisatie", "municipality", "organisation", "organization"],
  year: ["boekjaar", "jaar", "begrotingsjaar", "year", "book year", "fiscal year"],
  inhabitants: [
    "inwoners",
    "aantal inwoners",
    "inwonertal",
    "inwoneraantal",
    "inhabitants",
    "number of inhabitants",
    "population",
  ],
  budget: [
    "totale begroting",
    "begroting totaal",
    "begroting totaal lasten",
    "totale lasten",
    "totaal lasten",
    "lasten totaal",
    "totale begroting lasten",
    "total budget",
    "total expenditure",
  ],
  fteOwn: [
    "ict fte eigen",
    "fte eigen",
    "fte eigen ict",
    "fte ict eigen",
    "fte eigen personeel",
    "eigen fte",
    "eigen ict fte",
    "own ict fte",
    "own fte",
    "ict fte own",
  ],
  fteHired: [
    "fte inhuur ict",
    "fte inhuur",
    "ict fte inhuur",
    "fte ict inhuur",
    "inhuur fte",
    "inhuur ict fte",
    "hired ict fte",
    "hired fte",
    "ict fte hired",
  ],
  // The law theme is often written with its laws in brackets: "Wetgeving (Omgevingswet, Woo, Archiefwet)".
  projectFteLaws: projectLabels(
    [
      "wet en regelgeving",
      "wetgeving",
      "omgevingswet woo archiefwet",
      "wet en regelgeving omgevingswet woo archiefwet",
      "wetgeving omgevingswet woo archiefwet",
    ],
    [
      "laws and regulations",
      "legislation",
      "laws and regulations omgevingswet woo archiefwet",
      "legislation omgevingswet woo archiefwet",
    ],
  ),
  projectFteDigitalMaturity: projectLabels(["digitale volwassenheid"], ["digital maturity"]),
  projectFteDataDriven: projectLabels(
    ["datagedreven werken", "data gedreven werken"],
    ["data driven working", "data driven"],
  ),
  projectFteCaseBased: projectLabels(["zaakgericht werken"], ["case based working", "case management"]),
  projectFteSecurity: projectLabels(["informatiebeveiliging"], ["information security"]),
  projectFteDigitalWorkplace: projectLabels(["digitale werkplek"], ["digital workplace"]),
  employees: [
    "medewerkers",
    "aantal medewerkers",
    "aantal medewerkers fte",
    "aantal medewerkers personen",
    "aantal medewerkers fte personen",
    "aantal medewerkers fte of personen",
    "medewerkers fte",
    "employees",
    "number of employees",
    "employees fte",
    "number of employees fte persons",
    "number of employees fte or persons",
    "headcount",
  ],
  workplaces: [
    "werkplekken",
    "aantal werkplekken",
    "ict werkplekken",
    "aantal ict werkplekken",
    "workplaces",
    "number of workplaces",
    "ict workplaces",
    "number of ict workplaces",
  ],
};

/**
 * A project-time label: a word for project time (Projecttijd, Project-fte, …) before the theme, with or
 * without "fte" after it. Never the theme alone: "Digitale werkplek" is as likely a ledger heading.
 */
function projectLabels(nl: readonly string[], en: readonly string[]): string[] {
  const forms = (prefixes: string[], themes: readonly string[]) =>
    prefixes.flatMap((p) => themes.flatMap((t) => [`${p} ${t}`, `${p} ${t} fte`]));
  return [
    ...forms(["projecttijd", "project fte", "projectfte", "fte projecten", "projecttijd fte"], nl),
    ...forms(["project time", "project fte", "project time fte"], en),
  ];
}

// Cheap first test, so that large ledger sheets do not fold every description.
const LABEL_STEMS =
  /gemeente|organi[sz]at|municipal|jaar|year|inwoner|inhabitant|population|begroting|lasten|budget|expenditure|fte|project|medewerker|employee|headcount|werkplek|workplace/i;
const NON_ALNUM = /[^a-z0-9]+/;
// Words that qualify a label without changing it: "Aantal inwoners per 1 januari 2022".
const FILLER = new Set(["per", "op", "januari", "jan", "peildatum", "at", "on", "as", "of", "january"]);
const DIGITS = /^\d+$/;

/** Label words: folded, punctuation and parentheses as spaces, numbers and fillers dropped. */
function labelWords(text: string): string {
  return fold(text)
    .split(NON_ALNUM)
    .filter((w) => w !== "" && !DIGITS.test(w) && !FILLER.has(w))
    .join(" ");
}

const BY_LABEL = new Map<string, KeyFigureField>();
for (const field of Object.keys(LABELS) as KeyFigureField[]) {
  // In the form a cell is folded to, so that a label with a filler word ("number of employees") matches.
  for (const label of LABELS[field]) BY_LABEL.set(labelWords(label), field);
}

/** The key a cell labels, with an inline value for "Label: value" cells. */
export function labelOf(v: unknown): { field: KeyFigureField; inline?: string } | null {
  if (typeof v !== "string" || v.length > 80 || !LABEL_STEMS.test(v)) return null;
  const colon = v.indexOf(":");
  const inline = colon < 0 ? "" : v.slice(colon + 1).trim();
  if (inline !== "") {
    const field = BY_LABEL.get(labelWords(v.slice(0, colon)));
    return field ? { field, inline } : null;
  }
  const whole = BY_LABEL.get(labelWords(v));
  return whole ? { field: whole } : null;
}
