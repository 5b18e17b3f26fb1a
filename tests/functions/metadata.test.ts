/**
 * The metadata Excel reads (functions.json), generated from src/functions/functions.ts exactly as
 * custom-functions-metadata-plugin does at build time, against a golden copy; and its Dutch localisation.
 * Refresh the golden file after an intended change: UPDATE_GOLDEN=1 npx jest tests/functions/metadata
 */
import fs from "fs";
import os from "os";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  FunctionsLocalePlugin,
  helpAnchors,
  LocaleStrings,
  localiseMetadata,
  renderHelpPage,
} from "../../src/functions/locale-plugin";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = path.join(ROOT, "src/functions/functions.ts");
const GOLDEN = path.join(__dirname, "__golden__/functions.json");
const NL: LocaleStrings = JSON.parse(
  fs.readFileSync(path.join(ROOT, "src/functions/locale-nl.json"), "utf8"),
);
const HELP = fs.readFileSync(path.join(ROOT, "docs/functions.md"), "utf8");

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  result: { type?: string; dimensionality?: string };
  parameters: Param[];
}
interface Metadata {
  functions: Fn[];
  [key: string]: unknown;
}

const EXPECTED_IDS = [
  "PERINHABITANT",
  "PER100K",
  "BENCHMARK",
  "DIFFERENCE",
  "CATEGORY",
  "CATEGORYNAME",
  "COMPONENT",
  "SAAS",
  "HIREDSHARE",
  "COSTPERFTE",
  "INFLATE",
  "CPI",
  "SAASEFFECT",
  "BUDGETSHARE",
  "INDEXBUDGET",
];

let metadata: Metadata;
let metadataJson: string;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  expect(result.errors).toEqual([]);
  metadataJson = result.metadataJson;
  metadata = JSON.parse(metadataJson);
});

function fn(id: string): Fn {
  const f = metadata.functions.find((x) => x.id === id);
  if (!f) throw new Error(`no function ${id}`);
  return f;
}

