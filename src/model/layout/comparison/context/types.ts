/** What the context blocks of ICT-vergelijking are built from, besides the sheet itself. */
import { Source } from "../../../benchmark";
import { SizeClass } from "../../../cbs/data";
import { ContextFigures } from "../../../context/figures";
import { ContextField } from "../../../context/fields";
import { Language } from "../../../types";
import { LayoutCell } from "../../types";

export interface ComparisonContext {
  /** The user's cell (or typed constant) of each optional key figure that has a value. */
  refs: Partial<Record<ContextField, string | number>>;
  /** CBS's size class of the municipality, when CBS knows it. */
  cbsSizeClass?: { value: SizeClass; source: string };
  /** contextFigures() of this comparison when the caller has them already. */
  figures?: ContextFigures;
}

/** An input cell: a live reference to a key-figure cell, a typed constant, or blank. */
export function refCell(ref: string | number | undefined, cached: number | undefined): LayoutCell {
  if (ref === undefined) return "";
  if (typeof ref === "number") return ref;
  return { formula: `=${ref}`, value: cached ?? "" };
}

/** "ICT Benchmark Gemeenten 2023 (M&I/Partners), regels 104–108" — a source without a book year. */
export function sourceLine(source: Source, language: Language): string {
  const where = source.lines
    ? `${language === "nl" ? "regels" : "lines"} ${source.lines}`
    : (source.publication ?? "");
  return `${source.edition} (${source.publisher})${where ? `, ${where}` : ""}`;
}
