/**
 * An offline manifest check. `office-addin-manifest validate` calls a Microsoft web service that
 * CI cannot reach, so this checks, from the file alone, what the store validator rejects:
 * id and version format, https URLs on one declared origin, icon files at their declared pixel
 * sizes, resource ids that resolve, requirement sets, and no wildcard AppDomains.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { PNG } from "pngjs";

export interface ManifestProblem {
  rule: string;
  message: string;
}

export interface ManifestCheckOptions {
  /** Folder that the manifest's origin maps to (the repo root for the source manifest, dist/ when built). */
  rootDir: string;
  /** Check that every page a URL names exists under rootDir (true for a built dist/). */
  pagesMustExist?: boolean;
}

type Node = Record<string, unknown>;

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION_RE = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const KNOWN_EXCEL_API_MAX = 20;
const SHORT_MAX = 125;
const LONG_MAX = 250;

/** Walks every element, calling visit(name, node, parentName). */
function walk(node: unknown, visit: (name: string, n: Node) => void, name = "#root"): void {
  if (Array.isArray(node)) {
    node.forEach((child) => walk(child, visit, name));
    return;
  }
  if (node === null || typeof node !== "object") return;
  visit(name, node as Node);
  for (const [key, child] of Object.entries(node as Node)) {
    if (!key.startsWith("@_") && key !== "#text") walk(child, visit, key);
  }
}

const localName = (qname: string): string => qname.replace(/^.*:/, "");

function pngSize(file: string): { width: number; height: number } | null {
  try {
    const png = PNG.sync.read(readFileSync(file));
    return { width: png.width, height: png.height };
  } catch {
    return null;
  }
}

