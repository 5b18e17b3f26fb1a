/**
 * The sample municipality as a user's workbook holds it: the ledger as a messy finance export
 * (title rows, Dutch number text, a total row) and the key figures as typed on a sheet.
 */
import { formatNumber } from "../format";
import { CellValue, Grid } from "../types";
import { round2, SAMPLE_NAME, SAMPLE_YEARS, sampleMunicipality, seededRandom } from "./municipality";

export interface SampleGridOptions {
  /** Book years to include (default: both). */
  years?: readonly number[];
  /** Write some amounts and fte as Dutch text ("1.234,56", "€ 12.500,00") as messy exports do (default true). */
  messy?: boolean;
}

/** The ledger header a Dutch finance export writes; the Grootboek template is these columns plus Categorie. */
export const SAMPLE_LEDGER_HEADER: readonly string[] = [
  "Omschrijving",
  "Leverancier",
  "Grootboekrekening",
  "Kostenplaats",
  "Boekjaar",
  "Bedrag",
  "Fte",
];

function messyAmount(amount: number, random: () => number): CellValue {
  const r = random();
  if (r < 0.55) return amount;
  if (r < 0.9) return formatNumber(amount, "nl", 2);
  return "€ " + formatNumber(amount, "nl", 2);
}

function messyFte(fte: number | null, random: () => number): CellValue {
  if (fte === null) return "";
  return random() < 0.5 ? fte : formatNumber(fte, "nl", 1);
}

function pad(row: CellValue[], width: number): CellValue[] {
  return [...row, ...Array<CellValue>(Math.max(0, width - row.length)).fill("")];
}

/**
 * The ledger as a messy export: two title rows and a blank row above the Dutch header, some
 * amounts and fte as Dutch text, a blank row and a "Totaal" row at the end. Rectangular.
 */
export function sampleLedgerGrid(options: SampleGridOptions = {}): Grid {
  const years = options.years ?? SAMPLE_YEARS;
  const messy = options.messy ?? true;
  const random = seededRandom(7);
  const lines = sampleMunicipality().ledger.filter((l) => years.includes(l.year));
  const width = SAMPLE_LEDGER_HEADER.length;
  const body = lines.map((l) => [
    l.description,
    l.supplier,
    l.account,
    l.costCentre,
    l.year,
    messy ? messyAmount(l.amount, random) : l.amount,
    messy ? messyFte(l.fte, random) : (l.fte ?? ""),
  ]);
  const total = round2(lines.reduce((s, l) => s + l.amount, 0));
  const yearText =
    years.length > 1 ? `boekjaren ${years[0]}-${years[years.length - 1]}` : `boekjaar ${years[0]}`;
  return [
    pad(["Grootboekexport ICT"], width),
    pad([`Gemeente ${SAMPLE_NAME}, ${yearText}`], width),
    pad([], width),
    [...SAMPLE_LEDGER_HEADER],
    ...body,
    pad([], width),
    pad(["Totaal", "", "", "", "", total], width),
  ];
}

/**
 * The key figures as a user would type them: the municipality as a label/value pair and a
 * table with one row per book year.
 */
export function sampleKeyFiguresGrid(): Grid {
  const { name, keyFigures } = sampleMunicipality();
  const header = [
    "Boekjaar",
    "Aantal inwoners (1-1)",
    "Totale begroting (lasten)",
    "ICT-fte eigen",
    "ICT-fte inhuur",
  ];
  const width = header.length;
  return [
    pad(["Kerngegevens"], width),
    pad([], width),
    pad(["Gemeente", name], width),
    pad([], width),
    header,
    ...keyFigures.map((k) => [
      k.year ?? "",
      k.inhabitants ?? "",
      k.budget ?? "",
      k.fteOwn ?? "",
      k.fteHired ?? "",
    ]),
  ];
}
