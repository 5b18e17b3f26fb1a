import { formatEuro, formatNumber, formatPercent } from "../../src/model/format";

describe("formatting", () => {
  test("euro in Dutch and English", () => {
    expect(formatEuro(1234, "nl")).toBe("€ 1.234");
    expect(formatEuro(1234, "en")).toBe("€1,234");
    expect(formatEuro(1234567.891, "nl", 2)).toBe("€ 1.234.567,89");
    expect(formatEuro(-81000, "en")).toBe("-€81,000");
    expect(formatEuro(-0.2, "nl")).toBe("€ 0");
    expect(formatEuro(36)).toBe("€ 36");
  });

  test("percent from a fraction", () => {
    expect(formatPercent(0.22, "nl")).toBe("22%");
    expect(formatPercent(0.107, "nl", 1)).toBe("10,7%");
    expect(formatPercent(0.107, "en", 1)).toBe("10.7%");
    expect(formatPercent(-0.05, "en")).toBe("-5%");
  });

  test("plain numbers", () => {
    expect(formatNumber(0.31, "nl", 2)).toBe("0,31");
    expect(formatNumber(0.31, "en", 2)).toBe("0.31");
    expect(formatNumber(100000, "nl")).toBe("100.000");
    expect(formatNumber(100000, "en")).toBe("100,000");
    expect(formatNumber(4.4, "nl", 2, true)).toBe("4,4");
    expect(formatNumber(56, "nl", 1, true)).toBe("56");
    expect(formatNumber(-0.001, "nl", 1)).toBe("0,0");
    expect(formatNumber(NaN)).toBe("NaN");
  });
});
