/**
 * The task pane in a real browser (Debian chromium via playwright-core): the add-in built with the project's
 * webpack config, served from 127.0.0.1, with office.js replaced by the test host (Office and Excel on the
 * in-memory Excel fake). Clicks through the controller's flow, checks what the workbook then holds, runs axe
 * on every step, and saves screenshots at 320 and 500 px, light and dark, in test-results/screenshots/.
 */
import fs from "fs";
import path from "path";
import { Browser, BrowserContext, Page, chromium } from "playwright-core";
import { Built, buildForBrowser, repo } from "./build";
import { StaticServer, serveFolder } from "./server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const AXE = path.join(repo, "node_modules/axe-core/axe.min.js");
const SHOTS = path.join(repo, "test-results/screenshots");

let built: Built;
let server: StaticServer;
let browser: Browser;

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Requests to anywhere but the local server and the routed office.js (must stay empty). */
  foreign: string[];
  /** CSP violations and page errors (must stay empty). */
  problems: string[];
}

beforeAll(async () => {
  built = await buildForBrowser();
  server = await serveFolder(built.app);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
}, 180000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  built?.cleanup();
});

async function open(
  query = "",
  options: { width?: number; dark?: boolean; officeJs?: "host" | "blocked" } = {},
): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 500, height: 900 },
    colorScheme: options.dark ? "dark" : "light",
    locale: "nl-NL",
  });
  const page = await context.newPage();
  const foreign: string[] = [];
  const problems: string[] = [];
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) {
      if (options.officeJs === "blocked") return route.abort();
      return route.fulfill({ path: built.hostScript, contentType: "application/javascript" });
    }
    if (url === `${server.url}axe.min.js`)
      return route.fulfill({ path: AXE, contentType: "application/javascript" });
    if (url.startsWith(server.url)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/Failed to load resource/.test(msg.text()))
      problems.push(`console: ${msg.text()}`);
  });
  await page.goto(`${server.url}taskpane.html${query}`);
  return { context, page, foreign, problems };
}

async function closeAndCheck(o: Opened): Promise<void> {
  const csp = await o.page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  await o.context.close();
  expect(csp).toEqual([]);
  expect(o.problems).toEqual([]);
  expect(o.foreign).toEqual([]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core on the whole page; returns every violation (the tests fail on serious and critical ones). */
async function axe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ url: `${server.url}axe.min.js` });
  return page.evaluate(async () => {
    interface Result {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
    }
    const a = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<Result> } }).axe;
    const result = await a.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

const axeLog: Record<string, AxeViolation[]> = {};
async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await axe(page);
  axeLog[label] = violations;
  const severe = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(severe).toEqual([]);
}

afterAll(() => {
  fs.mkdirSync(path.join(repo, "test-results"), { recursive: true });
  fs.writeFileSync(path.join(repo, "test-results/axe.json"), JSON.stringify(axeLog, null, 2));
});

const section = (page: Page, step: string) => page.locator(`section[data-step="${step}"]`);
const outcomeIn = (page: Page, step: string) => section(page, step).locator('[data-testid="outcome"]');

/** What the test host exposes on window (see tests/browser/host/test-host.ts). */
interface HostApi {
  sheets(): { name: string; tables: string[]; charts: { type: string }[] }[];
  settings(): Record<string, string>;
  formulas(): string[];
  filters(): { name: string; values: Record<string, string[]>; custom: Record<string, string> }[];
  typeManual(code: string): number | null;
}
const hostApi = () => (window as unknown as { __ictcostHost: HostApi }).__ictcostHost;

async function sheets(page: Page): Promise<{ name: string; tables: string[]; charts: { type: string }[] }[]> {
  return page.evaluate(`(${hostApi})().sheets()`);
}

async function clickButton(page: Page, scope: string, name: string): Promise<void> {
  await section(page, scope).getByRole("button", { name, exact: true }).click();
}

