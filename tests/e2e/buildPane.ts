/**
 * One production webpack build of the project's own config, plus the bare React + Fluent baseline
 * page as an extra entry, into a directory of our choosing. The e2e test serves it; the bundle
 * bench measures it. Sizes are gzipped (level 9) JavaScript.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import webpack, { type Configuration, type Stats } from "webpack";
import { repositoryRoot } from "../support/repoRoot";

const ROOT = repositoryRoot(__dirname);

export interface EntrySize {
  files: string[];
  gzipBytes: number;
}

export interface PaneBuild {
  outDir: string;
  /** JavaScript the page loads before anything lazy: entry chunks and their runtime. */
  initial: { taskpane: EntrySize; baseline: EntrySize };
  /** Every lazy chunk, gzipped, by file name. */
  lazy: Record<string, number>;
  /** Named lazy chunk groups (tab-start, tab-prorate, excel, preview, ...) with all their files. */
  groups: Record<string, EntrySize>;
}

function gzipOf(outDir: string, file: string): number {
  return gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length;
}

function entrySize(stats: ReturnType<Stats["toJson"]>, name: string, outDir: string): EntrySize {
  const files = (stats.entrypoints?.[name]?.assets ?? []).map((a) => a.name).filter((f) => f.endsWith(".js"));
  return { files, gzipBytes: files.reduce((s, f) => s + gzipOf(outDir, f), 0) };
}

/** Builds the pane (production mode) and the baseline into `outDir`. */
export async function buildPane(
  outDir: string,
  mode: "production" | "development" = "production",
): Promise<PaneBuild> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, "webpack.config.js")) as (
    env: unknown,
    argv: { mode: string },
  ) => Promise<Configuration>;
  const config = await configure({}, { mode });
  config.mode = mode;
  config.context = ROOT;
  config.entry = {
    ...(config.entry as Record<string, string>),
    baseline: "./src/taskpane/baseline/index.tsx",
  };
  config.output = { ...config.output, path: outDir };
  config.infrastructureLogging = { level: "error" };
  const stats = await new Promise<Stats>((resolve, reject) =>
    webpack(config, (err, s) =>
      err ? reject(err) : s?.hasErrors() ? reject(new Error(s.toString("errors-only"))) : resolve(s!),
    ),
  );
  const json = stats.toJson({ all: false, assets: true, entrypoints: true, chunkGroups: true });
  const initialFiles = new Set(
    Object.values(json.entrypoints ?? {}).flatMap((e) => (e.assets ?? []).map((a) => a.name)),
  );
  const lazy: Record<string, number> = {};
  for (const a of json.assets ?? []) {
    if (a.name.endsWith(".js") && !initialFiles.has(a.name)) lazy[a.name] = gzipOf(outDir, a.name);
  }
  const groups: Record<string, EntrySize> = {};
  for (const [name, g] of Object.entries(json.namedChunkGroups ?? {})) {
    if (json.entrypoints?.[name]) continue;
    const files = (g.assets ?? []).map((a) => a.name).filter((f) => f.endsWith(".js"));
    groups[name] = { files, gzipBytes: files.reduce((s, f) => s + gzipOf(outDir, f), 0) };
  }
  return {
    outDir,
    groups,
    initial: { taskpane: entrySize(json, "taskpane", outDir), baseline: entrySize(json, "baseline", outDir) },
    lazy,
  };
}
