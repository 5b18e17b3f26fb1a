/**
 * Weighing a line's evidence: first whether it is ICT at all, then which category. Every piece of
 * evidence counts; the category with the most wins. A line is ICT only on evidence that proves it
 * (an ICT product, an ICT-only supplier, an ICT account or cost centre, an ICT job title); words
 * that merely sound like ICT or name a policy domain choose the category of a line that is ICT,
 * and make a line without such proof "te beoordelen" (XX.OO), never ICT.
 */
import { componentOf } from "../taxonomy";
import { CategoryCode, Classification } from "../types";
import { Attributes, finish, labelOf, MAX_SHARED, unknown } from "./classification";
import { CODE_INDEX, CODES, COMPONENT_AT, COMPONENT_ORDER, NOT_ICT } from "./codes";
import { Contribution, Evidence } from "./engine";

/** Below this much evidence for its best category an ICT line is XX.OO: the user decides. */
const MIN_EVIDENCE = 0.5;
/**
 * The proof a line needs to count as ICT: one ICT account, ICT cost centre, ICT-only supplier or
 * product name does it (each weighs 1.5 or more); domain words weigh nothing here.
 */
const MIN_ICT = 1;
/** Below this confidence the line is XX.OO, with its two best candidates in the explanation. */
const MIN_CONFIDENCE = 0.1;

/** Where component evidence goes when no category of that component has its own evidence. */
const FALLBACK: CategoryCode[] = ["SW.OV", "PE.AU"];
const IS_FALLBACK: boolean[] = CODES.map((c) => FALLBACK.includes(c));
/** Scratch space; classification is synchronous, so one buffer serves every call. */
const SCORE = new Float64Array(CODES.length);
/** Evidence that only counts once another piece chose its component (see Contribution.conditional). */
const CONDITIONAL = new Float64Array(CODES.length);
const BONUS = new Float64Array(COMPONENT_ORDER.length);
const ACTIVE = new Uint8Array(COMPONENT_ORDER.length);
const TOTAL = new Float64Array(CODES.length);

/** Picks the category the evidence supports best, and says why. */
export function decide(evidence: Evidence, attrs: Attributes): Classification {
  const ict = tally(evidence);
  const against = SCORE[NOT_ICT];
  if (ict < MIN_ICT || against >= ict) {
    if (against > 0) {
      return finish("XX.NI", attrs, explainNotIct(evidence), confidenceOf(against, ict));
    }
    return toReview(evidence, attrs, "geen bewijs dat dit ICT is");
  }
  const personOnly = isAboutAPerson();
  let best = -1;
  let second = 0;
  for (let i = 0; i < CODES.length; i++) {
    const total = TOTAL[i];
    if (total <= 0 || (personOnly && COMPONENT_AT[i] !== PERSONNEL)) continue;
    if (best < 0 || total > TOTAL[best] || (total === TOTAL[best] && SCORE[i] > SCORE[best])) {
      if (best >= 0) second = Math.max(second, TOTAL[best]);
      best = i;
    } else {
      second = Math.max(second, total);
    }
  }
  if (best < 0 || TOTAL[best] < MIN_EVIDENCE) return toReview(evidence, attrs, "ICT, maar welke categorie?");
  // Contested proof (an ICT supplier against a non-ICT cost centre) lowers the confidence too.
  const proof = ict / (ict + against);
  const confidence = round(confidenceOf(TOTAL[best], second) * proof);
  if (confidence < MIN_CONFIDENCE) return toReview(evidence, attrs, "twijfel tussen categorieën");
  const code = CODES[best];
  return finish(code, attrs, explain(evidence, code, attrs), confidence);
}

/**
 * Adds up the evidence into SCORE, CONDITIONAL, BONUS and TOTAL (per ICT category: its own
 * evidence, its component's, and conditional evidence once its component has other evidence);
 * returns the proof that the line is ICT.
 */
function tally(evidence: Evidence): number {
  SCORE.fill(0);
  CONDITIONAL.fill(0);
  BONUS.fill(0);
  ACTIVE.fill(0);
  let ict = 0;
  const items = evidence.items;
  for (let e = 0; e < evidence.length; e++) {
    const c = items[e];
    ict += c.ict;
    if (c.codeIndex >= 0) {
      if (c.conditional) CONDITIONAL[c.codeIndex] += c.weight;
      else SCORE[c.codeIndex] += c.weight;
    }
    if (c.componentIndex >= 0) BONUS[c.componentIndex] += c.weight;
  }
  for (let i = 0; i < CODES.length; i++) {
    const component = COMPONENT_AT[i];
    if (component >= 0 && (SCORE[i] > 0 || BONUS[component] > 0)) ACTIVE[component] = 1;
  }
  for (let i = 0; i < CODES.length; i++) {
    const component = COMPONENT_AT[i];
    TOTAL[i] = 0;
    if (component < 0) continue;
    const own = SCORE[i] + (ACTIVE[component] ? CONDITIONAL[i] : 0);
    // Component evidence ("inhuur", "licentie") backs every category of that component.
    if (own > 0 || (IS_FALLBACK[i] && BONUS[component] > 0)) TOTAL[i] = own + BONUS[component];
  }
  return ict;
}

