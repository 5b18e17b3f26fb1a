/**
 * The labels of the key figures, in Dutch and English ("Aantal inwoners per 1 januari", "Totale
 * begroting (lasten)", "ICT-fte inhuur", …), and how a cell is recognised as one: folded, numbers
 * and filler words dropped, with or without an inline "Label: value".
 */
import { fold } from "../text";
import { KeyFigures } from "../types";

export type KeyFigureField = keyof KeyFigures;

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
};

const BY_LABEL = new Map<string, KeyFigureField>();
for (const field of Object.keys(LABELS) as KeyFigureField[]) {
  for (const label of LABELS[field]) BY_LABEL.set(label, field);
}

// Cheap first test, so that large ledger sheets do not fold every description.
const LABEL_STEMS =
  /gemeente|organi[sz]at|municipal|jaar|year|inwoner|inhabitant|population|begroting|lasten|budget|expenditure|fte/i;
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
