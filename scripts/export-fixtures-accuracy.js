#!/usr/bin/env node
/**
 * Categoriser accuracy on the export fixtures (tests/fixtures/exports, issue 11): reads each with
 * the core reader and classifies it with the built-in rules, against the hand-labelled answer
 * files; prints category and component accuracy and every line that differs. Informative, not a
 * test: tests/model/categorise/exports-accuracy.test.ts is the test (same measure, from src). Needs
 * `npm run build:cli`.
 *
 *   node scripts/export-fixtures-accuracy.js
 */
"use strict";
const path = require("path");
const fs = require("fs");
const L = (p) => require(path.join(path.join(__dirname, "..", "lib"), p));
const { readLedger, yearFromSheetName } = L("model/grid.js");
const { classifyLedger } = L("model/categorise/index.js");
const { readXlsxFile } = L("cli/xlsx.js");
const { decodeText, parseCsv } = L("cli/csv.js");
const { componentOf } = L("model/taxonomy.js");
const D = path.join(__dirname, "..", "tests", "fixtures", "exports");
(async () => {
  let all = 0,
    ok = 0,
    cok = 0;
  const wrong = [];
  for (const name of [
    "unit4-grootboekkaart",
    "exact-mutaties",
    "key2-per-jaar",
    "afas-mutaties",
    "decade-saldo",
  ]) {
    const exp = new Map();
    for (const l of fs.readFileSync(`${D}/${name}.expected.csv`, "utf8").trim().split("\n").slice(1)) {
      const f = l.split(";");
      exp.set(f[0] + "#" + f[1], f[f.length - 1]);
    }
    const file = fs.readdirSync(D).find((f) => f.startsWith(name + ".") && !f.includes("expected"));
    const sheets = file.endsWith(".csv")
      ? [{ name: file, grid: parseCsv(decodeText(fs.readFileSync(`${D}/${file}`)).text), firstRow: 1 }]
      : await readXlsxFile(`${D}/${file}`);
    let n = 0,
      k = 0;
    for (const s of sheets) {
      const r = readLedger(s.grid, {
        sheet: s.name,
        firstRow: s.firstRow,
        sheetYear: yearFromSheetName(s.name),
      });
      for (const c of classifyLedger(r.lines)) {
        const e = exp.get(s.name + "#" + c.row);
        n++;
        all++;
        if (c.category === e) {
          k++;
          ok++;
        } else wrong.push(`${name} r${c.row} ${c.description} → ${c.category} (verwacht ${e})`);
        if (componentOf(c.category) === componentOf(e)) cok++;
      }
    }
    console.log(name, `${k}/${n}`);
  }
  console.log(
    "total",
    ok,
    all,
    ((100 * ok) / all).toFixed(1) + "%",
    "component",
    ((100 * cok) / all).toFixed(1) + "%",
  );
  wrong.forEach((w) => console.log(" ", w));
})();
