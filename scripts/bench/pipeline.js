/**
 * The whole comparison for a 100,000-line ledger, as the add-in and the CLI run it:
 * grid (as Range.values gives it) → readLedger → classifyLedger → compare.
 * Target (issue 2): under 0.5 s in all. Needs the compiled core in lib/ (`npm run build:cli`).
 */
"use strict";
const path = require("path");
const lib = (p) => require(path.join(__dirname, "../../lib/model", p));

const LINES = 100000;

/** A realistic export: the sample municipality's lines repeated with invoice numbers and weeks, half the amounts as Dutch text. */
function bigGrid() {
  const { sampleMunicipality } = lib("sample.js");
  const base = sampleMunicipality().ledger;
  const grid = [
    ["Grootboekexport ICT"],
    ["Omschrijving", "Leverancier", "Grootboekrekening", "Boekjaar", "Bedrag", "Fte"],
  ];
  for (let i = 0; i < LINES; i++) {
    const b = base[i % base.length];
    const amount = Math.round(b.amount * (0.5 + ((i * 7919) % 1000) / 1000)) / 100;
    const text = i % 2 === 0;
    grid.push([
      `${b.description} factuur ${20220000 + i} wk ${1 + (i % 52)}`,
      b.supplier,
      b.account,
      b.year,
      text ? amount.toLocaleString("nl-NL", { minimumFractionDigits: 2 }) : amount,
      b.fte ?? "",
    ]);
  }
  return grid;
}

function time(fn) {
  const t0 = process.hrtime.bigint();
  const result = fn();
  return { result, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

async function run() {
  const { readLedger } = lib("grid.js");
  const { classifyLedger } = lib("categorise/index.js");
  const { compare } = lib("comparison.js");
  const grid = bigGrid();
  const figures = [
    { year: 2022, inhabitants: 62000 },
    { year: 2023, inhabitants: 62400 },
  ];
  const rows = [];
  // Two rounds: the first is cold (JIT warming up), the second is what a user sees on a rebuild.
  for (const round of ["cold", "warm"]) {
    const read = time(() => readLedger(grid));
    const classified = time(() => classifyLedger(read.result.lines));
    const compared = time(() => compare(classified.result, figures, { year: 2023 }));
    const total = read.ms + classified.ms + compared.ms;
    rows.push(
      { name: `${round}: readLedger 100k rows`, value: read.ms, unit: "ms" },
      { name: `${round}: classifyLedger 100k lines`, value: classified.ms, unit: "ms" },
      { name: `${round}: compare 100k lines`, value: compared.ms, unit: "ms" },
      { name: `${round}: whole comparison (target < 500)`, value: total, unit: "ms" },
    );
  }
  rows.push({ name: "peak RSS", value: process.resourceUsage().maxRSS / 1024, unit: "MB" });
  return rows;
}

module.exports = { run };

if (require.main === module) {
  run().then((rows) => rows.forEach((r) => console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}`)));
}
