/**
 * The pane's first load against a bare React + Fluent UI v9 page that renders the same Fluent
 * components (src/taskpane/baseline), built together in one production build. Prints both
 * initial JavaScript sizes gzipped, their ratio (aim: under 1.3), and the lazy chunks.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildPane } from "../tests/e2e/buildPane";

export const title = "Task pane bundle: initial JavaScript vs a bare React + Fluent v9 page";

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export async function run(): Promise<void> {
  const outDir = mkdtempSync(path.join(tmpdir(), "yardstick-bundle-"));
  try {
    const started = Date.now();
    const build = await buildPane(outDir);
    const { taskpane, baseline } = build.initial;
    console.log(`build time                     ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`baseline initial JS (gzip)     ${kb(baseline.gzipBytes)}  ${baseline.files.join(", ")}`);
    console.log(`task pane initial JS (gzip)    ${kb(taskpane.gzipBytes)}  ${taskpane.files.join(", ")}`);
    console.log(
      `ratio pane / baseline          ${(taskpane.gzipBytes / baseline.gzipBytes).toFixed(3)}  (aim < 1.3)`,
    );
    const start = build.groups["tab-start"];
    if (start) {
      const first = taskpane.gzipBytes + start.gzipBytes;
      console.log(
        `pane first screen (+ Start tab) ${kb(first)}  ratio ${(first / baseline.gzipBytes).toFixed(3)}`,
      );
    }
    for (const [name, g] of Object.entries(build.groups).sort())
      console.log(`  lazy group ${name.padEnd(12)} ${kb(g.gzipBytes)}`);
    const lazy = Object.entries(build.lazy).sort((a, b) => b[1] - a[1]);
    console.log(
      `lazy chunks (gzip), ${lazy.length} files, ${kb(lazy.reduce((s, [, b]) => s + b, 0))} in all:`,
    );
    for (const [file, bytes] of lazy.slice(0, 5)) console.log(`  ${kb(bytes).padStart(10)}  ${file}`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
