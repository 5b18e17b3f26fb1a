/**
 * The ICT-vergelijking sheet: for one year, every KPI of the contract, own (live formulas over the
 * categorisation table and the key figures) against the benchmark edition, with the differences, a live
 * signal word beside the colour, the engine's verdict, and the blocks the two charts draw from.
 */
import { benchmarkNumber, getEdition, KPI_IDS, KpiId } from "../benchmark";
import { Comparison, KpiComparison } from "../comparison";
import { CATEGORIES, categoryLabel } from "../taxonomy";
import { CategoryCode, CellValue, KeyFigures, Language } from "../types";
import { absCell, cell, formulaText, range } from "./a1";
import { CategorisationRefs } from "./categorisation";
import { Block, Formula, LayoutCell, SheetLayout } from "./types";

export const COMPARISON_SHEET: Record<Language, string> = {
  nl: "ICT-vergelijking",
  en: "ICT comparison",
};

interface ComparisonRefs {
  categorisation: CategorisationRefs;
  /** An absolute cell reference ('Kerngegevens'!$B$6) or a constant (CLI flags). */
  inhabitants: string | number;
  budget?: string | number;
  fteOwn?: string | number;
  fteHired?: string | number;
}

interface ComparisonLayoutOptions {
  language: Language;
  sheetName?: string;
  /** The key figures compare() used: cached values of input cells that refer to other sheets. */
  keyFigures?: KeyFigures;
}

/** Difference % at or beyond ±10 % is coloured (red above, green below) and named in the Signal column. */
const SIGNAL_THRESHOLD = 0.1;

const T = {
  title: { nl: "ICT-kostenvergelijking", en: "ICT cost comparison" },
  benchmark: { nl: "Benchmark", en: "Benchmark" },
  bookYear: { nl: "boekjaar", en: "book year" },
  live: {
    nl: "Eigen waarden, verschillen en signalen zijn formules over het blad {sheet} en de kerngegevens: ze rekenen mee als u een bedrag in het grootboek, een handmatige categorie of een kerngegeven wijzigt. Regels toegevoegd, verwijderd of gesorteerd in het grootboek: klik Categoriseren.",
    en: "Own values, differences and signals are formulas over the sheet {sheet} and the key figures: they follow any change of a ledger amount, a manual category or a key figure. Ledger rows added, deleted or sorted: click Categorise.",
  },
  stale: {
    nl: "VEROUDERD: regels in het grootboek zijn verplaatst of verwijderd sinds de categorisatie (#N/B in de kolom Bedrag) — klik Categoriseren.",
    en: "OUT OF DATE: ledger rows were moved or deleted since the categorisation (#N/A in the Amount column) — click Categorise.",
  },
  verdictNote: {
    nl: "De kolom Oordeel is de tekst van de laatste vernieuwing; Signaal en kleur (rood ≥ +10 %, groen ≤ −10 %) rekenen live mee.",
    en: "The Verdict column is the text of the last rebuild; Signal and colour (red ≥ +10%, green ≤ −10%) are live.",
  },
  input: { nl: "Invoer", en: "Input" },
  value: { nl: "Waarde", en: "Value" },
  year: { nl: "Boekjaar", en: "Year" },
  inhabitants: { nl: "Aantal inwoners", en: "Inhabitants" },
  budget: { nl: "Totale begroting", en: "Total budget" },
  fteOwn: { nl: "ICT-fte eigen", en: "Own ICT fte" },
  fteHired: { nl: "ICT-fte inhuur", en: "Hired ICT fte" },
  costs: { nl: "Kosten", en: "Cost" },
  amount: { nl: "Bedrag (€)", en: "Amount (€)" },
  software: { nl: "Software", en: "Software" },
  personnel: { nl: "Personeel", en: "Personnel" },
  infrastructure: { nl: "Infrastructuur", en: "Infrastructure" },
  total: { nl: "Totaal ICT", en: "Total ICT" },
  hired: { nl: "Personeel inhuur", en: "Hired personnel" },
  own: { nl: "Personeel eigen (niet als inhuur gemarkeerd)", en: "Own personnel (not marked hired)" },
  saas: { nl: "Software als SaaS", en: "Software as SaaS" },
  officeAutomation: { nl: "Kantoorautomatisering (SW.KA)", en: "Office automation (SW.KA)" },
  unclassifiedAmount: { nl: "Niet ingedeeld (XX.OO): bedrag", en: "Unclassified (XX.OO): amount" },
  unclassifiedCount: { nl: "Niet ingedeeld (XX.OO): aantal regels", en: "Unclassified (XX.OO): lines" },
  notIct: { nl: "Geen ICT (XX.NI): bedrag, telt niet mee", en: "Not ICT (XX.NI): amount, not counted" },
  kpiHeader: {
    nl: [
      "Kengetal",
      "Eenheid",
      "Eigen",
      "Benchmark",
      "Verschil",
      "Verschil %",
      "Signaal",
      "Oordeel (laatste vernieuwing)",
      "Bron",
      "Id",
    ],
    en: [
      "KPI",
      "Unit",
      "Own",
      "Benchmark",
      "Difference",
      "Difference %",
      "Signal",
      "Verdict (last rebuild)",
      "Source",
      "Id",
    ],
  },
  above: { nl: "hoger dan benchmark", en: "above benchmark" },
  below: { nl: "lager dan benchmark", en: "below benchmark" },
  similar: { nl: "vergelijkbaar", en: "similar" },
  componentHeader: {
    nl: ["Component", "Eigen (€/inw)", "Benchmark (€/inw)"],
    en: ["Component", "Own (€/inh.)", "Benchmark (€/inh.)"],
  },
  categoryHeader: {
    nl: ["Categorie", "Naam", "Eigen (€/inw)", "Benchmark (€/inw)"],
    en: ["Category", "Name", "Own (€/inh.)", "Benchmark (€/inh.)"],
  },
  issues: { nl: "Aandachtspunten (laatste vernieuwing)", en: "Points of attention (last rebuild)" },
  chartComponents: {
    nl: "Eigen kosten en benchmark per component (€ per inwoner)",
    en: "Own cost and benchmark per component (€ per inhabitant)",
  },
  chartComposition: {
    nl: "Samenstelling eigen ICT-kosten (€ per inwoner)",
    en: "Composition of own ICT cost (€ per inhabitant)",
  },
};

