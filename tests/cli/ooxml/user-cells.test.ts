import { writeCellsInSheetXml } from "../../../src/cli/ooxml/userCells";

const sheet = (data: string, dimension = "A1:C2") =>
  `<?xml version="1.0"?><worksheet xmlns="m"><dimension ref="${dimension}"/><sheetData>${data}</sheetData><pageMargins/></worksheet>`;

describe("writing cells into a user's sheet XML", () => {
  test("cells go into their rows in column order, new rows in row order; the rest stays byte for byte", () => {
    const xml = sheet(
      `<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>` +
        `<row r="4"><c r="A4"><v>5</v></c></row>`,
    );
    const out = writeCellsInSheetXml(xml, [
      { row: 0, column: 1, value: "Veld" },
      { row: 0, column: 3, value: "Bron" },
      { row: 1, column: 0, value: "KPN & Co <B.V.>" },
      { row: 5, column: 2, value: "=SUM(A1)" },
    ]);
    expect(out).toBe(
      sheet(
        `<row r="1"><c r="A1" t="s"><v>0</v></c>` +
          `<c r="B1" t="inlineStr"><is><t xml:space="preserve">Veld</t></is></c>` +
          `<c r="C1" t="s"><v>1</v></c>` +
          `<c r="D1" t="inlineStr"><is><t xml:space="preserve">Bron</t></is></c></row>` +
          `<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">KPN &amp; Co &lt;B.V.&gt;</t></is></c></row>` +
          `<row r="4"><c r="A4"><v>5</v></c></row>` +
          // Text that looks like a formula stays text: an inline string is never calculated.
          `<row r="6"><c r="C6" t="inlineStr"><is><t xml:space="preserve">=SUM(A1)</t></is></c></row>`,
        "A1:D6",
      ),
    );
  });

  test("an empty cell that is there (formatted) is replaced and keeps its style; a prefixed sheet stays prefixed", () => {
    const xml = `<x:worksheet xmlns:x="m"><x:sheetData><x:row r="2"/><x:row r="3"><x:c r="B3" s="7"/></x:row></x:sheetData></x:worksheet>`;
    expect(writeCellsInSheetXml(xml, [{ row: 2, column: 1, value: "IN.ND" }])).toBe(
      `<x:worksheet xmlns:x="m"><x:sheetData><x:row r="2"/><x:row r="3">` +
        `<x:c r="B3" s="7" t="inlineStr"><x:is><x:t xml:space="preserve">IN.ND</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    );
  });

  test("an empty sheetData gets its first rows", () => {
    const xml = `<worksheet xmlns="m"><sheetData/></worksheet>`;
    expect(writeCellsInSheetXml(xml, [{ row: 0, column: 0, value: "Patroon" }])).toBe(
      `<worksheet xmlns="m"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">Patroon</t></is></c></row></sheetData></worksheet>`,
    );
  });
});
