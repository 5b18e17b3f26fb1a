/**
 * CBS's reference figures for every Dutch municipality, as the product ships them (src/model/cbs/*.json,
 * written by scripts/make-cbs-data.js from ../shared/domain/cbs): inhabitants, size class, urbanity and
 * province per year (CBS's municipal classifications) and, per Iv3 document (jaarrekening / begroting)
 * and year, inhabitants, lasten excluding reserves and overhead (taakveld 0.4). Amounts are kept in
 * thousands of euros as CBS publishes them; the lookups below give euros.
 *
 * CBS publishes under CC BY 4.0: every figure carries its source ("CBS, Iv3 jaarrekening 2023",
 * "CBS, gemeenteklassen 2024") and is shown with it.
 */
import { Bilingual } from "../types";
import gemeentenJson from "./cbs-gemeenten.json";
import iv3Json from "./cbs-iv3.json";

export type IvDocument = "jaarrekening" | "begroting";

/** CBS's size classes, smallest first (CBS's own keys, lower case). */
export type SizeClass =
  | "minderdan5000inwoners"
  | "5000tot10000inwoners"
  | "10000tot20000inwoners"
  | "20000tot50000inwoners"
  | "50000tot100000inwoners"
  | "100000tot150000inwoners"
  | "150000tot250000inwoners"
  | "250000inwonersofmeer";

const SIZE_LABELS: Record<SizeClass, Bilingual> = {
  minderdan5000inwoners: { nl: "minder dan 5.000 inwoners", en: "fewer than 5,000 inhabitants" },
  "5000tot10000inwoners": { nl: "5.000 tot 10.000 inwoners", en: "5,000 to 10,000 inhabitants" },
  "10000tot20000inwoners": { nl: "10.000 tot 20.000 inwoners", en: "10,000 to 20,000 inhabitants" },
  "20000tot50000inwoners": { nl: "20.000 tot 50.000 inwoners", en: "20,000 to 50,000 inhabitants" },
  "50000tot100000inwoners": { nl: "50.000 tot 100.000 inwoners", en: "50,000 to 100,000 inhabitants" },
  "100000tot150000inwoners": { nl: "100.000 tot 150.000 inwoners", en: "100,000 to 150,000 inhabitants" },
  "150000tot250000inwoners": { nl: "150.000 tot 250.000 inwoners", en: "150,000 to 250,000 inhabitants" },
  "250000inwonersofmeer": { nl: "250.000 inwoners of meer", en: "250,000 inhabitants or more" },
};

export function sizeClassLabel(cls: SizeClass): Bilingual {
  return SIZE_LABELS[cls];
}

interface GemeentenYearJson {
  source: string;
  inh: (number | null)[];
  cls: (number | null)[];
  urb: (number | null)[];
  prov: (number | null)[];
}
interface GemeentenJson {
  source: string;
  licence: string;
  names: string[];
  cbsNames: Record<string, string>;
  classes: string[];
  urbanity: string[];
  provinces: string[];
  years: Record<string, GemeentenYearJson>;
}
interface Iv3DocJson {
  source: string;
  doc: string;
  year: number;
  inh: (number | null)[];
  lex: (number | null)[];
  oh: (number | null)[];
  ohs: (number | null)[];
  nl: number[] | null;
}
interface Iv3Json {
  source: string;
  licence: string;
  unit: string;
  count: number;
  docs: Record<string, Iv3DocJson>;
}

/** One municipality in one year of CBS's classification. */
export interface CbsMunicipalityYear {
  /** The name as CBS spells it in its Iv3 data ('s-Gravenhage, Bergen (NH.)). */
  name: string;
  /** CBS's name with its suffix where it has one ("Utrecht (gemeente)", "Beek (L.)"). */
  cbsName: string;
  year: number;
  inhabitants: number;
  sizeClass: SizeClass;
  urbanity: string;
  province: string;
  /** "CBS, gemeenteklassen 2023". */
  source: string;
}

/** One municipality's figures in one Iv3 document, in euros. */
export interface CbsIv3Figures {
  name: string;
  document: IvDocument;
  year: number;
  inhabitants: number;
  /** Lasten excluding 0.10 Mutaties reserves and 0.11 Resultaat, € (CBS: thousands). */
  lastenExclReserves: number;
  /** Taakveld 0.4 Overhead, all lasten, €. */
  overhead: number;
  /** Of which category 1.1 salaries, €. */
  overheadSalaries: number;
  /** "CBS, Iv3 jaarrekening 2023". */
  source: string;
}

