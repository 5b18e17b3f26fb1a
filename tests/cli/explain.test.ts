/**
 * `ictcost compare FILE --explain KPI` and `--snapshot`: the drill-down of one KPI as text and JSON (the
 * categories add up to the KPI, the biggest line leads), an unknown id listing the valid ones (exit 2),
 * and the audit sheet in the -o copy with the fingerprint --json reports, the same on every run.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/cli";
import { ExplainJson } from "../../src/cli/explainOutput";
import { KPI_IDS } from "../../src/model/benchmark";

const ROOT = join(__dirname, "../..");
const EXAMPLE = join(ROOT, "examples/voorbeeldrade.xlsx");
const DEV = join(ROOT, "tests/fixtures/cli/ledger-dev.csv");
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-explain-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("compare --explain KPI", () => {
  it("gives the categories behind a KPI in --json, adding up to the KPI, biggest lines first", async () => {
    const all = JSON.parse((await run(["compare", EXAMPLE, "--json"])).stdout);
    const r = await run(["compare", EXAMPLE, "--explain", "software_per_inhabitant", "--json"]);
    expect(r.exitCode).toBe(0);
    const e = JSON.parse(r.stdout) as ExplainJson;
    expect(e.kpi.id).toBe("software_per_inhabitant");
    expect(e.kpi.own).toBeCloseTo(all.kpis.software_per_inhabitant.own, 9);
    expect(e.categories.every((c) => c.code.startsWith("SW."))).toBe(true);
    const sum = e.categories.reduce((s, c) => s + c.amount, 0);
    expect(sum / all.inhabitants).toBeCloseTo(e.kpi.own!, 6);
    for (const c of e.categories) {
      const sizes = c.top.map((l) => Math.abs(l.amount));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      expect(c.top.length).toBeLessThanOrEqual(5);
    }
    // SW.KA is the one software category the 2023 edition gives a figure for (about € 6 per inhabitant).
    const ka = e.categories.find((c) => c.code === "SW.KA")!;
    expect(ka.benchmark).toBe(6);
    expect(ka.gap).toBeCloseTo(ka.per_inhabitant! - 6, 9);
  });

  it("prints the verdict and the categories with their lines as text", async () => {
    const r = await run(["compare", EXAMPLE, "--explain", "hired_per_inhabitant"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^Ingehuurd personeel: € [\d,]+ per inwoner/);
    expect(r.stdout).toMatch(/^PE\.\w\w /m);
    expect(r.stdout).toMatch(/^ {2}\S.* {2,}\d+ +€ [\d.]+/m); // a line: description, row, amount
  });

  it("refuses an unknown KPI id with the valid ones, exit 2", async () => {
    const r = await run(["compare", DEV, "--inhabitants", "50000", "--explain", "software"]);
    expect(r.exitCode).toBe(2);
    for (const k of KPI_IDS) expect(r.stderr).toContain(k.id);
    expect(r.stdout).toBe("");
  });
});

describe("compare --snapshot", () => {
  it("writes ICT-controle into the copy, with the fingerprint --json reports, the same on every run", async () => {
    const out = join(dir, "snap.xlsx");
    const written = await run(["compare", DEV, "--inhabitants", "50000", "--snapshot", "-o", out]);
    expect(written.exitCode).toBe(0);
    const print = /sha256:[0-9a-f]{64}/.exec(written.stdout)![0];
    const json = JSON.parse(
      (await run(["compare", DEV, "--inhabitants", "50000", "--snapshot", "--json"])).stdout,
    );
    expect(json.snapshot).toEqual({ sheet: "ICT-controle", fingerprint: print });
    const other = JSON.parse(
      (await run(["compare", DEV, "--inhabitants", "50001", "--snapshot", "--json"])).stdout,
    );
    expect(other.snapshot.fingerprint).not.toBe(print); // a key figure is part of what is fingerprinted

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet("ICT-controle")!;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(print);
    expect(values).toEqual(expect.arrayContaining(KPI_IDS.map((k) => k.id)));
    expect(values.some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false);
    // Without --snapshot there is no audit sheet and no fingerprint.
    const plain = JSON.parse((await run(["compare", DEV, "--inhabitants", "50000", "--json"])).stdout);
    expect(plain.snapshot).toBeUndefined();
  });

  it("keeps an earlier ICT-controle when the copy is rebuilt without --snapshot, and replaces it with one", async () => {
    const snap = join(dir, "met-momentopname.xlsx");
    expect((await run(["compare", EXAMPLE, "--snapshot", "-o", snap])).exitCode).toBe(0);
    const rebuilt = join(dir, "herbouwd.xlsx");
    expect((await run(["compare", snap, "-o", rebuilt])).exitCode).toBe(0);
    const names = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      return wb.worksheets.map((w) => w.name);
    };
    // The snapshot is a record: kept as it was, and no second one.
    expect((await names(rebuilt)).filter((n) => n.startsWith("ICT-controle"))).toEqual(["ICT-controle"]);
    const again = join(dir, "nieuwe-momentopname.xlsx");
    expect((await run(["compare", snap, "--snapshot", "-o", again])).exitCode).toBe(0);
    expect((await names(again)).filter((n) => n.startsWith("ICT-controle"))).toEqual(["ICT-controle"]);
  });
});
