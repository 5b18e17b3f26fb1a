#!/usr/bin/env node
/**
 * `ictcost compare -o` on a 100,000-line workbook against the floor: ExcelJS alone reading the same
 * input and writing a workbook that holds the same cells as compare's output (the user sheets plus
 * the add-in's sheets, formulas with their cached results). Target: compare ≤ 1.3 × the floor.
 * Each side runs in its own Node process so that peak memory (max RSS) is its own.
 * Needs the compiled CLI in lib/ (`npm run build:cli`). Files go to .bench/ (gitignored).
 *
 *   node scripts/bench/cli.js            prints the rows; also run by `npm run bench`
 */
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "../..");
const DIR = path.join(ROOT, ".bench");
const INPUT = path.join(DIR, "big-ledger.xlsx");
const OUT = path.join(DIR, "big-ledger-benchmark.xlsx");
const FLOOR_OUT = path.join(DIR, "big-ledger-floor.xlsx");
const LINES = 100000;
const OWN_SHEETS = ["ICT-categorisatie", "ICT-vergelijking", "ICT-trend"];

const ExcelJS = () => require(path.join(ROOT, "node_modules/exceljs"));

/** A controller's workbook: key figures for two years and a 100,000-line ledger (half the amounts as Dutch text). */
async function makeInput() {
  const { SAMPLE_LEDGER_HEADER, sampleMunicipality } = require(path.join(ROOT, "lib/model/sample.js"));
  const { writeBigLedger } = require("./big-ledger");
  await writeBigLedger({
    ExcelJS: ExcelJS(),
    sample: sampleMunicipality(),
    header: SAMPLE_LEDGER_HEADER,
    lines: LINES,
    path: INPUT,
  });
}

/** The cells of compare's own sheets, row by row, to write again in the floor run. */
async function ownSheetRows() {
  const wb = new (ExcelJS().Workbook)();
  await wb.xlsx.readFile(OUT);
  return OWN_SHEETS.filter((n) => wb.getWorksheet(n)).map((name) => {
    const rows = [];
    wb.getWorksheet(name).eachRow({ includeEmpty: true }, (row, r) => {
      const values = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value;
        values[c - 1] =
          v && typeof v === "object" && "formula" in v ? { formula: v.formula, result: cell.result } : v;
      });
      rows[r - 1] = values;
    });
    return { name, rows };
  });
}

function ms(t0) {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function child(which) {
  if (which === "compare") {
    const { run } = require(path.join(ROOT, "lib/cli/cli.js"));
    const t0 = process.hrtime.bigint();
    const r = await run(["compare", INPUT, "-o", OUT]);
    const time = ms(t0);
    if (r.exitCode !== 0) throw new Error(r.stderr);
    return { time, rss: process.resourceUsage().maxRSS / 1024 };
  }
  // The floor: what any tool writing these cells with ExcelJS has to pay.
  const sheets = await ownSheetRows();
  global.gc?.();
  const base = process.resourceUsage().maxRSS / 1024;
  const t0 = process.hrtime.bigint();
  const wb = new (ExcelJS().Workbook)();
  await wb.xlsx.readFile(INPUT);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((values, r) => {
      if (values && values.length) ws.getRow(r + 1).values = values;
    });
  }
  await wb.xlsx.writeFile(FLOOR_OUT);
  return { time: ms(t0), rss: process.resourceUsage().maxRSS / 1024, baseRss: base };
}

function inChild(which) {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", path.join(__dirname, "cli.js"), "--child", which],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out);
}

async function run() {
  fs.mkdirSync(DIR, { recursive: true });
  if (!fs.existsSync(INPUT)) await makeInput();
  inChild("compare"); // warm-up, and the output the floor copies its cells from
  const compare = [inChild("compare"), inChild("compare")].sort((a, b) => a.time - b.time)[0];
  const floor = [inChild("floor"), inChild("floor")].sort((a, b) => a.time - b.time)[0];
  const inputMb = fs.statSync(INPUT).size / 1e6;
  return [
    { name: "input workbook (100,000 ledger lines)", value: inputMb, unit: "MB" },
    { name: "floor: ExcelJS read + write the same cells", value: floor.time, unit: "ms" },
    { name: "compare -o end-to-end (in-process)", value: compare.time, unit: "ms" },
    { name: "ratio compare / floor (target ≤ 1.3)", value: compare.time / floor.time, unit: "×" },
    { name: "peak memory compare -o (max RSS)", value: compare.rss, unit: "MB" },
    { name: "peak memory floor (max RSS, incl. its copy of the cells)", value: floor.rss, unit: "MB" },
  ];
}

module.exports = { run, makeInput };

if (require.main === module) {
  if (process.argv[2] === "--child") {
    child(process.argv[3]).then(
      (r) => process.stdout.write(JSON.stringify(r)),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  } else {
    run().then(
      (rows) => {
        for (const r of rows) console.log(`${r.name}: ${Number(r.value.toPrecision(4))} ${r.unit}`);
      },
      (e) => {
        console.error(e);
        process.exitCode = 1;
      },
    );
  }
}
