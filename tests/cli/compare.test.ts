/**
 * `ictcost compare`, `template` and `benchmark` in-process (cli.run): the JSON against the core called
 * directly, flags, user mistakes (exit 2, no stack), the -o copy (user sheets cell for cell unchanged,
 * own sheets with formulas and cached values, text that looks like a formula stays text).
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { createHash } from "crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/cli";
import { CompareJson } from "../../src/cli/compareOutput";
import { findFileInputs, readInputFile } from "../../src/cli/input";
import { readXlsxFile } from "../../src/cli/xlsx";
import { KPI_IDS } from "../../src/model/benchmark";
import { classifyLedger } from "../../src/model/categorise";
import { compare } from "../../src/model/comparison";
import { findKeyFigures } from "../../src/model/keyFigures";
import { readLedger } from "../../src/model/grid";
import { CATEGORIES } from "../../src/model/taxonomy";

const ROOT = join(__dirname, "../..");
const EXAMPLE = join(ROOT, "examples/voorbeeldrade.xlsx");
const DEV = join(ROOT, "tests/fixtures/cli/ledger-dev.csv");
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-compare-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function json(...args: string[]): Promise<CompareJson> {
  const r = await run(["compare", ...args, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as CompareJson;
}

/** The engine called directly, as a reviewer would: read, classify, compare. */
async function engine(file: string) {
  const book = await readInputFile(file);
  const inputs = findFileInputs(book);
  const lines = classifyLedger(inputs.read.lines);
  return compare(lines, inputs.figures);
}

const expectUserError = (r: { exitCode: number; stdout: string; stderr: string }, pattern: RegExp) => {
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
};

