/** src/cli/table.ts: the terminal table of `classify` and `compare` (issue 14, item 1). */
import { renderTable } from "../../src/cli/table";

describe("renderTable", () => {
  it("aligns columns, cuts long text with …", () => {
    const out = renderTable(
      [
        { header: "Rij", align: "right" },
        { header: "Omschrijving", maxWidth: 6 },
      ],
      [
        ["2", "Licenties"],
        ["10", "ICT"],
      ],
    );
    expect(out).toBe("Rij  Omschrijving\n---  ------------\n  2  Licen…\n 10  ICT\n");
  });

  it("renders 200,000 rows (Math.max over every row overflowed the stack at about 125,000)", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [
      String(i + 2),
      i === 150_000 ? "langste omschrijving" : "x",
    ]);
    const out = renderTable([{ header: "Rij", align: "right" }, { header: "Omschrijving" }], rows);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(200_002);
    expect(lines[1]).toBe("------  --------------------");
    expect(lines[2]).toBe("     2  x");
    expect(lines[150_002]).toBe("150002  langste omschrijving");
  });
});
