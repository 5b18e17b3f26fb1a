/**
 * Evidence: what one rule says about one column of a line, flattened to numbers once at compile
 * time, and the reusable list of a line's evidence. Cost centre and taakveld add their own light
 * evidence against ICT when they name no ICT team or another taakveld than overhead.
 */
import { parseIv3Category, parseTaakveld } from "../iv3";
import { CODE_INDEX, COMPONENT_ORDER, NATURES } from "./codes";
import { FIELD_NAMES, RuleDef } from "./rules";

/** The three columns a user rule can look at. */
export type LineText = { description: string; supplier: string; account: string };
/** The columns the built-in rules read, in the order of FIELD_NAMES (as explanations name them). */
export const FIELD_LABELS = FIELD_NAMES;
/** 0 omschrijving, 1 leverancier, 2 grootboek, 3 kostenplaats, 4 taakveld (with Iv3 categorie). */
export type FieldIndex = 0 | 1 | 2 | 3 | 4;
export type ContextField = 1 | 2 | 3 | 4;

/** A compiled rule plus the name shown in explanations. */
export interface Hit {
  rule: RuleDef;
  label: string;
  /** Its evidence from each column, made once so classifying a line allocates none. */
  byField: (Contribution | null)[];
}

/**
 * One rule's evidence from one column, flattened to numbers at compile time: every contribution
 * has the same shape, which keeps the per-line loops monomorphic (and fast) in V8.
 */
export interface Contribution {
  hit: Hit;
  field: FieldIndex;
  /** Numbers every contribution, so explanations can be remembered per pair. */
  id: number;
  /** How an explanation names it, e.g. "omschrijving: 'laptop'". */
  text: string;
  weight: number;
  /** How much it proves the line is ICT at all (0 for a word that only points at a category). */
  ict: number;
  /**
   * Only chooses among the categories of a component other evidence chose: a role named by a
   * cost centre ("Servicedesk") says which personnel category, not that the line is personnel.
   */
  conditional: boolean;
  /** Index into CODES, or -1 when the rule names no category. */
  codeIndex: number;
  /** Index into COMPONENT_ORDER, or -1. */
  componentIndex: number;
  saas: number;
  onPremise: number;
  hired: number;
  own: number;
  /** Index into NATURES, or -1. */
  natureIndex: number;
  natureWeight: number;
  /** Evidence of the line's Iv3 categorie code (see iv3Evidence): named when it set staffing or nature. */
  iv3: boolean;
  /** The Iv3 categorie says the line is paid through a gemeenschappelijke regeling (4.3.3). */
  gr: boolean;
}

/**
 * A cost centre that names no ICT team is light evidence against ICT: salaries and temps there
 * belong to that department. A product, ICT supplier or ICT account easily outweighs it.
 */
const NON_ICT_COST_CENTRE = 1;
/** A taakveld other than 0.4 Overhead (where ICT is booked) is lighter evidence still. */
const NON_OVERHEAD_TAAKVELD = 0.5;

/**
 * How much a rule counts in a column, or null when it does not read that column. The description
 * leads; a supplier rule counts fully in the supplier column; account, cost centre and taakveld
 * words count half. Rules written for account or cost-centre names count fully there.
 */
function fieldWeight(rule: RuleDef, field: FieldIndex): number | null {
  if (rule.fields) return rule.fields.includes(FIELD_NAMES[field]) ? 1 : null;
  if (field === 0) return 1;
  if (field === 1) return rule.kind === "supplier" ? 1 : 0.6;
  return 0.5;
}

/** The evidence of a supplier or account text. */
export interface Column {
  readonly evidence: readonly Contribution[];
}
export const NO_COLUMN: Column = { evidence: [] };

/** A line's evidence: a growable list that is reused from line to line, so a line allocates none. */
export class Evidence {
  items: Contribution[] = [];
  length = 0;
  add(c: Contribution): void {
    if (this.length < this.items.length) this.items[this.length] = c;
    else this.items.push(c);
    this.length++;
  }
  addAll(cs: readonly Contribution[]): void {
    for (let i = 0; i < cs.length; i++) this.add(cs[i]);
  }
}

let contributions = 0;

export function makeHit(rule: RuleDef, label: string): Hit {
  const hit = { rule, label } as Hit;
  const at = (field: FieldIndex): Contribution | null => {
    const scale = fieldWeight(rule, field);
    if (scale === null) return null;
    const weight = rule.weight * scale;
    // A product's usual delivery counts once, as weak evidence next to what the line says.
    const usual = field === 0 ? 1 : 0.6;
    const explicit = (rule.deliveryWeight ?? 1) * scale;
    return contribution(
      hit,
      field,
      field === 1 && rule.kind === "supplier"
        ? `leverancier: ${label}`
        : `${FIELD_LABELS[field]}: '${label}'`,
      weight,
      (rule.ict ?? 0) * scale,
      {
        saas: (rule.delivery === "saas" ? explicit : 0) + (rule.defaultDelivery === "saas" ? usual : 0),
        onPremise:
          (rule.delivery === "on-premise" ? explicit : 0) +
          (rule.defaultDelivery === "on-premise" ? usual : 0),
        natureWeight: rule.nature ? scale : 0,
      },
    );
  };
  hit.byField = [at(0), at(1), at(2), at(3), at(4)];
  return hit;
}

