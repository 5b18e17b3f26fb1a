/**
 * Big inputs run in a worker under a heap limit (src/cli/bounded.ts): the same outcome as in-process, and
 * an input that needs more than the limit is a clear message (exit 2) with nothing written — an existing
 * -o target byte for byte as it was, no temporary file left beside it.
 */
import { execSync, spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { BIG_INPUT_BYTES, heapLimit, inputBytes } from "../../src/cli/bounded";

const ROOT = join(__dirname, "../..");
const DEV = join(ROOT, "tests/fixtures/cli/ledger-dev.csv");

const ictcost = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "bin/ictcost.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });

let dir: string;
beforeAll(() => {
  execSync("npx tsc -p tsconfig.cli.json", { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(join(tmpdir(), "ictcost-bounded-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 74,000 lines (the development ledger a thousand times): far more than a 16 MB heap holds. */
function bigCsv(): string {
  const big = join(dir, "groot.csv");
  const [header, ...body] = readFileSync(DEV, "utf8").trimEnd().split("\n");
  writeFileSync(big, [header, ...Array.from({ length: 1000 }, () => body).flat()].join("\n") + "\n");
  return big;
}

describe("heapLimit", () => {
  it("leaves small inputs in-process, bounds big ones by their size, and follows ICTCOST_HEAP_MB", () => {
    const auto = (mb: number) => ({ mb, explicit: false });
    expect(heapLimit(BIG_INPUT_BYTES - 1, {})).toBeNull();
    expect(heapLimit(BIG_INPUT_BYTES, {})).toEqual(auto(768));
    expect(heapLimit(126e6, {})).toEqual(auto(768)); // the million-line CSV file of the bench
    expect(heapLimit(300 * 2 ** 20, {})).toEqual(auto(1800));
    expect(heapLimit(5e9, {})).toEqual(auto(4096));
    expect(heapLimit(10, { ICTCOST_HEAP_MB: "512" })).toEqual({ mb: 512, explicit: true });
    expect(heapLimit(5e9, { ICTCOST_HEAP_MB: "0" })).toBeNull();
    expect(heapLimit(5e9, { ICTCOST_HEAP_MB: "veel" })).toBeNull();
  });

  it("counts the input files, not -o's target or the flags", () => {
    const out = join(dir, "target.xlsx");
    writeFileSync(out, Buffer.alloc(5000));
    const size = readFileSync(DEV).length;
    expect(inputBytes(["compare", DEV, "-o", out, "--year", "2023"])).toBe(size);
    expect(inputBytes(["peers", DEV, DEV])).toBe(2 * size);
    expect(inputBytes(["classify", DEV, "--json"])).toBe(0); // its table, not the copy: in-process
  });
});

describe("a run in the bounded worker", () => {
  it("gives what the run in-process gives", () => {
    const inProcess = ictcost({ ICTCOST_HEAP_MB: "0" }, "compare", DEV, "--inhabitants", "50000", "--json");
    const bounded = ictcost({ ICTCOST_HEAP_MB: "512" }, "compare", DEV, "--inhabitants", "50000", "--json");
    expect(inProcess.status).toBe(0);
    expect(bounded.status).toBe(0);
    expect(bounded.stdout).toBe(inProcess.stdout);
    expect(bounded.stderr).toBe(inProcess.stderr);
  });

  it("stops an input that needs more than the limit with a message, and writes nothing", () => {
    const big = bigCsv();
    const target = join(dir, "bestaand.xlsx");
    writeFileSync(target, "een bestaande werkmap");
    const r = ictcost({ ICTCOST_HEAP_MB: "16" }, "compare", big, "--inhabitants", "50000", "-o", target);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/te weinig geheugen: deze invoer vraagt meer dan 16 MB; er is niets geschreven/);
    expect(r.stderr).toMatch(/out of memory: this input needs more than 16 MB; nothing was written/);
    expect(r.stderr).not.toMatch(/interne fout|internal error|at .*\.js/);
    expect(readFileSync(target, "utf8")).toBe("een bestaande werkmap");
    expect(readdirSync(dir).filter((f) => f.includes("ictcost-tmp"))).toEqual([]);
  });

  it("runs again in-process, saying so, when the worker outgrows a limit the input's size gave", async () => {
    type Bounded = typeof import("../../src/cli/bounded");
    type Cli = typeof import("../../src/cli/cli");
    /* eslint-disable @typescript-eslint/no-require-imports -- the compiled modules, whose worker file exists */
    const { runWithin } = require(join(ROOT, "lib/cli/bounded.js")) as Bounded;
    const { run } = require(join(ROOT, "lib/cli/cli.js")) as Cli;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const argv = ["compare", bigCsv(), "--inhabitants", "50000", "--json"];
    const said: string[] = [];
    let inProcess = 0;
    const r = await runWithin(
      { mb: 16, explicit: false },
      argv,
      (t) => said.push(t),
      () => {
        inProcess++;
        return run(argv);
      },
    );
    expect(inProcess).toBe(1);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).lines.read).toBe(74_000);
    expect(said.join("\n")).toMatch(/meer dan 16 MB geheugen nodig; opnieuw zonder grens/);
  }, 60_000);
});
