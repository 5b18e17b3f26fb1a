#!/usr/bin/env node
/**
 * Writing the `compare -o` copy of a 100,000-line workbook: the lossless writer (src/cli/ooxml: raw zip
 * entries kept, own sheets/tables/charts written as XML) against the ExcelJS path (src/cli/writeXlsx:
 * read the whole workbook, render the layouts, write it all again), and the file floor (fflate unzip of
 * every entry + zip of them all again, no XML work). The same layouts for all three, built beforehand
 * from `analyse()` and not timed: this measures the copy, not the reading or the categorising.
 * Each side runs in its own Node process so that peak memory (max RSS) is its own.
 * Needs the compiled CLI in lib/ (`npm run build:cli`). Files go to .bench/ (gitignored); the input is
 * the one scripts/bench/cli.js makes (made here the same way when missing).
 *
 *   node scripts/bench/lossless-copy.js      prints the rows; also run by `npm run bench`
 */
"use strict";
/* global Buffer */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "../..");
const DIR = path.join(ROOT, ".bench");
const INPUT = path.join(DIR, "big-ledger.xlsx");
const lib = (p) => require(path.join(ROOT, "lib", p));

/** The layouts compare -o writes: the pipeline's own, through the CLI's analyse (src/cli/compare.ts). */
async function layouts() {
  const { analyse } = lib("cli/compare.js");
  return (await analyse({ file: INPUT })).layouts;
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = () => process.resourceUsage().maxRSS / 1024;

async function child(which) {
  const ls = await layouts();
  global.gc?.();
  const base = mb();
  const out = path.join(DIR, `big-ledger-${which}.xlsx`);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  if (which === "lossless") {
    const { writeLosslessCopy } = lib("cli/ooxml/losslessCopy.js");
    fs.writeFileSync(out, writeLosslessCopy(new Uint8Array(fs.readFileSync(INPUT)), ls));
  } else if (which === "exceljs") {
    const ExcelJS = require(path.join(ROOT, "node_modules/exceljs"));
    const { renderLayout, writeWorkbook } = lib("cli/writeXlsx.js");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(INPUT);
    for (const l of ls) renderLayout(wb, l);
    await writeWorkbook(wb, out);
  } else {
    // The file floor: inflate every entry, parse the biggest user sheet's XML (saxes, no cell objects),
    // write the own sheets' cells as plain XML (no styles, tables or charts) and deflate every entry again
    // with the same zip code: the zip and XML work any writer of this copy has to pay.
    const { readZip, entryData, writeZip } = lib("cli/ooxml/zip.js");
    const { SaxesParser } = require(path.join(ROOT, "node_modules/saxes"));
    const zip = readZip(new Uint8Array(fs.readFileSync(INPUT)));
    const entries = zip.entries.map((e) => ({ name: e.name, data: entryData(zip, e) }));
    const biggest = entries
      .filter((e) => /worksheets\/sheet/.test(e.name))
      .sort((x, y) => y.data.length - x.data.length)[0];
    let cells = 0;
    const parser = new SaxesParser();
    parser.on("opentag", (t) => {
      if (t.name === "c") cells++;
    });
    parser.write(Buffer.from(biggest.data).toString("utf8")).close();
    const escape = (x) =>
      String(x).replace(/[&<>]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : "&gt;"));
    ls.forEach((l, i) => {
      const rows = [];
      for (const b of l.blocks) {
        for (const r of b.cells) {
          rows.push(
            `<row>${r.map((v) => `<c><v>${escape(v && typeof v === "object" ? v.formula : v)}</v></c>`).join("")}</row>`,
          );
        }
      }
      entries.push({
        name: `xl/worksheets/own${i}.xml`,
        data: Buffer.from(`<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`),
      });
    });
    fs.writeFileSync(out, writeZip(null, entries));
    if (cells === 0) throw new Error("no cells parsed");
  }
  const time = ms(t0);
  const c = process.cpuUsage(cpu0);
  return { time, cpu: (c.user + c.system) / 1000, rss: mb(), baseRss: base, bytes: fs.statSync(out).size };
}

function inChild(which) {
  const out = execFileSync(process.execPath, ["--expose-gc", __filename, "--child", which], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out);
}

async function run() {
  fs.mkdirSync(DIR, { recursive: true });
  if (!fs.existsSync(INPUT)) {
    // The input of scripts/bench/cli.js: build it there (its makeInput) by running that script's maker.
    const { makeInput } = require("./cli.js");
    if (!makeInput) throw new Error("no .bench/big-ledger.xlsx: run node scripts/bench/cli.js first");
    await makeInput();
  }
  const best = (which, n) =>
    Array.from({ length: n }, () => inChild(which)).sort((a, b) => a.time - b.time)[0];
  const lossless = best("lossless", 3);
  const floor = best("floor", 2);
  const exceljs = best("exceljs", 1);
  return [
    { name: "input workbook (100,000 ledger lines)", value: fs.statSync(INPUT).size / 1e6, unit: "MB" },
    { name: "lossless writer: copy with own sheets + charts (best of 3)", value: lossless.time, unit: "ms" },
    { name: "ExcelJS path: read + render + write (writeXlsx)", value: exceljs.time, unit: "ms" },
    {
      name: "file floor: unzip all + parse ledger XML + plain own-sheet XML + zip all (best of 2)",
      value: floor.time,
      unit: "ms",
    },
    {
      name: "CPU time (user + system) lossless / ExcelJS / floor",
      value: `${Math.round(lossless.cpu)} / ${Math.round(exceljs.cpu)} / ${Math.round(floor.cpu)}`,
      unit: "ms",
    },
    { name: "ratio lossless / ExcelJS", value: lossless.time / exceljs.time, unit: "×" },
    { name: "ratio lossless / floor", value: lossless.time / floor.time, unit: "×" },
    { name: "load average (1 min) at the end", value: require("os").loadavg()[0], unit: "" },
    { name: "peak RSS lossless (layouts of 100k lines included)", value: lossless.rss, unit: "MB" },
    { name: "RSS before the copy, lossless child (analysis + layouts)", value: lossless.baseRss, unit: "MB" },
    { name: "peak RSS ExcelJS path", value: exceljs.rss, unit: "MB" },
    { name: "peak RSS floor", value: floor.rss, unit: "MB" },
    {
      name: "output size lossless / ExcelJS",
      value: `${(lossless.bytes / 1e6).toFixed(2)} / ${(exceljs.bytes / 1e6).toFixed(2)}`,
      unit: "MB",
    },
  ];
}

module.exports = { run, layouts };

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
        for (const r of rows)
          console.log(
            `${r.name}: ${typeof r.value === "number" ? Number(r.value.toPrecision(4)) : r.value} ${r.unit}`,
          );
      },
      (e) => {
        console.error(e);
        process.exitCode = 1;
      },
    );
  }
}