/** Every contribution is made here, as one literal, so they all share one shape (see Contribution). */
function contribution(
  hit: Hit,
  field: FieldIndex,
  text: string,
  weight: number,
  ict: number,
  delivery: { saas: number; onPremise: number; natureWeight: number },
  flags: { iv3: boolean; gr: boolean } = NO_FLAGS,
): Contribution {
  const rule = hit.rule;
  return {
    hit,
    field,
    id: contributions++,
    text,
    weight,
    ict,
    // A role in a context column names the team, not that the line is about a person.
    conditional: rule.kind === "role" && field >= 2,
    codeIndex: rule.category ? (CODE_INDEX.get(rule.category) as number) : -1,
    componentIndex: rule.component ? COMPONENT_ORDER.indexOf(rule.component) : -1,
    saas: delivery.saas,
    onPremise: delivery.onPremise,
    hired: rule.staffing === "hired" ? weight : 0,
    own: rule.staffing === "own" ? weight : 0,
    natureIndex: rule.nature ? NATURES.indexOf(rule.nature) : -1,
    natureWeight: delivery.natureWeight,
    iv3: flags.iv3,
    gr: flags.gr,
  };
}

const NO_FLAGS = { iv3: false, gr: false };

/**
 * Cost centre and taakveld evidence is named by the whole text ("kostenplaats 1415 Servicedesk"),
 * as is evidence from rules written for account names; a cost centre that names no ICT team and a
 * taakveld other than overhead add their light evidence against ICT.
 */
export function contextEvidence(found: Contribution[], text: string, field: ContextField): Contribution[] {
  if (field === 1) return found;
  const label = `${FIELD_LABELS[field]} ${text}`;
  const out = found.map((c) =>
    field >= 3 || c.hit.rule.fields ? contribution(c.hit, field, label, c.weight, c.ict, c) : c,
  );
  if (field === 3 && !found.some((c) => c.ict > 0)) out.push(notIct(label, NON_ICT_COST_CENTRE, field));
  if (field !== 4) return out;
  const [taakveld, category] = splitContext(text);
  if (!isOverhead(taakveld)) out.push(notIct(`${FIELD_LABELS[4]} ${taakveld}`, NON_OVERHEAD_TAAKVELD, field));
  const iv3 = iv3Evidence(category);
  if (iv3) out.push(iv3);
  return out;
}

/** The taakveld and the Iv3 categorie of the context column ("0.4 Overhead | 3.5.1 Ingeleend personeel"). */
export function splitContext(text: string): [taakveld: string, category: string] {
  const at = text.indexOf(" | ");
  return at < 0 ? [text.trim(), ""] : [text.slice(0, at).trim(), text.slice(at + 3).trim()];
}

/**
 * Taakveld 0.4 (Overhead) is where a municipality books its ICT; an empty taakveld says nothing.
 * The code decides ("0.4", "Taakveld 0.4", "Overhead, ondersteuning organisatie"); text that holds
 * no known code counts as overhead when it says so.
 */
function isOverhead(taakveld: string): boolean {
  if (taakveld === "") return true;
  const parsed = parseTaakveld(taakveld);
  if (parsed) return parsed.code === "0.4";
  return /overhead/i.test(taakveld);
}

/**
 * What an Iv3 categorie lasten says about the kind of cost once other evidence proves the line is
 * ICT (it never proves ICT itself: every department books salaries and depreciation). By the
 * parsed code, not its words (CBS, Iv3 definities):
 *   1.1 Salarissen en sociale lasten → personnel, own staff
 *   3.5.1 Ingeleend personeel → personnel, hired
 *   7.3 Afschrijvingen → depreciation, of hardware and infrastructure as a rule
 *   4.3.3 Inkomensoverdrachten - gemeenschappelijke regelingen → paid through a GR (an ICT
 *     shared-service organisation when supplier or description prove ICT): flagged viaGr, the
 *     category comes from the rest. Only 4.3.3: the other 4.3.x codes are transfers to the Rijk,
 *     other municipalities, provinces, … (CBS), not to a GR.
 */
const IV3_KINDS: { test: (code: string) => boolean; rule: Omit<RuleDef, "words" | "why">; gr?: boolean }[] = [
  {
    test: (code) => code === "1.1" || code.startsWith("1.1."),
    rule: { kind: "context", component: "personnel", weight: 2, staffing: "own" },
  },
  {
    test: (code) => code === "3.5.1",
    rule: { kind: "context", component: "personnel", weight: 2, staffing: "hired" },
  },
  {
    test: (code) => code === "7.3" || code.startsWith("7.3."),
    rule: { kind: "context", component: "infrastructure", weight: 1.5, nature: "depreciation" },
  },
  {
    test: (code) => code === "4.3.3",
    rule: { kind: "context", weight: 0 },
    gr: true,
  },
];

function iv3Evidence(category: string): Contribution | null {
  if (category === "") return null;
  const parsed = parseIv3Category(category);
  if (!parsed) return null;
  const kind = IV3_KINDS.find((k) => k.test(parsed.code));
  if (!kind) return null;
  const label = `Iv3 ${parsed.code}${parsed.name ? ` ${parsed.name}` : ""}`;
  const rule: RuleDef = { ...kind.rule, words: [label], fields: ["taakveld"], why: label };
  const hit = { rule, label } as Hit;
  const c = contribution(
    hit,
    4,
    label,
    rule.weight,
    0,
    { saas: 0, onPremise: 0, natureWeight: rule.nature ? 1 : 0 },
    { iv3: true, gr: kind.gr === true },
  );
  hit.byField = [null, null, null, null, c];
  return c;
}

function notIct(label: string, weight: number, field: ContextField): Contribution {
  const rule: RuleDef = { kind: "context", words: [label], category: "XX.NI", weight, why: label };
  const hit = { rule, label } as Hit;
  return contribution(hit, field, `${label} (geen ICT)`, weight, 0, {
    saas: 0,
    onPremise: 0,
    natureWeight: 0,
  });
}
