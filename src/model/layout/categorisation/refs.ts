/**
 * What the other sheets compute over: whole-column references to the categorisation sheet's columns
 * (amount, final category, component, year, …) and the words the table writes, which their
 * SUMIFS criteria match on, per language.
 */
import { Component, Language } from "../../types";
import { columnLetter, sheetRef } from "../a1";
import { CategorisationColumn, categorisationColumn } from "./columns";

/** The words the sheet writes (and the other sheets' SUMIFS criteria match on), per language. */
export interface CategorisationWords {
  component: Record<Component, string>;
  delivery: { saas: string; onPremise: string };
  staffing: { own: string; hired: string };
}

export const CATEGORISATION_WORDS: Record<Language, CategorisationWords> = {
  nl: {
    component: { software: "software", personnel: "personeel", infrastructure: "infrastructuur" },
    delivery: { saas: "SaaS", onPremise: "on-premise" },
    staffing: { own: "eigen", hired: "inhuur" },
  },
  en: {
    component: { software: "software", personnel: "personnel", infrastructure: "infrastructure" },
    delivery: { saas: "SaaS", onPremise: "on-premise" },
    staffing: { own: "own", hired: "hired" },
  },
};

/**
 * References to whole columns of the categorisation sheet: the single source of truth for the other
 * sheets. Whole columns, not the rows written, so a formula never depends on a row count fixed at write
 * time: a line the user adds to the table by hand, or a categorisation rewritten with more lines, is
 * counted at once. The title, note and header rows above the table hold text, which SUMIFS skips.
 */
export interface CategorisationRefs {
  sheetName: string;
  language: Language;
  amount: string;
  final: string;
  component: string;
  year: string;
  delivery: string;
  staffing: string;
  fte: string;
  manual: string;
  key: string;
  /** Iv3 taakveld and categorie as written by the categorisation ("0.4 Overhead"; "" when none). */
  taakveld: string;
  iv3Category: string;
  words: CategorisationWords;
}

export function categorisationRefs(sheetName: string, language: Language = "nl"): CategorisationRefs {
  const col = (c: CategorisationColumn) => {
    const letter = columnLetter(categorisationColumn(c));
    return sheetRef(sheetName, `$${letter}:$${letter}`);
  };
  return {
    sheetName,
    language,
    amount: col("amount"),
    final: col("final"),
    component: col("component"),
    year: col("year"),
    delivery: col("delivery"),
    staffing: col("staffing"),
    fte: col("fte"),
    manual: col("manual"),
    key: col("key"),
    taakveld: col("taakveld"),
    iv3Category: col("iv3Category"),
    words: CATEGORISATION_WORDS[language],
  };
}
