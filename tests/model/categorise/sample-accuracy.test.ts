import { classifyText } from "../../../src/model/categorise";
import { sampleMunicipality } from "../../../src/model/sample";

/**
 * The sample municipality was written by someone other than the rules' author, with the intended
 * category of every line: a second, larger check that the rules generalise beyond the dev ledger.
 */
describe("categoriser on the sample municipality Voorbeeldrade", () => {
  it("puts at least 95% of its lines in the intended category", () => {
    const { ledger } = sampleMunicipality();
    const hits = ledger.filter(
      (l) => classifyText(l.description, l.supplier, l.account).category === l.intendedCategory,
    ).length;
    const share = hits / ledger.length;
    console.log(`Voorbeeldrade: ${hits}/${ledger.length} = ${(share * 100).toFixed(1)}% categorie goed`);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });
});
