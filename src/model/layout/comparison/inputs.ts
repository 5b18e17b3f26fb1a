/**
 * The top of the ICT-vergelijking sheet: title, notes and the out-of-date warning, the input block
 * (year, inhabitants, budget, fte — live references to the key figures) and the cost block (the
 * year's cost per component and the other amounts the KPIs divide, as SUMIFS over the
 * categorisation table).
 */
import { GR_CATEGORY, iv3CategoryText } from "../../iv3";
import { CellValue, Language } from "../../types";
import { cell, formulaText } from "../a1";
import { Block, LayoutCell } from "../types";
import { B, ComparisonSheet, f, ledgerSums, num, ROW } from "./rows";
import { T } from "./words";

/** Title, subtitle (the benchmark edition), the two notes on what is live, and the out-of-date warning. */
export function headingBlocks(s: ComparisonSheet): Block[] {
  const { comparison, edition, language } = s;
  const municipality = comparison.municipality ?? s.keyFigures?.municipality;
  const title = [T.title[language], municipality, String(comparison.year)].filter(Boolean).join(" – ");
  const subtitle = `${T.benchmark[language]}: ${edition.title} (${edition.publisher}), ${T.bookYear[language]} ${edition.bookYear}`;
  const live = T.live[language].replace("{sheet}", s.refs.categorisation.sheetName);
  return [
    { at: "A1", cells: [[title]], style: "title" },
    { at: "A2", cells: [[subtitle]], style: "subtitle" },
    { at: "A3", cells: [[live]], style: "note" },
    { at: "A4", cells: [[T.verdictNote[language]]], style: "note" },
    staleBlock(s),
  ];
}

/** Loud when the categorisation's amounts no longer match the ledger rows they refer to (sorted, deleted). */
function staleBlock(s: ComparisonSheet): Block {
  const c = s.refs.categorisation;
  const stale = formulaText(T.stale[s.language]);
  return {
    at: cell(1, ROW.status),
    cells: [[f(`=IF(ISERROR(SUM(${c.amount})),${stale},"")`, "")]],
    style: "note",
  };
}

/** An input cell: a reference to a key-figure cell (live), a constant, or blank. */
function inputCell(ref: string | number | undefined, cached: CellValue): LayoutCell {
  if (ref === undefined) return "";
  if (typeof ref === "number") return ref;
  return { formula: `=${ref}`, value: cached ?? "" };
}

/** fte: the key figure when given (it wins, as in the engine), else summed from the ledger's personnel lines. */
function fteCell(ref: string | number | undefined, ledger: string, value: number): LayoutCell {
  if (typeof ref === "number") return ref;
  if (typeof ref === "string") return f(`=IF(${ref}="",${ledger},${ref})`, value);
  return f(`=${ledger}`, value);
}

/** Year, inhabitants, budget and fte: the inputs every KPI formula refers to. */
export function inputBlocks(s: ComparisonSheet): Block[] {
  const { comparison, refs, language } = s;
  const t = comparison.totals;
  const { fteSum, isPersonnel, isHired } = ledgerSums(refs.categorisation);
  const fteOwnLedger = `${fteSum(isPersonnel)}-${fteSum(isPersonnel, isHired)}`;
  const fteHiredLedger = fteSum(isPersonnel, isHired);
  const inhabitants = num(comparison.inhabitants ?? s.keyFigures?.inhabitants);
  return [
    { at: cell(1, ROW.inputHeader), cells: [[T.input[language], T.value[language]]], style: "header" },
    {
      at: cell(1, ROW.year),
      cells: [
        [T.year[language], comparison.year],
        [T.inhabitants[language], inputCell(refs.inhabitants, inhabitants)],
        [T.budget[language], inputCell(refs.budget, num(s.keyFigures?.budget))],
      ],
      numberFormats: [null, "#,##0"],
      style: "input",
    },
    {
      at: cell(1, ROW.fteOwn),
      cells: [
        [T.fteOwn[language], fteCell(refs.fteOwn, fteOwnLedger, t.fteOwn)],
        [T.fteHired[language], fteCell(refs.fteHired, fteHiredLedger, t.fteHired)],
      ],
      numberFormats: [null, "#,##0.0"],
      style: "input",
    },
  ];
}