/** Checks a manifest's XML text; returns every problem found (empty when it passes). */
export function checkManifest(xml: string, options: ManifestCheckOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const fail = (rule: string, message: string) => problems.push({ rule, message });
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    isArray: (_name, _jpath, _leaf, isAttribute) => !isAttribute,
  });
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (error) {
    return [{ rule: "xml", message: `manifest is not well-formed XML: ${(error as Error).message}` }];
  }
  const app = (doc.OfficeApp as Node[] | undefined)?.[0];
  if (!app) return [{ rule: "root", message: "root element must be <OfficeApp>" }];
  if (app["@_xsi:type"] !== "TaskPaneApp")
    fail("type", `OfficeApp xsi:type must be TaskPaneApp, got ${String(app["@_xsi:type"])}`);

  const text = (key: string): string | undefined => {
    const v = (app[key] as unknown[] | undefined)?.[0];
    if (typeof v === "string" || typeof v === "number") return String(v);
    if (v && typeof v === "object")
      return String((v as Node)["#text"] ?? (v as Node)["@_DefaultValue"] ?? "");
    return undefined;
  };
  const id = text("Id");
  if (!id || !GUID_RE.test(id)) fail("id", `<Id> must be a GUID, got "${id ?? ""}"`);
  const version = text("Version");
  if (!version || !VERSION_RE.test(version))
    fail("version", `<Version> must look like 1.0.0.0, got "${version ?? ""}"`);
  const permissions = text("Permissions");
  if (
    !["Restricted", "ReadDocument", "ReadWriteDocument", "ReadAllDocument", "WriteDocument"].includes(
      permissions ?? "",
    )
  ) {
    fail("permissions", `<Permissions> is not a known value: "${permissions ?? ""}"`);
  }

  // Hosts and requirement sets.
  const hosts: string[] = [];
  walk(app.Hosts, (name, n) => {
    if (name === "Host" && typeof n["@_Name"] === "string") hosts.push(n["@_Name"]);
  });
  if (!hosts.includes("Workbook")) fail("hosts", "<Hosts> must include Workbook (Excel)");
  let excelApi: string | undefined;
  walk(app.Requirements, (name, n) => {
    if (name === "Set" && n["@_Name"] === "ExcelApi") excelApi = String(n["@_MinVersion"] ?? "");
  });
  if (!excelApi) fail("requirements", "<Requirements> must name the ExcelApi set with a MinVersion");
  else {
    const m = /^1\.(\d+)$/.exec(excelApi);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > KNOWN_EXCEL_API_MAX)
      fail(
        "requirements",
        `ExcelApi MinVersion "${excelApi}" is not a released set (1.1-1.${KNOWN_EXCEL_API_MAX})`,
      );
  }

  // Every URL: https, one origin.
  const source = (() => {
    let v: string | undefined;
    walk(app.DefaultSettings, (name, n) => {
      if (name === "SourceLocation") v = String(n["@_DefaultValue"] ?? "");
    });
    return v;
  })();
  let origin: URL | undefined;
  try {
    origin = source ? new URL(source) : undefined;
  } catch {
    fail("url", `DefaultSettings SourceLocation is not a URL: "${source}"`);
  }
  if (!origin) fail("url", "DefaultSettings must declare a SourceLocation");
  const base = origin ? new URL("./", origin) : undefined;
  const urls: { where: string; url: string }[] = [];
  walk(app, (name, n) => {
    for (const [attr, value] of Object.entries(n)) {
      const isNamespace = attr.startsWith("@_xmlns");
      if (attr.startsWith("@_") && !isNamespace && typeof value === "string" && /^[a-z]+:\/\//i.test(value)) {
        urls.push({ where: `${localName(name)}${n["@_id"] ? ` "${String(n["@_id"])}"` : ""}`, url: value });
      }
    }
  });
  for (const { where, url } of urls) {
    if (!url.startsWith("https://")) fail("https", `${where}: URL must use https: ${url}`);
    else if (base && !url.startsWith(base.href))
      fail("origin", `${where}: URL is not under the declared origin ${base.href}: ${url}`);
  }

  const fileFor = (url: string): string | undefined => {
    if (!base || !url.startsWith(base.href)) return undefined;
    return path.join(
      options.rootDir,
      decodeURI(new URL(url).pathname.slice(new URL(base.href).pathname.length)),
    );
  };

  // Resources and the ids that point at them.
  const resources = new Map<string, { kind: string; value: string }>();
  walk(app.VersionOverrides, (name, n) => {
    const kind = localName(name);
    for (const group of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
      const children = n[`bt:${group}`] as Node[] | undefined;
      children?.forEach((g) => {
        const key = group === "Images" ? "bt:Image" : group === "Urls" ? "bt:Url" : "bt:String";
        ((g[key] as Node[] | undefined) ?? []).forEach((r) => {
          const rid = String(r["@_id"] ?? "");
          if (resources.has(rid)) fail("resid", `resource id "${rid}" is declared twice`);
          resources.set(rid, { kind: group, value: String(r["@_DefaultValue"] ?? "") });
        });
      });
    }
    void kind;
  });
  const expectKind: Record<string, string> = {
    Title: "ShortStrings",
    Label: "ShortStrings",
    Description: "LongStrings",
    SourceLocation: "Urls",
    FunctionFile: "Urls",
    LearnMoreUrl: "Urls",
    Image: "Images",
  };
  walk(app.VersionOverrides, (name, n) => {
    const rid = n["@_resid"];
    if (typeof rid !== "string") return;
    const want = expectKind[localName(name)];
    const res = resources.get(rid);
    if (!res) fail("resid", `<${localName(name)} resid="${rid}"> points at no resource`);
    else if (want && res.kind !== want)
      fail("resid", `<${localName(name)} resid="${rid}"> must point at a ${want} resource, not ${res.kind}`);
    if (localName(name) === "Image" && res?.kind === "Images") {
      const size = Number(n["@_size"]);
      const file = fileFor(res.value);
      const dims = file ? pngSize(file) : null;
      if (!file || !existsSync(file))
        fail("icon", `icon "${rid}" (${res.value}) has no file at ${file ?? "?"}`);
      else if (!dims) fail("icon", `icon "${rid}" (${file}) is not a readable PNG`);
      else if (dims.width !== size || dims.height !== size)
        fail(
          "icon",
          `icon "${rid}" is declared ${size}px but ${path.basename(file)} is ${dims.width}x${dims.height}`,
        );
    }
  });
  for (const [rid, res] of resources) {
    if (res.kind === "ShortStrings" && res.value.length > SHORT_MAX)
      fail("length", `short string "${rid}" is over ${SHORT_MAX} characters`);
    if (res.kind === "LongStrings" && res.value.length > LONG_MAX)
      fail("length", `long string "${rid}" is over ${LONG_MAX} characters`);
  }

  // Top-level icons at their fixed sizes.
  for (const [key, size] of [
    ["IconUrl", 32],
    ["HighResolutionIconUrl", 64],
  ] as const) {
    const node = (app[key] as Node[] | undefined)?.[0];
    const url = node ? String(node["@_DefaultValue"] ?? "") : "";
    const file = url ? fileFor(url) : undefined;
    const dims = file && existsSync(file) ? pngSize(file) : null;
    if (!dims) fail("icon", `<${key}> must point at a PNG under the origin (${url || "missing"})`);
    else if (dims.width !== size || dims.height !== size)
      fail(
        "icon",
        `<${key}> must be ${size}x${size}, ${path.basename(file!)} is ${dims.width}x${dims.height}`,
      );
  }

  // Pages exist in a built output.
  if (options.pagesMustExist) {
    for (const { where, url } of urls) {
      const file = fileFor(url.split(/[?#]/)[0]);
      if (file && !existsSync(file)) fail("page", `${where}: ${url} has no file in ${options.rootDir}`);
    }
  }

  // AppDomains: never a wildcard.
  walk(app.AppDomains, (_name, n) => {
    for (const d of (n.AppDomain as unknown[] | undefined) ?? []) {
      const v = typeof d === "object" && d !== null ? String((d as Node)["#text"] ?? "") : String(d);
      if (v.includes("*")) fail("appdomain", `AppDomain must not be a wildcard: ${v}`);
    }
  });
  return problems;
}

/** Reads and checks a manifest file. */
export function checkManifestFile(file: string, options: ManifestCheckOptions): ManifestProblem[] {
  return checkManifest(readFileSync(file, "utf8"), options);
}
