/** The writer of a sheet part's bytes: UTF-8 chunks, deflated as they come once the part is big. */
import { ParallelDeflate } from "./parallelDeflate";
import { BIG_PART, BIG_PART_LEVEL, crc32, deflateChunk, DeflatedData, Piece, SpillFile } from "./zip";

/**
 * Text written as UTF-8 straight into buffers of about a megabyte: no single huge string (and no copy
 * into one huge buffer) for a 100,000-row sheet. The chunks go to the zip writer as they are.
 *
 * UTF-8 chunks of 1 MB. A part that grows past BIG_PART is deflated chunk by chunk as it is written (the
 * same pieces writeZip would make of the whole list: level BIG_PART_LEVEL, a sync flush after every chunk
 * but the last), so a million-row sheet holds its compressed bytes, not its ~1 GB of XML.
 */
export class ChunkWriter {
  private static readonly SIZE = 1 << 20;
  private buffer = Buffer.allocUnsafe(ChunkWriter.SIZE);
  private pos = 0;
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  private crc = 0;
  private deflated: Piece[] = [];
  private streaming = false;

  /** `spill`: where the deflated chunks of a big part go (else they are held in memory). */
  constructor(private readonly spill?: SpillFile) {}

  push(s: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (this.pos + s.length * 3 > this.buffer.length) {
      this.flush();
      if (s.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(s.length * 3);
    }
    this.pos += this.buffer.write(s, this.pos);
  }

  private flush(): void {
    if (this.pos > 0) this.add(this.buffer.subarray(0, this.pos));
    this.buffer = Buffer.allocUnsafe(ChunkWriter.SIZE);
    this.pos = 0;
  }

  private add(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.total += chunk.length;
    if (!this.streaming && this.total > BIG_PART) this.streaming = true;
    // Deflate all but the newest chunk: only bytes() knows which one is the last.
    if (this.streaming) while (this.chunks.length > 1) this.deflate(this.chunks.shift()!, false);
  }

  /** The other core's deflater for this part, started with its first chunk to deflate (null: in-process). */
  private parallel: ParallelDeflate | null | undefined;

  private deflate(chunk: Uint8Array, last: boolean): void {
    this.crc = crc32(chunk, this.crc);
    this.parallel ??= ParallelDeflate.start();
    if (this.parallel) this.keep(this.parallel.send(chunk, BIG_PART_LEVEL, last));
    else this.keep([deflateChunk(chunk, BIG_PART_LEVEL, last)]);
  }

  private keep(deflated: Uint8Array[]): void {
    for (const d of deflated) this.deflated.push(this.spill ? this.spill.append(d) : d);
  }

  bytes(): Uint8Array[] | DeflatedData {
    if (this.pos > 0) this.add(this.buffer.subarray(0, this.pos));
    this.pos = 0;
    if (!this.streaming) return this.chunks;
    while (this.chunks.length > 0) this.deflate(this.chunks.shift()!, this.chunks.length === 0);
    if (this.parallel) this.keep(this.parallel.finish());
    return new DeflatedData(this.deflated, this.total, this.crc);
  }
}
