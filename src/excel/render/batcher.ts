/**
 * The write batches: operations are queued until the next one would pass the payload target, then
 * sent in one sync. Excel's recalculation is suspended until each sync, so a batch costs one recalc.
 */

/** Bytes an operation adds to a request beyond its data (object path, method, property name). */
export const OP_BYTES = 300;

/** Collects operations into batches under the payload target; each full batch is one sync. */
export class Batcher {
  private used = 0;
  syncs = 0;
  /** Called after every sync that succeeded (render.ts records new sheets' ids there). */
  onSynced?: () => Promise<void>;
  constructor(
    private context: Excel.RequestContext,
    private target: number,
  ) {}

  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.target) await this.flush();
    if (this.used === 0) this.context.workbook.application.suspendApiCalculationUntilNextSync();
    queue();
    this.used += bytes + OP_BYTES;
  }

  /** Bytes still free in the current batch (the whole target when it is empty). */
  get room(): number {
    return this.target - this.used;
  }

  get empty(): boolean {
    return this.used === 0;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.sync();
    this.used = 0;
  }

  async sync(): Promise<void> {
    this.syncs++;
    await this.context.sync();
    await this.onSynced?.();
  }
}
