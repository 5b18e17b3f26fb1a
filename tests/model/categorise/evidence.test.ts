/**
 * ICT only on evidence (issue 18): a line counts as ICT when a product, an ICT-only supplier, an
 * ICT account or cost centre, or an ICT job title says so; a word that only sounds like ICT or
 * names a policy domain never makes a line ICT on its own.
 */
import fc from "fast-check";
import {
  BUILTIN_RULES,
  classifyLedger,
  classifyText,
  compileCategoriser,
} from "../../../src/model/categorise";
import { LedgerLine } from "../../../src/model/types";

function line(fields: Partial<LedgerLine> & { description: string }): LedgerLine {
  return {
    row: 2,
    supplier: "",
    account: "",
    amount: 1000,
    year: 2024,
    costCentre: "",
    fte: null,
    category: null,
    taakveld: "",
    iv3Category: "",
    ...fields,
  };
}

const classify = (l: LedgerLine) => classifyLedger([l])[0];

/** Lines that are plainly not ICT, as a municipal ledger words them. */
const NON_ICT_DESCRIPTIONS = [
  "Huur kantoorpand Q2",
  "Catering raadsvergadering",
  "Onderhoud wegen en fietspaden",
  "Salarissen per. 5",
  "Inhuur medewerker balie",
  "Bijdrage veiligheidsregio",
  "Subsidie dorpshuis",
  "Advies herinrichting centrum",
  "Schoonmaak gemeentehuis",
  "Jeugdhulp ambulant",
];
const NON_ICT_ACCOUNTS = [
  "4.3.3.1 Huren en parkeren",
  "43100 Advieskosten",
  "41100 Salarissen",
  "4.4.3.1 Subsidies",
  "43800 Overige goederen en diensten",
  "44200 Bijdragen verbonden partijen",
];
const NON_ICT_COST_CENTRES = [
  "2210 Publiekszaken",
  "3110 Wmo & Zorg",
  "4150 Beheer Openbare Ruimte",
  "K150 Gemeentehuis en facilitair",
  "K410 Buitendienst",
];
const SUPPLIERS = ["", "Stichting Welzijn", "Bouwbedrijf Hof B.V.", "Yacht B.V.", "Randstad Nederland B.V."];
/** Words that sound like ICT or name a policy domain, but prove nothing. */
const ICT_SOUNDING = ["licentie", "data", "netwerk", "systeem", "platform", "Wmo"];

const ICT_COST_CENTRES = [
  "1410 ICT Infrastructuur & Werkplek",
  "K120 Informatievoorziening",
  "6130 Technisch beheer",
  "1415 Servicedesk",
  "1420 Functioneel Applicatiebeheer",
];
const SALARY_DESCRIPTIONS = ["Salarissen per. 3", "Salarissen", "Loonkosten periode 5", "Salaris per. 11"];

