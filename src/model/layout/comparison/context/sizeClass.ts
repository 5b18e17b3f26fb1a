/**
 * The size-class block: the municipality's class (CBS's, else from its inhabitants), what the 2023
 * report says about size in words (it gives no figure per class), and the figures per size class of
 * earlier editions, each row labelled with its book year and edition: historic, never shown as today's.
 * The historic class and figure follow the inhabitants cell live.
 */
import {
  HistoricClass,
  historicClassOf,
  historicSizeYears,
  REPORT_SIZE_FINDING,
} from "../../../context/sizeClass";
import { cell, formulaText } from "../../a1";
import { Block, LayoutCell } from "../../types";
import { B, ComparisonSheet, f, ROW } from "../rows";
import { ContextFigures } from "../../../context/figures";
import { sourceLine } from "./types";
import { W } from "./words";

/**
 * A live pick among a year's classes (ascending, without overlap) by the inhabitants cell:
 * IF(inh>=min, IF(inh<max, value, <next class>), "") — below a class's minimum is below every later one.
 */
function pickFormula(
  inh: string,
  classes: readonly HistoricClass[],
  value: (c: HistoricClass) => string,
): string {
  let chain = '""';
  for (const c of [...classes].reverse()) {
    const inClass = c.max === Infinity ? value(c) : `IF(${inh}<${c.max},${value(c)},${chain})`;
    chain = c.min > 0 ? `IF(${inh}>=${c.min},${inClass},"")` : inClass;
  }
  return `=IF(${inh}>0,${chain},"")`;
}

export function sizeClassBlocks(s: ComparisonSheet, figures: ContextFigures, row: number): Block[] {
  const L = s.language;
  const inhabitants = s.comparison.inhabitants ?? s.keyFigures?.inhabitants;
  const own = figures.sizeClass;
  const finding = REPORT_SIZE_FINDING;
  const findingSource = sourceLine(finding.source, L);
  const blocks: Block[] = [
    { at: cell(1, row), cells: [[W.sizeTitle[L]]], style: "subtitle" },
    {
      at: cell(1, row + 1),
      cells: [
        [
          W.ownClass[L],
          own ? own.label[L] : "",
          "",
          "",
          "",
          "",
          "",
          "",
          own ? own.source[L] : "",
          "size_class",
        ],
        [W.reportSays[L], "", "", "", "", "", "", "", findingSource, ""],
      ],
      style: "body",
    },
    { at: cell(1, row + 3), cells: finding.lines.map((l) => [l[L]]), style: "note" },
  ];
  const years = historicSizeYears();
  if (years.length === 0) return blocks;
  const top = row + 3 + finding.lines.length + 1;
  const inh = B(ROW.inhabitants);
  const rows = years.map((y, i): LayoutCell[] => {
    const r = top + 2 + i;
    const mine = inhabitants !== undefined && inhabitants > 0 ? historicClassOf(y, inhabitants) : undefined;
    const source = y.classes[0].figure.source;
    return [
      `${y.bookYear} (${W.edition[L]} ${source.edition.replace(/^\D*/, "")})`,
      f(
        pickFormula(inh, y.classes, (c) => formulaText(c.figure.label?.[L] ?? c.figure.class)),
        mine ? (mine.figure.label?.[L] ?? mine.figure.class) : "",
      ),
      f(
        pickFormula(inh, y.classes, (c) => String(c.figure.value)),
        mine ? mine.figure.value : "",
      ),
      y.total.value,
      f(
        `=IFERROR(IF(${cell(3, r)}="","",${cell(3, r)}/${cell(4, r)}-1),"")`,
        mine ? mine.figure.value / y.total.value - 1 : "",
      ),
      "",
      "",
      W.historicNote[L].replace("{year}", String(y.bookYear)),
      sourceLine(source, L),
    ];
  });
  return [
    ...blocks,
    { at: cell(1, top), cells: [[W.historicTitle[L]]], style: "subtitle" },
    { at: cell(1, top + 1), cells: [W.historicHeader[L]], style: "header" },
    {
      at: cell(1, top + 2),
      cells: rows,
      numberFormats: [null, null, "#,##0", "#,##0", "0.0%", null, null, null, null],
      style: "body",
    },
  ];
}
