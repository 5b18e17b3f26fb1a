#!/usr/bin/env node
/**
 * Writes tests/fixtures/exports/: five ledger exports in the shapes Dutch financial systems
 * produce (issue 11), written from scratch for the fictitious Gemeente Voorbeeldrade, each with
 * an answer file <name>.expected.csv (blad;rij;omschrijving;verwacht_categorie) whose categories
 * were labelled by hand per line template below. ICT lines are mixed with lines that are no ICT
 * at all (rent, catering, road maintenance: XX.NI).
 *
 *   a. unit4-grootboekkaart.xlsx  two title rows, headers in capitals, DEBET/CREDIT, a running
 *      SALDO, subtotal rows "Totaal 44100" per account, a repeated header, "Totaal generaal"
 *   b. exact-mutaties.csv         Windows-1252, ";" a preamble line, Debet/Credit as "1.234,56"
 *   c. key2-per-jaar.xlsx         a sheet per year ("2022", "2023"), Boekdatum as dates, one
 *      Bedrag column (credit notes negative), no Boekjaar, Omschrijving boeking/regel
 *   d. afas-mutaties.csv          tab separated, UTF-8 with BOM, Periode "2022-07", Bedrag with
 *      credit notes negative, Crediteurnummer beside Crediteur naam
 *   e. decade-saldo.xlsx          an Excel table with a total row, Saldo as the only amount
 *
 * Deterministic (a seeded generator): running it again gives the same content.
 *
 *   node scripts/make-export-fixtures.js [outDir]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { Buffer } = require("buffer");
const ExcelJS = require("exceljs");

const outDir = process.argv[2] ?? path.join(__dirname, "..", "tests", "fixtures", "exports");

// ---- Line templates, labelled by hand: [description, supplier, account, taakveld, iv3, category]
const T = {
  m365: ["Microsoft 365 E3 abonnementen", "Microsoft Ireland Operations Ltd", "44100", "0.4", "3.8", "SW.KA"],
  adobe: [
    "Adobe Acrobat Pro licenties verlenging",
    "SoftwareONE Netherlands BV",
    "44100",
    "0.4",
    "3.8",
    "SW.KA",
  ],
  key2: ["Key2Financiën onderhoud en support", "Centric Netherlands BV", "44110", "0.4", "3.8", "SW.BV"],
  youforce: ["Youforce HR en salarisverwerking abonnement", "Visma Raet BV", "44110", "0.4", "3.8", "SW.BV"],
  iburgerzaken: [
    "iBurgerzaken licentie en onderhoud",
    "PinkRoccade Local Government",
    "44120",
    "0.2",
    "3.8",
    "SW.PP",
  ],
  suite4: ["Suite4Sociaal Domein onderhoud", "Centric Netherlands BV", "44120", "6.1", "3.8", "SW.PP"],
  arcgis: ["ArcGIS Online licenties GIS", "Esri Nederland BV", "44120", "8.1", "3.8", "SW.PP"],
  decos: [
    "Zaaksysteem Decos JOIN SaaS-abonnement",
    "Decos Information Solutions",
    "44130",
    "0.4",
    "3.8",
    "SW.ZS",
  ],
  esb: [
    "Enterprise Service Bus StUF-koppelingen onderhoud",
    "Centric Netherlands BV",
    "44130",
    "0.4",
    "3.8",
    "SW.IK",
  ],
  eforms: ["E-formulieren platform abonnement", "Exxellence Groep BV", "44130", "0.4", "3.8", "SW.IK"],
  sophos: ["Endpoint protection licenties", "Sophos BV", "44140", "0.4", "3.8", "SW.IB"],
  zivver: ["Zivver veilig mailen licenties", "Zivver BV", "44140", "0.4", "3.8", "SW.IB"],
  powerbi: ["Power BI Pro licenties", "Microsoft Ireland Operations Ltd", "44100", "0.4", "3.8", "SW.BI"],
  infoadv: ["Inhuur informatieadviseur sociaal domein", "Yacht BV", "44300", "0.4", "3.5.1", "PE.IF"],
  fb: ["Inhuur functioneel beheerder Suite4", "Brunel Nederland BV", "44300", "0.4", "3.5.1", "PE.FB"],
  netbeheer: [
    "Detachering netwerkbeheerder",
    "Conclusion Mission Critical",
    "44300",
    "0.4",
    "3.5.1",
    "PE.AU",
  ],
  teamleider: ["Interim teamleider ICT", "Ordina Nederland BV", "44300", "0.4", "3.5.1", "PE.MG"],
  sysbeheer: ["Salarissen systeembeheerders", "", "41000", "0.4", "1.1", "PE.AU"],
  ciso: ["Salaris CISO", "", "41000", "0.4", "1.1", "PE.IF"],
  laptops: ["Laptops Dell Latitude 5440 (40 stuks)", "Dell BV", "44200", "0.4", "3.2", "IN.WP"],
  mfp: ["Lease multifunctionals", "Ricoh Nederland BV", "44200", "0.4", "3.8", "IN.WP"],
  monitors: ["Beeldschermen werkplekken", "Centralpoint Nederland BV", "44200", "0.4", "3.2", "IN.WP"],
  mobiel: ["Mobiele telefonie abonnementen", "KPN BV", "44210", "0.4", "3.8", "IN.SB"],
  vast: ["Vaste telefonie Teams-telefonie", "KPN BV", "44210", "0.4", "3.8", "IN.SB"],
  glasvezel: ["Glasvezelverbinding WAN locaties", "Eurofiber Nederland BV", "44220", "0.4", "3.8", "IN.ND"],
  firewall: ["Firewall onderhoud en support", "Fortinet via Proact", "44220", "0.4", "3.8", "IN.ND"],
  wifi: ["Wifi access points vervanging", "Cisco via Axians", "44220", "0.4", "3.2", "IN.ND"],
  hosting: ["Hosting en back-up applicaties", "Previder BV", "44230", "0.4", "3.8", "IN.DC"],
  azure: ["Azure verbruik", "Microsoft Ireland Operations Ltd", "44230", "0.4", "3.8", "IN.DC"],
  afschrijving: ["Afschrijving servers en storage", "", "47300", "0.4", "7.3", "IN.DC"],
  soc: ["SOC dienstverlening monitoring", "Tesorion Cybersecurity Solutions", "44230", "0.4", "3.8", "IN.DC"],
  huur: ["Huur kantoorpand Stationsplein", "Vastgoed Voorbeeldrade BV", "43000", "0.3", "3.8", "XX.NI"],
  catering: ["Catering raadsvergaderingen", "Albron Nederland BV", "43100", "0.1", "3.8", "XX.NI"],
  wegen: ["Onderhoud wegen asfalt Dorpsstraat", "Heijmans Infra BV", "45000", "2.1", "3.8", "XX.NI"],
  schoonmaak: ["Schoonmaak kantoren", "CSU Schoonmaak BV", "43100", "0.4", "3.8", "XX.NI"],
  energie: ["Energie stadhuis", "Vattenfall NV", "43200", "0.4", "3.8", "XX.NI"],
  groen: [
    "Groenonderhoud parken en plantsoenen",
    "Hoveniersbedrijf De Linde",
    "45100",
    "5.7",
    "3.8",
    "XX.NI",
  ],
  strooizout: [
    "Strooizout gladheidsbestrijding",
    "Zoutmaatschappij Nederland",
    "45000",
    "2.1",
    "3.8",
    "XX.NI",
  ],
  accountant: ["Accountantscontrole jaarrekening", "Baker Tilly Audit BV", "43300", "0.4", "3.8", "XX.NI"],
};
const TAAKVELD_NAMES = {
  0.1: "Bestuur",
  0.2: "Burgerzaken",
  0.3: "Beheer overige gebouwen en gronden",
  0.4: "Overhead",
  2.1: "Verkeer en vervoer",
  5.7: "Openbaar groen en (openlucht) recreatie",
  6.1: "Samenkracht en burgerparticipatie",
  8.1: "Ruimte en leefomgeving",
};
const IV3_NAMES = {
  1.1: "Salarissen en sociale lasten",
  3.2: "Duurzame goederen",
  "3.5.1": "Ingeleend personeel",
  3.8: "Overige goederen en diensten",
  7.3: "Afschrijvingen",
};

// ---- A seeded generator: the same fixtures on every run.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Lines for one export: every template in `keys` once or more (`times`), amounts in cents
 * (integers, so that the fixture's own totals are exact), a few credit notes.
 */