describe("generated functions.json", () => {
  test("matches the golden file", () => {
    if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(GOLDEN, JSON.stringify(metadata, null, 2) + "\n");
    const golden = JSON.parse(fs.readFileSync(GOLDEN, "utf8"));
    expect(metadata).toEqual(golden);
  });

  test("has exactly the ICTCOST functions, ids equal to names", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(EXPECTED_IDS);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  test("no parameter is repeating (ranges are 2-D)", () => {
    for (const f of metadata.functions) {
      for (const p of f.parameters)
        expect({ fn: f.id, p: p.name, repeating: p.repeating }).toEqual({
          fn: f.id,
          p: p.name,
          repeating: undefined,
        });
    }
  });

  test("every function and parameter has a description", () => {
    for (const f of metadata.functions) {
      expect(f.description?.trim()).toBeTruthy();
      for (const p of f.parameters) expect([f.id, p.name, p.description?.trim() || ""]).not.toContain("");
    }
  });

  test("descriptions are one line and at most 255 characters (Excel's function dialog), in both languages", () => {
    const { metadata: nl } = localiseMetadata(metadata, NL);
    for (const m of [metadata, nl]) {
      for (const f of m.functions) {
        for (const [what, d] of [
          [f.id, f.description],
          ...f.parameters.map((p) => [`${f.id}.${p.name}`, p.description]),
        ]) {
          expect({ what, newline: /\n/.test(d ?? ""), tooLong: (d ?? "").length > 255 }).toEqual({
            what,
            newline: false,
            tooLong: false,
          });
        }
      }
    }
  });

  test("every helpUrl points at the function's section of the help page, and that section exists", () => {
    const anchors = new Set(helpAnchors(HELP));
    for (const f of metadata.functions) {
      expect(f.helpUrl).toBe(`https://localhost:3000/docs/functions.html#${f.id.toLowerCase()}`);
      expect(anchors).toContain(f.id.toLowerCase());
    }
  });

  test("range parameters are matrices; CATEGORY spills a matrix of text", () => {
    const dims = (id: string) =>
      Object.fromEntries(fn(id).parameters.map((p) => [p.name, `${p.type}/${p.dimensionality ?? "scalar"}`]));
    expect(dims("PERINHABITANT")).toEqual({
      amounts: "any/matrix",
      inhabitants: "number/scalar",
      criteria_range: "any/matrix",
      criterion: "string/scalar",
    });
    expect(dims("CATEGORY")).toEqual({
      description: "any/matrix",
      supplier: "any/matrix",
      account: "any/matrix",
    });
    expect(fn("CATEGORY").result).toEqual({ type: "string", dimensionality: "matrix" });
    for (const f of metadata.functions) {
      if (f.id === "PERINHABITANT" || f.id === "CATEGORY") continue;
      for (const p of f.parameters)
        expect([f.id, p.name, p.dimensionality ?? "scalar"]).toEqual([f.id, p.name, "scalar"]);
    }
  });

  test("optional parameters are the bracketed ones of the signatures", () => {
    const optional = metadata.functions.flatMap((f) =>
      f.parameters.filter((p) => p.optional).map((p) => `${f.id}.${p.name}`),
    );
    expect(optional).toEqual([
      "PERINHABITANT.criteria_range",
      "PERINHABITANT.criterion",
      "BENCHMARK.year",
      "BENCHMARK.edition",
      "DIFFERENCE.year",
      "DIFFERENCE.as_percent",
      "CATEGORY.supplier",
      "CATEGORY.account",
      "CATEGORYNAME.language",
      "COMPONENT.language",
      "SAAS.supplier",
      "INDEXBUDGET.real_growth",
    ]);
  });
});

describe("Dutch metadata (functions-nl.json)", () => {
  test("every function and every parameter has a Dutch description, and nothing is stale", () => {
    const { metadata: nl, problems } = localiseMetadata(metadata, NL);
    expect(problems).toEqual([]);
    nl.functions.forEach((f, i) => {
      const en = metadata.functions[i];
      expect(f.description?.trim()).toBeTruthy();
      expect(f.description).not.toBe(en.description);
      f.parameters.forEach((p, k) => {
        expect(p.description?.trim()).toBeTruthy();
        expect([f.id, p.name, p.description]).not.toEqual([f.id, p.name, en.parameters[k].description]);
      });
    });
  });

  test("only descriptions change: ids, names, types, optionality and helpUrls stay those of the code", () => {
    const { metadata: nl } = localiseMetadata(metadata, NL);
    const strip = (m: Metadata) =>
      m.functions.map(({ description: _d, parameters, ...rest }) => ({
        ...rest,
        parameters: parameters.map(({ description: _pd, ...p }) => p),
      }));
    expect(strip(nl)).toEqual(strip(metadata));
  });

  test("a missing or stale translation is reported", () => {
    const rest = Object.fromEntries(Object.entries(NL.functions).filter(([id]) => id !== "PER100K"));
    const broken: LocaleStrings = {
      functions: {
        ...rest,
        CPI: { description: "x", parameters: { jaar: "y" } },
        OLDFUNCTION: { description: "z" },
      },
    };
    expect(localiseMetadata(metadata, broken).problems.sort()).toEqual([
      "CPI(jaar): translated, but the function has no such parameter",
      "CPI(year): no translated description",
      "OLDFUNCTION: translated, but there is no such function",
      "PER100K(inhabitants): no translated description",
      "PER100K(value): no translated description",
      "PER100K: no translated description",
    ]);
  });
});

describe("help page", () => {
  test("renders one section per function with its anchor", () => {
    const html = renderHelpPage(HELP, "ICTCOST-functies");
    for (const id of EXPECTED_IDS) expect(html).toContain(`<h2 id="${id.toLowerCase()}">ICTCOST.${id}</h2>`);
    expect(html).toContain("<table>");
    expect(html).not.toMatch(/\{#/);
  });
});

describe("webpack build with the locale plugin", () => {
  test("emits functions.json, functions-nl.json and docs/functions.html, URLs rewritten", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpack = require("webpack");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "ictcost-functions-"));
    const entry = path.join(out, "entry.js");
    fs.writeFileSync(entry, "module.exports = 1;\n");
    const compiler = webpack({
      mode: "production",
      context: ROOT,
      entry,
      output: { path: path.join(out, "dist"), filename: "main.js" },
      plugins: [
        new CustomFunctionsMetadataPlugin({
          output: "functions.json",
          input: "./src/functions/functions.ts",
        }),
        new FunctionsLocalePlugin({
          strings: "./src/functions/locale-nl.json",
          helpPage: { from: "./docs/functions.md", to: "docs/functions.html" },
          transformUrls: (t) => t.split("https://localhost:3000/").join("https://prod.example/"),
        }),
      ],
    });
    const stats = await new Promise<{ hasErrors(): boolean; toString(o: string): string }>(
      (resolve, reject) =>
        compiler.run((err: Error | null, s: { hasErrors(): boolean; toString(o: string): string }) =>
          err ? reject(err) : resolve(s),
        ),
    );
    await new Promise((r) => compiler.close(r));
    expect(stats.hasErrors() ? stats.toString("errors-only") : "").toBe("");
    const en: Metadata = JSON.parse(fs.readFileSync(path.join(out, "dist/functions.json"), "utf8"));
    const nl: Metadata = JSON.parse(fs.readFileSync(path.join(out, "dist/functions-nl.json"), "utf8"));
    expect(en.functions.map((f) => f.id)).toEqual(EXPECTED_IDS);
    expect(nl.functions.map((f) => f.id)).toEqual(EXPECTED_IDS);
    expect(nl.functions[0].description).toBe(NL.functions.PERINHABITANT.description);
    expect(en.functions[0].helpUrl).toBe("https://prod.example/docs/functions.html#perinhabitant");
    expect(nl.functions[0].helpUrl).toBe("https://prod.example/docs/functions.html#perinhabitant");
    expect(fs.readFileSync(path.join(out, "dist/docs/functions.html"), "utf8")).toMatch(
      /id="?perinhabitant"?[ >]/,
    );
    fs.rmSync(out, { recursive: true, force: true });
  });
});
