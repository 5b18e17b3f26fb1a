import { getCbsData, loadCbsData } from "../../../src/model/cbs/data";
import { cbsKeyFigures, figureDifference, nearestYear } from "../../../src/model/cbs/fill";

describe("CBS's key figures of a municipality for a book year", () => {
  it("Zwolle 2023: 132,411 inhabitants and the jaarrekening's lasten excl. reserves, each with its source", () => {
    const z = cbsKeyFigures("Zwolle", 2023)!;
    expect(z.inhabitants).toEqual({ value: 132411, year: 2023, source: "CBS, gemeenteklassen 2023" });
    expect(z.budget).toEqual({
      value: 706_477_000,
      year: 2023,
      source: "CBS, Iv3 jaarrekening 2023",
      document: "jaarrekening",
    });
    expect(z.sizeClass.value).toBe("100000tot150000inwoners");
    expect(z.sizeClass.label.nl).toBe("100.000 tot 150.000 inwoners");
    expect(z.urbanity).toBe("Sterkstedelijk");
    expect(z.province).toBe("Overijssel");
    expect(z.notes).toEqual({});
  });

  it("a year CBS has only a begroting for takes the begroting, and says so in the source", () => {
    const z = cbsKeyFigures("Zwolle", 2024)!;
    expect(z.inhabitants.value).toBe(133141);
    expect(z.budget).toMatchObject({
      value: 723_318_000,
      document: "begroting",
      source: "CBS, Iv3 begroting 2024",
    });
  });

  it("a municipality missing from the jaarrekening takes that year's begroting (Vijfheerenlanden 2023)", () => {
    const v = cbsKeyFigures("Vijfheerenlanden", 2023)!;
    expect(v.budget?.document).toBe("begroting");
    expect(v.budget?.source).toBe("CBS, Iv3 begroting 2023");
  });

  it("a municipality that filed nothing for a year gets no budget and is told to enter it", () => {
    const v = cbsKeyFigures("Vijfheerenlanden", 2025)!;
    expect(v.budget).toBeUndefined();
    expect(v.notes.budget?.nl).toBe(
      "CBS heeft van Vijfheerenlanden geen Iv3-cijfers (begroting) over 2025: vul de totale begroting zelf in.",
    );
    expect(v.inhabitants.value).toBe(62554);
  });

  it("a book year outside CBS's years: inhabitants of the nearest year (said), no budget of another year", () => {
    const z = cbsKeyFigures("Zwolle", 2022)!;
    expect(z.inhabitants).toMatchObject({ value: 132411, year: 2023 });
    expect(z.notes.inhabitants?.nl).toBe(
      "CBS heeft geen inwonertal van Zwolle voor 2022 (wel 2023–2025): het aantal inwoners is dat van 2023.",
    );
    expect(z.notes.inhabitants?.en).toContain("the number of inhabitants is that of 2023");
    expect(z.budget).toBeUndefined();
    expect(z.notes.budget?.nl).toBe(
      "CBS heeft geen begroting of jaarrekening over 2022 (wel over 2023–2025): vul de totale begroting zelf in.",
    );
    expect(cbsKeyFigures("Zwolle", 2031)!.inhabitants).toMatchObject({ value: 133830, year: 2025 });
  });

  it("an unknown name has no figures", () => {
    expect(cbsKeyFigures("Voorbeeldrade", 2023)).toBeUndefined();
  });

  it("nearest year: the later one on a tie", () => {
    expect(nearestYear([2023, 2025], 2024)).toBe(2025);
    expect(nearestYear([2023, 2024, 2025], 2019)).toBe(2023);
    expect(nearestYear([], 2024)).toBeUndefined();
  });
});

describe("a user's figure beside CBS's", () => {
  const cbs = { value: 43870, year: 2023, source: "CBS, gemeenteklassen 2023" };
  it("within 2% is no news", () => {
    expect(figureDifference("inhabitants", 43512, cbs)).toBeUndefined(); // -0.8%
    expect(figureDifference("inhabitants", 43870 * 1.02, cbs)).toBeUndefined();
  });
  it("more than 2% away is shown as 'u: …, CBS 2023: …', the user's figure used", () => {
    const d = figureDifference("inhabitants", 40000, cbs)!;
    expect(d.relative).toBeCloseTo(-0.0882, 4);
    expect(d.message.nl).toBe(
      "Inwoners: u 40.000, CBS 2023: 43.870 (-8,8%); uw cijfer geldt. Bron: CBS, gemeenteklassen 2023.",
    );
    expect(d.message.en).toBe(
      "Inhabitants: you 40,000, CBS 2023: 43,870 (-8.8%); your figure is used. Source: CBS, gemeenteklassen 2023.",
    );
  });
  it("a budget is compared with the lasten excl. reserves, in euros", () => {
    const d = figureDifference("budget", 800_000_000, {
      value: 706_477_000,
      year: 2023,
      source: "CBS, Iv3 jaarrekening 2023",
    })!;
    expect(d.message.nl).toBe(
      "Totale begroting: u € 800.000.000, CBS 2023 (lasten excl. reserves): € 706.477.000 (+13,2%); uw cijfer geldt. Bron: CBS, Iv3 jaarrekening 2023.",
    );
  });
});

describe("the shipped data", () => {
  it("has 342 municipalities in every year and the Nederland totals of the CSV", () => {
    const d = getCbsData();
    expect(d.classYears).toEqual([2023, 2024, 2025]);
    for (const y of d.classYears) expect(d.municipalities(y)).toHaveLength(342);
    expect(d.documents.map((x) => `${x.document} ${x.year}`)).toEqual([
      "jaarrekening 2023",
      "begroting 2023",
      "begroting 2024",
      "begroting 2025",
    ]);
    expect(d.iv3Nederland("jaarrekening", 2023)).toMatchObject({
      inhabitants: 17811291,
      overhead: 8_662_696_000,
      lastenExclReserves: 75_164_737_000,
    });
    expect(d.iv3("Zwolle", "jaarrekening", 2023)).toMatchObject({
      inhabitants: 132411,
      overhead: 57_683_000,
      overheadSalaries: 20_494_000,
    });
    expect(d.iv3All("jaarrekening", 2023)).toHaveLength(341); // Vijfheerenlanden filed none
  });

  it("refuses Iv3 series that do not line up with the names", () => {
    expect(() =>
      loadCbsData(
        {
          source: "",
          licence: "",
          names: ["A"],
          cbsNames: {},
          classes: [],
          urbanity: [],
          provinces: [],
          years: {},
        },
        { source: "", licence: "", unit: "k€", count: 2, docs: {} },
      ),
    ).toThrow(/2 Iv3 series for 1 names/);
  });
});
