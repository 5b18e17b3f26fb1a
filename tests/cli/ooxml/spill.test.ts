/**
 * A big sheet's deflated XML set aside on disk (SpillFile) while the copy is made: the archive written from
 * the spilled pieces is byte for byte the archive held in memory, the file is gone afterwards, and a disk
 * that refuses it is a SpillError naming the file (compare -o turns it into a message, exit 2).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { losslessCopyParts } from "../../../src/cli/ooxml/losslessCopy";
import { concatParts, SpilledPiece, SpillError, SpillFile } from "../../../src/cli/ooxml/zip";
import { writeBytes } from "../../../src/cli/safeWrite";
import { lazyBlock, SheetLayout } from "../../../src/model/layout/types";
import { EXAMPLE } from "./helpers";

/** A sheet whose XML is well over the size at which parts are deflated as they are written (8 MB). */
function bigLayout(rows: number): SheetLayout {
  return {
    role: "categorisation",
    name: "Groot",
    blocks: [
      lazyBlock(
        { at: "A1" },
        {
          count: rows,
          width: 4,
          row: (i) => [
            `regel ${i} – licentie & onderhoud`,
            i * 1.25,
            { formula: `=B${i + 1}*2`, value: i * 2.5 },
            "x",
          ],
        },
      ),
    ],
    tables: [],
    charts: [],
    conditionalFormats: [],
    validations: [],
  };
}

describe("SpillFile", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-spill-test-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("gives back every piece as it was appended, and removes its file", () => {
    const spill = new SpillFile(join(dir, "a.spill"));
    const pieces = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(70_000).fill(7)].map((b) =>
      spill.append(b),
    );
    expect(pieces.map((p) => p.length)).toEqual([3, 0, 70_000]);
    expect(Array.from(pieces[0].bytes())).toEqual([1, 2, 3]);
    expect(pieces[2].bytes().every((b) => b === 7)).toBe(true);
    expect(statSync(spill.path).size).toBe(70_003);
    spill.remove();
    expect(existsSync(spill.path)).toBe(false);
  });

  it("writes the same archive from spilled pieces as from pieces in memory, holding the big sheet on disk", () => {
    const input = new Uint8Array(readFileSync(EXAMPLE));
    const date = new Date(2024, 0, 2, 3, 4, 6);
    const inMemory = concatParts(losslessCopyParts(input, [bigLayout(120_000)], { date }));
    const spill = new SpillFile(join(dir, "b.spill"));
    try {
      const parts = losslessCopyParts(input, [bigLayout(120_000)], { date, spill });
      const spilled = parts.filter((p) => p instanceof SpilledPiece);
      expect(spilled.length).toBeGreaterThan(1);
      // The pieces on disk are the bulk of the archive.
      expect(spilled.reduce((n, p) => n + p.length, 0)).toBeGreaterThan(inMemory.length / 2);
      const out = join(dir, "copy.xlsx");
      writeBytes(out, parts);
      expect(Buffer.compare(readFileSync(out), Buffer.from(inMemory))).toBe(0);
    } finally {
      spill.remove();
    }
  });

  it("reports a folder it cannot write to as a SpillError naming the file", () => {
    const path = join(dir, "missing-folder", "c.spill");
    expect(() => new SpillFile(path)).toThrow(SpillError);
    try {
      new SpillFile(path);
    } catch (e) {
      expect((e as SpillError).path).toBe(path);
      expect((e as SpillError).reason).toBe("ENOENT");
    }
  });
});
