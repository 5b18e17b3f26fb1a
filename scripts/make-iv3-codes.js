#!/usr/bin/env node
/**
 * Writes src/model/iv3/iv3-codes.json: the Iv3 taakvelden and categorieën lasten of Dutch
 * municipalities, every code that occurs in any year 2017–2026 with its latest name and the
 * first and last year it occurs and its earlier names, so that older codes and names ("6.2
 * Wijkteams") are still known.
 *
 * Source: ../shared/domain/cbs/iv3-codes.csv, flattened from iv3_definities_Gemeente_<year>.json
 * of CBS's public repository statistiekcbs/iv3_definities (see ../shared/domain/cbs/README.md).
 * CBS publishes under CC BY 4.0: the JSON names CBS as its source.
 *
 *   node scripts/make-iv3-codes.js [in.csv] && npx prettier --write src/model/iv3/iv3-codes.json
 */
"use strict";
const fs = require("fs");
const path = require("path");

const input = process.argv[2] ?? path.join(__dirname, "..", "..", "shared", "domain", "cbs", "iv3-codes.csv");
const output = path.join(__dirname, "..", "src", "model", "iv3", "iv3-codes.json");
const LISTS = { taakveld: "taakvelden", categorie_lasten: "categorieenLasten" };
// A code: digits with dots ("0.4", "3.5.1", "0.10"); a main task field is written "0." in the lists.
const CODE = /^\d+(?:\.\d+)*\.?$/;

const rows = fs
  .readFileSync(input, "utf8")
  .replace(/^\uFEFF/, "")
  .split(/\r?\n/)
  .filter((l) => l.trim() !== "")
  .slice(1)
  .map((l) => l.split(";"));
const years = new Set();
const lists = {};
for (const key of Object.values(LISTS)) lists[key] = {};
for (const [jaar, lijst, rawCode, rawName] of rows) {
  const key = LISTS[lijst];
  if (!key) continue;
  const code = rawCode.trim();
  if (!CODE.test(code)) continue; // totals and groups ("Tot_cat_l", "LR", "Lopende Rekening")
  const year = Number(jaar);
  years.add(year);
  const clean = code.replace(/\.$/, "");
  const name = rawName.trim().replace(/\s+/g, " ");
  const entry = lists[key][clean];
  if (!entry) lists[key][clean] = [name, year, year];
  else {
    if (year >= entry[2]) {
      if (name !== entry[0] && !entry.slice(3).includes(entry[0])) entry.push(entry[0]);
      entry[0] = name;
      entry[2] = year;
    } else if (name !== entry[0] && !entry.slice(3).includes(name)) entry.push(name);
    if (year < entry[1]) entry[1] = year;
  }
}
const sorted = (o) =>
  Object.fromEntries(
    Object.entries(o).sort(([a], [b]) => {
      const pa = a.split(".").map(Number);
      const pb = b.split(".").map(Number);
      for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? -1) - (pb[i] ?? -1);
        if (d !== 0) return d;
      }
      // "0.1" before "0.10": same numbers, shorter text first
      return a.length - b.length || a.localeCompare(b);
    }),
  );
const first = Math.min(...years);
const last = Math.max(...years);
const json = {
  source:
    `CBS, Iv3-definities gemeenten ${first}–${last} (github.com/statistiekcbs/iv3_definities, ` +
    "iv3_definities_Gemeente_<jaar>.json), CC BY 4.0; flattened in ../shared/domain/cbs/iv3-codes.csv " +
    "and compacted by scripts/make-iv3-codes.js",
  format: "code: [name in the latest year it occurs, first year, last year, ...earlier names]",
  taakvelden: sorted(lists.taakvelden),
  categorieenLasten: sorted(lists.categorieenLasten),
};
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, `${JSON.stringify(json)}\n`);
console.log(
  `${output}: ${Object.keys(json.taakvelden).length} taakvelden, ` +
    `${Object.keys(json.categorieenLasten).length} categorieën lasten (${first}–${last})`,
);
