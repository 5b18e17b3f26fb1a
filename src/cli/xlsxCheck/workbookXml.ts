/**
 * What the workbook's XML says about its sheets, read with regexes rather than a parser (the
 * parts are small or only their first bytes are read): each worksheet entry's sheet name (from
 * workbook.xml and its relationships) and the cells in a <dimension ref>, for the message about
 * a workbook too large to load.
 */
import { Entry, entryText, File } from "./zip";

export const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(tag)?.[2];

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");

/** Worksheet entry name → the sheet's name in the workbook (from workbook.xml and its relationships). */
export function sheetNames(file: File, byName: Map<string, Entry>): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = entryText(file, byName.get("xl/workbook.xml"));
  const rels = entryText(file, byName.get("xl/_rels/workbook.xml.rels"));
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (!id || !target) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    // "xl/worksheets/../worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"
    const parts: string[] = [];
    for (const part of path.split("/")) {
      if (part === "..") parts.pop();
      else if (part !== ".") parts.push(part);
    }
    targets.set(id, parts.join("/"));
  }
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(tag, "name");
    const id = /\s(?:\w+:)?id\s*=\s*(["'])(.*?)\1/.exec(tag)?.[2];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) names.set(target, unescapeXml(name));
  }
  return names;
}

/** "A1:J1260000" → cells in it; undefined when it is no range. */
export function rangeCells(ref: string): number | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [c1, r1] = [col(m[1]), Number(m[2])];
  const [c2, r2] = m[3] ? [col(m[3]), Number(m[4])] : [c1, r1];
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}
