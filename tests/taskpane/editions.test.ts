/**
 * Loading a newer benchmark edition in the task pane (controller, no DOM): a valid file is registered,
 * chosen and kept in the workbook's settings (and registered again when the pane starts on that workbook);
 * an invalid, too large or unreadable one shows its problems and registers, stores and chooses nothing.
 */
import { BUILTIN_EDITION, getEdition, listEditions, unregisterEdition } from "../../src/model/benchmark";
import builtinJson from "../../src/model/benchmark/edition-2023.json";
import { PaneController } from "../../src/taskpane/controller";
import { MAX_EDITION_ERRORS_SHOWN, registerStoredEditions } from "../../src/taskpane/editions";
import {
  EDITIONS_KEY,
  MAX_EDITION_BYTES,
  PANE_SETTINGS_KEY,
  SettingsStore,
  loadSettings,
  storedEditions,
  utf8Length,
} from "../../src/taskpane/settings";
import { FakeWorkflows, memoryStore } from "./fake-workflows";

const TEST_ID = "test-edition-2024";

type Json = Record<string, unknown> & { kpis: Record<string, Record<string, Record<string, unknown>>> };

/** A fictitious newer edition for the test: the shipped one, re-labelled, with a total of 109 for 2023. */
function newerEdition(id = TEST_ID): Json {
  const e = JSON.parse(JSON.stringify(builtinJson)) as Json;
  e.id = id;
  e.title = "Test Benchmark 2024";
  e.bookYear = 2023;
  e.publishedYear = 2024;
  e.kpis.total_per_inhabitant["2023"] = { value: 109, unit: "eur_per_inhabitant", source: { lines: "114" } };
  return e;
}

function setup(store: SettingsStore | null = memoryStore()) {
  const controller = new PaneController({
    workflows: new FakeWorkflows(),
    settings: { language: "nl", sheetNames: {} },
    store,
  });
  return { controller, store };
}

afterEach(() => {
  unregisterEdition(TEST_ID);
  unregisterEdition("second-edition");
});

describe("loading an edition in the pane", () => {
  test("a valid edition is registered, chosen and kept in the workbook's settings", async () => {
    const store = memoryStore();
    const { controller } = setup(store);
    const text = JSON.stringify(newerEdition(), null, 2);
    expect(await controller.loadEditionText(text)).toBe(true);

    expect(getEdition(TEST_ID)?.kpis.total_per_inhabitant?.["2023"].value).toBe(109);
    expect(controller.state.editions.map((e) => e.id)).toEqual([BUILTIN_EDITION.id, TEST_ID]);
    expect(controller.state.settings.editionId).toBe(TEST_ID);
    expect(store.data[EDITIONS_KEY]).toEqual({ [TEST_ID]: text });
    expect((store.data[PANE_SETTINGS_KEY] as { editionId?: string }).editionId).toBe(TEST_ID);
    expect(controller.state.editionLoad).toEqual({
      ok: true,
      message: {
        nl: "Test Benchmark 2024 (boekjaar 2023) is geladen, gekozen en in de werkmap bewaard.",
        en: "Test Benchmark 2024 (book year 2023) is loaded, chosen and kept in the workbook.",
      },
      errors: [],
      more: 0,
    });
  });

  test("the workflows get the loaded edition's id", async () => {
    const workflows = new FakeWorkflows();
    const controller = new PaneController({
      workflows,
      settings: { language: "nl", sheetNames: {} },
      store: null,
    });
    await controller.loadEditionText(JSON.stringify(newerEdition()));
    await controller.compare();
    expect(workflows.last("buildComparison")?.options?.editionId).toBe(TEST_ID);
  });

  test("an invalid edition shows every problem and registers, stores and chooses nothing", async () => {
    const store = memoryStore();
    const { controller } = setup(store);
    const bad = newerEdition();
    delete bad.title;
    bad.kpis.total_per_inhabitant["2023"].unit = "share";
    expect(await controller.loadEditionText(JSON.stringify(bad))).toBe(false);

    const load = controller.state.editionLoad;
    expect(load?.ok).toBe(false);
    expect(load?.message.nl).toBe("Dit is geen geldige benchmarkeditie; er is niets geladen. Problemen (2):");
    expect(load?.errors.map((e) => e.en)).toEqual([
      "title: missing or empty",
      'kpis.total_per_inhabitant.2023.unit: must be "eur_per_inhabitant"',
    ]);
    expect(getEdition(TEST_ID)).toBeUndefined();
    expect(controller.state.editions).toEqual(listEditions());
    expect(controller.state.settings.editionId).toBeUndefined();
    expect(store.data).toEqual({});
    expect(store.saves).toBe(0);
  });

  test("text that is no JSON, and empty text, are refused in words", async () => {
    const { controller } = setup();
    await controller.loadEditionText("{ id: ");
    expect(controller.state.editionLoad?.errors[0].en).toMatch(/^Not valid JSON: /);
    await controller.loadEditionText("  ");
    expect(controller.state.editionLoad?.message.en).toBe("Paste an edition's JSON first.");
  });

  test("lists the first 20 problems and counts the rest", async () => {
    const { controller } = setup();
    const bad = newerEdition() as Json & { figures: Record<string, unknown> };
    bad.figures = {};
    for (let i = 0; i < 25; i++) bad.figures[`f${i}`] = { "2023": { value: "x", unit: "count" } };
    await controller.loadEditionText(JSON.stringify(bad));
    expect(controller.state.editionLoad?.errors).toHaveLength(MAX_EDITION_ERRORS_SHOWN);
    expect(controller.state.editionLoad?.more).toBe(25 - MAX_EDITION_ERRORS_SHOWN);
  });

  test("an edition with the built-in edition's id is refused", async () => {
    const { controller } = setup();
    expect(await controller.loadEditionText(JSON.stringify(newerEdition(BUILTIN_EDITION.id)))).toBe(false);
    expect(controller.state.editionLoad?.message.en).toContain("give your edition an id of its own");
    expect(getEdition(BUILTIN_EDITION.id)).toBe(BUILTIN_EDITION);
  });

  test("a file over 500 kB is refused before it is read", async () => {
    const store = memoryStore();
    const { controller } = setup(store);
    const read = jest.fn(async () => JSON.stringify(newerEdition()));
    const ok = await controller.loadEditionFile({ name: "groot.json", size: MAX_EDITION_BYTES + 1, read });
    expect(ok).toBe(false);
    expect(read).not.toHaveBeenCalled();
    expect(controller.state.editionLoad?.message.nl).toBe(
      "groot.json is 501 kB; een editie mag hoogstens 500 kB zijn, omdat de werkmap maar ongeveer 2 MB aan instellingen kan bewaren.",
    );
    expect(store.data).toEqual({});
  });

  test("pasted text over 500 kB (counted in UTF-8) is refused too", async () => {
    const { controller } = setup();
    const big = newerEdition() as Json & { figures: Record<string, unknown> };
    big.figures = {
      padding: { "2023": { value: 1, unit: "count", note: { nl: "é".repeat(260_000), en: "x" } } },
    };
    const text = JSON.stringify(big);
    expect(text.length).toBeLessThan(MAX_EDITION_BYTES);
    expect(utf8Length(text)).toBeGreaterThan(MAX_EDITION_BYTES);
    expect(await controller.loadEditionText(text)).toBe(false);
    expect(getEdition(TEST_ID)).toBeUndefined();
  });

  test("a picked file is read, validated and loaded; a read failure is shown", async () => {
    const { controller } = setup();
    const text = JSON.stringify(newerEdition());
    const ok = await controller.loadEditionFile({
      name: "e.json",
      size: text.length,
      read: async () => text,
    });
    expect(ok).toBe(true);
    expect(controller.state.settings.editionId).toBe(TEST_ID);
    const failed = await controller.loadEditionFile({
      name: "e.json",
      size: 10,
      read: () => Promise.reject(new Error("permission denied")),
    });
    expect(failed).toBe(false);
    expect(controller.state.editionLoad?.message.en).toBe("e.json could not be read: permission denied.");
  });

  test("when the workbook refuses to save, the edition still applies for the session and says so", async () => {
    const { controller } = setup(memoryStore(true));
    expect(await controller.loadEditionText(JSON.stringify(newerEdition()))).toBe(true);
    expect(getEdition(TEST_ID)).toBeDefined();
    expect(controller.state.editionLoad?.message.en).toContain("could not be kept in the workbook");
    expect(controller.state.settingsSaved).toBe(false);
  });
});

