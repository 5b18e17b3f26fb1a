/**
 * The lossless copy (issue 13 item 1) over real Excel workbooks nobody on this project wrote
 * (../shared/fixtures/real-workbooks, prepared with a Grootboek and a Kerngegevens sheet): every zip
 * entry of the user's file comes out raw-identical (local header, compressed bytes, data descriptor),
 * except the four index parts the writer edits — workbook.xml, its rels, [Content_Types].xml and
 * styles.xml — and those still hold every element they had, in order (only count attributes and
 * calcPr's fullCalcOnLoad may differ). Each new part is well-formed (xmllint), has its content type
 * and is reachable through relationships; ExcelJS reads the own sheets back with formulas and cached
 * values; a rebuild replaces only the own sheets; the CSV path makes a fresh workbook.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SaxesParser } from "saxes";
import { run } from "../../../src/cli/cli";
import { freshWorkbookBytes, writeFreshWorkbook } from "../../../src/cli/ooxml/freshWorkbook";
import {
  copyWithLayouts,
  isMacroEnabled,
  listSheets,
  writeLosslessCopy,
} from "../../../src/cli/ooxml/losslessCopy";
import { OWN_SHEET_MARKER } from "../../../src/cli/ooxml/sheetXml";
import { readZip, ZipArchive } from "../../../src/cli/ooxml/zip";
import { resolvePath } from "../../../src/cli/ooxml/xml";
import { isFormula, SheetLayout } from "../../../src/model/layout/types";
import { EXAMPLE, FIXTURES, layoutsFor, preparedWorkbooks } from "./helpers";

const EDITED = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];
const dec = new TextDecoder();
const DATE = new Date(2026, 0, 2, 3, 4, 6);

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-lossless-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function raw(zip: ZipArchive, name: string): Uint8Array | undefined {
  const e = zip.entries.find((x) => x.name === name);
  return e && zip.bytes.subarray(e.rawStart, e.rawEnd);
}

function partText(bytes: Uint8Array, name: string): string {
  const { unzipSync } = jest.requireActual<typeof import("fflate")>("fflate");
  const files = unzipSync(bytes, { filter: (f) => f.name === name });
  return files[name] ? dec.decode(files[name]) : "";
}

/** Elements in document order: "path|attributes|text" (attributes sorted; count/fullCalcOnLoad dropped). */
function elements(xml: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  const texts: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on("opentag", (t) => {
    stack.push(t.name);
    const a = Object.entries(t.attributes as Record<string, string>)
      .filter(([k]) => k !== "count" && k !== "fullCalcOnLoad")
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");
    out.push(`${stack.join("/")}|${a}`);
    texts.push("");
  });
  parser.on("text", (t) => {
    if (out.length) out[out.length - 1] += t.trim() ? `|${t}` : "";
  });
  parser.on("closetag", () => stack.pop());
  parser.write(xml).close();
  return out;
}

/** Every element of `before` appears in `after`, in the same order (a subsequence). */
function missingElements(before: string, after: string): string[] {
  const a = elements(after);
  const missing: string[] = [];
  let j = 0;
  for (const el of elements(before)) {
    const k = a.indexOf(el, j);
    if (k < 0) missing.push(el);
    else j = k + 1;
  }
  return missing;
}

function xmllint(files: string[]): string {
  const r = spawnSync("xmllint", ["--noout", ...files], { encoding: "utf8" });
  if (r.error) throw r.error;
  return r.stderr;
}

const fixtures = preparedWorkbooks();
const describeFixtures = fixtures.length ? describe : describe.skip;
if (!fixtures.length) {
  console.warn(`skipped: no real-workbook fixtures at ${FIXTURES} (../shared/fixtures is absent)`);
}

