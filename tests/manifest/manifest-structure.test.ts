import fs from "fs";
import path from "path";
import { checkManifest, parseXml, descendants } from "./manifest-check";

const repo = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(repo, "manifest.xml"), "utf8");

describe("manifest.xml structure", () => {
  test("passes every structural check", async () => {
    expect(await checkManifest(manifest, repo)).toEqual([]);
  });

  test("has a stable GUID id and version 1.0.0.0", async () => {
    const root = await parseXml(manifest);
    const text = (name: string) => root.children.find((c) => c.name === name)?.text;
    expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(text("Version")).toBe("1.0.0.0");
  });

  test("the ribbon has the task pane button and the 'Vergelijking bijwerken' command", async () => {
    const all = descendants(await parseXml(manifest));
    const actions = all.filter((e) => e.name === "Action").map((a) => a.attrs["xsi:type"]);
    expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    expect(all.filter((e) => e.name === "FunctionName").map((e) => e.text)).toEqual(["rebuildComparison"]);
    expect(manifest).toContain('DefaultValue="Vergelijking bijwerken"');
  });
});

describe("the structural check catches a broken manifest", () => {
  const broken: [string, (xml: string) => string, RegExp][] = [
    [
      "an undefined resid",
      (x) => x.replace('resid="Tab.Label"', 'resid="Tab.Missing"'),
      /"Tab.Missing" is defined 0/,
    ],
    [
      "an unused resource",
      (x) => x.replace("<bt:ShortStrings>", '<bt:ShortStrings><bt:String id="Extra" DefaultValue="x" />'),
      /"Extra" is defined but never used/,
    ],
    [
      "an http URL",
      (x) => x.replace("https://localhost:3000/functions.json", "http://localhost:3000/functions.json"),
      /not https/,
    ],
    [
      "a second page for the runtime",
      (x) => x.replace('<Runtime resid="Taskpane.Url"', '<Runtime resid="Functions.Script.Url"'),
      /Runtime is .*functions\.js, not the shared runtime page/,
    ],
    [
      "a wrong namespace",
      (x) => x.replace('DefaultValue="ICTCOST"', 'DefaultValue="CONTOSO"'),
      /namespace is CONTOSO/,
    ],
    [
      "a string without English",
      (x) => x.replace('<bt:Override Locale="en-US" Value="Update comparison" />', ""),
      /"RebuildButton.Label" has no en-US Override/,
    ],
    [
      "another default locale",
      (x) => x.replace("<DefaultLocale>nl-NL<", "<DefaultLocale>en-US<"),
      /DefaultLocale is en-US/,
    ],
    [
      "more permissions",
      (x) => x.replace(">ReadWriteDocument<", ">ReadDocument<"),
      /Permissions are \[ReadDocument\]/,
    ],
    [
      "a wrong icon size",
      (x) => x.replace("assets/icon-80.png", "assets/icon-64.png"),
      /icon-64\.png is 64×64, expected 80×80/,
    ],
    [
      "a missing icon",
      (x) => x.replace("assets/icon-16.png", "assets/icon-17.png"),
      /icon-17\.png is missing/,
    ],
    [
      "an unwired command",
      (x) => x.replace(">rebuildComparison<", ">rebuild<"),
      /FunctionName rebuild is not associated/,
    ],
  ];

  test.each(broken)("%s", async (_what, mutate, expected) => {
    const xml = mutate(manifest);
    expect(xml).not.toBe(manifest);
    const problems = await checkManifest(xml, repo);
    expect(problems.join("\n")).toMatch(expected);
  });
});
