/**
 * `ictcost benchmark`: the reference figures of a benchmark edition with their sources, and
 * `ictcost template`: an empty input workbook (Kerngegevens, Grootboek, Regels) from the core's layouts.
 */
import { existsSync } from "fs";
import { Edition, getEdition, KPI_IDS, listEditions, SourcedValue, sourceText } from "../model/benchmark";
import { formatNumber } from "../model/format";
import { templateLayouts } from "../model/layout";
import { categoryLabel } from "../model/taxonomy";
import { CategoryCode } from "../model/types";
import { userError } from "./errors";
import { writeSafely } from "./safeWrite";
import { renderTable } from "./table";

interface BenchmarkCommandOptions {
  edition?: string;
  json?: boolean;
}

interface SourcedJson {
  value: number;
  unit: string;
  approx: boolean;
  bound: "lower" | "upper" | null;
  derived: boolean;
  source: { edition: string; publisher: string; lines: string | null; publication: string | null };
  /** The source as one line, as the comparison sheet shows it. */
  source_text: string;
}

export interface BenchmarkJson {
  edition: { id: string; title: string; publisher: string; book_year: number; published_year: number };
  /** id → book year → figure. */
  kpis: Record<string, Record<string, SourcedJson>>;
  categories: Record<string, Record<string, SourcedJson>>;
  figures: Record<string, Record<string, SourcedJson>>;
}

function editionOrFail(id?: string): Edition {
  const edition = id === undefined ? getEdition() : getEdition(id);
  if (edition) return edition;
  const known = listEditions()
    .map((e) => e.id)
    .join(", ");
  throw userError(
    `Onbekende benchmarkeditie: ${id} (bekend: ${known})`,
    `Unknown benchmark edition: ${id} (known: ${known})`,
  );
}

function sourcedJson(v: SourcedValue, year: number): SourcedJson {
  return {
    value: v.value,
    unit: v.unit,
    approx: v.approx === true,
    bound: v.bound ?? null,
    derived: v.derived === true,
    source: {
      edition: v.source.edition,
      publisher: v.source.publisher,
      lines: v.source.lines ?? null,
      publication: v.source.publication ?? null,
    },
    source_text: sourceText(v.source, year, "nl"),
  };
}

function group(values: Record<string, Record<string, SourcedValue> | undefined>) {
  const out: Record<string, Record<string, SourcedJson>> = {};
  for (const [id, years] of Object.entries(values)) {
    if (!years) continue;
    out[id] = {};
    for (const [year, v] of Object.entries(years)) out[id][year] = sourcedJson(v, Number(year));
  }
  return out;
}

function benchmarkJson(edition: Edition): BenchmarkJson {
  return {
    edition: {
      id: edition.id,
      title: edition.title,
      publisher: edition.publisher,
      book_year: edition.bookYear,
      published_year: edition.publishedYear,
    },
    kpis: group(edition.kpis),
    categories: group(edition.categories),
    figures: group(edition.figures),
  };
}

function valueText(v: SourcedValue): string {
  const digits =
    v.unit === "share"
      ? formatNumber(v.value * 100, "nl", 0) + "%"
      : formatNumber(v.value, "nl", v.value < 10 ? 1 : 0, true);
  const prefix = v.bound === "lower" ? "> " : v.bound === "upper" ? "≤ " : v.approx ? "ca. " : "";
  return prefix + digits + (v.derived ? " (afgeleid)" : "");
}

const UNIT_NL: Record<string, string> = {
  eur_per_inhabitant: "€ per inwoner",
  fte_per_100k: "fte per 100.000 inw.",
  share: "aandeel",
  eur_per_fte: "€ per fte",
};

export function benchmarkCommand(options: BenchmarkCommandOptions) {
  const edition = editionOrFail(options.edition);
  if (options.json) {
    return { exitCode: 0, stdout: JSON.stringify(benchmarkJson(edition), null, 2) + "\n", stderr: "" };
  }
  const rows: string[][] = [];
  for (const def of KPI_IDS) {
    const years = edition.kpis[def.id];
    if (!years || Object.keys(years).length === 0) {
      rows.push([def.label.nl, "", "–", UNIT_NL[def.unit] ?? def.unit, "geen cijfer in deze editie", def.id]);
      continue;
    }
    for (const [year, v] of Object.entries(years).sort(([a], [b]) => Number(a) - Number(b))) {
      rows.push([
        def.label.nl,
        year,
        valueText(v),
        UNIT_NL[v.unit] ?? v.unit,
        v.source.lines ? `regels ${v.source.lines}` : (v.source.publication ?? ""),
        def.id,
      ]);
    }
  }
  for (const [code, years] of Object.entries(edition.categories)) {
    for (const [year, v] of Object.entries(years ?? {})) {
      const label = `${code} ${categoryLabel(code as CategoryCode, "nl")}`;
      rows.push([
        label,
        year,
        valueText(v),
        UNIT_NL[v.unit] ?? v.unit,
        v.source.lines ? `regels ${v.source.lines}` : (v.source.publication ?? ""),
        code,
      ]);
    }
  }
  const head =
    `${edition.title} (${edition.publisher}), boekjaar ${edition.bookYear}; bron: het rapport, regelnummers in de tekst\n` +
    `${edition.title} (${edition.publisher}), book year ${edition.bookYear}; source: the report, line numbers in its text\n\n`;
  const table = renderTable(
    [
      { header: "Kengetal" },
      { header: "Jaar", align: "right" },
      { header: "Waarde", align: "right" },
      { header: "Eenheid" },
      { header: "Bron", maxWidth: 40 },
      { header: "Id" },
    ],
    rows,
  );
  return { exitCode: 0, stdout: head + table, stderr: "" };
}

interface TemplateCommandOptions {
  out: string;
  /** Replace an existing file (never done silently: it could be a user's workbook). */
  force?: boolean;
}

export async function templateCommand(options: TemplateCommandOptions) {
  if (!/\.xlsx$/i.test(options.out)) {
    throw userError(
      `Het sjabloon is een .xlsx-bestand: ${options.out}`,
      `The template is an .xlsx file: ${options.out}`,
    );
  }
  const existed = existsSync(options.out);
  if (existed && !options.force) {
    throw userError(
      `Bestand bestaat al: ${options.out} (kies een andere naam of gebruik --force)`,
      `File exists: ${options.out} (choose another name or use --force)`,
    );
  }
  const { default: ExcelJS } = await import("exceljs");
  const { renderLayout, writeWorkbook } = await import("./writeXlsx");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ictcost";
  const layouts = templateLayouts("nl");
  for (const layout of layouts) renderLayout(workbook, layout);
  await writeSafely(options.out, (temp) => writeWorkbook(workbook, temp));
  const names = layouts.map((l) => l.name).join(", ");
  return {
    exitCode: 0,
    stdout:
      `Sjabloon geschreven: ${options.out} (bladen ${names})${existed ? " — bestaand bestand vervangen" : ""}\n` +
      `Template written: ${options.out} (sheets ${names})${existed ? " — existing file replaced" : ""}\n`,
    stderr: "",
  };
}
