import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { decodeText, Delimiter, parseCsvFast, sniffDelimiter } from "../../src/cli/csv";

/** csv-parse with parseCsv's options: the reference the one-pass reader must equal where it answers. */
function reference(text: string, delimiter: Delimiter): string[][] {
  return parse(text, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
}

function same(text: string, delimiter: Delimiter): boolean {
  const fast = parseCsvFast(text, delimiter);
  if (fast === undefined) return true; // csv-parse reads it
  let expected: string[][];
  try {
    expected = reference(text, delimiter);
  } catch {
    return false; // the fast reader accepted what csv-parse refuses
  }
  expect(fast).toEqual(expected);
  return true;
}

describe("parseCsvFast gives csv-parse's records", () => {
  it.each([
    "a;b\n\nc;d\n",
    "a;b\r\nc;d\r\n",
    'a;"b""x";c\n',
    'a;b"c;d\n',
    "a;b\n\n\n",
    "a;b\r\n\r\nc",
    '"a\nb";c\n',
    ' "a";b\n',
    "a;b\n;\n",
    "\uFEFFa;b\n",
    "a;\n",
    "a;",
    '"a";',
    '"";""\n',
    "",
    "\n",
    "x\ny;z;w\n",
  ])("%j", (text) => {
    expect(same(text, ";")).toBe(true);
  });

  it("refuses what it does not read the same way (csv-parse reads it)", () => {
    for (const t of ["a;b\rc;d", '"ab"x;c\n', '"a" ;b\n', '"open;b\n', "a\r\nb\nc", "a\nb\r\nc"]) {
      expect(parseCsvFast(t, ";")).toBeUndefined();
    }
  });

  it("on the CSV fixtures", () => {
    const dir = join(__dirname, "../fixtures/cli");
    const files = readdirSync(dir).filter((f) => f.endsWith(".csv"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const { text } = decodeText(readFileSync(join(dir, f)));
      const d = sniffDelimiter(text);
      expect(parseCsvFast(text, d)).toEqual(reference(text, d));
    }
  });

  it("on random text of separators, quotes and line ends", () => {
    const char = fc.constantFrom("a", "b", " ", ";", ",", "\t", '"', "\n", "\r\n", "\r", "€", "\uFEFF");
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), fc.constantFrom<Delimiter>(";", ",", "\t"), (cs, d) =>
        same(cs.join(""), d),
      ),
      { numRuns: 3000 },
    );
  });
});
