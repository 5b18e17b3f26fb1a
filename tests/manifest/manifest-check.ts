/**
 * Structural checks of manifest.xml that the XSD cannot make: resource ids, URLs, the shared runtime's single
 * page, localisation and icons. `checkManifest` returns a list of problems (empty = fine), so a test can
 * assert both that the real manifest passes and that a broken copy is caught, and say why.
 *
 * XML is read with xml2js, a dependency of office-addin-manifest (our devDependency); used in tests only.
 */
import fs from "fs";
import path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js = require("xml2js") as {
  parseStringPromise(xml: string, options: object): Promise<Record<string, RawNode>>;
};

interface RawNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: RawNode[];
  _?: string;
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function toElement(raw: RawNode): XmlElement {
  return {
    name: raw["#name"],
    attrs: raw.$ ?? {},
    children: (raw.$$ ?? []).map(toElement),
    text: (raw._ ?? "").trim(),
  };
}

export async function parseXml(xml: string): Promise<XmlElement> {
  const doc = await xml2js.parseStringPromise(xml, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    explicitRoot: true,
  });
  const [rootName] = Object.keys(doc);
  return toElement({ ...doc[rootName], "#name": rootName });
}

/** Every element below (and including) `el`, depth first, in document order. */
export function descendants(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(descendants)];
}

