/**
 * The CLI's own .xlsx reader (src/cli/xlsxRead) against the ExcelJS reader it replaced
 * (tests/cli/exceljs-reader.ts): every workbook fixture of the repository and of /work/shared, the
 * CLI's own copy, and hand-written sheet XML with every kind of cell, read both ways and compared cell by
 * cell (names, used ranges, values — NaN included — and tables).
 */
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { compareCommand } from "../../src/cli/compare";
import { loadXlsxFile } from "../../src/cli/xlsx";
import { loadXlsxFileWithExcelJs } from "./exceljs-reader";

const ROOT = join(__dirname, "../..");
const SHARED = "/work/shared";

function workbooksUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...workbooksUnder(full));
    else if (/\.xls[xm]$/i.test(name)) out.push(full);
  }
  return out;
}

/** The first difference between the two readings, or undefined. */
async function difference(file: string): Promise<string | undefined> {
  // ExcelJS cannot see a formula's cached 0 or FALSE: compared in its way; Excel's way is tested below.
  const [ours, theirs] = await Promise.all([
    loadXlsxFile(file, { exceljsFalsy: true }),
    loadXlsxFileWithExcelJs(file),
  ]);
  const names = (b: { sheets: { name: string }[] }) => b.sheets.map((s) => s.name).join(" | ");
  if (names(ours) !== names(theirs)) return `sheets: ${names(ours)} ≠ ${names(theirs)}`;
  for (let i = 0; i < ours.sheets.length; i++) {
    const [a, b] = [ours.sheets[i], theirs.sheets[i]];
    const where = `${a.name}: `;
    if (a.firstRow !== b.firstRow || a.firstColumn !== b.firstColumn || a.grid.length !== b.grid.length) {
      return `${where}range at row ${a.firstRow}, column ${a.firstColumn}, ${a.grid.length} rows ≠ row ${b.firstRow}, column ${b.firstColumn}, ${b.grid.length} rows`;
    }
    for (let r = 0; r < a.grid.length; r++) {
      if (a.grid[r].length !== b.grid[r].length) return `${where}row ${r + a.firstRow} width`;
      for (let c = 0; c < a.grid[r].length; c++) {
        if (!Object.is(a.grid[r][c], b.grid[r][c])) {
          return `${where}row ${r + a.firstRow} column ${c + a.firstColumn}: ${JSON.stringify(a.grid[r][c])} ≠ ${JSON.stringify(b.grid[r][c])}`;
        }
      }
    }
  }
  expect(ours.tables).toEqual(theirs.tables);
  return undefined;
}

