import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

/**
 * Arrows point one way: the faces (excel, functions, taskpane, commands, cli) import the core;
 * the core imports none of them, no Node module and no Office global; custom functions never
 * reach the Office adapter (they must not write to the workbook).
 */
const SRC = join(__dirname, "..", "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']/g)].map((m) => m[1]);
}

const NODE_ONLY = /^(node:|fs$|path$|os$|child_process$|crypto$|exceljs$|csv-parse)/;

describe("architecture", () => {
  const core = files(join(SRC, "model"));

  it("finds the core's files", () => {
    expect(core.length).toBeGreaterThan(20);
  });

  it.each(core.map((f) => [relative(SRC, f), f]))("%s imports only the core", (_name, file) => {
    for (const spec of imports(file)) {
      expect(spec).not.toMatch(NODE_ONLY);
      expect(spec).not.toMatch(/(^|\/)(excel|cli|taskpane|functions|commands)(\/|$)/);
      expect(spec.startsWith(".")).toBe(true);
    }
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect(text).not.toMatch(/\b(Office|Excel|CustomFunctions)\./);
  });

  it.each(files(join(SRC, "functions")).map((f) => [relative(SRC, f), f]))(
    "%s does not reach the Office adapter or Node",
    (_name, file) => {
      for (const spec of imports(file)) {
        expect(spec).not.toMatch(/(^|\/)(excel|cli|taskpane)(\/|$)/);
        expect(spec).not.toMatch(NODE_ONLY);
      }
    },
  );

  // One pipeline, two faces: the CLI and the add-in share the core, never each other's code.
  it.each(files(join(SRC, "cli")).map((f) => [relative(SRC, f), f]))(
    "%s does not import the add-in",
    (_name, file) => {
      for (const spec of imports(file))
        expect(spec).not.toMatch(/(^|\/)\.\.\/(excel|taskpane|functions|commands)(\/|$)/);
    },
  );

  it.each(
    ["excel", "taskpane", "functions", "commands"].flatMap((d) =>
      files(join(SRC, d)).map((f) => [relative(SRC, f), f]),
    ),
  )("%s does not import the CLI", (_name, file) => {
    for (const spec of imports(file)) expect(spec).not.toMatch(/(^|\/)\.\.\/cli(\/|$)/);
  });
});
