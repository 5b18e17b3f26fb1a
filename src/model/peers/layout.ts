/**
 * The peers sheet as plain data (SheetLayout): the KPI values side by side with live MEDIAN/QUARTILE/
 * MIN/MAX/RANK formulas (cached values from peerTable), the report's average and size-class figures,
 * and the allocated shared costs with SUM formulas. Legacy function names only (QUARTILE = QUARTILE.INC,
 * RANK = RANK.EQ) so every spreadsheet reads them without _xlfn prefixes.
 */
import { getEdition, KpiUnit } from "../benchmark";
import { sizeClassLabel } from "../cbs/data";
import { cell, columnLetter } from "../layout/a1";
import { Block, LayoutCell, SheetLayout } from "../layout/types";
import { Allocation } from "./allocate";
import { PeerTable } from "./table";

export const PEERS_SHEET = { nl: "ICT-deelnemers", en: "ICT peers" };

const FORMAT: Record<KpiUnit, string> = {
  eur_per_inhabitant: "#,##0.00",
  eur_per_fte: "#,##0",
  share: "0.0%",
  fte_per_100k: "0.0",
};

const UNIT_NL: Record<KpiUnit, string> = {
  eur_per_inhabitant: "€ per inwoner",
  eur_per_fte: "€ per fte",
  share: "aandeel",
  fte_per_100k: "fte per 100.000 inw.",
};

const f = (formula: string, value: number | null): LayoutCell =>
  value === null ? { formula } : { formula, value };

export function peersLayout(table: PeerTable, allocation?: Allocation, name = PEERS_SHEET.nl): SheetLayout {
  const n = table.members.length;
  const edition = getEdition(table.edition) ?? getEdition();
  const blocks: Block[] = [];
  const firstMember = 3; // column C
  const lastMember = firstMember + n - 1;
  const range = (row: number) => `${cell(firstMember, row)}:${cell(lastMember, row)}`;
  const statCol = lastMember + 1;

  blocks.push({
    at: "A1",
    cells: [["ICT-kosten van de deelnemers naast elkaar / ICT cost of the members side by side"]],
    style: "title",
  });
  blocks.push({
    at: "A2",
    cells: [
      [`Benchmark: ${edition.title} (${edition.publisher}), boekjaar ${edition.bookYear}`],
      [`${table.rankDirection.nl} / ${table.rankDirection.en}`],
    ],
    style: "subtitle",
  });

  // KPI values with group statistics and the report's average.
  let row = 5;
  const names = table.members.map((m) => m.name);
  blocks.push({
    at: `A${row}`,
    cells: [["Kengetal", "Eenheid", ...names, "Mediaan", "Q1", "Q3", "Min", "Max", "Benchmark (gemiddelde)"]],
    style: "header",
  });
  const valueRow = new Map<string, number>();
  for (const k of table.kpis) {
    row += 1;
    valueRow.set(k.id, row);
    const s = k.stats;
    const r = range(row);
    blocks.push({
      at: `A${row}`,
      cells: [
        [
          k.label.nl,
          UNIT_NL[k.unit],
          ...k.values.map((v) => v.value),
          s ? f(`MEDIAN(${r})`, s.median) : null,
          s ? f(`QUARTILE(${r},1)`, s.q1) : null,
          s ? f(`QUARTILE(${r},3)`, s.q3) : null,
          s ? f(`MIN(${r})`, s.min) : null,
          s ? f(`MAX(${r})`, s.max) : null,
          k.benchmark,
        ],
      ],
      numberFormats: [null, null, ...Array(n + 6).fill(FORMAT[k.unit])],
      style: "body",
    });
  }

  // Ranks: live RANK over the value row, ascending (1 = lowest).
  row += 2;
  blocks.push({
    at: `A${row}`,
    cells: [["Rang (1 = laagste) / Rank (1 = lowest)", "", ...names]],
    style: "header",
  });
  for (const k of table.kpis) {
    row += 1;
    const vr = valueRow.get(k.id) as number;
    blocks.push({
      at: `A${row}`,
      cells: [
        [
          k.label.nl,
          "",
          ...k.values.map((v, i) =>
            v.rank === null
              ? null
              : f(
                  `RANK(${cell(firstMember + i, vr)},$${columnLetter(firstMember)}$${vr}:$${columnLetter(lastMember)}$${vr},1)`,
                  v.rank,
                ),
          ),
        ],
      ],
      style: "body",
    });
  }

  // Size: inhabitants, CBS size class, the report's size-class figure (where the edition has one).
  row += 2;
  blocks.push({ at: `A${row}`, cells: [["Omvang / Size", "", ...names]], style: "header" });
  const total = table.kpis.find((k) => k.id === "total_per_inhabitant");
  blocks.push({
    at: `A${row + 1}`,
    cells: [
      ["Inwoners", "", ...table.members.map((m) => m.inhabitants)],
      [
        "CBS-grootteklasse",
        "",
        ...table.members.map((m) => (m.sizeClass ? sizeClassLabel(m.sizeClass).nl : "–")),
      ],
      [
        "Rapport: totaal € per inwoner in de grootteklasse",
        "",
        ...(total?.values ?? []).map((v) => (v.sizeClass ? v.sizeClass.value : "niet in deze editie")),
      ],
      ["Boekjaar", "", ...table.members.map((m) => m.year)],
    ],
    numberFormats: [null, null, ...Array(n).fill("#,##0")],
    style: "body",
  });
  row += 5;

  if (allocation) {
    row += 1;
    const key = allocation.key === "inhabitants" ? "naar inwoners" : "naar de opgegeven verdeelsleutel";
    blocks.push({
      at: `A${row}`,
      cells: [[`Gedeelde kosten verdeeld ${key} / shared costs allocated`]],
      style: "subtitle",
    });
    row += 1;
    blocks.push({
      at: `A${row}`,
      cells: [["Omschrijving", "Categorie", ...names, "Bedrag"]],
      style: "header",
    });
    blocks.push({
      at: `A${row + 1}`,
      cells: [["Aandeel", "", ...allocation.fractions, null]],
      numberFormats: [null, null, ...Array(n).fill("0.00%"), null],
      style: "body",
    });
    row += 1;
    const first = row + 1;
    for (const l of allocation.lines) {
      row += 1;
      blocks.push({
        at: `A${row}`,
        cells: [[l.line.description, l.line.category ?? "", ...l.parts.map((p) => p / 100), l.cents / 100]],
        numberFormats: [null, null, ...Array(n + 1).fill("#,##0.00")],
        style: "body",
      });
    }
    const last = row;
    row += 1;
    const sumCol = (c: number, value: number) =>
      last >= first ? f(`SUM(${columnLetter(c)}${first}:${columnLetter(c)}${last})`, value) : 0;
    blocks.push({
      at: `A${row}`,
      cells: [
        [
          "Totaal",
          "",
          ...allocation.totals.map((t, i) => sumCol(firstMember + i, t / 100)),
          sumCol(statCol, allocation.total / 100),
        ],
      ],
      numberFormats: [null, null, ...Array(n + 1).fill("#,##0.00")],
      style: "total",
    });
    for (const note of allocation.notes) {
      row += 1;
      blocks.push({ at: `A${row}`, cells: [[`${note.nl} / ${note.en}`]], style: "note" });
    }
  }

  return {
    role: "peers",
    name,
    blocks,
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
    columnWidths: [40, 20, ...Array(n).fill(16), ...Array(6).fill(14)],
    freezeRows: 5,
  };
}
