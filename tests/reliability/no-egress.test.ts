/**
 * Issue 7, part 4: nothing leaves the workbook. The page's Content-Security-Policy lets scripts talk to
 * their own origin only; no source file can send data anywhere or evaluate generated code; the manifest
 * asks for no more than ReadWriteDocument and names https URLs only. (The built bundles are scanned for
 * foreign hosts and Node-only modules by tests/build/build.test.ts.)
 */
import fs from "fs";
import path from "path";
import { descendants, parseXml } from "../manifest/manifest-check";

const ROOT = path.join(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|js|html)$/.test(e.name) ? [p] : [];
  });
}

/** Source text without comments, so that a comment mentioning fetch( is no finding. */
function code(file: string): string {
  const text = fs.readFileSync(file, "utf8");
  if (file.endsWith(".html")) return text.replace(/<!--[\s\S]*?-->/g, "");
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

function cspOf(html: string): Map<string, string[]> {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
  if (!m) throw new Error("no CSP meta tag");
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map(([name, ...values]) => [name, values]),
  );
}

describe("Content-Security-Policy of taskpane.html (the one page of the shared runtime)", () => {
  const csp = cspOf(fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8"));

  it("connect-src 'self' only: no fetch, XHR, WebSocket or beacon to another host", () => {
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("no 'unsafe-eval' (nor 'unsafe-inline' for scripts) anywhere; scripts from self and Microsoft's office.js CDN", () => {
    for (const [name, values] of csp)
      expect({ name, evalAllowed: values.includes("'unsafe-eval'") }).toEqual({ name, evalAllowed: false });
    expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'none'"]);
  });
});

/** Ways to send data out or to run generated code. None is allowed: see docs/security.md. */
const FORBIDDEN: [string, RegExp][] = [
  ["eval(", /\beval\s*\(/],
  ["new Function", /\bnew\s+Function\b/],
  ["Function(", /(^|[^.\w])Function\s*\(/],
  ["fetch(", /\bfetch\s*\(/],
  ["XMLHttpRequest", /\bXMLHttpRequest\b/],
  ["WebSocket", /\bWebSocket\b/],
  ["navigator.sendBeacon", /\bsendBeacon\b/],
  ["importScripts", /\bimportScripts\b/],
  ["EventSource", /\bEventSource\b/],
  ["window.open", /\bwindow\.open\s*\(/],
  ["setTimeout with a string", /\bset(Timeout|Interval)\s*\(\s*["'`]/],
  [
    "Node network modules",
    /from\s+["'](node:)?(http|https|net|dgram|tls|dns)["']|require\(\s*["'](node:)?(http|https|net|dgram|tls|dns)["']\)/,
  ],
];

describe("source scan of src/**", () => {
  const files = sourceFiles(path.join(ROOT, "src"));

  it("scans the add-in, the custom functions and the CLI", () => {
    const rel = files.map((f) => path.relative(ROOT, f));
    for (const must of [
      "src/functions/functions.ts",
      "src/taskpane/taskpane.ts",
      "src/cli/cli.ts",
      "src/excel/render.ts",
    ]) {
      expect(rel).toContain(must);
    }
  });

  it.each(FORBIDDEN)("no %s", (_, pattern) => {
    const hits = files.filter((f) => pattern.test(code(f))).map((f) => path.relative(ROOT, f));
    expect(hits).toEqual([]);
  });

  it("the scan itself finds what it looks for", () => {
    const probes = [
      "eval(x)",
      "new Function('a')",
      "window.fetch (u)",
      "new XMLHttpRequest()",
      "navigator.sendBeacon(u)",
    ];
    for (const p of probes)
      expect({ p, found: FORBIDDEN.some(([, re]) => re.test(p)) }).toEqual({ p, found: true });
    expect(FORBIDDEN.some(([, re]) => re.test("isFunction(x); compileFunction; myFunction()"))).toBe(false);
  });
});

describe("manifest.xml", () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

  it("asks for ReadWriteDocument only (no ReadWriteMailbox, no WriteDocument-plus, no Restricted bypass)", async () => {
    const root = await parseXml(xml);
    const permissions = descendants(root).filter((e) => e.name === "Permissions");
    expect(permissions.map((p) => p.text.trim())).toEqual(["ReadWriteDocument"]);
  });

  it("every URL it loads or links is https (XML namespaces aside)", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="([a-z]+:[^"]*)"/gi)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    const appDomains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);
    expect(appDomains.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });
});
