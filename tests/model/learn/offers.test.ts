import fc from "fast-check";
import { classifyLedger, compileCategoriser } from "../../../src/model/categorise";
import { learnOffers, LearnInput, learntRule } from "../../../src/model/learn";
import { lineKeys } from "../../../src/model/lineKey";
import { CategoryCode, LedgerLine, UserRule } from "../../../src/model/types";

function line(row: number, description: string, supplier: string, account: string, amount = 100): LedgerLine {
  return {
    row,
    description,
    supplier,
    account,
    amount,
    year: 2022,
    costCentre: "",
    fte: null,
    category: null,
  };
}

/** Five lines of one supplier on one account, plus neighbours that share only one of the two. */
function ledger(): LedgerLine[] {
  return [
    line(2, "Abonnement jan", "Telecom Noord B.V.", "4510 Verbindingen", 1200),
    line(3, "Abonnement feb", "Telecom Noord B.V.", "4510 Verbindingen", 1250),
    line(4, "Abonnement mrt", "TELECOM  noord b.v.", "4510 verbindingen", 1300),
    line(5, "Abonnement apr", "Telecom Noord B.V.", "4510 Verbindingen ", 1100),
    line(6, "Abonnement mei", "Telecom Noord B.V.", "4510 Verbindingen", 1400),
    line(7, "Abonnement jun", "Telecom Noord B.V.", "4510 Verbindingen", 900),
    line(8, "Abonnement jan", "Telecom Noord B.V.", "4520 Kantoorartikelen", 80),
    line(9, "Abonnement jan", "Telecom Zuid B.V.", "4510 Verbindingen", 70),
  ];
}

function inputOf(lines: LedgerLine[], manual: Map<string, string>, rules: UserRule[] = []): LearnInput {
  const counted = classifyLedger(lines, { userRules: rules, manual });
  return {
    lines,
    sheets: lines.map(() => "Grootboek"),
    categories: counted.map((l) => l.category),
    manual,
    rules,
  };
}

function manualOn(lines: LedgerLine[], at: Record<number, CategoryCode>): Map<string, string> {
  const keys = lineKeys(lines);
  const m = new Map<string, string>();
  lines.forEach((l, i) => {
    if (at[l.row]) m.set(keys[i], at[l.row]);
  });
  return m;
}

describe("learning from a Handmatig code", () => {
  test("one code offers a rule for the five other lines with the same supplier and account, and nothing else", () => {
    const lines = ledger();
    const [offer, ...more] = learnOffers(inputOf(lines, manualOn(lines, { 2: "IN.ND" })));
    expect(more).toEqual([]);
    expect(offer.category).toBe("IN.ND");
    expect(offer.from).toMatchObject({ sheet: "Grootboek", row: 2, description: "Abonnement jan" });
    expect(offer.changes.map((l) => l.row)).toEqual([3, 4, 5, 6, 7]);
    expect(offer.rule).toEqual({
      pattern: "Telecom Noord B.V.",
      field: "supplierAccount",
      account: "4510 Verbindingen",
      category: "IN.ND",
      source: "Grootboek rij 2: Abonnement jan",
    });
  });

  test("the rule, once kept, gives those five lines the code and leaves the neighbours as they were", () => {
    const lines = ledger();
    const manual = manualOn(lines, { 2: "IN.ND" });
    const before = classifyLedger(lines, { manual });
    const rule = learnOffers(inputOf(lines, manual))[0].rule!;
    const after = classifyLedger(lines, { manual, userRules: [rule] });
    expect(after.map((l) => l.category)).toEqual([
      "IN.ND",
      "IN.ND",
      "IN.ND",
      "IN.ND",
      "IN.ND",
      "IN.ND",
      before[6].category,
      before[7].category,
    ]);
    expect(after[3].rule).toBe(
      "eigen regel 1: 'Telecom Noord B.V.' + '4510 Verbindingen' (leverancier + grootboekrekening)",
    );
    // Learnt: nothing left to offer.
    expect(learnOffers(inputOf(lines, manual, [rule]))).toEqual([]);
  });

  test("a Handmatig code typed on another line of the group is never overridden", () => {
    const lines = ledger();
    const manual = manualOn(lines, { 2: "IN.ND", 5: "IN.ND" });
    const offer = learnOffers(inputOf(lines, manual))[0];
    expect(offer.manual.map((l) => l.row)).toEqual([5]);
    expect(offer.changes.map((l) => l.row)).toEqual([3, 4, 6, 7]);
  });

  test("different codes within one group: nothing learnt, and it says why", () => {
    const lines = ledger();
    const offer = learnOffers(inputOf(lines, manualOn(lines, { 2: "IN.ND", 6: "SW.KA" })))[0];
    expect(offer.rule).toBeNull();
    expect(offer.disagreement?.nl).toContain("rij 2: IN.ND, 6: SW.KA");
    expect(offer.disagreement?.en).toContain("nothing was learnt");
  });

  test("a rule the controller wrote keeps its lines: reported as a conflict, not replaced", () => {
    const lines = ledger();
    const own: UserRule = { pattern: "abonnement feb", field: "description", category: "SW.KA" };
    const offer = learnOffers(inputOf(lines, manualOn(lines, { 2: "IN.ND" }), [own]))[0];
    expect(offer.conflicts.map((c) => [c.row, c.category, c.rule])).toEqual([
      [3, "SW.KA", "eigen regel 1: 'abonnement feb' (omschrijving)"],
    ]);
    expect(offer.changes.map((l) => l.row)).toEqual([4, 5, 6, 7]);
    expect(offer.rule).not.toBeNull();
  });

  test("an earlier learnt rule with another code is a conflict too: the controller decides on the Regels sheet", () => {
    const lines = ledger();
    const earlier = learntRule(lines[0], "Grootboek", "SW.KA", "nl");
    const offer = learnOffers(inputOf(lines, manualOn(lines, { 2: "IN.ND" }), [earlier]))[0];
    expect(offer.rule).toBeNull();
    expect(offer.changes).toEqual([]);
    expect(offer.conflicts.map((c) => c.row)).toEqual([3, 4, 5, 6, 7]);
  });

  test("no supplier: nothing to learn (the rule would hold for a whole account)", () => {
    const lines = [line(2, "Diversen", "", "4510"), line(3, "Diversen", "", "4510")];
    expect(learnOffers(inputOf(lines, manualOn(lines, { 2: "IN.ND" })))).toEqual([]);
  });

  test("the source says the line in English for an English workbook", () => {
    const lines = ledger();
    const offer = learnOffers(inputOf(lines, manualOn(lines, { 4: "IN.ND" })), "en")[0];
    expect(offer.rule?.source).toBe("Grootboek row 4: Abonnement mrt");
  });
});