const UNITS: Record<string, { label: Record<Language, string>; format: string }> = {
  eur_per_inhabitant: { label: { nl: "€ per inwoner", en: "€ per inhabitant" }, format: "#,##0.00" },
  fte_per_100k: {
    label: { nl: "fte per 100.000 inwoners", en: "fte per 100,000 inhabitants" },
    format: "#,##0.0",
  },
  share: { label: { nl: "aandeel", en: "share" }, format: "0.0%" },
  eur_per_fte: { label: { nl: "€ per fte", en: "€ per fte" }, format: "#,##0" },
};

/** Sheet rows: fixed so that formulas, charts and tests agree. */
const ROW = {
  title: 1,
  subtitle: 2,
  live: 3,
  verdictNote: 4,
  status: 5,
  inputHeader: 6,
  year: 7,
  inhabitants: 8,
  budget: 9,
  fteOwn: 10,
  fteHired: 11,
  costHeader: 13,
  software: 14,
  personnel: 15,
  infrastructure: 16,
  total: 17,
  hired: 18,
  own: 19,
  saas: 20,
  officeAutomation: 21,
  unclassifiedAmount: 22,
  unclassifiedCount: 23,
  notIct: 24,
  kpiHeader: 26,
} as const;
const KPI_FIRST = ROW.kpiHeader + 1;

const B = (row: number) => absCell(2, row);

function signalWord(pct: number | null, language: Language): string {
  if (pct === null) return "";
  if (pct >= SIGNAL_THRESHOLD) return T.above[language];
  if (pct <= -SIGNAL_THRESHOLD) return T.below[language];
  return T.similar[language];
}

