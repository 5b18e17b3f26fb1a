import { createHash } from "crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ClassifiedJson, issueText } from "../../src/cli/commands";
import { run } from "../../src/cli/cli";
import { isCategoryCode } from "../../src/model/taxonomy";

const DEV = join(__dirname, "../fixtures/cli/ledger-dev.csv");
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "ictcost-classify-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ictcost classify --json", () => {
  let result: Awaited<ReturnType<typeof run>>;
  let lines: ClassifiedJson[];
  beforeAll(async () => {
    result = await run(["classify", DEV, "--json"]);
    lines = JSON.parse(result.stdout);
  });

  it("exits 0 with only JSON on stdout: one object per cost line, in source order", () => {
    expect(result.exitCode).toBe(0);
    expect(lines).toHaveLength(74);
    expect(lines.map((l) => l.row)).toEqual(Array.from({ length: 74 }, (_, i) => i + 2));
    expect(lines[0]).toMatchObject({
      row: 2,
      description: "Abonnement Microsoft 365 E5 (420 gebruikers) 2022",
      supplier: "Microsoft Ireland Operations Ltd",
      amount: 178920,
    });
    expect(lines[72]).toMatchObject({ description: "Creditnota dubbele factuur laptops", amount: -4790 });
  });

  it("gives every line exactly the documented fields", () => {
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(
        [
          "amount",
          "category",
          "confidence",
          "delivery",
          "description",
          "row",
          "rule",
          "staffing",
          "supplier",
        ].sort(),
      );
      expect(isCategoryCode(l.category)).toBe(true);
      expect([null, "saas", "on-premise"]).toContain(l.delivery);
      expect([null, "own", "hired"]).toContain(l.staffing);
      expect(l.rule.length).toBeGreaterThan(0);
    }
  });

  it("ignores the verwacht_* answer columns: no line is decided by a user's own category", () => {
    // With the answer key read as the user's category every line would be 100% right and say so.
    const csv = readFileSync(DEV, "utf8").split("\n").slice(1);
    const scrambled = [
      "omschrijving;leverancier;grootboekrekening;bedrag;verwacht_categorie;verwacht_levering;verwacht_personeel;fte",
    ]
      .concat(csv.map((line) => line.replace(/;(SW|PE|IN|XX)\.[A-Z]{2};/, ";XX.NI;")))
      .join("\n");
    const path = join(dir, "scrambled.csv");
    writeFileSync(path, scrambled);
    return run(["classify", path, "--json"]).then((r) => {
      const scrambledLines: ClassifiedJson[] = JSON.parse(r.stdout);
      expect(scrambledLines.map((l) => l.category)).toEqual(lines.map((l) => l.category));
      expect(scrambledLines.filter((l) => l.category === "XX.NI").length).toBeLessThan(10);
    });
  });

  it("puts the summary on stderr, not stdout", () => {
    expect(result.stderr).toMatch(/^74 regels gecategoriseerd, \d+ onbekend \(€ [\d.]+\), 0 overgeslagen$/m);
    expect(result.stderr).toMatch(/^74 lines categorised, \d+ unclassified \(€[\d,]+\), 0 skipped$/m);
  });

  it("leaves the input file's bytes unchanged", async () => {
    const path = join(dir, "copy.csv");
    copyFileSync(DEV, path);
    const before = sha(path);
    await run(["classify", path, "--json"]);
    await run(["classify", path]);
    expect(sha(path)).toBe(before);
  });
});

describe("ictcost classify (table)", () => {
  it("prints one row per line with Dutch amounts, category code and label, and a summary", async () => {
    const r = await run(["classify", DEV]);
    expect(r.exitCode).toBe(0);
    const out = r.stdout.split("\n");
    expect(out[0]).toMatch(
      /^Rij\s+Omschrijving\s+Bedrag\s+Categorie\s+Levering\s+Personeel\s+Regel\s+Zekerheid$/,
    );
    const body = out.slice(2, out.indexOf(""));
    expect(body).toHaveLength(74);
    expect(body[0]).toMatch(/^ {2}2 {2}Abonnement Microsoft 365 E5.* 178\.920,00 {2}SW\.\w\w \S/);
    expect(r.stdout).toContain("-4.790,00");
    expect(r.stdout).toMatch(/74 regels gecategoriseerd, \d+ onbekend \(€ [\d.]+\), 0 overgeslagen/);
  });

  it("reports unreadable rows on stderr with the sheet and row, and counts them as skipped", async () => {
    const path = join(dir, "issues.csv");
    writeFileSync(
      path,
      "Omschrijving;Bedrag\nTOPdesk abonnement;1.200,00\nKPN mobiel;twaalf euro\n\nTotaal;1.200,00\n",
    );
    const r = await run(["classify", path]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/^issues\.csv: Rij 3: .*twaalf euro.* \/ Row 3: .*twaalf euro/m);
    expect(r.stdout).toMatch(/1 regels gecategoriseerd, \d onbekend \(€ [\d.]+\), 1 overgeslagen/);
  });
});