describe("a learnt rule's reach (property)", () => {
  const words = fc.constantFrom("KPN", "kpn", "Telecom Noord", "Centric", "Yacht", "Ziggo", "  ", "");
  const accounts = fc.constantFrom("4510", "4510 Verbindingen", "4520", "", "Inhuur derden");
  const descriptions = fc.constantFrom(
    "Abonnement",
    "Microsoft 365 E3",
    "Inhuur informatiemanager",
    "Koffie",
    "",
  );
  const codes = fc.constantFrom<CategoryCode>("IN.ND", "SW.KA", "PE.IF", "XX.NI");
  const arbLine = fc
    .tuple(descriptions, words, accounts, fc.integer({ min: -1000, max: 1000 }))
    .map(([d, s, a, amount]) => ({ d, s, a, amount }));

  test("never changes a line whose supplier or account differs from the line it was learnt from", () => {
    fc.assert(
      fc.property(fc.array(arbLine, { minLength: 1, maxLength: 12 }), fc.nat(), codes, (raw, pick, code) => {
        const lines = raw.map((r, i) => line(i + 2, r.d, r.s, r.a, r.amount));
        const from = lines[pick % lines.length];
        const manual = manualOn(lines, { [from.row]: code });
        const input = inputOf(lines, manual);
        const offers = learnOffers(input);
        const norm = (x: string) => x.toLowerCase().replace(/\s+/g, " ").trim();
        for (const o of offers) {
          for (const changed of o.changes) {
            const l = lines[changed.row - 2];
            expect(norm(l.supplier)).toBe(norm(from.supplier));
            expect(norm(l.account)).toBe(norm(from.account));
          }
        }
        // And the rule itself, applied: lines of another supplier or account keep their category.
        const rules = offers.flatMap((o) => (o.rule ? [o.rule] : []));
        const before = classifyLedger(lines, { manual });
        const after = classifyLedger(lines, { manual, userRules: rules });
        lines.forEach((l, i) => {
          const sameGroup =
            norm(l.supplier) === norm(from.supplier) && norm(l.account) === norm(from.account);
          if (!sameGroup) expect(after[i].category).toBe(before[i].category);
        });
      }),
    );
  });

  test("compiled alone, a learnt rule matches exactly its supplier and account, whole", () => {
    const rule = learntRule(line(2, "x", "KPN B.V.", "4510"), "Grootboek", "IN.ND", "nl");
    const c = compileCategoriser([rule]);
    expect(c.classify({ description: "Koffie", supplier: " kpn  b.v. ", account: "4510" }).category).toBe(
      "IN.ND",
    );
    expect(
      c.classify({ description: "Koffie", supplier: "KPN B.V. Zakelijk", account: "4510" }).rule,
    ).not.toMatch(/eigen regel/);
    expect(c.classify({ description: "Koffie", supplier: "KPN B.V.", account: "45100" }).rule).not.toMatch(
      /eigen regel/,
    );
  });
});
