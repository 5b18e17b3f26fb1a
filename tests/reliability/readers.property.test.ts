/**
 * Issue 7, part 1: bad input where it enters the core. The ledger reader, the header detection, the key
 * figures and the number parsers on hostile grids and cells: nothing throws, every row after the header is
 * accounted for, every rejected row is reported with its spreadsheet row number, and the lines add up to
 * the accepted rows' amounts.
 */
import fc from "fast-check";
import { parseAmount, parseFte, parseNumber, parseYear, MAX_YEAR, MIN_YEAR } from "../../src/model/amount";
import { detectHeader, matchHeader, readLedger } from "../../src/model/grid";
import { cellText, isEmptyCell } from "../../src/model/grid/cells";
import { findKeyFigures } from "../../src/model/keyFigures";
import { Grid, KeyFigures } from "../../src/model/types";
import { anyCell, anyGrid, anyNumber, anyText, ok, RUNS } from "./arbitraries";

const asGrid = (g: unknown[][]) => g as Grid;

/** Loose on purpose: an independent statement of "this row is a total", not a copy of the reader's regex. */
const TOTAL_WORD = /^(sub-?|eind|grand\s*)?totaa?l/i;

function firstFilled(row: unknown[]): unknown {
  return row.find((v) => !isEmptyCell(v));
}

/** Why a row may be left out without an issue: blank, nothing to count, a total, or the header repeated. */
function mayBeSkipped(row: unknown, description: number, amount: number): boolean {
  if (!Array.isArray(row)) return true;
  const desc = cellText(row[description]);
  if (desc === "" && isEmptyCell(row[amount])) return true;
  const first = firstFilled(row);
  if (TOTAL_WORD.test(desc) || (typeof first === "string" && TOTAL_WORD.test(first.trim()))) return true;
  return (
    matchHeader(row[amount])?.field === "amount" && matchHeader(row[description])?.field === "description"
  );
}

