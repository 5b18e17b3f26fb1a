/**
 * Writing a file the user named (`compare -o`, `template --force`) so that a failure never costs a
 * workbook: the writer fills a temporary file in the target's own folder, and only a complete file
 * is renamed over the target (one atomic step on the same file system). When the write fails (disk
 * full, no permission, an error half-way) the temporary file is removed and an existing target is
 * left byte for byte as it was; a new target is not created at all.
 *
 * Every failure is a UserError (exit 2, one bilingual line), also a folder that cannot be created.
 */
import { randomBytes } from "crypto";
import { Piece, pieceBytes } from "./ooxml/zip";
import { tempFile } from "./tempFiles";
import {
  chmodSync,
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "fs";
import { basename, dirname, join, resolve } from "path";
import { UserError, userError } from "./errors";

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/** The folder of the target, created when missing; a file in the way is the user's to fix. */
function ensureFolder(target: string): string {
  const folder = dirname(resolve(target));
  try {
    mkdirSync(folder, { recursive: true });
    if (!statSync(folder).isDirectory())
      throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  } catch (e) {
    throw userError(
      `Kan de map voor ${target} niet maken of gebruiken: ${folder} (${reason(e)}); kies een andere map`,
      `Cannot create or use the folder for ${target}: ${folder} (${reason(e)}); choose another folder`,
    );
  }
  return folder;
}

/**
 * Where the bytes go: the target itself, or for a symbolic link the file it points to (the link stays
 * a link). A folder in the target's place is refused.
 */
function finalPath(target: string): { path: string; mode?: number } {
  let link;
  try {
    link = lstatSync(target);
  } catch {
    return { path: resolve(target) }; // a new file
  }
  const path = link.isSymbolicLink() ? safeRealpath(target) : resolve(target);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { path }; // a dangling link: the file it names is created
  }
  if (stat.isDirectory()) {
    throw userError(
      `Kan niet schrijven: ${target} is een map; geef een bestandsnaam`,
      `Cannot write: ${target} is a folder; give a file name`,
    );
  }
  return { path, mode: stat.mode & 0o7777 };
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Flush the file's bytes to the disk before the rename makes it the target. */
function flush(path: string): void {
  const fd = openSync(path, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A hint for the errors Windows gives when Excel holds the target open. */
function openHint(e: unknown): { nl: string; en: string } {
  return ["EBUSY", "EPERM", "EACCES"].includes(code(e) ?? "")
    ? {
        nl: "; is het bestand geopend in Excel? Sluit het en probeer opnieuw",
        en: "; is it open in Excel? Close it and try again",
      }
    : { nl: "", en: "" };
}

/**
 * Write `target` through `write(tempPath)`: the writer creates the file at `tempPath`; when it resolves,
 * the file replaces the target. Throws a UserError when anything fails, with the target untouched.
 */
export async function writeSafely(target: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  ensureFolder(target);
  const { path, mode } = finalPath(target);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.ictcost-tmp`);
  tempFile(temp, true);
  try {
    await write(temp);
    flush(temp);
    if (mode !== undefined) chmodSync(temp, mode); // the replaced file's permissions
    renameSync(temp, path);
    tempFile(temp, false);
  } catch (e) {
    try {
      rmSync(temp, { force: true });
      tempFile(temp, false);
    } catch {
      // nothing more to do: the message below names the target, which is untouched
    }
    if (e instanceof UserError) throw e;
    const hint = openHint(e);
    throw userError(
      `Kan niet schrijven: ${target} (${reason(e)})${hint.nl}; een bestaand bestand is niet gewijzigd`,
      `Cannot write: ${target} (${reason(e)})${hint.en}; an existing file was not changed`,
    );
  }
}

/** A file's bytes (or its pieces in order): the copy's writer (and the seam a test uses to fail a write half-way). */
export function writeBytes(path: string, bytes: Uint8Array | readonly Piece[]): void {
  if (!Array.isArray(bytes)) {
    writeFileSync(path, bytes as Uint8Array);
    return;
  }
  // The pieces one after the other (a zip archive's entries): never assembled into one buffer.
  const fd = openSync(path, "w");
  try {
    for (const p of bytes as readonly Piece[]) {
      const piece = pieceBytes(p); // a spilled piece is read back now, one at a time
      for (let done = 0; done < piece.length;) done += writeSync(fd, piece, done, piece.length - done);
    }
  } finally {
    closeSync(fd);
  }
}
