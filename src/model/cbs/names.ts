/**
 * Which municipality a name means: the key figures' Gemeente cell ("Gemeente Zwolle", "zwolle",
 * "Den Haag", "Súdwest-Fryslân" typed without accent, "Bergen (NH)"), a name chosen in the pane or the
 * CLI's --gemeente. Pure. A name that fits two municipalities (Bergen) or none is asked, never guessed:
 * the answer then says which names fit, or which come close.
 */
import { fold } from "../text";
import { Bilingual } from "../types";
import { CbsData, getCbsData } from "./data";

export type NameResult =
  | { kind: "match"; name: string; cbsName: string }
  | { kind: "ambiguous"; input: string; candidates: string[]; message: Bilingual }
  | { kind: "unknown"; input: string; suggestions: string[]; message: Bilingual }
  | { kind: "notInYear"; name: string; year: number; years: number[]; message: Bilingual }
  | { kind: "notMunicipality"; input: string; message: Bilingual };

/**
 * The form names are compared in: lower case, accents off, "gemeente" before or "(gemeente)" after
 * dropped, apostrophes, dots, hyphens, commas and parentheses as spaces, whitespace collapsed.
 */
export function nameKey(input: string): string {
  return fold(input)
    .replace(/[\u2018\u2019\u0060\u00b4']/g, "")
    .replace(/[.,()\-\u2010-\u2015/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:de )?gemeente (?!$)/, "")
    .replace(/ gemeente$/, "")
    .replace(/^municipality of /, "")
    .trim();
}

/** How people say names CBS spells otherwise (keys as nameKey gives them). */
const SPOKEN: Record<string, string> = {
  "den haag": "'s-Gravenhage",
  "the hague": "'s-Gravenhage",
  "s gravenhage": "'s-Gravenhage",
  gravenhage: "'s-Gravenhage",
  "den bosch": "'s-Hertogenbosch",
  "s hertogenbosch": "'s-Hertogenbosch",
  hertogenbosch: "'s-Hertogenbosch",
  nuenen: "Nuenen, Gerwen en Nederwetten",
  "zuidwest friesland": "Súdwest-Fryslân",
  "sudwest friesland": "Súdwest-Fryslân",
  "noordoost friesland": "Noardeast-Fryslân",
  "noardeast friesland": "Noardeast-Fryslân",
  "de friese meren": "De Fryske Marren",
  tietjerksteradeel: "Tytsjerksteradiel",
  dantumadeel: "Dantumadiel",
  "bergen noord holland": "Bergen (NH.)",
  "bergen nh": "Bergen (NH.)",
  "bergen n h": "Bergen (NH.)",
  "bergen limburg": "Bergen (L.)",
  "bergen lb": "Bergen (L.)",
  "bergen li": "Bergen (L.)",
};

/** Municipalities merged before CBS's first year here: their successor is suggested, never assumed. */
const MERGED: Record<string, { into: string[]; year: number }> = {
  weesp: { into: ["Amsterdam"], year: 2022 },
  beemster: { into: ["Purmerend"], year: 2022 },
  heerhugowaard: { into: ["Dijk en Waard"], year: 2022 },
  langedijk: { into: ["Dijk en Waard"], year: 2022 },
  uden: { into: ["Maashorst"], year: 2022 },
  landerd: { into: ["Maashorst"], year: 2022 },
  boxmeer: { into: ["Land van Cuijk"], year: 2022 },
  cuijk: { into: ["Land van Cuijk"], year: 2022 },
  grave: { into: ["Land van Cuijk"], year: 2022 },
  "mill en sint hubert": { into: ["Land van Cuijk"], year: 2022 },
  "sint anthonis": { into: ["Land van Cuijk"], year: 2022 },
  brielle: { into: ["Voorne aan Zee"], year: 2023 },
  hellevoetsluis: { into: ["Voorne aan Zee"], year: 2023 },
  westvoorne: { into: ["Voorne aan Zee"], year: 2023 },
  appingedam: { into: ["Eemsdelta"], year: 2021 },
  delfzijl: { into: ["Eemsdelta"], year: 2021 },
  loppersum: { into: ["Eemsdelta"], year: 2021 },
  haaren: { into: ["Boxtel", "Oisterwijk", "Tilburg", "Vught"], year: 2021 },
};

const NOT_MUNICIPALITY = new Set([
  "nederland",
  "the netherlands",
  "netherlands",
  "nl",
  "totaal",
  "landelijk",
]);

interface NameIndex {
  data: CbsData;
  byKey: Map<string, string[]>;
  keys: string[];
}

const indexes = new WeakMap<CbsData, NameIndex>();

function add(map: Map<string, string[]>, key: string, name: string): void {
  if (key === "") return;
  const list = map.get(key) ?? [];
  if (!list.includes(name)) list.push(name);
  map.set(key, list);
}

/** Every key a CBS name is known by: itself, CBS's suffixed name, without a "(NH.)"-style suffix. */
function buildIndex(data: CbsData): NameIndex {
  const byKey = new Map<string, string[]>();
  const exact = new Set(data.names.map(nameKey));
  for (const name of data.names) add(byKey, nameKey(name), name);
  for (const name of data.names) {
    const year = data.yearsOf(name)[0];
    const m = year === undefined ? undefined : data.municipality(name, year);
    const cbsName = m?.cbsName ?? name;
    if (cbsName !== name) add(byKey, nameKey(cbsName), name);
    // "Bergen (NH.)" is also "Bergen": both Bergens then share that key (ambiguous).
    for (const full of [name, cbsName]) {
      const base = full.replace(/\s*\([^)]*\)\s*$/, "");
      // (a suffix on a name that exists bare, Utrecht (gemeente), adds nothing: the bare name matches)
      if (base !== full && !exact.has(nameKey(base))) add(byKey, nameKey(base), name);
      if (base !== full && m) add(byKey, nameKey(`${base} ${m.province}`), name);
    }
  }
  for (const [key, name] of Object.entries(SPOKEN)) if (data.names.includes(name)) add(byKey, key, name);
  return { data, byKey, keys: [...byKey.keys()] };
}

function indexOf(data: CbsData): NameIndex {
  let idx = indexes.get(data);
  if (!idx) indexes.set(data, (idx = buildIndex(data)));
  return idx;
}

/** Levenshtein distance, stopping early past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Up to five names close to the key: typos (edit distance), then names the key starts or is part of. */
function suggestionsFor(idx: NameIndex, key: string): string[] {
  const max = Math.max(1, Math.min(3, Math.floor(key.length / 4)));
  const scored: { name: string; d: number }[] = [];
  for (const k of idx.keys) {
    let d = distance(key, k, max);
    if (d > max && key.length >= 3 && (k.startsWith(key) || k.includes(` ${key}`))) d = max + 0.5;
    if (d <= max + 0.5) for (const name of idx.byKey.get(k)!) scored.push({ name, d });
  }
  scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name, "nl"));
  return [...new Set(scored.map((s) => s.name))].slice(0, 5);
}

