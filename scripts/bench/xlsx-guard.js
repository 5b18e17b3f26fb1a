#!/usr/bin/env node
/**
 * Issue 14, item 2: a workbook too big for memory is refused up front, before ExcelJS loads it.
 * Writes a ledger workbook of ROWS × COLS cells by hand (fflate's streaming zip, a few seconds for
 * millions of cells: ExcelJS itself would need gigabytes to write it), then runs
 * `/usr/bin/time -v node bin/ictcost.js classify <file>` and reports exit code, message, wall time and
 * peak RSS. Needs the compiled CLI in lib/ (`npm run build:cli`). Files go to .bench/ (gitignored).
 *
 *   node scripts/bench/xlsx-guard.js                       12.6 M cells (1,260,000 × 10) and 1 M cells
 *   node scripts/bench/xlsx-guard.js make OUT ROWS COLS    only write such a workbook
 */
"use strict";
const { Buffer } = require("buffer");
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "../..");
const DIR = path.join(ROOT, ".bench");
const { Zip, ZipDeflate } = require(path.join(ROOT, "node_modules/fflate"));

const DESCRIPTIONS = [
  "Licenties Microsoft 365",
  "Inhuur ontwikkelaar",
  "Datacenter hosting",
  "Laptops",
  "Telefonie",
];

/** Column letters: 1 → A, 27 → AA. */
function col(n) {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const FILES = {
  "[Content_Types].xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    "</Types>",
  "_rels/.rels":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    "</Relationships>",
  "xl/workbook.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    '<sheet name="Grootboek" sheetId="1" r:id="rId1"/></sheets></workbook>',
  "xl/_rels/workbook.xml.rels":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
    "</Relationships>",
  "xl/sharedStrings.xml":
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    ["Omschrijving", "Bedrag", ...DESCRIPTIONS].map((s) => `<si><t>${s}</t></si>`).join("") +
    "</sst>",
};

/** Write an .xlsx with one sheet 'Grootboek' of `rows` × `cols` cells (header row included). */
function makeWorkbook(out, rows, cols) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const fd = fs.openSync(out, "w");
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    fs.writeSync(fd, chunk);
  });
  for (const [name, text] of Object.entries(FILES)) {
    const f = new ZipDeflate(name, { level: 1 });
    zip.add(f);
    f.push(Buffer.from(text), true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 1 });
  zip.add(sheet);
  sheet.push(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<dimension ref="A1:${col(cols)}${rows}"/><sheetData>`,
    ),
  );
  const letters = Array.from({ length: cols }, (_, i) => col(i + 1));
  let buf = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) {
      const ref = letters[c] + r;
      if (r === 1) row += c < 2 ? `<c r="${ref}" t="s"><v>${c}</v></c>` : `<c r="${ref}" t="s"><v>2</v></c>`;
      else if (c === 0) row += `<c r="${ref}" t="s"><v>${2 + (r % DESCRIPTIONS.length)}</v></c>`;
      else row += `<c r="${ref}"><v>${(r * 7919 + c) % 100000}</v></c>`;
    }
    buf.push(row + "</row>");
    if (buf.length === 5000) {
      sheet.push(Buffer.from(buf.join("")));
      buf = [];
    }
  }
  sheet.push(Buffer.from(buf.join("") + "</sheetData></worksheet>"), true);
  zip.end();
  fs.closeSync(fd); // ZipDeflate is synchronous: every chunk is written by now
}

/** `/usr/bin/time -v node bin/ictcost.js classify file`: exit code, first stderr line, seconds, peak RSS (MB). */
function measure(file) {
  const r = spawnSync(
    "/usr/bin/time",
    ["-v", process.execPath, path.join(ROOT, "bin/ictcost.js"), "classify", file],
    {
      encoding: "utf8",
      maxBuffer: 1024 * 1024 * 1024,
    },
  );
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const status = Number(/Exit status: (\d+)/.exec(r.stderr)?.[1] ?? r.status);
  const message =
    r.stderr.split("\n").find((l) => l.startsWith("ictcost:") || /signal|memory/i.test(l)) ?? "";
  return { status, seconds, rss, message };
}

async function run() {
  const rows = [];
  for (const [label, r, c] of [
    ["12.6 M cells (1,260,000 × 10)", 1_260_000, 10],
    ["1 M cells (100,000 × 10)", 100_000, 10],
  ]) {
    const file = path.join(DIR, `guard-${r}x${c}.xlsx`);
    const t0 = Date.now();
    if (!fs.existsSync(file)) makeWorkbook(file, r, c);
    const made = (Date.now() - t0) / 1000;
    const m = measure(file);
    process.stderr.write(`xlsx-guard: ${label}: exit ${m.status}: ${m.message.slice(0, 300)}\n`);
    rows.push(
      { name: `${label}: file size`, value: fs.statSync(file).size / 1e6, unit: "MB" },
      { name: `${label}: time to write the file by hand`, value: made, unit: "s" },
      { name: `${label}: classify exit code`, value: m.status, unit: "" },
      { name: `${label}: classify wall time`, value: m.seconds, unit: "s" },
      { name: `${label}: classify peak RSS`, value: m.rss, unit: "MB" },
    );
  }
  return rows;
}

module.exports = { run, makeWorkbook };

if (require.main === module) {
  if (process.argv[2] === "make") {
    makeWorkbook(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
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
