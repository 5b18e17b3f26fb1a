/**
 * The toelichting in words a council paper can quote: per component the deviation from the benchmark in
 * euro per inhabitant and what drives it, the biggest lines, and the money that is unclassified or paid
 * through a gemeenschappelijke regeling. Dutch and English built side by side, from the drill-down.
 */
import { KpiId } from "../benchmark";
import { Comparison } from "../comparison";
import { formatEuro, formatNumber, formatPercent } from "../format";
import { componentOf } from "../taxonomy";
import { Bilingual, CategorisedLine, Component, Language } from "../types";
import { ExplainedCategory, ExplainedLine, explainKpi, KpiExplanation, linesOfYear } from "./drilldown";

export const COMPONENT_KPIS: Record<Component, KpiId> = {
  software: "software_per_inhabitant",
  personnel: "personnel_per_inhabitant",
  infrastructure: "infrastructure_per_inhabitant",
};

const NAMES: Record<Component | "total", Bilingual> = {
  software: { nl: "Software", en: "Software" },
  personnel: { nl: "ICT-personeel", en: "ICT personnel" },
  infrastructure: { nl: "Infrastructuur", en: "Infrastructure" },
  total: { nl: "Het totaal aan ICT-kosten", en: "Total ICT cost" },
};

/** One decimal under € 10 where rounding would hide it (as the verdicts do), else whole euros. */
function euro(v: number, lang: Language): string {
  const decimals = Math.abs(v) < 10 && Math.round(Math.abs(v) * 10) % 10 !== 0 ? 1 : 0;
  return formatEuro(v, lang, decimals);
}

const both = (f: (lang: Language) => string): Bilingual => ({ nl: f("nl"), en: f("en") });

