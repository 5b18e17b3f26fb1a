/**
 * `ictcost peers`: the sample municipality and generated variants (amounts scaled, another Gemeente and
 * inhabitants, a CBS name without inhabitants) side by side; a corrupt member is reported and skipped;
 * -o writes the peers sheet; --shared/--key allocate shared costs to the cent.
 */
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/cli";
import { peersJson } from "../../src/cli/peersOutput";

const ROOT = join(__dirname, "../..");
const SAMPLE = join(ROOT, "examples/voorbeeldrade.xlsx");

type PeersJson = ReturnType<typeof peersJson>;

let dir: string;
let members: string;

/** The sample with its ledger amounts scaled and, optionally, another Gemeente and inhabitants. */
async function variant(file: string, scale: number, name?: string, inhabitants?: number | null) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const key = wb.getWorksheet("Kerngegevens")!;
  if (name !== undefined) key.getCell("B3").value = name;
  if (inhabitants !== undefined)
    key.eachRow((r, i) => {
      if (i >= 6 && typeof r.getCell(1).value === "number") r.getCell(2).value = inhabitants;
    });
  wb.getWorksheet("Grootboek")!.eachRow((r, i) => {
    const c = r.getCell(6);
    if (i >= 5 && typeof c.value === "number") c.value = Math.round(c.value * scale * 100) / 100;
  });
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ictcost-peers-"));
  members = join(dir, "leden");
  mkdirSync(members);
  copyFileSync(SAMPLE, join(members, "a-voorbeeldrade.xlsx"));
  await variant(join(members, "b-zwolle.xlsx"), 1.3, "Zwolle", null); // CBS gives the inhabitants
  await variant(join(members, "c-kleindorp.xlsx"), 0.6, "Gemeente Kleindorp", 18000);
  await variant(join(members, "d-grootstad.xlsx"), 2.1, "Gemeente Grootstad", 140000);
  writeFileSync(join(members, "e-kapot.xlsx"), "dit is geen werkmap");
  writeFileSync(join(members, "notities.txt"), "geen deelnemer");
}, 60000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function peersJsonRun(...args: string[]) {
  const r = await run(["peers", ...args, "--json"]);
  expect(r.exitCode).toBe(0);
  return { json: JSON.parse(r.stdout) as PeersJson, stderr: r.stderr };
}

