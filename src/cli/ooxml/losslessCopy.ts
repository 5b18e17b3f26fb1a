/**
 * The lossless copy of a user's workbook: every zip entry of the .xlsx/.xlsm is kept byte for byte
 * (raw compressed data) and only the product's own parts are added — one worksheet per layout, its
 * table, its drawing with native charts — plus minimal text edits of xl/workbook.xml (a <sheet> per
 * layout, calcPr fullCalcOnLoad), its rels, [Content_Types].xml and xl/styles.xml (appended entries).
 * Rebuilding into an earlier copy replaces only the product's own sheets (marked in their part, or
 * recognised by the caller's `isOwnSheet`).
 */
import { SheetLayout } from "../../model/layout/types";
import { chartXml, drawingXml } from "./chartXml";
import { CellGrid, OWN_SHEET_MARKER, tableColumns, tableXml, worksheetXml } from "./sheetXml";
import { StyleBook } from "./styles";
import { Package } from "./workbookParts";
import { attrs, CT, esc, NS, REL, tags } from "./xml";

export interface LosslessCopyOptions {
  /** Sheets of the input that are the product's own from an earlier run (by name); marked ones always are. */
  isOwnSheet?: (name: string) => boolean;
  /** Ask Excel to recalculate everything on open (default true; the cached values are the engine's). */
  fullCalcOnLoad?: boolean;
  /** Modification time of the new zip entries (default now). */
  date?: Date;
}

export interface WorkbookSheet {
  name: string;
  /** The product's own (to be replaced by a rebuild). */
  own: boolean;
  state: "visible" | "hidden" | "veryHidden";
  part: string;
}

export class WorkbookFormatError extends Error {}

function workbookPart(pkg: Package): string {
  const rel =
    pkg.rels("").find((r) => r.type === REL.officeDocument) ??
    pkg.rels("").find((r) => /officeDocument$/.test(r.type));
  if (!rel) throw new WorkbookFormatError("no workbook part (_rels/.rels has no officeDocument)");
  return rel.part;
}

function sheetsOf(
  pkg: Package,
  wbPart: string,
  isOwn: (name: string) => boolean,
): (WorkbookSheet & { tag: string; id: number; rid: string })[] {
  const xml = pkg.read(wbPart) ?? "";
  const rels = pkg.rels(wbPart);
  return tags(xml, "sheet").map(({ tag }) => {
    const a = attrs(tag);
    const rid = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1] ?? "";
    const rel = rels.find((r) => r.id === rid);
    const part = rel?.part ?? "";
    const own =
      rel?.type === REL.worksheet &&
      (isOwn(a.name) || (part !== "" && pkg.head(part, 200).includes(OWN_SHEET_MARKER)));
    return {
      name: a.name,
      own,
      state: (a.state as WorkbookSheet["state"]) ?? "visible",
      part,
      tag,
      id: Number(a.sheetId),
      rid,
    };
  });
}

/** The sheets of a workbook, in tab order, with the product's own ones marked. */
export function listSheets(input: Uint8Array, options: LosslessCopyOptions = {}): WorkbookSheet[] {
  const pkg = new Package(input);
  return sheetsOf(pkg, workbookPart(pkg), options.isOwnSheet ?? (() => false)).map(
    ({ name, own, state, part }) => ({
      name,
      own,
      state,
      part,
    }),
  );
}

/**
 * Whether the workbook is macro-enabled (.xlsm: its main part's content type). The copy keeps that
 * content type, so it must get the same extension: Excel refuses an .xlsx whose content is an .xlsm.
 */
export function isMacroEnabled(input: Uint8Array): boolean {
  const pkg = new Package(input);
  const part = workbookPart(pkg);
  const types = pkg.read("[Content_Types].xml") ?? "";
  const override = tags(types, "Override").find(
    ({ tag }) => attrs(tag).PartName?.toLowerCase() === `/${part}`.toLowerCase(),
  );
  return /macroEnabled/i.test(override ? attrs(override.tag).ContentType : "");
}

/**
 * Every part reachable from `root` through internal relationships, except parts that a part outside
 * that set also refers to (a pivot cache, a shared image): those stay.
 */