/** "A, B en C" / "A, B and C". */
function list(items: string[], lang: Language): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "nl" ? "en" : "and"} ${items[items.length - 1]}`;
}

function categoryPhrase(c: ExplainedCategory, lang: Language): string {
  const per = c.perInhabitant === null ? euro(c.amount, lang) : euro(c.perInhabitant, lang);
  const unit = c.perInhabitant === null ? "" : lang === "nl" ? " per inwoner" : " per inhabitant";
  const bench =
    c.benchmark === null
      ? ""
      : lang === "nl"
        ? `; gemiddeld ${euro(c.benchmark, lang)}`
        : `; average ${euro(c.benchmark, lang)}`;
  return `${c.label[lang]} (${per}${unit}${bench})`;
}

function linePhrase(l: ExplainedLine, lang: Language): string {
  const who = l.supplier ? `${l.supplier}, ` : "";
  return `“${l.description}” (${who}${formatEuro(l.amount, lang)}, ${lang === "nl" ? "rij" : "row"} ${l.row})`;
}

/**
 * "Software ligt € 8 per inwoner boven het gemiddelde (€ 44 tegen € 36), vooral door …". Above the
 * average the biggest categories are what drives it; below or level they are only named as the largest.
 */
export function deviationSentence(e: KpiExplanation, name: Bilingual, topCategories = 3): Bilingual {
  const k = e.kpi;
  const cats = e.categories.slice(0, topCategories);
  return both((lang) => {
    const nl = lang === "nl";
    if (k.own === null)
      return `${name[lang]}: ${nl ? "niet te berekenen" : "cannot be computed"}. ${k.ownError?.message[lang] ?? ""}`.trim();
    if (k.benchmark === null || k.difference === null)
      return `${name[lang]}: ${euro(k.own, lang)} ${nl ? "per inwoner; de benchmark geeft hiervoor geen cijfer" : "per inhabitant; the benchmark gives no figure for this"}.`;
    const d = k.difference;
    const pair = `(${euro(k.own, lang)} ${nl ? "tegen" : "against"} ${euro(k.benchmark, lang)})`;
    const named = list(
      cats.map((c) => categoryPhrase(c, lang)),
      lang,
    );
    if (Math.abs(d) < 0.5) {
      const head = nl
        ? `${name.nl} ligt op het gemiddelde ${pair}`
        : `${name.en} is in line with the average ${pair}`;
      return cats.length
        ? `${head}; ${nl ? "de grootste posten zijn" : "the largest items are"} ${named}.`
        : `${head}.`;
    }
    const side = d > 0 ? (nl ? "boven" : "above") : nl ? "onder" : "below";
    const head = nl
      ? `${name.nl} ligt ${euro(Math.abs(d), "nl")} per inwoner ${side} het gemiddelde ${pair}`
      : `${name.en} is ${euro(Math.abs(d), "en")} per inhabitant ${side} the average ${pair}`;
    if (!cats.length) return `${head}.`;
    return d > 0
      ? `${head}, ${nl ? "vooral door" : "mainly because of"} ${named}.`
      : `${head}; ${nl ? "de grootste posten zijn" : "the largest items are"} ${named}.`;
  });
}

/** "Grootste regels: “…” (Centric, € 123.456, rij 12); …" over the top categories. */
export function linesSentence(e: KpiExplanation, topCategories = 3, topLines = 3): Bilingual | null {
  const lines = e.categories
    .slice(0, topCategories)
    .flatMap((c) => c.top)
    .sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount) || a.row - b.row)
    .slice(0, topLines);
  if (!lines.length) return null;
  return both(
    (lang) =>
      `${lang === "nl" ? "Grootste regels" : "Biggest lines"}: ${lines.map((l) => linePhrase(l, lang)).join("; ")}.`,
  );
}

/** The share of a component paid through a gemeenschappelijke regeling (Iv3 4.3.3), when there is any. */
export function viaGrSentence(
  counted: readonly CategorisedLine[],
  comparison: Comparison,
  component: Component | "total",
): Bilingual | null {
  const lines = linesOfYear(counted, comparison.year).filter((l) => {
    const c = componentOf(l.category);
    return l.viaGr === true && c !== null && (component === "total" || c === component);
  });
  const amount = lines.reduce((s, l) => s + (Number.isFinite(l.amount) ? l.amount : 0), 0);
  const whole = component === "total" ? comparison.totals.total : comparison.totals.components[component];
  if (lines.length === 0 || whole === 0) return null;
  return both((lang) =>
    lang === "nl"
      ? `Via een gemeenschappelijke regeling (Iv3 4.3.3): ${formatEuro(amount, "nl")} in ${formatNumber(lines.length, "nl")} ${lines.length === 1 ? "regel" : "regels"}, ${formatPercent(amount / whole, "nl", 1)} van deze kosten (telt mee in de categorieën).`
      : `Through a gemeenschappelijke regeling (Iv3 4.3.3): ${formatEuro(amount, "en")} in ${formatNumber(lines.length, "en")} ${lines.length === 1 ? "line" : "lines"}, ${formatPercent(amount / whole, "en", 1)} of this cost (counted in the categories).`,
  );
}

/** What is not yet classified (te beoordelen, XX.OO), as a share of ICT plus unclassified money. */
export function unclassifiedSentence(comparison: Comparison): Bilingual {
  const u = comparison.totals.unclassified;
  const whole = comparison.totals.total + u.amount;
  if (u.lines === 0)
    return {
      nl: "Alle kostenregels zijn ingedeeld: niets is nog te beoordelen.",
      en: "Every cost line is classified: nothing is left to review.",
    };
  const share = whole === 0 ? 0 : u.amount / whole;
  // A share that rounds to 0,0% is still money to review: say "less than 0.1%".
  const pct = (lang: Language) =>
    share > 0 && share < 0.0005
      ? `${lang === "nl" ? "minder dan" : "less than"} ${formatPercent(0.001, lang, 1)}`
      : formatPercent(share, lang, 1);
  return both((lang) =>
    lang === "nl"
      ? `Nog te beoordelen (XX.OO): ${formatEuro(u.amount, "nl")} in ${formatNumber(u.lines, "nl")} ${u.lines === 1 ? "regel" : "regels"}, ${pct("nl")} van de ICT-kosten samen met dit bedrag; telt niet mee tot een code in de kolom Handmatig staat.`
      : `Still to review (XX.OO): ${formatEuro(u.amount, "en")} in ${formatNumber(u.lines, "en")} ${u.lines === 1 ? "line" : "lines"}, ${pct("en")} of ICT cost together with this amount; not counted until a code is typed in the Manual column.`,
  );
}

/** The toelichting of one component or of the total: its drill-down and its sentences. */
export interface ComponentExplanation {
  component: Component | "total";
  name: Bilingual;
  explanation: KpiExplanation;
  sentences: Bilingual[];
}

/** Per component (and the total first): the deviation, the biggest lines, the via-GR share. */
export function explainComponents(
  counted: readonly CategorisedLine[],
  comparison: Comparison,
): ComponentExplanation[] {
  const total = explainKpi("total_per_inhabitant", counted, comparison, { topLines: 3 });
  const out: ComponentExplanation[] = [
    {
      component: "total",
      name: NAMES.total,
      explanation: total,
      sentences: [
        deviationSentence(total, NAMES.total),
        unclassifiedSentence(comparison),
        viaGrSentence(counted, comparison, "total"),
      ].filter((s): s is Bilingual => s !== null),
    },
  ];
  for (const component of ["software", "personnel", "infrastructure"] as const) {
    const e = explainKpi(COMPONENT_KPIS[component], counted, comparison, { topLines: 3 });
    const sentences = [
      deviationSentence(e, NAMES[component]),
      linesSentence(e),
      viaGrSentence(counted, comparison, component),
    ];
    out.push({
      component,
      name: NAMES[component],
      explanation: e,
      sentences: sentences.filter((s): s is Bilingual => s !== null),
    });
  }
  return out;
}
