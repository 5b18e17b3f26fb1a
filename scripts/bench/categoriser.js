/**
 * Categoriser throughput: 100,000 generated ledger lines through the compiled core
 * (lib/, built by `npx tsc -p tsconfig.cli.json`). Two ledgers: a realistic one where
 * lines repeat (the same subscription every month), and one where every line is distinct
 * (random numbers, weeks and invoice numbers) so the per-line cache cannot help.
 *
 *   node scripts/bench/categoriser.js
 */
const path = require("path");

const LINES = 100_000;

const TEMPLATES = [
  [
    "Abonnement Microsoft 365 E{e} ({n} gebruikers) {y}",
    "Microsoft Ireland Operations Ltd",
    "4430 SaaS abonnementen",
  ],
  ["Key2Financiën onderhoud en support {y} termijn {q}", "Centric Netherlands BV", "4420 Onderhoud software"],
  ["Suite4Sociaal Domein SaaS periode {m}", "Centric Netherlands BV", "4430 SaaS abonnementen"],
  ["iBurgerzaken onderhoud BRP factuur {inv}", "PinkRoccade Local Government BV", "4420 Onderhoud software"],
  ["Squit 20/20 VTH licentie {y}", "Visma Roxit BV", "4430 SaaS abonnementen"],
  [
    "Decos JOIN zaaksysteem licentie {q}e kwartaal",
    "Decos Information Solutions BV",
    "4420 Onderhoud software",
  ],
  ["StUF-koppelingen onderhoud {y}", "Centric Netherlands BV", "4420 Onderhoud software"],
  ["Zivver veilig mailen jaarlicentie {n} accounts", "Zivver BV", "4430 SaaS abonnementen"],
  ["Power BI Pro licenties {n} st", "Microsoft Ireland Operations Ltd", "4410 Licenties software"],
  ["TOPdesk servicemanagement abonnement {y}", "TOPdesk Nederland BV", "4430 SaaS abonnementen"],
  ["Inhuur netwerkbeheerder wk {w}-{w2}", "Randstad Professionals", "4050 Inhuur derden"],
  ["Inhuur informatieadviseur sociaal domein {m}", "Yacht BV", "4050 Inhuur derden"],
  ["Salarissen team functioneel beheer {m} {y}", "Eigen personeel", "4010 Salarissen"],
  ["Detachering privacy officer factuur {inv}", "Privacy Company", "4050 Inhuur derden"],
  ["Vervanging laptops ({n} st) inclusief docking", "Dell Technologies", "4510 Hardware werkplek"],
  ["Lease multifunctionals en printkosten {m}", "Canon Nederland NV", "4520 Printen"],
  ["KPN Zakelijk mobiel abonnementen {m} {y}", "KPN BV", "4610 Telefonie"],
  ["Glasvezelverbinding locatie {n} maand {m}", "Eurofiber Nederland BV", "4620 Datacommunicatie"],
  ["Firewall onderhoud en licenties {y}", "Fortinet via Infradata", "4530 Hardware netwerk"],
  ["Housing rekencentrum {n} U rack {m}", "Equinix", "4540 Datacenter"],
  ["Azure verbruik (IaaS) {m} {y}", "Microsoft Ireland Operations Ltd", "4540 Datacenter"],
  ["SOC/SIEM dienstverlening 24x7 {q}", "Tesorion", "4540 Datacenter"],
  ["Afschrijving servers aanschaf {y}", "Intern", "4900 Afschrijvingen"],
  ["Koffieautomaten huur {m}", "Selecta", "4800 Facilitair"],
  ["Factuur {inv}", "Diverse crediteuren", "4590 Overig"],
  ["Geschenk afscheid medewerker {n}", "Bol.com zakelijk", "4590 Overig"],
];
const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
];

/** A small deterministic generator, so runs are comparable. */
function random(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function generate(count, distinct) {
  const rnd = random(42);
  const pick = (n) => Math.floor(rnd() * n);
  // With few distinct values, lines repeat as in a real ledger; with many, nearly every line is new.
  const spread = distinct ? 1_000_000 : 3;
  const fill = (t) =>
    t
      .replace("{e}", String(3 + 2 * pick(2)))
      .replace("{n}", String(10 + pick(spread)))
      .replace("{y}", String(2020 + pick(distinct ? 4 : 1)))
      .replace("{q}", String(1 + pick(4)))
      .replace("{m}", MONTHS[pick(distinct ? MONTHS.length : 2)])
      .replace("{w}", String(1 + pick(distinct ? 52 : 2)))
      .replace("{w2}", String(1 + pick(distinct ? 52 : 2)))
      .replace("{inv}", `F${distinct ? pick(10_000_000) : pick(5)}`);
  const lines = [];
  for (let i = 0; i < count; i++) {
    const [d, s, a] = TEMPLATES[pick(TEMPLATES.length)];
    lines.push({
      row: i + 2,
      description: fill(d),
      supplier: s,
      account: a,
      amount: Math.round(rnd() * 100_000) / 100,
      year: 2022,
      costCentre: "",
      fte: null,
      category: null,
    });
  }
  return lines;
}

function timeIt(core, lines) {
  // Warm-up on a separate categoriser, so the measured one starts with an empty line cache.
  core.classifyLedger(lines.slice(0, 5000), { categoriser: core.compileCategoriser() });
  // Best of three rounds, each with a fresh categoriser (empty line cache): the machine is shared.
  let best = Infinity;
  let unknown = 0;
  for (let round = 0; round < 3; round++) {
    const categoriser = core.compileCategoriser();
    const start = process.hrtime.bigint();
    unknown = 0;
    for (const line of lines) if (categoriser.classify(line).category === "XX.OO") unknown++;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { perSecond: lines.length / best, distinct: new Set(lines.map((l) => l.description)).size, unknown };
}

async function run() {
  const core = require(path.join(__dirname, "..", "..", "lib", "model", "categorise", "index.js"));
  const results = [];
  for (const distinct of [false, true]) {
    const lines = generate(LINES, distinct);
    const t = timeIt(core, lines);
    const label = distinct ? "all distinct" : "with duplicates";
    results.push({
      name: `lines/s, ${label} (${t.distinct} distinct descriptions)`,
      value: t.perSecond,
      unit: "lines/s",
    });
    results.push({ name: `share Onbekend, ${label}`, value: t.unknown / LINES, unit: "" });
  }
  const start = process.hrtime.bigint();
  const ledger = core.classifyLedger(generate(LINES, true));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  results.push({
    name: `classifyLedger, ${ledger.length} distinct lines`,
    value: ledger.length / seconds,
    unit: "lines/s",
  });
  results.push({ name: "peak RSS", value: process.resourceUsage().maxRSS / 1024, unit: "MB" });
  return results;
}

module.exports = { run };

if (require.main === module) {
  run().then(
    (rows) => rows.forEach((r) => console.log(`${r.name}: ${Number(r.value.toPrecision(4))} ${r.unit}`)),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
