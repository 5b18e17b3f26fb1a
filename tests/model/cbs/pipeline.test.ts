/**
 * The pipeline step withCbsFigures over a plain workbook, as both faces run it: a workbook whose key
 * figures hold only "Gemeente Zwolle" and "Boekjaar 2023" gets every per-inhabitant KPI and the budget
 * share; what the user typed always wins; what CBS cannot place is asked.
 */
import {
  cbsOverhead,
  categorise,
  compareYear,
  findInputs,
  overheadSection,
  withCbsFigures,
} from "../../../src/model/pipeline";
import { mergerData } from "./mergerData";
import { overheadLayout } from "../../../src/model/layout/comparison/overhead";
import { keyFiguresAndLedger } from "./workbooks";
import { Grid } from "../../../src/model/types";

const book = (keyFigures: Grid) => keyFiguresAndLedger(keyFigures);

function run(keyFigures: Grid, gemeente?: string, year = 2023) {
  const found = findInputs(book(keyFigures), undefined);
  const { inputs, cbs } = withCbsFigures(found, { year, ...(gemeente ? { gemeente } : {}) });
  const comparison = compareYear(categorise(inputs).counted, inputs, year, { language: "nl" });
  return { found, inputs, cbs, comparison };
}

const kpi = (c: ReturnType<typeof run>["comparison"], id: string) => c.kpis.find((k) => k.id === id)?.own;

describe("a workbook with only 'Gemeente Zwolle' and 'Boekjaar 2023'", () => {
  const r = run([
    ["Gemeente", "Gemeente Zwolle"],
    ["Boekjaar", 2023],
  ]);

  it("gets inhabitants and budget from CBS, each with its year and source", () => {
    expect(r.cbs.used.inhabitants).toEqual({
      value: 132411,
      year: 2023,
      source: "CBS, gemeenteklassen 2023",
    });
    expect(r.cbs.used.budget).toMatchObject({ value: 706_477_000, year: 2023, document: "jaarrekening" });
    expect(r.cbs.used.municipality).toBeUndefined(); // the user named it
    expect(r.cbs.notes).toEqual([]);
  });

  it("gives every per-inhabitant KPI and the ICT budget share", () => {
    const total = r.comparison.totals.total;
    expect(r.comparison.inhabitants).toBe(132411);
    expect(kpi(r.comparison, "total_per_inhabitant")).toBeCloseTo(total / 132411, 9);
    expect(typeof kpi(r.comparison, "software_per_inhabitant")).toBe("number");
    expect(typeof kpi(r.comparison, "personnel_per_inhabitant")).toBe("number");
    expect(kpi(r.comparison, "ict_budget_share")).toBeCloseTo(total / 706_477_000, 12);
  });

  it("adds the overhead context with the comparison's ICT cost", () => {
    const o = cbsOverhead(r.cbs, r.comparison)!;
    expect(o.overhead).toBe(57_683_000);
    expect(o.kpis.ict_overhead_share).toBeCloseTo(r.comparison.totals.total / 57_683_000, 12);
  });

  it("leaves the read key figures as they were (the fill is on a copy)", () => {
    expect(r.found.figures[0].inhabitants).toBeUndefined();
  });
});

describe("never overwrite", () => {
  it("a typed figure wins; more than 2% away from CBS it is shown beside CBS's", () => {
    const r = run([
      ["Gemeente", "Zwolle"],
      ["Boekjaar", 2023],
      ["Inwoners", 120000],
      ["Totale begroting", 710_000_000],
    ]);
    expect(r.comparison.inhabitants).toBe(120000);
    expect(r.cbs.used).toEqual({});
    expect(r.cbs.differences.map((d) => d.field)).toEqual(["inhabitants"]); // budget within 2%
    expect(r.cbs.notes[0].nl).toBe(
      "Inwoners: u 120.000, CBS 2023: 132.411 (-9,4%); uw cijfer geldt. Bron: CBS, gemeenteklassen 2023.",
    );
  });

  it("fills only what is empty: inhabitants typed, budget from CBS", () => {
    const r = run([
      ["Gemeente", "Zwolle"],
      ["Boekjaar", 2023],
      ["Inwoners", 132000],
    ]);
    expect(r.cbs.used.inhabitants).toBeUndefined();
    expect(r.cbs.used.budget?.value).toBe(706_477_000);
    expect(r.cbs.differences).toEqual([]);
  });
});

describe("the municipality named outside the workbook (--gemeente, the pane)", () => {
  it("fills a workbook without key figures, the name included", () => {
    const r = run([["Toelichting", "geen kerngegevens"]], "Den Haag");
    expect(r.cbs.asked).toEqual({ name: "Den Haag", from: "option" });
    expect(r.cbs.used.municipality).toBe("'s-Gravenhage");
    expect(r.comparison.municipality).toBe("'s-Gravenhage");
    expect(r.comparison.inhabitants).toBe(562839);
  });

  it("wins over the key figures' name, and says so", () => {
    const r = run([["Gemeente", "Kampen"]], "Zwolle");
    expect(r.cbs.used.inhabitants?.value).toBe(132411);
    expect(r.cbs.notes[0].nl).toBe(
      "De kerngegevens noemen 'Kampen', gevraagd is Zwolle: de CBS-cijfers zijn die van Zwolle.",
    );
  });
});

