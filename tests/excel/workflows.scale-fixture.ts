/** A large ledger workbook in the Excel fake and a sync counter; shared by the scale test and the benchmark. */
import { WorkflowResult } from "../../src/excel/workflow-api";
import { sampleMunicipality } from "../../src/model/sample";
import { createFakeExcel, FakeExcel, FakeStats, setCells } from "../fakes/excel-fake";

/** Kerngegevens (two years) and a Grootboek sheet with `lines` cost lines under a title and a header row. */
export function largeLedgerWorkbook(lines: number): FakeExcel {
  const fake = createFakeExcel({ sheets: ["Kerngegevens", "Grootboek"] });
  const sample = sampleMunicipality();
  setCells(fake.workbook, "Kerngegevens", "A1", [
    ["Gemeente", sample.name],
    [],
    ["Boekjaar", "Aantal inwoners", "Totale begroting"],
    ...sample.keyFigures.map((k) => [k.year, k.inhabitants, k.budget]),
  ]);
  const rows: unknown[][] = [
    [`Grootboek ICT ${sample.name}`],
    [],
    [
      "Omschrijving",
      "Leverancier",
      "Grootboekrekening",
      "Kostenplaats",
      "Boekjaar",
      "Bedrag",
      "Fte",
      "Categorie",
    ],
  ];
  const base = sample.ledger;
  for (let i = 0; i < lines; i++) {
    const l = base[i % base.length];
    const n = Math.floor(i / base.length);
    rows.push([
      n === 0 ? l.description : `${l.description} ${n}`,
      l.supplier,
      l.account,
      l.costCentre,
      l.year,
      Math.round(l.amount * (1 + (n % 7) / 100) * 100) / 100,
      l.fte ?? "",
      "",
    ]);
  }
  setCells(fake.workbook, "Grootboek", "A1", rows);
  return fake;
}

export interface SyncCount {
  result: WorkflowResult;
  syncs: number;
  maxRequest: number;
  maxResponse: number;
  bytesWritten: number;
  bytesRead: number;
  /** Syncs that moved at least half the limit one way: full payload blocks. */
  blocks: number;
  writeBlocks: number;
  readBlocks: number;
}

/** Counts the syncs and payloads of one workflow call on the fake. */
export function syncBudget(stats: FakeStats, call: () => Promise<WorkflowResult>, limit = 5 * 1024 * 1024) {
  return {
    async run(): Promise<SyncCount> {
      const s0 = stats.syncCount;
      const q0 = stats.requestSizes.length;
      const p0 = stats.responseSizes.length;
      const result = await call();
      const req = stats.requestSizes.slice(q0);
      const resp = stats.responseSizes.slice(p0);
      const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
      const half = limit / 2;
      return {
        result,
        syncs: stats.syncCount - s0,
        maxRequest: Math.max(0, ...req),
        maxResponse: Math.max(0, ...resp),
        bytesWritten: sum(req),
        bytesRead: sum(resp),
        blocks: req.filter((x, i) => x >= half || resp[i] >= half).length,
        writeBlocks: req.filter((x) => x >= half).length,
        readBlocks: resp.filter((x) => x >= half).length,
      };
    },
  };
}