/** Voorbeeldgemeente → Categoriseren → Vergelijken, with checks after each step. */
async function runFlow(page: Page, onStep?: (step: string) => Promise<void>): Promise<void> {
  await page.locator("section[data-step=step1]").waitFor();
  await onStep?.("start");

  await clickButton(page, "step1", "Voorbeeldgemeente");
  await expectClass(outcomeIn(page, "step1"), /^outcome ok/);
  // the detection filled step 2: the sample's ledger and its key figures
  await page.locator('[data-testid="key-figures"] li').first().waitFor();
  await expect(page.locator('[data-testid="key-figures"]').textContent()).resolves.toMatch(/Voorbeeldrade/);
  await onStep?.("gegevens");

  await clickButton(page, "step3", "Categoriseren");
  await expectClass(outcomeIn(page, "step3"), /^outcome ok/);
  const summary3 = (await outcomeIn(page, "step3").locator(".summary").textContent()) ?? "";
  expect(summary3).toMatch(/\d+ regels/);
  const categorisation = (await sheets(page)).find((s) => s.name === "ICT-categorisatie");
  expect(categorisation?.tables.length).toBeGreaterThan(0);
  await onStep?.("categoriseren");

  await clickButton(page, "step4", "Vergelijken");
  await expectClass(outcomeIn(page, "step4"), /^outcome ok/);
  expect((await outcomeIn(page, "step4").locator(".summary").textContent())?.trim()).not.toBe("");
  const comparison = (await sheets(page)).find((s) => s.name === "ICT-vergelijking");
  expect(comparison).toBeDefined();
  expect(comparison!.tables.length + comparison!.charts.length).toBeGreaterThan(0);
  expect(comparison!.charts.length).toBeGreaterThan(0);
  expect((await sheets(page)).map((s) => s.name)).toContain("ICT-toelichting");
  await onStep?.("vergelijken");

  // Verklaring per KPI: "Toon regels" filters the categorisation table to the KPI's lines (Definitief, Jaar).
  const explanations = outcomeIn(page, "step4").locator('[data-testid="explanations"]');
  await explanations.locator("summary").click();
  await explanations
    .locator('li[data-kpi="software_per_inhabitant"]')
    .getByRole("button", { name: "Toon regels" })
    .click();
  await page.waitForFunction(
    `(${hostApi})().filters().some((t) => t.name === "ICT_categorisatie" && Object.keys(t.values).length >= 2)`,
  );
  const filters = (await page.evaluate(`(${hostApi})().filters()`)) as ReturnType<HostApi["filters"]>;
  const cat = filters.find((t) => t.name === "ICT_categorisatie")!;
  expect(Object.values(cat.values).flat()).toEqual(expect.arrayContaining(["SW.PP", "2023"]));
  await onStep?.("toon regels");

  // Momentopname: ICT-controle and the fingerprint in the result.
  await clickButton(page, "step4", "Momentopname");
  await expect(outcomeIn(page, "step4").locator(".fingerprint").textContent()).resolves.toMatch(
    /sha256:[0-9a-f]{64}/,
  );
  expect((await sheets(page)).map((s) => s.name)).toContain("ICT-controle");
  await onStep?.("momentopname");
}

/** Waits for the element, then checks its class (the message shows its text, to see why it failed). */
async function expectClass(locator: ReturnType<Page["locator"]>, re: RegExp): Promise<void> {
  await locator.waitFor({ timeout: 20000 });
  const text = await locator.textContent();
  expect(`${await locator.getAttribute("class")}: ${text}`).toMatch(re);
}

test("the whole flow at 320 px, axe on every step; screenshots at 320/500 px, light/dark", async () => {
  const o = await open("", { width: 320 });
  const { page } = o;
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  await runFlow(page, async (step) => {
    await expectAccessible(page, `320-light-${step}`);
    await shot(`320-light-${step}`);
  });
  // the finished pane (results of every step shown) in each width and colour scheme; the pane follows
  // prefers-color-scheme live
  for (const [width, dark] of [
    [320, true],
    [500, false],
    [500, true],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: dark ? "dark" : "light" });
    await page.waitForFunction((d) => document.documentElement.dataset.theme === d, dark ? "dark" : "light");
    const label = `${width}-${dark ? "dark" : "light"}-vergelijken`;
    await shot(label);
    if (dark) await expectAccessible(page, label);
    // nothing wider than the pane: no horizontal scrolling
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
  }
  await closeAndCheck(o);
}, 90000);