describe("edge cases: asked, never guessed", () => {
  it("Bergen: nothing filled, the candidates named", () => {
    const r = run([["Gemeente", "Bergen"]]);
    expect(r.cbs.lookup?.kind).toBe("ambiguous");
    expect(r.cbs.used).toEqual({});
    expect(r.comparison.inhabitants).toBeUndefined();
    expect(r.cbs.notes[0].nl).toContain("Bergen (L.) of Bergen (NH.)");
  });

  it("Nederland is not a municipality", () => {
    const r = run([["Gemeente", "Nederland"]]);
    expect(r.cbs.lookup?.kind).toBe("notMunicipality");
    expect(r.cbs.notes[0].nl).toMatch(/^'Nederland' is geen gemeente/);
    expect(r.cbs.notes[0].en).toMatch(/^'Nederland' is not a municipality/);
  });

  it("a name CBS does not know is no news when the user gave every figure", () => {
    const r = run([
      ["Gemeente", "Voorbeeldrade"],
      ["Inwoners", 61000],
      ["Totale begroting", 250_000_000],
    ]);
    expect(r.cbs.lookup?.kind).toBe("unknown");
    expect(r.cbs.notes).toEqual([]);
  });

  it("a book year outside CBS's years: inhabitants of the nearest year, said; no budget", () => {
    const r = run([["Gemeente", "Zwolle"]], undefined, 2022);
    expect(r.cbs.used.inhabitants).toMatchObject({ value: 132411, year: 2023 });
    expect(r.cbs.used.budget).toBeUndefined();
    expect(r.cbs.notes.map((n) => n.nl)).toEqual([
      "CBS heeft geen inwonertal van Zwolle voor 2022 (wel 2023–2025): het aantal inwoners is dat van 2023.",
      "CBS heeft geen begroting of jaarrekening over 2022 (wel over 2023–2025): vul de totale begroting zelf in.",
    ]);
  });
});

describe("edge cases of item 5, each with a clear message", () => {
  const merged = mergerData();

  it("a municipality CBS lacks for the book year (merged): nothing filled, the years CBS has said", () => {
    const found = findInputs(book([["Gemeente", "Oudstad"]]), undefined);
    const { cbs } = withCbsFigures(found, { year: 2024, data: merged });
    expect(cbs.lookup?.kind).toBe("notInYear");
    expect(cbs.used).toEqual({});
    expect(cbs.notes.map((n) => n.nl)).toEqual([
      "CBS heeft Oudstad niet in 2024 (wel in 2023): een samengevoegde of nieuwe gemeente. Vul inwoners en begroting zelf in.",
    ]);
    expect(cbs.notes[0].en).toContain("CBS does not have Oudstad in 2024 (it does in 2023)");
    expect(overheadSection(cbs, undefined)).toEqual({
      absent: {
        nl: `Overhead in context: niet getoond — ${cbs.notes[0].nl}`,
        en: `Overhead in context: not shown — ${cbs.notes[0].en}`,
      },
    });
  });

  it("a book year outside CBS's years: the overhead of the nearest year, said, and no ICT share", () => {
    const r = run([["Gemeente", "Zwolle"]], undefined, 2022);
    const o = cbsOverhead(r.cbs, r.comparison)!;
    expect(o.year).toBe(2023);
    expect(o.kpis.ict_overhead_share).toBeNull();
    expect(o.notes[0].nl).toBe(
      "CBS heeft geen Iv3-cijfers over 2022: de overhead is die van de jaarrekening 2023; het ICT-aandeel in de overhead is daarom niet berekend.",
    );
    const { blocks } = overheadLayout({ context: o }, "nl", 100);
    const share = blocks.find((b) => b.cells[0]?.[8] === "ict_overhead_share")!.cells[0];
    expect([share[2], share[7]]).toEqual([
      "",
      "niet berekend: de overhead is niet van het boekjaar; CBS, Iv3 jaarrekening 2023",
    ]);
    expect(blocks.some((b) => b.cells.some((c) => c[0] === o.notes[0].nl))).toBe(true);
  });

  it("a key figure more than 2% from CBS's: the user's figure is used, both shown with CBS's year", () => {
    const r = run([
      ["Gemeente", "Zwolle"],
      ["Boekjaar", 2023],
      ["Inwoners", 140000],
    ]);
    expect(r.comparison.inhabitants).toBe(140000);
    expect(r.cbs.notes.map((n) => n.nl)).toEqual([
      "Inwoners: u 140.000, CBS 2023: 132.411 (+5,7%); uw cijfer geldt. Bron: CBS, gemeenteklassen 2023.",
    ]);
  });

  it("'Nederland' is no municipality: nothing filled, said; the overhead line says it too", () => {
    const r = run([["Gemeente", "Nederland"]]);
    expect(r.cbs.used).toEqual({});
    expect(overheadSection(r.cbs, cbsOverhead(r.cbs, r.comparison))).toEqual({
      absent: expect.objectContaining({
        nl: expect.stringMatching(/niet getoond — 'Nederland' is geen gemeente/),
      }),
    });
  });
});
