/**
 * Benchmark of the workbook workflows on the in-memory Excel fake: rebuildAll (categorise + compare +
 * trend) over a 100,000-line ledger, first run and a rebuild with a manual category. Reports the total
 * syncs, the full payload blocks (read chunks — forced by the 5 MB response limit — and write blocks),
 * the small syncs (target: at most 4), the largest request/response, the data moved each way, every
 * sync's size and the time (the fake's own work included, so the time is an upper bound of the add-in's
 * share, not Excel's).
 * Compiles the TypeScript it needs into .bench/excel/ with the project's tsc (no ts-node here).
 * Used by scripts/bench.js through run(); `node scripts/bench/excel.js` prints the results.
 */
"use strict";
const { execFileSync } = require("child_process");
const path = require("path");

const LINES = 100000;
const ROOT = path.join(__dirname, "..", "..");
const OUT = path.join(ROOT, ".bench", "excel");

function compile() {
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  execFileSync(
    process.execPath,
    [
      tsc,
      "--outDir",
      OUT,
      "--rootDir",
      ROOT,
      "--module",
      "commonjs",
      "--target",
      "ES2020",
      "--lib",
      "ES2020,DOM",
      "--types",
      "node,office-js",
      "--esModuleInterop",
      "--resolveJsonModule",
      "--skipLibCheck",
      "--strict",
      path.join(ROOT, "src", "excel", "workflows.ts"),
      path.join(ROOT, "tests", "excel", "workflows.scale-fixture.ts"),
    ],
    { cwd: ROOT, stdio: "inherit" },
  );
}

async function run() {
  compile();
  const { createWorkflows } = require(path.join(OUT, "src", "excel", "workflows.js"));
  const { largeLedgerWorkbook, syncBudget } = require(
    path.join(OUT, "tests", "excel", "workflows.scale-fixture.js"),
  );
  const fake = largeLedgerWorkbook(LINES);
  const wf = createWorkflows({ run: fake.Excel.run, settings: fake.Office.context.document.settings });
  const rows = [];
  const measure = async (label) => {
    const t0 = process.hrtime.bigint();
    const r = await syncBudget(fake.stats, () => wf.rebuildAll({ language: "nl" })).run();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!r.result.ok) throw new Error(r.result.error.en);
    const mb = (x) => Math.round((x / 1024 / 1024) * 100) / 100;
    const name = (what) => `rebuildAll ${LINES} lines, ${label}: ${what}`;
    rows.push(
      { name: name("total syncs"), value: r.syncs, unit: "syncs" },
      { name: name("read blocks (>= half of 5 MB back)"), value: r.readBlocks, unit: "syncs" },
      { name: name("write blocks (>= half of 5 MB out)"), value: r.writeBlocks, unit: "syncs" },
      { name: name("small syncs (target <= 4)"), value: r.smallSyncs, unit: "syncs" },
      { name: name("largest request"), value: mb(r.maxRequest), unit: "MB" },
      { name: name("largest response"), value: mb(r.maxResponse), unit: "MB" },
      { name: name("data moved out"), value: mb(r.bytesWritten), unit: "MB" },
      { name: name("data moved back"), value: mb(r.bytesRead), unit: "MB" },
      {
        name: name("sync sizes out/back"),
        value: r.trace.map((t) => `${mb(t.request)}/${mb(t.response)}`).join(" "),
        unit: "MB",
      },
      { name: name("time (fake included)"), value: Math.round(ms), unit: "ms" },
    );
  };
  await measure("first run");
  const cat = fake.workbook.sheetByName("ICT-categorisatie");
  cat.touch(4, 12).value = "SW.KA";
  fake.workbook.changed();
  await measure("rebuild with a manual category");
  return rows;
}

module.exports = { run };

if (require.main === module) {
  run()
    .then((rows) => {
      for (const r of rows) console.log(`${r.name}: ${r.value} ${r.unit}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
