import { IV3_SOURCE, parseIv3Category, parseTaakveld } from "../../../src/model/iv3";

describe("parseTaakveld", () => {
  it.each<[unknown, string, string | null]>([
    ["0.4 Overhead", "0.4", "Overhead"],
    ["0.4", "0.4", "Overhead"],
    [0.4, "0.4", "Overhead"],
    ["Overhead, ondersteuning organisatie", "0.4", "Overhead"],
    ["Overhead", "0.4", "Overhead"],
    ["Taakveld 0.4", "0.4", "Overhead"],
    ["0.4 - Overhead", "0.4", "Overhead"],
    ["0.10 Mutaties reserves", "0.10", "Mutaties reserves"],
    ["0.1 Bestuur", "0.1", "Bestuur"],
    ["6.2 Wijkteams", "6.2", "Toegang en eerstelijnsvoorzieningen"], // its name until 2022
    ["Wijkteams", "6.2", "Toegang en eerstelijnsvoorzieningen"],
    ["6.711 Huishoudelijke hulp (WMO)", "6.711", "Huishoudelijke hulp (WMO)"],
    ["9.9 Iets nieuws", "9.9", null],
    ["2.1 Verkeer en vervoer", "2.1", "Verkeer en vervoer"],
  ])("reads %p as %s", (v, code, name) => {
    expect(parseTaakveld(v)).toEqual({ code, name });
  });

  it.each<unknown>(["", "   ", "Onbekend", null, true, 123456, "ab"])("gives null for %p", (v) => {
    expect(parseTaakveld(v)).toBeNull();
  });
});

describe("parseIv3Category", () => {
  it.each<[unknown, string, string | null]>([
    ["1.1 Salarissen en sociale lasten", "1.1", "Salarissen en sociale lasten"],
    ["3.5.1 Ingeleend personeel", "3.5.1", "Ingeleend personeel"],
    ["3.8 Overige goederen en diensten", "3.8", "Overige goederen en diensten"],
    ["4.3.3 Gemeenschappelijke regelingen", "4.3.3", "Inkomensoverdrachten - gemeenschappelijke regelingen"],
    ["7.3 Afschrijvingen", "7.3", "Afschrijvingen"],
    ["7.3", "7.3", "Afschrijvingen"],
    ["Ingeleend personeel", "3.5.1", "Ingeleend personeel"],
    ["Afschrijvingen", "7.3", "Afschrijvingen"],
    ["4.4.1 Kapitaaloverdrachten - Rijk", "4.4.1", "Kapitaaloverdrachten - Rijk"], // until 2024
    ["3.9 Nieuw", "3.9", null],
  ])("reads %p as %s", (v, code, name) => {
    expect(parseIv3Category(v)).toEqual({ code, name });
  });

  it("cites CBS as the source", () => {
    expect(IV3_SOURCE).toMatch(
      /^CBS, Iv3-definities gemeenten 2017–2026 .*statistiekcbs\/iv3_definities.*CC BY 4\.0/,
    );
  });
});
