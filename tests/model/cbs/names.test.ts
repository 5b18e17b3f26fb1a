import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import { getCbsData } from "../../../src/model/cbs/data";
import { mergerData } from "./mergerData";
import { findMunicipality, municipalityNames, nameKey } from "../../../src/model/cbs/names";

/** The names as the CSV spells them: the table tests run over the source, not over the shipped JSON. */
const CSV = join(__dirname, "../../../../shared/domain/cbs/gemeenten.csv");
const csvNames = [
  ...new Set(
    readFileSync(CSV, "utf8")
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim() !== "")
      .map((l) => l.split(";")[1]),
  ),
];
const cbsSuffixed = new Map(
  readFileSync(CSV, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split(";"))
    .map((c) => [c[1], c[2]] as const),
);

const stripAccents = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const matchOf = (input: string, year?: number) => {
  const r = findMunicipality(input, year);
  return r.kind === "match" ? r.name : r.kind;
};

describe("every CBS name resolves to itself", () => {
  it("the CSV and the shipped data have the same 342 names", () => {
    expect(csvNames).toHaveLength(342);
    expect([...getCbsData().names].sort()).toEqual([...csvNames].sort());
  });

  it("no two CBS names fold to the same key", () => {
    expect(new Set(csvNames.map(nameKey)).size).toBe(342);
  });

  it.each(csvNames)(
    "%s: as spelled, lower case, with 'Gemeente', without accents, CBS's suffixed name",
    (name) => {
      expect(matchOf(name)).toBe(name);
      expect(matchOf(name.toLowerCase())).toBe(name);
      expect(matchOf(name.toUpperCase())).toBe(name);
      expect(matchOf(`Gemeente ${name}`)).toBe(name);
      expect(matchOf(`gemeente ${name.toLowerCase()}`)).toBe(name);
      expect(matchOf(stripAccents(name))).toBe(name);
      expect(matchOf(`  ${name}  `)).toBe(name);
      expect(matchOf(cbsSuffixed.get(name)!)).toBe(name);
      expect(matchOf(name, 2023)).toBe(name);
    },
  );
});

describe("names as people say them", () => {
  it.each([
    ["Den Haag", "'s-Gravenhage"],
    ["Gemeente Den Haag", "'s-Gravenhage"],
    ["The Hague", "'s-Gravenhage"],
    ["s-Gravenhage", "'s-Gravenhage"],
    ["’s-Gravenhage", "'s-Gravenhage"],
    ["Den Bosch", "'s-Hertogenbosch"],
    ["'s Hertogenbosch", "'s-Hertogenbosch"],
    ["Sudwest-Fryslan", "Súdwest-Fryslân"],
    ["Súdwest Fryslân", "Súdwest-Fryslân"],
    ["Zuidwest-Friesland", "Súdwest-Fryslân"],
    ["Noardeast-Fryslan", "Noardeast-Fryslân"],
    ["De Friese Meren", "De Fryske Marren"],
    ["Tietjerksteradeel", "Tytsjerksteradiel"],
    ["Nuenen", "Nuenen, Gerwen en Nederwetten"],
    ["Bergen (NH)", "Bergen (NH.)"],
    ["Bergen NH", "Bergen (NH.)"],
    ["Bergen (Noord-Holland)", "Bergen (NH.)"],
    ["Bergen (L.)", "Bergen (L.)"],
    ["Bergen (L)", "Bergen (L.)"],
    ["Bergen (Limburg)", "Bergen (L.)"],
    ["Bergen op Zoom", "Bergen op Zoom"],
    ["Utrecht (gemeente)", "Utrecht"],
    ["Groningen (gemeente)", "Groningen"],
    ["Hengelo (O.)", "Hengelo"],
    ["Hengelo (Overijssel)", "Hengelo"],
    ["Rijswijk (ZH)", "Rijswijk"],
    ["Laren (NH.)", "Laren"],
    ["Beek (L.)", "Beek"],
    ["GEMEENTE ZWOLLE", "Zwolle"],
    ["zwolle", "Zwolle"],
  ])("%s is %s", (input, name) => {
    expect(matchOf(input)).toBe(name);
  });
});

