/**
 * The value syncs: every sheet's cells (and the riders' loads) in as few syncs as the response limit
 * allows — the first of a fixed number of cells, later ones sized from the bytes a cell actually took,
 * the rest split evenly when that keeps every sync at least half full, half the cells after an overflow.
 */
import { Grid } from "../../model/types";
import { TARGET_SHARE, rowJsonSize } from "../payload";
import { Plan } from "./extents";
import { ReadRider, WorkbookInventory } from "./types";

interface Chunk {
  plan: Plan;
  r0: number;
  rows: number;
}

const width = (p: Plan) => p.box!.c1 - p.box!.c0 + 1;
const nextRow = (p: Plan) => p.box!.r0 + p.data.values.length;
const unread = (p: Plan) => (p.box ? (p.box.r1 - nextRow(p) + 1) * width(p) : 0);

/** The next rows of the sheets, in sheet order, up to `cells` cells (at least one row when nothing else is sent). */
function takeChunks(plans: Plan[], cells: number, othersQueued: boolean): Chunk[] {
  const chunks: Chunk[] = [];
  for (const plan of plans) {
    if (!plan.box || unread(plan) === 0) continue;
    const cols = width(plan);
    const left = plan.box.r1 - nextRow(plan) + 1;
    let rows = Math.min(left, Math.floor(cells / cols));
    if (rows === 0 && !othersQueued && chunks.length === 0) rows = 1;
    if (rows === 0) break;
    chunks.push({ plan, r0: nextRow(plan), rows });
    cells -= rows * cols;
    if (rows < left) break;
  }
  return chunks;
}

/** JSON bytes per cell of what was received, from a sample of its rows. */
function bytesPerCell(grids: Grid[]): number | undefined {
  let bytes = 0;
  let cells = 0;
  for (const grid of grids) {
    const step = Math.max(1, Math.floor(grid.length / 500));
    for (let i = 0; i < grid.length; i += step) {
      bytes += rowJsonSize(grid[i]) + 1;
      cells += grid[i].length;
    }
  }
  return cells > 0 ? bytes / cells : undefined;
}

/**
 * Loads every plan's box (and the riders' loads) in value syncs: the first of `firstCells` cells, the
 * next ones sized by the measured bytes per cell; halves the budget when a response is still too big.
 */
export async function loadValues(
  context: Excel.RequestContext,
  plans: Plan[],
  inventory: WorkbookInventory,
  riders: ReadRider[],
  sizing: { firstCells: number; limit: number },
): Promise<void> {
  const target = sizing.limit * TARGET_SHARE;
  let budget = sizing.firstCells;
  /** Never again as many cells as a sync that overflowed. */
  let ceiling = Infinity;
  const pendingRiders = () => riders.filter((r) => !r.done);
  while (plans.some((p) => unread(p) > 0) || pendingRiders().length > 0) {
    let room = budget;
    let ridden = false;
    for (const r of pendingRiders()) {
      const cells = r.queue(inventory, "values", Math.max(0, room));
      room -= cells;
      ridden ||= cells > 0;
    }
    const chunks = takeChunks(plans, Math.max(0, room), ridden);
    if (chunks.length === 0 && !ridden) break; // a rider with nothing to queue: nothing more to read
    const ranges = chunks.map((c) =>
      c.plan.sheet.getRangeByIndexes(c.r0, c.plan.box!.c0, c.rows, width(c.plan)).load("values"),
    );
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || budget <= 1) throw e;
      budget = Math.floor(budget / 2);
      ceiling = budget;
      continue;
    }
    const grids = ranges.map((r) => r.values as Grid);
    chunks.forEach((c, i) => c.plan.data.values.push(...grids[i]));
    riders.forEach((r) => r.synced());
    // Size the next syncs from what a cell cost here: ~80% of the limit each, or the rest split evenly
    // when that still fills every sync to at least half the limit.
    const perCell = bytesPerCell(grids);
    if (perCell === undefined) continue;
    const full = Math.max(1, Math.min(ceiling, Math.floor(target / perCell), budget * 4));
    const rest = plans.reduce((n, p) => n + unread(p), 0);
    const syncs = Math.ceil(rest / full);
    const even = Math.ceil(rest / Math.max(1, syncs));
    budget = syncs > 1 && even * perCell >= sizing.limit / 2 ? even : full;
  }
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  return /PayloadSizeLimitExceeded/i.test(code);
}