describe("compare --json on the example workbook", () => {
  it("has exactly the documented shape, with every KPI id of the contract", async () => {
    const out = await json(EXAMPLE);
    expect(Object.keys(out)).toEqual([
      "municipality",
      "year",
      "inhabitants",
      "edition",
      "lines",
      "components",
      "categories",
      "via_gr",
      "kpis",
      "reconciliation",
      "review",
      "issues",
      "cbs",
      "context",
      "iv3",
    ]);
    // The review list: the lines to check first, by amount × uncertainty, highest first.
    expect(out.review.length).toBeGreaterThan(0);
    const priority = out.review.map((l) => Math.abs(l.amount) * (1 - l.confidence));
    expect(priority).toEqual([...priority].sort((x, y) => y - x));
    expect(Object.keys(out.lines)).toEqual(["read", "skipped", "unclassified", "unclassified_amount"]);
    expect(Object.keys(out.components)).toEqual(["software", "personnel", "infrastructure"]);
    expect(Object.keys(out.categories)).toEqual(CATEGORIES.filter((c) => c.component).map((c) => c.code));
    expect(Object.keys(out.kpis)).toEqual(KPI_IDS.map((k) => k.id));
    for (const k of Object.values(out.kpis)) {
      expect(Object.keys(k)).toEqual(["own", "benchmark", "difference", "difference_pct"]);
    }
    for (const i of out.issues) expect(Object.keys(i)).toEqual(["sheet", "row", "message"]);
    // No 2022 benchmark for the budget share: null, not 0 and not missing.
    expect(out.kpis.ict_budget_share.benchmark).toBeNull();
    expect(out.kpis.ict_budget_share.difference_pct).toBeNull();
    expect(out.kpis.ict_budget_share.own).toBeGreaterThan(0);
  });

  it("gives the same figures as compare() called directly", async () => {
    const out = await json(EXAMPLE);
    const direct = await engine(EXAMPLE);
    expect(out.year).toBe(direct.year);
    expect(out.inhabitants).toBe(direct.inhabitants);
    expect(out.municipality).toBe(direct.municipality);
    expect(out.edition).toBe(direct.edition);
    for (const k of direct.kpis) {
      expect(out.kpis[k.id]).toEqual({
        own: k.own,
        benchmark: k.benchmark,
        difference: k.difference,
        difference_pct: k.differencePct,
      });
    }
    const t = direct.totals;
    expect(out.components.software).toBeCloseTo(t.components.software, 2);
    expect(out.components.personnel).toBeCloseTo(t.components.personnel, 2);
    expect(out.components.infrastructure).toBeCloseTo(t.components.infrastructure, 2);
    for (const [code, amount] of Object.entries(out.categories)) {
      expect(amount).toBeCloseTo(t.categories[code as keyof typeof t.categories] ?? 0, 2);
    }
    expect(out.lines.unclassified).toBe(t.unclassified.lines);
    expect(out.lines.unclassified_amount).toBeCloseTo(t.unclassified.amount, 2);
    expect(out.via_gr.lines).toBe(t.viaGr.lines);
    expect(out.via_gr.amount).toBeCloseTo(t.viaGr.amount, 2);
    expect(out.lines.read).toBeGreaterThan(400);
    expect(out.issues.map((i) => i.message)).toEqual(direct.issues.map((m) => `${m.nl} / ${m.en}`));
  });

  it("lets flags set the year and override inhabitants and budget", async () => {
    const base = await json(EXAMPLE);
    const y2022 = await json(EXAMPLE, "--year", "2022");
    expect(y2022.year).toBe(2022);
    expect(y2022.inhabitants).not.toBe(base.inhabitants);

    const flagged = await json(EXAMPLE, "--inhabitants", "100000", "--budget", "1000000000");
    const total =
      flagged.components.software + flagged.components.personnel + flagged.components.infrastructure;
    expect(flagged.inhabitants).toBe(100000);
    expect(flagged.kpis.total_per_inhabitant.own).toBeCloseTo(total / 100000, 6);
    expect(flagged.kpis.ict_budget_share.own).toBeCloseTo(total / 1e9, 9);
    expect(flagged.year).toBe(base.year);
  });

  it("fills missing key figures from the flags (a CSV ledger has none)", async () => {
    const r = await run(["compare", DEV, "--json"]);
    expectUserError(
      r,
      /^ictcost: Het aantal inwoners voor 2022 is niet gevonden\. Geef --inhabitants N of --gemeente NAAM\. \/ The number of inhabitants/,
    );
    const out = await json(DEV, "--inhabitants", "50000");
    expect(out.inhabitants).toBe(50000);
    expect(out.kpis.total_per_inhabitant.own).not.toBeNull();
    expect(out.kpis.ict_budget_share.own).toBeNull(); // no budget anywhere
  });
});

describe("compare as a table", () => {
  it("prints the KPIs own vs benchmark with Dutch verdicts and the unclassified amount", async () => {
    const r = await run(["compare", EXAMPLE]);
    expect(r.exitCode).toBe(0);
    const out = await json(EXAMPLE);
    for (const def of KPI_IDS) expect(r.stdout).toContain(def.label.nl);
    expect(r.stdout).toMatch(/Kengetal\s+Eigen\s+Benchmark\s+Verschil\s+Oordeel/);
    expect(r.stdout).toMatch(/(boven|onder) de benchmark/);
    expect(r.stdout).toContain(`Niet ingedeeld (XX.OO): ${out.lines.unclassified} regels`);
    expect(r.stderr).toMatch(/Niet ingedeeld \(XX\.OO\)/); // the engine's issues go to stderr
  });
});

