/**
 * What a line's evidence says besides the category (delivery, staffing, nature), and the frozen,
 * shared Classification objects the categoriser hands out.
 */
import { categoryLabel, componentOf } from "../taxonomy";
import { CategoryCode, Classification, Component, Delivery, Nature, Staffing } from "../types";
import { CODE_INDEX, NATURES } from "./codes";
import { Evidence } from "./engine";

/** What the words say besides the category; applied to whatever category wins (or the user picks). */
export interface Attributes {
  delivery: Delivery;
  staffing: Staffing;
  /** Nature the words name explicitly (afschrijving, project, abonnement, …), else null. */
  nature: Nature;
  /**
   * How the line says it is paid through a gemeenschappelijke regeling ("Iv3 4.3.3
   * Inkomensoverdrachten - gemeenschappelijke regelingen"), else null: an ICT line then gets viaGr.
   */
  viaGr: string | null;
}

/** Bound on the remembered classifications (a few thousand in practice). */
export const MAX_SHARED = 50_000;
const NATURE_VOTES = new Float64Array(NATURES.length);

/** Weighted votes between two values; a tie means we do not know. */
function vote<T>(a: T, aWeight: number, b: T, bWeight: number): T | null {
  if (aWeight > bWeight) return a;
  if (bWeight > aWeight) return b;
  return null;
}

export function attributesOf(evidence: Evidence): Attributes {
  let saas = 0;
  let onPremise = 0;
  let hired = 0;
  let own = 0;
  let viaGr: string | null = null;
  const nature = NATURE_VOTES.fill(0);
  const items = evidence.items;
  for (let i = 0; i < evidence.length; i++) {
    const c = items[i];
    saas += c.saas;
    onPremise += c.onPremise;
    hired += c.hired;
    own += c.own;
    if (c.natureIndex >= 0) nature[c.natureIndex] += c.natureWeight;
    if (c.gr) viaGr = c.text;
  }
  return {
    delivery: vote<Delivery>("saas", saas, "on-premise", onPremise),
    staffing: vote<Staffing>("hired", hired, "own", own),
    nature: strongestNature(nature),
    viaGr,
  };
}

function strongestNature(votes: Float64Array): Nature {
  // Depreciation and projects say what the money is, whatever else the line mentions.
  if (votes[0] > 0) return "depreciation";
  if (votes[1] > 0) return "project";
  let best: Nature = null;
  let bestWeight = 0;
  for (let i = 2; i < NATURES.length; i++) {
    if (votes[i] > bestWeight) {
      best = NATURES[i];
      bestWeight = votes[i];
    }
  }
  return best;
}

/**
 * A category with the attributes that make sense for its component. The result is frozen and
 * shared: every line with the same outcome gets the same object.
 */
export function finish(
  category: CategoryCode,
  attrs: Attributes,
  rule: string,
  confidence: number,
  overrides: { delivery?: Delivery; staffing?: Staffing } = {},
): Classification {
  const component = componentOf(category);
  const delivery = component === "software" ? (overrides.delivery ?? attrs.delivery) : null;
  const staffing = component === "personnel" ? (overrides.staffing ?? attrs.staffing) : null;
  // A line not ICT is no ICT paid via a GR; an ICT line (or one to review) says so in its explanation.
  const viaGr = category !== "XX.NI" && attrs.viaGr !== null;
  return shared(
    category,
    delivery,
    staffing,
    natureFor(component, attrs, delivery, staffing),
    viaGr ? `${rule}; via GR: ${attrs.viaGr}` : rule,
    confidence,
    viaGr,
  );
}

const DELIVERIES: Delivery[] = [null, "saas", "on-premise"];
const STAFFINGS: Staffing[] = [null, "own", "hired"];
/** Per rule text, the classifications handed out, keyed by their other fields as one number. */
let SHARED = new Map<string, Map<number, Classification>>();
let sharedCount = 0;

/** The one frozen Classification with these fields. */
function shared(
  category: CategoryCode,
  delivery: Delivery,
  staffing: Staffing,
  nature: Nature,
  rule: string,
  confidence: number,
  viaGr: boolean,
): Classification {
  const percent = Math.round(confidence * 100);
  // Only confidences in whole percents (all the engine makes) are shared; others are rare.
  if (percent / 100 !== confidence || percent < 0 || percent > 100) {
    return frozen(category, delivery, staffing, nature, rule, confidence, viaGr);
  }
  const key =
    (((((CODE_INDEX.get(category) as number) * 3 + DELIVERIES.indexOf(delivery)) * 3 +
      STAFFINGS.indexOf(staffing)) *
      8 +
      (nature === null ? 7 : NATURES.indexOf(nature))) *
      101 +
      percent) *
      2 +
    (viaGr ? 1 : 0);
  let byKey = SHARED.get(rule);
  if (!byKey) {
    if (sharedCount >= MAX_SHARED) {
      SHARED = new Map();
      sharedCount = 0;
    }
    SHARED.set(rule, (byKey = new Map()));
  }
  let found = byKey.get(key);
  if (!found) {
    byKey.set(key, (found = frozen(category, delivery, staffing, nature, rule, confidence, viaGr)));
    sharedCount++;
  }
  return found;
}

function frozen(
  category: CategoryCode,
  delivery: Delivery,
  staffing: Staffing,
  nature: Nature,
  rule: string,
  confidence: number,
  viaGr: boolean,
): Classification {
  return Object.freeze({
    category,
    component: componentOf(category),
    delivery,
    staffing,
    nature,
    rule,
    confidence,
    viaGr,
  });
}

function natureFor(
  component: Component | null,
  attrs: Attributes,
  delivery: Delivery,
  staffing: Staffing,
): Nature {
  if (component === null) return null;
  if (component === "personnel") {
    if (staffing === "hired") return "hire";
    if (staffing === "own") return "salary";
    return attrs.nature === "project" ? "project" : null;
  }
  if (attrs.nature === "depreciation" || attrs.nature === "project") return attrs.nature;
  if (component === "software") {
    if (delivery === "saas") return "subscription";
    if (delivery === "on-premise") return "licence";
  }
  return attrs.nature === "salary" || attrs.nature === "hire" ? null : attrs.nature;
}

const UNKNOWN: Classification = Object.freeze({
  category: "XX.OO",
  component: null,
  delivery: null,
  staffing: null,
  nature: null,
  rule: "geen regel van toepassing",
  confidence: 0,
  viaGr: false,
});

export function unknown(): Classification {
  return UNKNOWN;
}

/** "Primair proces", for explanations. */
export function labelOf(code: CategoryCode): string {
  return categoryLabel(code);
}