describe("ICT only on evidence", () => {
  test("adding an ICT-sounding word to a non-ICT line on a non-ICT account and cost centre never makes it ICT", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NON_ICT_DESCRIPTIONS),
        fc.constantFrom(...NON_ICT_ACCOUNTS),
        fc.constantFrom(...NON_ICT_COST_CENTRES),
        fc.constantFrom(...SUPPLIERS),
        fc.array(fc.constantFrom(...ICT_SOUNDING), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        (description, account, costCentre, supplier, added, at) => {
          const words = description.split(" ");
          const i = at % (words.length + 1);
          const sounding = [...words.slice(0, i), ...added, ...words.slice(i)].join(" ");
          const base = line({ description, supplier, account, costCentre });
          const withWords = line({ description: sounding, supplier, account, costCentre });
          expect(classify(base).component).toBeNull();
          expect(classify(withWords).component).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("removing the cost centre of an ICT salary line makes it te beoordelen (XX.OO), not non-ICT", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SALARY_DESCRIPTIONS),
        fc.constantFrom(...ICT_COST_CENTRES),
        fc.constantFrom("4.1.1.1 Salarissen en sociale lasten", "41100 Salarissen", "4010 Salarissen"),
        (description, costCentre, account) => {
          const withCentre = classify(line({ description, account, costCentre, taakveld: "0.4 Overhead" }));
          expect(withCentre.component).toBe("personnel");
          expect(withCentre.staffing).toBe("own");
          const without = classify(line({ description, account, taakveld: "0.4 Overhead" }));
          expect(without.category).toBe("XX.OO");
          expect(without.confidence).toBe(0);
        },
      ),
    );
  });

  test("salaries on a non-ICT cost centre are not ICT", () => {
    const c = classify(
      line({
        description: "Salarissen per. 3",
        account: "41100 Salarissen",
        costCentre: "K200 Publiekszaken",
      }),
    );
    expect(c.category).toBe("XX.NI");
    expect(c.rule).toContain("kostenplaats K200 Publiekszaken");
  });

  test("a staffing agency says hired, not ICT: the cost centre or the job title decides", () => {
    const desk = classify(
      line({
        description: "Uitzendkracht servicedesk 1e lijn",
        supplier: "Tempo-Team Uitzenddiensten B.V.",
        account: "Uitzendkrachten",
        costCentre: "6130 Technisch beheer",
      }),
    );
    expect([desk.category, desk.staffing]).toEqual(["PE.AU", "hired"]);
    expect(desk.rule).toBe(
      "kostenplaats 6130 Technisch beheer + omschrijving: 'servicedesk' → Automatisering, inhuur: Tempo Team",
    );
    const counter = classify(
      line({
        description: "Uitzendkracht balie",
        supplier: "Tempo-Team Uitzenddiensten B.V.",
        account: "Uitzendkrachten",
        costCentre: "2210 Publiekszaken",
      }),
    );
    expect(counter.category).toBe("XX.NI");
    expect(classifyText("Inhuur medewerker", "Yacht B.V.").category).toBe("XX.OO");
  });

  test("a policy-domain word chooses the application only for a line that is already ICT", () => {
    expect(classifyText("Advies Wmo-beleid").component).toBeNull();
    expect(classifyText("Wmo", "", "Licenties software").category).toBe("SW.PP");
    expect(classifyText("Bijdrage belastingen", "", "Bijdragen verbonden partijen").component).toBeNull();
    expect(classifyText("Belastingapplicatie onderhoud", "", "").category).toBe("SW.PP");
  });

  test("without context columns, the account and supplier still count (ICTCOST.CATEGORY)", () => {
    expect(classifyText("Jaarbedrag", "", "Licenties software").component).toBe("software");
    expect(classifyText("Factuur 2024-118", "Centric Netherlands B.V.").component).toBe("software");
    expect(classifyText("Factuur 2024-118", "Bouwbedrijf Hof B.V.").category).toBe("XX.OO");
    expect(classifyText("Vervanging laptops").category).toBe("IN.WP");
  });

  test("without ICT proof but with ICT-sounding words: te beoordelen, with the two best candidates", () => {
    const c = classifyText("Licentie en netwerk");
    expect(c.category).toBe("XX.OO");
    expect(c.confidence).toBe(0);
    expect(c.rule).toMatch(/^te beoordelen: geen bewijs dat dit ICT is; kandidaten: .+ of .+/);
  });

  test("a taakveld other than overhead weighs against ICT; 0.4 Overhead does not", () => {
    const cat = compileCategoriser();
    const base = { description: "Onderhoud", supplier: "", account: "", costCentre: "" };
    expect(cat.classify({ ...base, taakveld: "2.1 Verkeer en vervoer" }).category).toBe("XX.NI");
    expect(cat.classify({ ...base, taakveld: "0.4 Overhead" }).category).toBe("XX.OO");
  });

  test("confidence: strong unopposed evidence is surer than evidence contested by the cost centre", () => {
    const sure = classify(
      line({ description: "Microsoft 365 E3 licenties", costCentre: "K120 Informatievoorziening" }),
    );
    const contested = classify(
      line({ description: "Microsoft 365 E3 licenties", costCentre: "K410 Buitendienst" }),
    );
    expect(sure.category).toBe("SW.KA");
    expect(contested.category).toBe("SW.KA");
    expect(contested.confidence).toBeLessThan(sure.confidence);
  });

  test("cost-type names (kostensoorten) as lines: plain ICT ones are ICT, plain others are not", () => {
    expect(classifyText("Aanschaf hardware").category).toBe("IN.WP");
    expect(classifyText("Spraak- en dataverbindingen").component).toBe("infrastructure");
    expect(classifyText("Telefoonkosten").category).toBe("IN.SB");
    expect(classifyText("Huur gebouwen").category).toBe("XX.NI");
    expect(classifyText("Kantoormeubilair").category).toBe("XX.NI");
    const ict = classifyText("ICT-kosten");
    expect(ict.category).toBe("XX.OO");
    expect(ict.rule).toBe("te beoordelen: ICT (omschrijving: 'ICT'), maar welke categorie?");
  });

  test("the Iv3 categorie weighs in: 'Ingeleend personeel' says hired", () => {
    const c = classify(
      line({
        description: "Ondersteuning servicedesk Q3",
        costCentre: "K120 Informatievoorziening",
        taakveld: "0.4 Overhead",
        iv3Category: "3.5.1 Ingeleend personeel",
      }),
    );
    expect([c.category, c.staffing]).toEqual(["PE.AU", "hired"]);
  });

  test("every piece of built-in knowledge says why, for the controller", () => {
    for (const rule of BUILTIN_RULES) expect(rule.why?.length ?? 0).toBeGreaterThan(5);
  });
});
