/**
 * Checks a benchmark edition supplied as JSON (a newer edition a user loads) against the shape of the
 * built-in one. Collects every problem as a bilingual message instead of throwing, so the user sees them all.
 */
import { isCategoryCode } from "../taxonomy";
import { Bilingual } from "../types";
import { isKpiId, kpiDefinition } from "./kpis";
import { Edition, SourcedValue, Unit, UNITS, YearValues } from "./types";

type Errors = Bilingual[];
type Obj = Record<string, unknown>;

function isObject(x: unknown): x is Obj {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function isBilingual(x: unknown): x is Bilingual {
  return isObject(x) && typeof x.nl === "string" && typeof x.en === "string";
}

function err(path: string, nl: string, en: string): Bilingual {
  return { nl: `${path}: ${nl}`, en: `${path}: ${en}` };
}

function nonEmptyString(x: unknown): x is string {
  return typeof x === "string" && x.trim() !== "";
}

function readYear(x: unknown): number | null {
  return typeof x === "number" && Number.isInteger(x) && x >= 1990 && x <= 2100 ? x : null;
}

interface Defaults {
  edition: string;
  publisher: string;
}

function readSourcedValue(x: unknown, path: string, defaults: Defaults, errors: Errors): SourcedValue | null {
  if (!isObject(x)) {
    errors.push(
      err(
        path,
        "verwacht een object met value, unit en source",
        "expected an object with value, unit and source",
      ),
    );
    return null;
  }
  const before = errors.length;
  if (typeof x.value !== "number" || !Number.isFinite(x.value)) {
    errors.push(err(`${path}.value`, "geen eindig getal", "not a finite number"));
  }
  if (!UNITS.includes(x.unit as Unit)) {
    errors.push(
      err(
        `${path}.unit`,
        `onbekende eenheid (kies uit ${UNITS.join(", ")})`,
        `unknown unit (one of ${UNITS.join(", ")})`,
      ),
    );
  }
  const source = x.source === undefined ? {} : x.source;
  if (!isObject(source)) errors.push(err(`${path}.source`, "geen object", "not an object"));
  for (const key of ["approx", "derived"] as const) {
    if (x[key] !== undefined && typeof x[key] !== "boolean")
      errors.push(err(`${path}.${key}`, "verwacht true of false", "expected true or false"));
  }
  if (x.bound !== undefined && x.bound !== "lower" && x.bound !== "upper") {
    errors.push(err(`${path}.bound`, 'verwacht "lower" of "upper"', 'expected "lower" or "upper"'));
  }
  for (const key of ["label", "note"] as const) {
    if (x[key] !== undefined && !isBilingual(x[key]))
      errors.push(err(`${path}.${key}`, "verwacht { nl, en }", "expected { nl, en }"));
  }
  if (errors.length > before || !isObject(source)) return null;
  return {
    ...(x as unknown as SourcedValue),
    // A user's edition may leave the edition and publisher out of each value: they are the edition's own.
    source: {
      edition: nonEmptyString(source.edition) ? source.edition : defaults.edition,
      publisher: nonEmptyString(source.publisher) ? source.publisher : defaults.publisher,
      ...(typeof source.lines === "string" ? { lines: source.lines } : {}),
      ...(typeof source.publication === "string" ? { publication: source.publication } : {}),
    },
  };
}

function readYearValues(x: unknown, path: string, defaults: Defaults, errors: Errors): YearValues | null {
  if (!isObject(x)) {
    errors.push(
      err(
        path,
        'verwacht een object per boekjaar, bijv. { "2022": {...} }',
        'expected an object per book year, e.g. { "2022": {...} }',
      ),
    );
    return null;
  }
  const out: YearValues = {};
  for (const [year, value] of Object.entries(x)) {
    if (!/^\d{4}$/.test(year)) {
      errors.push(err(`${path}.${year}`, "geen boekjaar (vier cijfers)", "not a book year (four digits)"));
      continue;
    }
    const sv = readSourcedValue(value, `${path}.${year}`, defaults, errors);
    if (sv) out[year] = sv;
  }
  return out;
}

function readGroup(
  x: unknown,
  path: string,
  defaults: Defaults,
  errors: Errors,
  checkKey: (key: string, values: YearValues) => Bilingual | null,
): Record<string, YearValues> {
  const out: Record<string, YearValues> = {};
  if (x === undefined) return out;
  if (!isObject(x)) {
    errors.push(err(path, "geen object", "not an object"));
    return out;
  }
  for (const [key, raw] of Object.entries(x)) {
    const values = readYearValues(raw, `${path}.${key}`, defaults, errors);
    if (!values) continue;
    const problem = checkKey(key, values);
    if (problem) errors.push(problem);
    else out[key] = values;
  }
  return out;
}

function checkKpi(key: string, values: YearValues): Bilingual | null {
  if (!isKpiId(key)) return err(`kpis.${key}`, "onbekende KPI", "unknown KPI");
  const unit = kpiDefinition(key).unit;
  const wrong = Object.keys(values).find((y) => values[y].unit !== unit);
  // A unit mix-up (106 as a share, 0.31 as euros) would give absurd verdicts: refuse it.
  return wrong ? err(`kpis.${key}.${wrong}.unit`, `moet "${unit}" zijn`, `must be "${unit}"`) : null;
}

function checkCategory(key: string): Bilingual | null {
  return isCategoryCode(key)
    ? null
    : err(`categories.${key}`, "onbekende categoriecode", "unknown category code");
}

function readHeader(x: Obj, errors: Errors): Omit<Edition, "kpis" | "categories" | "figures"> | null {
  const before = errors.length;
  for (const key of ["id", "title", "publisher"] as const) {
    if (!nonEmptyString(x[key])) errors.push(err(key, "ontbreekt of is leeg", "missing or empty"));
  }
  const bookYear = readYear(x.bookYear);
  const publishedYear = readYear(x.publishedYear);
  if (bookYear === null) errors.push(err("bookYear", "geen jaartal", "not a year"));
  if (publishedYear === null) errors.push(err("publishedYear", "geen jaartal", "not a year"));
  if (errors.length > before) return null;
  return {
    id: x.id as string,
    title: x.title as string,
    publisher: x.publisher as string,
    bookYear: bookYear as number,
    publishedYear: publishedYear as number,
  };
}

function parse(json: unknown, errors: Errors): unknown {
  if (typeof json !== "string") return json;
  try {
    return JSON.parse(json);
  } catch (e) {
    errors.push({
      nl: `Geen geldige JSON: ${(e as Error).message}`,
      en: `Not valid JSON: ${(e as Error).message}`,
    });
    return undefined;
  }
}

function validate(json: unknown, errors: Errors): Edition | undefined {
  const x = parse(json, errors);
  if (errors.length) return undefined;
  if (!isObject(x)) {
    errors.push({
      nl: "Een benchmarkeditie moet een JSON-object zijn.",
      en: "A benchmark edition must be a JSON object.",
    });
    return undefined;
  }
  const header = readHeader(x, errors);
  const defaults = { edition: String(x.title ?? ""), publisher: String(x.publisher ?? "") };
  const kpis = readGroup(x.kpis, "kpis", defaults, errors, checkKpi);
  const categories = readGroup(x.categories, "categories", defaults, errors, checkCategory);
  const figures = readGroup(x.figures, "figures", defaults, errors, () => null);
  if (!errors.length && Object.keys(kpis).length === 0) {
    errors.push({ nl: "De editie bevat geen KPI-waarden.", en: "The edition holds no KPI values." });
  }
  if (errors.length || !header) return undefined;
  return { ...header, kpis, categories, figures };
}

/** Validate a user-supplied edition (object or JSON text). Never throws: problems come back as messages. */
export function loadEdition(json: unknown): { edition?: Edition; errors: Bilingual[] } {
  const errors: Errors = [];
  try {
    const edition = validate(json, errors);
    return edition ? { edition, errors } : { errors };
  } catch (e) {
    // Only exotic inputs (throwing getters, proxies) get here; report them like any other problem.
    errors.push({ nl: `Editie niet te lezen: ${String(e)}`, en: `Edition cannot be read: ${String(e)}` });
    return { errors };
  }
}
