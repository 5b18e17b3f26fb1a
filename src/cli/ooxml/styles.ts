/**
 * The styles the product's sheets need, appended to the workbook's xl/styles.xml: new fonts, fills,
 * number formats, cell formats (xf) and differential formats (dxf) go at the end of their lists, so every
 * index the user's sheets use keeps its meaning. An entry that already exists with the same XML (e.g.
 * from an earlier run) is reused, so rebuilding a copy does not grow the part.
 */
import { CellStyle } from "../../model/layout/types";
import { attrs, esc, rootPrefix, tags } from "./xml";

/** The same looks as the add-in's renderer and the ExcelJS writer. */
const LOOKS: Record<
  CellStyle,
  { bold?: boolean; italic?: boolean; size?: number; color?: string; fill?: string }
> = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true, color: "404040" },
  header: { bold: true, fill: "DDEBF7" },
  body: {},
  total: { bold: true, fill: "F2F2F2" },
  note: { italic: true, color: "595959" },
  input: { fill: "FFF2CC" },
  warning: { bold: true, color: "C00000" },
};

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

/** The order of styleSheet's children (where a missing list goes). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const argb = (hex: string) => "FF" + hex.replace(/^#/, "").toUpperCase();

interface List {
  local: string;
  child: string;
  items: string[];
  added: string[];
}

export class StyleBook {
  private readonly p: string;
  private readonly lists = new Map<string, List>();
  private readonly xfCache = new Map<string, number>();
  private readonly baseFont: { size: string; name: string };
  private nextNumFmt = 164;

  constructor(private readonly xml: string) {
    this.p = rootPrefix(xml, "styleSheet");
    for (const [local, child] of [
      ["numFmts", "numFmt"],
      ["fonts", "font"],
      ["fills", "fill"],
      ["cellXfs", "xf"],
      ["dxfs", "dxf"],
    ]) {
      this.lists.set(local, { local, child, items: this.children(local, child), added: [] });
    }
    for (const f of this.lists.get("numFmts")!.items) {
      const id = Number(attrs(f).numFmtId);
      if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
    }
    const font0 = this.lists.get("fonts")!.items[0] ?? "";
    this.baseFont = {
      size: attrs(tags(font0, "sz")[0]?.tag ?? "").val ?? "11",
      name: attrs(tags(font0, "name")[0]?.tag ?? "").val ?? "Calibri",
    };
  }

  private section(local: string): RegExpExecArray | null {
    const p = this.p.replace(/[.]/g, "\\.");
    return new RegExp(`<${p}${local}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}${local}>)`).exec(this.xml);
  }

  private children(local: string, child: string): string[] {
    const m = this.section(local);
    if (!m || !m[1]) return [];
    const p = this.p;
    const re = new RegExp(`<${p}${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, "g");
    return [...m[1].matchAll(re)].map((x) => x[0]);
  }

  /** Index of an entry in a list, appending it when no equal entry exists. */
  private index(local: string, xml: string): number {
    const list = this.lists.get(local)!;
    const all = [...list.items, ...list.added];
    const i = all.indexOf(xml);
    if (i >= 0) return i;
    list.added.push(xml);
    return all.length;
  }

  private numFmtId(code: string | null | undefined): number {
    if (!code) return 0;
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const list = this.lists.get("numFmts")!;
    for (const f of [...list.items, ...list.added]) {
      const a = attrs(f);
      if (a.formatCode === code) return Number(a.numFmtId);
    }
    const id = this.nextNumFmt++;
    list.added.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return id;
  }

  /** The cellXfs index of a layout style with a number format. */
  xf(style: CellStyle | undefined, numFmt: string | null | undefined): number {
    const key = `${style ?? ""}|${numFmt ?? ""}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const look = style ? LOOKS[style] : {};
    const p = this.p;
    let fontId = 0;
    if (look.bold || look.italic || look.size || look.color) {
      const font =
        `<${p}font>${look.bold ? `<${p}b/>` : ""}${look.italic ? `<${p}i/>` : ""}` +
        `<${p}sz val="${look.size ?? esc(this.baseFont.size)}"/>` +
        (look.color ? `<${p}color rgb="${argb(look.color)}"/>` : "") +
        `<${p}name val="${esc(this.baseFont.name)}"/></${p}font>`;
      fontId = this.index("fonts", font);
    }
    let fillId = 0;
    if (look.fill) {
      fillId = this.index(
        "fills",
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(look.fill)}"/>` +
          `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
    }
    const numFmtId = this.numFmtId(numFmt);
    const xf =
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}/>`;
    const id = numFmtId === 0 && fontId === 0 && fillId === 0 ? 0 : this.index("cellXfs", xf);
    this.xfCache.set(key, id);
    return id;
  }

  /** A differential format (conditional formatting): font colour and solid fill. */
  dxf(fill: string, fontColor: string): number {
    const p = this.p;
    return this.index(
      "dxfs",
      `<${p}dxf><${p}font><${p}color rgb="${argb(fontColor)}"/></${p}font><${p}fill><${p}patternFill>` +
        `<${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  get changed(): boolean {
    return [...this.lists.values()].some((l) => l.added.length > 0);
  }

  /** styles.xml with the additions (the same string when nothing was added). */
  toXml(): string {
    let xml = this.xml;
    for (const list of this.lists.values()) {
      if (list.added.length === 0) continue;
      const count = list.items.length + list.added.length;
      const p = this.p;
      const added = list.added.join("");
      const m = this.sectionIn(xml, list.local);
      if (m) {
        const [whole] = m;
        const start = /^<[^>]*?(\/?)>/.exec(whole)!;
        let open = start[0].replace(/\/>$/, ">");
        open = /\scount="\d*"/.test(open)
          ? open.replace(/\scount="\d*"/, ` count="${count}"`)
          : open.replace(/>$/, ` count="${count}">`);
        const body = start[1]
          ? ""
          : whole.slice(start[0].length, whole.length - `</${p}${list.local}>`.length);
        xml =
          xml.slice(0, m.index) +
          `${open}${body}${added}</${p}${list.local}>` +
          xml.slice(m.index + whole.length);
      } else {
        const element = `<${p}${list.local} count="${count}">${added}</${p}${list.local}>`;
        xml = this.insertMissing(xml, list.local, element);
      }
    }
    return xml;
  }

  private sectionIn(xml: string, local: string): RegExpExecArray | null {
    const p = this.p;
    return new RegExp(`<${p}${local}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}${local}>)`).exec(xml);
  }

  private insertMissing(xml: string, local: string, element: string): string {
    const p = this.p;
    for (const next of ORDER.slice(ORDER.indexOf(local) + 1)) {
      const m = new RegExp(`<${p}${next}[\\s/>]`).exec(xml);
      if (m) return xml.slice(0, m.index) + element + xml.slice(m.index);
    }
    const close = xml.lastIndexOf(`</${p}styleSheet>`);
    return xml.slice(0, close) + element + xml.slice(close);
  }
}
