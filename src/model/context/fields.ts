/**
 * The optional key figures that give the comparison its context (issue 12): project fte per theme of
 * the report's figure 16, the number of employees and of ICT workplaces. Each project theme is tied to
 * the edition figure it is compared with (fte per 100,000 inhabitants).
 */
import { Bilingual, KeyFigures } from "../types";

export type ProjectField =
  | "projectFteLaws"
  | "projectFteDigitalMaturity"
  | "projectFteDataDriven"
  | "projectFteCaseBased"
  | "projectFteSecurity"
  | "projectFteDigitalWorkplace";

export type ContextField = ProjectField | "employees" | "workplaces";

export interface ProjectTheme {
  field: ProjectField;
  /** The edition's figure id, also the row's id on ICT-vergelijking. */
  figure: string;
  label: Bilingual;
}

/** In the report's order (figure 16; chapters on each theme). */
export const PROJECT_THEMES: readonly ProjectTheme[] = [
  {
    field: "projectFteLaws",
    figure: "project_time_laws_per_100k",
    label: {
      nl: "Wet- en regelgeving (Omgevingswet, Woo, Archiefwet)",
      en: "Laws and regulations (Omgevingswet, Woo, Archiefwet)",
    },
  },
  {
    field: "projectFteDigitalMaturity",
    figure: "project_time_digital_maturity_per_100k",
    label: { nl: "Digitale volwassenheid", en: "Digital maturity" },
  },
  {
    field: "projectFteDataDriven",
    figure: "project_time_data_driven_per_100k",
    label: { nl: "Datagedreven werken", en: "Data-driven working" },
  },
  {
    field: "projectFteCaseBased",
    figure: "project_time_case_based_per_100k",
    label: { nl: "Zaakgericht werken", en: "Case-based working" },
  },
  {
    field: "projectFteSecurity",
    figure: "project_time_security_per_100k",
    label: { nl: "Informatiebeveiliging", en: "Information security" },
  },
  {
    field: "projectFteDigitalWorkplace",
    figure: "project_time_digital_workplace_per_100k",
    label: { nl: "Digitale werkplek", en: "Digital workplace" },
  },
];

export const CONTEXT_FIELDS: readonly ContextField[] = [
  ...PROJECT_THEMES.map((t) => t.field),
  "employees",
  "workplaces",
];

/** Whether the user filled any project fte: only then does the sheet compare project time. */
export function hasProjectTime(figures: KeyFigures | undefined): boolean {
  return PROJECT_THEMES.some((t) => figures?.[t.field] !== undefined);
}