describe("user mistakes: exit 2, one bilingual line, no stack", () => {
  it("refuses a missing file, a bad year, a bad number and a workbook without a ledger", async () => {
    expectUserError(await run(["compare", join(dir, "weg.xlsx")]), /Bestand niet gevonden.*File not found/);
    expectUserError(await run(["compare", EXAMPLE, "--year", "twintig"]), /--year verwacht een jaartal/);
    expectUserError(
      await run(["compare", EXAMPLE, "--inhabitants", "-5"]),
      /--inhabitants verwacht een positief getal/,
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Kerngegevens").addRows([
      ["Gemeente", "Nergensdorp"],
      ["Aantal inwoners", 1000],
    ]);
    const noLedger = join(dir, "geen-grootboek.xlsx");
    await wb.xlsx.writeFile(noLedger);
    expectUserError(await run(["compare", noLedger]), /Geen grootboek gevonden.*No ledger found/);
  });

  it("never writes the input: -o naming the input (also spelled otherwise) is refused", async () => {
    const input = join(dir, "invoer.xlsx");
    copyFileSync(EXAMPLE, input);
    const before = sha(input);
    expectUserError(await run(["compare", input, "-o", input]), /-o is het invoerbestand zelf/);
    expectUserError(
      await run(["compare", input, "-o", join(dir, "sub", "..", "invoer.xlsx")]),
      /-o is het invoerbestand zelf/,
    );
    const r = await run(["compare", input, "-o", join(dir, "uit.xlsx")]);
    expect(r.exitCode).toBe(0);
    expect(sha(input)).toBe(before);
  });
});

