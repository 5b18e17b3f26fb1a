/**
 * The shared strings table (xl/sharedStrings.xml) as plain texts, streamed. Per <si>: the runs' texts
 * joined (rich text), else its <t>; phonetic guides (<rPh>) are not part of the value. As ExcelJS, which
 * the CLI read with before: Excel's escapes "_xHHHH_" (upper-case hex) become their character.
 */
import { XmlScanner, decodeXml } from "./xmlScan";

const ESCAPE = /_x([0-9A-F]{4})_/g;

/** Excel's "_x000D_" escapes in a <t>, as ExcelJS's text reader undoes them. */
export function unescapeExcel(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export class SharedStringsReader {
  readonly values: string[] = [];
  private depthRPh = 0;
  private inT = false;
  private inRun = false;
  private text = "";
  private runs: string[] | null = null;
  private plain: string | null = null;

  readonly scanner = new XmlScanner({
    open: (name) => {
      switch (name) {
        case "si":
          this.runs = null;
          this.plain = null;
          break;
        case "rPh":
          this.depthRPh++;
          break;
        case "r":
          if (!this.depthRPh) this.inRun = true;
          break;
        case "t":
          if (!this.depthRPh) {
            this.inT = true;
            this.text = "";
          }
          break;
      }
    },
    close: (name) => {
      switch (name) {
        case "t":
          if (!this.inT) break;
          this.inT = false;
          if (this.inRun) (this.runs ??= []).push(unescapeExcel(this.text));
          else this.plain = unescapeExcel(this.text);
          break;
        case "r":
          this.inRun = false;
          break;
        case "rPh":
          this.depthRPh--;
          break;
        case "si":
          this.values.push(this.runs ? this.runs.join("") : (this.plain ?? ""));
          break;
      }
    },
    text: (s, start, end, cdata) => {
      if (!this.inT) return;
      const raw = s.slice(start, end);
      this.text += cdata ? raw : decodeXml(raw);
    },
  });
}
