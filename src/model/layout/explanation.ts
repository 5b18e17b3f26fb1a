/**
 * The ICT-toelichting sheet: the engine's explanation of the comparison in sentences a council paper can
 * quote, per component (and the total), with the categories and lines behind them. The text is the
 * engine's at the last rebuild, not a formula; one live cell says "VEROUDERD" as soon as the comparison's
 * own live sums (component amounts, unclassified amount, inhabitants) no longer match what it was
 * written from.
 */
import { Comparison } from "../comparison";
import { ComponentExplanation } from "../explain/sentences";
import { getEdition } from "../benchmark";
import { Language } from "../types";
import { formulaText, sheetRef } from "./a1";
import { B, ROW } from "./comparison/rows";
import { Block, LayoutCell, SheetLayout } from "./types";

export const EXPLANATION_SHEET: Record<Language, string> = {
  nl: "ICT-toelichting",
  en: "ICT explanation",
};

const W = {
  title: { nl: "ICT-toelichting", en: "ICT explanation" },
  asOf: {
    nl: "Stand bij laatste Vergelijken: {who}boekjaar {year}, tegen {edition}. Deze tekst is die van de rekenkern bij de laatste vernieuwing en rekent niet mee; de getallen op '{sheet}' wel.",
    en: "As of the last Compare: {who}book year {year}, against {edition}. This text is the engine's at the last rebuild and does not recalculate; the figures on '{sheet}' do.",
  },
  stale: {
    nl: "VEROUDERD — klik Vergelijken: de bedragen of inwoners op het vergelijkingsblad zijn gewijzigd sinds deze toelichting.",
    en: "OUT OF DATE — click Compare: the amounts or inhabitants on the comparison sheet changed since this explanation.",
  },
  header: {
    nl: [
      "Categorie",
      "€ per inwoner",
      "Gemiddelde",
      "Verschil",
      "Bronrij",
      "Omschrijving",
      "Leverancier",
      "Bedrag (€)",
    ],
    en: [
      "Category",
      "€ per inhabitant",
      "Average",
      "Difference",
      "Source row",
      "Description",
      "Supplier",
      "Amount (€)",
    ],
  },
  lines: { nl: "regels", en: "lines" },
};

const FORMATS = [null, "#,##0.00", "#,##0.00", "#,##0.00", "0", null, null, "#,##0.00"];

/**
 * "VEROUDERD" when a live figure of the comparison sheet differs (by more than half a cent) from the one
 * this text was written from; the error of a stale categorisation (#N/A amounts) also counts as out of date.
 */
function staleFormula(comparisonSheet: string, comparison: Comparison, language: Language): string {
  const t = comparison.totals;
  const watched: [number, number][] = [
    [ROW.software, t.components.software],
    [ROW.personnel, t.components.personnel],
    [ROW.infrastructure, t.components.infrastructure],
    [ROW.unclassifiedAmount, t.unclassified.amount],
    [ROW.inhabitants, comparison.inhabitants ?? 0],
  ];
  const ref = (row: number) => sheetRef(comparisonSheet, B(row));
  const drift = watched.map(([row, v]) => `ABS(${ref(row)}-${round2(v)})`).join("+");
  const stale = formulaText(W.stale[language]);
  const all = watched.map(([row]) => ref(row)).join(",");
  return `=IF(ISERROR(SUM(${all})),${stale},IF(${drift}>0.005,${stale},""))`;
}

/** To the cent, as a literal in a formula (no exponent, no float noise). */
function round2(v: number): string {
  return (Math.round(v * 100) / 100).toFixed(2);
}

interface ExplanationLayoutOptions {
  language: Language;
  sheetName?: string;
  /** The comparison sheet the stale check watches. */
  comparisonSheet: string;
}

export function explanationLayout(
  comparison: Comparison,
  parts: readonly ComponentExplanation[],
  options: ExplanationLayoutOptions,
): SheetLayout {
  const language = options.language;
  const name = options.sheetName ?? EXPLANATION_SHEET[language];
  const edition = getEdition(comparison.edition) ?? getEdition();
  const asOf = W.asOf[language]
    .replace("{who}", comparison.municipality ? `${comparison.municipality}, ` : "")
    .replace("{year}", String(comparison.year))
    .replace("{edition}", edition.title)
    .replace("{sheet}", options.comparisonSheet);
  const blocks: Block[] = [
    { at: "A1", cells: [[W.title[language]]], style: "title" },
    { at: "A2", cells: [[asOf]], style: "note" },
    {
      at: "A3",
      cells: [[{ formula: staleFormula(options.comparisonSheet, comparison, language), value: "" }]],
      style: "warning",
    },
  ];
  let row = 5;
  for (const part of parts) {
    blocks.push({ at: `A${row}`, cells: [[part.name[language]]], style: "subtitle" });
    blocks.push({ at: `A${row + 1}`, cells: part.sentences.map((s) => [s[language]]), style: "body" });
    row += part.sentences.length + 2;
    if (part.component === "total") continue; // the components below carry the categories and lines
    const rows: LayoutCell[][] = [];
    for (const c of part.explanation.categories.slice(0, 5)) {
      rows.push([
        `${c.label[language]} (${c.code}), ${c.lines} ${W.lines[language]}`,
        c.perInhabitant ?? "",
        c.benchmark ?? "",
        c.gap ?? "",
        "",
        "",
        "",
        c.amount,
      ]);
      for (const l of c.top) rows.push(["", "", "", "", l.row, l.description, l.supplier, l.amount]);
    }
    if (rows.length === 0) continue;
    blocks.push({ at: `A${row}`, cells: [W.header[language]], style: "header" });
    blocks.push({ at: `A${row + 1}`, cells: rows, numberFormats: FORMATS, style: "body" });
    row += rows.length + 2;
  }
  return {
    role: "explanation",
    name,
    blocks,
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
    columnWidths: [40, 14, 12, 12, 9, 44, 24, 14],
  };
}
