import {
  sampleLayouts,
  templateLayouts,
  keyFigureRefs,
  TEMPLATE_SHEETS,
} from "../../../src/model/layout/templates";
import { findKeyFigures } from "../../../src/model/keyFigures";
import { isFormula } from "../../../src/model/layout/types";
import { CellValue } from "../../../src/model/types";
import { sampleMunicipality } from "../../../src/model/sample";
import { learntRule, learntRulesEdit } from "../../../src/model/learn";
import { parseCellAddress } from "../../../src/model/layout/a1";
import { Workbook } from "./evaluator";
import { cellsOf, expectGolden } from "./helpers";

describe("templateLayouts", () => {
  it.each(["nl", "en"] as const)("matches the golden file (%s)", (language) => {
    expectGolden(`templates-${language}`, templateLayouts(language));
  });

  it("has the three roles and the contract's ledger headers", () => {
    const [keyFigures, ledger, rules] = templateLayouts("nl");
    expect([keyFigures.role, ledger.role, rules.role]).toEqual([
      "template-keyfigures",
      "template-ledger",
      "template-rules",
    ]);
    expect(ledger.tables[0].name).toBe("Grootboek");
    expect(ledger.blocks.find((b) => b.at === "A4")!.cells[0]).toEqual([
      "Omschrijving",
      "Leverancier",
      "Grootboekrekening",
      "Kostenplaats",
      "Boekjaar",
      "Bedrag",
      "Fte",
      "Categorie",
    ]);
    const body = ledger.blocks.find((b) => b.at === "A5")!.cells;
    expect(body.length).toBeGreaterThanOrEqual(3);
    expect(body.length).toBeLessThanOrEqual(5);
    expect(ledger.tables[0].range).toBe(`A4:H${4 + body.length}`);
    expect(rules.validations.map((v) => v.range)).toEqual(["B5:B1004", "C5:C1004", "D5:D1004", "E5:E1004"]);
    expect(rules.validations[1].list).toContain("XX.OO");
  });

  it.each(["nl", "en"] as const)(
    "the Regels sheet's drop-downs cover the rows learnt rules land on and accept what they hold (%s)",
    (language) => {
      const rules = templateLayouts(language)[2];
      const grid: CellValue[][] = [];
      for (const c of cellsOf(rules)) {
        const { column, row } = parseCellAddress(c.address);
        (grid[row - 1] ??= [])[column - 1] = c.value as CellValue;
      }
      const values = Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? ""));
      const sheet = { name: rules.name, values, firstRow: 0, firstColumn: 0 };
      const learnt = ["KPN B.V.", "Vodafone", "Centric"].map((supplier, i) =>
        learntRule(
          {
            row: 10 + i,
            description: "x",
            supplier,
            account: "4510",
            amount: 1,
            year: 2022,
            costCentre: "",
            fte: null,
            category: null,
          },
          "Grootboek",
          "IN.ND",
          language,
        ),
      );
      const edit = learntRulesEdit({ sheets: [sheet], tables: [] }, "Grootboek", learnt, language);
      const validated = (row: number, column: number) =>
        rules.validations.find((v) => {
          const [from, to] = v.range.split(":").map(parseCellAddress);
          return from.row <= row && row <= to.row && from.column <= column && column <= to.column;
        });
      const inColumns = edit.cells.filter((c) => c.column >= 1 && c.column <= 4);
      // Veld and Categorie of each of the three learnt rows, on rows below the template's examples.
      expect(inColumns.filter((c) => c.column === 1).map((c) => c.value)).toEqual(
        Array(3).fill(language === "nl" ? "leverancier + grootboekrekening" : "supplier + account"),
      );
      expect(Math.min(...inColumns.map((c) => c.row))).toBeGreaterThan(5);
      for (const c of inColumns) {
        const v = validated(c.row + 1, c.column + 1);
        expect([c, v?.list.includes(c.value)]).toEqual([c, true]);
      }
      // And room for many more rules, typed or learnt, in every drop-down column.
      for (const column of [2, 3, 4, 5]) expect(validated(500, column)).toBeDefined();
    },
  );

  it("puts the key-figure inputs where keyFigureRefs points", () => {
    const [keyFigures] = templateLayouts("nl");
    const wb = new Workbook([keyFigures]);
    const refs = keyFigureRefs(keyFigures.name);
    expect(refs.inhabitants).toBe("'Kerngegevens'!$B$6");
    const labelOf = (ref: string) => wb.value(keyFigures.name, ref.split("!")[1].replace(/\$B/, "A"));
    expect(labelOf(refs.municipality)).toBe("Gemeente");
    expect(labelOf(refs.inhabitants)).toBe("Aantal inwoners");
    expect(labelOf(refs.fteHired)).toBe("ICT-fte inhuur");
    // The optional context follows the other figures, so their cells stay where they were.
    expect(labelOf(refs.projectFteLaws)).toBe("Projecttijd wetgeving (Omgevingswet, Woo, Archiefwet), fte");
    expect(labelOf(refs.workplaces)).toBe("Aantal werkplekken");
    const inputs = keyFigures.blocks.filter((b) => b.style === "input").map((b) => b.at);
    expect(inputs).toEqual(Array.from({ length: 14 }, (_, i) => `B${4 + i}`));
  });

  it.each(["nl", "en"] as const)(
    "reads its own labels back as the key figures they ask for (%s), each filled in",
    (language) => {
      const [keyFigures] = templateLayouts(language);
      const grid = cellsOf(keyFigures)
        .filter((c) => /^A\d+$/.test(c.address) && Number(c.address.slice(1)) >= 4)
        .map((c, i): CellValue[] => [c.value as CellValue, i === 0 ? "Gemeente X" : i === 1 ? 2022 : i + 1]);
      const read = findKeyFigures(grid);
      expect(read.issues).toEqual([]);
      expect(read.figures).toHaveLength(1);
      expect(read.figures[0]).toEqual({
        municipality: "Gemeente X",
        year: 2022,
        inhabitants: 3,
        budget: 4,
        fteOwn: 5,
        fteHired: 6,
        projectFteLaws: 7,
        projectFteDigitalMaturity: 8,
        projectFteDataDriven: 9,
        projectFteCaseBased: 10,
        projectFteSecurity: 11,
        projectFteDigitalWorkplace: 12,
        employees: 13,
        workplaces: 14,
      });
    },
  );

  it("contains no formulas", () => {
    for (const layout of [...templateLayouts("nl"), ...templateLayouts("en")]) {
      expect(cellsOf(layout).filter((c) => isFormula(c.value))).toEqual([]);
    }
  });
});

