/**
 * What the three input sheets share: their names per language, and the prompt of the category
 * drop-down on Grootboek and Regels.
 */
import { Language } from "../../types";

export const TEMPLATE_SHEETS: Record<"keyFigures" | "ledger" | "rules", Record<Language, string>> = {
  keyFigures: { nl: "Kerngegevens", en: "Key figures" },
  ledger: { nl: "Grootboek", en: "Ledger" },
  rules: { nl: "Regels", en: "Rules" },
};

export const CATEGORY_PROMPT: Record<Language, string> = {
  nl: "Categoriecode uit het TCO-model, bijv. SW.KA.",
  en: "Category code of the TCO model, e.g. SW.KA.",
};