test("municipality type-ahead by keyboard: Bergen is asked, Zwolle chosen; the comparison gains its overhead chart", async () => {
  const o = await open();
  const { page } = o;
  await clickButton(page, "step1", "Voorbeeldgemeente");
  await expectClass(outcomeIn(page, "step1"), /^outcome ok/);
  const input = page.getByRole("combobox", { name: "Gemeente (CBS)" });
  const status = page.locator('[data-testid="gemeente-status"]');
  await input.click();
  await page.keyboard.type("Bergen");
  await expectClass(status, /warning.*Bergen \(L\.\) of Bergen \(NH\.\)/);
  const options = page.getByRole("listbox", { name: "Gemeenten (CBS)" }).getByRole("option");
  expect(await options.allTextContents()).toEqual(expect.arrayContaining(["Bergen (L.)", "Bergen (NH.)"]));
  expect(await input.getAttribute("aria-expanded")).toBe("true");
  await expectAccessible(page, "500-light-gemeente-open");
  await page.keyboard.press("Escape");
  expect(await input.getAttribute("aria-expanded")).toBe("false");

  await input.fill("");
  await page.keyboard.type("zwol");
  await page.keyboard.press("ArrowDown");
  const active = await input.getAttribute("aria-activedescendant");
  expect(await page.locator(`[id="${active}"]`).textContent()).toBe("Zwolle");
  await page.keyboard.press("Enter");
  expect(await input.inputValue()).toBe("Zwolle");
  await expectClass(status, /ok.*Zwolle/);

  await clickButton(page, "step4", "Vergelijken");
  await expectClass(outcomeIn(page, "step4"), /^outcome ok/);
  const comparison = (await sheets(page)).find((s) => s.name === "ICT-vergelijking");
  // the component and composition charts, and Zwolle's overhead in its size class
  expect(comparison!.charts).toHaveLength(3);
  await closeAndCheck(o);
}, 60000);
test("learning from a Handmatig code: the offer lists its lines, passes axe, and Toepassen keeps the rule on Regels", async () => {
  const o = await open("", { width: 320 });
  const { page } = o;
  await runFlow(page);
  const row = await page.evaluate(`(${hostApi})().typeManual("SW.OV")`);
  expect(typeof row).toBe("number");
  await clickButton(page, "step3", "Categoriseren");
  await expectClass(outcomeIn(page, "step3"), /^outcome ok/);
  const offer = section(page, "step3").locator('[data-testid="learn-offer"]').first();
  await offer.waitFor();
  expect(await offer.getByRole("heading").textContent()).toMatch(/^Code SW\.OV ook gebruiken voor /);
  expect(
    await offer.getByRole("list", { name: "Regels die veranderen" }).locator("li").count(),
  ).toBeGreaterThan(0);
  await expectAccessible(page, "320-light-leren");
  await page.screenshot({ path: path.join(SHOTS, "320-light-leren.png"), fullPage: true });
  expect((await sheets(page)).map((s) => s.name)).not.toContain("Regels");
  await offer.getByRole("button", { name: /^Toepassen op \d+ regels?$/ }).click();
  await expectClass(outcomeIn(page, "step3"), /^outcome ok/);
  expect(await outcomeIn(page, "step3").locator(".summary").textContent()).toMatch(
    /^Regel bewaard op het blad 'Regels'/,
  );
  expect((await sheets(page)).map((s) => s.name)).toContain("Regels");
  await closeAndCheck(o);
}, 90000);

