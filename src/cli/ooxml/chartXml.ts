/**
 * Native charts from the layouts' ChartSpecs (the same ones the add-in draws through Office.js
 * `sheet.charts.add(type, range, seriesBy)`): DrawingML c:chartSpace parts whose series refer to the
 * sheet's cells, with the layout's values as caches (shown before any recalculation), and the
 * spreadsheet drawing that anchors them between two cells.
 */
import { absCell, quoteSheet } from "../../model/layout/a1";
import { ChartSpec, isFormula, LayoutCell } from "../../model/layout/types";
import { CellGrid, parseRange } from "./cellGrid";
import { esc, NS, XML_DECL } from "./xml";

interface Ref {
  f: string;
  cells: LayoutCell[];
}

interface Series {
  name: Ref;
  cat: Ref;
  val: Ref;
}

const shown = (v: LayoutCell): LayoutCell => (isFormula(v) ? v.value : v);

function ref(sheet: string, grid: CellGrid, r1: number, c1: number, r2: number, c2: number): Ref {
  const cells: LayoutCell[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cells.push(grid.get(r, c));
  const a = absCell(c1, r1);
  const b = absCell(c2, r2);
  return { f: `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`, cells };
}

/** Series of a chart's data range: first row/column names the series, the other the categories. */
export function chartSeries(spec: ChartSpec, sheet: string, grid: CellGrid): Series[] {
  const r = parseRange(spec.data);
  const out: Series[] = [];
  if (spec.seriesBy === "columns") {
    for (let c = r.left + 1; c <= r.right; c++) {
      out.push({
        name: ref(sheet, grid, r.top, c, r.top, c),
        cat: ref(sheet, grid, r.top + 1, r.left, r.bottom, r.left),
        val: ref(sheet, grid, r.top + 1, c, r.bottom, c),
      });
    }
  } else {
    for (let row = r.top + 1; row <= r.bottom; row++) {
      out.push({
        name: ref(sheet, grid, row, r.left, row, r.left),
        cat: ref(sheet, grid, r.top, r.left + 1, r.top, r.right),
        val: ref(sheet, grid, row, r.left + 1, row, r.right),
      });
    }
  }
  return out;
}

function strRef(x: Ref): string {
  const pts = x.cells
    .map((v, i) => {
      const s = shown(v);
      return s === null || s === undefined || s === ""
        ? ""
        : `<c:pt idx="${i}"><c:v>${esc(String(s))}</c:v></c:pt>`;
    })
    .join("");
  return `<c:strRef><c:f>${esc(x.f)}</c:f><c:strCache><c:ptCount val="${x.cells.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(x: Ref): string {
  const pts = x.cells
    .map((v, i) => {
      const s = shown(v);
      return typeof s === "number" && Number.isFinite(s) ? `<c:pt idx="${i}"><c:v>${s}</c:v></c:pt>` : "";
    })
    .join("");
  return (
    `<c:numRef><c:f>${esc(x.f)}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${x.cells.length}"/>${pts}</c:numCache></c:numRef>`
  );
}

function seriesXml(s: Series, i: number, type: ChartSpec["type"]): string {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(s.name)}</c:tx>`;
  const data = `<c:cat>${strRef(s.cat)}</c:cat><c:val>${numRef(s.val)}</c:val>`;
  switch (type) {
    case "columnClustered":
      return `<c:ser>${head}<c:invertIfNegative val="0"/>${data}</c:ser>`;
    case "line":
      return `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${data}<c:smooth val="0"/></c:ser>`;
    default:
      return `<c:ser>${head}${data}</c:ser>`;
  }
}

const AXES =
  `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
  `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
  `<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>` +
  `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
  `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
  `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/>` +
  `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
  `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
const AX_IDS = `<c:axId val="500000001"/><c:axId val="500000002"/>`;

function plotXml(spec: ChartSpec, series: Series[]): string {
  const sers = series.map((s, i) => seriesXml(s, i, spec.type)).join("");
  switch (spec.type) {
    case "columnClustered":
      return (
        `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers}` +
        `<c:gapWidth val="150"/>${AX_IDS}</c:barChart>${AXES}`
      );
    case "line":
      return (
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}<c:marker val="1"/>${AX_IDS}` +
        `</c:lineChart>${AXES}`
      );
    case "pie":
      return `<c:pieChart><c:varyColors val="1"/>${sers}<c:firstSliceAng val="0"/></c:pieChart>`;
    case "doughnut":
      return `<c:doughnutChart><c:varyColors val="1"/>${sers}<c:firstSliceAng val="0"/><c:holeSize val="50"/></c:doughnutChart>`;
  }
}

/** The chart part (xl/charts/chartN.xml). */
export function chartXml(spec: ChartSpec, sheet: string, grid: CellGrid): string {
  const series = chartSeries(spec, sheet, grid);
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="nl-NL" b="1"/>` +
    `<a:t>${esc(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    XML_DECL +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotXml(spec, series)}</c:plotArea>` +
    `<c:legend><c:legendPos val="${spec.type === "columnClustered" || spec.type === "line" ? "b" : "r"}"/>` +
    `<c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

function anchor(col: number, row: number, tag: string): string {
  return (
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}

/** The drawing part of a sheet: one anchored graphic frame per chart, `relIds[i]` pointing at chart i. */
export function drawingXml(charts: ChartSpec[], relIds: string[]): string {
  const frames = charts.map((spec, i) => {
    const from = parseRange(spec.from);
    const to = parseRange(spec.to);
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${anchor(from.left - 1, from.top - 1, "from")}` +
      `${anchor(to.right, to.bottom, "to")}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
      `<xdr:cNvPr id="${i + 2}" name="${esc(spec.title || `Grafiek ${i + 1}`)}"/><xdr:cNvGraphicFramePr/>` +
      `</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>` +
      `<a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="${relIds[i]}"/></a:graphicData>` +
      `</a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    XML_DECL +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">${frames.join("")}</xdr:wsDr>`
  );
}
