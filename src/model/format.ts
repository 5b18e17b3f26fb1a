/**
 * Numbers as the user reads them: Dutch "€ 1.234", "0,31", "22%"; English "€1,234", "0.31", "22%".
 * Done by hand rather than with Intl so that output is identical in every host (Node, Excel's webview).
 */
import { Language } from "./types";

const SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  nl: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

/** A number with grouping and a fixed count of decimals; `trim` drops trailing zero decimals. */
export function formatNumber(value: number, language: Language = "nl", decimals = 0, trim = false): string {
  if (!Number.isFinite(value)) return String(value);
  const { group, decimal } = SEPARATORS[language];
  const fixed = Math.abs(value).toFixed(decimals);
  let [whole, fraction = ""] = fixed.split(".");
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  if (trim) fraction = fraction.replace(/0+$/, "");
  // "-0" after rounding a tiny negative would look like a loss where there is none.
  const negative = value < 0 && Number(fixed) !== 0;
  return (negative ? "-" : "") + whole + (fraction ? decimal + fraction : "");
}

/** An amount in euro: nl "€ 1.234", en "€1,234"; the sign goes before the euro sign. */
export function formatEuro(value: number, language: Language = "nl", decimals = 0): string {
  const digits = formatNumber(Math.abs(value), language, decimals);
  const sign = value < 0 && digits.replace(/[^1-9]/g, "") !== "" ? "-" : "";
  return sign + (language === "nl" ? "€ " : "€") + digits;
}

/** A fraction as a percentage: 0.31 → "31%", 0.107 with 1 decimal → nl "10,7%", en "10.7%". */
export function formatPercent(fraction: number, language: Language = "nl", decimals = 0): string {
  return formatNumber(fraction * 100, language, decimals) + "%";
}