describe("editions kept in the workbook", () => {
  test("are registered again at start, the invalid ones reported", async () => {
    const store = memoryStore();
    await setup(store).controller.loadEditionText(JSON.stringify(newerEdition()));
    const bad = newerEdition("second-edition");
    bad.bookYear = "later";
    store.data[EDITIONS_KEY] = { ...storedEditions(store), "second-edition": JSON.stringify(bad) };
    unregisterEdition(TEST_ID);
    expect(getEdition(TEST_ID)).toBeUndefined();

    // the pane starts again on the same workbook
    const problems = registerStoredEditions(store);
    expect(getEdition(TEST_ID)?.title).toBe("Test Benchmark 2024");
    expect(getEdition("second-edition")).toBeUndefined();
    expect(problems).toEqual([
      {
        nl: 'De in de werkmap bewaarde editie "second-edition" is niet geldig en is niet geladen: bookYear: geen jaartal',
        en: 'The edition "second-edition" kept in the workbook is not valid and was not loaded: bookYear: not a year',
      },
    ]);
    expect(loadSettings(store, "nl-NL").editionId).toBe(TEST_ID);
    const controller = new PaneController({
      workflows: new FakeWorkflows(),
      settings: loadSettings(store, "nl-NL"),
      store,
      storedEditionProblems: problems,
    });
    expect(controller.state.editions.map((e) => e.id)).toContain(TEST_ID);
    expect(controller.state.editionLoad).toMatchObject({ ok: false, message: problems[0] });
  });

  test("a stored entry with the built-in id never replaces the built-in edition", () => {
    const store = memoryStore();
    store.data[EDITIONS_KEY] = { [BUILTIN_EDITION.id]: JSON.stringify(newerEdition(BUILTIN_EDITION.id)) };
    expect(registerStoredEditions(store)).toHaveLength(1);
    expect(getEdition(BUILTIN_EDITION.id)).toBe(BUILTIN_EDITION);
  });

  test("without a store nothing is registered and nothing fails", () => {
    expect(registerStoredEditions(null)).toEqual([]);
    expect(
      storedEditions({ get: () => "not an object", set: () => undefined, saveAsync: () => undefined }),
    ).toEqual({});
  });
});
