/**
 * Issue 7, part 5: dependencies. `npm audit` cannot run from the build machine (the registry mirror answers
 * 405 on the audit endpoint; see docs/security.md), so the defence is a small, fixed runtime dependency list
 * and an add-in bundle that contains none of the Node-side ones. This test follows the import graph of the
 * three webpack entries through the sources, without building.
 */
import fs from "fs";
import path from "path";
import { builtinModules } from "module";

const ROOT = path.join(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  bundledDependencies?: string[];
};

/** The webpack entries (webpack.config.js): the task pane, the ribbon commands and the custom functions. */
const ENTRIES = ["src/taskpane/taskpane.ts", "src/commands/commands.ts", "src/functions/functions.ts"];

/** Import specifiers of a file that end up in a bundle: static, side-effect and dynamic imports, require. */
function importsOf(file: string): string[] {
  const text = fs
    .readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  const out: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm,
    /^\s*export\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm,
    /^\s*import\s+["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

function resolveLocal(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.js`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${path.relative(ROOT, from)}`);
}

/** Every source file reachable from the entries, and every package (or built-in) they import. */
function graph(entries: string[]): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>(); // package → first importing file
  const todo = entries.map((e) => path.join(ROOT, e));
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.(ts|js)$/.test(file)) continue;
    for (const spec of importsOf(file)) {
      if (spec.startsWith(".")) todo.push(resolveLocal(file, spec));
      else {
        const parts = spec.replace(/^node:/, "").split("/");
        const name = parts[0].startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
        if (!packages.has(name)) packages.set(name, path.relative(ROOT, file));
      }
    }
  }
  return { files, packages };
}

describe("runtime dependencies", () => {
  it("are exactly ExcelJS, csv-parse, fflate and saxes (CLI) and Fluent UI web components (task pane)", () => {
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual([
      "@fluentui/web-components",
      "csv-parse",
      "exceljs",
      "fflate",
      "saxes",
    ]);
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(pkg.bundledDependencies ?? []).toEqual([]);
  });
});

describe("the add-in's import graph (webpack entries → src/**)", () => {
  const { files, packages } = graph(ENTRIES);

  it("reaches the model, the Excel adapter and the custom functions, and nothing of the CLI", () => {
    const rel = [...files].map((f) => path.relative(ROOT, f));
    expect(rel).toEqual(expect.arrayContaining(ENTRIES));
    expect(rel.some((f) => f.startsWith("src/model/"))).toBe(true);
    expect(rel.some((f) => f.startsWith("src/excel/"))).toBe(true);
    expect(rel.filter((f) => f.startsWith("src/cli/"))).toEqual([]);
  });

  it("imports neither exceljs nor csv-parse nor any Node built-in (fs, path, child_process, …)", () => {
    const nodeOnly = new Set(["exceljs", "csv-parse", ...builtinModules.filter((m) => !m.startsWith("_"))]);
    const found = [...packages].filter(([name]) => nodeOnly.has(name)).map(([name, by]) => `${name} (${by})`);
    expect(found).toEqual([]);
  });

  it("imports no package but Fluent UI's web components", () => {
    expect([...packages.keys()].filter((p) => p !== "@fluentui/web-components")).toEqual([]);
    expect([...packages.keys()]).toContain("@fluentui/web-components");
  });

  it("the graph walker sees a Node import when there is one (the CLI's reader imports fs and csv-parse)", () => {
    const cli = graph(["src/cli/input.ts"]);
    expect([...cli.packages.keys()]).toEqual(expect.arrayContaining(["fs", "path", "csv-parse"]));
  });
});
