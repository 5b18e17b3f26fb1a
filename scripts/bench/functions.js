/**
 * Custom functions speed: ICTCOST.CATEGORY over a 50,000-row ledger as ONE spilled call (target < 100 ms),
 * and PERINHABITANT with a criterion over the same 50,000 rows. The functions use the runtime's
 * `CustomFunctions` global, so this compiles src/functions/functions.ts (and the core it imports) with tsc
 * into a temporary folder and installs a small stand-in for that global before loading it. Also reports the
 * size of the webpack bundle dist/functions.js when a build exists (`npx webpack --mode production`).
 *
 *   node scripts/bench/functions.js
 */
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "../..");
const ROWS = 50_000;

/** The runtime's CustomFunctions global, as far as the functions use it. */
function installShim() {
  class CfError {
    constructor(code, message) {
      this.code = code;
      this.message = message;
    }
  }
  globalThis.CustomFunctions = {
    Error: CfError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate() {},
  };
}

/** tsc the functions entry (and everything it imports) to CommonJS in a temp folder; its path. */
function compile() {
  const ts = require("typescript");
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "ictcost-bench-functions-"));
  const program = ts.createProgram(
    [path.join(ROOT, "src/functions/functions.ts"), path.join(ROOT, "src/functions/custom-functions.d.ts")],
    {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      types: [],
      rootDir: ROOT,
      outDir,
    },
  );
  const emitted = program.emit();
  if (emitted.emitSkipped) throw new Error("tsc could not compile src/functions/functions.ts");
  return { outDir, entry: path.join(outDir, "src/functions/functions.js") };
}

/** The dev ledger's lines, repeated to ROWS rows; `distinct` makes every description unique (no cache hits). */
function ledger(distinct) {
  const lines = fs
    .readFileSync(path.join(ROOT, "tests/fixtures/ledger-dev.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(";"));
  const description = [];
  const supplier = [];
  const account = [];
  const amount = [];
  for (let i = 0; i < ROWS; i++) {
    const [d, s, a, bedrag] = lines[i % lines.length];
    description.push([distinct ? `${d} factuur ${100000 + i}` : d]);
    supplier.push([s]);
    account.push([a]);
    amount.push([Number(bedrag.replace(/\./g, "").replace(",", "."))]);
  }
  return { description, supplier, account, amount };
}

function time(fn, repeat = 1) {
  if (global.gc) global.gc();
  let best = Infinity;
  let result;
  for (let i = 0; i < repeat; i++) {
    const t = process.hrtime.bigint();
    result = fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: best, result };
}

async function run() {
  installShim();
  const { outDir, entry } = compile();
  try {
    const load = time(() => require(entry));
    const F = load.result;
    const distinct = ledger(true);
    const repeated = ledger(false);

    const cold = time(() => F.CATEGORY(distinct.description, distinct.supplier, distinct.account));
    if (cold.result.length !== ROWS || typeof cold.result[0][0] !== "string")
      throw new Error("CATEGORY shape");
    const warm = time(() => F.CATEGORY(distinct.description, distinct.supplier, distinct.account), 5);
    // A fresh module (fresh categoriser cache) for the realistic ledger, whose 74 lines repeat.
    delete require.cache[entry];
    const F2 = require(entry);
    const real = time(() => F2.CATEGORY(repeated.description, repeated.supplier, repeated.account));
    const codes = real.result;
    const perInh = time(() => F2.PERINHABITANT(repeated.amount, 100_000, codes, "software"), 5);
    if (typeof perInh.result !== "number") throw new Error("PERINHABITANT did not give a number");

    const rows = [
      { name: "module load (compile categoriser)", value: load.ms, unit: "ms" },
      { name: `CATEGORY ${ROWS} distinct rows, first call (target < 100)`, value: cold.ms, unit: "ms" },
      { name: `CATEGORY ${ROWS} distinct rows, recalculation (cached)`, value: warm.ms, unit: "ms" },
      { name: `CATEGORY ${ROWS} rows of 74 repeating lines, first call`, value: real.ms, unit: "ms" },
      { name: `PERINHABITANT ${ROWS} rows, criterion "software"`, value: perInh.ms, unit: "ms" },
    ];
    const bundle = path.join(ROOT, "dist/functions.js");
    if (fs.existsSync(bundle)) {
      rows.push({ name: "dist/functions.js size", value: fs.statSync(bundle).size / 1024, unit: "KiB" });
      const zlib = require("zlib");
      rows.push({
        name: "dist/functions.js gzip",
        value: zlib.gzipSync(fs.readFileSync(bundle)).length / 1024,
        unit: "KiB",
      });
    } else {
      rows.push({
        name: "dist/functions.js size",
        value: "not built (npx webpack --mode production)",
        unit: "",
      });
    }
    return rows;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

module.exports = { run };

if (require.main === module) {
  run()
    .then((rows) => {
      for (const r of rows) {
        const v = typeof r.value === "number" ? Number(r.value.toPrecision(4)) : r.value;
        console.log(`${r.name}: ${v} ${r.unit}`);
      }
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
