/**
 * The built-in categorisation knowledge, loaded from the data files in ./knowledge: words, product,
 * supplier, account and cost-centre names of the Dutch municipal ICT market, each with the reason
 * a controller can read (`why`). The engine compiles them once into a token index; nothing here
 * runs per line.
 *
 * Patterns are written as users would ("Power BI"): that spelling names the rule in explanations.
 * Pattern syntax (matched on folded words: case and accents ignored, punctuation splits words):
 *   "laptop"        the word itself
 *   "laptop*"       the word and Dutch compounds that start with it ("laptoptassen")
 *   "*beheerder"    compounds that end with it ("systeembeheerder")
 *   "Power BI"      consecutive words (a phrase); its last word may end in "*"
 *
 * Two kinds of weight: `weight` says which category (or component) a rule points at; `ict` says
 * how much it proves that the line is ICT at all. A product name, an ICT-only supplier, an ICT
 * account or cost centre prove it; a domain word ("Wmo", "belastingen"), a generic word
 * ("licentie", "netwerk") or a staffing agency does not: it only chooses among ICT categories.
 */
import { CategoryCode, Component, Delivery, Nature, Staffing } from "../types";
import attributes from "./knowledge/attributes.json";
import context from "./knowledge/context.json";
import infrastructure from "./knowledge/infrastructure.json";
import notIct from "./knowledge/not-ict.json";
import personnel from "./knowledge/personnel.json";
import software from "./knowledge/software.json";
import suppliers from "./knowledge/suppliers.json";

type RuleKind = "product" | "keyword" | "supplier" | "role" | "signal" | "context";

/** The columns a rule can read, by the names the data files use. */
export const FIELD_NAMES = ["omschrijving", "leverancier", "grootboek", "kostenplaats", "taakveld"] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export interface RuleDef {
  kind: RuleKind;
  /** Patterns, see the syntax above; the first one (without "*") names the rule in explanations. */
  words: string[];
  /** Evidence for one category. */
  category?: CategoryCode;
  /** Evidence for a component only (generic "software", personnel words like "inhuur"). */
  component?: Component;
  weight: number;
  /** How much the rule proves the line is ICT (0: it only points at a category). */
  ict?: number;
  /** Only these columns (account and cost-centre names); every column when absent. */
  fields?: FieldName[];
  /** Explicit delivery evidence ("SaaS", "onderhoud"), scaled by the column like the weight. */
  delivery?: Exclude<Delivery, null>;
  deliveryWeight?: number;
  /** How a product is usually delivered, when the line says nothing about it. */
  defaultDelivery?: Exclude<Delivery, null>;
  staffing?: Exclude<Staffing, null>;
  nature?: Exclude<Nature, null>;
  /** Why the rule says what it says, for a controller reading the data (required in the files). */
  why?: string;
}

/** One entry of a data file: `ict` is true (proves ICT with its weight), false/absent, or a number. */
type RuleData = Omit<RuleDef, "ict" | "kind" | "category" | "component" | "fields"> & {
  kind: string;
  category?: string;
  component?: string;
  fields?: string[];
  ict?: boolean | number;
};
interface KnowledgeFile {
  about: string;
  rules: RuleData[];
}

const KINDS: RuleKind[] = ["product", "keyword", "supplier", "role", "signal", "context"];

/** Checks one entry and resolves `ict`; a broken data file fails at load, not silently per line. */
function toRule(data: RuleData, file: string): RuleDef {
  const where = `${file}: ${JSON.stringify(data.words)}`;
  if (!KINDS.includes(data.kind as RuleKind)) throw new Error(`Onbekende soort regel in ${where}`);
  if (!Array.isArray(data.words) || data.words.length === 0) throw new Error(`Geen woorden in ${where}`);
  if (!data.why) throw new Error(`Geen 'why' (reden voor de controller) in ${where}`);
  for (const f of data.fields ?? []) {
    if (!FIELD_NAMES.includes(f as FieldName)) throw new Error(`Onbekende kolom '${f}' in ${where}`);
  }
  const ict = data.ict === true ? data.weight : typeof data.ict === "number" ? data.ict : 0;
  return {
    ...data,
    kind: data.kind as RuleKind,
    ict,
    fields: data.fields as FieldName[] | undefined,
  } as RuleDef;
}

function load(file: string, data: KnowledgeFile): RuleDef[] {
  return data.rules.map((r) => toRule(r, file));
}

export const BUILTIN_RULES: readonly RuleDef[] = [
  ...load("software", software as KnowledgeFile),
  ...load("personnel", personnel as KnowledgeFile),
  ...load("infrastructure", infrastructure as KnowledgeFile),
  ...load("suppliers", suppliers as KnowledgeFile),
  ...load("context", context as KnowledgeFile),
  ...load("not-ict", notIct as KnowledgeFile),
  ...load("attributes", attributes as KnowledgeFile),
];
