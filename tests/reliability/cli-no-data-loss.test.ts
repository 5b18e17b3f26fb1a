/**
 * Issue 7, part 2, the CLI: `ictcost` never writes its input file and refuses it as the output, however
 * the path is spelled (relative, ./, a/../, a symbolic link, a hard link, another letter case on a
 * case-insensitive file system); classify and compare without -o write nothing at all.
 */
import { createHash } from "crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from "fs";
import { tmpdir } from "os";
import { basename, dirname, join, relative } from "path";
import { run } from "../../src/cli/cli";

const ROOT = join(__dirname, "../..");
const EXAMPLE = join(ROOT, "examples/voorbeeldrade.xlsx");
const CSV = join(ROOT, "tests/fixtures/cli/ledger-dev.csv");

const fingerprint = (path: string) => {
  const s = statSync(path);
  return {
    sha: createHash("sha256").update(readFileSync(path)).digest("hex"),
    size: s.size,
    mtime: s.mtimeMs,
  };
};

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-nodataloss-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A listing of every file under dir with its fingerprint. */
function listing(root: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out[relative(root, p)] = fingerprint(p);
    }
  };
  walk(root);
  return out;
}

const refused = /-o is het invoerbestand zelf: .*\/ -o is the input file itself/;

describe("the CLI never writes its input", () => {
  it("classify and compare (without -o) write no file at all", async () => {
    const work = join(dir, "readonly");
    mkdirSync(work);
    copyFileSync(EXAMPLE, join(work, "invoer.xlsx"));
    copyFileSync(CSV, join(work, "invoer.csv"));
    const before = listing(work);
    for (const args of [
      ["classify", join(work, "invoer.xlsx")],
      ["classify", join(work, "invoer.csv"), "--json"],
      ["compare", join(work, "invoer.xlsx")],
      ["compare", join(work, "invoer.xlsx"), "--json"],
    ]) {
      const r = await run(args);
      expect([args, r.exitCode]).toEqual([args, 0]);
      expect(listing(work)).toEqual(before);
    }
  });

  it("compare -o refuses the input under every spelling; the input stays byte for byte", async () => {
    const work = join(dir, "spellings");
    mkdirSync(join(work, "sub"), { recursive: true });
    const input = join(work, "invoer.xlsx");
    copyFileSync(EXAMPLE, input);
    symlinkSync(input, join(work, "koppeling.xlsx"));
    symlinkSync(work, join(work, "map-koppeling"));
    const before = fingerprint(input);
    const rel = relative(process.cwd(), input);
    const spellings = [
      input,
      rel,
      `./${rel}`,
      join(work, "sub", "..", "invoer.xlsx"),
      `${work}//invoer.xlsx`,
      join(work, "koppeling.xlsx"), // a symbolic link to the input
      join(work, "map-koppeling", "invoer.xlsx"), // through a linked directory
    ];
    for (const out of spellings) {
      for (const inputSpelling of [input, rel]) {
        const r = await run(["compare", inputSpelling, "-o", out]);
        expect([out, r.exitCode]).toEqual([out, 2]);
        expect(r.stderr).toMatch(refused);
        expect(fingerprint(input)).toEqual(before);
      }
    }
    // The input named through the link, the output as the file itself.
    const r = await run(["compare", join(work, "koppeling.xlsx"), "-o", input]);
    expect(r.stderr).toMatch(refused);
    expect(fingerprint(input)).toEqual(before);
  });

  it("compare -o refuses a hard link to the input (same file, another name)", async () => {
    const work = join(dir, "hardlink");
    mkdirSync(work);
    const input = join(work, "invoer.xlsx");
    copyFileSync(EXAMPLE, input);
    const alias = join(work, "ook-invoer.xlsx");
    linkSync(input, alias);
    const before = fingerprint(input);
    const r = await run(["compare", input, "-o", alias]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(refused);
    expect(fingerprint(input)).toEqual(before);
  });

  it("compare -o refuses the input spelled in another case where the file system ignores case", async () => {
    const work = join(dir, "case");
    mkdirSync(work);
    const input = join(work, "Invoer.xlsx");
    copyFileSync(EXAMPLE, input);
    const other = join(work, "INVOER.xlsx");
    if (!existsSync(other)) return; // a case-sensitive file system (Linux): two different files
    const before = fingerprint(input);
    const r = await run(["compare", input, "-o", other]);
    expect(r.stderr).toMatch(refused);
    expect(fingerprint(input)).toEqual(before);
  });

  it("a good -o writes only the copy; a failed write (a directory in the way) leaves the input alone", async () => {
    const work = join(dir, "copy");
    mkdirSync(work);
    const input = join(work, "invoer.xlsx");
    copyFileSync(EXAMPLE, input);
    const before = fingerprint(input);
    const ok = await run(["compare", input, "-o", join(work, "uit.xlsx")]);
    expect(ok.exitCode).toBe(0);
    expect(Object.keys(listing(work)).sort()).toEqual(["invoer.xlsx", "uit.xlsx"]);
    mkdirSync(join(work, "map.xlsx"));
    const bad = await run(["compare", input, "-o", join(work, "map.xlsx")]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/Kan niet schrijven: .* \/ Cannot write/);
    expect(fingerprint(input)).toEqual(before);
  });

  it("template refuses an existing file (the user's workbook) without --force", async () => {
    const work = join(dir, "template");
    mkdirSync(work);
    const input = join(work, "invoer.xlsx");
    copyFileSync(EXAMPLE, input);
    const before = fingerprint(input);
    const r = await run(["template", join(dirname(input), ".", basename(input))]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/Bestand bestaat al/);
    expect(fingerprint(input)).toEqual(before);
  });
});
