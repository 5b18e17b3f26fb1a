/**
 * The words of the ICT-vergelijking sheet, in Dutch and English: titles, notes, row labels, table
 * headers, signal words, chart titles, and each KPI unit's label and number format.
 */
import { Language } from "../../types";

export const T = {
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
  viaGr: {
    nl: "Waarvan via GR (Iv3 4.3.3, gemeenschappelijke regeling): telt mee",
    en: "Of which via a GR (Iv3 4.3.3, joint arrangement): counted",
  },
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

export const UNITS: Record<string, { label: Record<Language, string>; format: string }> = {
  eur_per_inhabitant: { label: { nl: "€ per inwoner", en: "€ per inhabitant" }, format: "#,##0.00" },
  fte_per_100k: {
    label: { nl: "fte per 100.000 inwoners", en: "fte per 100,000 inhabitants" },
    format: "#,##0.0",
  },
  share: { label: { nl: "aandeel", en: "share" }, format: "0.0%" },
  eur_per_fte: { label: { nl: "€ per fte", en: "€ per fte" }, format: "#,##0" },
};