function lines(keys, seed, year, options = {}) {
  const random = rng(seed);
  const out = [];
  for (const key of keys) {
    const [description, supplier, account, taakveld, iv3, category] = T[key];
    const times = options.times?.[key] ?? 1;
    for (let k = 0; k < times; k++) {
      const cents = Math.round((200 + random() * 90000) * 100) + Math.floor(random() * 100);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      out.push({ key, description, supplier, account, taakveld, iv3, category, cents, year, month, day });
    }
    if (options.credit?.includes(key)) {
      const base = out[out.length - 1];
      out.push({
        ...base,
        description: `Creditnota ${base.description.charAt(0).toLowerCase()}${base.description.slice(1)}`,
        cents: -Math.round(base.cents / 10),
        day: Math.min(28, base.day + 1),
      });
    }
  }
  return out;
}

const pad = (n) => String(n).padStart(2, "0");
const dmy = (l) => `${pad(l.day)}-${pad(l.month)}-${l.year}`;
const date = (l) => new Date(Date.UTC(l.year, l.month - 1, l.day));
const euros = (cents) => cents / 100;
/** "1.234,56" (Dutch, as exports write text amounts); "" for 0. */
function dutch(cents) {
  if (cents === 0) return "";
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${whole},${pad(abs % 100)}`;
}
const documentNumber = (l, i) => `F${l.year}-${String(1000 + i * 7).padStart(5, "0")}`;

/** Answer rows: sheet, spreadsheet row, description, expected category. */
function answers(name, rows) {
  const field = (v) => (/[;"]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const text = ["blad;rij;omschrijving;verwacht_categorie", ...rows.map((r) => r.map(field).join(";"))].join(
    "\n",
  );
  fs.writeFileSync(path.join(outDir, `${name}.expected.csv`), `${text}\n`);
}

/** A workbook with fixed document dates (the content is the same on every run; zip times are not). */
function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "scripts/make-export-fixtures.js";
  wb.created = new Date(Date.UTC(2023, 1, 15));
  wb.modified = wb.created;
  return wb;
}

function bold(row) {
  row.font = { bold: true };
}

// ---- a. Unit4-style grootboekkaart
async function unit4() {
  const keys = [
    "m365",
    "adobe",
    "powerbi",
    "key2",
    "youforce",
    "iburgerzaken",
    "suite4",
    "arcgis",
    "decos",
    "esb",
    "sophos",
    "zivver",
    "infoadv",
    "fb",
    "netbeheer",
    "laptops",
    "mfp",
    "mobiel",
    "glasvezel",
    "hosting",
    "huur",
    "catering",
    "wegen",
    "schoonmaak",
    "energie",
  ];
  const all = lines(keys, 11, 2022, {
    times: { m365: 2, key2: 2, infoadv: 3, huur: 2 },
    credit: ["m365", "laptops", "catering"],
  });
  const byAccount = new Map();
  for (const l of all) {
    if (!byAccount.has(l.account)) byAccount.set(l.account, []);
    byAccount.get(l.account).push(l);
  }
  const wb = workbook();
  const ws = wb.addWorksheet("Grootboekkaart");
  ws.addRow(["GEMEENTE VOORBEELDRADE"]);
  ws.addRow(["Grootboekkaart boekjaar 2022, periode 1 t/m 12 — afgedrukt 15-02-2023"]);
  const header = [
    "BOEKDATUM",
    "KOSTENSOORT",
    "TAAKVELD",
    "IV3 CATEGORIE",
    "CREDITEUR",
    "CREDITEURNAAM",
    "OMSCHRIJVING ",
    "DEBET",
    "CREDIT",
    "SALDO",
  ];
  bold(ws.addRow(header));
  const expected = [];
  let grandDebit = 0;
  let grandCredit = 0;
  let accountIndex = 0;
  let i = 0;
  for (const [account, group] of [...byAccount.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (accountIndex === 3) bold(ws.addRow(header)); // a page break printed into the export
    accountIndex++;
    group.sort((a, b) => a.month - b.month || a.day - b.day);
    let debit = 0;
    let credit = 0;
    for (const l of group) {
      const d = l.cents > 0 ? l.cents : 0;
      const c = l.cents < 0 ? -l.cents : 0;
      debit += d;
      credit += c;
      const row = ws.addRow([
        dmy(l),
        account,
        `${l.taakveld} ${TAAKVELD_NAMES[l.taakveld]}`,
        `${l.iv3} ${IV3_NAMES[l.iv3]}`,
        l.supplier === "" ? "" : String(20000 + ((l.supplier.length * 37) % 997)),
        l.supplier,
        l.description,
        d === 0 ? null : euros(d),
        c === 0 ? null : euros(c),
        euros(debit - credit), // running balance: must never be read as the line's amount
      ]);
      expected.push(["Grootboekkaart", row.number, l.description, l.category]);
      i++;
    }
    bold(
      ws.addRow([
        `Totaal ${account}`,
        "",
        "",
        "",
        "",
        "",
        "",
        euros(debit),
        euros(credit),
        euros(debit - credit),
      ]),
    );
    ws.addRow([]);
    grandDebit += debit;
    grandCredit += credit;
  }
  bold(
    ws.addRow([
      "Totaal generaal",
      "",
      "",
      "",
      "",
      "",
      "",
      euros(grandDebit),
      euros(grandCredit),
      euros(grandDebit - grandCredit),
    ]),
  );
  for (const c of [8, 9, 10]) ws.getColumn(c).numFmt = "#,##0.00";
  await wb.xlsx.writeFile(path.join(outDir, "unit4-grootboekkaart.xlsx"));
  answers("unit4-grootboekkaart", expected);
  return i;
}

/** Windows-1252 bytes of a string (only the characters these fixtures use beyond Latin-1). */
function cp1252(text) {
  const high = { "\u20ac": 0x80, "\u2013": 0x96, "\u2014": 0x97, "\u201c": 0x93, "\u201d": 0x94 };
  const bytes = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (high[ch] !== undefined) bytes.push(high[ch]);
    else if (code <= 0xff) bytes.push(code);
    else throw new Error(`not in Windows-1252: ${ch}`);
  }
  return Buffer.from(bytes);
}

// ---- b. Exact-style CSV
function exact() {
  const keys = [
    "m365",
    "key2",
    "iburgerzaken",
    "decos",
    "eforms",
    "sophos",
    "powerbi",
    "teamleider",
    "netbeheer",
    "sysbeheer",
    "ciso",
    "laptops",
    "monitors",
    "vast",
    "mobiel",
    "firewall",
    "wifi",
    "azure",
    "soc",
    "afschrijving",
    "huur",
    "catering",
    "groen",
    "strooizout",
    "accountant",
    "energie",
  ];
  const all = lines(keys, 22, 2022, {
    times: { sysbeheer: 3, azure: 2, catering: 2 },
    credit: ["key2", "mobiel"],
  });
  all.sort((a, b) => a.month - b.month || a.day - b.day);
  // A description with a € and a ë, and one with a quoted ";" — as Exact writes them.
  const key2Line = all.find((l) => l.key === "key2");
  key2Line.description = "Key2Financiën licenties à € 12 per gebruiker";
  const socLine = all.find((l) => l.key === "soc");
  socLine.description = 'Monitoring "servers; storage" door SOC';
  const out = ["Exact Globe+ — Grootboekmutaties boekjaar 2022 (administratie 001 Gemeente Voorbeeldrade)"];
  out.push(
    "Boekjaar;Periode;Dagboek;Boekstuknummer;Datum;Grootboekrekening;Omschrijving grootboekrekening;Relatiecode;Relatie;Omschrijving;Debet;Credit",
  );
  const expected = [];
  all.forEach((l, i) => {
    const description = l.description.includes(";")
      ? `"${l.description.replace(/"/g, '""')}"`
      : l.description;
    out.push(
      [
        l.year,
        l.month,
        "70",
        documentNumber(l, i),
        dmy(l),
        l.account,
        `Kostensoort ${l.account}`,
        l.supplier === "" ? "" : String(1000 + i),
        l.supplier,
        description,
        dutch(l.cents > 0 ? l.cents : 0),
        dutch(l.cents < 0 ? -l.cents : 0),
      ].join(";"),
    );
    expected.push(["exact-mutaties.csv", out.length, l.description, l.category]);
  });
  fs.writeFileSync(path.join(outDir, "exact-mutaties.csv"), cp1252(`${out.join("\r\n")}\r\n`));
  answers("exact-mutaties", expected);
  return all.length;
}

