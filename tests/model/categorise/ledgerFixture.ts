/** Reads the categoriser's CSV fixtures: the ledger columns, and the expected answers kept apart. */
import * as fs from "fs";
import * as path from "path";
import { CategoryCode, Delivery, LedgerLine, Staffing } from "../../../src/model/types";

export interface Expected {
  category: CategoryCode;
  delivery: Delivery;
  staffing: Staffing;
}

interface Fixture {
  lines: LedgerLine[];
  expected: Expected[];
}

function dutchNumber(text: string): number {
  return Number(text.replace(/\./g, "").replace(",", "."));
}

/** The shared reference material (../shared beside the project): its samples are used where they are. */
export const SHARED_SAMPLES = path.join(__dirname, "..", "..", "..", "..", "shared", "samples");

/**
 * The verwacht_* columns are stripped from the lines, so the categoriser never sees them. A name is a
 * file of tests/fixtures, or a path (the shared samples are read where they are).
 */
export function readFixture(name: string): Fixture {
  const file = path.isAbsolute(name) ? name : path.join(__dirname, "..", "..", "fixtures", name);
  const [header, ...rows] = fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((r) => r.trim() !== "");
  const col = (n: string) => header.split(";").indexOf(n);
  const lines: LedgerLine[] = [];
  const expected: Expected[] = [];
  rows.forEach((row, i) => {
    const cells = row.split(";");
    const fte = col("fte") >= 0 ? cells[col("fte")] : "";
    // Context columns when the ledger has them (ledger-dev-2.csv); "" otherwise, as the reader gives.
    const optional = (n: string) => (col(n) >= 0 ? cells[col(n)] : "");
    lines.push({
      row: i + 2,
      description: cells[col("omschrijving")],
      supplier: cells[col("leverancier")],
      account: cells[col("grootboekrekening")],
      amount: dutchNumber(cells[col("bedrag")]),
      year: 2022,
      costCentre: optional("kostenplaats"),
      fte: fte ? dutchNumber(fte) : null,
      category: null,
      taakveld: optional("taakveld"),
      iv3Category: "",
    });
    const staffing = cells[col("verwacht_personeel")];
    expected.push({
      category: cells[col("verwacht_categorie")] as CategoryCode,
      delivery: (cells[col("verwacht_levering")] || null) as Delivery,
      staffing: staffing === "eigen" ? "own" : staffing === "inhuur" ? "hired" : null,
    });
  });
  return { lines, expected };
}
