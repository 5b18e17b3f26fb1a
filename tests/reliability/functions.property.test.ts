/**
 * Issue 7, part 1: the categoriser and every ICTCOST custom function on arbitrary arguments. A custom
 * function that throws shows #VALUE! without a message at best and can stall recalculation at worst; NaN
 * or Infinity in a cell is worse than an error. So: never a throw, never a non-finite number; always a
 * number, a text, a matrix of those, or a CustomFunctions.Error.
 */
import { ShimError } from "../functions/shim"; // first: installs the CustomFunctions global
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { classifyLedger, classifyText, compileCategoriser } from "../../src/model/categorise";
import { componentOf, isCategoryCode } from "../../src/model/taxonomy";
import { Classification, LedgerLine } from "../../src/model/types";
import { anyCell, anyNumber, anyText, ok, RUNS } from "./arbitraries";

function validClassification(c: Classification): string | null {
  if (!isCategoryCode(c.category)) return `category ${c.category}`;
  if (c.component !== componentOf(c.category)) return `component ${c.component} for ${c.category}`;
  if (!(c.confidence >= 0 && c.confidence <= 1)) return `confidence ${c.confidence}`;
  if (typeof c.rule !== "string") return "rule";
  return null;
}

describe("the categoriser on arbitrary text", () => {
  it("classifyText: a valid category, its component, confidence in 0..1, the same answer twice", () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, (d, s, a) => {
        const first = classifyText(d, s, a);
        const problem = validClassification(first);
        ok(problem === null, () => problem as string);
        // Cached and fresh categorisers agree: the cache must not leak one line's answer into another's.
        ok(
          JSON.stringify(compileCategoriser().classify({ description: d, supplier: s, account: a })) ===
            JSON.stringify(first),
          "fresh categoriser disagrees with the cached one",
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("classifyLedger keeps every line (row, amount, text) and classifies each validly, whatever the fields hold", () => {
    const line: fc.Arbitrary<LedgerLine> = fc.record({
      row: fc.integer({ min: 1, max: 1_048_576 }),
      description: anyText,
      supplier: anyText,
      account: anyText,
      amount: anyNumber,
      year: fc.oneof(fc.constant(null), fc.integer()),
      costCentre: anyText,
      fte: fc.oneof(fc.constant(null), anyNumber),
      category: fc.oneof(fc.constant(null), anyText, fc.constantFrom("SW.KA", "Werkplek", "xx.oo", "PE")),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const out = classifyLedger(lines);
        ok(out.length === lines.length, "lines lost");
        out.forEach((c, i) => {
          const problem = validClassification(c);
          ok(problem === null, () => problem as string);
          ok(Object.is(c.amount, lines[i].amount) && c.row === lines[i].row, "line changed");
          ok(c.description === lines[i].description, "description changed");
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("odd text (examples): only control characters, lone surrogates, bidi overrides", () => {
    const texts = [
      "\u0000\u0001\u0002\t\r\n".repeat(1000),
      "\ud800\udfff\ud800".repeat(1000),
      "\u202eSAP\u202c licentie",
      "Ａｄｏｂｅ ＡＣＲＯＢＡＴ",
    ];
    for (const t of texts) {
      expect(validClassification(classifyText(t, t, t))).toBeNull();
      expect(excelErrorOrValue(F.CATEGORY([[t]], [[t]], [[t]]))).toBe(true);
    }
  });

  it("a 1 MB description (a whole export pasted into one cell) classifies without a stack overflow", () => {
    // Spreading or apply()-ing a million characters as arguments overflows V8's stack.
    for (const t of ["Microsoft 365 ".repeat(75_000), "x".repeat(1_000_000), "é ".repeat(300_000)]) {
      expect(validClassification(classifyText(t, "Centric", "4410"))).toBeNull();
      expect(validClassification(classifyLedger([{ ...LINE, description: t }])[0])).toBeNull();
      expect(excelErrorOrValue(F.CATEGORY([[t]]))).toBe(true);
      expect(excelErrorOrValue(F.COMPONENT(t))).toBe(true);
      expect(excelErrorOrValue(F.SAAS(t, t))).toBe(true);
    }
  });
});

const LINE: LedgerLine = {
  row: 2,
  description: "",
  supplier: "",
  account: "",
  amount: 1,
  year: 2022,
  costCentre: "",
  fte: null,
  category: null,
};

// ---- custom functions ----

/** A value Excel (or a careless caller) could pass: scalars, 2-D arrays of mixed values, ragged and empty. */
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyCell },
  {
    weight: 1,
    arbitrary: fc.constantFrom("SW.KA", "software", "Werkplek", "total_per_inhabitant", "nl", "en"),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1990, max: 2030 }) },
);
const matrix: fc.Arbitrary<unknown[][]> = fc.oneof(
  fc.array(fc.array(scalar, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), // ragged too
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
    .chain(([r, c]) =>
      fc.array(fc.array(scalar, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
    ),
  fc.constantFrom<unknown[][]>([], [[]], [[], []]),
);
const argument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: matrix },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([1, 2], [[1], 2], {}, () => 1) },
);

function isScalarResult(x: unknown): boolean {
  if (x instanceof ShimError) return typeof x.code === "string";
  if (typeof x === "number") return Number.isFinite(x);
  return typeof x === "string";
}

function excelErrorOrValue(x: unknown): boolean {
  if (Array.isArray(x)) return x.every((row) => Array.isArray(row) && row.every(isScalarResult));
  return isScalarResult(x);
}

type AnyFunction = (...args: unknown[]) => unknown;
const FUNCTIONS = Object.entries(F) as [string, AnyFunction][];

describe("every ICTCOST custom function on arbitrary arguments", () => {
  it("covers all 15 functions", () => {
    expect(FUNCTIONS.map(([name]) => name).sort()).toHaveLength(15);
  });

  test.each(FUNCTIONS)(
    "%s never throws and returns a finite number, text, matrix or Excel error",
    (name, fn) => {
      fc.assert(
        fc.property(fc.array(argument, { maxLength: fn.length + 1 }), (args) => {
          let result: unknown;
          try {
            result = fn(...args);
          } catch (e) {
            throw new Error(`${name} threw ${String(e)}`);
          }
          ok(excelErrorOrValue(result), () => `${name} returned ${String(result)}`);
          if (name === "CATEGORY") ok(Array.isArray(result), "CATEGORY must return a matrix");
        }),
        { numRuns: RUNS },
      );
    },
  );

  it("numeric functions on extreme numbers (examples): no NaN, no Infinity", () => {
    const extremes = [0, -0, NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, 1e308];
    for (const [name, fn] of FUNCTIONS) {
      for (const x of extremes) {
        for (const y of extremes) {
          const result = fn(x, y, x);
          expect({ name, x, y, ok: excelErrorOrValue(result) }).toEqual({ name, x, y, ok: true });
        }
        expect({
          name,
          x,
          ok: excelErrorOrValue(
            fn(
              [
                [x, "1.000"],
                [Infinity, x],
              ],
              x,
            ),
          ),
        }).toEqual({
          name,
          x,
          ok: true,
        });
      }
    }
  });
});
