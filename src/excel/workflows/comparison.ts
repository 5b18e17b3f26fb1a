/**
 * The comparison sheet (the ledger's costs per inhabitant against the benchmark for one year) and the
 * trend sheet (the same over every year in the ledger). Both refer to the categorisation sheet and to the
 * user's key-figure cells by formula, so a corrected figure updates them without a rebuild.
 */
import { compare, Comparison } from "../../model/comparison";
import { keyFiguresForYear } from "../../model/keyFigures";
import { CategorisationRefs, comparisonLayout, SheetLayout, trendLayout } from "../../model/layout";
import { Bilingual, CategorisedLine } from "../../model/types";
import { WorkflowOptions } from "../workflow-api";
import { detection, FigureRef, keyFigureRef } from "./inputs";
import { Inputs } from "./reading";
import { b, WorkflowError } from "./run";
import { Names } from "./writing";

type FigureField = "inhabitants" | "budget" | "fteOwn" | "fteHired";

/** The user's cell for a key figure of `year`, or its value when typed in the pane (see keyFigureRef). */
function figureRef(inputs: Inputs, field: FigureField, year: number): FigureRef {
  return keyFigureRef(inputs.perSheet, inputs.typed, keyFiguresForYear(inputs.figures, year), field, year);
}

/** Without inhabitants there is no cost per inhabitant: the Data step opens to ask for them. */
function missingInhabitants(inputs: Inputs, years: number[]): never {
  throw new WorkflowError(
    b(
      `Het aantal inwoners voor ${years.join(", ")} is niet gevonden. Vul het in op het blad Kerngegevens (bijv. 'Aantal inwoners' met het getal ernaast) of typ het bij Gegevens.`,
      `The number of inhabitants for ${years.join(", ")} was not found. Enter it on the Key figures sheet (e.g. 'Inhabitants' with the number beside it) or type it under Data.`,
    ),
    detection(
      inputs.places,
      inputs.places.indexOf(inputs.ledger),
      inputs.figures,
      ["inhabitants"],
      inputs.years,
    ),
    inputs.issues,
  );
}

/** `{ key: value }`, or nothing when there is no value: the layout leaves out what is not known. */
function optional<K extends string>(
  key: K,
  value: string | number | undefined,
): Partial<Record<K, string | number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string | number>);
}

/** The counted lines against the benchmark (the chosen edition, else the default) for `year`. */
export function compareYear(
  counted: readonly CategorisedLine[],
  inputs: Inputs,
  year: number,
  options: WorkflowOptions,
): Comparison {
  return compare(counted, inputs.figures, {
    year,
    language: options.language,
    ...(options.editionId ? { editionId: options.editionId } : {}),
  });
}

export interface OutputSheet {
  name: string;
  layout: SheetLayout;
}

/** The comparison sheet for `year`; refused when the inhabitants of that year are not known. */
export function comparisonSheet(
  inputs: Inputs,
  comparison: Comparison,
  year: number,
  catRefs: CategorisationRefs,
  names: Names,
  options: WorkflowOptions,
): OutputSheet {
  const inhabitants = figureRef(inputs, "inhabitants", year);
  if (inhabitants === undefined) missingInhabitants(inputs, [year]);
  const name = names.pick("comparison", options);
  const kf = keyFiguresForYear(inputs.figures, year);
  const refs = {
    categorisation: catRefs,
    inhabitants,
    ...optional("budget", figureRef(inputs, "budget", year)),
    ...optional("fteOwn", figureRef(inputs, "fteOwn", year)),
    ...optional("fteHired", figureRef(inputs, "fteHired", year)),
  };
  const layout = comparisonLayout(comparison, refs, {
    language: options.language,
    sheetName: name,
    ...(kf ? { keyFigures: kf } : {}),
  });
  return { name, layout };
}

export interface TrendSheet extends OutputSheet {
  /** Said after the summary: the years drawn without a cost per inhabitant. */
  note?: Bilingual;
}

/**
 * The trend sheet over the comparison's years. With one year there is no trend: buildTrend (`required`)
 * says so, rebuildAll just leaves the sheet out. Years without inhabitants are drawn without a cost per
 * inhabitant, and the user is told which; with none at all the trend is refused.
 */
export function trendSheet(
  inputs: Inputs,
  comparison: Comparison,
  year: number,
  catRefs: CategorisationRefs,
  names: Names,
  options: WorkflowOptions,
  required: boolean,
): TrendSheet | undefined {
  const series = comparison.series;
  if (series.length < 2) {
    if (!required) return undefined;
    throw new WorkflowError(
      b(
        `Het grootboek bevat alleen ${series[0]?.year ?? year}. Voor een trend zijn kostenregels van minstens twee boekjaren nodig (kolom Boekjaar).`,
        `The ledger holds only ${series[0]?.year ?? year}. A trend needs cost lines of at least two book years (Year column).`,
      ),
    );
  }
  const inhabitants: Record<number, string | number> = {};
  for (const p of series) {
    const r = figureRef(inputs, "inhabitants", p.year);
    if (r !== undefined) inhabitants[p.year] = r;
  }
  if (Object.keys(inhabitants).length === 0)
    missingInhabitants(
      inputs,
      series.map((p) => p.year),
    );
  const missing = series.filter((p) => inhabitants[p.year] === undefined).map((p) => p.year);
  const note =
    missing.length > 0
      ? b(
          ` Inwoners ontbreken voor ${missing.join(", ")}: die jaren staan zonder bedrag per inwoner in de trend.`,
          ` Inhabitants are missing for ${missing.join(", ")}: those years show no cost per inhabitant in the trend.`,
        )
      : undefined;
  const name = names.pick("trend", options);
  const layout = trendLayout(series, {
    language: options.language,
    sheetName: name,
    refs: { categorisation: catRefs, inhabitants },
    figures: inputs.figures,
  });
  return note ? { name, layout, note } : { name, layout };
}
