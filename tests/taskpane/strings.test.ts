/** The string table: every text in Dutch and English, with the same placeholders in both. */
import { FIELD_LABELS, KEY_FIGURE_LABELS, STRINGS, formatMoney, t } from "../../src/taskpane/strings";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test.each(Object.entries(STRINGS))("%s has Dutch and English with the same placeholders", (_key, text) => {
  expect(text.nl.trim()).not.toBe("");
  expect(text.en.trim()).not.toBe("");
  expect(placeholders(text.nl)).toEqual(placeholders(text.en));
});

test("labels exist in both languages", () => {
  for (const label of [...Object.values(FIELD_LABELS), ...Object.values(KEY_FIGURE_LABELS)]) {
    expect(label.nl).not.toBe("");
    expect(label.en).not.toBe("");
  }
});

test("t fills placeholders and leaves unknown ones visible", () => {
  expect(t("nl", "ledgerOption", { label: "Tabel Grootboek", rows: 74 })).toBe("Tabel Grootboek (74 regels)");
  expect(t("en", "ledgerOption", { label: "Table Ledger", rows: 74 })).toBe("Table Ledger (74 lines)");
  expect(t("nl", "ledgerOption", { label: "X" })).toBe("X ({rows} regels)");
});

test("money in Dutch and English notation", () => {
  expect(formatMoney(3120, "nl").replace(/\s/g, " ")).toBe("€ 3.120");
  expect(formatMoney(3120, "en")).toBe("€3,120");
});