// ---- c. Key2-style workbook, a sheet per year
async function key2() {
  const wb = workbook();
  const expected = [];
  let count = 0;
  const perYear = {
    2022: [
      "m365",
      "key2",
      "suite4",
      "arcgis",
      "decos",
      "esb",
      "zivver",
      "infoadv",
      "fb",
      "laptops",
      "mobiel",
      "glasvezel",
      "hosting",
      "huur",
      "wegen",
      "schoonmaak",
    ],
    2023: [
      "m365",
      "adobe",
      "youforce",
      "iburgerzaken",
      "eforms",
      "powerbi",
      "teamleider",
      "monitors",
      "vast",
      "firewall",
      "azure",
      "soc",
      "catering",
      "groen",
      "energie",
    ],
  };
  for (const [year, keys] of Object.entries(perYear)) {
    const all = lines(keys, Number(year), Number(year), {
      times: { m365: 2, infoadv: 2 },
      credit: ["hosting", "powerbi"],
    });
    all.sort((a, b) => a.month - b.month || a.day - b.day);
    const ws = wb.addWorksheet(year);
    bold(
      ws.addRow([
        "Boekdatum",
        "Grootboekrekening",
        "Kostenplaats",
        "Taakveld",
        "Economische categorie",
        "Leverancier",
        "Omschrijving boeking",
        "Omschrijving regel",
        "Factuurnummer",
        "Bedrag",
      ]),
    );
    all.forEach((l, i) => {
      const undated = year === "2022" && i === 4; // a line without a date: its year is the sheet's
      const row = ws.addRow([
        undated ? null : date(l),
        l.account,
        "ICT",
        l.taakveld,
        l.iv3,
        l.supplier,
        `Inkoopfactuur ${documentNumber(l, i)}`,
        l.description,
        documentNumber(l, i),
        euros(l.cents),
      ]);
      row.getCell(1).numFmt = "dd-mm-yyyy";
      row.getCell(10).numFmt = "#,##0.00";
      expected.push([year, row.number, l.description, l.category]);
    });
    count += all.length;
  }
  await wb.xlsx.writeFile(path.join(outDir, "key2-per-jaar.xlsx"));
  answers("key2-per-jaar", expected);
  return count;
}