describe("readLedger on hostile grids", () => {
  it("never throws; every row after the header is a line, an issue with its row number, or a justified skip", () => {
    fc.assert(
      fc.property(anyGrid, fc.integer({ min: 1, max: 1_048_576 }), (g, firstRow) => {
        const read = readLedger(asGrid(g), { firstRow, sheet: "Grootboek" });
        const counted = read.lines.length + read.issues.length + read.skipped;
        if (read.missing.length > 0) {
          ok(counted === 0, "rows read although required columns are missing");
          return;
        }
        const start = read.headerRow === null ? 0 : read.headerRow + 1;
        ok(counted === Math.max(0, g.length - start), `${counted} rows accounted for`);
        const d = read.mapping.description as number;
        const a = read.mapping.amount as number;
        const lineRows = new Set(read.lines.map((l) => l.row));
        const issueRows = new Set(read.issues.map((i) => i.row));
        ok(lineRows.size + issueRows.size === read.lines.length + read.issues.length, "a row counted twice");
        for (const issue of read.issues) {
          const n = issue.row;
          ok(!lineRows.has(n), `row ${n} is a line and an issue`);
          ok(n >= firstRow + start && n < firstRow + g.length, `issue row ${n} outside the data`);
          ok(issue.sheet === "Grootboek", "issue without its sheet");
          ok(issue.message.nl.includes(`Rij ${n}`) && issue.message.en.includes(`Row ${n}`), () =>
            JSON.stringify(issue),
          );
        }
        for (let r = start; r < g.length; r++) {
          const n = firstRow + r;
          if (!lineRows.has(n) && !issueRows.has(n))
            ok(mayBeSkipped(g[r], d, a), `row ${n} silently dropped`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("each line is its source row: amount parsed from the amount cell, finite; the sum is the accepted rows' sum", () => {
    fc.assert(
      fc.property(anyGrid, (g) => {
        const read = readLedger(asGrid(g));
        const a = read.mapping.amount as number;
        let fromLines = 0;
        let fromRows = 0;
        for (const line of read.lines) {
          const source = g[line.row - 1];
          const parsed = parseAmount(source[a]);
          ok(Number.isFinite(line.amount) && line.amount === parsed, `row ${line.row}: ${line.amount}`);
          ok(line.description !== "", `row ${line.row}: empty description`);
          ok(line.year === null || (Number.isInteger(line.year) && line.year >= MIN_YEAR), "bad year");
          ok(line.fte === null || Number.isFinite(line.fte), "bad fte");
          fromLines += line.amount;
          fromRows += parsed as number;
        }
        ok(fromLines === fromRows, `${fromLines} != ${fromRows}`);
      }),
      { numRuns: RUNS },
    );
  });

  it("a user's column mapping and header row, however wrong, never make it throw", () => {
    const index = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.constantFrom(NaN, 1.5, Infinity, 1e9));
    fc.assert(
      fc.property(
        anyGrid,
        fc.record({ description: index, amount: index, year: index, fte: index }, { requiredKeys: [] }),
        fc.oneof(fc.constant(null), fc.constant(undefined), index),
        (g, mapping, headerRow) => {
          const read = readLedger(asGrid(g), { mapping, headerRow });
          for (const line of read.lines) ok(Number.isFinite(line.amount), "non-finite amount");
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("detectHeader on hostile grids", () => {
  it("never throws; a found header is within the first 50 rows and maps description and amount to real columns", () => {
    fc.assert(
      fc.property(anyGrid, (g) => {
        const found = detectHeader(asGrid(g));
        if (found === null) return;
        ok(found.row < Math.min(50, g.length), `header row ${found.row}`);
        for (const col of Object.values(found.mapping)) {
          ok(col >= 0 && col < g[found.row].length, `column ${col}`);
        }
        ok(found.mapping.description !== undefined && found.mapping.amount !== undefined, "incomplete");
      }),
      { numRuns: RUNS },
    );
  });
});

const NUMERIC_FIGURES: (keyof KeyFigures)[] = ["inhabitants", "budget", "fteOwn", "fteHired"];

describe("findKeyFigures on hostile grids", () => {
  it("never throws; figures are finite, years in range, issues carry their row number", () => {
    fc.assert(
      fc.property(anyGrid, fc.integer({ min: 1, max: 1000 }), (g, firstRow) => {
        const read = findKeyFigures(asGrid(g), { firstRow, sheet: "Kerngegevens" });
        for (const f of read.figures) {
          for (const k of NUMERIC_FIGURES) {
            const v = f[k];
            ok(v === undefined || (typeof v === "number" && Number.isFinite(v)), `${k} = ${String(v)}`);
          }
          ok(f.year === undefined || (f.year >= MIN_YEAR && f.year <= MAX_YEAR), `year ${f.year}`);
          ok(f.municipality === undefined || typeof f.municipality === "string", "municipality");
        }
        for (const issue of read.issues) {
          const n = issue.row;
          ok(n >= firstRow && n < firstRow + g.length, `issue row ${n}`);
          ok(issue.message.nl.includes(`Rij ${n}`) && issue.message.en.includes(`Row ${n}`), () =>
            JSON.stringify(issue),
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the number parsers on any value", () => {
  const anything = fc.oneof(anyCell, fc.anything({ maxDepth: 1 }), fc.array(anyNumber, { maxLength: 3 }));
  const finiteOrNull = (n: number | null) => n === null || (typeof n === "number" && Number.isFinite(n));

  it("parseAmount/parseNumber/parseFte give null or a finite number; parseYear null or a year in range", () => {
    fc.assert(
      fc.property(anything, (v) => {
        ok(finiteOrNull(parseAmount(v)) && finiteOrNull(parseFte(v)), "parseAmount/parseFte");
        ok(finiteOrNull(parseNumber(v, { loneSeparator: "decimal" })), "parseNumber");
        const y = parseYear(v);
        ok(y === null || (Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR), `year ${y}`);
      }),
      { numRuns: RUNS },
    );
  });

  it("text is read the same with spaces around it, and a leading minus negates it", () => {
    const digitsText = fc.oneof(
      anyText,
      fc.stringMatching(/^€?[0-9]{1,7}([.,][0-9]{1,3}){0,3}$/),
      fc.integer({ min: 0, max: 1e12 }).map(String),
    );
    fc.assert(
      fc.property(digitsText, (s) => {
        fc.pre(s.length <= 60);
        const x = parseAmount(s);
        ok(parseAmount(` ${s} `) === x, `padded: ${parseAmount(` ${s} `)} vs ${x}`);
        if (x !== null && x > 0 && !/[-+()\u2212\u2012\u2013]/.test(s) && s.trim() === s) {
          ok(parseAmount(`-${s}`) === -x, `negated: ${parseAmount(`-${s}`)} vs ${-x}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("Excel numbers and their text agree for whole euros", () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), (n) => {
        ok(parseAmount(n) === n && parseAmount(String(n)) === n, `${n}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("big and odd grids (examples)", () => {
  it("a 16,384-column-wide row (Excel's last column XFD) as header and as data", () => {
    const width = 16_384;
    const header: unknown[] = Array(width).fill("");
    header[width - 2] = "Omschrijving";
    header[width - 1] = "Bedrag";
    const data: unknown[] = Array.from({ length: width }, (_, i) => (i % 2 ? "#N/A" : i));
    data[width - 2] = "Licenties";
    data[width - 1] = "1.234,56";
    const read = readLedger(asGrid([header, data, Array(width).fill("x")]));
    expect(read.mapping).toMatchObject({ description: width - 2, amount: width - 1 });
    expect(read.lines).toHaveLength(1);
    expect(read.lines[0].amount).toBe(1234.56);
    expect(read.issues).toEqual([expect.objectContaining({ row: 3 })]);
    expect(() => findKeyFigures(asGrid([header, data]))).not.toThrow();
  });

  it("50,000 rows of mixed bad cells: every bad row reported, sums exact", () => {
    const bad = ["#N/A", "#WAARDE!", true, "abc", "", NaN, Infinity];
    const rows: unknown[][] = [["Omschrijving", "Bedrag", "Jaar"]];
    let expected = 0;
    let badRows = 0;
    for (let i = 0; i < 50_000; i++) {
      if (i % 7 === 3) {
        rows.push([`Regel ${i}`, bad[i % bad.length], 44926]);
        badRows++;
      } else {
        const amount = (i % 2 ? -1 : 1) * (i * 1000 + 0.25);
        expected += amount;
        rows.push([`Regel ${i}`, amount, 2022]);
      }
    }
    const read = readLedger(asGrid(rows));
    expect(read.issues).toHaveLength(badRows);
    expect(read.lines.reduce((s, l) => s + l.amount, 0)).toBe(expected);
  });

  it("a header-only sheet and an empty sheet give no lines and no issues", () => {
    for (const g of [[["Omschrijving", "Bedrag"]], [], [[]]] as Grid[]) {
      const read = readLedger(g);
      expect(read.lines).toEqual([]);
      expect(read.issues).toEqual([]);
    }
  });
});
