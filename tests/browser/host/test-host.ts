/**
 * The browser tests' stand-in for office.js: the page's <script src=".../office.js"> is routed here. It defines
 * window.Office, window.Excel and window.CustomFunctions on top of the in-memory Excel fake
 * (tests/fakes/excel-fake.ts), answers Office.onReady with host Excel, and exposes the fake workbook on
 * window.__ictcostHost for the tests' assertions. The page URL's query configures it:
 *   ?host=none         Office.onReady reports no host (the page opened in a plain browser)
 *   ?lang=en-US        Office.context.displayLanguage (default nl-NL)
 *   ?officeTheme=dark  Office.context.officeTheme of Excel's dark ("Black") theme
 *   ?book=twoDescriptions  a Grootboek sheet whose description is in two columns (Omschrijving, OMSCHRIJVING)
 */
import { createFakeExcel, setCells } from "../../fakes/excel-fake";
import { columnLetter } from "../../../src/model/layout/a1";

const params = new URLSearchParams(location.search);
const hostless = params.get("host") === "none";
const fake = createFakeExcel({ displayLanguage: params.get("lang") ?? "nl-NL" });
if (params.get("book") === "twoDescriptions")
  setCells(fake.workbook, "Grootboek", "A1", [
    ["Omschrijving", "OMSCHRIJVING", "Leverancier", "Boekjaar", "Bedrag"],
    ["Laptops Dell", "Werkplek", "Dell", 2023, 1000],
    ["Azure hosting", "Cloud", "Microsoft", 2023, 2000],
  ]);

const officeTheme =
  params.get("officeTheme") === "dark"
    ? {
        bodyBackgroundColor: "#262626",
        bodyForegroundColor: "#ffffff",
        controlBackgroundColor: "#3a3a3a",
        controlForegroundColor: "#ffffff",
        isDarkTheme: true,
      }
    : params.get("officeTheme") === "light"
      ? {
          bodyBackgroundColor: "#ffffff",
          bodyForegroundColor: "#000000",
          controlBackgroundColor: "#ffffff",
          controlForegroundColor: "#000000",
          isDarkTheme: false,
        }
      : undefined;

const HostType = { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" };
const info = hostless ? { host: null, platform: null } : { host: HostType.Excel, platform: "OfficeOnline" };

const associated: Record<string, unknown> = {};
const Office = {
  HostType,
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  AsyncResultStatus: fake.Office.AsyncResultStatus,
  context: hostless
    ? { displayLanguage: params.get("lang") ?? "nl-NL" }
    : { ...fake.Office.context, officeTheme },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 10),
    );
  },
  actions: { associate: (id: string, fn: unknown) => void (associated[id] = fn) },
};

class CustomFunctionsError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

const w = window as unknown as Record<string, unknown>;
w.Office = Office;
w.Excel = fake.Excel;
w.CustomFunctions = {
  associate: (id: string, fn: unknown) => void (associated[id] = fn),
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
  },
};

/** What the tests read back (plain data, through page.evaluate). */
w.__ictcostHost = {
  associated,
  sheets: () =>
    fake.workbook.sheets.map((s) => ({
      name: s.name,
      tables: fake.workbook.tables.filter((t) => t.sheetId === s.id).map((t) => t.name),
      charts: s.charts.map((c) => ({ type: c.type, title: c.title })),
    })),
  settings: () => ({ ...fake.workbook.persistedSettings }),
  /** Column filters per table: values filters and custom criteria, by column index. */
  filters: () =>
    fake.workbook.tables.map((t) => ({
      name: t.name,
      values: t.filters ?? {},
      custom: t.customFilters ?? {},
    })),
  activeSheet: () => fake.workbook.sheetById(fake.workbook.activeSheetId!)?.name,
  /**
   * Types `code` in Handmatig (as the controller would) on the first categorisation line whose supplier
   * and account recur on a line in another category; returns that line's ledger row (null: none).
   */
  typeManual: (code: string): number | null => {
    const sheet = fake.workbook.sheetByName("ICT-categorisatie");
    const rect = sheet?.usedRect(true);
    if (!sheet || !rect) return null;
    const rowValues = (r: number) => [...Array(rect.c1 + 1).keys()].map((c) => sheet.cell(r, c)?.value);
    let top = rect.r0;
    while (top < rect.r1 && !rowValues(top).includes("Handmatig")) top++;
    const header = rowValues(top);
    const col = (name: string) => header.indexOf(name);
    const [row, supplier, account, category, manual] = [
      "Bronrij",
      "Leverancier",
      "Grootboekrekening",
      "Categorie",
      "Handmatig",
    ].map(col);
    const at = (r: number, c: number) => sheet.cell(r, c)?.value;
    for (let r = top + 1; r <= rect.r1; r++) {
      if (!at(r, supplier) || at(r, category) === code) continue;
      for (let q = r + 1; q <= rect.r1; q++) {
        if (
          at(q, supplier) === at(r, supplier) &&
          at(q, account) === at(r, account) &&
          at(q, category) !== code
        ) {
          setCells(fake.workbook, "ICT-categorisatie", `${columnLetter(manual + 1)}${r + 1}`, [[code]]);
          return at(r, row) as number;
        }
      }
    }
    return null;
  },
  formulas: () =>
    fake.workbook.sheets.flatMap((s) =>
      [...s.cells.values()].map((c) => c.formula).filter((f): f is string => !!f),
    ),
};