describe("ictcost peers", () => {
  it("puts every member's KPIs side by side with median, quartiles, min/max, ranks and the benchmark", async () => {
    const { json, stderr } = await peersJsonRun(members);
    expect(json.members.map((m) => [m.name, m.inhabitants])).toEqual([
      ["Gemeente Voorbeeldrade", 62615],
      ["Zwolle", 132411],
      ["Gemeente Kleindorp", 18000],
      ["Gemeente Grootstad", 140000],
    ]);
    expect(json.members[1].size_class).toBe("100000tot150000inwoners");
    // The corrupt member is reported and skipped; the text file is no member.
    expect(json.skipped).toHaveLength(1);
    expect(json.skipped[0].file).toMatch(/e-kapot\.xlsx$/);
    expect(stderr).toMatch(/Overgeslagen \/ skipped: .*e-kapot\.xlsx/);

    const total = json.kpis.total_per_inhabitant;
    const own = Object.values(total.values) as number[];
    // The sample itself, as `compare` gives it.
    expect(total.values["Gemeente Voorbeeldrade"]).toBeCloseTo(109.7145, 3);
    // Every member through the same pipeline as `compare`: the same KPI values, to the last digit.
    for (const [file, name] of [
      ["c-kleindorp.xlsx", "Gemeente Kleindorp"],
      ["b-zwolle.xlsx", "Zwolle"],
    ]) {
      const c = await run(["compare", join(members, file), "--json"]);
      const kpis = (JSON.parse(c.stdout) as { kpis: Record<string, { own: number | null }> }).kpis;
      for (const id of Object.keys(kpis))
        expect(
          (json.kpis as Record<string, { values: Record<string, number | null> }>)[id].values[name],
        ).toBe(kpis[id].own);
    }
    const sorted = [...own].sort((a, b) => a - b);
    expect(total.min).toBe(sorted[0]);
    expect(total.max).toBe(sorted[3]);
    expect(total.median).toBeCloseTo((sorted[1] + sorted[2]) / 2, 9);
    expect(total.q1).toBeCloseTo(sorted[0] + 0.75 * (sorted[1] - sorted[0]), 9);
    expect(total.q3).toBeCloseTo(sorted[2] + 0.25 * (sorted[3] - sorted[2]), 9);
    expect(total.ranks).toEqual({
      "Gemeente Voorbeeldrade": 3,
      Zwolle: 1,
      "Gemeente Kleindorp": 4,
      "Gemeente Grootstad": 2,
    });
    expect(total.benchmark).toBe(106);
    expect(json.rank_direction).toMatch(/1 = lowest/);
    expect(json.shared).toBeNull();
  });

  it("prints the table in Dutch first and writes the peers sheet with -o", async () => {
    const out = join(dir, "uit", "peers.xlsx");
    const r = await run(["peers", members, "-o", out]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^4 deelnemers \/ members/);
    expect(r.stdout).toMatch(
      /Kengetal +Gemeente Voorbeeldrade +Zwolle +Gemeente Kleindorp +Gemeente Grootstad +Mediaan +Q1 +Q3 +Min +Max +Benchmark/,
    );
    expect(r.stdout).toMatch(/Totale ICT-kosten +€ 109,71/);
    expect(r.stdout).toMatch(/Rang \/ rank: rang 1 = laagste waarde/);
    expect(r.stdout).toMatch(/Overgeslagen \/ skipped: 1/);
    expect(r.stderr).toMatch(/Geschreven: .*peers\.xlsx/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["ICT-deelnemers"]);
    const ws = wb.getWorksheet("ICT-deelnemers")!;
    expect(ws.getCell("A6").value).toBe("Totale ICT-kosten");
    expect(ws.getCell("C5").value).toBe("Gemeente Voorbeeldrade");
    expect(ws.getCell("C6").value).toBeCloseTo(109.7145, 3);
    const median = ws.getCell("G6").value as { formula: string; result: number };
    expect(median.formula).toBe("MEDIAN(C6:F6)");
    const { json } = await peersJsonRun(members);
    expect(median.result).toBeCloseTo(json.kpis.total_per_inhabitant.median as number, 9);
  });

  it("allocates shared costs by inhabitants and by a key, each line summing back to the cent", async () => {
    const shared = join(dir, "ssc.csv");
    writeFileSync(
      shared,
      "Omschrijving;Bedrag;Boekjaar\nSSC netwerkbeheer;100000,01;2023\nSSC licenties Microsoft;250000,00;2023\n" +
        "SSC servicedesk salarissen;333333,33;2023\n",
    );
    const { json } = await peersJsonRun(members, "--shared", shared);
    const s = json.shared!;
    expect(s.key).toBe("inhabitants");
    expect(s.total).toBe(683333.34);
    for (const line of s.lines) {
      const parts = Object.values(line.parts) as number[];
      expect(Math.round(parts.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(line.amount * 100));
    }
    const totals = Object.values(s.totals) as number[];
    expect(Math.round(totals.reduce((a, b) => a + b, 0) * 100)).toBe(68333334);
    // By inhabitants: Zwolle 132.411 of 353.026 inhabitants.
    expect(s.fractions.Zwolle).toBeCloseTo(132411 / (62615 + 132411 + 18000 + 140000), 12);

    const key = join(dir, "sleutel.csv");
    writeFileSync(key, "gemeente;aandeel\nVoorbeeldrade;40%\nZwolle;30%\nKleindorp;20%\nGrootstad;10%\n");
    const keyed = (await peersJsonRun(members, "--shared", shared, "--key", key)).json.shared!;
    expect(keyed.key).toBe("shares");
    expect(keyed.lines[0].parts).toEqual({
      // 10.000.001 cents: quotas 4000000.4, 3000000.3, 2000000.2, 1000000.1 — the 1 cent left goes to
      // the largest remainder (.4)
      "Gemeente Voorbeeldrade": 40000.01,
      Zwolle: 30000,
      "Gemeente Kleindorp": 20000,
      "Gemeente Grootstad": 10000,
    });
  });

  it("skips a member without inhabitants and without a municipality CBS knows", async () => {
    const odd = join(dir, "nergens.xlsx");
    await variant(odd, 1, "Gemeente Nergensland", null);
    const { json } = await peersJsonRun(SAMPLE, odd);
    expect(json.members.map((m) => m.name)).toEqual(["Gemeente Voorbeeldrade"]);
    expect(json.skipped[0].file).toBe(odd);
    expect(json.skipped[0].message).toMatch(/inwoners|inhabitants/i);
  });

  it("never writes a member: -o naming an input is refused", async () => {
    const copy = join(dir, "lid.xlsx");
    copyFileSync(SAMPLE, copy);
    const r = await run(["peers", SAMPLE, copy, "-o", copy]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/-o is een invoerbestand .* \/ -o is an input file/);
  });

  it("exits 2 with a message when no member works", async () => {
    const r = await run(["peers", join(members, "e-kapot.xlsx"), join(dir, "ontbreekt.xlsx")]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /Geen enkele deelnemer kon worden vergeleken .* \/ No member could be compared \(2 skipped\)/,
    );
  });

  it("shows progress on stderr from the binary", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin/ictcost.js"), "peers", members, "--json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\[1\/5\] a-voorbeeldrade\.xlsx/);
    expect(r.stderr).toMatch(/\[5\/5\] e-kapot\.xlsx: OVERGESLAGEN \/ SKIPPED/);
    expect((JSON.parse(r.stdout) as PeersJson).members).toHaveLength(4);
  });
});

describe("ictcost peers --help", () => {
  it("lists the command with its bilingual summary and flags", async () => {
    const general = await run(["--help"]);
    expect(general.stdout).toContain("peers <map|bestand.xlsx…>");
    expect(general.stdout).toContain("Deelnemers naast elkaar");
    expect(general.stdout).toContain("Members side by side");
    const r = await run(["peers", "--help"]);
    expect(r.stdout).toMatch(/--shared BESTAND\s+grootboek met gedeelde kosten/);
    expect(r.stdout).toMatch(/--key SLEUTEL\.csv\s+verdeelsleutel gemeente;aandeel/);
  });
});