/** Own-value formula of each KPI, over the input and cost cells of this sheet. */
function ownFormula(id: KpiId): string {
  const inh = B(ROW.inhabitants);
  const perInhabitant = (row: number) => `=IFERROR(IF(${inh}>0,${B(row)}/${inh},""),"")`;
  const ratio = (a: number, b: number) => `=IFERROR(${B(a)}/${B(b)},"")`;
  const perFte = (cost: number, fte: number) => `=IFERROR(IF(${B(fte)}>0,${B(cost)}/${B(fte)},""),"")`;
  switch (id) {
    case "total_per_inhabitant":
      return perInhabitant(ROW.total);
    case "software_per_inhabitant":
      return perInhabitant(ROW.software);
    case "personnel_per_inhabitant":
      return perInhabitant(ROW.personnel);
    case "infrastructure_per_inhabitant":
      return perInhabitant(ROW.infrastructure);
    case "office_automation_per_inhabitant":
      return perInhabitant(ROW.officeAutomation);
    case "hired_per_inhabitant":
      return perInhabitant(ROW.hired);
    case "fte_per_100k": {
      const fte = `(${B(ROW.fteOwn)}+${B(ROW.fteHired)})`;
      return `=IFERROR(IF(${inh}>0,IF(${fte}<>0,${fte}*100000/${inh},""),""),"")`;
    }
    case "hired_share":
      return ratio(ROW.hired, ROW.personnel);
    case "cost_per_fte_own":
      return perFte(ROW.own, ROW.fteOwn);
    case "cost_per_fte_hired":
      return perFte(ROW.hired, ROW.fteHired);
    case "saas_share":
      return ratio(ROW.saas, ROW.software);
    case "ict_budget_share":
      return `=IFERROR(IF(${B(ROW.budget)}>0,${B(ROW.total)}/${B(ROW.budget)},""),"")`;
  }
}

/** An input cell: a reference to a key-figure cell (live), a constant, or blank. */
function inputCell(ref: string | number | undefined, cached: CellValue): LayoutCell {
  if (ref === undefined) return "";
  if (typeof ref === "number") return ref;
  return { formula: `=${ref}`, value: cached ?? "" };
}

const num = (x: number | null | undefined): CellValue => (x === null || x === undefined ? "" : x);

