/**
 * The Iv3 categorie as evidence (issue 11 item 2): by its parsed code, it says what kind of ICT
 * cost a line is once other evidence proves ICT (1.1 own staff, 3.5.1 hired, 7.3 depreciation),
 * never that a line is ICT; 4.3.3 (gemeenschappelijke regelingen) flags the line viaGr, which the
 * totals count apart while still counting it in its category.
 */
import { classifyLedger } from "../../../src/model/categorise";
import { summarise } from "../../../src/model/comparison";
import { LedgerLine } from "../../../src/model/types";

function line(fields: Partial<LedgerLine> & { description: string }): LedgerLine {
  return {
    row: 2,
    supplier: "",
    account: "",
    amount: 1000,
    year: 2023,
    costCentre: "",
    fte: null,
    category: null,
    taakveld: "0.4 Overhead",
    iv3Category: "",
    ...fields,
  };
}

const one = (fields: Partial<LedgerLine> & { description: string }) => classifyLedger([line(fields)])[0];

describe("Iv3 categorie as evidence", () => {
  test("3.5.1 Ingeleend personeel on an ICT cost centre: hired, and the explanation names the code", () => {
    const c = one({
      description: "Medewerker applicatiebeheer",
      costCentre: "ICT",
      iv3Category: "3.5.1 Ingeleend personeel",
    });
    expect(c.component).toBe("personnel");
    expect(c.staffing).toBe("hired");
    expect(c.rule).toContain("Iv3 3.5.1 Ingeleend personeel → inhuur");
    // Without the Iv3 categorie the words say nothing about own or hired.
    expect(one({ description: "Medewerker applicatiebeheer", costCentre: "ICT" }).staffing).toBeNull();
  });

  test("1.1 Salarissen en sociale lasten: own staff; by the code, also when the name is missing", () => {
    for (const iv3Category of ["1.1 Salarissen en sociale lasten", "1.1"]) {
      const c = one({ description: "Medewerker applicatiebeheer", costCentre: "ICT", iv3Category });
      expect(c.staffing).toBe("own");
      expect(c.rule).toMatch(/Iv3 1\.1 .*→ eigen personeel/);
    }
  });

  test("7.3 Afschrijvingen: depreciation of infrastructure", () => {
    const c = one({ description: "Laptops Dell", costCentre: "ICT", iv3Category: "7.3 Afschrijvingen" });
    expect(c.category).toBe("IN.WP");
    expect(c.nature).toBe("depreciation");
    expect(c.rule).toContain("Iv3 7.3 Afschrijvingen → afschrijving");
  });

  test("an Iv3 categorie never proves ICT on its own", () => {
    for (const iv3Category of [
      "1.1 Salarissen en sociale lasten",
      "3.5.1 Ingeleend personeel",
      "7.3 Afschrijvingen",
    ]) {
      expect(one({ description: "Medewerker", iv3Category }).component).toBeNull();
      expect(
        one({
          description: "Salarissen",
          costCentre: "Burgerzaken",
          taakveld: "0.2 Burgerzaken",
          iv3Category,
        }).category,
      ).toBe("XX.NI");
    }
  });

  test("the code counts, not the words: a name with no code behind it adds no staffing", () => {
    const c = one({ description: "Medewerker applicatiebeheer", costCentre: "ICT", iv3Category: "Inhuur" });
    expect(c.staffing).toBeNull();
  });

  test("taakveld other than 0.4 weighs against ICT by its code", () => {
    const c = one({ description: "Bijdrage", costCentre: "Gezondheid", taakveld: "Taakveld 7.1" });
    expect(c.category).toBe("XX.NI");
    expect(c.rule).toContain("taakveld Taakveld 7.1 (geen ICT)");
  });

  test("4.3.3 gemeenschappelijke regelingen: an ICT line is flagged viaGr and counted apart and in its category", () => {
    const lines = [
      line({
        description: "Bijdrage ICT-samenwerking: Microsoft 365 licenties",
        supplier: "Dienst Dommelvallei",
        iv3Category: "4.3.3 Gemeenschappelijke regelingen",
        amount: 5000,
      }),
      line({ description: "Microsoft 365 licenties", amount: 2000 }),
      line({
        description: "Bijdrage GGD",
        costCentre: "Gezondheid",
        taakveld: "7.1 Volksgezondheid",
        iv3Category: "4.3.3",
        amount: 9000,
      }),
      line({ description: "Microsoft 365 licenties", iv3Category: "4.3.2", amount: 700 }),
    ];
    const [gr, plain, ggd, toMunicipality] = classifyLedger(lines);
    expect(gr.category).toBe("SW.KA");
    expect(gr.viaGr).toBe(true);
    expect(gr.rule).toContain("via GR: Iv3 4.3.3");
    expect(plain.viaGr).toBe(false);
    expect(ggd.category).toBe("XX.NI");
    expect(ggd.viaGr).toBe(false);
    // 4.3.2 is a transfer to another municipality (CBS), not to a GR.
    expect(toMunicipality.viaGr).toBe(false);
    const totals = summarise([gr, plain, ggd, toMunicipality]);
    expect(totals.viaGr).toEqual({ lines: 1, amount: 5000 });
    expect(totals.categories["SW.KA"]).toBe(7700);
  });
});
