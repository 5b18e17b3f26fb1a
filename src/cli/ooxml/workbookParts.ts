/**
 * The package around the parts: which entries are kept raw, which are edited, removed or added;
 * relationships and content types as minimal text edits of their parts.
 */
import { Inflate } from "fflate";
import { inflateRawSync } from "zlib";
import {
  concatParts,
  DeflatedData,
  Piece,
  entryData,
  OutEntry,
  readZip,
  writeZipParts,
  ZipArchive,
  ZipEntry,
} from "./zip";
import { attrs, bytes, esc, relsPath, resolvePath, tags, text, XML_DECL, NS } from "./xml";

/** A part's content: text, bytes, or bytes in chunks (a big sheet). */
export type PartData = string | Uint8Array | Uint8Array[] | DeflatedData;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points to (for internal targets). */
  part: string;
  tag: string;
}

export class Package {
  private readonly zip: ZipArchive | null;
  private readonly byName = new Map<string, ZipEntry>();
  private readonly edited = new Map<string, PartData>();
  private readonly added = new Map<string, PartData>();
  private readonly removed = new Set<string>();

  constructor(input: Uint8Array | null) {
    this.zip = input ? readZip(input) : null;
    for (const e of this.zip?.entries ?? []) this.byName.set(e.name.toLowerCase(), e);
  }

  /** The part names of the input, in zip order. */
  get inputNames(): string[] {
    return (this.zip?.entries ?? []).map((e) => e.name);
  }

  has(name: string): boolean {
    const k = name.toLowerCase();
    if (this.removed.has(k)) return false;
    return this.byName.has(k) || this.added.has(name) || this.edited.has(name);
  }

  private entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  read(name: string): string | null {
    if (this.removed.has(name.toLowerCase())) return null;
    const v = this.edited.get(name) ?? this.added.get(name);
    if (v instanceof DeflatedData) return text(inflateRawSync(concatParts(v.data)));
    if (v !== undefined) return typeof v === "string" ? v : text(Array.isArray(v) ? concat(v) : v);
    const e = this.entry(name);
    return e && this.zip ? text(entryData(this.zip, e)) : null;
  }

  /** The first bytes of a part as text, without inflating all of it (for markers near the top). */
  head(name: string, max = 512): string {
    const e = this.entry(name);
    if (!e || !this.zip) return (this.read(name) ?? "").slice(0, max);
    if (e.method === 0)
      return text(this.zip.bytes.subarray(e.dataStart, e.dataStart + Math.min(max, e.size)));
    const chunks: Uint8Array[] = [];
    const inflate = new Inflate((chunk) => chunks.push(chunk));
    const data = this.zip.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    for (let p = 0; p < data.length && chunks.reduce((s, c) => s + c.length, 0) < max; p += 4096) {
      inflate.push(data.subarray(p, p + 4096), p + 4096 >= data.length);
    }
    return text(chunks.length === 1 ? chunks[0] : concat(chunks)).slice(0, max);
  }

  write(name: string, data: PartData): void {
    const e = this.entry(name);
    this.removed.delete(name.toLowerCase());
    if (e) this.edited.set(e.name, data);
    else this.added.set(name, data);
  }

  remove(name: string): void {
    this.removed.add(name.toLowerCase());
    this.added.delete(name);
    this.edited.delete(this.entry(name)?.name ?? name);
  }

  /** Names of the parts edited in place (for reports and tests). */
  get editedNames(): string[] {
    return [...this.edited.keys()];
  }

  toBytes(date?: Date): Uint8Array {
    return concatParts(this.toParts(date));
  }

  /** The archive as pieces in order (see writeZipParts). */
  toParts(date?: Date): Piece[] {
    const out: OutEntry[] = [];
    for (const e of this.zip?.entries ?? []) {
      if (this.removed.has(e.name.toLowerCase())) continue;
      const edited = this.edited.get(e.name);
      out.push(edited === undefined ? { keep: e } : { name: e.name, data: asBytes(edited) });
    }
    for (const [name, data] of this.added) out.push({ name, data: asBytes(data) });
    return writeZipParts(this.zip?.bytes ?? null, out, date);
  }

  // ---- relationships ----

  rels(part: string): Relationship[] {
    const xml = this.read(relsPath(part));
    if (!xml) return [];
    return tags(xml, "Relationship").map(({ tag }) => {
      const a = attrs(tag);
      const external = a.TargetMode === "External";
      return {
        id: a.Id,
        type: a.Type,
        target: a.Target,
        external,
        part: external ? "" : resolvePath(part, a.Target),
        tag,
      };
    });
  }

  /** Adds relationships to a part's rels (creating the rels part); returns their ids. */
  addRels(part: string, rels: { type: string; target: string }[]): string[] {
    const path = relsPath(part);
    let xml = this.read(path) ?? XML_DECL + `<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const used = new Set(this.rels(part).map((r) => r.id));
    let n = 1;
    const ids: string[] = [];
    let add = "";
    for (const r of rels) {
      while (used.has(`rId${n}`)) n++;
      const id = `rId${n}`;
      used.add(id);
      ids.push(id);
      add += `<Relationship Id="${id}" Type="${r.type}" Target="${esc(r.target)}"/>`;
    }
    xml = insertBeforeClose(xml, "Relationships", add);
    this.write(path, xml);
    return ids;
  }

  removeRel(part: string, id: string): void {
    const path = relsPath(part);
    const xml = this.read(path);
    const rel = this.rels(part).find((r) => r.id === id);
    if (xml && rel) this.write(path, xml.replace(rel.tag, ""));
  }

  // ---- content types ----

  addOverride(part: string, contentType: string): void {
    const xml = this.read("[Content_Types].xml")!;
    this.write(
      "[Content_Types].xml",
      insertBeforeClose(xml, "Types", `<Override PartName="/${esc(part)}" ContentType="${contentType}"/>`),
    );
  }

  removeOverride(part: string): void {
    const xml = this.read("[Content_Types].xml")!;
    const hit = tags(xml, "Override").find(
      ({ tag }) => attrs(tag).PartName?.toLowerCase() === `/${part}`.toLowerCase(),
    );
    if (hit) this.write("[Content_Types].xml", xml.replace(hit.tag, ""));
  }

  /** A part name "xl/dir/baseN.xml" not in use. */
  freeName(dir: string, base: string): string {
    for (let n = 1; ; n++) {
      const name = `${dir}/${base}${n}.xml`;
      if (!this.has(name) && !this.byName.has(name.toLowerCase())) return name;
    }
  }
}

function asBytes(d: PartData): Uint8Array | Uint8Array[] | DeflatedData {
  return typeof d === "string" ? bytes(d) : d;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** Inserts text just before the closing tag of the root element (handles `<Root/>` too). */
export function insertBeforeClose(xml: string, local: string, add: string): string {
  const close = new RegExp(`</([\\w.-]+:)?${local}>\\s*$`).exec(xml);
  if (close) return xml.slice(0, close.index) + add + xml.slice(close.index);
  const empty = new RegExp(`<(([\\w.-]+:)?${local})(\\s[^>]*)?/>`).exec(xml);
  if (!empty) throw new Error(`no <${local}> element`);
  return (
    xml.slice(0, empty.index) +
    `<${empty[1]}${empty[3] ?? ""}>${add}</${empty[1]}>` +
    xml.slice(empty.index + empty[0].length)
  );
}
