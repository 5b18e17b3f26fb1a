/**
 * A small pull scanner for the XML of spreadsheet parts, fed in pieces (a sheet's XML is decoded and
 * scanned a megabyte at a time, never as one string; see entryStream.ts). It reports start tags (local name, the raw attribute text),
 * end tags and text as positions in the current buffer, so the reader slices and decodes only the
 * text it keeps (a cell's <v>), not every run of whitespace. Namespace prefixes are dropped ("x:c" is
 * "c"), comments and processing instructions skipped, CDATA passed as text; a DOCTYPE is refused
 * (no entity expansion). Why not saxes: an object per event and an attribute map per cell; on the bench
 * workbook's 26 MB sheet saxes took 0.6 s of ExcelJS's read, this scanner 0.2 s with no reader behind it
 * (BENCHMARKS.md, "Streaming xlsx reader").
 */

export interface ScanHandler {
  /**
   * A start tag; its attributes are the text s[attrStart, attrEnd) between the name and ">" (or "/>"),
   * given as positions so that a reader of a million cells parses them without copying (`selfClosing`
   * for <x/>). The positions are valid during the call only.
   */
  open(name: string, s: string, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw (undecoded) text s[start, end); CDATA content comes with `cdata` set (nothing to decode). */
  text(s: string, start: number, end: number, cdata: boolean): void;
}

export class XmlFormatError extends Error {}

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQUOTE = 34;
const SQUOTE = 39;

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
}

/** "x:sheetData" → "sheetData". */
function localName(s: string, start: number, end: number): string {
  for (let i = end - 1; i >= start; i--) {
    if (s.charCodeAt(i) === 58 /* : */) return s.slice(i + 1, end);
  }
  return s.slice(start, end);
}

export class XmlScanner {
  private rest = "";

  constructor(private readonly handler: ScanHandler) {}

  /** Scan a piece of the document; what is cut off at its end waits for the next piece. */
  feed(piece: string): void {
    const s = this.rest.length ? this.rest + piece : piece;
    this.rest = s.slice(this.scan(s));
  }

  /** The end of the document: nothing may be left half-read. */
  end(): void {
    if (this.rest.trim().length) {
      if (this.rest.indexOf("<") < 0) return; // trailing text after the root: ignored, as XML allows only space
      throw new XmlFormatError("XML cut off: " + this.rest.slice(0, 40));
    }
  }

  /**
   * The ">" that ends a tag starting before `from`, skipping quoted attribute values; -1 if not in s.
   * One look at each character of the tag, jumping over a quoted value with indexOf.
   */
  private tagEnd(s: string, from: number): number {
    for (let p = from; p < s.length; p++) {
      const c = s.charCodeAt(p);
      if (c === GT) return p;
      if (c === DQUOTE || c === SQUOTE) {
        p = s.indexOf(c === DQUOTE ? '"' : "'", p + 1);
        if (p < 0) return -1;
      }
    }
    return -1;
  }

  /** Scans s and returns where the first incomplete construct starts (s.length when none). */
  private scan(s: string): number {
    const h = this.handler;
    let i = 0;
    const n = s.length;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) return i; // text that may go on in the next piece
      if (lt > i) h.text(s, i, lt, false);
      if (lt + 1 >= n) return lt;
      const c = s.charCodeAt(lt + 1);
      if (c === BANG) {
        if (s.startsWith("<!--", lt)) {
          const e = s.indexOf("-->", lt + 4);
          if (e < 0) return lt;
          i = e + 3;
        } else if (s.startsWith("<![CDATA[", lt)) {
          const e = s.indexOf("]]>", lt + 9);
          if (e < 0) return lt;
          h.text(s, lt + 9, e, true);
          i = e + 3;
        } else if (n - lt < 9) {
          return lt;
        } else {
          throw new XmlFormatError("DOCTYPE or unknown markup declaration in a spreadsheet part");
        }
        continue;
      }
      if (c === QUESTION) {
        const e = s.indexOf("?>", lt + 2);
        if (e < 0) return lt;
        i = e + 2;
        continue;
      }
      const gt = this.tagEnd(s, lt + 1);
      if (gt < 0) return lt;
      if (c === SLASH) {
        let e = gt;
        while (e > lt + 2 && s.charCodeAt(e - 1) <= 32) e--;
        h.close(localName(s, lt + 2, e));
      } else {
        let e = lt + 1;
        while (e < gt && !isNameEnd(s.charCodeAt(e))) e++;
        const name = localName(s, lt + 1, e);
        const self = s.charCodeAt(gt - 1) === SLASH;
        h.open(name, s, e, self ? gt - 1 : gt, self);
        if (self) h.close(name);
      }
      i = gt + 1;
    }
    return n;
  }
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);|\r\n?/g;

/** Text or an attribute value as the XML parser delivers it: entities resolved, line ends as "\n". */
export function decodeXml(raw: string): string {
  if (raw.indexOf("&") < 0 && raw.indexOf("\r") < 0) return raw;
  return raw.replace(ENTITY, (m: string, e: string | undefined) => {
    if (e === undefined) return "\n";
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
    }
  });
}

/**
 * One attribute of a start tag's attribute text (by local name: "r:id" answers "id" only when asked
 * for with its prefix). Values are decoded; attribute-value normalisation (tab, newline → space) as XML.
 */
export function attr(attrs: string, name: string, start = 0, end = attrs.length): string | undefined {
  let from = start;
  for (;;) {
    const at = attrs.indexOf(name, from);
    if (at < 0 || at >= end) return undefined;
    from = at + name.length;
    const before = at === start ? 32 : attrs.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let p = from;
    while (p < end && attrs.charCodeAt(p) <= 32) p++;
    if (attrs.charCodeAt(p) !== 61 /* = */) continue;
    p++;
    while (p < end && attrs.charCodeAt(p) <= 32) p++;
    const q = attrs[p];
    if (q !== '"' && q !== "'") return undefined;
    const close = attrs.indexOf(q, p + 1);
    if (close < 0 || close >= end) return undefined;
    const raw = attrs.slice(p + 1, close);
    return /[\t\n\r&]/.test(raw) ? decodeXml(raw.replace(/\r\n|[\t\n\r]/g, " ")) : raw;
  }
}

/** Every attribute as qualified name → decoded value (for the few small parts that need several). */
export function attrMap(attrs: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of attrs.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const raw = m[3] ?? m[4] ?? "";
    out.set(m[1], decodeXml(raw.replace(/\r\n|[\t\n\r]/g, " ")));
  }
  return out;
}
