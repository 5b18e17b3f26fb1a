/**
 * Issue 14, items 3 and 4: `compare -o` and `template --force` write a temporary file in the target's
 * folder and rename it over the target only when complete. A write that fails half-way (injected here:
 * the writer puts part of a file on disk, then fails like a full disk) leaves an existing target byte for
 * byte as it was and no partial or temporary file behind; a folder that cannot be made is exit 2.
 */
import { createHash } from "crypto";
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/cli";
import * as safeWrite from "../../src/cli/safeWrite";
import { writeSafely } from "../../src/cli/safeWrite";
import * as writeXlsx from "../../src/cli/writeXlsx";

const ROOT = join(__dirname, "../..");
const EXAMPLE = join(ROOT, "examples/voorbeeldrade.xlsx");
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-safewrite-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

/** A fresh folder with the example workbook as invoer.xlsx and a precious existing target. */
function folder(name: string): { work: string; input: string; target: string } {
  const work = join(dir, name);
  mkdirSync(work);
  const input = join(work, "invoer.xlsx");
  copyFileSync(EXAMPLE, input);
  const target = join(work, "kostbaar.xlsx");
  writeFileSync(target, "the user's other precious workbook, " + "x".repeat(5000));
  return { work, input, target };
}

/** The workbook writer writes 1,000 bytes to the path it is given, then fails as on a full disk. */
/** Both writers (the copy's bytes, the template's ExcelJS workbook) put 1,000 bytes on disk, then fail. */
function failHalfWay(): jest.SpyInstance {
  const fail = (path: string) => {
    writeFileSync(path, Buffer.alloc(1000, 0x50));
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  };
  jest.spyOn(writeXlsx, "writeWorkbook").mockImplementation(async (_wb, path) => fail(path));
  return jest.spyOn(safeWrite, "writeBytes").mockImplementation((path) => fail(path));
}

describe("a failed write never costs the target (item 3)", () => {
  it("compare -o over an existing file: exit 2, the file byte-identical, nothing else left", async () => {
    const { work, input, target } = folder("compare-existing");
    const before = sha(target);
    const files = readdirSync(work).sort();
    const spy = failHalfWay();
    const r = await run(["compare", input, "-o", target]);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^ictcost: Kan niet schrijven: .*kostbaar\.xlsx \(ENOSPC.*\/ Cannot write: /);
    expect(r.stderr).not.toMatch(/interne fout|internal error|\n\s+at /);
    expect(sha(target)).toBe(before);
    expect(readdirSync(work).sort()).toEqual(files); // no temporary or partial file
  });

  it("compare -o to a new file: no partial file is left", async () => {
    const { work, input } = folder("compare-new");
    const files = readdirSync(work).sort();
    failHalfWay();
    const r = await run(["compare", input, "-o", join(work, "nieuw.xlsx")]);
    expect(r.exitCode).toBe(2);
    expect(readdirSync(work).sort()).toEqual(files);
  });

  it("template --force over an existing file: the file byte-identical", async () => {
    const { work, target } = folder("template");
    const before = sha(target);
    const files = readdirSync(work).sort();
    failHalfWay();
    const r = await run(["template", target, "--force"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/Kan niet schrijven: .*\/ Cannot write: /);
    expect(sha(target)).toBe(before);
    expect(readdirSync(work).sort()).toEqual(files);
  });

  it("a good write replaces the target whole, keeps its permissions and writes through a symbolic link", async () => {
    const { work, input, target } = folder("good");
    chmodSync(target, 0o640);
    const link = join(work, "koppeling.xlsx");
    symlinkSync(target, link);
    const r = await run(["compare", input, "-o", link]);
    expect(r.exitCode).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe("PK");
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(work).sort()).toEqual(["invoer.xlsx", "koppeling.xlsx", "kostbaar.xlsx"]);
  });

  it("writeSafely: a writer that throws after writing leaves the target and the folder as they were", async () => {
    const { work, target } = folder("unit");
    const before = sha(target);
    const files = readdirSync(work).sort();
    await expect(
      writeSafely(target, async (temp) => {
        writeFileSync(temp, "half");
        throw new Error("kapot");
      }),
    ).rejects.toThrow(/Kan niet schrijven: .*\(kapot\)/);
    expect(sha(target)).toBe(before);
    expect(readdirSync(work).sort()).toEqual(files);
  });
});

describe("a folder that cannot be made for -o (item 4)", () => {
  it.each([
    ["the parent is a file", (f: string) => join(f, "uit.xlsx")],
    ["a folder under a file", (f: string) => join(f, "sub", "uit.xlsx")],
  ])("%s: exit 2 with a bilingual message, no stack", async (_name, out) => {
    const { work, input } = folder(`folder-${_name.replace(/\W+/g, "-")}`);
    const file = join(work, "gewoon-bestand");
    writeFileSync(file, "no folder");
    for (const args of [
      ["compare", input, "-o", out(file)],
      ["template", out(file)],
    ]) {
      const r = await run(args);
      expect([args, r.exitCode]).toEqual([args, 2]);
      expect(r.stderr).toMatch(
        /^ictcost: Kan de map voor .* niet maken of gebruiken: .* \/ Cannot create or use the folder for /,
      );
      expect(r.stderr).not.toMatch(/interne fout|internal error|\n\s+at /);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
    expect(readFileSync(file, "utf8")).toBe("no folder");
  });
});