const local = (name: string) => name.replace(/^.*:/, "");
const named = (el: XmlElement, name: string) => descendants(el).filter((e) => local(e.name) === name);
const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => local(c.name) === name);

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | null {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString("ascii", 12, 16) !== "IHDR") {
    return null;
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export const DEV_URL = "https://localhost:3000/";

export async function checkManifest(xml: string, repoDir: string): Promise<string[]> {
  const problems: string[] = [];
  const root = await parseXml(xml);
  const all = descendants(root);

  // ---- resource ids: every one used is defined exactly once, every one defined is used ----
  const resources = named(root, "Resources")[0];
  const defined = new Map<string, XmlElement[]>();
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const def of child(resources, kind)?.children ?? []) {
      const id = def.attrs.id;
      defined.set(id, [...(defined.get(id) ?? []), def]);
    }
  }
  const used = new Set(all.map((e) => e.attrs.resid).filter((r): r is string => r !== undefined));
  for (const id of used) {
    const defs = defined.get(id) ?? [];
    if (defs.length !== 1) problems.push(`resid "${id}" is defined ${defs.length} times in Resources`);
  }
  for (const [id, defs] of defined) {
    if (defs.length > 1 && !used.has(id)) problems.push(`resource "${id}" is defined ${defs.length} times`);
    if (!used.has(id)) problems.push(`resource "${id}" is defined but never used`);
  }
  const valueOf = (resid: string | undefined) =>
    resid === undefined ? undefined : defined.get(resid)?.[0]?.attrs.DefaultValue;

  // ---- every URL is https (xmlns attributes are namespace names, not URLs) ----
  for (const el of all) {
    for (const [attr, value] of Object.entries(el.attrs)) {
      if (
        !attr.startsWith("xmlns") &&
        /^[a-z][a-z0-9+.-]*:\/\//i.test(value) &&
        !value.startsWith("https://")
      ) {
        problems.push(`${local(el.name)} ${attr}="${value}" is not https`);
      }
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(el.text) && !el.text.startsWith("https://")) {
      problems.push(`${local(el.name)} text "${el.text}" is not https`);
    }
  }

  // ---- one shared runtime page: Runtime, FunctionFile, CustomFunctions Page, task pane, DefaultSettings ----
  const customFunctions = all.find(
    (e) => local(e.name) === "ExtensionPoint" && e.attrs["xsi:type"] === "CustomFunctions",
  );
  const pageUrls: Record<string, string | undefined> = {
    "DefaultSettings/SourceLocation": child(named(root, "DefaultSettings")[0], "SourceLocation")?.attrs
      .DefaultValue,
    Runtime: valueOf(named(root, "Runtime")[0]?.attrs.resid),
    FunctionFile: valueOf(named(root, "FunctionFile")[0]?.attrs.resid),
    "CustomFunctions/Page": valueOf(child(child(customFunctions, "Page"), "SourceLocation")?.attrs.resid),
  };
  all
    .filter((e) => local(e.name) === "Action" && e.attrs["xsi:type"] === "ShowTaskpane")
    .forEach(
      (a, i) => (pageUrls[`ShowTaskpane#${i + 1}`] = valueOf(child(a, "SourceLocation")?.attrs.resid)),
    );
  const page = pageUrls["DefaultSettings/SourceLocation"];
  for (const [where, url] of Object.entries(pageUrls)) {
    if (url === undefined) problems.push(`${where}: no URL`);
    else if (url !== page) problems.push(`${where} is ${url}, not the shared runtime page ${page}`);
  }
  if (page !== undefined && !page.endsWith("/taskpane.html"))
    problems.push(`the page ${page} is not taskpane.html`);
  if (named(root, "Runtime")[0]?.attrs.lifetime !== "long") problems.push(`Runtime lifetime is not "long"`);

  // ---- custom functions ----
  const metadata = valueOf(child(child(customFunctions, "Metadata"), "SourceLocation")?.attrs.resid);
  if (!metadata || !/\/functions(-nl)?\.json$/.test(metadata))
    problems.push(`custom functions Metadata is ${metadata}, not functions.json or functions-nl.json`);
  const script = valueOf(child(child(customFunctions, "Script"), "SourceLocation")?.attrs.resid);
  if (!script?.endsWith("/functions.js"))
    problems.push(`custom functions Script is ${script}, not functions.js`);
  const namespace = valueOf(child(customFunctions, "Namespace")?.attrs.resid);
  if (namespace !== "ICTCOST") problems.push(`custom functions namespace is ${namespace}, not ICTCOST`);

  // ---- requirements and permissions ----
  const sets = new Map(named(root, "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]));
  if (sets.get("SharedRuntime") !== "1.1") problems.push("SharedRuntime 1.1 is not required");
  // Data validation (ExcelApi 1.8) is the newest API src/excel uses.
  if (!(Number(sets.get("ExcelApi")?.split(".")[1]) >= 8))
    problems.push("ExcelApi 1.8 or later is not required");
  const permissions = named(root, "Permissions").map((p) => p.text);
  if (permissions.join() !== "ReadWriteDocument")
    problems.push(`Permissions are [${permissions}], not ReadWriteDocument`);

  // ---- localisation: nl-NL default, en-US for the add-in's name/description and every string ----
  const locale = named(root, "DefaultLocale")[0]?.text;
  if (locale !== "nl-NL") problems.push(`DefaultLocale is ${locale}, not nl-NL`);
  const hasEnglish = (el: XmlElement | undefined) =>
    el?.children.some(
      (o) => local(o.name) === "Override" && o.attrs.Locale === "en-US" && o.attrs.Value?.trim(),
    );
  for (const name of ["DisplayName", "Description"]) {
    if (!hasEnglish(child(root, name))) problems.push(`${name} has no en-US Override`);
  }
  for (const kind of ["ShortStrings", "LongStrings"]) {
    for (const s of child(resources, kind)?.children ?? []) {
      if (!hasEnglish(s)) problems.push(`string "${s.attrs.id}" has no en-US Override`);
    }
  }

  // ---- ribbon command is wired to the function commands.ts associates ----
  const commandsTs = fs.readFileSync(path.join(repoDir, "src/commands/commands.ts"), "utf8");
  for (const fn of named(root, "FunctionName").map((f) => f.text)) {
    if (!commandsTs.includes(`associate("${fn}"`))
      problems.push(`FunctionName ${fn} is not associated in commands.ts`);
  }

  // ---- icons: files exist in assets/ with the pixel size their use says ----
  const icons: { where: string; url: string | undefined; size: number }[] = [
    { where: "IconUrl", url: child(root, "IconUrl")?.attrs.DefaultValue, size: 32 },
    {
      where: "HighResolutionIconUrl",
      url: child(root, "HighResolutionIconUrl")?.attrs.DefaultValue,
      size: 64,
    },
  ];
  for (const img of child(resources, "Images")?.children ?? []) {
    for (const ref of all.filter((e) => local(e.name) === "Image" && e.attrs.resid === img.attrs.id)) {
      icons.push({
        where: `Image ${img.attrs.id}`,
        url: img.attrs.DefaultValue,
        size: Number(ref.attrs.size),
      });
    }
  }
  for (const { where, url, size } of icons) {
    if (!url?.startsWith(`${DEV_URL}assets/`)) {
      problems.push(`${where}: ${url} is not under ${DEV_URL}assets/`);
      continue;
    }
    const file = path.join(repoDir, "assets", url.slice(`${DEV_URL}assets/`.length));
    const dims = fs.existsSync(file) ? pngSize(file) : null;
    if (!dims) problems.push(`${where}: ${path.relative(repoDir, file)} is missing or not a PNG`);
    else if (dims.width !== size || dims.height !== size) {
      problems.push(
        `${where}: ${path.relative(repoDir, file)} is ${dims.width}×${dims.height}, expected ${size}×${size}`,
      );
    }
  }

  return problems;
}
