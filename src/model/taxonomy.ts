/**
 * The TCO category tree of ../shared/domain/tco-taxonomy.md: codes, labels, components, TBM towers.
 */
import { fold } from "./text";
import { Bilingual, CategoryCode, Component, Language } from "./types";

export interface Category {
  code: CategoryCode;
  component: Component | null;
  label: Bilingual;
  tbmTower: string | null;
}

export const CATEGORIES: readonly Category[] = [
  {
    code: "SW.KA",
    component: "software",
    label: { nl: "Kantoorautomatisering", en: "Office automation" },
    tbmTower: "End User",
  },
  {
    code: "SW.BV",
    component: "software",
    label: { nl: "Bedrijfsvoering", en: "Business operations" },
    tbmTower: "Application",
  },
  {
    code: "SW.PP",
    component: "software",
    label: { nl: "Primair proces", en: "Primary process" },
    tbmTower: "Application",
  },
  {
    code: "SW.ZS",
    component: "software",
    label: { nl: "Zaaksysteem en documentbeheer", en: "Case management and records" },
    tbmTower: "Application",
  },
  {
    code: "SW.IK",
    component: "software",
    label: { nl: "Integratie en e-formulieren", en: "Integration and e-forms" },
    tbmTower: "Platform",
  },
  {
    code: "SW.IB",
    component: "software",
    label: { nl: "Informatiebeveiligingssoftware", en: "Security software" },
    tbmTower: "Security & Compliance",
  },
  {
    code: "SW.BI",
    component: "software",
    label: { nl: "Business intelligence", en: "Business intelligence" },
    tbmTower: "Data / Application",
  },
  {
    code: "SW.OV",
    component: "software",
    label: { nl: "Overige software", en: "Other software" },
    tbmTower: "Application",
  },
  {
    code: "PE.MG",
    component: "personnel",
    label: { nl: "ICT-management", en: "ICT management" },
    tbmTower: "IT Management",
  },
  {
    code: "PE.IF",
    component: "personnel",
    label: { nl: "Informatisering", en: "Information management" },
    tbmTower: "IT Management / Security",
  },
  {
    code: "PE.FB",
    component: "personnel",
    label: { nl: "Functioneel applicatiebeheer", en: "Functional application management" },
    tbmTower: "Application",
  },
  {
    code: "PE.AU",
    component: "personnel",
    label: { nl: "Automatisering", en: "Technical management" },
    tbmTower: "Delivery",
  },
  {
    code: "IN.WP",
    component: "infrastructure",
    label: { nl: "Werkplek", en: "Workplace" },
    tbmTower: "End User / Output",
  },
  {
    code: "IN.SB",
    component: "infrastructure",
    label: { nl: "Spraak en beeld", en: "Voice and video" },
    tbmTower: "Network (voice)",
  },
  {
    code: "IN.ND",
    component: "infrastructure",
    label: { nl: "Netwerk en data", en: "Network and data" },
    tbmTower: "Network",
  },
  {
    code: "IN.DC",
    component: "infrastructure",
    label: { nl: "Datacenter", en: "Data centre" },
    tbmTower: "Data Center / Compute / Storage",
  },
  { code: "XX.NI", component: null, label: { nl: "Geen ICT", en: "Not ICT" }, tbmTower: null },
  { code: "XX.OO", component: null, label: { nl: "Onbekend", en: "Unclassified" }, tbmTower: null },
];

export const COMPONENTS: readonly Component[] = ["software", "personnel", "infrastructure"];

export const COMPONENT_LABELS: Record<Component, Bilingual> = {
  software: { nl: "Software", en: "Software" },
  personnel: { nl: "Personeel", en: "Personnel" },
  infrastructure: { nl: "Infrastructuur", en: "Infrastructure" },
};

const BY_CODE = new Map<string, Category>(CATEGORIES.map((c) => [c.code, c]));

export function isCategoryCode(x: unknown): x is CategoryCode {
  return typeof x === "string" && BY_CODE.has(x);
}

function categoryOf(code: CategoryCode): Category {
  return BY_CODE.get(code) as Category;
}

export function componentOf(code: CategoryCode): Component | null {
  return categoryOf(code).component;
}

export function categoryLabel(code: CategoryCode, language: Language = "nl"): string {
  return categoryOf(code).label[language];
}

const BY_LABEL = new Map<string, CategoryCode>();
for (const c of CATEGORIES) {
  BY_LABEL.set(fold(c.code), c.code);
  BY_LABEL.set(fold(c.label.nl), c.code);
  BY_LABEL.set(fold(c.label.en), c.code);
}

/**
 * A user's own category, typed as a code ("sw.ka") or a label in either language
 * ("Werkplek", "workplace"): the code, or null when it names no category.
 */
export function parseCategory(text: unknown): CategoryCode | null {
  if (typeof text !== "string") return null;
  return BY_LABEL.get(fold(text)) ?? null;
}

/** A component typed in either language ("Personeel", "software"), or null. */
export function parseComponent(text: unknown): Component | null {
  if (typeof text !== "string") return null;
  const t = fold(text);
  for (const c of COMPONENTS) {
    if (t === c || t === fold(COMPONENT_LABELS[c].nl)) return c;
  }
  return null;
}
