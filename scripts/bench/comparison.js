/**
 * Benchmark of compare() over 100,000 categorised lines, built directly (no categoriser in the loop).
 * Needs the compiled core: `npx tsc -p tsconfig.cli.json` writes src/model/** to lib/.
 * Used by scripts/bench.js through run(); `node scripts/bench/comparison.js` prints the results.
 */
"use strict";
const path = require("path");

const LINES = 100000;
const CODES = [
  "SW.KA",
  "SW.BV",
  "SW.PP",
  "SW.ZS",
  "PE.AU",
  "PE.IF",
  "PE.FB",
  "IN.WP",
  "IN.ND",
  "IN.DC",
  "XX.OO",
  "XX.NI",
];
const COMPONENT = { SW: "software", PE: "personnel", IN: "infrastructure" };

function syntheticLines(n) {
  const lines = new Array(n);
  for (let i = 0; i < n; i++) {
    const category = CODES[i % CODES.length];
    const component = COMPONENT[category.slice(0, 2)] || null;
    lines[i] = {
      row: i + 2,
      description: `Kostenregel ${i}`,
      supplier: `Leverancier ${i % 300}`,
      account: String(4000 + (i % 50)),
      amount: 100 + ((i * 7919) % 25000),
      // Four book years plus some undated lines, as in a multi-year export.
      year: i % 97 === 0 ? null : 2019 + (i % 4),
      costCentre: "",
      fte: component === "personnel" && i % 5 === 0 ? 0.8 : null,
      category,
      component,
      delivery: component === "software" ? (i % 2 ? "saas" : "on-premise") : null,
      staffing: component === "personnel" ? (i % 3 === 0 ? "hired" : "own") : null,
      nature: null,
      rule: "bench",
      confidence: 1,
    };
  }
  return lines;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function run() {
  const { compare } = require(path.join(__dirname, "../../lib/model/comparison.js"));
  const lines = syntheticLines(LINES);
  const figures = [2019, 2020, 2021, 2022].map((year) => ({ year, inhabitants: 80000 + year }));
  compare(lines, figures); // warm-up: let the JIT compile the hot loop first
  const times = [];
  let result;
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    result = compare(lines, figures);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  if (result.kpis.length !== 12 || result.series.length !== 4)
    throw new Error("compare() gave an incomplete result");
  return [
    { name: "compare() 100,000 lines, median of 5", value: Number(median(times).toFixed(2)), unit: "ms" },
    {
      name: "compare() 100,000 lines, slowest of 5",
      value: Number(Math.max(...times).toFixed(2)),
      unit: "ms",
    },
    { name: "compare() throughput", value: Math.round(LINES / (median(times) / 1000)), unit: "lines/s" },
  ];
}

module.exports = { run };

if (require.main === module) {
  run().then(
    (results) => {
      for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit}`);
    },
    (e) => {
      console.error(e.message);
      process.exitCode = 1;
    },
  );
}
