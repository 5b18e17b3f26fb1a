/**
 * Categoriser throughput: 100,000 generated ledger lines through the compiled core
 * (lib/, built by `npx tsc -p tsconfig.cli.json`). Three ledgers:
 *   (a) realistic lines that repeat (the same subscription every month);
 *   (b) the same kinds of line, but nearly every one distinct through invoice numbers, dates,
 *       weeks and amounts, as in real ledgers;
 *   (c) a worst case: every line a distinct random combination of rule words (products,
 *       stems with made-up endings) and words no rule knows, so no cache can help.
 * And classifyLedger end to end (a fresh categoriser, result objects included) on (b).
 * Every round gets freshly generated strings (same content), as a ledger read from a sheet does:
 * a string hashed in an earlier round would flatter any cache keyed by it.
 *
 *   node scripts/bench/categoriser.js          (BENCH_LIB=/other/lib to compare another build)
 */
const os = require("os");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");

// Collect the generator's garbage before each timed round, so its collection is not timed.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

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

/** What a sheet reader gives: flat strings, not the rope a concatenation leaves. */
function flat(s) {
  s.charCodeAt(0);
  return s;
}

/** A new string per cell, as a sheet reader gives, not one shared string whose hash is known. */
function copy(s) {
  return s.split("").join("");
}

function ledgerLine(i, description, supplier, account, amount) {
  return {
    row: i + 2,
    description: flat(description),
    supplier: flat(copy(supplier)),
    account: flat(copy(account)),
    amount,
    year: 2022,
    costCentre: "",
    fte: null,
    category: null,
  };
}

/** Ways real descriptions end in something that differs per line. */
const SUFFIXES = ["", " factuur {inv}", " {date}", " periode {date}", " ref. {inv}/{y}", " ({amount})"];

/** (a) with few distinct values lines repeat; (b) with many, nearly every line is new. */
function generate(count, distinct) {
  const rnd = random(42);
  const pick = (n) => Math.floor(rnd() * n);
  const spread = distinct ? 1_000_000 : 3;
  const two = (n) => String(n).padStart(2, "0");
  const fill = (t) =>
    t
      .replace("{e}", String(3 + 2 * pick(2)))
      .replace("{n}", String(10 + pick(spread)))
      .replace("{y}", String(2020 + pick(distinct ? 4 : 1)))
      .replace("{q}", String(1 + pick(4)))
      .replace("{m}", MONTHS[pick(distinct ? MONTHS.length : 2)])
      .replace("{w}", String(1 + pick(distinct ? 52 : 2)))
      .replace("{w2}", String(1 + pick(distinct ? 52 : 2)))
      .replace("{inv}", `F${distinct ? pick(10_000_000) : pick(5)}`)
      .replace("{date}", `${two(1 + pick(28))}-${two(1 + pick(12))}-${2020 + pick(4)}`)
      .replace("{amount}", `€ ${pick(100_000)},${two(pick(100))}`);
  const lines = [];
  for (let i = 0; i < count; i++) {
    const [d, s, a] = TEMPLATES[pick(TEMPLATES.length)];
    const suffix = distinct ? SUFFIXES[pick(SUFFIXES.length)] : "";
    lines.push(ledgerLine(i, fill(d + suffix), s, a, Math.round(rnd() * 100_000) / 100));
  }
  return lines;
}

/** Words no rule knows: ordinary ledger Dutch and made-up words (names, codes). */
const PLAIN = (
  "aanschaf levering diverse kosten periode maand kwartaal jaar factuur nota correctie creditnota " +
  "vervanging uitbreiding verlenging gemeente afdeling team locatie stadhuis werf bibliotheek " +
  "overeenkomst contract bestelling order termijn voorschot eindafrekening restant aanvulling " +
  "medewerkers gebruikers inwoners burgers raad college wethouder programma begroting reserve"
).split(" ");
const SYLLABLES = "ka to ri ven dal mo ber sta lin gro wer pe nu zo hel fa ter bo sim kra".split(" ");
const ENDINGS = ["", "en", "s", "kosten", "beheer", "contract", "overeenkomst", "systeem", "uitbreiding"];