const PERSONNEL = COMPONENT_ORDER.indexOf("personnel");
/** A personnel word this strong ("inhuur", "salarissen", "detachering") makes the line about a person. */
const PERSON_SIGNAL = 3;

/**
 * "Inhuur FB Key2Burgerzaken": a line that says it pays a person, in a role, is personnel; the
 * product or domain it names is the work, not the cost.
 */
function isAboutAPerson(): boolean {
  if (BONUS[PERSONNEL] < PERSON_SIGNAL) return false;
  for (let i = 0; i < CODES.length; i++) if (COMPONENT_AT[i] === PERSONNEL && SCORE[i] > 0) return true;
  return false;
}

/** Strong, unopposed evidence approaches 0.95; weak or contested evidence stays low. */
function confidenceOf(best: number, second: number): number {
  const margin = best / (best + second);
  const strength = Math.min(1, best / 4);
  return round(Math.min(0.95, margin * strength));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Explanations made so far, by two numbers that name the evidence and outcome (ids of
 * contributions, a category index): lines with the same deciding evidence share one string, and
 * looking it up allocates nothing.
 */
let EXPLAINED = new Map<number, Map<number, string>>();
let explained = 0;
/** Contribution ids stay below this (see evidence.ts); two of them make one exact double. */
const ID_SPACE = 0x200000;

function remembered(a: number, b: number, make: () => string): string {
  if (a < 0) return make();
  let byB = EXPLAINED.get(a);
  let text = byB?.get(b);
  if (text === undefined) {
    text = make();
    if (explained >= MAX_SHARED) {
      EXPLAINED = new Map();
      explained = 0;
      byB = undefined;
    }
    if (!byB) EXPLAINED.set(a, (byB = new Map()));
    byB.set(b, text);
    explained++;
  }
  return text;
}

const NOT_ICT_OUTCOME = -1;
const NO_CATEGORY_OUTCOME = -2;
const REVIEW_REASONS = [
  "geen bewijs dat dit ICT is",
  "ICT, maar welke categorie?",
  "twijfel tussen categorieën",
] as const;
type ReviewReason = (typeof REVIEW_REASONS)[number];

/** One number for two contribution ids (either may be missing); -1 when they do not fit. */
function pair(first: Contribution | undefined, second: Contribution | undefined): number {
  const a = (first?.id ?? -1) + 1;
  const b = (second?.id ?? -1) + 1;
  // Past ID_SPACE contributions (millions of distinct accounts) explanations are not remembered.
  return a < ID_SPACE && b < ID_SPACE ? a * ID_SPACE + b : -1;
}

/** The strongest contribution that passes `accept` (the first of equals); no allocation. */
function strongestOne(
  evidence: Evidence,
  weightOf: (c: Contribution) => number,
  accept: (c: Contribution) => boolean,
): Contribution | undefined {
  let best: Contribution | undefined;
  const items = evidence.items;
  for (let i = 0; i < evidence.length; i++) {
    const c = items[i];
    const w = weightOf(c);
    if (w > 0 && (best === undefined || w > weightOf(best)) && accept(c)) best = c;
  }
  return best;
}

/** The strongest contributions that pass `accept`, by weight, with distinct texts. */
function strongest(
  evidence: Evidence,
  n: number,
  weightOf: (c: Contribution) => number,
  accept: (c: Contribution) => boolean,
): Contribution[] {
  const top: Contribution[] = [];
  const items = evidence.items;
  for (let i = 0; i < evidence.length; i++) {
    const c = items[i];
    if (weightOf(c) <= 0 || !accept(c)) continue;
    const same = top.findIndex((t) => t.text === c.text);
    if (same >= 0) {
      if (weightOf(c) > weightOf(top[same])) top[same] = c;
      continue;
    }
    top.push(c);
  }
  return top.sort((a, b) => weightOf(b) - weightOf(a)).slice(0, n);
}

const byWeight = (c: Contribution) => c.weight;
const byProof = (c: Contribution) => c.ict;

/**
 * What proved the line ICT, then the strongest evidence for its category, e.g.
 * "kostenplaats 1415 Servicedesk + omschrijving: 'servicedesk' → Automatisering, inhuur: Yacht".
 */
function explain(evidence: Evidence, code: CategoryCode, attrs: Attributes): string {
  const component = componentOf(code);
  // A controller trusts the account and cost centre most: name them when they prove it.
  const proof =
    strongestOne(evidence, byProof, (c) => c.field >= 2 && c.ict >= MIN_ICT) ??
    strongestOne(evidence, byProof, () => true);
  const forCategory =
    strongestOne(evidence, byWeight, (c) => c.hit.rule.category === code && c.text !== proof?.text) ??
    strongestOne(evidence, byWeight, (c) => {
      const r = c.hit.rule;
      return component !== null && r.component === component && !r.category && c.text !== proof?.text;
    });
  const hiredBy =
    component === "personnel" && attrs.staffing === "hired"
      ? strongestOne(
          evidence,
          (c) => c.hired,
          (c) => c.field === 1,
        )
      : undefined;
  // Else the Iv3 categorie, when it says what kind of cost it is (own staff, hired, depreciation).
  const byIv3 = hiredBy ? undefined : iv3Kind(evidence, component, attrs);
  const by = hiredBy ?? byIv3?.c;
  const outcome = (CODE_INDEX.get(code) as number) * ID_SPACE + (by?.id ?? -1) + 1;
  return remembered(pair(proof, forCategory), outcome, () => {
    const parts = [proof, forCategory].filter((c): c is Contribution => c !== undefined && c !== byIv3?.c);
    const text = `${parts.map((c) => c.text).join(" + ")} → ${labelOf(code)}`;
    if (hiredBy) return `${text}, inhuur: ${hiredBy.hit.label}`;
    return byIv3 ? `${text}; ${byIv3.c.text} → ${byIv3.kind}` : text;
  });
}

/** The Iv3 categorie evidence that agrees with the line's staffing or nature, and what it says. */
function iv3Kind(
  evidence: Evidence,
  component: string | null,
  attrs: Attributes,
): { c: Contribution; kind: string } | undefined {
  const c = strongestOne(
    evidence,
    () => 1,
    (x) => x.iv3,
  );
  if (!c) return undefined;
  const rule = c.hit.rule;
  if (component === "personnel" && rule.staffing && rule.staffing === attrs.staffing) {
    return { c, kind: rule.staffing === "hired" ? "inhuur" : "eigen personeel" };
  }
  if (component !== "personnel" && rule.nature === "depreciation" && attrs.nature === "depreciation") {
    return { c, kind: "afschrijving" };
  }
  return undefined;
}

/** The two strongest pieces of evidence against ICT. */
function explainNotIct(evidence: Evidence): string {
  const parts = strongest(evidence, 2, byWeight, (c) => c.codeIndex === NOT_ICT);
  return remembered(pair(parts[0], parts[1]), NOT_ICT_OUTCOME, () => {
    return `${parts.map((c) => c.text).join(" + ")} → ${labelOf("XX.NI")}`;
  });
}

/**
 * XX.OO, "te beoordelen": the controller decides. The explanation says why and names the two
 * best candidate categories with the evidence for each.
 */
function toReview(evidence: Evidence, attrs: Attributes, why: ReviewReason): Classification {
  let first = -1;
  let second = -1;
  for (let i = 0; i < CODES.length; i++) {
    if (TOTAL[i] <= 0) continue;
    if (first < 0 || TOTAL[i] > TOTAL[first]) {
      second = first;
      first = i;
    } else if (second < 0 || TOTAL[i] > TOTAL[second]) {
      second = i;
    }
  }
  if (first < 0) {
    // Proof without a category ("ICT-kosten"): the controller picks the category.
    const proof = strongestOne(evidence, byProof, () => true);
    if (!proof) return unknown();
    const text = remembered(pair(proof, undefined), NO_CATEGORY_OUTCOME, () => {
      return `te beoordelen: ICT (${proof.text}), maar welke categorie?`;
    });
    return finish("XX.OO", attrs, text, 0);
  }
  const candidates = [first, second].filter((i) => i >= 0).map((i) => CODES[i]);
  const named = candidates.map((code) => {
    const c = strongestOne(evidence, byWeight, (x) => x.hit.rule.category === code);
    return { code, c };
  });
  // Negative outcomes, apart from the category indices explain() uses.
  const outcome = -(4 + ((first * 32 + second + 1) * 4 + REVIEW_REASONS.indexOf(why)));
  const rule = remembered(pair(named[0].c, named[1]?.c), outcome, () => {
    const list = named.map((n) => (n.c ? `${labelOf(n.code)} (${n.c.text})` : labelOf(n.code)));
    return `te beoordelen: ${why}; kandidaten: ${list.join(" of ")}`;
  });
  return finish("XX.OO", attrs, rule, 0);
}
