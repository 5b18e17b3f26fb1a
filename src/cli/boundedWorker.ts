/**
 * The worker side of bounded.ts: runs the command as `run` would in-process and posts its progress, the
 * temporary files it opens and closes, and the result to the main thread.
 */
import { parentPort, workerData } from "worker_threads";
import { run } from "./cli";
import { onTempFile } from "./tempFiles";
import type { WorkerMessage } from "./bounded";

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
onTempFile((path, open) => post({ kind: "temp", path, open }));
void run((workerData as { argv: string[] }).argv, {
  progress: (text) => post({ kind: "progress", text }),
}).then((result) => post({ kind: "result", result }));
