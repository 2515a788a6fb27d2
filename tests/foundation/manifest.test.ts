import { readFileSync } from "node:fs";
import path from "node:path";
import { checkManifest } from "../../scripts/manifest-check";
import { RIBBON_TABS } from "../../src/commands/commands";
import { TAB_IDS } from "../../src/taskpane/port";

const root = path.resolve(__dirname, "../..");
const source = readFileSync(path.join(root, "manifest.xml"), "utf8");
const check = (xml: string) => checkManifest(xml, { rootDir: root });
const rules = (xml: string) => check(xml).map((p) => p.rule);

describe("the offline manifest check", () => {
  it("passes the project's manifest", () => {
    expect(check(source)).toEqual([]);
  });

  it("asks for ExcelApi 1.8, the set that brings data validation and Excel.createWorkbook", () => {
    expect(source).toMatch(/<Set Name="ExcelApi" MinVersion="1.8"\/>/);
  });

  it("declares one ribbon button per main area, each opening the pane on its tab", () => {
    for (const tab of ["start", "prorate", "check", "flags", "share"]) {
      expect(source).toContain(`taskpane.html?tab=${tab}`);
    }
  });

  it("gives every tab of the pane a ribbon action in the function file", () => {
    expect([...RIBBON_TABS].sort()).toEqual([...TAB_IDS].sort());
  });

  it.each([
    ["an id that is not a GUID", (x: string) => x.replace(/<Id>[^<]+<\/Id>/, "<Id>yardstick</Id>"), "id"],
    [
      "a version with five parts",
      (x: string) => x.replace(/<Version>[^<]+/, "<Version>1.0.0.0.0"),
      "version",
    ],
    [
      "an http URL",
      (x: string) => x.replace("https://localhost:3000/commands.html", "http://localhost:3000/commands.html"),
      "https",
    ],
    [
      "a URL on another origin",
      (x: string) => x.replace("https://localhost:3000/help.html", "https://example.com/help.html"),
      "origin",
    ],
    [
      "a 16 px slot filled with the 32 px icon",
      (x: string) => x.replace("assets/icon-16.png", "assets/icon-32.png"),
      "icon",
    ],
    [
      "an icon file that does not exist",
      (x: string) => x.replace("assets/icon-80.png", "assets/missing.png"),
      "icon",
    ],
    [
      "a resid that resolves to nothing",
      (x: string) => x.replace('resid="Check.Tooltip"', 'resid="Check.Tip"'),
      "resid",
    ],
    [
      "a label pointing at a URL resource",
      (x: string) => x.replace('<Label resid="Flags.Label"/>', '<Label resid="Flags.Url"/>'),
      "resid",
    ],
    [
      "a requirement set that was never released",
      (x: string) => x.replace('MinVersion="1.8"/>', 'MinVersion="1.99"/>'),
      "requirements",
    ],
    [
      "no requirement set",
      (x: string) => x.replace(/<Requirements>[\s\S]*?<\/Requirements>/, ""),
      "requirements",
    ],
    [
      "a Word host instead of Excel",
      (x: string) => x.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'),
      "hosts",
    ],
    [
      "a wildcard AppDomain",
      (x: string) =>
        x.replace("<Hosts>", "<AppDomains><AppDomain>https://*.example.com</AppDomain></AppDomains><Hosts>"),
      "appdomain",
    ],
    ["an unknown permission", (x: string) => x.replace("ReadWriteDocument", "Everything"), "permissions"],
  ])("rejects %s", (_label, mutate, rule) => {
    const mutated = mutate(source);
    expect(mutated).not.toEqual(source);
    expect(rules(mutated)).toContain(rule);
  });

  it("rejects XML that is not well formed, saying so", () => {
    expect(check(source.replace("</OfficeApp>", ""))[0]?.rule).toBe("xml");
  });
});
