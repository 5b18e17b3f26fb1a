/**
 * A big sheet deflated on the other core (src/cli/ooxml/parallelDeflate.ts) gives the same archive as
 * deflating in-process: every entry's compressed bytes equal (ICTCOST_PARALLEL=0 turns the worker off).
 * Runs the compiled CLI: the worker thread is a compiled file.
 */
import { execSync, spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

import { readZip } from "../../../src/cli/ooxml/zip";

const ROOT = join(__dirname, "../../..");
const DEV = join(ROOT, "tests/fixtures/cli/ledger-dev.csv");

let dir: string;
beforeAll(() => {
  execSync("npx tsc -p tsconfig.cli.json", { cwd: ROOT, stdio: "pipe" });
  dir = mkdtempSync(join(tmpdir(), "ictcost-parallel-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const compare = (input: string, out: string, parallel: boolean) =>
  spawnSync(
    process.execPath,
    [join(ROOT, "bin/ictcost.js"), "compare", input, "--inhabitants", "50000", "-o", out],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ICTCOST_PARALLEL: parallel ? "1" : "0" },
    },
  );

/** Per entry: its compressed bytes as stored in the archive. */
function rawEntries(file: string): Map<string, Buffer> {
  const zip = readZip(new Uint8Array(readFileSync(file)));
  return new Map(
    zip.entries.map((e) => [
      e.name,
      Buffer.from(zip.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize)),
    ]),
  );
}

it("writes the same compressed bytes for a 40,000-line ledger with and without the worker", () => {
  const [header, ...body] = readFileSync(DEV, "utf8").trimEnd().split("\n");
  const input = join(dir, "groot.csv");
  writeFileSync(input, [header, ...Array.from({ length: 550 }, () => body).flat()].join("\n") + "\n");
  const [a, b] = [join(dir, "parallel.xlsx"), join(dir, "in-process.xlsx")];
  expect(compare(input, a, true).status).toBe(0);
  expect(compare(input, b, false).status).toBe(0);
  const [pa, pb] = [rawEntries(a), rawEntries(b)];
  expect([...pa.keys()]).toEqual([...pb.keys()]);
  for (const [name, bytes] of pa)
    expect({ name, same: bytes.equals(pb.get(name)!) }).toEqual({ name, same: true });
  // The big part really went through the streaming writer: its XML is well over 8 MB.
  const zip = readZip(new Uint8Array(readFileSync(a)));
  const biggest = zip.entries.reduce((x, y) => (y.size > x.size ? y : x));
  expect(biggest.size).toBeGreaterThan(8 << 20);
});

it("starts a worker from the compiled CLI and gives back every chunk's deflate, in order", () => {
  type Lib = typeof import("../../../src/cli/ooxml/parallelDeflate");
  type Zip = typeof import("../../../src/cli/ooxml/zip");
  /* eslint-disable @typescript-eslint/no-require-imports -- the compiled modules, whose worker file exists */
  const lib = require(join(ROOT, "lib/cli/ooxml/parallelDeflate.js")) as Lib;
  const { deflateChunk } = require(join(ROOT, "lib/cli/ooxml/zip.js")) as Zip;
  /* eslint-enable @typescript-eslint/no-require-imports */
  expect(lib.ParallelDeflate.start({ ICTCOST_PARALLEL: "0" })).toBeNull();
  const worker = lib.ParallelDeflate.start({});
  expect(worker).not.toBeNull();
  const chunks = Array.from({ length: 20 }, (_, i) =>
    Buffer.from(`<row r="${i}">${"<c><v>1</v></c>".repeat(5000 + i)}</row>`),
  );
  const expected = chunks.map((c, i) => Buffer.from(deflateChunk(c, 1, i === chunks.length - 1)));
  const got: Uint8Array[] = [];
  chunks.forEach((c, i) => got.push(...worker!.send(Buffer.from(c), 1, i === chunks.length - 1)));
  got.push(...worker!.finish());
  expect(got.map((g) => Buffer.from(g))).toEqual(expected);
});
