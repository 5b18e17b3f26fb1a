/**
 * The sheets of a workbook package and the removal of the product's own ones (a rebuild): each with the
 * parts only it reaches, its sheet-scoped names (later ones shifted), a calculation chain that names it.
 */
import { OWN_SHEET_MARKER } from "./sheetXml";
import { Package } from "./workbookParts";
import { attrs, REL, tags } from "./xml";

export class WorkbookFormatError extends Error {}

export interface WorkbookSheet {
  name: string;
  /** The product's own (to be replaced by a rebuild). */
  own: boolean;
  state: "visible" | "hidden" | "veryHidden";
  part: string;
}

export function workbookPart(pkg: Package): string {
  const rel =
    pkg.rels("").find((r) => r.type === REL.officeDocument) ??
    pkg.rels("").find((r) => /officeDocument$/.test(r.type));
  if (!rel) throw new WorkbookFormatError("no workbook part (_rels/.rels has no officeDocument)");
  if (/purl\.oclc\.org/.test(rel.type)) {
    throw new WorkbookFormatError(
      "Strict Open XML workbooks are not supported: save the workbook as a regular Excel workbook (.xlsx)",
    );
  }
  return rel.part;
}

export function sheetsOf(
  pkg: Package,
  wbPart: string,
  isOwn: (name: string) => boolean,
  keep: (name: string) => boolean = () => false,
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
      !keep(a.name) &&
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
export function listSheets(
  input: Uint8Array,
  options: { isOwnSheet?: (name: string) => boolean } = {},
): WorkbookSheet[] {
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
export function removeSheet(
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
export function dropStaleCalcChain(pkg: Package, wbPart: string, removedIds: number[]): void {
  const rel = pkg.rels(wbPart).find((r) => r.type === REL.calcChain);
  if (!rel || removedIds.length === 0) return;
  const xml = pkg.read(rel.part) ?? "";
  if (!removedIds.some((id) => xml.includes(`i="${id}"`))) return;
  pkg.remove(rel.part);
  pkg.removeOverride(rel.part);
  pkg.removeRel(wbPart, rel.id);
}

/** A workbook view's active or first tab past the last sheet (after sheets were removed) becomes 0. */
export function clampViews(xml: string, count: number): string {
  return xml.replace(/<((?:[\w.-]+:)?)workbookView\b[^>]*>/g, (tag) =>
    tag.replace(/\s(activeTab|firstSheet)="(\d+)"/g, (a, name: string, v: string) =>
      Number(v) >= count ? ` ${name}="0"` : a,
    ),
  );
}
