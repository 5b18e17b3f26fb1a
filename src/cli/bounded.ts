/**
 * Big inputs run in a worker thread with a limit on its heap. Node's default limit is a share of the
 * machine's memory (4 GB here), and V8 lets garbage grow towards it before it collects: the same
 * million-line run peaked at 0.9 GB or at 2 GB. Under a limit V8 collects sooner; live data stays far below
 * it (a million-line CSV file holds ~450 MB). An input that does need more gets a clear message and
 * nothing is written (the temporary files are removed), never a crash.
 *
 * ICTCOST_HEAP_MB sets the limit in MB; 0 runs in-process without one. The limit the input's size gives is
 * a target, not a refusal: a run that needs more runs again in-process without it, saying so; only a limit
 * the user set is a hard one. Only the commands that write a copy are bounded by their input's size
 * (BOUNDED_COMMANDS).
 */
import { rmSync, statSync } from "fs";
import { join } from "path";
import { Worker } from "worker_threads";
import type { CommandResult } from "./commands";

/**
 * The commands that write a copy and hold the ledger twice (lines and their categories) while doing so: the
 * limit is set from their measurements. `classify` mostly holds its printed table, and stays in-process.
 */
const BOUNDED_COMMANDS = new Set(["compare", "peers"]);

/** Inputs from this size run bounded; smaller ones in-process (a worker's start-up is ~40 ms). */
export const BIG_INPUT_BYTES = 16 << 20;
/** The least limit, and MB of heap per MB of input above it (a CSV file's live data is ~3.6×). */
const MIN_HEAP_MB = 768;
const HEAP_PER_INPUT_MB = 6;
const MAX_HEAP_MB = 4096;

export type WorkerMessage =
  | { kind: "progress"; text: string }
  | { kind: "temp"; path: string; open: boolean }
  | { kind: "result"; result: CommandResult };

/**
 * The input files named on the command line (not -o's target) and their total size in bytes; 0 for a
 * command that is not bounded.
 */
export function inputBytes(argv: readonly string[]): number {
  if (!BOUNDED_COMMANDS.has(argv[0])) return 0;
  let total = 0;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === "-o" || argv[i] === "--out") {
      i++;
      continue;
    }
    try {
      const s = statSync(argv[i]);
      if (s.isFile()) total += s.size;
    } catch {
      // not a file: a flag or its value
    }
  }
  return total;
}

/** A heap limit: its size, and whether the user set it (ICTCOST_HEAP_MB) rather than the input's size. */
export interface HeapLimit {
  mb: number;
  explicit: boolean;
}

/** The heap limit for a run over `bytes` of input, or null to run in-process without one. */
export function heapLimit(bytes: number, env: NodeJS.ProcessEnv = process.env): HeapLimit | null {
  const set = env.ICTCOST_HEAP_MB;
  if (set !== undefined && set.trim() !== "") {
    const n = Number(set);
    return Number.isFinite(n) && n > 0 ? { mb: Math.round(n), explicit: true } : null;
  }
  if (bytes < BIG_INPUT_BYTES) return null;
  const mb = Math.min(MAX_HEAP_MB, Math.max(MIN_HEAP_MB, Math.ceil((HEAP_PER_INPUT_MB * bytes) / 2 ** 20)));
  return { mb, explicit: false };
}

/**
 * `run(argv)` as the limit asks: in-process without one; in the bounded worker with one; again in-process
 * when the worker ran out of a limit the user did not set (`inProcess` runs the command in this thread).
 */
export async function runWithin(
  limit: HeapLimit | null,
  argv: readonly string[],
  progress: (text: string) => void,
  inProcess: () => Promise<CommandResult>,
): Promise<CommandResult> {
  if (limit === null) return inProcess();
  const bounded = await runBounded(argv, limit.mb, progress);
  if (limit.explicit || !bounded.outOfMemory) return bounded;
  progress(
    `meer dan ${limit.mb} MB geheugen nodig; opnieuw zonder grens… / ` +
      `needs more than ${limit.mb} MB of memory; running again without a limit…`,
  );
  return inProcess();
}

function outOfMemory(limit: number): CommandResult & { outOfMemory: true } {
  return {
    outOfMemory: true,
    exitCode: 2,
    stdout: "",
    stderr:
      `ictcost: te weinig geheugen: deze invoer vraagt meer dan ${limit} MB; er is niets geschreven. ` +
      `Zet de grens hoger met ICTCOST_HEAP_MB (bijv. ICTCOST_HEAP_MB=${limit * 2}) of op 0 voor geen grens.\n` +
      `ictcost: out of memory: this input needs more than ${limit} MB; nothing was written. ` +
      `Raise the limit with ICTCOST_HEAP_MB (e.g. ICTCOST_HEAP_MB=${limit * 2}) or set it to 0 for none.\n`,
  };
}

/** `run(argv)` in a worker whose old generation may hold at most `limitMb`. */
export function runBounded(
  argv: readonly string[],
  limitMb: number,
  progress: (text: string) => void,
): Promise<CommandResult & { outOfMemory?: true }> {
  const open = new Set<string>();
  return new Promise((resolve) => {
    const worker = new Worker(join(__dirname, "boundedWorker.js"), {
      workerData: { argv: [...argv] },
      resourceLimits: { maxOldGenerationSizeMb: limitMb },
    });
    let result: (CommandResult & { outOfMemory?: true }) | undefined;
    worker.on("message", (m: WorkerMessage) => {
      if (m.kind === "progress") progress(m.text);
      else if (m.kind === "temp") {
        if (m.open) open.add(m.path);
        else open.delete(m.path);
      } else result = m.result;
    });
    worker.on("error", (e: Error & { code?: string }) => {
      // Stopped half-way: what it had open is removed (an existing -o target was never touched).
      for (const path of open) rmSync(path, { force: true });
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY") result = outOfMemory(limitMb);
      else
        result = {
          exitCode: 1,
          stdout: "",
          stderr: `ictcost: interne fout / internal error\n${e.stack ?? e.message}\n`,
        };
    });
    worker.on("exit", () =>
      resolve(result ?? { exitCode: 1, stdout: "", stderr: "ictcost: interne fout / internal error\n" }),
    );
  });
}
