/**
 * `--edition-file` for `compare` and `benchmark`: a user's newer edition (built here in code from the
 * shipped one, with made-up test values) is validated, used by default for the run, and left out of the
 * registry afterwards; a malformed or missing file is a user error (exit 2) listing every problem.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/cli";
import { CompareJson } from "../../src/cli/compareOutput";
import { MAX_EDITION_ERRORS } from "../../src/cli/editionFile";
import { BenchmarkJson } from "../../src/cli/reference";
import { BUILTIN_EDITION, getEdition, listEditions } from "../../src/model/benchmark";
import builtinJson from "../../src/model/benchmark/edition-2023.json";

const ROOT = join(__dirname, "../..");
const EXAMPLE = join(ROOT, "examples/voorbeeldrade.xlsx");
const TEST_ID = "test-edition-2024";

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-edition-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Json = Record<string, unknown>;

/**
 * A fictitious "2024" edition for the test: the shipped one with a new id and book year 2023, every KPI
 * only for 2023 (the 2022 value re-dated), and total_per_inhabitant 109 with its own source.
 */
function newerEdition(): Json {
  const e = JSON.parse(JSON.stringify(builtinJson)) as Json & { kpis: Record<string, Record<string, Json>> };
  e.id = TEST_ID;
  e.title = "Test Benchmark 2024";
  e.bookYear = 2023;
  e.publishedYear = 2024;
  for (const [id, years] of Object.entries(e.kpis)) {
    const latest = years["2022"] ?? Object.values(years)[0];
    e.kpis[id] = { "2023": { ...latest, source: { lines: "12" } } };
  }
  e.kpis.total_per_inhabitant = {
    "2023": { value: 109, unit: "eur_per_inhabitant", source: { lines: "114" } },
  };
  return e;
}

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, "utf8");
  return path;
}

async function compareJson(...args: string[]): Promise<CompareJson> {
  const r = await run(["compare", EXAMPLE, ...args, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as CompareJson;
}

describe("compare --edition-file", () => {
  it("uses the loaded edition's figures and reports its id", async () => {
    const file = write("newer.json", JSON.stringify(newerEdition(), null, 2));
    const out = await compareJson("--edition-file", file);
    expect(out.edition).toBe(TEST_ID);
    expect(out.kpis.total_per_inhabitant.benchmark).toBe(109);
    const own = out.kpis.total_per_inhabitant.own as number;
    expect(out.kpis.total_per_inhabitant.difference).toBeCloseTo(own - 109, 6);
  });

  it("lets --edition name another edition, and leaves the registry as it was", async () => {
    const file = write("newer2.json", JSON.stringify(newerEdition()));
    const before = listEditions().map((e) => e.id);
    const out = await compareJson("--edition-file", file, "--edition", BUILTIN_EDITION.id);
    expect(out.edition).toBe(BUILTIN_EDITION.id);
    expect(out.kpis.total_per_inhabitant.benchmark).toBe(106);
    expect(listEditions().map((e) => e.id)).toEqual(before);
    expect(getEdition(TEST_ID)).toBeUndefined();
    // Without the file, the default is the built-in edition again.
    expect((await compareJson()).kpis.total_per_inhabitant.benchmark).toBe(106);
  });

  it("accepts a file saved with a UTF-8 byte-order mark", async () => {
    const file = write("bom.json", "\uFEFF" + JSON.stringify(newerEdition()));
    expect((await compareJson("--edition-file", file)).edition).toBe(TEST_ID);
  });

  it("refuses a malformed edition with exit 2 and every validation error, bilingual, one per line", async () => {
    const bad = newerEdition() as Json & { kpis: Record<string, Record<string, Json>> };
    delete bad.title;
    bad.bookYear = "2023";
    bad.kpis.total_per_inhabitant["2023"].unit = "share";
    const file = write("bad.json", JSON.stringify(bad));
    const r = await run(["compare", EXAMPLE, "--edition-file", file, "--json"]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toContain("geen geldige benchmarkeditie / ");
    expect(lines.slice(1)).toEqual([
      "  title: ontbreekt of is leeg / title: missing or empty",
      "  bookYear: geen jaartal / bookYear: not a year",
      '  kpis.total_per_inhabitant.2023.unit: moet "eur_per_inhabitant" zijn / kpis.total_per_inhabitant.2023.unit: must be "eur_per_inhabitant"',
    ]);
  });

  it("refuses text that is not JSON", async () => {
    const r = await run(["compare", EXAMPLE, "--edition-file", write("notjson.json", "{ id: ")]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/Geen geldige JSON: .* \/ Not valid JSON: /);
  });

  it("shows the first 20 problems and counts the rest", async () => {
    const bad = newerEdition() as Json & { figures: Record<string, unknown> };
    bad.figures = {};
    for (let i = 0; i < 25; i++) bad.figures[`f${i}`] = { "2023": { value: "x", unit: "count" } };
    const r = await run(["benchmark", "--edition-file", write("many.json", JSON.stringify(bad))]);
    expect(r.exitCode).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1 + MAX_EDITION_ERRORS + 1);
    expect(lines[1]).toBe(
      "  figures.f0.2023.value: geen eindig getal / figures.f0.2023.value: not a finite number",
    );
    expect(lines[lines.length - 1]).toBe("  … en nog 5 / … and 5 more");
  });

  it("refuses a missing file with exit 2 and one line", async () => {
    const r = await run(["compare", EXAMPLE, "--edition-file", join(dir, "nope.json")]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([
      `ictcost: Bestand niet gevonden: ${join(dir, "nope.json")} / File not found: ${join(dir, "nope.json")}`,
    ]);
  });
});

describe("benchmark --edition-file", () => {
  it("lists the loaded edition's figures with their source", async () => {
    const file = write("newer3.json", JSON.stringify(newerEdition()));
    const r = await run(["benchmark", "--edition-file", file, "--json"]);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as BenchmarkJson;
    expect(out.edition).toEqual({
      id: TEST_ID,
      title: "Test Benchmark 2024",
      publisher: "M&I/Partners",
      book_year: 2023,
      published_year: 2024,
    });
    const total = out.kpis.total_per_inhabitant["2023"];
    expect(total.value).toBe(109);
    expect(total.source).toEqual({
      edition: "Test Benchmark 2024",
      publisher: "M&I/Partners",
      lines: "114",
      publication: null,
    });
  });

  it("names the file's options in the help", async () => {
    for (const command of ["compare", "benchmark"]) {
      const r = await run([command, "--help"]);
      expect(r.stdout).toContain("--edition-file EDITIE.json");
    }
  });
});
