/**
 * `ictcost peers DIR|files… [-o peers.xlsx]`: many municipalities side by side (an SSC, a region, a
 * benchmark club). Every member file goes through `analyse` (src/cli/compare.ts) — the same pipeline calls
 * as `compare` — then peerTable (src/model/peers) puts the KPIs side by side with median, quartiles,
 * min/max and ranks beside the report's figures; `--shared FILE` allocates an SSC's own ledger to the
 * members by inhabitants or by `--key FILE.csv` (gemeente;aandeel), to the cent. One bad member is
 * reported and skipped; exit 0 when at least one member worked, 2 when none did.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "fs";
import { basename, extname, join, resolve } from "path";
import { formatNumber } from "../model/format";
import { categorise } from "../model/pipeline";
import {
  Allocation,
  AllocationError,
  AllocationKey,
  allocateShared,
  parseKey,
  PeerMemberInput,
  peersLayout,
  peerTable,
  SharedLine,
} from "../model/peers";
import { analyse } from "./compare";
import { UserError, userError } from "./errors";
import { findFileInputs, readInputFile } from "./input";
import { peersJson, peersText, Skipped } from "./peersOutput";
import { writeBytes, writeSafely } from "./safeWrite";

export interface PeersCommandOptions {
  /** A directory (every .xlsx/.xlsm/.csv in it) or the member files. */
  inputs: string[];
  out?: string;
  year?: number;
  edition?: string;
  shared?: string;
  key?: string;
  json?: boolean;
  progress?: (text: string) => void;
}

const MEMBER_FILE = /\.(xlsx|xlsm|csv)$/i;

interface Member extends PeerMemberInput {
  file: string;
}

const reason = (e: unknown) =>
  e instanceof UserError ? e.message : e instanceof Error ? e.message : String(e);

function same(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** The member files: a directory's .xlsx/.xlsm/.csv (sorted, no hidden or Excel lock files), or the list. */
export function memberFiles(inputs: readonly string[], out?: string): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      isDir = false; // a missing file is reported as a skipped member
    }
    if (!isDir) {
      files.push(input);
      continue;
    }
    const inDir = readdirSync(input)
      .filter((f) => MEMBER_FILE.test(f) && !f.startsWith(".") && !f.startsWith("~$"))
      .sort((a, b) => a.localeCompare(b))
      .map((f) => join(input, f));
    // The output of an earlier run in the same folder is no member.
    files.push(...inDir.filter((f) => out === undefined || !existsSync(out) || !same(f, out)));
  }
  if (files.length === 0)
    throw userError(
      `Geen deelnemers gevonden in ${inputs.join(", ")} (.xlsx, .xlsm of .csv)`,
      `No members found in ${inputs.join(", ")} (.xlsx, .xlsm or .csv)`,
    );
  return files;
}

/** A unique name per member: the municipality, else the file name; a second "Gemeente X" gets its file. */
function uniqueName(name: string, file: string, taken: Set<string>): string {
  let n = name;
  if (taken.has(n)) n = `${name} (${basename(file)})`;
  taken.add(n);
  return n;
}

async function analyseMembers(
  files: readonly string[],
  options: PeersCommandOptions,
  progress: (text: string) => void,
): Promise<{ members: Member[]; skipped: Skipped[] }> {
  const members: Member[] = [];
  const skipped: Skipped[] = [];
  const taken = new Set<string>();
  for (const [i, file] of files.entries()) {
    progress(`[${i + 1}/${files.length}] ${basename(file)}…`);
    try {
      const a = await analyse({
        file,
        ...(options.year !== undefined ? { year: options.year } : {}),
        ...(options.edition !== undefined ? { edition: options.edition } : {}),
      });
      const c = a.comparison;
      if (c.inhabitants === undefined) {
        throw userError(
          "geen inwoners (kerngegevens) en geen gemeente die CBS kent",
          "no inhabitants (key figures) and no municipality CBS knows",
        );
      }
      const name = uniqueName(c.municipality ?? basename(file, extname(file)), file, taken);
      const sizeClass = a.cbs.figures?.sizeClass.value;
      members.push({ file, name, comparison: c, ...(sizeClass ? { sizeClass } : {}) });
      progress(
        `[${i + 1}/${files.length}] ${basename(file)}: ${name}, ${formatNumber(c.inhabitants, "nl")} inwoners`,
      );
    } catch (e) {
      const message = reason(e);
      skipped.push({ file, message });
      progress(`[${i + 1}/${files.length}] ${basename(file)}: OVERGESLAGEN / SKIPPED — ${message}`);
    }
  }
  return { members, skipped };
}

