/**
 * The worker side of parallelDeflate.ts: deflates the chunks it is sent, in order, and posts each result
 * back, counting them in the shared signal so that the main thread can wait for one without an event loop.
 */
import { MessagePort, workerData } from "worker_threads";
import { deflateChunk } from "./zip";

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

port.on("message", (m: { buffer: ArrayBuffer; length: number; level: number; last: boolean }) => {
  const out = deflateChunk(new Uint8Array(m.buffer, 0, m.length), m.level, m.last);
  // Transfer the result's memory when it is its own (it always is for a chunk of this size); else copy.
  const own = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength;
  const result = own ? out : out.slice();
  port.postMessage(result, [result.buffer as ArrayBuffer]);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
