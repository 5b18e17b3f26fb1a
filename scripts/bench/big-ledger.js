/**
 * The big-ledger workbook of the CLI benchmark (and, smaller, of the face-parity test): key figures for
 * two years and a ledger of `lines` cost lines cycling through the sample municipality, each with its own
 * invoice number, half the amounts as Dutch text. No requires of its own, so both a bench script (over
 * lib/) and a test (over src/) can pass in ExcelJS and the sample.
 */
"use strict";

async function writeBigLedger({ ExcelJS, sample, header, lines, path }) {
  const wb = new ExcelJS.Workbook();
  const kf = wb.addWorksheet("Kerngegevens");
  kf.addRow(["Gemeente", "Gemeente Grootstad"]);
  kf.addRow([]);
  kf.addRow(["Boekjaar", "Aantal inwoners", "Totale begroting", "ICT-fte eigen", "ICT-fte inhuur"]);
  for (const f of sample.keyFigures) {
    kf.addRow([f.year, f.inhabitants * 10, f.budget * 10, f.fteOwn * 10, f.fteHired * 10]);
  }
  const ws = wb.addWorksheet("Grootboek");
  ws.addRow(["Grootboekexport ICT"]);
  ws.addRow([...header]);
  const base = sample.ledger;
  for (let i = 0; i < lines; i++) {
    const b = base[i % base.length];
    const amount = Math.round(b.amount * (0.5 + ((i * 7919) % 1000) / 1000)) / 100;
    ws.addRow([
      `${b.description} factuur ${20220000 + i}`,
      b.supplier,
      b.account,
      b.costCentre,
      b.year,
      i % 2 === 0 ? amount.toLocaleString("nl-NL", { minimumFractionDigits: 2 }) : amount,
      b.fte ?? null,
    ]);
  }
  await wb.xlsx.writeFile(path);
}

module.exports = { writeBigLedger };
