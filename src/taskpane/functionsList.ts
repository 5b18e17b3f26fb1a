/**
 * The ICTCOST custom functions as the "Functie invoegen" helper lists them: names and parameters as in the
 * functions metadata (src/functions/functions.ts JSDoc → functions.json), descriptions in English (JSDoc) and
 * Dutch (src/functions/locale-nl.json), and an example formula that Excel accepts as is (English argument
 * separators, as Range.formulas expects). tests/taskpane/functionsList.test.ts checks this list against the
 * golden metadata and the Dutch texts, so a changed function fails the tests until it is updated here.
 */
import { Bilingual } from "../model/types";

export const FUNCTION_NAMESPACE = "ICTCOST";

export interface FunctionInfo {
  name: string;
  parameters: { name: string; optional?: boolean }[];
  description: Bilingual;
  /** A complete formula with sample arguments, inserted into the active cell. */
  example: string;
}

export const FUNCTIONS: FunctionInfo[] = [
  {
    name: "PERINHABITANT",
    parameters: [
      { name: "amounts" },
      { name: "inhabitants" },
      { name: "criteria_range", optional: true },
      { name: "criterion", optional: true },
    ],
    description: {
      nl: "Som van bedragen per inwoner; desgewenst alleen de rijen waarvan de criteriumcel past bij een categoriecode, component of naam (zoals SOM.ALS). Tekst en lege cellen in bedragen tellen niet mee, net als bij SOM.",
      en: "Sum of amounts per inhabitant; optionally only the rows whose criteria cell matches a category code, component or label (like SUMIF). Text and blank cells in amounts are ignored, as SUM does.",
    },
    example: "=ICTCOST.PERINHABITANT(4770000,45000)",
  },
  {
    name: "PER100K",
    parameters: [{ name: "value" }, { name: "inhabitants" }],
    description: {
      nl: "Een waarde per 100.000 inwoners, zoals ICT-fte per 100.000 inwoners.",
      en: "A value per 100,000 inhabitants, such as ICT fte per 100,000 inhabitants.",
    },
    example: "=ICTCOST.PER100K(25,45000)",
  },
  {
    name: "BENCHMARK",
    parameters: [{ name: "kpi" }, { name: "year", optional: true }, { name: "edition", optional: true }],
    description: {
      nl: "De benchmarkwaarde van een KPI of categorie (ICT Benchmark Gemeenten, M&I/Partners).",
      en: "The benchmark value of a KPI or category (ICT Benchmark Gemeenten, M&I/Partners).",
    },
    example: '=ICTCOST.BENCHMARK("total_per_inhabitant")',
  },
  {
    name: "DIFFERENCE",
    parameters: [
      { name: "own" },
      { name: "kpi" },
      { name: "year", optional: true },
      { name: "as_percent", optional: true },
    ],
    description: {
      nl: "Eigen waarde min de benchmarkwaarde, in de eenheid van de KPI of als fractie van de benchmark.",
      en: "Own value minus the benchmark value, in the KPI's unit or as a fraction of the benchmark.",
    },
    example: '=ICTCOST.DIFFERENCE(112,"total_per_inhabitant")',
  },
  {
    name: "CATEGORY",
    parameters: [
      { name: "description" },
      { name: "supplier", optional: true },
      { name: "account", optional: true },
    ],
    description: {
      nl: "De TCO-categoriecode van kostenregels, op basis van omschrijving, leverancier en grootboekrekening. Geef hele kolommen: één aanroep geeft per rij een code (overloopbereik).",
      en: "The TCO category code of cost lines, from description, supplier and account. Give whole columns: one call spills one code per row.",
    },
    example: '=ICTCOST.CATEGORY("Licentie Microsoft 365","Microsoft")',
  },
  {
    name: "CATEGORYNAME",
    parameters: [{ name: "code" }, { name: "language", optional: true }],
    description: {
      nl: "De naam van een TCO-categorie, in het Nederlands of Engels.",
      en: "The name of a TCO category, in Dutch or English.",
    },
    example: '=ICTCOST.CATEGORYNAME("IN.WP")',
  },
  {
    name: "COMPONENT",
    parameters: [{ name: "code_or_description" }, { name: "language", optional: true }],
    description: {
      nl: "De component van een categoriecode, of van de omschrijving van een kostenregel (die eerst wordt gecategoriseerd): Software, Personeel of Infrastructuur.",
      en: "The component of a category code, or of a cost line's description (categorised first): Software, Personeel or Infrastructuur.",
    },
    example: '=ICTCOST.COMPONENT("SW.KA")',
  },
  {
    name: "SAAS",
    parameters: [{ name: "description" }, { name: "supplier", optional: true }],
    description: {
      nl: "Of software als SaaS of on-premise wordt geleverd, op basis van omschrijving en leverancier van de kostenregel.",
      en: "Whether software is delivered as SaaS or on-premise, from the cost line's description and supplier.",
    },
    example: '=ICTCOST.SAAS("Abonnement zaaksysteem")',
  },
  {
    name: "HIREDSHARE",
    parameters: [{ name: "hired_cost" }, { name: "total_personnel_cost" }],
    description: {
      nl: "Kosten van ingehuurd ICT-personeel als aandeel van alle ICT-personeelskosten.",
      en: "Hired personnel cost as a share of all ICT personnel cost.",
    },
    example: "=ICTCOST.HIREDSHARE(750000,2400000)",
  },
  {
    name: "COSTPERFTE",
    parameters: [{ name: "cost" }, { name: "fte" }],
    description: { nl: "Personeelskosten per fte.", en: "Personnel cost per fte." },
    example: "=ICTCOST.COSTPERFTE(1650000,20)",
  },
  {
    name: "INFLATE",
    parameters: [{ name: "amount" }, { name: "from_year" }, { name: "to_year" }],
    description: {
      nl: "Een bedrag in prijzen van een ander jaar, met de consumentenprijsindex van het CBS (jaarlijkse inflatie).",
      en: "An amount in prices of another year, with the CBS consumer price index (yearly inflation).",
    },
    example: "=ICTCOST.INFLATE(100000,2020,2022)",
  },
  {
    name: "CPI",
    parameters: [{ name: "year" }],
    description: {
      nl: "Jaarlijkse inflatie volgens het CBS (consumentenprijsindex, jaargemiddelde) als fractie.",
      en: "CBS yearly inflation (consumer price index, yearly average change) as a fraction.",
    },
    example: "=ICTCOST.CPI(2022)",
  },
  {
    name: "SAASEFFECT",
    parameters: [{ name: "saas_share_change" }],
    description: {
      nl: "Verwachte verandering van de softwarekosten per inwoner bij een verandering van het SaaS-aandeel (het SaaS-effect uit de benchmark: +10 procentpunt SaaS geeft iets meer dan +1 euro per inwoner).",
      en: "Expected change of software cost per inhabitant for a change of the SaaS share (the benchmark's SaaS effect: +10 percentage points SaaS, a little over +1 euro per inhabitant).",
    },
    example: "=ICTCOST.SAASEFFECT(0.1)",
  },
  {
    name: "BUDGETSHARE",
    parameters: [{ name: "ict_cost" }, { name: "total_budget" }],
    description: {
      nl: "ICT-kosten als aandeel van de totale begroting van de gemeente.",
      en: "ICT cost as a share of the municipality's total budget.",
    },
    example: "=ICTCOST.BUDGETSHARE(4770000,180000000)",
  },
  {
    name: "INDEXBUDGET",
    parameters: [
      { name: "budget" },
      { name: "from_year" },
      { name: "to_year" },
      { name: "real_growth", optional: true },
    ],
    description: {
      nl: "De ICT-begroting van volgende jaren: geïndexeerd met de CBS-inflatie (na het laatste CBS-jaar: de inflatie van dat jaar) plus de reële groei van de ICT-kosten uit de benchmark (0,64% per jaar: +10,7% kosten tegen 10,0% inflatie in 2022).",
      en: "Next years' ICT budget: indexed with CBS inflation (after CBS's last year: that year's inflation) plus the benchmark's real growth of ICT cost (0.64% a year: +10.7% cost against 10.0% inflation in 2022).",
    },
    example: "=ICTCOST.INDEXBUDGET(4770000,2024,2028)",
  },
];

