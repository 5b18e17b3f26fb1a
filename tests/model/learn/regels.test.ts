import { learntRule, learntRulesEdit, RulesEdit } from "../../../src/model/learn";
import { PlainSheet, PlainWorkbook } from "../../../src/model/pipeline";
import { Grid, LedgerLine } from "../../../src/model/types";
import { readUserRules } from "../../../src/model/userRulesSheet";

const from: LedgerLine = {
  row: 12,
  description: "Mobiele telefonie januari",
  supplier: "KPN B.V.",
  account: "4510",
  amount: 100,
  year: 2022,
  costCentre: "",
  fte: null,
  category: null,
};
const rule = learntRule(from, "Grootboek", "IN.ND", "nl");

/** The sheet's grid with the edit's cells written (what both faces do). */
function applied(sheet: PlainSheet, edit: RulesEdit): Grid {
  const grid: unknown[][] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => ((grid[sheet.firstRow + r] ??= [])[sheet.firstColumn + c] = v)),
  );
  for (const cell of edit.cells) (grid[cell.row] ??= [])[cell.column] = cell.value;
  return Array.from(grid, (row) => Array.from(row ?? [], (v) => (v === undefined ? "" : v))) as Grid;
}

describe("where a learnt rule goes on the Regels sheet", () => {
  test("below the controller's rules, with Grootboekrekening and Bron added; read back as the same rule", () => {
    const values: Grid = [
      ["Eigen regels"],
      [""],
      ["Patroon", "Veld", "Categorie", "Levering", "Personeel"],
      ["Suite4", "omschrijving", "SW.PP", "SaaS", ""],
    ];
    const sheet: PlainSheet = { name: "Regels", values, firstRow: 0, firstColumn: 0 };
    const book: PlainWorkbook = { sheets: [sheet], tables: [] };
    const edit = learntRulesEdit(book, "Grootboek", [rule], "en");
    expect(edit.sheet).toBe("Regels");
    expect(edit.create).toBe(false);
    expect(edit.cells).toEqual([
      { row: 2, column: 5, value: "Grootboekrekening" },
      { row: 2, column: 6, value: "Bron" },
      { row: 4, column: 0, value: "KPN B.V." },
      { row: 4, column: 1, value: "leverancier + grootboekrekening" },
      { row: 4, column: 2, value: "IN.ND" },
      { row: 4, column: 5, value: "4510" },
      { row: 4, column: 6, value: "Grootboek rij 12: Mobiele telefonie januari" },
    ]);
    const read = readUserRules(applied(sheet, edit))!;
    expect(read.issues).toEqual([]);
    expect(read.rules).toEqual([
      { pattern: "Suite4", field: "description", category: "SW.PP", delivery: "saas" },
      rule,
    ]);
  });

  test("a sheet that does not start at A1 and already has the columns: only the row is added, in its columns", () => {
    const values: Grid = [
      ["Bron", "Pattern", "Category", "Field", "Account"],
      ["", "Yacht", "PE.IF", "supplier", ""],
    ];
    const sheet: PlainSheet = { name: "Rules", values, firstRow: 3, firstColumn: 1 };
    const edit = learntRulesEdit({ sheets: [sheet], tables: [] }, undefined, [rule], "nl");
    expect(edit.cells).toEqual([
      { row: 5, column: 1, value: "Grootboek rij 12: Mobiele telefonie januari" },
      { row: 5, column: 2, value: "KPN B.V." },
      { row: 5, column: 3, value: "IN.ND" },
      { row: 5, column: 4, value: "supplier + account" },
      { row: 5, column: 5, value: "4510" },
    ]);
    expect(readUserRules(applied(sheet, edit))!.rules[1]).toEqual(rule);
  });

  test("no rules sheet: a new Regels sheet (its name free) holds them, with all seven columns", () => {
    const ledger: PlainSheet = {
      name: "Regels",
      values: [["Omschrijving", "Bedrag"]],
      firstRow: 0,
      firstColumn: 0,
    };
    const edit = learntRulesEdit({ sheets: [ledger], tables: [] }, "Regels", [rule], "nl");
    expect(edit.create).toBe(true);
    expect(edit.sheet).toBe("Regels (2)");
    const sheet: PlainSheet = { name: edit.sheet, values: [], firstRow: 0, firstColumn: 0 };
    expect(readUserRules(applied(sheet, edit))!.rules).toEqual([rule]);
  });
});