const list = (names: readonly string[], and: string) =>
  names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`;

/** "2023–2025" or "2023, 2025". */
export function yearsText(years: readonly number[]): string {
  if (years.length === 0) return "";
  const contiguous = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return contiguous && years.length > 2 ? `${years[0]}–${years[years.length - 1]}` : years.join(", ");
}

/**
 * The municipality a name means. With a year, a municipality CBS lacks in that year (merged, or new)
 * says which years CBS has it (a year outside all of CBS's years is no such case: the nearest is used
 * and said by the caller).
 */
export function findMunicipality(input: string, year?: number, data: CbsData = getCbsData()): NameResult {
  const key = nameKey(input);
  const shown = input.trim();
  if (NOT_MUNICIPALITY.has(key)) {
    return {
      kind: "notMunicipality",
      input: shown,
      message: {
        nl: `'${shown}' is geen gemeente: CBS geeft voor Nederland alleen het totaal van alle gemeenten. Vul de naam van uw gemeente in.`,
        en: `'${shown}' is not a municipality: CBS gives only the total of all municipalities for the Netherlands. Enter the name of your municipality.`,
      },
    };
  }
  if (key === "") {
    return {
      kind: "unknown",
      input: shown,
      suggestions: [],
      message: { nl: "Geen gemeente opgegeven.", en: "No municipality given." },
    };
  }
  const idx = indexOf(data);
  const found = idx.byKey.get(key) ?? [];
  if (found.length > 1) {
    const names = [...found].sort((a, b) => a.localeCompare(b, "nl"));
    return {
      kind: "ambiguous",
      input: shown,
      candidates: names,
      message: {
        nl: `'${shown}' kan ${list(names, "of")} zijn: schrijf de naam zoals CBS hem spelt (bijv. '${names[0]}').`,
        en: `'${shown}' could be ${list(names, "or")}: write the name as CBS spells it (e.g. '${names[0]}').`,
      },
    };
  }
  if (found.length === 1) {
    const name = found[0];
    const years = data.yearsOf(name);
    const first = data.classYears[0];
    const last = data.classYears[data.classYears.length - 1];
    if (year !== undefined && year >= first && year <= last && !years.includes(year)) {
      return {
        kind: "notInYear",
        name,
        year,
        years,
        message: {
          nl: `CBS heeft ${name} niet in ${year} (wel in ${yearsText(years)}): een samengevoegde of nieuwe gemeente. Vul inwoners en begroting zelf in.`,
          en: `CBS does not have ${name} in ${year} (it does in ${yearsText(years)}): a merged or new municipality. Enter inhabitants and budget yourself.`,
        },
      };
    }
    const y = years.includes(year ?? NaN) ? (year as number) : years[years.length - 1];
    const m = y === undefined ? undefined : data.municipality(name, y);
    return { kind: "match", name, cbsName: m?.cbsName ?? name };
  }
  // Own keys only: a typed "__proto__" or "constructor" is text, not a lookup into Object.prototype.
  const merged = Object.prototype.hasOwnProperty.call(MERGED, key) ? MERGED[key] : undefined;
  if (merged) {
    const into = merged.into.filter((n) => data.names.includes(n));
    return {
      kind: "unknown",
      input: shown,
      suggestions: into,
      message: {
        nl: `${shown} is sinds ${merged.year} opgegaan in ${list(into, "en")}; CBS heeft ${shown} niet in ${yearsText(data.classYears)}. Bedoelt u ${list(into, "of")}?`,
        en: `${shown} became part of ${list(into, "and")} in ${merged.year}; CBS does not have ${shown} in ${yearsText(data.classYears)}. Do you mean ${list(into, "or")}?`,
      },
    };
  }
  const suggestions = suggestionsFor(idx, key);
  const hint =
    suggestions.length > 0
      ? { nl: ` Bedoelt u ${list(suggestions, "of")}?`, en: ` Do you mean ${list(suggestions, "or")}?` }
      : { nl: " Schrijf de naam zoals CBS hem spelt.", en: " Write the name as CBS spells it." };
  return {
    kind: "unknown",
    input: shown,
    suggestions,
    message: {
      nl: `CBS kent geen gemeente '${shown}'.${hint.nl}`,
      en: `CBS knows no municipality '${shown}'.${hint.en}`,
    },
  };
}

/** Every CBS name, for a type-ahead (offline): names whose key starts with, then contains, the typed text. */
export function municipalityNames(prefix = "", data: CbsData = getCbsData()): string[] {
  const key = nameKey(prefix);
  if (key === "") return [...data.names];
  const starts = data.names.filter((n) => nameKey(n).startsWith(key));
  const contains = data.names.filter((n) => !starts.includes(n) && nameKey(n).includes(key));
  return [...starts, ...contains];
}
