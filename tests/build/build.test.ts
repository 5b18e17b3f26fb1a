/**
 * The production build of the add-in: `webpack --mode production` (as `npm run build` runs it) into a temporary
 * folder, with a production URL of our own, then checks what would be deployed.
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import webpack from "webpack";

const repo = path.resolve(__dirname, "../..");
const xsd = path.resolve(repo, "../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");
const urlProd = "https://ict.gemeente-voorbeeld.nl/benchmark/";
const officeJs = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let out: string;
const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
const bundles = () => fs.readdirSync(out).filter((f) => f.endsWith(".js"));

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "ictcost-dist-"));
  try {
    execFileSync("npx", ["webpack", "--mode", "production", "--output-path", out], {
      cwd: repo,
      env: { ...process.env, ICTCOST_URL: urlProd.replace(/\/$/, "") }, // the config adds the final "/"
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    throw new Error(`webpack failed:\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  }
}, 300000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

describe("production build", () => {
  test("emits the page, the three bundles, functions.json, the manifest and the icons", () => {
    for (const file of ["taskpane.html", "taskpane.css", "taskpane.js", "commands.js", "functions.js"]) {
      expect(fs.existsSync(path.join(out, file))).toBe(true);
    }
    const assets = fs.readdirSync(path.join(out, "assets"));
    expect(assets).toEqual(
      expect.arrayContaining(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]),
    );
  });

  test("functions.json and its Dutch twin hold the same ICTCOST functions, with production help links", () => {
    const english = JSON.parse(read("functions.json"));
    const dutch = JSON.parse(read("functions-nl.json"));
    const names = (m: { functions: { name: string }[] }) => m.functions.map((f) => f.name);
    expect(names(english).length).toBeGreaterThanOrEqual(14);
    expect(names(dutch)).toEqual(names(english));
    expect(JSON.stringify(english) + JSON.stringify(dutch)).not.toMatch(/localhost/);
    expect(fs.existsSync(path.join(out, "docs", "functions.html"))).toBe(true);
  });

  test("manifest.xml points at the production URL everywhere and still validates", () => {
    const manifest = read("manifest.xml");
    const source = fs.readFileSync(path.join(repo, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).not.toContain("ictcost.example.nl");
    const urls = manifest.match(/https?:\/\/[^"<\s]+/g) ?? [];
    const nonNamespace = urls.filter(
      (u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"),
    );
    expect(nonNamespace.length).toBe(
      (source.match(/https:\/\/(localhost:3000|ictcost\.example\.nl)\//g) ?? []).length,
    );
    for (const url of nonNamespace) expect(url.startsWith(urlProd)).toBe(true);
    expect(manifest).toContain(`DefaultValue="${urlProd}taskpane.html"`);

    const lint = spawnSync("xmllint", ["--noout", "--schema", xsd, path.join(out, "manifest.xml")], {
      encoding: "utf8",
    });
    expect(lint.status).toBe(0);
  });

  test("taskpane.html has the CSP, loads office.js from Microsoft's CDN and all else from itself", () => {
    const html = read("taskpane.html");
    const csp = html.match(/http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i)?.[1] ?? "";
    const directives = new Map(
      csp.split(";").map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(" ")];
      }),
    );
    expect(directives.get("default-src")).toBe("'self'");
    expect(directives.get("script-src")).toBe("'self' https://appsforoffice.microsoft.com");
    expect(directives.get("connect-src")).toBe("'self'");
    expect(directives.get("img-src")).toBe("'self' data:");
    expect(directives.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(csp).not.toContain("unsafe-eval");

    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(officeJs); // before the bundles, which need Office at load time
    const own = scripts.slice(1);
    expect(own).toEqual(expect.arrayContaining(["taskpane.js", "commands.js", "functions.js"]));
    for (const src of own) expect(src).not.toMatch(/^(https?:)?\/\//);
    const links = [...html.matchAll(/\b(?:href|src)="?([^"\s>]+)/g)].map((m) => m[1]);
    for (const link of links.filter((l) => l !== officeJs)) expect(link).not.toMatch(/^(https?:)?\/\//);
  });

  test("the bundles use no Node-only module", () => {
    for (const file of bundles()) {
      const js = read(file);
      expect({ file, fs: /require\(\s*["'](node:)?fs["']\s*\)/.test(js) }).toEqual({ file, fs: false });
      expect({ file, exceljs: /exceljs/i.test(js) }).toEqual({ file, exceljs: false });
    }
  });

  test("the bundles generate no code: no eval, and only FAST's unreachable `new Function` fallback", () => {
    // webpack's runtime had `new Function("return this")` as its fallback for globalThis, until
    // output.environment.globalThis. FAST (fast-element's platform.js) keeps one, reached only when
    // globalThis, self and window are all missing (never in an Office host) and blocked by the CSP anyway.
    const found: { file: string; code: string }[] = [];
    for (const file of bundles()) {
      const js = read(file);
      for (const m of js.matchAll(/\bnew\s+Function\s*\(|\beval\s*\(|\bFunction\s*\(\s*["'`]/g)) {
        found.push({ file, code: js.slice(Math.max(0, m.index - 160), m.index + 40) });
      }
      expect({ file, string: /setTimeout\(\s*["'`]|setInterval\(\s*["'`]/.test(js) }).toEqual({
        file,
        string: false,
      });
    }
    expect(found).toHaveLength(1);
    expect(found[0].code).toMatch(
      /if\s*\(\s*"undefined"\s*!=\s*typeof globalThis\s*\)\s*return globalThis;.*typeof self.*typeof window.*try\s*\{\s*return new Function\("return this"\)\(\)/,
    );
  });

  test("the bundles name no host but Microsoft's office.js CDN and the production URL", () => {
    // XML namespace names are identifiers, never fetched.
    const namespaces = /^http:\/\/www\.w3\.org\//;
    for (const file of bundles()) {
      const hosts = (read(file).match(/\b(?:https?|wss?):\/\/[^\s"'`)<>\\]+/g) ?? []).filter(
        (u) => !namespaces.test(u),
      );
      const foreign = hosts.filter(
        (u) => !u.startsWith("https://appsforoffice.microsoft.com/") && !u.startsWith(urlProd),
      );
      expect({ file, foreign }).toEqual({ file, foreign: [] });
    }
  });
});

describe("Node-only modules cannot get into the add-in bundle", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(repo, "webpack.config.js"));

  test("resolve.fallback turns Node built-ins in libraries into empty modules", async () => {
    const config = await makeConfig({}, { mode: "production" });
    for (const name of ["fs", "path", "os", "crypto", "stream", "zlib"])
      expect(config.resolve.fallback[name]).toBe(false);
  });

  test("importing fs, node:path or exceljs from our code fails the build", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ictcost-guard-"));
    try {
      const entry = path.join(dir, "probe.js");
      fs.writeFileSync(
        entry,
        'const fs = require("fs");\nconst p = require("node:path");\nconst ExcelJS = require("exceljs");\n' +
          "console.log(fs, p, ExcelJS);\n",
      );
      const config = await makeConfig({}, { mode: "production" });
      const guards = config.plugins.filter((p: object) => p instanceof makeConfig.NodeOnlyImportGuard);
      expect(guards).toHaveLength(1); // the real config uses it
      const stats = await new Promise<webpack.Stats>((resolve, reject) =>
        webpack(
          {
            mode: "production",
            context: repo,
            entry: { probe: entry },
            output: { path: path.join(dir, "out") },
            resolve: config.resolve,
            plugins: guards,
          },
          (err, result) => (err || !result ? reject(err) : resolve(result)),
        ),
      );
      const errors = stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? [];
      expect(errors.join("\n")).toMatch(/imports "fs", which only runs in Node/);
      expect(errors.join("\n")).toMatch(/imports "node:path"/);
      expect(errors.join("\n")).toMatch(/imports "exceljs"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
