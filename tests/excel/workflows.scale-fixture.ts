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

/** One sync as the fake saw it. */
export interface SyncSize {
  request: number;
  response: number;
  /** Moved at least half the limit one way: a full payload block. */
  block: boolean;
  /** Reads more than it writes (read chunks, sheet list, extents) or the other way round. */
  kind: "read" | "write";
}

export interface SyncCount {
  result: WorkflowResult;
  syncs: number;
  /** Every sync, in order. */
  trace: SyncSize[];
  /** Syncs that are not blocks. */
  smallSyncs: number;
  maxRequest: number;
  maxResponse: number;
  bytesWritten: number;
  bytesRead: number;
  /** Syncs that moved at least half the limit one way: full payload blocks (reads and writes). */
  blocks: number;
  writeBlocks: number;
  readBlocks: number;
}

/**
 * Small syncs other than the fixed ones: the first two (sheet list; extents), the last read and the last
 * write (the tails of the value reads and of the writes). Empty when every other sync is a full block.
 */
export function unexpectedSmallSyncs(c: SyncCount): number[] {
  const lastOf = (kind: SyncSize["kind"]) => c.trace.map((t) => t.kind).lastIndexOf(kind);
  const allowed = new Set([0, 1, lastOf("read"), lastOf("write")]);
  return c.trace.flatMap((t, i) => (!t.block && !allowed.has(i) ? [i + 1] : []));
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
      const trace: SyncSize[] = req.map((request, i) => ({
        request,
        response: resp[i],
        block: request >= half || resp[i] >= half,
        kind: resp[i] > request ? "read" : "write",
      }));
      return {
        result,
        syncs: stats.syncCount - s0,
        trace,
        smallSyncs: trace.filter((t) => !t.block).length,
        maxRequest: Math.max(0, ...req),
        maxResponse: Math.max(0, ...resp),
        bytesWritten: sum(req),
        bytesRead: sum(resp),
        blocks: trace.filter((t) => t.block).length,
        writeBlocks: trace.filter((t) => t.block && t.kind === "write").length,
        readBlocks: trace.filter((t) => t.block && t.kind === "read").length,
      };
    },
  };
}
