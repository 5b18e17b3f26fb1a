import { createHash } from "crypto";
import { canonicalText, fingerprint, FingerprintInput } from "../../../src/model/audit/fingerprint";
import { sha256Hex } from "../../../src/model/audit/sha256";
import { componentOf } from "../../../src/model/taxonomy";
import { CategorisedLine, CategoryCode } from "../../../src/model/types";

const node = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex: the one SHA-256 both faces use", () => {
  it("equals node:crypto on the padding edges, non-ASCII text and a large input", () => {
    const texts = [
      "",
      "abc",
      "é€💶 — Gemeente 's-Hertogenbosch",
      ...[55, 56, 57, 63, 64, 65, 119, 120, 128].map((n) => "x".repeat(n)),
      Array.from({ length: 20_000 }, (_, i) => `regel ${i};€ ${i * 3.7}`).join("\n"),
    ];
    for (const t of texts) expect([t.length, sha256Hex(t)]).toEqual([t.length, node(t)]);
  });

  it("gives FIPS 180-4's digest of 'abc'", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

function line(row: number, category: CategoryCode, amount: number): CategorisedLine {
  return {
    row,
    description: `regel ${row}`,
    supplier: "Centric",
    account: "4420",
    amount,
    year: 2022,
    costCentre: "",
    fte: null,
    category,
    component: componentOf(category),
    delivery: null,
    staffing: null,
    nature: null,
    rule: `rule ${row}`,
    confidence: 0.8,
  };
}

const INPUT: FingerprintInput = {
  year: 2022,
  edition: "ict-benchmark-gemeenten-2023",
  figures: { municipality: "Voorbeeldrade", year: 2022, inhabitants: 45_000, budget: 180_000_000 },
  lines: [line(2, "SW.PP", 1000.1), line(3, "IN.WP", 250)],
};

describe("fingerprint: what the KPIs are computed from, and nothing else", () => {
  it("is the same for the same input, whatever the run", () => {
    const copy: FingerprintInput = JSON.parse(JSON.stringify(INPUT));
    expect(fingerprint(copy)).toBe(fingerprint(INPUT));
    expect(fingerprint(INPUT)).toBe(`sha256:${node(canonicalText(INPUT))}`);
    // The rule text and confidence explain a line; they are not what the KPI sums.
    const reasons = { ...INPUT, lines: INPUT.lines.map((l) => ({ ...l, rule: "other", confidence: 1 })) };
    expect(fingerprint(reasons)).toBe(fingerprint(INPUT));
  });

  it("changes with a cent, a category, a line's order, a key figure or the edition", () => {
    const base = fingerprint(INPUT);
    const variants: FingerprintInput[] = [
      { ...INPUT, lines: [line(2, "SW.PP", 1000.11), INPUT.lines[1]] },
      { ...INPUT, lines: [line(2, "SW.BV", 1000.1), INPUT.lines[1]] },
      { ...INPUT, lines: [...INPUT.lines].reverse() },
      { ...INPUT, figures: { ...INPUT.figures, inhabitants: 45_001 } },
      { ...INPUT, edition: "other" },
    ];
    const prints = variants.map(fingerprint);
    expect(new Set([base, ...prints]).size).toBe(prints.length + 1);
  });

  it("counts amounts in whole cents, so float noise below a cent does not change it", () => {
    const noisy = { ...INPUT, lines: [line(2, "SW.PP", 1000.1 + 1e-9), INPUT.lines[1]] };
    expect(fingerprint(noisy)).toBe(fingerprint(INPUT));
  });
});
