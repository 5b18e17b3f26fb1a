/**
 * `ictcost compare --gemeente NAME` and the key figures' Gemeente: CBS fills inhabitants and budget,
 * `--json` gains a `cbs` object (figures used with source and year, differences, overhead context), the
 * table marks every CBS figure "(CBS 2023)"; names CBS cannot place are refused with candidates.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { strFromU8, unzipSync } from "fflate";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/cli";
import { CompareJson } from "../../src/cli/compareOutput";

const ROOT = join(__dirname, "../..");
const DEV = join(ROOT, "tests/fixtures/cli/ledger-dev.csv");

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-cbs-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function json(...args: string[]): Promise<CompareJson> {
  const r = await run(["compare", ...args, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as CompareJson;
}

const expectRefused = (r: { exitCode: number; stdout: string; stderr: string }, pattern: RegExp) => {
  expect(r.exitCode).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
};

describe("compare a ledger CSV with --gemeente", () => {
  it("needs no other flag: inhabitants from CBS, with source and year, in --json's cbs object", async () => {
    const out = await json(DEV, "--gemeente", "Zwolle", "--year", "2023");
    expect(out.municipality).toBe("Zwolle");
    expect(out.inhabitants).toBe(132411);
    expect(out.kpis.total_per_inhabitant.own).toBeCloseTo(
      (out.components.software + out.components.personnel + out.components.infrastructure) / 132411,
      6,
    );
    expect(out.kpis.ict_budget_share.own).not.toBeNull();
    const cbs = out.cbs!;
    expect(cbs).toMatchObject({ asked: "Zwolle", from: "option", lookup: "match", municipality: "Zwolle" });
    expect(cbs.used.inhabitants).toEqual({ value: 132411, year: 2023, source: "CBS, gemeenteklassen 2023" });
    expect(cbs.used.budget).toMatchObject({
      value: 706_477_000,
      year: 2023,
      document: "jaarrekening",
      source: "CBS, Iv3 jaarrekening 2023",
    });
    expect(cbs.size_class).toMatchObject({ value: "100000tot150000inwoners", year: 2023 });
    expect(cbs.attribution).toBe("Bron: CBS (CC BY 4.0) / Source: CBS (CC BY 4.0)");
  });

  it("gives the overhead context under cbs.overhead", async () => {
    const out = await json(DEV, "--gemeente", "Zwolle", "--year", "2023");
    const o = out.cbs!.overhead!;
    expect(o).toMatchObject({
      document: "jaarrekening",
      year: 2023,
      overhead: 57_683_000,
      inhabitants: 132411,
    });
    const ict = out.components.software + out.components.personnel + out.components.infrastructure;
    expect(o.kpis.ict_overhead_share).toBeCloseTo(ict / 57_683_000, 9);
    expect(o.kpis.overhead_per_inhabitant.value).toBeCloseTo(57_683_000 / 132411, 9);
    expect(Object.keys(o.kpis.overhead_bi5.size_class)).toEqual([
      "n",
      "min",
      "q1",
      "median",
      "q3",
      "max",
      "rank",
      "quartile",
    ]);
  });

  it("without --year (the benchmark's 2022): inhabitants of CBS 2023, said in issues; no budget", async () => {
    const out = await json(DEV, "--gemeente", "Zwolle");
    expect(out.year).toBe(2022);
    expect(out.inhabitants).toBe(132411);
    expect(out.cbs!.used.inhabitants?.year).toBe(2023);
    expect(out.cbs!.used.budget).toBeUndefined();
    expect(out.kpis.ict_budget_share.own).toBeNull();
    const messages = out.issues.map((i) => i.message);
    expect(messages).toContain(
      "CBS heeft geen inwonertal van Zwolle voor 2022 (wel 2023–2025): het aantal inwoners is dat van 2023. / CBS has no inhabitants of Zwolle for 2022 (it has 2023–2025): the number of inhabitants is that of 2023.",
    );
  });

  it("--inhabitants wins over CBS, shown beside it when more than 2% away", async () => {
    const out = await json(DEV, "--gemeente", "Zwolle", "--year", "2023", "--inhabitants", "43512");
    expect(out.inhabitants).toBe(43512);
    expect(out.cbs!.used.inhabitants).toBeUndefined();
    expect(out.cbs!.differences[0]).toMatchObject({
      field: "inhabitants",
      user: 43512,
      cbs: 132411,
      cbs_year: 2023,
    });
    expect(out.issues.map((i) => i.message).join("\n")).toContain("Inwoners: u 43.512, CBS 2023: 132.411");
  });

  it("the table says 'Inwoners 132.411 (CBS 2023)' and the overhead against its size class", async () => {
    const r = await run(["compare", DEV, "--gemeente", "zwolle", "--year", "2023"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("Inwoners 132.411 (CBS 2023; bron: CBS, gemeenteklassen 2023)");
    expect(r.stdout).toContain("Totale begroting € 706.477.000 (CBS 2023, jaarrekening");
    expect(r.stdout).toMatch(/Overhead per inwoner: € 435,64 — klasse: mediaan € 436/);
    expect(r.stdout).toContain("Bron: CBS, Iv3 jaarrekening 2023");
  });

  it("-o writes the CBS figures as the comparison's constants", async () => {
    const out = join(dir, "zwolle.xlsx");
    const r = await run(["compare", DEV, "--gemeente", "Zwolle", "--year", "2023", "-o", out]);
    expect(r.exitCode).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet("ICT-vergelijking")!;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(132411);
  });

  it("-o places Zwolle's overhead on ICT-vergelijking, with a native chart of its size class", async () => {
    const out = join(dir, "zwolle-overhead.xlsx");
    const r = await run(["compare", DEV, "--gemeente", "Zwolle", "--year", "2023", "-o", out]);
    expect(r.exitCode).toBe(0);
    const o = (await json(DEV, "--gemeente", "Zwolle", "--year", "2023")).cbs!.overhead!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: Record<string, unknown[][]> = {};
    wb.getWorksheet("ICT-vergelijking")!.eachRow((row) => {
      const id = row.getCell(9).value;
      if (typeof id === "string" && /overhead/.test(id))
        (rows[id] ??= []).push([2, 3, 7, 8].map((c) => row.getCell(c).value));
    });
    const share = rows.ict_overhead_share[0][1] as ExcelJS.CellFormulaValue;
    expect(share.formula).toMatch(/\$B\$17\/C\d+/);
    expect(share.result).toBeCloseTo(o.kpis.ict_overhead_share!, 12);
    expect(rows.overhead_per_inhabitant).toEqual([
      ["Grootteklasse (n=14)", o.kpis.overhead_per_inhabitant.value, 7, "CBS, Iv3 jaarrekening 2023"],
      [
        `Alle gemeenten (n=${o.kpis.overhead_per_inhabitant.all.n})`,
        o.kpis.overhead_per_inhabitant.value,
        o.kpis.overhead_per_inhabitant.all.rank,
        "CBS, Iv3 jaarrekening 2023",
      ],
    ]);
    const charts = Object.entries(unzipSync(readFileSync(out)))
      .filter(([n]) => /^xl\/charts\/chart\d+\.xml$/.test(n))
      .map(([, x]) => strFromU8(x));
    expect(charts).toHaveLength(3);
    expect(charts.filter((x) => x.includes("Overhead per inwoner: Zwolle in de grootteklasse"))).toHaveLength(
      1,
    );
  });
});

describe("names CBS cannot place are asked, never guessed (exit 2)", () => {
  it("Bergen is two municipalities", async () => {
    expectRefused(
      await run(["compare", DEV, "--gemeente", "Bergen"]),
      /^ictcost: 'Bergen' kan Bergen \(L\.\) of Bergen \(NH\.\) zijn.* \/ 'Bergen' could be Bergen \(L\.\) or Bergen \(NH\.\)/,
    );
  });
  it("Nederland is not a municipality", async () => {
    expectRefused(
      await run(["compare", DEV, "--gemeente", "Nederland"]),
      /^ictcost: 'Nederland' is geen gemeente/,
    );
  });
  it("a typo gets suggestions", async () => {
    expectRefused(
      await run(["compare", DEV, "--gemeente", "Zwole"]),
      /Bedoelt u Zwolle\? .*Do you mean Zwolle\?/,
    );
  });
  it("without inhabitants, the refusal says why CBS could not give them", async () => {
    // A workbook's Gemeente cell that is ambiguous: no fill, and the no-inhabitants refusal names Bergen.
    const file = join(dir, "bergen.xlsx");
    const wb = new ExcelJS.Workbook();
    const kf = wb.addWorksheet("Kerngegevens");
    kf.addRow(["Gemeente", "Bergen"]);
    kf.addRow(["Boekjaar", 2023]);
    const gb = wb.addWorksheet("Grootboek");
    gb.addRow(["Omschrijving", "Bedrag"]);
    gb.addRow(["Abonnement Microsoft 365", 1000]);
    await wb.xlsx.writeFile(file);
    expectRefused(
      await run(["compare", file]),
      /^ictcost: Het aantal inwoners voor 2023 is niet gevonden\. 'Bergen' kan Bergen \(L\.\) of Bergen \(NH\.\) zijn.*Geef --inhabitants N of --gemeente NAAM\. \//,
    );
  });
});

describe("the binary", () => {
  it("ictcost compare ledger.csv --gemeente Zwolle --json exits 0 with the cbs object", () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "bin/ictcost.js"), "compare", DEV, "--gemeente", "Zwolle", "--json"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as CompareJson;
    expect(out.inhabitants).toBe(132411);
    expect(out.cbs?.used.inhabitants?.source).toBe("CBS, gemeenteklassen 2023");
  });
});