/** (c) every line a distinct random mix of rule words and other words. */
function generateWorstCase(count, rules) {
  const rnd = random(7);
  const pick = (n) => Math.floor(rnd() * n);
  const vocabulary = rules.flatMap((r) => r.words);
  const ruleWord = () => {
    const w = vocabulary[pick(vocabulary.length)];
    // A stem or a tail gets a random other half, as Dutch compounds do.
    if (w.endsWith("*")) return w.slice(0, -1) + ENDINGS[pick(ENDINGS.length)];
    if (w.startsWith("*")) return PLAIN[pick(PLAIN.length)] + w.slice(1);
    return w;
  };
  const madeUp = () => {
    let w = "";
    for (let k = 1 + pick(3); k >= 0; k--) w += SYLLABLES[pick(SYLLABLES.length)];
    return pick(2) ? w : w[0].toUpperCase() + w.slice(1);
  };
  const suppliers = Array.from({ length: 200 }, () => `${madeUp()} ${pick(2) ? "BV" : "Nederland BV"}`);
  const accounts = Array.from({ length: 40 }, () => `${4000 + pick(1000)} ${PLAIN[pick(PLAIN.length)]}`);
  const lines = [];
  for (let i = 0; i < count; i++) {
    const words = [];
    for (let k = 2 + pick(6); k > 0; k--) {
      const r = rnd();
      words.push(r < 0.4 ? ruleWord() : r < 0.8 ? PLAIN[pick(PLAIN.length)] : madeUp());
    }
    if (pick(2)) words.push(String(pick(100_000)));
    const supplier = pick(3) ? suppliers[pick(suppliers.length)] : ruleWord();
    lines.push(ledgerLine(i, words.join(" "), supplier, accounts[pick(accounts.length)], pick(1e7) / 100));
  }
  return lines;
}

const ROUNDS = 3;

/** Best of ROUNDS, each with a fresh categoriser (empty line cache) and fresh strings. */
function timeIt(core, make) {
  // Warm-up on a separate categoriser.
  const warm = make();
  core.classifyLedger(warm.slice(0, 5000), { categoriser: core.compileCategoriser() });
  let best = Infinity;
  let bestCpu = Infinity;
  let unknown = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const lines = make();
    const categoriser = core.compileCategoriser();
    gc();
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    unknown = 0;
    for (const line of lines) if (categoriser.classify(line).category === "XX.OO") unknown++;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
    bestCpu = Math.min(bestCpu, cpuSeconds(cpu));
  }
  return {
    perSecond: LINES / best,
    perCpuSecond: LINES / bestCpu,
    distinct: new Set(warm.map((l) => l.description)).size,
    unknown,
  };
}

/** CPU seconds of this process since `since`: on a loaded machine, closer to what the code costs. */
function cpuSeconds(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

async function run() {
  const lib = process.env.BENCH_LIB || path.join(__dirname, "..", "..", "lib");
  const core = require(path.join(lib, "model", "categorise", "index.js"));
  const results = [];
  const cases = [
    ["(a) with repeats", () => generate(LINES, false)],
    ["(b) distinct numbers/dates/invoices", () => generate(LINES, true)],
    ["(c) worst case, random words", () => generateWorstCase(LINES, core.BUILTIN_RULES)],
  ];
  for (const [label, make] of cases) {
    const t = timeIt(core, make);
    results.push({
      name: `lines/s, ${label} (${t.distinct} distinct descriptions)`,
      value: t.perSecond,
      unit: "lines/s",
    });
    results.push({ name: `lines per CPU second, ${label}`, value: t.perCpuSecond, unit: "lines/s" });
    results.push({ name: `share Onbekend, ${label}`, value: t.unknown / LINES, unit: "" });
  }
  let best = Infinity;
  let bestCpu = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const lines = generate(LINES, true);
    gc();
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const ledger = core.classifyLedger(lines);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
    bestCpu = Math.min(bestCpu, cpuSeconds(cpu));
    if (ledger.length !== LINES) throw new Error("classifyLedger lost lines");
  }
  results.push({ name: "classifyLedger, (b) end to end", value: LINES / best, unit: "lines/s" });
  results.push({
    name: "classifyLedger, (b) end to end, per CPU second",
    value: LINES / bestCpu,
    unit: "lines/s",
  });
  results.push({ name: "classifyLedger, (b) end to end, 100,000 lines", value: best, unit: "s" });
  results.push({ name: "peak RSS", value: process.resourceUsage().maxRSS / 1024, unit: "MB" });
  results.push({ name: "load average (1 min) at the end", value: os.loadavg()[0], unit: "" });
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
