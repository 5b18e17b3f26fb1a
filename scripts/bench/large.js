#!/usr/bin/env node
/**
 * Large inputs end to end through the binary (issue 13 item 3, issue 14 item 2): `compare -o` and
 * `classify` on (a) the 100,000-line bench workbook of cli.js (big-ledger.js writes it) and (b) CSV
 * ledgers of 100,000 and 1,000,000 lines (written here: ";"-separated, Dutch amounts, a preamble line,
 * the sample municipality's lines cycled, each with its own invoice number). Each run is its own
 * `node bin/ictcost.js` process under `/usr/bin/time -v`: wall, CPU (user + system) and peak RSS. On this
 * shared machine CPU time is the steadier figure. Needs the compiled CLI (`npm run build:cli`).
 *
 *   node scripts/bench/large.js            all rows; also run by `npm run bench`
 *   node scripts/bench/large.js csv1m      only the runs whose name contains "csv1m"
 */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "../..");
const DIR = path.join(ROOT, ".bench");
// BENCH_BIN: another build's launcher (e.g. a build of the commit before a change, for before/after rows).
const BIN = process.env.BENCH_BIN ? path.resolve(process.env.BENCH_BIN) : path.join(ROOT, "bin/ictcost.js");
const XLSX = path.join(DIR, "big-ledger.xlsx");
const csvPath = (lines) => path.join(DIR, `ledger-${lines}.csv`);

/** A Unit4-like export: a preamble line, the header, then `lines` cost lines. */
function writeCsv(lines, file) {
  const { SAMPLE_LEDGER_HEADER, sampleMunicipality } = require(path.join(ROOT, "lib/model/sample.js"));
  const base = sampleMunicipality().ledger;
  const fd = fs.openSync(file, "w");
  const quote = (s) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  let buf = `Grootboekexport ICT\n${SAMPLE_LEDGER_HEADER.join(";")}\n`;
  for (let i = 0; i < lines; i++) {
    const b = base[i % base.length];
    const amount = Math.round(b.amount * (0.5 + ((i * 7919) % 1000) / 1000)) / 100;
    buf +=
      [
        quote(`${b.description} factuur ${20220000 + i}`),
        quote(b.supplier),
        b.account,
        quote(b.costCentre ?? ""),
        b.year,
        amount.toLocaleString("nl-NL", { minimumFractionDigits: 2 }),
        b.fte ?? "",
      ].join(";") + "\n";
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = "";
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

async function makeInputs() {
  fs.mkdirSync(DIR, { recursive: true });
  if (!fs.existsSync(XLSX)) await require("./cli").makeInput();
  for (const n of [100000, 1000000]) if (!fs.existsSync(csvPath(n))) writeCsv(n, csvPath(n));
}

/** One binary run under /usr/bin/time -v: wall, CPU, peak RSS (MB), exit status. */
function timed(args) {
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, BIN, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const field = (name) => {
    const m = r.stderr.match(new RegExp(`${name}: (.*)`));
    return m ? m[1].trim() : "";
  };
  const wallParts = field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)").split(":").map(Number);
  const wall = wallParts.reduce((s, p) => s * 60 + p, 0);
  const cpu = Number(field("User time \\(seconds\\)")) + Number(field("System time \\(seconds\\)"));
  const rss = Number(field("Maximum resident set size \\(kbytes\\)")) / 1024;
  const status = Number(field("Exit status"));
  return { wall, cpu, rss, status, stderr: r.stderr };
}

const RUNS = [
  { name: "xlsx100k classify", args: () => ["classify", XLSX], lines: 100000 },
  {
    name: "xlsx100k compare -o",
    args: () => ["compare", XLSX, "-o", path.join(DIR, "large-xlsx.xlsx")],
    lines: 100000,
  },
  { name: "csv100k classify", args: () => ["classify", csvPath(100000)], lines: 100000 },
  { name: "csv100k classify --json", args: () => ["classify", csvPath(100000), "--json"], lines: 100000 },
  {
    name: "csv100k compare -o",
    args: () => [
      "compare",
      csvPath(100000),
      "--inhabitants",
      "500000",
      "-o",
      path.join(DIR, "large-csv100k.xlsx"),
    ],
    lines: 100000,
  },
  { name: "csv1m classify", args: () => ["classify", csvPath(1000000)], lines: 1000000 },
  {
    name: "csv1m compare -o",
    args: () => [
      "compare",
      csvPath(1000000),
      "--inhabitants",
      "5000000",
      "-o",
      path.join(DIR, "large-csv1m.xlsx"),
    ],
    lines: 1000000,
  },
];

async function run(filter = "") {
  await makeInputs();
  const rows = [];
  for (const r of RUNS.filter((x) => x.name.includes(filter))) {
    const t = timed(r.args());
    const tag = t.status === 0 ? "" : ` (exit ${t.status})`;
    if (t.status !== 0) process.stderr.write(t.stderr.split("\n").slice(0, 5).join("\n") + "\n");
    rows.push({ name: `${r.name}: wall${tag}`, value: t.wall, unit: "s" });
    rows.push({ name: `${r.name}: CPU (user + sys)`, value: t.cpu, unit: "s" });
    rows.push({ name: `${r.name}: lines per CPU second`, value: r.lines / t.cpu, unit: "lines/s" });
    rows.push({ name: `${r.name}: peak RSS`, value: t.rss, unit: "MB" });
  }
  rows.push({
    name: "input sizes xlsx100k / csv100k / csv1m",
    value: 0,
    unit: "",
    text:
      [XLSX, csvPath(100000), csvPath(1000000)]
        .map((f) => (fs.statSync(f).size / 1e6).toFixed(1))
        .join(" / ") + " MB",
  });
  rows.push({ name: "load average (1 min) at the end", value: os.loadavg()[0], unit: "" });
  return rows;
}

module.exports = { run, writeCsv };

if (require.main === module) {
  run(process.argv[2] ?? "").then(
    (rows) => {
      for (const r of rows) console.log(`${r.name}: ${r.text ?? Number(r.value.toPrecision(4))} ${r.unit}`);
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
