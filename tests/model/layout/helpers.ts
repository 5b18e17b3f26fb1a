/** Shared test helpers for the layouts: golden files, fixtures, walking every formula. */
import * as fs from "fs";
import * as path from "path";
import { componentOf } from "../../../src/model/taxonomy";
import { CategorisedLine, CategoryCode } from "../../../src/model/types";
import { splitAddress } from "./evaluator";
import { columnLetter } from "../../../src/model/layout/a1";
import { Formula, isFormula, LayoutCell, SheetLayout } from "../../../src/model/layout/types";

const GOLDEN_DIR = path.join(__dirname, "__golden__");

/** Compare with a golden file; UPDATE_GOLDEN=1 writes it instead. A missing file fails the test. */
export function expectGolden(name: string, actual: unknown): void {
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  const text = JSON.stringify(actual, null, 2) + "\n";
  if (process.env.UPDATE_GOLDEN === "1") {
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`golden file ${file} missing: run with UPDATE_GOLDEN=1`);
  expect(JSON.parse(text)).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
}

/** Every cell of a layout with its address. */
export function cellsOf(layout: SheetLayout): { address: string; value: LayoutCell }[] {
  const out: { address: string; value: LayoutCell }[] = [];
  for (const block of layout.blocks) {
    const { column, row } = splitAddress(block.at);
    block.cells.forEach((cells, dr) =>
      cells.forEach((value, dc) => out.push({ address: `${columnLetter(column + dc)}${row + dr}`, value })),
    );
  }
  return out;
}

export function formulasOf(layout: SheetLayout): { address: string; formula: Formula }[] {
  return cellsOf(layout)
    .filter((c) => isFormula(c.value))
    .map((c) => ({ address: c.address, formula: c.value as Formula }));
}

let nextRow = 2;
export function line(
  category: CategoryCode,
  description: string,
  amount: number,
  extra: Partial<CategorisedLine> = {},
): CategorisedLine {
  return {
    row: nextRow++,
    description,
    supplier: "",
    account: "4410",
    amount,
    year: 2022,
    costCentre: "",
    fte: null,
    category,
    component: componentOf(category),
    delivery: null,
    staffing: null,
    nature: null,
    rule: "test",
    confidence: 1,
    ...extra,
  };
}

/** A small fixed ledger touching every KPI: software (SaaS and not), own and hired staff, infra, XX. */
export function fixedLedger(): CategorisedLine[] {
  nextRow = 2;
  return [
    line("SW.KA", "Microsoft 365 E3 licenties", 120000, {
      supplier: "SoftwareONE",
      delivery: "saas",
      rule: "leverancier: SoftwareONE",
    }),
    line("SW.ZS", "Decos JOIN onderhoud", 85000.5, {
      supplier: "Decos",
      delivery: "on-premise",
      rule: "omschrijving: Decos",
    }),
    line("SW.PP", "Suite4Sociaal Domein abonnement", 64000, {
      supplier: "Centric",
      delivery: "saas",
      rule: "omschrijving: Suite4",
    }),
    line("PE.AU", "Salarissen systeembeheer", 410000, {
      staffing: "own",
      fte: 5,
      account: "4000",
      rule: "grootboek: 4000",
    }),
    line("PE.IF", "Inhuur informatieadviseur", 150000, {
      supplier: "Yacht",
      staffing: "hired",
      fte: 1.2,
      rule: "omschrijving: inhuur",
    }),
    line("PE.FB", "Functioneel beheer salarissen", 180000, {
      staffing: "own",
      fte: 2.4,
      rule: "omschrijving: functioneel beheer",
    }),
    line("IN.WP", "Laptops afschrijving", 70000, { supplier: "Dell", rule: "omschrijving: laptops" }),
    line("IN.ND", "Glasvezel verbinding", 30000, { supplier: "KPN", rule: "leverancier: KPN" }),
    line("IN.DC", "Azure hosting", 45000, { supplier: "Microsoft", rule: "omschrijving: Azure" }),
    line("XX.OO", "=Diverse kosten 2022", 12500, { supplier: "@Onbekend", confidence: 0, rule: "" }),
    line("XX.NI", "Kantoorbenodigdheden", 4000, {
      supplier: "Staples",
      rule: "omschrijving: kantoorbenodigdheden",
    }),
    line("SW.BV", "AFAS licentie 2021", 20000, {
      supplier: "AFAS",
      year: 2021,
      delivery: "saas",
      rule: "leverancier: AFAS",
    }),
  ];
}
