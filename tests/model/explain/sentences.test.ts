import { compare } from "../../../src/model/comparison";
import { explainKpi } from "../../../src/model/explain/drilldown";
import {
  deviationSentence,
  explainComponents,
  linesSentence,
  unclassifiedSentence,
} from "../../../src/model/explain/sentences";
import { explanationLayout } from "../../../src/model/layout/explanation";
import { isFormula } from "../../../src/model/layout/types";
import { CategorisedLine, CategoryCode } from "../../../src/model/types";
import { line as ledgerLine } from "../layout/helpers";

/** A counted line of the small ledger below (the layout tests' line factory, one supplier for all). */
function line(category: CategoryCode, amount: number, extra: Partial<CategorisedLine> = {}): CategorisedLine {
  return ledgerLine(category, "regel", amount, { supplier: "Leverancier BV", account: "", ...extra });
}

// 10,000 inhabitants. Software € 43 per inhabitant (report: € 36), infrastructure € 6 (report: € 17).
const LEDGER = [
  line("SW.PP", 250_000, { description: "Suite4 Sociaal Domein", supplier: "Centric" }),
  line("SW.PP", 50_000),
  line("SW.KA", 100_000, { viaGr: true }),
  line("SW.BV", 30_000),
  line("IN.WP", 60_000),
  line("PE.AU", 530_000),
  line("XX.OO", 10_000),
];
const comparison = compare(LEDGER, [{ year: 2022, inhabitants: 10_000 }], { year: 2022 });

describe("the toelichting's sentences", () => {
  it("says how far a component lies above the average and what drives it, in quotable Dutch and English", () => {
    const e = explainKpi("software_per_inhabitant", LEDGER, comparison);
    const s = deviationSentence(e, { nl: "Software", en: "Software" });
    expect(s.nl).toBe(
      "Software ligt € 7 per inwoner boven het gemiddelde (€ 43 tegen € 36), vooral door Primair proces (€ 30 per inwoner), Kantoorautomatisering (€ 10 per inwoner; gemiddeld € 6) en Bedrijfsvoering (€ 3 per inwoner).",
    );
    expect(s.en).toMatch(
      /^Software is €7 per inhabitant above the average \(€43 against €36\), mainly because of /,
    );
  });

  it("below the average names the largest items, not a cause", () => {
    const e = explainKpi("infrastructure_per_inhabitant", LEDGER, comparison);
    expect(deviationSentence(e, { nl: "Infrastructuur", en: "Infrastructure" }).nl).toBe(
      "Infrastructuur ligt € 11 per inwoner onder het gemiddelde (€ 6 tegen € 17); de grootste posten zijn Werkplek (€ 6 per inwoner).",
    );
  });

  it("names the biggest lines with supplier, amount and ledger row", () => {
    const e = explainKpi("software_per_inhabitant", LEDGER, comparison);
    expect(linesSentence(e, 3, 1)!.nl).toBe(
      `Grootste regels: “Suite4 Sociaal Domein” (Centric, € 250.000, rij ${LEDGER[0].row}).`,
    );
  });

  it("gives the unclassified money and the via-GR share", () => {
    expect(unclassifiedSentence(comparison).nl).toMatch(
      /^Nog te beoordelen \(XX\.OO\): € 10\.000 in 1 regel, 1,0% van/,
    );
    const software = explainComponents(LEDGER, comparison).find((p) => p.component === "software")!;
    expect(software.sentences.map((s) => s.nl)).toContainEqual(
      "Via een gemeenschappelijke regeling (Iv3 4.3.3): € 100.000 in 1 regel, 23,3% van deze kosten (telt mee in de categorieën).",
    );
  });
});

describe("the ICT-toelichting layout", () => {
  const layout = explanationLayout(comparison, explainComponents(LEDGER, comparison), {
    language: "nl",
    comparisonSheet: "ICT-vergelijking (2)",
  });

  it("watches the comparison sheet it was written beside, with the values it was written from", () => {
    const stale = layout.blocks.find((b) => b.at === "A3")!.cells[0][0];
    expect(isFormula(stale)).toBe(true);
    const formula = (stale as { formula: string }).formula;
    expect(formula).toContain("ABS('ICT-vergelijking (2)'!$B$14-430000.00)");
    expect(formula).toContain("ABS('ICT-vergelijking (2)'!$B$22-10000.00)");
    expect(formula).toContain("ABS('ICT-vergelijking (2)'!$B$8-10000.00)");
    expect(formula).toMatch(/^=IF\(ISERROR\(SUM\(/);
  });

  it("says whose text it is and when: the engine's at the last Compare", () => {
    expect(layout.blocks.find((b) => b.at === "A2")!.cells[0][0]).toMatch(
      /^Stand bij laatste Vergelijken: boekjaar 2022/,
    );
    expect(layout.role).toBe("explanation");
    expect(layout.name).toBe("ICT-toelichting");
  });
});