/** The shared ledger's counted ICT lines (not XX.NI), of the --year when given. */
async function sharedLines(file: string, year: number | undefined): Promise<SharedLine[]> {
  const book = await readInputFile(file);
  const inputs = findFileInputs(book);
  return categorise(inputs)
    .counted.filter((l) => l.category !== "XX.NI")
    .filter((l) => year === undefined || l.year === null || l.year === year)
    .map((l) => ({ description: l.description, amount: l.amount, category: l.category, year: l.year }));
}

function readKey(file: string): AllocationKey {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw userError(
      `Kan de verdeelsleutel niet lezen: ${file} (${reason(e)})`,
      `Cannot read the key: ${file} (${reason(e)})`,
    );
  }
  const { shares, errors } = parseKey(text);
  if (errors.length > 0)
    throw userError(errors.map((e) => e.nl).join("; "), errors.map((e) => e.en).join("; "));
  return { kind: "shares", shares };
}

export async function peersCommand(options: PeersCommandOptions) {
  const progress = options.progress ?? (() => undefined);
  if (options.out !== undefined && !/\.xlsx$/i.test(options.out))
    throw userError(
      `-o verwacht een .xlsx-bestand: ${options.out}`,
      `-o needs an .xlsx file: ${options.out}`,
    );
  if (options.key !== undefined && options.shared === undefined)
    throw userError(
      "--key hoort bij --shared (de gedeelde kosten)",
      "--key goes with --shared (the shared costs)",
    );
  const key: AllocationKey = options.key !== undefined ? readKey(options.key) : { kind: "inhabitants" };
  const files = memberFiles(options.inputs, options.out);
  const out = options.out;
  // The inputs are never written: -o naming a member or the shared ledger is refused.
  if (out !== undefined && existsSync(out)) {
    const input = [...files, ...(options.shared !== undefined ? [options.shared] : [])].find((f) =>
      same(f, out),
    );
    if (input !== undefined)
      throw userError(
        `-o is een invoerbestand (${input}): kies een ander uitvoerbestand; de invoer wordt nooit overschreven`,
        `-o is an input file (${input}): choose another output file; the input is never overwritten`,
      );
  }
  const { members, skipped } = await analyseMembers(files, options, progress);
  if (members.length === 0) {
    throw userError(
      `Geen enkele deelnemer kon worden vergeleken (${skipped.map((s) => `${basename(s.file)}: ${s.message}`).join("; ")})`,
      `No member could be compared (${skipped.length} skipped)`,
    );
  }
  const years = new Set(members.map((m) => m.comparison.year));
  const notes: string[] = [];
  if (years.size > 1)
    notes.push(
      `Let op: de deelnemers hebben verschillende boekjaren (${[...years].join(", ")}); geef --year / members have different book years: give --year`,
    );
  const table = peerTable(members);
  let allocation: Allocation | undefined;
  if (options.shared !== undefined) {
    progress(`gedeelde kosten… ${options.shared} / shared costs…`);
    const lines = await sharedLines(options.shared, options.year);
    try {
      allocation = allocateShared(
        lines,
        members.map((m) => ({ name: m.name, inhabitants: m.comparison.inhabitants })),
        key,
      );
    } catch (e) {
      if (e instanceof AllocationError) throw userError(e.bilingual.nl, e.bilingual.en);
      throw e;
    }
  }
  let written = "";
  if (options.out !== undefined) {
    const { writeFreshWorkbook } = await import("./ooxml/freshWorkbook");
    progress(`schrijven… ${options.out} / writing…`);
    const bytes = writeFreshWorkbook([], [peersLayout(table, allocation)]);
    await writeSafely(options.out, async (temp) => writeBytes(temp, bytes));
    written = `Geschreven: ${options.out} / Written: ${options.out}\n`;
  }
  const skippedText = skipped.map((s) => `Overgeslagen / skipped: ${s.file}: ${s.message}\n`).join("");
  return {
    exitCode: 0,
    stdout: options.json
      ? JSON.stringify(
          peersJson(
            table,
            skipped,
            members.map((m) => m.file),
            allocation,
          ),
          null,
          2,
        ) + "\n"
      : peersText(table, skipped, allocation),
    stderr: skippedText + notes.map((n) => n + "\n").join("") + written,
  };
}