/** "ICTCOST.BENCHMARK(kpi, [year], [edition])": optional parameters in brackets. */
export function syntax(fn: FunctionInfo): string {
  const params = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `${FUNCTION_NAMESPACE}.${fn.name}(${params.join(", ")})`;
}

/**
 * What the functions' errors mean, for the pane's function help. Excel shows a custom message only with
 * #VALUE! and #N/A (CustomFunctions.Error; Office's "Handle and return errors from your custom function"),
 * so #NUM! and #DIV/0! are explained here instead of in the cell.
 */
export const FUNCTION_ERRORS: Bilingual[] = [
  {
    nl: "#WAARDE! / #VALUE!: een argument is verkeerd (tekst waar een getal hoort, 0 inwoners, een jaar buiten de CBS-reeks bij INDEXBUDGET); wijs de cel aan voor de melding met het argument en wat u typte.",
    en: "#VALUE!: an argument is wrong (text where a number belongs, 0 inhabitants, …); hover the cell for the message naming the argument and what was typed.",
  },
  {
    nl: "#N/B / #N/A: geen cijfer bekend (een KPI of jaar dat de editie niet heeft; INFLATE en CPI noemen het jaar dat u typte en de jaren van CBS); de melding staat bij de cel.",
    en: "#N/A: no figure known (a KPI or year the edition lacks; INFLATE and CPI name the year you typed and CBS's years); the message is on the cell.",
  },
  {
    nl: "#DEEL/0! / #DIV/0!: een deler is 0 (HIREDSHARE, COSTPERFTE, BUDGETSHARE: geen personeelskosten, fte of begroting). Excel toont hierbij geen melding.",
    en: "#DIV/0!: a divisor is 0 (HIREDSHARE, COSTPERFTE, BUDGETSHARE: no personnel cost, fte or budget). Excel shows no message with it.",
  },
  {
    nl: "#GETAL! / #NUM!: de uitkomst is geen eindig getal (te groot). Excel toont hierbij geen melding.",
    en: "#NUM!: the result is not a finite number (too large). Excel shows no message with it.",
  },
  {
    nl: 'CATEGORY van een lege regel is "" — een losse lege cel net als een lege cel in een kolom.',
    en: 'CATEGORY of an empty line is "" — a single empty cell the same as an empty cell in a column.',
  },
];
