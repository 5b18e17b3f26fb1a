/** The pane's settings: defaults from Office's display language, tolerant loading, localStorage fallback. */
import {
  PANE_SETTINGS_KEY,
  languageFromDisplay,
  loadSettings,
  localStorageStore,
  saveSettings,
} from "../../src/taskpane/settings";

const storeWith = (value: unknown) => ({
  get: (k: string) => (k === PANE_SETTINGS_KEY ? value : null),
  set: () => undefined,
  saveAsync: () => undefined,
});

test.each([
  ["nl-NL", "nl"],
  ["nl-BE", "nl"],
  ["NL", "nl"],
  ["en-US", "en"],
  ["de-DE", "en"],
  ["", "en"],
  [undefined, "en"],
])("display language %j → %s", (display, lang) => expect(languageFromDisplay(display)).toBe(lang));

test("without stored settings: the display language, the newest edition, default sheet names", () => {
  expect(loadSettings(null, "nl-NL")).toEqual({ language: "nl", sheetNames: {} });
  expect(loadSettings(storeWith(null), "en-GB")).toEqual({ language: "en", sheetNames: {} });
});

test("stored settings win; malformed parts fall back to the defaults", () => {
  expect(
    loadSettings(
      storeWith({
        language: "en",
        editionId: "ibg-2023",
        sheetNames: { trend: " T ", comparison: 3, x: "y" },
      }),
      "nl-NL",
    ),
  ).toEqual({ language: "en", editionId: "ibg-2023", sheetNames: { trend: "T" } });
  expect(loadSettings(storeWith({ language: "fr", editionId: "" }), "nl-NL")).toEqual({
    language: "nl",
    sheetNames: {},
  });
  expect(loadSettings(storeWith("garbage"), "nl-NL").language).toBe("nl");
  const throwing = {
    ...storeWith(null),
    get: () => {
      throw new Error("no settings");
    },
  };
  expect(loadSettings(throwing, "en-US").language).toBe("en");
});

test("localStorage fallback round-trips through JSON", async () => {
  const mem = new Map<string, string>();
  const store = localStorageStore({
    getItem: (k) => mem.get(k) ?? null,
    setItem: (k, v) => void mem.set(k, v),
  });
  expect(await saveSettings(store, { language: "en", sheetNames: { comparison: "Vgl" } })).toBe(true);
  expect(loadSettings(store, "nl-NL")).toEqual({ language: "en", sheetNames: { comparison: "Vgl" } });
  mem.set(PANE_SETTINGS_KEY, "{not json");
  expect(loadSettings(store, "nl-NL").language).toBe("nl");
  expect(await saveSettings(null, { language: "nl", sheetNames: {} })).toBe(false);
});
