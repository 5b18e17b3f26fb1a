/**
 * The "Functie invoegen" list against the functions' real metadata: the golden functions.json (generated from
 * the JSDoc in src/functions/functions.ts) and the Dutch texts; and every example formula works.
 */
import { excelError } from "../functions/shim"; // first: installs the CustomFunctions global
import * as F from "../../src/functions/functions";
import golden from "../functions/__golden__/functions.json";
import localeNl from "../../src/functions/locale-nl.json";
import { FUNCTIONS, syntax, FUNCTION_ERRORS } from "../../src/taskpane/functionsList";

interface Meta {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
}
const metadata = (golden as { functions: Meta[] }).functions;
const nl = (localeNl as { functions: Record<string, { description: string }> }).functions;

test("lists exactly the functions of the metadata, in its order", () => {
  expect(FUNCTIONS.map((f) => f.name)).toEqual(metadata.map((m) => m.name));
});

describe.each(metadata.map((m) => [m.name, m] as const))("%s", (name, meta) => {
  const fn = FUNCTIONS.find((f) => f.name === name)!;

  test("parameters and descriptions match the metadata and the Dutch texts", () => {
    expect(fn.parameters).toEqual(
      meta.parameters.map((p) => ({ name: p.name, ...(p.optional ? { optional: true } : {}) })),
    );
    expect(fn.description.en).toBe(meta.description);
    expect(fn.description.nl).toBe(nl[meta.id].description);
  });

  test("the example is a formula Excel accepts that gives a value, not an error", () => {
    const m = /^=ICTCOST\.([A-Z0-9]+)\((.*)\)$/.exec(fn.example);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(name);
    // English separators: arguments are JSON literals separated by commas
    const args = JSON.parse(`[${m![2]}]`) as unknown[];
    const required = meta.parameters.filter((p) => !p.optional).length;
    expect(args.length).toBeGreaterThanOrEqual(required);
    expect(args.length).toBeLessThanOrEqual(meta.parameters.length);
    const passed = args.map((a, i) => (meta.parameters[i].dimensionality === "matrix" ? [[a]] : a));
    const result = (F as unknown as Record<string, (...a: unknown[]) => unknown>)[name](...passed);
    expect(excelError(result)).toBeNull();
  });

  test("syntax shows optional parameters in brackets", () => {
    const s = syntax(fn);
    expect(s.startsWith(`ICTCOST.${name}(`)).toBe(true);
    for (const p of meta.parameters) expect(s).toContain(p.optional ? `[${p.name}]` : p.name);
  });
});

test("the error help names each error the functions return, and says which carry no message in Excel", () => {
  const nl = FUNCTION_ERRORS.map((e) => e.nl).join("\n");
  const en = FUNCTION_ERRORS.map((e) => e.en).join("\n");
  for (const code of ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!"]) expect(en).toContain(code);
  for (const code of ["#WAARDE!", "#N/B", "#DEEL/0!", "#GETAL!"]) expect(nl).toContain(code);
  expect(FUNCTION_ERRORS.filter((e) => /geen melding/.test(e.nl)).map((e) => e.en.split(":")[0])).toEqual([
    "#DIV/0!",
    "#NUM!",
  ]);
  expect(nl).toContain("CATEGORY");
});