describe("ictcost errors", () => {
  const expectUserError = (r: Awaited<ReturnType<typeof run>>, pattern: RegExp) => {
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  };

  it("exits 2 on a missing file", async () => {
    expectUserError(
      await run(["classify", join(dir, "bestaat-niet.csv")]),
      /Bestand niet gevonden.* \/ File not found/,
    );
  });

  it("exits 2 on an unsupported extension", async () => {
    const path = join(dir, "grootboek.pdf");
    writeFileSync(path, "%PDF-1.4");
    expectUserError(await run(["classify", path]), /niet ondersteund.* \/ Unsupported file type '\.pdf'/);
  });

  it("exits 2 when no ledger header is found", async () => {
    const path = join(dir, "geen-kop.csv");
    writeFileSync(path, "Naam;Adres\nJan;Dorpsstraat 1\n");
    expectUserError(await run(["classify", path]), /Geen grootboek gevonden.* \/ No ledger found/);
  });

  it("exits 2 on a file that is no workbook", async () => {
    const path = join(dir, "kapot.xlsx");
    writeFileSync(path, "dit is geen zip");
    expectUserError(await run(["classify", path]), /Excel-bestand onleesbaar.* \/ Unreadable Excel file/);
  });

  it("exits 2 on an unknown command, an unknown flag or a missing argument", async () => {
    expectUserError(await run(["classificeer", DEV]), /Onbekend commando: classificeer/);
    expectUserError(await run(["classify", DEV, "--xml"]), /Onbekende optie: --xml \/ Unknown option: --xml/);
    expectUserError(await run(["classify"]), /Verkeerd aantal argumenten/);
    expectUserError(await run(["classify", DEV, "--sheet"]), /--sheet mist een waarde/);
  });
});

describe("ictcost --help and --version", () => {
  it("prints help in Dutch and English", async () => {
    for (const argv of [[], ["--help"], ["-h"]]) {
      const r = await run(argv);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toContain(
        "classify <bestand.csv|bestand.xlsx> [--sheet S] [--map VELD=KOP,…] [--json]",
      );
      expect(r.stdout).toContain("Categoriseer elke kostenregel");
      expect(r.stdout).toContain("Categorise every cost line");
    }
    const r = await run(["classify", "--help"]);
    expect(r.stdout).toMatch(/--sheet S\s+werkblad met het grootboek \/ sheet holding the ledger/);
  });

  it("prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8"));
    expect(await run(["--version"])).toEqual({ exitCode: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });
});

describe("issueText", () => {
  it("names the sheet, and the row where the message does not", () => {
    const message = (nl: string, en: string) => ({ nl, en });
    expect(issueText({ sheet: "Grootboek", row: 7, message: message("Rij 7: kapot", "Row 7: broken") })).toBe(
      "Grootboek: Rij 7: kapot / Row 7: broken",
    );
    expect(issueText({ sheet: "Kerngegevens", row: 3, message: message("geen getal", "not a number") })).toBe(
      "Kerngegevens, rij 3: geen getal / not a number",
    );
    expect(issueText({ row: 3, message: message("geen getal", "not a number") })).toBe(
      "rij 3: geen getal / not a number",
    );
  });
});

describe("ictcost classify --map", () => {
  const headers = "Tekst;Crediteur X;Waarde excl btw;Jaar\n";
  const rows = "Licentie Centric Key2Burgerzaken;Centric;12.000,00;2023\nLaptops;Dell;8.500,00;2023\n";

  it("reads a ledger whose headers the reader does not know, once the columns are pointed out", async () => {
    const path = join(dir, "onbekende-koppen.csv");
    writeFileSync(path, headers + rows);
    const refused = await run(["classify", path]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/--map description=KOP,amount=KOP/);
    const r = await run([
      "classify",
      path,
      "--json",
      "--map",
      "description=Tekst, amount=waarde EXCL btw,supplier=Crediteur X",
    ]);
    expect(r.exitCode).toBe(0);
    const lines = JSON.parse(r.stdout) as { description: string; supplier: string; amount: number }[];
    expect(lines.map((l) => [l.description, l.supplier, l.amount])).toEqual([
      ["Licentie Centric Key2Burgerzaken", "Centric", 12000],
      ["Laptops", "Dell", 8500],
    ]);
  });

  it("names the columns there are when a header is not found, and the fields when a field is unknown", async () => {
    const path = join(dir, "onbekende-koppen-2.csv");
    writeFileSync(path, headers + rows);
    const noColumn = await run(["classify", path, "--map", "amount=Bedrag"]);
    expect(noColumn.exitCode).toBe(2);
    expect(noColumn.stderr).toMatch(/kolom 'Bedrag' niet gevonden; kolommen: 'Tekst', 'Crediteur X'/);
    const noField = await run(["classify", path, "--map", "bedrag=Tekst"]);
    expect(noField.exitCode).toBe(2);
    expect(noField.stderr).toMatch(/onbekend veld 'bedrag'; velden: description, amount/);
  });
});

describe("a column the reader had to guess", () => {
  const csv = () => {
    const path = join(dir, "twee-omschrijvingen.csv");
    writeFileSync(
      path,
      "Omschrijving;OMSCHRIJVING;Crediteur;Bedrag\nLaptops Dell;Werkplek;Dell;1000\nAzure hosting;Cloud;Microsoft;2000\n",
    );
    return path;
  };

  it("prints what it read and the reusable --map flag; with that flag (any header) nothing is guessed", async () => {
    const file = csv();
    const guessed = await run(["classify", file, "--json"]);
    expect(guessed.exitCode).toBe(0);
    expect(guessed.stderr).toContain(
      "Kolom geraden: omschrijving staat in 'Omschrijving' en 'OMSCHRIJVING'; gelezen is 'Omschrijving'. " +
        'Leg de keuze vast met --map "description=Omschrijving"',
    );
    const compared = await run(["compare", file, "--inhabitants", "1000"]);
    expect(compared.stderr).toContain('--map "description=Omschrijving"');

    // The other column, by its exact text (it folds like the first): read, and no guess reported.
    const chosen = await run(["classify", file, "--map", "description=OMSCHRIJVING", "--json"]);
    expect(chosen.stderr).not.toContain("Kolom geraden");
    expect((JSON.parse(chosen.stdout) as ClassifiedJson[]).map((l) => l.description)).toEqual([
      "Werkplek",
      "Cloud",
    ]);
  });
});
