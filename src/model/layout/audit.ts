/**
 * The ICT-controle sheet: an audit snapshot as plain values, so an auditor can check a council paper
 * without the add-in — every KPI, the edition and source (report lines) of every benchmark figure used,
 * the user's rules and manual codes, the totals per category, the reconciliation, and the fingerprint
 * (SHA-256, ../audit/fingerprint.ts) of the ledger lines and key figures it was computed from.
 */
import { Edition, getEdition, sourceText } from "../benchmark";
import { Comparison } from "../comparison";
import { benchmarkYear } from "../comparison/years";
import { FINGERPRINT_FORMAT } from "../audit/fingerprint";
import { lineKeys } from "../lineKey";
import { CATEGORIES } from "../taxonomy";
import { Bilingual, CategorisedLine, CategoryCode, KeyFigures, Language, UserRule } from "../types";
import { Block, CellStyle, LayoutCell, SheetLayout } from "./types";

export const AUDIT_SHEET: Record<Language, string> = {
  nl: "ICT-controle",
  en: "ICT audit",
};

const W = {
  title: { nl: "ICT-controle (momentopname)", en: "ICT audit (snapshot)" },
  note: {
    nl: "Waarden, geen formules: de stand bij het maken van deze momentopname. De vingerafdruk is SHA-256 over de kostenregels (bronrij, omschrijving, leverancier, rekening, jaar, bedrag in centen, definitieve categorie, in grootboekvolgorde), de kerngegevens van het jaar en de editie; dezelfde invoer geeft dezelfde vingerafdruk, in Excel en met ictcost compare --snapshot.",
    en: "Values, not formulas: the state when this snapshot was made. The fingerprint is SHA-256 over the cost lines (source row, description, supplier, account, year, amount in cents, final category, in ledger order), the year's key figures and the edition; the same input gives the same fingerprint, in Excel and with ictcost compare --snapshot.",
  },
  facts: { nl: "Gegevens", en: "Facts" },
  municipality: { nl: "Gemeente", en: "Municipality" },
  year: { nl: "Boekjaar", en: "Book year" },
  inhabitants: { nl: "Aantal inwoners", en: "Inhabitants" },
  budget: { nl: "Totale begroting", en: "Total budget" },
  fteOwn: { nl: "ICT-fte eigen", en: "Own ICT fte" },
  fteHired: { nl: "ICT-fte inhuur", en: "Hired ICT fte" },
  edition: { nl: "Benchmarkeditie", en: "Benchmark edition" },
  lines: {
    nl: "Kostenregels van het jaar, alle categorieën (aantal; som)",
    en: "Cost lines of the year, every category (count; sum)",
  },
  fingerprint: { nl: "Vingerafdruk", en: "Fingerprint" },
  format: { nl: "Vorm van de vingerafdruk", en: "Fingerprint format" },
  kpis: { nl: "KPI's", en: "KPIs" },
  kpiHeader: {
    nl: ["KPI", "Omschrijving", "Eigen", "Benchmark", "Verschil", "Verschil %", "Bron benchmark"],
    en: ["KPI", "Description", "Own", "Benchmark", "Difference", "Difference %", "Benchmark source"],
  },
  categoryFigures: { nl: "Benchmarkcijfers per categorie", en: "Benchmark figures per category" },
  categoryFigureHeader: {
    nl: ["Code", "Categorie", "Gemiddelde (€ per inwoner)", "Bron"],
    en: ["Code", "Category", "Average (€ per inhabitant)", "Source"],
  },
  categories: { nl: "Totalen per categorie", en: "Totals per category" },
  categoryHeader: {
    nl: ["Code", "Categorie", "Regels", "Bedrag (€)"],
    en: ["Code", "Category", "Lines", "Amount (€)"],
  },
  rules: { nl: "Eigen regels (blad Regels)", en: "Own rules (Rules sheet)" },
  ruleHeader: {
    nl: ["Patroon", "Veld", "Categorie", "Levering", "Personeel"],
    en: ["Pattern", "Field", "Category", "Delivery", "Staffing"],
  },
  noRules: {
    nl: "Geen eigen regels: alleen de ingebouwde kennis van de add-in.",
    en: "No own rules: only the add-in's built-in knowledge.",
  },
  manual: { nl: "Handmatige codes", en: "Manual codes" },
  manualHeader: {
    nl: ["Bronrij", "Omschrijving", "Bedrag (€)", "Categorie volgens de regels", "Handmatig"],
    en: ["Source row", "Description", "Amount (€)", "Category by the rules", "Manual"],
  },
  noManual: { nl: "Geen handmatige codes.", en: "No manual codes." },
  reconciliation: { nl: "Aansluiting met het grootboek", en: "Reconciliation with the ledger" },
  issues: { nl: "Opmerkingen", en: "Notes" },
};

export interface AuditInput {
  comparison: Comparison;
  figures: KeyFigures;
  fingerprint: string;
  /** The lines by the rules and with the manual codes, in ledger order (Categorised). */
  ruled: readonly CategorisedLine[];
  counted: readonly CategorisedLine[];
  manual: ReadonlyMap<string, CategoryCode>;
  rules: readonly UserRule[];
  reconciliation: { status: string; lines: Bilingual[] };
}

