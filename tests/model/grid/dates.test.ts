import { parseDate, parsePeriod, yearFromSheetName } from "../../../src/model/grid/dates";

describe("parseDate", () => {
  it.each<[unknown, string]>([
    ["15-07-2022", "2022-07-15"],
    ["5-7-2022", "2022-07-05"],
    ["15/07/2022", "2022-07-15"],
    ["15.07.2022", "2022-07-15"],
    ["07/15/2022", "2022-07-15"],
    ["15-07-22", "2022-07-15"],
    ["2022-07-15", "2022-07-15"],
    ["2022-07-15T00:00:00", "2022-07-15"],
    ["2022-07-15 13:45", "2022-07-15"],
    ["20220715", "2022-07-15"],
    [20220715, "2022-07-15"],
    [44757, "2022-07-15"], // Excel serial
    [44757.5, "2022-07-15"],
    [44562, "2022-01-01"],
    [new Date(Date.UTC(2023, 11, 31)), "2023-12-31"],
  ])("reads %p as %s", (v, iso) => {
    expect(parseDate(v)).toBe(iso);
  });

  it.each<unknown>(["31-02-2022", "2022-13-01", "abc", "", 12, 1e9, NaN, null, true, "15-07-1890", "1-2-3"])(
    "refuses %p",
    (v) => {
      expect(parseDate(v)).toBeNull();
    },
  );
});

describe("parsePeriod", () => {
  it.each<[unknown, { year: number | null; period: number }]>([
    ["2022-07", { year: 2022, period: 7 }],
    ["2022/7", { year: 2022, period: 7 }],
    ["202207", { year: 2022, period: 7 }],
    [202213, { year: 2022, period: 13 }],
    ["07-2022", { year: 2022, period: 7 }],
    ["P7", { year: null, period: 7 }],
    ["7", { year: null, period: 7 }],
    [7, { year: null, period: 7 }],
  ])("reads %p", (v, p) => {
    expect(parsePeriod(v)).toEqual(p);
  });

  it.each<unknown>(["0", 14, "2022-14", "juli", "", null])("refuses %p", (v) => {
    expect(parsePeriod(v)).toBeNull();
  });
});

describe("yearFromSheetName", () => {
  it.each<[unknown, number | null]>([
    ["2022", 2022],
    ["Grootboek 2022", 2022],
    ["GB2023", 2023],
    ["2022 (2)", 2022],
    ["2022-2023", null],
    ["Blad1", null],
    ["Grootboek", null],
    [undefined, null],
  ])("%p gives %p", (name, year) => {
    expect(yearFromSheetName(name)).toBe(year);
  });
});