describeFixtures("lossless copy of real Excel workbooks", () => {
  const copies = new Map<string, { input: Uint8Array; out: Uint8Array; layouts: SheetLayout[] }>();
  beforeAll(async () => {
    for (const f of fixtures) {
      const path = join(FIXTURES, f);
      const input = new Uint8Array(readFileSync(path));
      const layouts = await layoutsFor(
        path,
        listSheets(input).map((s) => s.name),
      );
      copies.set(f, { input, out: writeLosslessCopy(input, layouts, { date: DATE }), layouts });
    }
  }, 60_000);

  it.each(fixtures)(
    "%s: every user entry is raw-identical, the edited index parts keep all they had",
    (f) => {
      const { input, out } = copies.get(f)!;
      const before = readZip(input);
      const after = readZip(out);
      for (const e of before.entries) {
        if (EDITED.includes(e.name)) {
          expect({
            part: e.name,
            missing: missingElements(partText(input, e.name), partText(out, e.name)),
          }).toEqual({
            part: e.name,
            missing: [],
          });
          continue;
        }
        const copy = raw(after, e.name);
        expect(copy).toBeDefined();
        expect(Buffer.from(copy!).equals(Buffer.from(raw(before, e.name)!))).toBe(true);
      }
      // The entries keep their order; the new ones come after them.
      const names = after.entries.map((e) => e.name);
      expect(names.slice(0, before.entries.length)).toEqual(before.entries.map((e) => e.name));
    },
  );

  it.each(fixtures)("%s: new parts are well-formed, typed and reachable", (f) => {
    const { input, out } = copies.get(f)!;
    const inputNames = new Set(readZip(input).entries.map((e) => e.name));
    const files = readZip(out).entries.map((e) => e.name);
    const fresh = files.filter((n) => !inputNames.has(n) || EDITED.includes(n));
    const sub = mkdtempSync(join(dir, "parts-"));
    const paths = fresh.map((n, i) => {
      const p = join(sub, `${i}.xml`);
      writeFileSync(p, partText(out, n));
      return p;
    });
    expect(xmllint(paths)).toBe("");
    const types = partText(out, "[Content_Types].xml");
    for (const n of files.filter((x) => !inputNames.has(x) && !x.endsWith(".rels"))) {
      expect(types).toContain(`<Override PartName="/${n}" ContentType="`);
    }
    // Every internal target of every new or edited rels part exists.
    for (const relsName of fresh.filter((n) => n.endsWith(".rels"))) {
      const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsName)!;
      const source = m[1] + m[2];
      for (const rel of partText(out, relsName).matchAll(/<Relationship [^>]*>/g)) {
        if (/TargetMode="External"/.test(rel[0])) continue;
        const resolved = resolvePath(source, /Target="([^"]+)"/.exec(rel[0])![1]);
        expect({ rels: relsName, target: resolved, exists: files.includes(resolved) }).toEqual({
          rels: relsName,
          target: resolved,
          exists: true,
        });
      }
    }
  });

  it.each(fixtures)(
    "%s: every part has a content type; own worksheets follow the schema's element order",
    (f) => {
      const { out } = copies.get(f)!;
      const types = partText(out, "[Content_Types].xml");
      const defaults = new Set(
        [...types.matchAll(/<Default [^>]*Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase()),
      );
      const overrides = new Set(
        [...types.matchAll(/<Override [^>]*PartName="([^"]+)"/g)].map((m) => m[1].toLowerCase()),
      );
      for (const e of readZip(out).entries) {
        if (e.name === "[Content_Types].xml" || e.name.endsWith("/")) continue;
        const ext = e.name.split(".").pop()!.toLowerCase();
        expect({
          part: e.name,
          typed: overrides.has(`/${e.name}`.toLowerCase()) || defaults.has(ext),
        }).toEqual({
          part: e.name,
          typed: true,
        });
      }
      // CT_Worksheet is a sequence: the children of each own sheet must come in this order.
      const ORDER = [
        "sheetPr",
        "dimension",
        "sheetViews",
        "sheetFormatPr",
        "cols",
        "sheetData",
        "autoFilter",
        "conditionalFormatting",
        "dataValidations",
        "pageMargins",
        "drawing",
        "tableParts",
      ];
      for (const s of listSheets(out).filter((x) => x.own)) {
        const xml = partText(out, s.part);
        const children = [...xml.matchAll(/<(\w+)[\s>/]/g)].map((m) => m[1]).filter((n) => ORDER.includes(n));
        const positions = children.map((n) => ORDER.indexOf(n));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(children).toContain("sheetData");
      }
    },
  );

  it("keeps the user features: VBA, pivot tables, charts, images, validation, conditional formats, names, hidden sheets", () => {
    const has = (f: string, pattern: RegExp) =>
      readZip(copies.get(f)!.out).entries.some((e) => pattern.test(e.name));
    const xlsm = fixtures.filter((f) => f.endsWith(".xlsm"));
    expect(xlsm.length).toBeGreaterThan(0);
    for (const f of fixtures) expect(isMacroEnabled(copies.get(f)!.out)).toBe(f.endsWith(".xlsm"));
    for (const f of xlsm) {
      expect(has(f, /^xl\/vbaProject\.bin$/)).toBe(true);
      expect(partText(copies.get(f)!.out, "[Content_Types].xml")).toContain(
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      );
    }
    expect(fixtures.some((f) => has(f, /^xl\/pivotTables\//))).toBe(true);
    expect(fixtures.some((f) => has(f, /^xl\/charts\/chart\d+\.xml$/))).toBe(true);
    expect(fixtures.some((f) => has(f, /^xl\/media\//))).toBe(true);
    const wb = (f: string) => partText(copies.get(f)!.out, "xl/workbook.xml");
    expect(fixtures.some((f) => /state="hidden"/.test(wb(f)))).toBe(true);
    expect(fixtures.some((f) => /<definedName /.test(wb(f)))).toBe(true);
    const sheetsWith = (pattern: RegExp) =>
      fixtures.some((f) =>
        readZip(copies.get(f)!.input)
          .entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
          .some((e) => pattern.test(partText(copies.get(f)!.out, e.name))),
      );
    expect(sheetsWith(/<dataValidation[ >]|<x14:dataValidation/)).toBe(true);
    expect(sheetsWith(/<conditionalFormatting/)).toBe(true);
  });

  it("ExcelJS reads the own sheets back: values, formulas with cached results, the table", async () => {
    const f = "poi-DataTableCities.prepared.xlsx";
    const { out, layouts } = copies.get(f)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    for (const layout of layouts) {
      const ws = wb.getWorksheet(layout.name)!;
      expect(ws).toBeDefined();
      for (const block of layout.blocks) {
        const m = /^([A-Z]+)(\d+)$/.exec(block.at)!;
        const top = Number(m[2]);
        const left = ws.getColumn(m[1]).number;
        block.cells.forEach((row, r) =>
          row.forEach((v, c) => {
            const cell = ws.getCell(top + r, left + c);
            if (isFormula(v)) {
              expect(cell.formula).toBe(v.formula.replace(/^=/, ""));
              if (typeof v.value === "number") expect(cell.result).toBeCloseTo(v.value, 9);
            } else if (v !== null && v !== undefined && v !== "") {
              expect(cell.value).toEqual(v);
            }
          }),
        );
      }
    }
    const cat = wb.getWorksheet(layouts[0].name)! as unknown as { tables: Record<string, unknown> };
    expect(Object.keys(cat.tables)).toHaveLength(1);
    // The user's sheets are there too.
    expect(wb.getWorksheet("Grootboek")).toBeDefined();
    expect(wb.getWorksheet("Table")).toBeDefined();
  });

  it("a rebuild into the copy replaces only the own sheets, and styles do not grow", async () => {
    const f = "poi-57181.prepared.xlsm";
    const { input, out } = copies.get(f)!;
    const sheets = listSheets(out);
    expect(sheets.filter((s) => s.own).map((s) => s.name)).toEqual([
      "ICT-categorisatie",
      "ICT-vergelijking",
      "ICT-toelichting",
    ]);
    const userNames = sheets.filter((s) => !s.own).map((s) => s.name);
    const layouts = await layoutsFor(join(FIXTURES, f), userNames);
    expect(layouts.map((l) => l.name)).toEqual(["ICT-categorisatie", "ICT-vergelijking", "ICT-toelichting"]);
    let offered: string[] = [];
    const { bytes: again, sheets: written } = copyWithLayouts(
      out,
      (names) => {
        offered = names;
        return layouts;
      },
      { date: DATE },
    );
    expect(offered).toEqual(userNames);
    expect(written).toEqual(layouts.map((l) => l.name));
    expect(listSheets(again).map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    const a = readZip(out);
    const b = readZip(again);
    // The same parts (the new ones under fresh numbers: a part name of the input is never reused).
    const kinds = (z: ZipArchive) => z.entries.map((e) => e.name.replace(/\d+/g, "#")).sort();
    expect(kinds(b)).toEqual(kinds(a));
    expect(partText(again, "xl/styles.xml")).toBe(partText(out, "xl/styles.xml"));
    for (const e of readZip(input).entries) {
      if (EDITED.includes(e.name)) continue;
      expect(Buffer.from(raw(b, e.name)!).equals(Buffer.from(raw(readZip(input), e.name)!))).toBe(true);
    }
    // The workbook index is the first copy's again (same sheets, same order).
    expect(missingElements(partText(out, "xl/workbook.xml"), partText(again, "xl/workbook.xml"))).toEqual([]);
  });
});

describeFixtures("removing own sheets keeps the package whole", () => {
  it("sheet-scoped names follow their sheets; pivot caches stay; every reference resolves", () => {
    const f = "closedxml-TemplateWithTableSourcePivotTables.prepared.xlsx";
    const input = new Uint8Array(readFileSync(join(FIXTURES, f)));
    // Pretend two user sheets in the middle were ours: one with a sheet-scoped name, one with a pivot table.
    const gone = ["AssetsDetail", "StressedAssetsPivot"];
    const out = writeLosslessCopy(input, [], { isOwnSheet: (n) => gone.includes(n) });
    const sheets = listSheets(out).map((s) => s.name);
    expect(sheets).toEqual(
      listSheets(input)
        .map((s) => s.name)
        .filter((n) => !gone.includes(n)),
    );
    const wb = partText(out, "xl/workbook.xml");
    const scoped = [...wb.matchAll(/<definedName name="([^"]+)" localSheetId="(\d+)">([^<]*)</g)];
    expect(scoped).toHaveLength(8); // 9 before, AssetsDetail's one is gone
    for (const [, , id, formula] of scoped) expect(formula.startsWith(`${sheets[Number(id)]}!`)).toBe(true);
    const names = readZip(out).entries.map((e) => e.name);
    expect(names.filter((n) => /pivotCacheDefinition\d+\.xml$/.test(n))).toHaveLength(
      readZip(input).entries.filter((e) => /pivotCacheDefinition\d+\.xml$/.test(e.name)).length,
    );
    expect(names.filter((n) => /pivotTables\/pivotTable\d+\.xml$/.test(n)).length).toBeLessThan(
      readZip(input).entries.filter((e) => /pivotTables\/pivotTable\d+\.xml$/.test(e.name)).length,
    );
    for (const relsName of names.filter((n) => n.endsWith(".rels"))) {
      const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsName)!;
      expect(names).toContain(m[1] + m[2] || "[Content_Types].xml");
      for (const rel of partText(out, relsName).matchAll(/<Relationship [^>]*>/g)) {
        if (/TargetMode="External"/.test(rel[0])) continue;
        const target = resolvePath(m[1] + m[2], /Target="([^"]+)"/.exec(rel[0])![1]);
        expect({ relsName, target, exists: names.includes(target) }).toEqual({
          relsName,
          target,
          exists: true,
        });
      }
    }
    for (const o of partText(out, "[Content_Types].xml").matchAll(/<Override PartName="\/([^"]+)"/g)) {
      expect({ override: o[1], exists: names.includes(o[1]) }).toEqual({ override: o[1], exists: true });
    }
  });
});

describe("lossless copy: own sheets, rebuild by name, CSV", () => {
  it("marks own sheets; isOwnSheet also recognises sheets of another writer by name", async () => {
    const input = new Uint8Array(readFileSync(EXAMPLE));
    const layouts = await layoutsFor(
      EXAMPLE,
      listSheets(input).map((s) => s.name),
    );
    const out = writeLosslessCopy(input, layouts);
    expect(
      partText(
        out,
        "xl/worksheets/" +
          listSheets(out)
            .find((s) => s.own)!
            .part.split("/")
            .pop(),
      ),
    ).toContain(OWN_SHEET_MARKER);
    const byName = listSheets(input, { isOwnSheet: (n) => n === listSheets(input)[0].name });
    expect(byName[0].own).toBe(true);
    expect(() => writeLosslessCopy(input, [{ ...layouts[0], name: listSheets(input)[0].name }])).toThrow(
      /in use/,
    );
  });

  it("rebuilds a copy the ExcelJS writer made: its ICT sheets (recognised by name) and their tables go", async () => {
    const old = join(dir, "exceljs-copy.xlsx");
    const r = await run(["compare", EXAMPLE, "-o", old]);
    expect(r.exitCode).toBe(0);
    const input = new Uint8Array(readFileSync(old));
    const isOwnSheet = (n: string) =>
      /^ICT-(categorisatie|vergelijking|trend|toelichting)( \(\d+\))?$/.test(n);
    const before = listSheets(input, { isOwnSheet });
    expect(before.filter((s) => s.own)).toHaveLength(4);
    const layouts = await layoutsFor(
      EXAMPLE,
      before.filter((s) => !s.own).map((s) => s.name),
    );
    const out = writeLosslessCopy(input, layouts, { isOwnSheet });
    expect(listSheets(out).map((s) => s.name)).toEqual(before.map((s) => s.name));
    const names = readZip(out).entries.map((e) => e.name);
    expect(names.filter((n) => /^xl\/tables\/.+\.xml$/.test(n))).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(before.map((s) => s.name));
  });

  it("layouts alone make a workbook (the template command's case); nothing at all is refused", async () => {
    const layouts = await layoutsFor(EXAMPLE, []);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(writeFreshWorkbook([], layouts)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(layouts.map((l) => l.name));
    expect(() => writeFreshWorkbook([], [])).toThrow(/at least one sheet/);
  });

  it("refuses what it cannot copy safely: no zip, a Strict Open XML workbook", async () => {
    expect(() => writeLosslessCopy(new TextEncoder().encode("Omschrijving;Bedrag\n"), [])).toThrow(
      /not a zip/,
    );
    const { unzipSync, zipSync, strToU8 } = jest.requireActual<typeof import("fflate")>("fflate");
    const files = unzipSync(freshWorkbookBytes([{ name: "a", grid: [[1]] }]));
    files["_rels/.rels"] = strToU8(
      dec
        .decode(files["_rels/.rels"])
        .replace(
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
          "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
        ),
    );
    expect(() => writeLosslessCopy(zipSync(files), [])).toThrow(/Strict Open XML/);
  });

  it("a CSV grid becomes a fresh workbook with the layouts; text that looks like a formula stays text", async () => {
    const input = new Uint8Array(readFileSync(EXAMPLE));
    const layouts = await layoutsFor(EXAMPLE, ["ledger"]);
    const out = writeFreshWorkbook(
      [
        {
          name: "ledger",
          grid: [
            ["Omschrijving", "Bedrag"],
            ['=HYPERLINK("x")', 12.5],
            ["a & <b>", -3],
          ],
        },
      ],
      layouts,
    );
    expect(input.length).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["ledger", ...layouts.map((l) => l.name)]);
    const ws = wb.getWorksheet("ledger")!;
    expect(ws.getCell("A2").value).toBe('=HYPERLINK("x")');
    expect(ws.getCell("A3").value).toBe("a & <b>");
    expect(ws.getCell("B2").value).toBe(12.5);
    expect(existsSync(dir)).toBe(true);
  });
});
