#!/usr/bin/env node
/**
 * Turns CBS's municipal reference data (../shared/domain/cbs: gemeenten.csv, iv3-totalen.csv) into the
 * compact JSON the product ships in src/model/cbs/. A newer CBS year is loaded the same way: add its rows
 * to the CSVs (or point at another folder) and run the script again.
 *
 *   node scripts/make-cbs-data.js [cbs-folder]     (default: ../shared/domain/cbs beside the repository)
 *
 * Shape (lean: short keys, numbers not strings, one list of names every series is aligned with):
 *   cbs-gemeenten.json  { source, licence, names, cbsNames, classes, urbanity, provinces,
 *                         years: { "2023": { source, inh: [..], cls: [..], urb: [..], prov: [..] } } }
 *                       inh = inhabitants; cls/urb/prov = index into classes/urbanity/provinces;
 *                       null where the municipality does not exist in that year.
 *   cbs-iv3.json        { source, licence, unit: "k€", count (= names.length of cbs-gemeenten.json),
 *                         docs: { "jaarrekening-2023": { source, doc, year, inh, lex, oh, ohs,
 *                                  nl: [inh, lex, oh, ohs] } } }
 *                       series aligned with cbs-gemeenten.json's names; amounts in thousands of euros
 *                       as CBS gives them: lex = lasten excl. reserves (0.10 and 0.11 left out),
 *                       oh = taakveld 0.4 Overhead lasten, ohs = of which salaries (1.1);
 *                       nl = the Nederland total. A municipality that filed nothing (every amount
 *                       0 in the CSV) is null: CBS lacks it for that document.
 */
const fs = require("fs");
const path = require("path");

const dir = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "..", "shared", "domain", "cbs"));
const outDir = path.join(__dirname, "..", "src", "model", "cbs");

function readCsv(file) {
  const text = fs.readFileSync(path.join(dir, file), "utf8").replace(/^\uFEFF/, "");
  const [head, ...rows] = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const cols = head.split(";");
  return rows.map((line) => {
    const cells = line.split(";");
    if (cells.length !== cols.length) throw new Error(`${file}: ${line}`);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
  });
}

function int(v, what) {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`not a whole number: ${what} '${v}'`);
  return n;
}

// CBS writes the smallest class both "minderdan…" and "Minderdan…": one key, lower case.
const classKey = (s) => s.toLowerCase();
const CLASS_ORDER = [
  "minderdan5000inwoners",
  "5000tot10000inwoners",
  "10000tot20000inwoners",
  "20000tot50000inwoners",
  "50000tot100000inwoners",
  "100000tot150000inwoners",
  "150000tot250000inwoners",
  "250000inwonersofmeer",
];
const URBANITY_ORDER = [
  "Zeersterkstedelijk",
  "Sterkstedelijk",
  "Matigstedelijk",
  "Weinigstedelijk",
  "Nietstedelijk",
];

const gem = readCsv("gemeenten.csv");
const iv3 = readCsv("iv3-totalen.csv");

const names = [...new Set([...gem.map((r) => r.gemeente), ...iv3.map((r) => r.gemeente)])]
  .filter((n) => n !== "Nederland")
  .sort((a, b) => a.localeCompare(b, "nl"));
const index = new Map(names.map((n, i) => [n, i]));
const cbsNames = {};
for (const r of gem) if (r.cbs_naam !== r.gemeente) cbsNames[r.gemeente] = r.cbs_naam;
const provinces = [...new Set(gem.map((r) => r.provincie))].sort((a, b) => a.localeCompare(b, "nl"));

for (const r of gem) {
  if (!CLASS_ORDER.includes(classKey(r.gemeentegrootte))) throw new Error(`class ${r.gemeentegrootte}`);
  if (!URBANITY_ORDER.includes(r.stedelijkheid)) throw new Error(`urbanity ${r.stedelijkheid}`);
}

const years = {};
for (const year of [...new Set(gem.map((r) => r.jaar))].sort()) {
  const y = {
    source: `CBS, gemeenteklassen ${year}`,
    inh: names.map(() => null),
    cls: names.map(() => null),
    urb: names.map(() => null),
    prov: names.map(() => null),
  };
  for (const r of gem.filter((g) => g.jaar === year)) {
    const i = index.get(r.gemeente);
    y.inh[i] = int(r.inwoners, `${year} ${r.gemeente} inwoners`);
    y.cls[i] = CLASS_ORDER.indexOf(classKey(r.gemeentegrootte));
    y.urb[i] = URBANITY_ORDER.indexOf(r.stedelijkheid);
    y.prov[i] = provinces.indexOf(r.provincie);
  }
  years[year] = y;
}

const yearsList = Object.keys(years);
const licence = "CC BY 4.0 — bron: CBS / source: CBS";
const gemeenten = {
  source: `CBS, gemeenteklassen ${yearsList[0]}–${yearsList[yearsList.length - 1]}`,
  licence,
  names,
  cbsNames,
  classes: CLASS_ORDER,
  urbanity: URBANITY_ORDER,
  provinces,
  years,
};

const docs = {};
const docKeys = [...new Set(iv3.map((r) => `${r.stuk}-${r.jaar}`))].sort();
for (const key of docKeys) {
  const [doc, year] = key.split("-");
  const d = {
    source: `CBS, Iv3 ${doc} ${year}`,
    doc,
    year: Number(year),
    inh: names.map(() => null),
    lex: names.map(() => null),
    oh: names.map(() => null),
    ohs: names.map(() => null),
    nl: null,
  };
  for (const r of iv3.filter((x) => x.stuk === doc && x.jaar === year)) {
    const row = [
      int(r.inwoners, "inwoners"),
      int(r.lasten_excl_reserves_k, "lasten_excl_reserves_k"),
      int(r.overhead_lasten_k, "overhead_lasten_k"),
      int(r.overhead_salarissen_k, "overhead_salarissen_k"),
    ];
    if (r.gemeente === "Nederland") {
      d.nl = row;
      continue;
    }
    // A municipality that filed nothing has every amount 0 (Vijfheerenlanden, jaarrekening 2023): not
    // there, rather than a municipality without expenses.
    if (int(r.lasten_k, "lasten_k") === 0 && row[1] === 0 && row[2] === 0) continue;
    const i = index.get(r.gemeente);
    [d.inh[i], d.lex[i], d.oh[i], d.ohs[i]] = row;
  }
  docs[key] = d;
}
const iv3Json = {
  source: "CBS, Iv3 (onbewerkte Iv3-data gemeenten, StatLine)",
  licence,
  unit: "k€",
  count: names.length,
  docs,
};

/**
 * Written as prettier formats it (`npm run lint` checks the JSON under src/), so a regenerated file differs
 * only where the data does. The bundle does not carry the whitespace: webpack re-serialises JSON.
 */
async function write() {
  fs.mkdirSync(outDir, { recursive: true });
  const prettier = require("prettier");
  const options = (await prettier.resolveConfig(path.join(outDir, "x.json"))) ?? {};
  for (const [file, data] of [
    ["cbs-gemeenten.json", gemeenten],
    ["cbs-iv3.json", iv3Json],
  ]) {
    const compact = JSON.stringify(data);
    const text = await prettier.format(compact, { ...options, parser: "json" });
    fs.writeFileSync(path.join(outDir, file), text);
    console.log(`${file}: ${names.length} gemeenten, ${compact.length} bytes of data`);
  }
}

write().catch((e) => {
  console.error(e);
  process.exit(1);
});