/** The amounts of the comparison year, each a SUMIFS with the engine's total as cached value. */
function costRows(s: ComparisonSheet, language: Language): LayoutCell[][] {
  const t = s.comparison.totals;
  const { sumifs, isPersonnel, isHired, isSoftware, isInfrastructure, isSaas, isCategory } = ledgerSums(
    s.refs.categorisation,
  );
  return [
    [T.software[language], f(`=${sumifs(isSoftware)}`, t.components.software)],
    [T.personnel[language], f(`=${sumifs(isPersonnel)}`, t.components.personnel)],
    [T.infrastructure[language], f(`=${sumifs(isInfrastructure)}`, t.components.infrastructure)],
    [T.total[language], f(`=${B(ROW.software)}+${B(ROW.personnel)}+${B(ROW.infrastructure)}`, t.total)],
    [T.hired[language], f(`=${sumifs(isPersonnel, isHired)}`, t.hired)],
    [T.own[language], f(`=${B(ROW.personnel)}-${B(ROW.hired)}`, t.own)],
    [T.saas[language], f(`=${sumifs(isSoftware, isSaas)}`, t.saas)],
    [T.officeAutomation[language], f(`=${sumifs(isCategory("SW.KA"))}`, t.categories["SW.KA"] ?? 0)],
    [T.unclassifiedAmount[language], f(`=${sumifs(isCategory("XX.OO"))}`, t.unclassified.amount)],
  ];
}

/** The cost block: amounts per component, hired/own, SaaS, office automation, unclassified, not ICT. */
export function costBlocks(s: ComparisonSheet): Block[] {
  const { comparison, language } = s;
  const t = comparison.totals;
  const c = s.refs.categorisation;
  const { sumifs, isCategory } = ledgerSums(c);
  const unclassifiedLines = `=COUNTIFS(${c.final},"XX.OO",${c.year},${B(ROW.year)})`;
  return [
    {
      at: cell(1, ROW.costHeader),
      cells: [[`${T.costs[language]} ${comparison.year}`, T.amount[language]]],
      style: "header",
    },
    {
      at: cell(1, ROW.software),
      cells: costRows(s, language),
      numberFormats: [null, "#,##0.00"],
      style: "body",
    },
    {
      at: cell(1, ROW.unclassifiedCount),
      cells: [[T.unclassifiedCount[language], f(unclassifiedLines, t.unclassified.lines)]],
      numberFormats: [null, "0"],
      style: "body",
    },
    {
      at: cell(1, ROW.notIct),
      cells: [[T.notIct[language], f(`=${sumifs(isCategory("XX.NI"))}`, t.notIct.amount)]],
      numberFormats: [null, "#,##0.00"],
      style: "body",
    },
    viaGrBlock(s),
  ];
}

/**
 * The ICT lines booked as Iv3 4.3.3 (a contribution to a gemeenschappelijke regeling, such as an ICT
 * shared-service organisation): counted in the KPIs below, as the report's averages include the
 * municipality's share of SSC costs, and shown apart beside them (YearTotals.viaGr).
 */
function viaGrBlock(s: ComparisonSheet): Block {
  const c = s.refs.categorisation;
  const { sumifs } = ledgerSums(c);
  const gr = formulaText(iv3CategoryText(GR_CATEGORY, s.language));
  const formula = `=${sumifs([c.iv3Category, gr], [c.final, '"<>XX.OO"'], [c.final, '"<>XX.NI"'])}`;
  return {
    at: cell(1, ROW.viaGr),
    cells: [[T.viaGr[s.language], f(formula, s.comparison.totals.viaGr.amount)]],
    numberFormats: [null, "#,##0.00"],
    style: "body",
  };
}