describe("the CLI's .xlsx reader reads what the ExcelJS reader read", () => {
  const fixtures = [
    ...workbooksUnder(join(ROOT, "tests/fixtures")),
    ...workbooksUnder(join(ROOT, "examples")),
    ...workbooksUnder(SHARED),
  ];

  it("finds the workbook fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4);
  });

  it.each(fixtures.map((f) => [relative(ROOT, f)]))("%s", async (file) => {
    expect(await difference(join(ROOT, file))).toBeUndefined();
  });

  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ictcost-xlsx-read-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the CLI's own copy (inline strings, shared formulas, tables) and a rebuild of it", async () => {
    const first = join(dir, "copy.xlsx");
    const again = join(dir, "again.xlsx");
    await compareCommand({ file: join(ROOT, "examples/voorbeeldrade.xlsx"), out: first });
    await compareCommand({ file: first, out: again });
    expect(await difference(first)).toBeUndefined();
    expect(await difference(again)).toBeUndefined();
  });

  it("a workbook ExcelJS writes with every kind of value, merged cells, hyperlinks and a table", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Alles & meer");
    ws.getCell("B2").value = { richText: [{ text: "Grootboek " }, { text: "ICT", font: { bold: true } }] };
    ws.getCell("C2").value = new Date(Date.UTC(2023, 0, 31, 13, 45, 12, 345));
    ws.getCell("D2").value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("E2").value = { formula: "1=2", result: false } as ExcelJS.CellFormulaValue;
    ws.getCell("F2").value = { formula: "A1", result: "<tekst & zo>" } as ExcelJS.CellFormulaValue;
    ws.getCell("G2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("H2").value = true;
    ws.getCell("I2").value = "  spaties\tund\r\nregels  ";
    ws.getCell("J2").value = { text: "link", hyperlink: "https://example.org" };
    ws.getCell("K2").value = "_x0041_ is A";
    ws.getCell("L2").value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("L2").numFmt = "dd-mm-yyyy";
    ws.getCell("M2").value = 45000.5;
    ws.getCell("M2").numFmt = "[$-413]d mmmm yyyy;@";
    ws.getCell("N2").value = 12.5;
    ws.getCell("N2").numFmt = '"dag" #,##0.00';
    ws.getCell("B4").value = "samengevoegd";
    ws.mergeCells("B4:D6");
    ws.mergeCells("F8:G9"); // empty top-left: does not count for the used range
    ws.getCell("B12").value = "Omschrijving";
    ws.getCell("C12").value = "Bedrag";
    ws.addTable({
      name: "Regels",
      ref: "B12",
      columns: [{ name: "Omschrijving" }, { name: "Bedrag" }],
      rows: [
        ["Licentie", 100],
        ["Onderhoud", 250.25],
      ],
    });
    wb.addWorksheet("Leeg");
    const hidden = wb.addWorksheet("Verborgen", { state: "hidden" });
    hidden.getCell("Z100").value = 1;
    const file = join(dir, "exceljs.xlsx");
    await wb.xlsx.writeFile(file);
    expect(await difference(file)).toBeUndefined();
  });

  /** A package around hand-written parts (sheet XML as other tools write it). */
  function handWritten(
    sheetXml: string,
    extra: { strings?: string; styles?: string; date1904?: boolean; sheetRels?: string },
  ) {
    const files: Record<string, Uint8Array> = {
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          "</Types>",
      ),
      "_rels/.rels": strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      "xl/workbook.xml": strToU8(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          (extra.date1904 ? '<workbookPr date1904="1"/>' : "") +
          '<sheets><sheet name="Blad &amp; 1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          (extra.strings
            ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            : "") +
          (extra.styles
            ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            : "") +
          "</Relationships>",
      ),
      "xl/worksheets/sheet1.xml": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          sheetXml +
          "</worksheet>",
      ),
    };
    if (extra.strings) files["xl/sharedStrings.xml"] = strToU8(extra.strings);
    if (extra.sheetRels) files["xl/worksheets/_rels/sheet1.xml.rels"] = strToU8(extra.sheetRels);
    if (extra.styles) files["xl/styles.xml"] = strToU8(extra.styles);
    return zipSync(files);
  }

  const STYLES =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="[Red]&quot;EUR&quot;\\ #,##0"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    '<cellXfs count="6"><xf numFmtId="14"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="0"/><xf numFmtId="46"/></cellXfs>' +
    '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy"/></dxf></dxfs>' +
    "</styleSheet>";
  const STRINGS =
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    "<si><t>gewoon</t></si>" +
    '<si><r><rPr><b/></rPr><t xml:space="preserve">rijk </t></r><r><t>_x000D_tekst</t></r><rPh sb="0" eb="1"><t>フリ</t></rPh></si>' +
    '<si><t>met fonetiek</t><rPh sb="0" eb="1"><t>ガナ</t></rPh><phoneticPr fontId="1"/></si>' +
    "<si/><si><t/></si><si><t>&lt;&amp;&gt; &#233;&#x20AC; a\r\nb</t></si>" +
    "</sst>";

  const LINKS =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>';

  it.each([
    [
      "every cell type, styles and shared strings",
      '<sheetData><row r="2">' +
        '<c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c>' +
        '<c r="E2" t="s"><v>3</v></c><c r="F2" t="s"><v>4</v></c><c r="G2" t="s"><v>5</v></c>' +
        '<c r="H2" t="inlineStr"><is><t>inline _x0041_</t></is></c>' +
        '<c r="I2" t="inlineStr"><is><r><t>in</t></r><r><rPr/><t>line _x0042_</t></r></is></c>' +
        '<c r="J2" t="b"><v>1</v></c><c r="K2" t="b"><v>0</v></c><c r="L2" t="e"><v>#N/A</v></c>' +
        '<c r="M2" t="str"><v>a &amp;amp; b &amp;lt;</v></c>' +
        '<c r="N2" s="1"><v>45000.123456789</v></c><c r="O2" s="2"><v>45000</v></c><c r="P2" s="3"><v>45000.75</v></c>' +
        '<c r="Q2" s="0"><v>45000</v></c><c r="R2" s="5"><v>1.5</v></c><c r="S2" s="4"><v>-0.0</v></c>' +
        '<c r="T2"><v>1.5E-3</v></c><c r="U2" s="1"/><c r="V2"/>' +
        "</row></sheetData>",
    ],
    [
      "formulas: cached results, shared formulas, falsy results, dated and hyperlinked ones",
      '<sheetData><row r="1">' +
        '<c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>1-1</f><v>0</v></c>' +
        '<c r="C1" t="b"><f>1=2</f><v>0</v></c><c r="D1" t="b"><f>1=1</f><v>1</v></c>' +
        '<c r="E1" t="str"><f>"x"</f><v>&amp;lt;x&amp;gt;</v></c><c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
        '<c r="G1" s="1"><f>0</f><v>0</v></c><c r="H1" s="1" t="str"><f>"12"</f><v>12</v></c>' +
        '<c r="I1" s="1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="J1"><f>NOW()</f></c>' +
        '<c r="K1"><f t="shared" ref="K1:K3" si="0">A1*2</f><v>4</v></c>' +
        '</row><row r="2"><c r="K2"><f t="shared" si="0"/><v>0</v></c><c r="L2"><f>0</f><v>0</v></c>' +
        '<c r="M2" t="s"><f>1</f><v>7</v></c>' +
        '</row><row r="3"><c r="K3"><f t="shared" si="0"/><v>6</v></c></row></sheetData>' +
        '<hyperlinks><hyperlink ref="L2" r:id="rId9"/><hyperlink ref="B1" location="Blad!A1"/></hyperlinks>',
    ],
    [
      "merged areas, cells without r, rows out of order, a duplicate cell, comments",
      "<!-- a comment --><sheetData>" +
        '<row r="5"><c r="C5" t="inlineStr"><is><t>rij 5</t></is></c></row>' +
        '<row r="3" spans="1:4"><c r="B3" t="inlineStr"><is><t>master</t></is></c><c r="C3"><v>9</v></c>' +
        '<c s="1"><v>1</v></c><c><v>2</v></c></row>' +
        '<row r="7"><c r="A7"><v>1</v></c><c r="A7"><v>3</v></c><c r="B7"><v>4</v></c></row>' +
        '<row r="9"><c r="H9"/><c r="I9" t="inlineStr"><is><t></t></is></c></row>' +
        '</sheetData><mergeCells count="3"><mergeCell ref="B3:D4"/><mergeCell ref="F10:G12"/><mergeCell ref="A7:A8"/></mergeCells>',
    ],
    [
      "attributes in single quotes, a > inside an attribute value",
      "<sheetData><row r='1' dyDescent=\"0.25 > 0\"><c r='A1' t='inlineStr'><is><t>x</t></is></c><c r=\"B1\"><v>2</v></c></row></sheetData>",
    ],
  ])("hand-written sheet XML: %s", async (_, sheetXml) => {
    for (const date1904 of [false, true]) {
      const file = join(dir, `hand-${date1904}.xlsx`);
      writeFileSync(
        file,
        handWritten(sheetXml, { strings: STRINGS, styles: STYLES, date1904, sheetRels: LINKS }),
      );
      expect(await difference(file)).toBeUndefined();
    }
  });

  it("reads CDATA as text (ExcelJS dropped it)", async () => {
    const file = join(dir, "cdata.xlsx");
    const xml =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c><c r="B1"><v><![CDATA[4]]></v></c></row></sheetData>';
    writeFileSync(file, handWritten(xml, {}));
    expect((await loadXlsxFile(file)).sheets[0].grid).toEqual([["a<b", 4]]);
  });

  it("reads sheet XML with namespace prefixes (which ExcelJS read as empty)", async () => {
    const file = join(dir, "prefixed.xlsx");
    const xml =
      '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="2">' +
      '<x:c r="B2" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c><x:c r="C2"><x:v>2</x:v></x:c></x:row></x:sheetData>';
    writeFileSync(file, handWritten(xml, {}));
    const { sheets } = await loadXlsxFile(file);
    expect(sheets).toEqual([{ name: "Blad & 1", grid: [["x", 2]], firstRow: 2, firstColumn: 2 }]);
  });

  it("reads a formula's cached 0 and FALSE as Range.values gives them to the add-in (ExcelJS dropped them)", async () => {
    const file = join(dir, "falsy.xlsx");
    const xml =
      '<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>1-1</f><v>0</v></c>' +
      '<c r="C1" t="b"><f>1=2</f><v>0</v></c><c r="D1" t="str"><f>""</f><v></v></c><c r="E1"><f>NOW()</f></c>' +
      '<c r="F1"><f>A1-2</f><v>0</v></c></row></sheetData>';
    writeFileSync(file, handWritten(xml, {}));
    // The used range reaches F1: a formula worth 0 is a value, as in Excel.
    expect((await loadXlsxFile(file)).sheets[0].grid).toEqual([[2, 0, false, "", "", 0]]);
    expect((await loadXlsxFile(file, { exceljsFalsy: true })).sheets[0].grid).toEqual([[2]]);
  });
});