interface AuditLayoutOptions {
  language: Language;
  sheetName?: string;
}

/** Sections one under another, each a subtitle and its rows, with a blank row between. */
class Sections {
  readonly blocks: Block[] = [];
  row = 4;
  add(title: string, header: string[] | null, rows: LayoutCell[][], style: CellStyle = "body"): void {
    this.blocks.push({ at: `A${this.row}`, cells: [[title]], style: "subtitle" });
    this.row++;
    if (header) {
      this.blocks.push({ at: `A${this.row}`, cells: [header], style: "header" });
      this.row++;
    }
    if (rows.length) this.blocks.push({ at: `A${this.row}`, cells: rows, style });
    this.row += rows.length + 1;
  }
}

const num = (x: number | null | undefined): LayoutCell => (x === null || x === undefined ? "" : x);

function categoryFigures(edition: Edition, year: number, language: Language): LayoutCell[][] {
  const benchYear = benchmarkYear(edition, year);
  return Object.entries(edition.categories).flatMap(([code, values]) => {
    const v = values?.[String(benchYear)];
    if (!v) return [];
    const label = CATEGORIES.find((c) => c.code === code)?.label[language] ?? code;
    return [[code, label, v.value, sourceText(v.source, benchYear, language)]];
  });
}

export function auditLayout(input: AuditInput, options: AuditLayoutOptions): SheetLayout {
  const language = options.language;
  const name = options.sheetName ?? AUDIT_SHEET[language];
  const c = input.comparison;
  const f = input.figures;
  const edition = getEdition(c.edition) ?? getEdition();
  const w = <K extends keyof typeof W>(k: K) => (W[k] as Record<Language, never>)[language];
  const s = new Sections();
  const linesOfYear = input.counted.filter((l) => (l.year ?? c.year) === c.year);
  const sum = linesOfYear.reduce((t, l) => t + (Number.isFinite(l.amount) ? l.amount : 0), 0);
  s.add(w("facts"), null, [
    [w("municipality"), f.municipality ?? c.municipality ?? ""],
    [w("year"), c.year],
    [w("inhabitants"), num(c.inhabitants)],
    [w("budget"), num(f.budget)],
    [w("fteOwn"), num(f.fteOwn)],
    [w("fteHired"), num(f.fteHired)],
    [w("edition"), `${edition.title} (${edition.id})`],
    [w("lines"), `${linesOfYear.length}; ${(Math.round(sum * 100) / 100).toFixed(2)}`],
    [w("fingerprint"), input.fingerprint],
    [w("format"), FINGERPRINT_FORMAT],
  ]);
  s.add(
    w("kpis"),
    W.kpiHeader[language],
    c.kpis.map((k) => [
      k.id,
      k.label[language],
      num(k.own),
      num(k.benchmark),
      num(k.difference),
      num(k.differencePct),
      k.source ?? "",
    ]),
  );
  const figures = categoryFigures(edition, c.year, language);
  if (figures.length) s.add(w("categoryFigures"), W.categoryFigureHeader[language], figures);
  const totals = c.totals;
  const counts = new Map<CategoryCode, number>();
  for (const l of linesOfYear) counts.set(l.category, (counts.get(l.category) ?? 0) + 1);
  s.add(
    w("categories"),
    W.categoryHeader[language],
    CATEGORIES.filter((cat) => counts.has(cat.code)).map((cat) => [
      cat.code,
      cat.label[language],
      counts.get(cat.code) ?? 0,
      cat.code === "XX.OO"
        ? totals.unclassified.amount
        : cat.code === "XX.NI"
          ? totals.notIct.amount
          : (totals.categories[cat.code] ?? 0),
    ]),
  );
  if (input.rules.length)
    s.add(
      w("rules"),
      W.ruleHeader[language],
      input.rules.map((r) => [r.pattern, r.field, r.category, r.delivery ?? "", r.staffing ?? ""]),
    );
  else s.add(w("rules"), null, [[w("noRules")]], "note");
  const keys = lineKeys(input.ruled);
  const manualRows: LayoutCell[][] = [];
  input.ruled.forEach((l, i) => {
    const code = input.manual.get(keys[i]);
    if (code) manualRows.push([l.row, l.description, num(l.amount), l.category, code]);
  });
  if (manualRows.length) s.add(w("manual"), W.manualHeader[language], manualRows);
  else s.add(w("manual"), null, [[w("noManual")]], "note");
  s.add(
    w("reconciliation"),
    null,
    input.reconciliation.lines.map((l) => [l[language]]),
    input.reconciliation.status === "ok" ? "note" : "warning",
  );
  if (c.issues.length)
    s.add(
      w("issues"),
      null,
      c.issues.map((i) => [i[language]]),
      "note",
    );
  return {
    role: "audit",
    name,
    blocks: [
      { at: "A1", cells: [[w("title")]], style: "title" },
      { at: "A2", cells: [[w("note")]], style: "note" },
      ...s.blocks,
    ],
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
    columnWidths: [30, 40, 14, 14, 14, 14, 60],
  };
}
