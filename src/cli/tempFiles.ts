/**
 * The temporary files a run has open (the copy being written, a big sheet's spill file), so that a run
 * stopped from outside — a worker that ran out of its memory limit (bounded.ts) — can still remove them.
 */
type Listener = (path: string, open: boolean) => void;

const listeners: Listener[] = [];

export function onTempFile(listener: Listener): void {
  listeners.push(listener);
}

/** Call when a temporary file is created (open = true) and when it is renamed or removed (false). */
export function tempFile(path: string, open: boolean): void {
  for (const l of listeners) l(path, open);
}