describe("sampleLayouts", () => {
  it("fills the key figures and the ledger with the sample municipality", () => {
    const sample = sampleMunicipality();
    const [keyFigures, ledger] = sampleLayouts("nl");
    expect(keyFigures.role).toBe("sample-keyfigures");
    expect(ledger.role).toBe("sample-ledger");
    expect(keyFigures.name).toBe(TEMPLATE_SHEETS.keyFigures.nl);
    const wb = new Workbook([keyFigures, ledger]);
    expect(wb.value(keyFigures.name, "B4")).toBe(sample.name);
    const latest = sample.keyFigures[sample.keyFigures.length - 1];
    expect(wb.value(keyFigures.name, "B6")).toBe(latest.inhabitants);
    // one row per year in the table below
    const table = keyFigures.tables[0];
    expect(table.range).toBe(`A20:E${20 + sample.keyFigures.length}`);
    expect(wb.value(keyFigures.name, "B21")).toBe(sample.keyFigures[0].inhabitants);
    const body = ledger.blocks.find((b) => b.at === "A5")!.cells;
    expect(body).toHaveLength(sample.ledger.length);
    const total = body.reduce((s, r) => s + (r[5] as number), 0);
    expect(total).toBeCloseTo(
      sample.ledger.reduce((s, l) => s + l.amount, 0),
      6,
    );
    expect(ledger.tables[0].range).toBe(`A4:H${4 + sample.ledger.length}`);
  });
});
