/** The KPIs of the workbook contract, in the order the comparison shows them. */
import { KpiDefinition, KpiId } from "./types";

export const KPI_IDS: readonly KpiDefinition[] = [
  {
    id: "total_per_inhabitant",
    label: { nl: "Totale ICT-kosten", en: "Total ICT cost" },
    unit: "eur_per_inhabitant",
    component: null,
  },
  {
    id: "software_per_inhabitant",
    label: { nl: "Software", en: "Software" },
    unit: "eur_per_inhabitant",
    component: "software",
  },
  {
    id: "personnel_per_inhabitant",
    label: { nl: "ICT-personeel", en: "ICT personnel" },
    unit: "eur_per_inhabitant",
    component: "personnel",
  },
  {
    id: "infrastructure_per_inhabitant",
    label: { nl: "Infrastructuur", en: "Infrastructure" },
    unit: "eur_per_inhabitant",
    component: "infrastructure",
  },
  {
    id: "office_automation_per_inhabitant",
    label: { nl: "Kantoorautomatisering", en: "Office automation" },
    unit: "eur_per_inhabitant",
    component: "software",
    category: "SW.KA",
  },
  {
    id: "hired_per_inhabitant",
    label: { nl: "Ingehuurd personeel", en: "Hired personnel" },
    unit: "eur_per_inhabitant",
    component: "personnel",
    staffing: "hired",
  },
  {
    id: "fte_per_100k",
    label: { nl: "ICT-fte per 100.000 inwoners", en: "ICT fte per 100,000 inhabitants" },
    unit: "fte_per_100k",
    component: "personnel",
  },
  {
    id: "hired_share",
    label: { nl: "Aandeel inhuur in personeelskosten", en: "Hired share of personnel cost" },
    unit: "share",
    component: "personnel",
    staffing: "hired",
  },
  {
    id: "cost_per_fte_own",
    label: { nl: "Kosten per fte eigen personeel", en: "Cost per fte, own staff" },
    unit: "eur_per_fte",
    component: "personnel",
    staffing: "own",
  },
  {
    id: "cost_per_fte_hired",
    label: { nl: "Kosten per fte inhuur", en: "Cost per fte, hired staff" },
    unit: "eur_per_fte",
    component: "personnel",
    staffing: "hired",
  },
  {
    id: "saas_share",
    label: { nl: "SaaS-aandeel in softwarekosten", en: "SaaS share of software cost" },
    unit: "share",
    component: "software",
    delivery: "saas",
  },
  {
    id: "ict_budget_share",
    label: { nl: "ICT-kosten als deel van de begroting", en: "ICT cost as share of the budget" },
    unit: "share",
    component: null,
  },
];

const BY_ID = new Map<string, KpiDefinition>(KPI_IDS.map((k) => [k.id, k]));

export function isKpiId(x: unknown): x is KpiId {
  return typeof x === "string" && BY_ID.has(x);
}

export function kpiDefinition(id: KpiId): KpiDefinition {
  return BY_ID.get(id) as KpiDefinition;
}
