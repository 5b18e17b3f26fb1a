/**
 * The task pane's controller on a fake Workflows: what it asks of the workflows (options, year, choice),
 * what it shows (busy, progress, outcome, step 2) and how it cancels. No DOM, no Office.
 */
import { WorkflowResult } from "../../src/excel/workflow-api";
import { PaneController } from "../../src/taskpane/controller";
import { PANE_FIELDS, parseTypedNumber } from "../../src/taskpane/dataStep";
import { PaneState } from "../../src/taskpane/paneState";
import {
  COLUMN_MAPPINGS_KEY,
  PANE_SETTINGS_KEY,
  PaneSettings,
  SettingsStore,
} from "../../src/taskpane/settings";
import { DETECTION, FakeWorkflows, memoryStore, ok } from "./fake-workflows";

function setup(settings: Partial<PaneSettings> = {}, store: SettingsStore | null = null) {
  const workflows = new FakeWorkflows();
  const controller = new PaneController({
    workflows,
    settings: { language: "nl", sheetNames: {}, ...settings },
    store,
  });
  const states: PaneState[] = [];
  controller.subscribe((s) => states.push(s));
  return { workflows, controller, states };
}

/** A promise with its resolve function outside, to hold a workflow in the middle of running. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("detectInputs errors", () => {
  test("a detection with an error shows it as the outcome and keeps no stale ledger choice", async () => {
    const { workflows, controller } = setup();
    const error = { nl: "Het blad 'Grootboek' is beveiligd.", en: "The sheet 'Grootboek' is protected." };
    workflows.detection = {
      ledgers: [],
      chosen: -1,
      keyFigures: [],
      missingKeyFigures: [],
      years: [],
      error,
    };
    await controller.detect();
    expect(controller.state.outcome?.ok).toBe(false);
    expect(controller.state.outcome?.error).toEqual(error);
    expect(controller.state.detection).toBeNull();
    expect(controller.state.busy).toBeNull();
  });

  test("an error beside candidates (a sheet too large to read) shows both and opens the data step", async () => {
    const { workflows, controller } = setup();
    const error = {
      nl: "Het blad 'Export' is te groot om te lezen.",
      en: "The sheet 'Export' is too large.",
    };
    workflows.detection = { ...DETECTION, error };
    await controller.detect();
    expect(controller.state.outcome?.error).toEqual(error);
    expect(controller.state.detection?.ledgers).toHaveLength(2);
    expect(controller.state.dataOpen).toBe(true);
  });
});

describe("running workflows", () => {
  test("Voorbeeldgemeente loads the sample, then detects the inputs and keeps the sample's summary", async () => {
    const { workflows, controller } = setup();
    await controller.loadSample();
    expect(workflows.calls.map((c) => c.method)).toEqual(["loadSampleMunicipality", "detectInputs"]);
    expect(controller.state.outcome?.summary?.nl).toBe("Voorbeeld geladen");
    expect(controller.state.detection).toBe(DETECTION);
    expect(controller.state.ledgerIndex).toBe(0);
    expect(controller.state.mapping).toEqual(DETECTION.ledgers[0].mapping);
    expect(controller.state.busy).toBeNull();
  });

  test("a failed sample load does not detect and shows the workflow's error", async () => {
    const { workflows, controller } = setup();
    workflows.handlers.loadSampleMunicipality = async () => ({
      ...ok("x"),
      ok: false,
      error: { nl: "Blad beveiligd. Hef de beveiliging op.", en: "Sheet protected. Unprotect it." },
    });
    await controller.loadSample();
    expect(workflows.calls.map((c) => c.method)).toEqual(["loadSampleMunicipality"]);
    expect(controller.state.outcome).toMatchObject({
      ok: false,
      error: { nl: "Blad beveiligd. Hef de beveiliging op." },
    });
  });

  test("options carry language, edition and sheet names from the settings", async () => {
    const { workflows, controller } = setup({
      language: "en",
      editionId: "ibg-2023",
      sheetNames: { comparison: "Vergelijking 2022" },
    });
    await controller.categorise();
    const o = workflows.last("categorise")!.options!;
    expect(o.language).toBe("en");
    expect(o.editionId).toBe("ibg-2023");
    expect(o.sheetNames).toEqual({ comparison: "Vergelijking 2022" });
    expect(o.signal).toBeInstanceOf(AbortSignal);
  });

  test("progress reports become the busy state; the outcome replaces it", async () => {
    const { workflows, controller, states } = setup();
    const gate = deferred<WorkflowResult>();
    workflows.handlers.categorise = async (call) => {
      call.options!.onProgress!({ step: { nl: "Grootboek lezen…", en: "Reading ledger…" }, fraction: 0.25 });
      call.options!.onProgress!({ step: { nl: "Schrijven…", en: "Writing…" }, fraction: 0.75 });
      return gate.promise;
    };
    const running = controller.categorise();
    await Promise.resolve();
    expect(controller.state.busy).toMatchObject({
      action: "categorise",
      cancellable: true,
      progress: { step: { nl: "Schrijven…" }, fraction: 0.75 },
    });
    expect(states.some((s) => s.busy?.progress?.fraction === 0.25)).toBe(true);
    gate.resolve(
      ok("412 regels gecategoriseerd", {
        unclassified: { lines: 9, amount: 3120 },
        sheets: ["ICT-categorisatie"],
      }),
    );
    await running;
    expect(controller.state.busy).toBeNull();
    expect(controller.state.outcome).toMatchObject({
      action: "categorise",
      ok: true,
      unclassified: { lines: 9, amount: 3120 },
      sheets: ["ICT-categorisatie"],
    });
  });

  test("a second action while one runs is refused", async () => {
    const { workflows, controller } = setup();
    const gate = deferred<WorkflowResult>();
    workflows.handlers.categorise = () => gate.promise;
    const first = controller.categorise();
    await controller.compare();
    expect(workflows.calls.map((c) => c.method)).toEqual(["categorise"]);
    gate.resolve(ok("klaar"));
    await first;
    await controller.compare();
    expect(workflows.calls.map((c) => c.method)).toEqual(["categorise", "buildComparison"]);
  });

  test("Cancel aborts the signal; the pane says what was cancelled and what to do", async () => {
    const { workflows, controller } = setup();
    workflows.handlers.buildComparison = (call) =>
      new Promise((_, reject) =>
        call.options!.signal!.addEventListener("abort", () =>
          reject(Object.assign(new Error("aborted"), { name: "AbortError" })),
        ),
      );
    const running = controller.compare();
    await Promise.resolve();
    controller.cancel();
    await running;
    expect(controller.state.busy).toBeNull();
    expect(controller.state.outcome?.ok).toBe(false);
    expect(controller.state.outcome?.error?.nl).toMatch(/^Geannuleerd/);
    expect(controller.state.outcome?.error?.en).toMatch(/^Cancelled/);
  });

  test("an unexpected exception becomes an error in words, not a stuck pane", async () => {
    const { workflows, controller } = setup();
    workflows.handlers.buildTrend = async () => {
      throw new Error("GeneralException");
    };
    await controller.trend();
    expect(controller.state.busy).toBeNull();
    expect(controller.state.outcome?.error?.nl).toContain("Er ging iets mis: GeneralException");
  });

  test("needsMapping opens step 2 with the detection and tells what to do", async () => {
    const { workflows, controller } = setup();
    const detection = { ...DETECTION, chosen: 1 };
    workflows.handlers.categorise = async () => ({
      ok: false,
      summary: { nl: "", en: "" },
      issues: [],
      sheets: [],
      needsMapping: detection,
    });
    await controller.categorise();
    expect(controller.state.dataOpen).toBe(true);
    expect(controller.state.detection).toBe(detection);
    expect(controller.state.ledgerIndex).toBe(1);
    expect(controller.missingFields()).toEqual(["amount"]);
    expect(controller.state.outcome?.error?.nl).toMatch(/stap 2/);
  });

  test("Vergelijken passes the chosen year (latest = undefined)", async () => {
    const { workflows, controller } = setup();
    await controller.detect();
    await controller.compare();
    expect(workflows.last("buildComparison")!.year).toBeUndefined();
    controller.setYear(2021);
    await controller.compare();
    expect(workflows.last("buildComparison")!.year).toBe(2021);
  });

  test("Toon onbekende regels keeps the categorisation result on screen when it works", async () => {
    const { workflows, controller } = setup();
    workflows.handlers.categorise = async () => ok("cat", { unclassified: { lines: 2, amount: 10 } });
    await controller.categorise();
    const before = controller.state.outcome;
    await controller.selectUnclassified();
    expect(workflows.last("selectUnclassified")).toBeDefined();
    expect(controller.state.outcome).toBe(before);
  });

  test("Vergelijken keeps each KPI's drill-down; Toon regels asks for exactly its lines and keeps the result", async () => {
    const { workflows, controller } = setup();
    const explanation = {
      kpi: {
        id: "hired_per_inhabitant",
        label: { nl: "Ingehuurd personeel", en: "Hired personnel" },
        own: 20,
        benchmark: 16,
        difference: 4,
        differencePct: 0.25,
        verdict: { nl: "Ingehuurd personeel: € 20 per inwoner", en: "Hired personnel: €20 per inhabitant" },
        source: null,
        unit: "eur_per_inhabitant",
      },
      year: 2022,
      scope: { component: "personnel" as const, staffing: "hired" as const },
      categories: [
        {
          code: "PE.IF" as const,
          label: { nl: "Informatisering", en: "Information management" },
          amount: 900_000,
          lines: 4,
          perInhabitant: 20,
          benchmark: null,
          gap: null,
          top: [],
        },
      ],
    };
    workflows.handlers.buildComparison = async () => ok("vergeleken", { explanations: [explanation] });
    await controller.compare();
    const before = controller.state.outcome;
    expect(before?.explanations).toEqual([explanation]);
    await controller.selectKpiLines(explanation);
    expect(workflows.last("selectKpiLines")!.request).toEqual({
      kpi: "hired_per_inhabitant",
      label: explanation.kpi.label,
      year: 2022,
      codes: ["PE.IF"],
      scope: explanation.scope,
    });
    expect(controller.state.outcome).toBe(before);
  });

  test("Vergelijken shows the overhead context line when CBS gave the figures, and none when not", async () => {
    const { workflows, controller } = setup();
    const overhead = {
      nl: "Overhead in context (CBS, Iv3 jaarrekening 2023): ICT-kosten zijn 2,0% van de overhead; …",
      en: "Overhead in context (CBS, Iv3 jaarrekening 2023): ICT cost is 2.0% of overhead; …",
    };
    workflows.handlers.buildComparison = async () => ok("vergeleken", { overhead });
    await controller.compare();
    expect(controller.state.outcome?.overhead).toEqual(overhead);
    workflows.handlers.buildComparison = async () => ok("vergeleken");
    await controller.compare();
    expect(controller.state.outcome).not.toHaveProperty("overhead");
  });

  test("Momentopname sends the pane's choice and shows the fingerprint", async () => {
    const { workflows, controller } = setup();
    await controller.snapshot();
    expect(workflows.last("snapshot")).toBeDefined();
    expect(controller.state.outcome?.fingerprint).toBe("sha256:00");
    expect(controller.state.outcome?.action).toBe("snapshot");
  });

  test("Functie invoegen sends the formula and confirms it", async () => {
    const { workflows, controller } = setup();
    await controller.insertFormula("=ICTCOST.CPI(2022)");
    expect(workflows.last("insertFormula")!.formula).toBe("=ICTCOST.CPI(2022)");
    expect(controller.state.outcome?.summary?.nl).toBe("Formule ingevoegd: =ICTCOST.CPI(2022)");
  });
});

describe("step 2 choices", () => {
  test("without edits the workflows detect for themselves (no choice sent)", async () => {
    const { workflows, controller } = setup();
    await controller.detect();
    await controller.categorise();
    expect(workflows.last("categorise")!.choice).toBeUndefined();
  });

  test("an edited column mapping and another ledger are sent as the choice", async () => {
    const { workflows, controller } = setup();
    await controller.detect();
    controller.chooseLedger(1);
    expect(controller.missingFields()).toEqual(["amount"]);
    controller.setMapping("amount", 1);
    expect(controller.missingFields()).toEqual([]);
    await controller.categorise();
    expect(workflows.last("categorise")!.choice).toEqual({
      source: { kind: "sheet", name: "Export" },
      mapping: { description: 0, amount: 1 },
    });
    controller.setMapping("description", null);
    expect(controller.missingFields()).toEqual(["description"]);
  });

  test("an export with Debet and Credit (no Bedrag column) lacks no amount, and keeps both columns in the choice", async () => {
    const { workflows, controller } = setup();
    workflows.detection = {
      ...workflows.detection,
      ledgers: [
        {
          source: { kind: "sheet", name: "Grootboekkaart" },
          label: "Grootboekkaart",
          headers: ["OMSCHRIJVING", "DEBET", "CREDIT"],
          // the reader's extra fields (debit, credit) ride along in the detected mapping
          mapping: { description: 0, debit: 1, credit: 2 } as unknown as Record<string, number>,
          missing: [],
          rows: 33,
        },
      ],
      chosen: 0,
    };
    await controller.detect();
    expect(controller.missingFields()).toEqual([]);
    controller.setMapping("supplier", null);
    await controller.categorise();
    expect(workflows.last("categorise")!.choice!.mapping).toMatchObject({
      description: 0,
      debit: 1,
      credit: 2,
    });
  });

  test("choosing the current selection sends source selection", async () => {
    const { workflows, controller } = setup();
    await controller.detect();
    controller.chooseLedger(-1);
    expect(controller.missingFields()).toEqual(["description", "amount"]);
    await controller.trend();
    expect(workflows.last("buildTrend")!.choice).toEqual({ source: { kind: "selection" }, mapping: {} });
  });

  test("typed inhabitants become key figures per year, Dutch and English number formats alike", async () => {
    const { workflows, controller } = setup();
    await controller.detect();
    expect(controller.keyFigureYears()).toEqual([2021, 2022]);
    controller.setKeyFigure(2022, "inhabitants", "45.000");
    controller.setKeyFigure(2021, "inhabitants", "44,800");
    controller.setKeyFigure(2021, "fteOwn", "abc");
    expect(controller.invalidKeyFigures()).toEqual([["2021", "fteOwn"]]);
    await controller.compare();
    expect(workflows.last("buildComparison")!.choice).toEqual({
      keyFigures: [
        { year: 2021, inhabitants: 44800 },
        { year: 2022, inhabitants: 45000 },
      ],
    });
  });

  test("a detection after the user's edits keeps the edits when the ledger still exists", async () => {
    const { controller } = setup();
    await controller.detect();
    controller.setMapping("fte", 3);
    await controller.detect();
    expect(controller.state.mapping.fte).toBe(3);
  });

  test("a workbook without years asks for one key figure without a year", async () => {
    const { workflows, controller } = setup();
    workflows.detection = { ...DETECTION, years: [] };
    await controller.detect();
    expect(controller.keyFigureYears()).toEqual([null]);
    controller.setKeyFigure(null, "inhabitants", "45000");
    expect(controller.choice()).toEqual({ keyFigures: [{ inhabitants: 45000 }] });
    expect(controller.state.dataOpen).toBe(true); // inhabitants are missing
  });
});

describe("parseTypedNumber", () => {
  test.each([
    ["45000", 45000],
    ["45.000", 45000],
    ["45,000", 45000],
    ["1.234.567", 1234567],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["€ 180.000.000", 180000000],
    [" 7 ", 7],
  ])("%s → %d", (text, value) => expect(parseTypedNumber(text)).toBe(value));

  test.each(["", "abc", "12a", "1,2,3", "--5"])("%j is not a number", (text) =>
    expect(parseTypedNumber(text)).toBeNull(),
  );
});

describe("settings", () => {
  test("changes are saved in the document settings and reported", async () => {
    const store = memoryStore();
    const { controller } = setup({}, store);
    await controller.updateSettings({ language: "en" });
    await controller.setSheetName("trend", "  Trend ICT ");
    expect(store.data[PANE_SETTINGS_KEY]).toEqual({ language: "en", sheetNames: { trend: "Trend ICT" } });
    expect(store.saves).toBe(2);
    expect(controller.state.settingsSaved).toBe(true);
    await controller.setSheetName("trend", "");
    expect(store.data[PANE_SETTINGS_KEY]).toEqual({ language: "en", sheetNames: {} });
  });

  test("a refused save is reported, the setting still applies", async () => {
    const { workflows, controller } = setup({}, memoryStore(true));
    await controller.updateSettings({ editionId: "x" });
    expect(controller.state.settingsSaved).toBe(false);
    await controller.categorise();
    expect(workflows.last("categorise")!.options!.editionId).toBe("x");
  });
});

describe("the municipality for CBS's figures (step 2 type-ahead)", () => {
  test("typing offers CBS's names (offline), the ones starting with the text first", () => {
    const { controller } = setup();
    controller.setGemeente("zwol");
    expect(controller.gemeenteSuggestions()[0]).toBe("Zwolle");
    controller.setGemeente("Súdwest");
    expect(controller.gemeenteSuggestions()).toEqual(["Súdwest-Fryslân"]);
    controller.setGemeente("");
    expect(controller.gemeenteSuggestions()).toEqual([]);
  });

  test("a name that is one municipality is chosen and goes with every action as the choice's gemeente", async () => {
    const { workflows, controller } = setup();
    await controller.detect();
    controller.setGemeente("gemeente zwolle");
    expect(controller.state.gemeente).toEqual({ text: "gemeente zwolle", chosen: "Zwolle", message: null });
    await controller.compare();
    expect(workflows.last("buildComparison")!.choice).toEqual({ gemeente: "Zwolle" });
    await controller.categorise();
    expect(workflows.last("categorise")!.choice).toEqual({ gemeente: "Zwolle" });
  });

  test("spoken names are CBS's: Den Bosch is 's-Hertogenbosch", () => {
    const { controller } = setup();
    controller.setGemeente("Den Bosch");
    expect(controller.state.gemeente.chosen).toBe("'s-Hertogenbosch");
  });

  test("Bergen is two municipalities: nothing chosen until the user picks one of them", async () => {
    const { workflows, controller } = setup();
    await controller.detect();
    controller.setGemeente("Bergen");
    expect(controller.state.gemeente.chosen).toBeNull();
    expect(controller.state.gemeente.message?.nl).toContain("Bergen (L.) of Bergen (NH.)");
    expect(controller.gemeenteSuggestions()).toEqual(expect.arrayContaining(["Bergen (L.)", "Bergen (NH.)"]));
    await controller.compare();
    expect(workflows.last("buildComparison")!.choice).toBeUndefined();
    controller.setGemeente("Bergen (NH.)");
    expect(controller.state.gemeente).toMatchObject({ chosen: "Bergen (NH.)", message: null });
    await controller.compare();
    expect(workflows.last("buildComparison")!.choice).toEqual({ gemeente: "Bergen (NH.)" });
  });

  test("Nederland and a typo are not chosen, with CBS's message; clearing the field says nothing", () => {
    const { controller } = setup();
    controller.setGemeente("Nederland");
    expect(controller.state.gemeente.chosen).toBeNull();
    expect(controller.state.gemeente.message?.nl).toMatch(/^'Nederland' is geen gemeente/);
    controller.setGemeente("Zwole");
    expect(controller.state.gemeente.message?.nl).toContain("Bedoelt u");
    controller.setGemeente("  ");
    expect(controller.state.gemeente).toEqual({ text: "  ", chosen: null, message: null });
    expect(controller.choice()).toBeUndefined();
  });
});

describe("Kolommen: every field, ambiguous headers asked, the choice kept in the workbook", () => {
  const unit4 = {
    source: { kind: "sheet" as const, name: "Grootboekkaart" },
    label: "Grootboekkaart",
    headers: ["BOEKDATUM", "OMSCHRIJVING", "Omschrijving", "DEBET", "CREDIT", "TAAKVELD", "IV3 CATEGORIE"],
    mapping: { date: 0, description: 1, debit: 3, credit: 4, taakveld: 5, iv3Category: 6 },
    missing: [],
    rows: 33,
    ambiguous: [{ field: "description" as const, columns: [1, 2] }],
  };

  test("the step offers every field the readers know", () => {
    for (const field of [
      "debit",
      "credit",
      "balance",
      "date",
      "period",
      "costCentre",
      "taakveld",
      "iv3Category",
      "supplier",
      "supplierNumber",
      "document",
    ])
      expect(PANE_FIELDS).toContain(field);
  });

  test("an ambiguous header opens the step and is asked until the user chooses; the choice is stored by header text", async () => {
    const store = memoryStore();
    const { workflows, controller } = setup({}, store);
    workflows.detection = { ...DETECTION, ledgers: [unit4], chosen: 0 };
    await controller.detect(false);
    expect(controller.state.dataOpen).toBe(true);
    expect(controller.openAmbiguities()).toEqual([{ field: "description", columns: [1, 2] }]);
    controller.setMapping("description", 2);
    expect(controller.openAmbiguities()).toEqual([]);
    expect(store.data[COLUMN_MAPPINGS_KEY]).toMatchObject({
      "sheet:Grootboekkaart": { description: "Omschrijving", debit: "DEBET", credit: "CREDIT", supplier: "" },
    });
    await controller.categorise();
    expect(workflows.last("categorise")!.choice!.mapping).toMatchObject({ description: 2, debit: 3 });
  });

  test("the next session takes the kept columns, by header text even when the columns moved", async () => {
    const store = memoryStore();
    store.set(COLUMN_MAPPINGS_KEY, {
      "sheet:Grootboekkaart": { description: "Omschrijving", debit: "DEBET", credit: "CREDIT", supplier: "" },
    });
    const { workflows, controller } = setup({}, store);
    // A new export: one column more in front, so every position moved.
    const moved = {
      ...unit4,
      headers: ["PERIODE", ...unit4.headers],
      mapping: { period: 0, date: 1, description: 2, debit: 4, credit: 5, taakveld: 6, iv3Category: 7 },
      ambiguous: [{ field: "description" as const, columns: [2, 3] }],
    };
    workflows.detection = { ...DETECTION, ledgers: [moved], chosen: 0 };
    await controller.detect(false);
    expect(controller.openAmbiguities()).toEqual([]);
    expect(controller.state.mapping).toMatchObject({ description: 3, debit: 4, credit: 5, period: 0 });
    await controller.categorise();
    expect(workflows.last("categorise")!.choice).toMatchObject({
      source: { kind: "sheet", name: "Grootboekkaart" },
      mapping: { description: 3, debit: 4, credit: 5 },
    });
  });
});
