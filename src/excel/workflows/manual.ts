/**
 * The manual categories (Handmatig) of the add-in's categorisation sheet, read without loading the whole
 * sheet and without syncs of their own: a rider on readWorkbook's syncs (read.ts). The table's header
 * and extent travel with the extents sync, the Handmatig column with the first values sync, the Sleutel
 * (key) cells of only the rows where something was typed with the next one. For 100,000 lines that is
 * about 0.5 MB instead of 40 MB. Only when the workbook's values fit in one sync do the keys take a small
 * sync of their own.
 */
import { parseCategory } from "../../model/taxonomy";
import { fold } from "../../model/text";
import { Bilingual, CategoryCode, ReadIssue } from "../../model/types";
import { PAYLOAD_LIMIT, TARGET_SHARE } from "../payload";
import { ReadRider, WorkbookInventory } from "../read";

const KEY = new Set(["sleutel", "key"]);
const MANUAL = new Set(["handmatig", "manual"]);
/** Rows between typed cells that are still loaded as one range (fewer ranges, a little more data). */
const GAP = 64;
/** Bytes per key cell as JSON, generously (keys join description, supplier, account, year, cost centre). */
const KEY_BYTES = 160;
/** Read-budget cells one key cell counts for (a ledger cell is ~16 bytes as JSON). */
const KEY_WEIGHT = 10;
/** Handmatig cells are mostly empty (`[""]`, 5 bytes): four count as one ledger cell. */
const MANUAL_PER_CELL = 4;

function column(header: readonly unknown[], names: Set<string>): number {
  return header.findIndex((h) => names.has(fold(String(h ?? ""))));
}

/** Spans of row indexes [start, end] covering `rows` (sorted), merged across small gaps. */
function spans(rows: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && r - last[1] <= GAP) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/** "Rij 12 van ICT-categorisatie: 'SW.XX' is geen categorie; …" */
function invalidCode(sheet: string, row: number, typed: string): ReadIssue {
  const shown = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
  const message: Bilingual = {
    nl: `Rij ${row} van ${sheet}: '${shown}' is geen categorie en telt niet mee; gebruik een code als SW.KA (de keuzelijst in de kolom Handmatig).`,
    en: `Row ${row} of ${sheet}: '${shown}' is not a category and does not count; use a code such as SW.KA (the drop-down in the Manual column).`,
  };
  return { sheet, row, message };
}

type State = "header" | "manual" | "keys" | "done";

/** Reads line key → manual category from the table on sheet `sheetId` (none: an empty map). */
export class ManualCategories implements ReadRider {
  /** Line key → the category typed in Handmatig; complete once `done`. */
  readonly result = new Map<string, CategoryCode>();
  /** Handmatig cells that hold something that is not a category: not applied, reported. */
  readonly issues: ReadIssue[] = [];
  private sheetName = "";
  private state: State;
  private table?: Excel.Table;
  private header?: Excel.Range;
  private body?: Excel.Range;
  private manual?: Excel.Range;
  private keyCol = -1;
  private manualCol = -1;
  private codes = new Map<number, CategoryCode>();
  /** Key rows still to load, as [first, last] body row indexes, each part within one sync's budget. */
  private pending: [number, number][] = [];
  private batch: { start: number; count: number; range: Excel.Range }[] = [];
  private readonly maxKeyRows: number;

  constructor(
    private readonly sheetId: string | undefined,
    payloadLimit = PAYLOAD_LIMIT,
  ) {
    this.state = sheetId === undefined ? "done" : "header";
    this.maxKeyRows = Math.max(1, Math.floor((payloadLimit * TARGET_SHARE) / KEY_BYTES));
  }

  get done(): boolean {
    return this.state === "done";
  }

  queue(inventory: WorkbookInventory): number {
    switch (this.state) {
      case "header": {
        this.table ??= inventory.tables.find((t) => t.worksheet.id === this.sheetId);
        this.sheetName = inventory.sheets.find((s) => s.id === this.sheetId)?.name ?? "";
        if (!this.table) {
          this.state = "done";
          return 0;
        }
        this.header = this.table.getHeaderRowRange().load("values");
        this.body = this.table.getDataBodyRange().load("rowIndex,columnIndex,rowCount");
        return 1;
      }
      case "manual":
        this.manual = this.body!.getColumn(this.manualCol).load("values");
        return Math.ceil(this.body!.rowCount / MANUAL_PER_CELL);
      case "keys": {
        this.batch = [];
        let rows = 0;
        for (const [a, z] of this.pending) {
          const count = z - a + 1;
          if (this.batch.length > 0 && rows + count > this.maxKeyRows) break;
          rows += count;
          const range = this.table!.worksheet.getRangeByIndexes(
            this.body!.rowIndex + a,
            this.body!.columnIndex + this.keyCol,
            count,
            1,
          );
          this.batch.push({ start: a, count, range: range.load("values") });
        }
        return rows * KEY_WEIGHT;
      }
      default:
        return 0;
    }
  }

  synced(): void {
    switch (this.state) {
      case "header": {
        const names = this.header!.values[0] ?? [];
        this.keyCol = column(names, KEY);
        this.manualCol = column(names, MANUAL);
        this.state = this.keyCol < 0 || this.manualCol < 0 ? "done" : "manual";
        return;
      }
      case "manual": {
        const typed: number[] = [];
        this.manual!.values.forEach((row, i) => {
          const code = parseCategory(row[0]);
          if (!code) {
            const typed = row[0] === null || row[0] === undefined ? "" : String(row[0]).trim();
            if (typed !== "")
              this.issues.push(invalidCode(this.sheetName, this.body!.rowIndex + i + 1, typed));
            return;
          }
          typed.push(i);
          this.codes.set(i, code);
        });
        this.pending = spans(typed).flatMap(([a, z]) => {
          const parts: [number, number][] = [];
          for (let s = a; s <= z; s += this.maxKeyRows) parts.push([s, Math.min(z, s + this.maxKeyRows - 1)]);
          return parts;
        });
        this.state = this.pending.length > 0 ? "keys" : "done";
        return;
      }
      case "keys": {
        for (const { start, range } of this.batch) {
          range.values.forEach((row, k) => {
            const code = this.codes.get(start + k);
            const key = row[0];
            if (code && key !== null && key !== undefined && key !== "") this.result.set(String(key), code);
          });
        }
        this.pending = this.pending.slice(this.batch.length);
        this.batch = [];
        if (this.pending.length === 0) this.state = "done";
        return;
      }
    }
  }
}