// ---- d. AFAS-style CSV
function afas() {
  const keys = [
    "m365",
    "adobe",
    "youforce",
    "suite4",
    "decos",
    "esb",
    "sophos",
    "infoadv",
    "fb",
    "netbeheer",
    "laptops",
    "mfp",
    "mobiel",
    "glasvezel",
    "wifi",
    "hosting",
    "azure",
    "afschrijving",
    "huur",
    "catering",
    "wegen",
    "strooizout",
  ];
  const all = lines(keys, 44, 2022, {
    times: { infoadv: 4, azure: 3, huur: 2 },
    credit: ["youforce", "laptops", "huur"],
  });
  all.sort((a, b) => a.month - b.month || a.day - b.day);
  const out = [
    [
      "Periode",
      "Rekening",
      "Omschrijving rekening",
      "Kostenplaats",
      "Taakveld",
      "Crediteurnummer",
      "Crediteur naam",
      "Factuurnummer",
      "Omschrijving",
      "Bedrag",
    ].join("\t"),
  ];
  const expected = [];
  all.forEach((l, i) => {
    // Most amounts as Dutch text, some plain (AFAS writes both, depending on the view).
    const amount = i % 5 === 0 ? (l.cents / 100).toFixed(2).replace(".", ",") : dutch(l.cents);
    out.push(
      [
        `${l.year}-${pad(l.month)}`,
        l.account,
        `Rekening ${l.account}`,
        "5100",
        `${l.taakveld} ${TAAKVELD_NAMES[l.taakveld]}`,
        l.supplier === "" ? "" : `C${2000 + i}`,
        l.supplier,
        documentNumber(l, i),
        l.description,
        amount,
      ].join("\t"),
    );
    expected.push(["afas-mutaties.csv", out.length, l.description, l.category]);
  });
  fs.writeFileSync(path.join(outDir, "afas-mutaties.csv"), `\ufeff${out.join("\r\n")}\r\n`, "utf8");
  answers("afas-mutaties", expected);
  return all.length;
}

