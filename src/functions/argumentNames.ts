/**
 * The argument names the ICTCOST functions use in their error messages, in Dutch and English
 * ("Inwoners moet een getal zijn" / "Inhabitants must be a number").
 */
import { Bilingual } from "../model/types";

export const ARG = {
  amounts: { nl: "Bedragen", en: "Amounts" },
  inhabitants: { nl: "Inwoners", en: "Inhabitants" },
  criteriaRange: { nl: "Criteriumbereik", en: "Criteria range" },
  criterion: { nl: "Criterium", en: "Criterion" },
  value: { nl: "Waarde", en: "Value" },
  kpi: { nl: "KPI", en: "KPI" },
  year: { nl: "Jaar", en: "Year" },
  fromYear: { nl: "Van jaar", en: "From year" },
  toYear: { nl: "Naar jaar", en: "To year" },
  edition: { nl: "Editie", en: "Edition" },
  own: { nl: "Eigen waarde", en: "Own value" },
  asPercent: { nl: "Als_percentage", en: "As_percent" },
  description: { nl: "Omschrijving", en: "Description" },
  supplier: { nl: "Leverancier", en: "Supplier" },
  account: { nl: "Grootboekrekening", en: "Account" },
  code: { nl: "Code", en: "Code" },
  hired: { nl: "Inhuurkosten", en: "Hired cost" },
  personnel: { nl: "Personeelskosten", en: "Personnel cost" },
  cost: { nl: "Kosten", en: "Cost" },
  fte: { nl: "Fte", en: "Fte" },
  amount: { nl: "Bedrag", en: "Amount" },
  saasChange: { nl: "Verandering SaaS-aandeel", en: "SaaS share change" },
  ictCost: { nl: "ICT-kosten", en: "ICT cost" },
  budget: { nl: "Totale begroting", en: "Total budget" },
  ictBudget: { nl: "Begroting", en: "Budget" },
  realGrowth: { nl: "Reële groei", en: "Real growth" },
} satisfies Record<string, Bilingual>;
