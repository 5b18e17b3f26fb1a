/**
 * Deflating a big part on the other core: the writer makes the sheet's XML a megabyte at a time and hands
 * each chunk to a worker thread, which deflates it (zlib, the same call and level as in-process) while the
 * next chunk is made. The writer stays synchronous: results come back in order through a MessagePort read
 * with receiveMessageOnPort, waiting on a shared counter (Atomics.wait) when one is not there yet. On the
 * 100,000-line bench, deflating is ~0.4 s of the writer's time; on a million lines ~5 s.
 */
import { existsSync } from "fs";
import { join } from "path";
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from "worker_threads";

/** Chunks sent and not yet taken back, at most: bounds the memory of the work in flight (1 MB each). */
const IN_FLIGHT = 8;

const THREAD = join(__dirname, "deflateThread.js");

export class ParallelDeflate {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private inFlight = 0;

  /**
   * A worker for one part, or null where there is none to start: the thread's compiled file is missing
   * (the sources run under ts-jest), or ICTCOST_PARALLEL=0. The caller then deflates in-process.
   */
  static start(env: NodeJS.ProcessEnv = process.env): ParallelDeflate | null {
    if (env.ICTCOST_PARALLEL === "0" || !existsSync(THREAD)) return null;
    return new ParallelDeflate();
  }

  private constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(THREAD, {
      workerData: { port: port2, signal: this.signal },
      transferList: [port2],
    });
    this.worker.unref();
  }

  /**
   * Sends a chunk (its memory moves to the worker: the caller must not use it again) and gives back the
   * results that are ready, in order; with IN_FLIGHT chunks out, it waits for the oldest.
   */
  send(chunk: Uint8Array, level: number, last: boolean): Uint8Array[] {
    // The chunk's whole buffer moves (a view from its start, as the writer's chunks are); else a copy.
    const data = chunk.byteOffset === 0 ? chunk : chunk.slice();
    const buffer = data.buffer as ArrayBuffer;
    this.port.postMessage({ buffer, length: data.length, level, last }, [buffer]);
    this.inFlight++;
    const ready: Uint8Array[] = [];
    if (this.inFlight >= IN_FLIGHT) ready.push(this.take(true)!);
    for (let r = this.take(false); r; r = this.take(false)) ready.push(r);
    return ready;
  }

  /** Every result still out, in order; the worker is stopped. */
  finish(): Uint8Array[] {
    const rest: Uint8Array[] = [];
    while (this.inFlight > 0) rest.push(this.take(true)!);
    this.port.close();
    void this.worker.terminate();
    return rest;
  }

  private take(wait: boolean): Uint8Array | undefined {
    if (this.inFlight === 0) return undefined;
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const m = receiveMessageOnPort(this.port);
      if (m) {
        this.inFlight--;
        return m.message as Uint8Array;
      }
      if (!wait) return undefined;
      Atomics.wait(this.signal, 0, seen);
    }
  }
}