test("Office's dark theme wins over the system's light mode", async () => {
  const o = await open("?officeTheme=dark", { dark: false });
  await o.page.locator("section[data-step=step1]").waitFor();
  expect(await o.page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  const bg = await o.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe("rgb(38, 38, 38)");
  await expectAccessible(o.page, "office-dark-start");
  await closeAndCheck(o);
}, 30000);

test("keyboard only: Tab to Voorbeeldgemeente, Enter runs it, focus is visible", async () => {
  const o = await open();
  const { page } = o;
  await page.locator("section[data-step=step1]").waitFor();
  let label = "";
  for (let i = 0; i < 10 && label !== "Voorbeeldgemeente"; i++) {
    await page.keyboard.press("Tab");
    label = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
  }
  expect(label).toBe("Voorbeeldgemeente");
  // Fluent draws a focus ring (box-shadow) on the inner button when focused by keyboard
  const ring = await page.evaluate(() => {
    const host = document.activeElement as HTMLElement;
    const inner = host.shadowRoot?.querySelector("button") ?? host;
    const s = getComputedStyle(inner);
    return { shadow: s.boxShadow, outline: s.outlineStyle };
  });
  expect(ring.shadow !== "none" || ring.outline !== "none").toBe(true);
  await page.keyboard.press("Enter");
  await expectClass(outcomeIn(page, "step1"), /^outcome ok/);
  await closeAndCheck(o);
}, 30000);

test("Functie invoegen puts the example formula in the active cell", async () => {
  const o = await open();
  const { page } = o;
  await page.locator('[data-testid="functions"]').click();
  const insert = page
    .locator('[data-step="functions"]')
    .getByRole("button", { name: "Invoegen", exact: true });
  await insert.click();
  await expectClass(page.locator('[data-step="functions"] [data-testid="outcome"]'), /^outcome ok/);
  const formulas: string[] = await page.evaluate(`(${hostApi})().formulas()`);
  expect(formulas).toContain("=ICTCOST.PERINHABITANT(4770000,45000)");
  await expectAccessible(page, "500-light-functions");
  await closeAndCheck(o);
}, 30000);

test("settings: English is applied at once and saved in the workbook's document settings", async () => {
  const o = await open();
  const { page } = o;
  await page.locator('[data-testid="settings"]').click();
  const select = page.locator('[data-testid="settings"] fluent-select').first();
  await select.click();
  await select.getByRole("option", { name: /^English/ }).click();
  await page.locator("section[data-step=step1] h2", { hasText: "1. Start" }).waitFor();
  await page.getByRole("button", { name: "Sample municipality", exact: true }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  const saved: Record<string, string> = await page.evaluate(`(${hostApi})().settings()`);
  expect(JSON.parse(saved["ictcost.paneSettings"])).toMatchObject({ language: "en" });
  await expectAccessible(page, "500-light-settings-en");
  await closeAndCheck(o);
}, 30000);

test("settings: an edition file picked in the pane is checked, chosen and kept in the workbook", async () => {
  const o = await open();
  const { page } = o;
  await page.locator('[data-testid="settings"]').click();
  const edition = JSON.parse(
    fs.readFileSync(path.join(repo, "src/model/benchmark/edition-2023.json"), "utf8"),
  ) as Record<string, unknown>;
  const file = page.locator('[data-testid="edition-file"]');
  const status = page.locator('[data-testid="edition-status"]');

  // a malformed file: the problems in words, nothing chosen
  const bad = { ...edition, id: "browser-test-edition", bookYear: "2023" };
  await file.setInputFiles({
    name: "fout.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await status.locator('[role="alert"]').waitFor();
  expect(await status.locator("li").allTextContents()).toEqual(["bookYear: geen jaartal"]);

  // a valid one: loaded, chosen in the selects and saved in the document settings
  const good = { ...edition, id: "browser-test-edition", title: "Testeditie 2024", bookYear: 2023 };
  await file.setInputFiles({
    name: "goed.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(good)),
  });
  await status
    .getByText("Testeditie 2024 (boekjaar 2023) is geladen, gekozen en in de werkmap bewaard.")
    .waitFor();
  const selects = page.locator('fluent-select[id^="ict-default-edition"], fluent-select[id^="ict-edition"]');
  expect(
    await selects.evaluateAll((els) => els.map((e) => (e as HTMLElement & { value: string }).value)),
  ).toEqual(["browser-test-edition", "browser-test-edition"]);
  const saved: Record<string, string> = await page.evaluate(`(${hostApi})().settings()`);
  expect(Object.keys(JSON.parse(saved["ictcost.editions"]) as object)).toEqual(["browser-test-edition"]);
  expect(JSON.parse(saved["ictcost.paneSettings"])).toMatchObject({ editionId: "browser-test-edition" });
  await expectAccessible(page, "500-light-settings-edition");
  await closeAndCheck(o);
}, 30000);

test("Kolommen: a header two columns share is asked, and the choice is kept in the workbook", async () => {
  const o = await open("?book=twoDescriptions");
  const { page } = o;
  await page.locator("section[data-step=step2]").waitFor();
  await clickButton(page, "step2", "Gegevens zoeken");
  const status = (text: string) => page.locator('[data-testid="mapping-status"]', { hasText: text });
  await status("Kies de kolom voor Omschrijving: 'Omschrijving' en 'OMSCHRIJVING'").waitFor();
  await expectAccessible(page, "500-light-columns-asked");
  const select = page.getByRole("combobox", { name: /^Omschrijving \(verplicht, ⚠ kies\)/ });
  await select.click();
  await select.getByRole("option", { name: "OMSCHRIJVING", exact: true }).click();
  await status("Alle verplichte kolommen zijn gevonden").waitFor();
  await page.getByRole("combobox", { name: "Omschrijving (verplicht)", exact: true }).waitFor();
  const saved: Record<string, string> = await page.evaluate(`(${hostApi})().settings()`);
  expect(JSON.parse(saved["ictcost.columnMappings"])).toMatchObject({
    "sheet:Grootboek": { description: "OMSCHRIJVING", supplier: "Leverancier", amount: "Bedrag" },
  });
  await closeAndCheck(o);
}, 30000);

test("English display language: English pane", async () => {
  const o = await open("?lang=en-US");
  await o.page.getByRole("button", { name: "Input template", exact: true }).waitFor();
  await closeAndCheck(o);
}, 30000);

test("outside Office (Office.onReady without a host): the pane says to open it in Excel", async () => {
  const o = await open("?host=none");
  const msg = o.page.locator('[data-testid="outside-office"]');
  await msg.waitFor();
  expect(await msg.textContent()).toMatch(/^Open deze pagina in Excel/);
  await expectAccessible(o.page, "outside-office");
  await closeAndCheck(o);
}, 30000);

test("office.js not loaded at all: the same message", async () => {
  const o = await open("", { officeJs: "blocked" });
  const msg = o.page.locator('[data-testid="outside-office"]');
  await msg.waitFor();
  expect(await msg.textContent()).toMatch(/Open deze pagina in Excel/);
  o.problems.length = 0; // the blocked script itself is reported as a console error
  await closeAndCheck(o);
}, 30000);