/** Every cell of a sheet: address → value (formulas as {formula, result}) and number format. */
function cellMap(ws: ExcelJS.Worksheet): Map<string, { value: unknown; numFmt: unknown }> {
  const out = new Map<string, { value: unknown; numFmt: unknown }>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) =>
      out.set(cell.address, { value: cell.value, numFmt: cell.numFmt }),
    ),
  );
  return out;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe("compare -o: the copy of the workbook", () => {
  let outPath: string;
  let out: CompareJson;
  let input: ExcelJS.Workbook;
  let output: ExcelJS.Workbook;
  beforeAll(async () => {
    outPath = join(dir, "sub", "voorbeeldrade-benchmark.xlsx"); // the folder does not exist yet
    const r = await run(["compare", EXAMPLE, "-o", outPath]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain(`Geschreven: ${outPath}`);
    expect(r.stdout).toContain("Kengetal"); // the table is printed with -o too
    out = await json(EXAMPLE);
    [input, output] = await Promise.all([load(EXAMPLE), load(outPath)]);
  });

  it("keeps every user sheet cell for cell (values, formulas, number formats) and adds the add-in's sheets", () => {
    const names = input.worksheets.map((w) => w.name);
    expect(output.worksheets.map((w) => w.name)).toEqual([
      ...names,
      "ICT-categorisatie",
      "ICT-vergelijking",
      "ICT-trend",
      "ICT-toelichting",
    ]);
    for (const name of names) {
      const before = cellMap(input.getWorksheet(name)!);
      const after = cellMap(output.getWorksheet(name)!);
      expect(before.size).toBeGreaterThan(0);
      expect(after).toEqual(before);
    }
  });

  it("writes the categorisation as an Excel table with Definitief/Component formulas and cached values", () => {
    const ws = output.getWorksheet("ICT-categorisatie")!;
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual([
      "ICT_categorisatie",
    ]);
    expect(ws.getCell("A4").value).toBe("Bronrij");
    expect(ws.getCell("N4").value).toBe("Definitief");
    const n5 = ws.getCell("N5").value as ExcelJS.CellFormulaValue;
    expect(n5.formula).toBe('IF(M5="",H5,M5)');
    expect(n5.result).toBe(ws.getCell("H5").value);
    const o5 = ws.getCell("O5").value as ExcelJS.CellFormulaValue;
    expect(o5.formula).toMatch(/^IF\(LEFT\(N5,3\)="SW\."/);
    expect(ws.getCell("G5").numFmt).toBe("#,##0.00");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.getColumn(3).width).toBe(40);
    // Amounts that are numbers in the user's Grootboek follow that cell (guarded by the description).
    const live = [5, 6, 7, 8, 9, 10]
      .map((r) => ws.getCell(`G${r}`))
      .filter((c) => c.type === ExcelJS.ValueType.Formula);
    expect(live.length).toBeGreaterThan(0);
    for (const c of live) expect(c.formula).toMatch(/^IF\('Grootboek'!A\d+=C\d+,'Grootboek'!F\d+,NA\(\)\)$/);
    // Cached Definitief/Component over the comparison year add up to the JSON figures.
    const byComponent: Record<string, number> = {};
    const amountOf = (v: ExcelJS.CellValue) =>
      (typeof v === "object" ? (v as ExcelJS.CellFormulaValue).result : v) as number;
    for (let r = 5; r < 5 + out.lines.read; r++) {
      const row = ws.getRow(r);
      if (row.getCell(6).value !== out.year) continue;
      const component = (row.getCell(15).value as ExcelJS.CellFormulaValue).result as string;
      byComponent[component] = (byComponent[component] ?? 0) + amountOf(row.getCell(7).value);
    }
    expect(byComponent.software).toBeCloseTo(out.components.software, 2);
    expect(byComponent.personeel).toBeCloseTo(out.components.personnel, 2);
    expect(byComponent.infrastructuur).toBeCloseTo(out.components.infrastructure, 2);
  });

  it("writes the comparison with live formulas whose cached values are the engine's KPIs", () => {
    const ws = output.getWorksheet("ICT-vergelijking")!;
    let seen = 0;
    ws.eachRow((row) => {
      const id = row.getCell(10).value;
      if (typeof id !== "string" || !(id in out.kpis)) return;
      seen++;
      const own = row.getCell(3).value as ExcelJS.CellFormulaValue;
      expect(typeof own.formula).toBe("string");
      expect(own.formula.startsWith("=")).toBe(false);
      const expected = out.kpis[id].own;
      expect(own.result).toBe(expected === null ? "" : expected);
    });
    expect(seen).toBe(KPI_IDS.length);
    // Native charts, as the add-in draws them: column and doughnut here, the trend's line chart.
    const charts = Object.entries(unzipSync(readFileSync(outPath))).filter(([n]) =>
      /^xl\/charts\/chart\d+\.xml$/.test(n),
    );
    const kinds = charts
      .map(([, x]) => /<c:(barChart|doughnutChart|lineChart)>/.exec(strFromU8(x))?.[1])
      .sort();
    expect(kinds).toEqual(["barChart", "doughnutChart", "lineChart"]);
  });

  it("writes the trend sheet for the example's two years", () => {
    const ws = output.getWorksheet("ICT-trend")!;
    expect([ws.getCell("A5").value, ws.getCell("A6").value]).toEqual([2022, 2023]);
    expect(ws.getCell("B6").formula).toMatch(/^SUMIFS\('ICT-categorisatie'!/);
  });
});

describe("compare -o with a user's own sheets, formulas and hostile text", () => {
  it("keeps a user sheet named ICT-vergelijking, writes ours as ICT-vergelijking (2), and never writes text as a formula", async () => {
    const wb = new ExcelJS.Workbook();
    const kf = wb.addWorksheet("Kerngegevens");
    kf.addRows([
      ["Gemeente", "Proefstad"],
      ["Boekjaar", 2022],
      ["Aantal inwoners", 40000],
    ]);
    const ledger = wb.addWorksheet("Grootboek");
    ledger.addRows([
      ["Omschrijving", "Leverancier", "Bedrag"],
      ['=HYPERLINK("http://x")', "Centric", 1000],
      ["+cmd", "", 2000],
      ["Licentie Microsoft 365", "Microsoft", 50000],
    ]);
    ledger.getCell("C6").value = { formula: "SUM(C2:C4)", result: 53000 };
    const mine = wb.addWorksheet("ICT-vergelijking");
    mine.getCell("A1").value = "Mijn eigen aantekeningen";
    mine.getCell("B2").value = { formula: "Grootboek!C2*2", result: 2000 };
    const input = join(dir, "vijandig.xlsx");
    await wb.xlsx.writeFile(input);
    const before = sha(input);

    const outPath = join(dir, "vijandig-uit.xlsx");
    const r = await run(["compare", input, "-o", outPath]);
    expect(r.stderr).not.toMatch(/interne fout/);
    expect(r.exitCode).toBe(0);
    expect(sha(input)).toBe(before);

    const [a, b] = await Promise.all([load(input), load(outPath)]);
    expect(b.worksheets.map((w) => w.name)).toEqual([
      "Kerngegevens",
      "Grootboek",
      "ICT-vergelijking",
      "ICT-categorisatie",
      "ICT-vergelijking (2)",
      "ICT-toelichting",
    ]);
    // The toelichting watches our comparison, never the user's sheet of the same name.
    const stale = b.getWorksheet("ICT-toelichting")!.getCell("A3").value as { formula: string };
    expect(stale.formula).toContain("'ICT-vergelijking (2)'!$B$14");
    expect(stale.formula).not.toMatch(/'ICT-vergelijking'!/);
    for (const name of ["Kerngegevens", "Grootboek", "ICT-vergelijking"]) {
      expect(cellMap(b.getWorksheet(name)!)).toEqual(cellMap(a.getWorksheet(name)!));
    }
    const cat = b.getWorksheet("ICT-categorisatie")!;
    const descriptions = [5, 6, 7].map((r) => cat.getRow(r).getCell(3));
    expect(descriptions.map((c) => c.value)).toEqual([
      '=HYPERLINK("http://x")',
      "+cmd",
      "Licentie Microsoft 365",
    ]);
    for (const c of descriptions) expect(c.type).toBe(ExcelJS.ValueType.String);
    // Our comparison sheet's formulas point at our categorisation sheet.
    const cmp = b.getWorksheet("ICT-vergelijking (2)")!;
    expect((cmp.getCell("B14").value as ExcelJS.CellFormulaValue).formula).toContain("'ICT-categorisatie'!");
    // Inhabitants are a live reference to the user's key-figure cell, with its value cached.
    const inhabitants = cmp.getCell("B8").value as ExcelJS.CellFormulaValue;
    expect(inhabitants.formula).toBe("'Kerngegevens'!$B$3");
    expect(inhabitants.result).toBe(40000);
    // No ICT-trend: one year only.
    expect(b.getWorksheet("ICT-trend")).toBeUndefined();
  });

  it("rebuilds a copy that Excel saved again (the XML marks gone) in place: our sheets replaced, never '(2)'", async () => {
    const first = join(dir, "eerste.xlsx");
    expect((await run(["compare", EXAMPLE, "-o", first])).exitCode).toBe(0);
    // Saved again by another program (ExcelJS here, as by Excel): the comment that marked our sheets is gone.
    const resaved = await load(first);
    const names = resaved.worksheets.map((w) => w.name);
    const mine = resaved.addWorksheet("ICT-trend (2)");
    mine.getCell("A1").value = "Mijn eigen trendaantekeningen";
    const again = join(dir, "opnieuw-bewaard.xlsx");
    await resaved.xlsx.writeFile(again);
    expect(
      Object.values(unzipSync(readFileSync(again))).some((x) => strFromU8(x).includes("ictcost:own-sheet")),
    ).toBe(false);

    const rebuilt = join(dir, "herbouwd.xlsx");
    const r = await run(["compare", again, "-o", rebuilt]);
    expect(r.exitCode).toBe(0);
    const out = await load(rebuilt);
    // Ours are recognised by name and A1 title and replaced; the user's sheet named like ours stays theirs.
    expect(out.worksheets.map((w) => w.name).sort()).toEqual([...names, "ICT-trend (2)"].sort());
    expect(out.getWorksheet("ICT-trend (2)")!.getCell("A1").value).toBe("Mijn eigen trendaantekeningen");
  });

  it("writes a CSV ledger's copy as a new workbook with the ledger as its user sheet", async () => {
    const outPath = join(dir, "dev-uit.xlsx");
    const r = await run(["compare", DEV, "--inhabitants", "50000", "-o", outPath]);
    expect(r.exitCode).toBe(0);
    const sheets = await readXlsxFile(outPath);
    expect(sheets.map((s) => s.name)).toEqual([
      "ledger-dev.csv",
      "ICT-categorisatie",
      "ICT-vergelijking",
      "ICT-toelichting",
    ]);
    expect(readLedger(sheets[0].grid).lines).toHaveLength(74);
  });
});

describe("progress for big files", () => {
  it("reports the lines read on the progress channel, not on stdout", async () => {
    const rows = ["Omschrijving;Leverancier;Boekjaar;Bedrag"];
    for (let i = 0; i < 25000; i++) rows.push(`Licentie Microsoft 365 factuur ${i};Microsoft;2022;12,50`);
    const big = join(dir, "groot.csv");
    writeFileSync(big, rows.join("\n"));
    const progress: string[] = [];
    const r = await run(["compare", big, "--inhabitants", "50000", "--json"], {
      progress: (t) => progress.push(t),
    });
    expect(r.exitCode).toBe(0);
    expect(progress[0]).toBe("regels lezen… 25.000 / reading lines… 25,000");
    expect(JSON.parse(r.stdout).lines.read).toBe(25000);
  });
});

describe("ictcost template", () => {
  it("writes the input template, which the readers read back (ledger with its example lines)", async () => {
    const path = join(dir, "sjabloon.xlsx");
    const r = await run(["template", path]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("Sjabloon geschreven");
    const sheets = await readXlsxFile(path);
    expect(sheets.map((s) => s.name)).toEqual(["Kerngegevens", "Grootboek", "Regels"]);
    const book = { path, sheets, tables: [] };
    const inputs = findFileInputs(book);
    expect(inputs.ledger.sheet.name).toBe("Grootboek");
    const read = inputs.read;
    expect(read.missing).toEqual([]);
    expect(read.lines.length).toBeGreaterThan(0);
    expect(read.issues).toEqual([]);
    expect(findKeyFigures(sheets[0].grid).issues).toEqual([]);
    const wb = await load(path);
    expect(Object.keys((wb.getWorksheet("Grootboek") as unknown as { tables: object }).tables)).toHaveLength(
      1,
    );

    expectUserError(await run(["template", path]), /Bestand bestaat al.*--force/);
    expect((await run(["template", path, "--force"])).exitCode).toBe(0);
    expect(existsSync(path)).toBe(true);
  });
});

describe("ictcost benchmark", () => {
  it("prints the reference figures with edition and report lines, as a table or JSON", async () => {
    const table = await run(["benchmark"]);
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toContain("ICT Benchmark Gemeenten 2023 (M&I/Partners), boekjaar 2022");
    expect(table.stdout).toMatch(/Totale ICT-kosten\s+2022\s+106\s+€ per inwoner\s+regels 114/);
    const r = await run(["benchmark", "--json"]);
    const data = JSON.parse(r.stdout);
    expect(data.edition).toMatchObject({ id: "ict-benchmark-gemeenten-2023", book_year: 2022 });
    expect(data.kpis.total_per_inhabitant["2022"]).toMatchObject({
      value: 106,
      unit: "eur_per_inhabitant",
      source: { edition: "ICT Benchmark Gemeenten 2023", publisher: "M&I/Partners" },
    });
    expect(data.kpis.total_per_inhabitant["2022"].source.lines).toMatch(/114/);
    expect(data.categories["SW.KA"]["2022"].value).toBeGreaterThan(0);
    expectUserError(await run(["benchmark", "--edition", "nope"]), /Onbekende benchmarkeditie: nope/);
  });
});