function ownedParts(pkg: Package, root: string): Set<string> {
  const owned = new Set<string>([root]);
  const queue = [root];
  while (queue.length) {
    const part = queue.pop()!;
    for (const r of pkg.rels(part)) {
      if (!r.external && r.part && !owned.has(r.part) && pkg.has(r.part)) {
        owned.add(r.part);
        queue.push(r.part);
      }
    }
  }
  // Sources of every relationship in the package ("xl/_rels/workbook.xml.rels" → "xl/workbook.xml").
  const incoming = new Map<string, Set<string>>();
  for (const name of pkg.inputNames) {
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
    if (!m || !pkg.has(name)) continue;
    const source = m[1] + m[2];
    for (const r of pkg.rels(source)) {
      if (r.external) continue;
      if (!incoming.has(r.part)) incoming.set(r.part, new Set());
      incoming.get(r.part)!.add(source);
    }
  }
  // Removing a part from the set makes what it refers to referenced from outside: repeat until stable.
  for (let changed = true; changed;) {
    changed = false;
    for (const part of owned) {
      if (part === root) continue;
      if ([...(incoming.get(part) ?? [])].some((src) => !owned.has(src))) {
        owned.delete(part);
        changed = true;
      }
    }
  }
  return owned;
}

/** Removes an own sheet: its <sheet>, relationship, parts, content types, sheet-scoped names. */
function removeSheet(
  pkg: Package,
  wbPart: string,
  sheet: { tag: string; rid: string; part: string },
  index: number,
): void {
  for (const part of ownedParts(pkg, sheet.part)) {
    const rels = `${part.slice(0, part.lastIndexOf("/") + 1)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
    pkg.remove(part);
    pkg.removeOverride(part);
    if (pkg.has(rels)) pkg.remove(rels);
  }
  pkg.removeRel(wbPart, sheet.rid);
  let xml = pkg.read(wbPart)!;
  xml = xml.replace(sheet.tag, "");
  // Sheet-scoped defined names: drop the removed sheet's, shift the ones after it.
  xml = xml.replace(
    /<((?:[\w.-]+:)?)definedName\b([^>]*)>([\s\S]*?)<\/\1definedName>/g,
    (whole, _p, attrText: string) => {
      const m = /\slocalSheetId="(\d+)"/.exec(attrText);
      if (!m) return whole;
      const id = Number(m[1]);
      if (id === index) return "";
      return id > index ? whole.replace(m[0], ` localSheetId="${id - 1}"`) : whole;
    },
  );
  pkg.write(wbPart, xml);
}

/** Drops the calculation chain when it names a removed sheet (Excel rebuilds it; it is only a cache). */
function dropStaleCalcChain(pkg: Package, wbPart: string, removedIds: number[]): void {
  const rel = pkg.rels(wbPart).find((r) => r.type === REL.calcChain);
  if (!rel || removedIds.length === 0) return;
  const xml = pkg.read(rel.part) ?? "";
  if (!removedIds.some((id) => xml.includes(`i="${id}"`))) return;
  pkg.remove(rel.part);
  pkg.removeOverride(rel.part);
  pkg.removeRel(wbPart, rel.id);
}

function setFullCalcOnLoad(xml: string): string {
  const calc = tags(xml, "calcPr")[0];
  if (calc) {
    const tag = /\sfullCalcOnLoad="[^"]*"/.test(calc.tag)
      ? calc.tag.replace(/\sfullCalcOnLoad="[^"]*"/, ' fullCalcOnLoad="1"')
      : calc.tag.replace(/\s*(\/?)>$/, ' fullCalcOnLoad="1"$1>');
    return xml.slice(0, calc.index) + tag + xml.slice(calc.index + calc.tag.length);
  }
  const p = /<([\w.-]+:)?workbook[\s>]/.exec(xml)?.[1] ?? "";
  const after = [
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ];
  for (const next of after) {
    const m = new RegExp(`<${p}${next}[\\s/>]`).exec(xml);
    if (m) return xml.slice(0, m.index) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(m.index);
  }
  const close = xml.lastIndexOf(`</${p}workbook>`);
  return xml.slice(0, close) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(close);
}

/** A workbook view's active or first tab past the last sheet (after sheets were removed) becomes 0. */
function clampViews(xml: string, count: number): string {
  return xml.replace(/<((?:[\w.-]+:)?)workbookView\b[^>]*>/g, (tag) =>
    tag.replace(/\s(activeTab|firstSheet)="(\d+)"/g, (a, name: string, v: string) =>
      Number(v) >= count ? ` ${name}="0"` : a,
    ),
  );
}

/** Table names and ids in use (table names share the namespace of defined names). */
function tablesInUse(pkg: Package, wbXml: string): { names: Set<string>; maxId: number } {
  const names = new Set<string>();
  let maxId = 0;
  for (const name of pkg.inputNames) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(name) || !pkg.has(name)) continue;
    const root = tags(pkg.head(name, 2000), "table")[0];
    if (!root) continue;
    const a = attrs(root.tag);
    maxId = Math.max(maxId, Number(a.id) || 0);
    for (const n of [a.name, a.displayName]) if (n) names.add(n.toLowerCase());
  }
  for (const { tag } of tags(wbXml, "definedName")) names.add((attrs(tag).name ?? "").toLowerCase());
  return { names, maxId };
}

function rPrefix(wbXml: string): string | null {
  const m = new RegExp(`xmlns:([\\w.-]+)="${NS.rel}"`).exec(wbXml);
  return m ? m[1] : null;
}

/**
 * The user's workbook bytes with the layouts added as the product's own sheets (replacing those of an
 * earlier run). Layout names must not clash with a user sheet that stays (pick them with listSheets).
 */
export function writeLosslessCopy(
  input: Uint8Array,
  layouts: SheetLayout[],
  options: LosslessCopyOptions = {},
): Uint8Array {
  const pkg = new Package(input);
  const wbPart = workbookPart(pkg);
  const wbDir = wbPart.slice(0, wbPart.lastIndexOf("/"));
  if (!pkg.read("[Content_Types].xml")) throw new WorkbookFormatError("no [Content_Types].xml");

  // 1. Take out the product's sheets of an earlier run (from the last, so indexes stay right).
  const sheets = sheetsOf(pkg, wbPart, options.isOwnSheet ?? (() => false));
  const removedIds: number[] = [];
  for (let i = sheets.length - 1; i >= 0; i--) {
    if (!sheets[i].own) continue;
    removeSheet(pkg, wbPart, sheets[i], i);
    removedIds.push(sheets[i].id);
  }
  dropStaleCalcChain(pkg, wbPart, removedIds);
  const kept = sheets.filter((s) => !s.own);
  const taken = new Set(kept.map((s) => s.name.toLowerCase()));
  for (const l of layouts) {
    if (taken.has(l.name.toLowerCase())) {
      throw new WorkbookFormatError(`sheet name in use by a user sheet: ${l.name}`);
    }
    taken.add(l.name.toLowerCase());
  }

  // 2. Styles (appended), found through the workbook's rels.
  const stylesRel = pkg.rels(wbPart).find((r) => r.type === REL.styles);
  const styles = stylesRel ? new StyleBook(pkg.read(stylesRel.part) ?? "") : null;

  // 3. The new parts.
  let wbXml = pkg.read(wbPart)!;
  const tableUse = tablesInUse(pkg, wbXml);
  let nextSheetId = Math.max(0, ...sheets.map((s) => s.id)) + 1;
  // A replaced sheet keeps its sheetId (a free one, now that the old sheet is gone).
  const sheetIdOf = (name: string) =>
    sheets.find((s) => s.own && s.name.toLowerCase() === name.toLowerCase())?.id ?? nextSheetId++;
  const newSheetTags: string[] = [];
  for (const layout of layouts) {
    const grid = new CellGrid(layout, styles);
    const sheetPart = pkg.freeName(`${wbDir}/worksheets`, "sheet");
    pkg.write(sheetPart, ""); // reserve the name
    const sheetRels: { type: string; target: string }[] = [];
    const tableParts: { part: string; xml: string }[] = [];
    let autoFilter: string | undefined;
    for (const table of layout.tables) {
      const columns = tableColumns(layout, grid, table);
      if (!columns) {
        autoFilter ??= table.range;
        continue;
      }
      let name = table.name;
      for (let i = 2; tableUse.names.has(name.toLowerCase()); i++) name = `${table.name}_${i}`;
      tableUse.names.add(name.toLowerCase());
      const part = pkg.freeName(`${wbDir}/tables`, "table");
      pkg.write(part, "");
      tableParts.push({ part, xml: tableXml(table, ++tableUse.maxId, name, columns) });
      sheetRels.push({ type: REL.table, target: `../tables/${part.split("/").pop()}` });
    }
    let drawingPart: string | undefined;
    if (layout.charts.length > 0) {
      drawingPart = pkg.freeName(`${wbDir}/drawings`, "drawing");
      pkg.write(drawingPart, "");
      sheetRels.unshift({ type: REL.drawing, target: `../drawings/${drawingPart.split("/").pop()}` });
    }
    const relIds = sheetRels.length ? pkg.addRels(sheetPart, sheetRels) : [];
    const drawingRelId = drawingPart ? relIds[0] : undefined;
    const tableRelIds = drawingPart ? relIds.slice(1) : relIds;
    for (const t of tableParts) {
      pkg.write(t.part, t.xml);
      pkg.addOverride(t.part, CT.table);
    }
    if (drawingPart) {
      const chartTargets = layout.charts.map((chart) => {
        const part = pkg.freeName(`${wbDir}/charts`, "chart");
        pkg.write(part, chartXml(chart, layout.name, grid));
        pkg.addOverride(part, CT.chart);
        return `../charts/${part.split("/").pop()}`;
      });
      const ids = pkg.addRels(
        drawingPart,
        chartTargets.map((target) => ({ type: REL.chart, target })),
      );
      pkg.write(drawingPart, drawingXml(layout.charts, ids));
      pkg.addOverride(drawingPart, CT.drawing);
    }
    pkg.write(sheetPart, worksheetXml(layout, grid, { drawingRelId, tableRelIds, autoFilter }, styles));
    pkg.addOverride(sheetPart, CT.worksheet);
    const [rid] = pkg.addRels(wbPart, [{ type: REL.worksheet, target: sheetPart.slice(wbDir.length + 1) }]);
    wbXml = pkg.read(wbPart)!;
    const r = rPrefix(wbXml);
    const sheetId = sheetIdOf(layout.name);
    newSheetTags.push(
      r
        ? `<sheet name="${esc(layout.name)}" sheetId="${sheetId}" ${r}:id="${rid}"/>`
        : `<sheet name="${esc(layout.name)}" sheetId="${sheetId}" xmlns:r="${NS.rel}" r:id="${rid}"/>`,
    );
  }

  // 4. workbook.xml: the new <sheet> elements (with the root's prefix), calcPr.
  const p = /<([\w.-]+:)?workbook[\s>]/.exec(wbXml)?.[1] ?? "";
  const add = newSheetTags.map((t) => (p ? t.replace(/^<sheet/, `<${p}sheet`) : t)).join("");
  const close = wbXml.indexOf(`</${p}sheets>`);
  if (close >= 0) wbXml = wbXml.slice(0, close) + add + wbXml.slice(close);
  else {
    const empty = new RegExp(`<${p}sheets\\s*/>`).exec(wbXml);
    if (!empty) throw new WorkbookFormatError("workbook.xml has no <sheets>");
    wbXml = wbXml.replace(empty[0], `<${p}sheets>${add}</${p}sheets>`);
  }
  if (options.fullCalcOnLoad ?? true) wbXml = setFullCalcOnLoad(wbXml);
  if (removedIds.length) wbXml = clampViews(wbXml, kept.length + layouts.length);
  pkg.write(wbPart, wbXml);
  if (styles && stylesRel && styles.changed) pkg.write(stylesRel.part, styles.toXml());
  return pkg.toBytes(options.date);
}