export function comparisonLayout(
  comparison: Comparison,
  refs: ComparisonRefs,
  options: ComparisonLayoutOptions,
): SheetLayout {
  const language = options.language;
  const name = options.sheetName ?? COMPARISON_SHEET[language];
  const c = refs.categorisation;
  const w = c.words;
  const t = comparison.totals;
  const year = B(ROW.year);
  const edition = getEdition(comparison.edition) ?? getEdition();
  const sumifs = (...criteria: [string, string][]) =>
    `SUMIFS(${c.amount},${criteria.map(([r, v]) => `${r},${v}`).join(",")},${c.year},${year})`;
  const fteSum = (...criteria: [string, string][]) =>
    `SUMIFS(${c.fte},${criteria.map(([r, v]) => `${r},${v}`).join(",")},${c.year},${year})`;
  const isPersonnel: [string, string] = [c.component, formulaText(w.component.personnel)];
  const isHired: [string, string] = [c.staffing, formulaText(w.staffing.hired)];
  const f = (formula: string, value: CellValue): Formula => ({ formula, value });

  /** fte: the key figure when given (it wins, as in the engine), else summed from the ledger's personnel lines. */
  const fteCell = (ref: string | number | undefined, ledger: string, value: number): LayoutCell => {
    if (typeof ref === "number") return ref;
    if (typeof ref === "string") return f(`=IF(${ref}="",${ledger},${ref})`, value);
    return f(`=${ledger}`, value);
  };
  const fteOwnLedger = `${fteSum(isPersonnel)}-${fteSum(isPersonnel, isHired)}`;
  const fteHiredLedger = fteSum(isPersonnel, isHired);

  const municipality = comparison.municipality ?? options.keyFigures?.municipality;
  const title = [T.title[language], municipality, String(comparison.year)].filter(Boolean).join(" – ");
  const subtitle = `${T.benchmark[language]}: ${edition.title} (${edition.publisher}), ${T.bookYear[language]} ${edition.bookYear}`;

  const blocks: Block[] = [
    { at: "A1", cells: [[title]], style: "title" },
    { at: "A2", cells: [[subtitle]], style: "subtitle" },
    { at: "A3", cells: [[T.live[language].replace("{sheet}", c.sheetName)]], style: "note" },
    { at: "A4", cells: [[T.verdictNote[language]]], style: "note" },
    // Loud when the categorisation's amounts no longer match the ledger rows they refer to (sorted, deleted).
    {
      at: cell(1, ROW.status),
      cells: [[f(`=IF(ISERROR(SUM(${c.amount})),${formulaText(T.stale[language])},"")`, "")]],
      style: "note",
    },
    { at: cell(1, ROW.inputHeader), cells: [[T.input[language], T.value[language]]], style: "header" },
    {
      at: cell(1, ROW.year),
      cells: [
        [T.year[language], comparison.year],
        [
          T.inhabitants[language],
          inputCell(refs.inhabitants, num(comparison.inhabitants ?? options.keyFigures?.inhabitants)),
        ],
        [T.budget[language], inputCell(refs.budget, num(options.keyFigures?.budget))],
      ],
      numberFormats: [null, "#,##0"],
      style: "input",
    },
    {
      at: cell(1, ROW.fteOwn),
      cells: [
        [T.fteOwn[language], fteCell(refs.fteOwn, fteOwnLedger, t.fteOwn)],
        [T.fteHired[language], fteCell(refs.fteHired, fteHiredLedger, t.fteHired)],
      ],
      numberFormats: [null, "#,##0.0"],
      style: "input",
    },
    {
      at: cell(1, ROW.costHeader),
      cells: [[`${T.costs[language]} ${comparison.year}`, T.amount[language]]],
      style: "header",
    },
    {
      at: cell(1, ROW.software),
      cells: [
        [
          T.software[language],
          f(`=${sumifs([c.component, formulaText(w.component.software)])}`, t.components.software),
        ],
        [T.personnel[language], f(`=${sumifs(isPersonnel)}`, t.components.personnel)],
        [
          T.infrastructure[language],
          f(
            `=${sumifs([c.component, formulaText(w.component.infrastructure)])}`,
            t.components.infrastructure,
          ),
        ],
        [T.total[language], f(`=${B(ROW.software)}+${B(ROW.personnel)}+${B(ROW.infrastructure)}`, t.total)],
        [T.hired[language], f(`=${sumifs(isPersonnel, isHired)}`, t.hired)],
        [T.own[language], f(`=${B(ROW.personnel)}-${B(ROW.hired)}`, t.own)],
        [
          T.saas[language],
          f(
            `=${sumifs([c.component, formulaText(w.component.software)], [c.delivery, formulaText(w.delivery.saas)])}`,
            t.saas,
          ),
        ],
        [T.officeAutomation[language], f(`=${sumifs([c.final, '"SW.KA"'])}`, t.categories["SW.KA"] ?? 0)],
        [T.unclassifiedAmount[language], f(`=${sumifs([c.final, '"XX.OO"'])}`, t.unclassified.amount)],
      ],
      numberFormats: [null, "#,##0.00"],
      style: "body",
    },
    {
      at: cell(1, ROW.unclassifiedCount),
      cells: [
        [
          T.unclassifiedCount[language],
          f(`=COUNTIFS(${c.final},"XX.OO",${c.year},${year})`, t.unclassified.lines),
        ],
      ],
      numberFormats: [null, "0"],
      style: "body",
    },
    {
      at: cell(1, ROW.notIct),
      cells: [[T.notIct[language], f(`=${sumifs([c.final, '"XX.NI"'])}`, t.notIct.amount)]],
      numberFormats: [null, "#,##0.00"],
      style: "body",
    },
    { at: cell(1, ROW.kpiHeader), cells: [T.kpiHeader[language]], style: "header" },
  ];

  const byId = new Map<string, KpiComparison>(comparison.kpis.map((k) => [k.id, k]));
  const kpiRow = new Map<KpiId, number>();
  KPI_IDS.forEach((def, i) => {
    const row = KPI_FIRST + i;
    kpiRow.set(def.id, row);
    const k = byId.get(def.id);
    const unit = UNITS[def.unit];
    const [own, bench, diff, pct] = [cell(3, row), cell(4, row), cell(5, row), cell(6, row)];
    const pctValue = k?.differencePct ?? null;
    blocks.push({
      at: cell(1, row),
      cells: [
        [
          def.label[language],
          unit.label[language],
          f(ownFormula(def.id), num(k?.own)),
          num(k?.benchmark),
          f(`=IF(${bench}="","",IFERROR(${own}-${bench},""))`, num(k?.difference)),
          f(`=IFERROR(${diff}/${bench},"")`, num(pctValue)),
          f(
            `=IF(${pct}="","",IF(${pct}>=${SIGNAL_THRESHOLD},${formulaText(T.above[language])},` +
              `IF(${pct}<=-${SIGNAL_THRESHOLD},${formulaText(T.below[language])},${formulaText(T.similar[language])})))`,
            signalWord(pctValue, language),
          ),
          k ? k.verdict[language] : "",
          k?.source ?? "",
          def.id,
        ],
      ],
      numberFormats: [null, null, unit.format, unit.format, unit.format, "0.0%", null, null, null, null],
      style: "body",
    });
  });
  const kpiLast = KPI_FIRST + KPI_IDS.length - 1;

  // Chart source: own vs benchmark per component (clustered columns).
  const componentHeaderRow = kpiLast + 2;
  const componentKpis: [KpiId, keyof typeof T][] = [
    ["software_per_inhabitant", "software"],
    ["personnel_per_inhabitant", "personnel"],
    ["infrastructure_per_inhabitant", "infrastructure"],
  ];
  blocks.push(
    { at: cell(1, componentHeaderRow), cells: [T.componentHeader[language]], style: "header" },
    {
      at: cell(1, componentHeaderRow + 1),
      cells: componentKpis.map(([id, label]) => {
        const row = kpiRow.get(id) as number;
        const k = byId.get(id);
        return [
          (T[label] as Record<Language, string>)[language],
          f(`=${cell(3, row)}`, num(k?.own)),
          f(`=${cell(4, row)}`, num(k?.benchmark)),
        ];
      }),
      numberFormats: [null, "#,##0.00", "#,##0.00"],
      style: "body",
    },
  );
  const componentLast = componentHeaderRow + componentKpis.length;

  // Chart source: own cost per ICT category (doughnut), with the benchmark where the edition has one.
  const categoryHeaderRow = componentLast + 2;
  const ictCategories = CATEGORIES.filter((cat) => cat.component !== null).map((cat) => cat.code);
  const inhabitants = comparison.inhabitants;
  const benchYear = edition.bookYear;
  blocks.push(
    { at: cell(1, categoryHeaderRow), cells: [T.categoryHeader[language]], style: "header" },
    {
      at: cell(1, categoryHeaderRow + 1),
      cells: ictCategories.map((code: CategoryCode) => {
        const amount = t.categories[code] ?? 0;
        const own = inhabitants !== undefined && inhabitants > 0 ? amount / inhabitants : "";
        return [
          code,
          categoryLabel(code, language),
          f(
            `=IFERROR(IF(${B(ROW.inhabitants)}>0,${sumifs([c.final, formulaText(code)])}/${B(ROW.inhabitants)},""),"")`,
            own,
          ),
          num(benchmarkNumber(code, benchYear, edition.id)),
        ];
      }),
      numberFormats: [null, null, "#,##0.00", "#,##0.00"],
      style: "body",
    },
  );
  const categoryLast = categoryHeaderRow + ictCategories.length;

  if (comparison.issues.length > 0) {
    blocks.push(
      { at: cell(1, categoryLast + 2), cells: [[T.issues[language]]], style: "subtitle" },
      { at: cell(1, categoryLast + 3), cells: comparison.issues.map((i) => [i[language]]), style: "note" },
    );
  }

  return {
    role: "comparison",
    name,
    blocks,
    tables: [],
    charts: [
      {
        type: "columnClustered",
        title: T.chartComponents[language],
        data: range(1, componentHeaderRow, 3, componentLast),
        seriesBy: "columns",
        from: "L6",
        to: "S24",
      },
      {
        type: "doughnut",
        title: T.chartComposition[language],
        data: range(2, categoryHeaderRow, 3, categoryLast),
        seriesBy: "columns",
        from: "L26",
        to: "S48",
      },
    ],
    conditionalFormats: [
      {
        range: range(6, KPI_FIRST, 6, kpiLast),
        operator: "between",
        formula1: String(SIGNAL_THRESHOLD),
        formula2: "1E+100",
        fill: "#FFC7CE",
        fontColor: "#9C0006",
      },
      {
        range: range(6, KPI_FIRST, 6, kpiLast),
        operator: "between",
        formula1: "-1E+100",
        formula2: String(-SIGNAL_THRESHOLD),
        fill: "#C6EFCE",
        fontColor: "#006100",
      },
    ],
    validations: [],
    columnWidths: [44, 22, 14, 14, 14, 13, 22, 70, 50, 30],
  };
}