// ---- e. Decade / Exact Online style: an Excel table with a total row and Saldo
async function decade() {
  const keys = [
    "m365",
    "powerbi",
    "key2",
    "iburgerzaken",
    "arcgis",
    "decos",
    "eforms",
    "zivver",
    "teamleider",
    "fb",
    "sysbeheer",
    "laptops",
    "monitors",
    "vast",
    "firewall",
    "hosting",
    "soc",
    "afschrijving",
    "huur",
    "catering",
    "schoonmaak",
    "groen",
    "accountant",
  ];
  const all = lines(keys, 55, 2023, {
    times: { sysbeheer: 3, hosting: 2, m365: 2, catering: 2 },
    credit: ["decos", "vast"],
  });
  all.sort((a, b) => a.month - b.month || a.day - b.day);
  const wb = workbook();
  const ws = wb.addWorksheet("Mutaties");
  ws.getCell("A1").value = "Decade Financiën — grootboekmutaties 2023";
  ws.getCell("A1").font = { bold: true };
  const total = all.reduce((s, l) => s + l.cents, 0);
  ws.addTable({
    name: "Grootboekmutaties",
    ref: "A3",
    headerRow: true,
    totalsRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [
      { name: "Datum", totalsRowLabel: "Totaal" },
      { name: "Grootboek", totalsRowFunction: "none" },
      { name: "Omschrijving grootboek", totalsRowFunction: "none" },
      { name: "Crediteur", totalsRowFunction: "none" },
      { name: "Omschrijving", totalsRowFunction: "none" },
      { name: "Economische categorie", totalsRowFunction: "none" },
      { name: "Taakveld", totalsRowFunction: "none" },
      { name: "Saldo", totalsRowFunction: "sum", totalsRowResult: euros(total) },
    ],
    rows: all.map((l) => [
      date(l),
      l.account,
      `Rekening ${l.account}`,
      l.supplier,
      l.description,
      `${l.iv3} ${IV3_NAMES[l.iv3]}`,
      Number(l.taakveld),
      euros(l.cents),
    ]),
  });
  ws.getColumn(1).numFmt = "dd-mm-yyyy";
  ws.getColumn(8).numFmt = "#,##0.00";
  const expected = all.map((l, i) => ["Mutaties", 4 + i, l.description, l.category]);
  await wb.xlsx.writeFile(path.join(outDir, "decade-saldo.xlsx"));
  answers("decade-saldo", expected);
  return all.length;
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const counts = {
    "unit4-grootboekkaart.xlsx": await unit4(),
    "exact-mutaties.csv": exact(),
    "key2-per-jaar.xlsx": await key2(),
    "afas-mutaties.csv": afas(),
    "decade-saldo.xlsx": await decade(),
  };
  for (const [name, n] of Object.entries(counts)) console.log(`${name}: ${n} lines`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
