/**
 * Which cell styles (xl/styles.xml, cellXfs) show a date: a number in such a cell is a date serial.
 * The rules are ExcelJS's, which the CLI read workbooks with before, so no value changes:
 *  - a style's number format is its numFmtId's custom code (<numFmts>), else the built-in code of that
 *    id (below; ids without a fixed code, e.g. the East Asian 27–36, have none); numFmtId 0 has none;
 *  - a format is a date format when, without [..] sections and "..." literals, it has y, m, d, h, M,
 *    s or b (so "hh:mm" counts, as in ExcelJS);
 *  - style 0 is never looked at (ExcelJS skips a cell's style id 0).
 */
import { attr, XmlScanner } from "./xmlScan";

/** Built-in number formats with a fixed code that isDateFormat accepts (ExcelJS's table). */
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** styles.xml → for each cellXfs index, whether it formats numbers as dates. */
export function dateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false; // <dxfs> hold <numFmt>s of their own, which are not the cell formats
  new XmlScanner({
    open(name, s, a, b) {
      const attrs = s.slice(a, b);
      if (name === "numFmts") inNumFmts = true;
      else if (name === "numFmt" && inNumFmts) {
        const id = parseInt(attr(attrs, "numFmtId") ?? "", 10);
        // ExcelJS unescapes backslashes in the code ("\-" → "-") before testing it.
        const code = (attr(attrs, "formatCode") ?? "").replace(/[\\](.)/g, "$1");
        custom.set(id, code);
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfIds.push(parseInt(attr(attrs, "numFmtId") ?? "", 10));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
      else if (name === "numFmts") inNumFmts = false;
    },
    text() {},
  }).feed(stylesXml);
  return xfIds.map((id) => {
    if (!id) return false; // 0 or missing: General
    const code = custom.get(id);
    if (code) return isDateFormat(code);
    return BUILT_IN_DATE_IDS.has(id);
  });
}