describe("asked, never guessed", () => {
  it("Bergen alone is ambiguous between the two Bergens", () => {
    const r = findMunicipality("Bergen");
    expect(r).toMatchObject({ kind: "ambiguous", candidates: ["Bergen (L.)", "Bergen (NH.)"] });
    if (r.kind === "ambiguous") {
      expect(r.message.nl).toContain("Bergen (L.) of Bergen (NH.)");
      expect(r.message.en).toContain("Bergen (L.) or Bergen (NH.)");
    }
  });

  it("a typo is unknown, with the close names as suggestions", () => {
    expect(findMunicipality("Zwole")).toMatchObject({ kind: "unknown", suggestions: ["Zwolle"] });
    expect(findMunicipality("Amsterdm")).toMatchObject({ kind: "unknown", suggestions: ["Amsterdam"] });
  });

  it("a name that means nothing is unknown, saying to write CBS's spelling", () => {
    const r = findMunicipality("Qwxyzzz");
    expect(r).toMatchObject({ kind: "unknown", suggestions: [] });
    if (r.kind === "unknown") expect(r.message.nl).toMatch(/^CBS kent geen gemeente 'Qwxyzzz'/);
  });

  it("a merged municipality suggests its successor and says since when", () => {
    const r = findMunicipality("Weesp");
    expect(r).toMatchObject({ kind: "unknown", suggestions: ["Amsterdam"] });
    if (r.kind === "unknown") {
      expect(r.message.nl).toContain("sinds 2022 opgegaan in Amsterdam");
      expect(r.message.en).toContain("became part of Amsterdam in 2022");
    }
  });

  it("Nederland is not a municipality", () => {
    const r = findMunicipality("Nederland");
    expect(r.kind).toBe("notMunicipality");
    expect(r.kind !== "match" && r.message.nl).toMatch(/^'Nederland' is geen gemeente/);
    expect(findMunicipality("gemeente nederland").kind).toBe("notMunicipality");
  });

  it("an empty name is unknown", () => {
    expect(findMunicipality("  ").kind).toBe("unknown");
  });
});

describe("a municipality CBS lacks in a year", () => {
  const data = mergerData();

  it("says which years CBS has", () => {
    const r = findMunicipality("Oudstad", 2024, data);
    expect(r).toMatchObject({ kind: "notInYear", name: "Oudstad", year: 2024, years: [2023] });
    if (r.kind === "notInYear")
      expect(r.message.nl).toContain("CBS heeft Oudstad niet in 2024 (wel in 2023)");
  });

  it("a year outside all of CBS's years is no such case (the nearest year is used)", () => {
    expect(findMunicipality("Oudstad", 2022, data).kind).toBe("match");
    expect(findMunicipality("Nieuwstad", 2030, data).kind).toBe("match");
  });
});

describe("property: any CBS name in any case, with or without accents and 'Gemeente', is itself", () => {
  const ACCENTS = ["\u0301", "\u0300", "\u0302", "\u0308"];
  it("resolves to itself", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...csvNames),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.array(fc.nat(3), { minLength: 60, maxLength: 60 }),
        fc.constantFrom("", "Gemeente ", "gemeente ", "GEMEENTE  ", "De gemeente "),
        (name, upper, accent, prefix) => {
          const chars = [...stripAccents(name)].map((ch, i) => {
            const cased = upper[i % 60] ? ch.toUpperCase() : ch.toLowerCase();
            return /[aeiou]/i.test(ch) && accent[i % 60] < 2 ? cased + ACCENTS[accent[i % 60]] : cased;
          });
          return matchOf(prefix + chars.join("").normalize("NFC")) === name;
        },
      ),
    );
  });

  it("with a prefix it resolves to itself too", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...csvNames),
        fc.constantFrom("Gemeente ", "gemeente ", "De gemeente "),
        (name, prefix) => matchOf(prefix + name) === name,
      ),
    );
  });

  it("never throws and never matches more than one name on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = findMunicipality(s);
        return r.kind !== "match" || csvNames.includes(r.name);
      }),
    );
  });

  it("names of Object.prototype's members are unknown text, not a crash (found by the property above)", () => {
    for (const s of ["__proto__", "constructor", "toString", "hasOwnProperty"])
      expect(findMunicipality(s).kind).toBe("unknown");
  });
});

describe("type-ahead over the names (offline)", () => {
  it("gives names starting with the typed text first", () => {
    expect(municipalityNames("zwo")).toEqual(["Zwolle"]);
    expect(municipalityNames("berg").slice(0, 5)).toEqual([
      "Berg en Dal",
      "Bergeijk",
      "Bergen (L.)",
      "Bergen (NH.)",
      "Bergen op Zoom",
    ]);
    expect(municipalityNames("")).toHaveLength(342);
  });
});