/** CBS's reference data: a newer CBS year is more data in the same shape (see scripts/make-cbs-data.js). */
export interface CbsData {
  names: readonly string[];
  /** Years of the classification (inhabitants, size class), ascending. */
  classYears: readonly number[];
  /** Iv3 documents, by year ascending, jaarrekening before begroting. */
  documents: readonly { document: IvDocument; year: number; source: string }[];
  municipality(name: string, year: number): CbsMunicipalityYear | undefined;
  iv3(name: string, document: IvDocument, year: number): CbsIv3Figures | undefined;
  /** Every municipality CBS has in that document, in name order. */
  iv3All(document: IvDocument, year: number): CbsIv3Figures[];
  /** The Nederland total of a document. */
  iv3Nederland(document: IvDocument, year: number): Omit<CbsIv3Figures, "name"> | undefined;
  /** Every municipality of a classification year. */
  municipalities(year: number): CbsMunicipalityYear[];
  /** Years in which the classification has this name. */
  yearsOf(name: string): number[];
}

const K = 1000;

export function loadCbsData(g: GemeentenJson, iv: Iv3Json): CbsData {
  if (iv.count !== g.names.length)
    throw new Error(`CBS data: ${iv.count} Iv3 series for ${g.names.length} names`);
  const index = new Map(g.names.map((n, i) => [n, i]));
  const classYears = Object.keys(g.years)
    .map(Number)
    .sort((a, b) => a - b);
  const docKey = (d: IvDocument, y: number) => `${d}-${y}`;
  const documents = Object.values(iv.docs)
    .map((d) => ({ document: d.doc as IvDocument, year: d.year, source: d.source }))
    .sort((a, b) => a.year - b.year || (a.document === "jaarrekening" ? -1 : 1));

  const municipalityAt = (i: number, year: number): CbsMunicipalityYear | undefined => {
    const y = g.years[String(year)];
    const inh = y?.inh[i];
    if (!y || inh === null || inh === undefined) return undefined;
    const name = g.names[i];
    return {
      name,
      cbsName: g.cbsNames[name] ?? name,
      year,
      inhabitants: inh,
      sizeClass: g.classes[y.cls[i] as number] as SizeClass,
      urbanity: g.urbanity[y.urb[i] as number],
      province: g.provinces[y.prov[i] as number],
      source: y.source,
    };
  };
  const iv3At = (i: number, d: Iv3DocJson): CbsIv3Figures | undefined => {
    const inh = d.inh[i];
    const lex = d.lex[i];
    const oh = d.oh[i];
    if (inh === null || lex === null || oh === null) return undefined;
    return {
      name: g.names[i],
      document: d.doc as IvDocument,
      year: d.year,
      inhabitants: inh,
      lastenExclReserves: lex * K,
      overhead: oh * K,
      overheadSalaries: (d.ohs[i] ?? 0) * K,
      source: d.source,
    };
  };

  return {
    names: g.names,
    classYears,
    documents,
    municipality(name, year) {
      const i = index.get(name);
      return i === undefined ? undefined : municipalityAt(i, year);
    },
    iv3(name, document, year) {
      const i = index.get(name);
      const d = iv.docs[docKey(document, year)];
      return i === undefined || !d ? undefined : iv3At(i, d);
    },
    iv3All(document, year) {
      const d = iv.docs[docKey(document, year)];
      if (!d) return [];
      return g.names.map((_, i) => iv3At(i, d)).filter((x): x is CbsIv3Figures => x !== undefined);
    },
    iv3Nederland(document, year) {
      const d = iv.docs[docKey(document, year)];
      if (!d?.nl) return undefined;
      const [inh, lex, oh, ohs] = d.nl;
      return {
        document,
        year,
        inhabitants: inh,
        lastenExclReserves: lex * K,
        overhead: oh * K,
        overheadSalaries: ohs * K,
        source: d.source,
      };
    },
    municipalities(year) {
      return g.names
        .map((_, i) => municipalityAt(i, year))
        .filter((x): x is CbsMunicipalityYear => x !== undefined);
    },
    yearsOf(name) {
      const i = index.get(name);
      if (i === undefined) return [];
      return classYears.filter((y) => municipalityAt(i, y) !== undefined);
    },
  };
}

let builtin: CbsData | undefined;

/** The CBS data shipped with the product (parsed once). */
export function getCbsData(): CbsData {
  return (builtin ??= loadCbsData(gemeentenJson as GemeentenJson, iv3Json as unknown as Iv3Json));
}

/** The licence line shown beside CBS figures. */
export const CBS_ATTRIBUTION: Bilingual = {
  nl: "Bron: CBS (CC BY 4.0)",
  en: "Source: CBS (CC BY 4.0)",
};
