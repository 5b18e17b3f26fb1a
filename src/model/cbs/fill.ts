/**
 * What CBS knows of a municipality for a book year, each figure with its year and source, to fill the
 * key figures the user left empty (never to overwrite one): inhabitants (CBS's year nearest to the book
 * year, and which), size class, and the lasten excluding reserves (the jaarrekening when CBS has it for
 * that year, else the begroting; no other year's lasten, which would not be that year's budget). Pure.
 */
import { formatNumber } from "../format";
import { Bilingual } from "../types";
import { CbsData, getCbsData, IvDocument, SizeClass, sizeClassLabel } from "./data";
import { yearsText } from "./names";

/** One figure from CBS: the value, CBS's year it is of, the source to show with it. */
export interface CbsFigure {
  value: number;
  year: number;
  /** "CBS, gemeenteklassen 2023", "CBS, Iv3 jaarrekening 2023". */
  source: string;
}

export interface CbsKeyFigures {
  /** CBS's name ('s-Gravenhage) and its suffixed form ('s-Gravenhage (gemeente)). */
  name: string;
  cbsName: string;
  bookYear: number;
  /** Inhabitants in CBS's classification year nearest to the book year (year says which). */
  inhabitants: CbsFigure;
  sizeClass: { value: SizeClass; label: Bilingual; year: number; source: string };
  urbanity: string;
  province: string;
  /** Lasten excluding reserves in € of the book year; absent when CBS has no Iv3 document for that year. */
  budget?: CbsFigure & { document: IvDocument };
  /** What the user should know: inhabitants of another year; no lasten for the book year. */
  notes: { inhabitants?: Bilingual; budget?: Bilingual };
}

/** The year of `years` nearest to `year` (the later one on a tie: the newer count). */
export function nearestYear(years: readonly number[], year: number): number | undefined {
  let best: number | undefined;
  for (const y of years)
    if (
      best === undefined ||
      Math.abs(y - year) < Math.abs(best - year) ||
      (Math.abs(y - year) === Math.abs(best - year) && y > best)
    )
      best = y;
  return best;
}

/**
 * The Iv3 documents CBS has for a year, in the order they are preferred: the jaarrekening (what was
 * spent), then the begroting. A municipality missing from the first (not filed) takes the next.
 */
export function documentsFor(
  data: CbsData,
  year: number,
): { document: IvDocument; year: number; source: string }[] {
  const docs = data.documents.filter((d) => d.year === year);
  return [
    ...docs.filter((d) => d.document === "jaarrekening"),
    ...docs.filter((d) => d.document === "begroting"),
  ];
}

/**
 * CBS's key figures of a municipality (CBS's name, as findMunicipality gives it) for a book year;
 * undefined when CBS does not have the name in any year.
 */
export function cbsKeyFigures(
  name: string,
  bookYear: number,
  data: CbsData = getCbsData(),
): CbsKeyFigures | undefined {
  const years = data.yearsOf(name);
  const year = nearestYear(years, bookYear);
  if (year === undefined) return undefined;
  const m = data.municipality(name, year)!;
  const notes: CbsKeyFigures["notes"] = {};
  if (year !== bookYear) {
    notes.inhabitants = {
      nl: `CBS heeft geen inwonertal van ${name} voor ${bookYear} (wel ${yearsText(years)}): het aantal inwoners is dat van ${year}.`,
      en: `CBS has no inhabitants of ${name} for ${bookYear} (it has ${yearsText(years)}): the number of inhabitants is that of ${year}.`,
    };
  }
  const result: CbsKeyFigures = {
    name,
    cbsName: m.cbsName,
    bookYear,
    inhabitants: { value: m.inhabitants, year, source: m.source },
    sizeClass: { value: m.sizeClass, label: sizeClassLabel(m.sizeClass), year, source: m.source },
    urbanity: m.urbanity,
    province: m.province,
    notes,
  };
  const docs = documentsFor(data, bookYear);
  const iv = docs.map((d) => data.iv3(name, d.document, d.year)).find((x) => x !== undefined);
  if (iv) {
    result.budget = { value: iv.lastenExclReserves, year: iv.year, source: iv.source, document: iv.document };
  } else {
    const docYears = [...new Set(data.documents.map((d) => d.year))];
    notes.budget =
      docs.length > 0
        ? {
            nl: `CBS heeft van ${name} geen Iv3-cijfers (${docs.map((d) => d.document).join(", ")}) over ${bookYear}: vul de totale begroting zelf in.`,
            en: `CBS has no Iv3 figures (${docs.map((d) => d.document).join(", ")}) of ${name} for ${bookYear}: enter the total budget yourself.`,
          }
        : {
            nl: `CBS heeft geen begroting of jaarrekening over ${bookYear} (wel over ${yearsText(docYears)}): vul de totale begroting zelf in.`,
            en: `CBS has no budget or annual accounts for ${bookYear} (it has ${yearsText(docYears)}): enter the total budget yourself.`,
          };
  }
  return result;
}

/** A user's figure beside CBS's, when they differ by more than `tolerance` (2%) of CBS's. */
export interface FigureDifference {
  field: "inhabitants" | "budget";
  user: number;
  cbs: CbsFigure;
  /** (user − CBS) / CBS. */
  relative: number;
  message: Bilingual;
}

export const DIFFERENCE_TOLERANCE = 0.02;

/** "Inwoners: u 43.512, CBS 2023: 43.870 (-0,8%); uw cijfer geldt." — or undefined within 2%. */
export function figureDifference(
  field: "inhabitants" | "budget",
  user: number,
  cbs: CbsFigure,
  tolerance = DIFFERENCE_TOLERANCE,
): FigureDifference | undefined {
  if (!(cbs.value > 0)) return undefined;
  const relative = (user - cbs.value) / cbs.value;
  if (Math.abs(relative) <= tolerance + 1e-12) return undefined;
  const pct = (lang: "nl" | "en") =>
    `${relative > 0 ? "+" : "-"}${(Math.abs(relative) * 100).toFixed(1).replace(".", lang === "nl" ? "," : ".")}%`;
  const euro = field === "budget";
  const v = (n: number, lang: "nl" | "en") =>
    (euro ? (lang === "nl" ? "€ " : "€") : "") + formatNumber(n, lang);
  const label =
    field === "inhabitants"
      ? { nl: "Inwoners", en: "Inhabitants" }
      : { nl: "Totale begroting", en: "Total budget" };
  const what =
    field === "budget"
      ? { nl: " (lasten excl. reserves)", en: " (lasten excl. reserves)" }
      : { nl: "", en: "" };
  return {
    field,
    user,
    cbs,
    relative,
    message: {
      nl: `${label.nl}: u ${v(user, "nl")}, CBS ${cbs.year}${what.nl}: ${v(cbs.value, "nl")} (${pct("nl")}); uw cijfer geldt. Bron: ${cbs.source}.`,
      en: `${label.en}: you ${v(user, "en")}, CBS ${cbs.year}${what.en}: ${v(cbs.value, "en")} (${pct("en")}); your figure is used. Source: ${cbs.source}.`,
    },
  };
}
