/**
 * A newcomer's clone sits alone in an empty folder: no test, bench or script may read a file
 * beside the checkout (this team's ../shared exists only on its own machines). `.ci/run` proves
 * it by running the suite in a fresh clone in an empty folder; this test names the offending
 * line before anyone gets that far.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const SCANNED = ["src", "tests", "bench", "scripts"];

/** Every relative path literal in `code` (a file at `file`) that resolves outside `repoRoot`. */
export function pathsLeavingRepo(file: string, code: string, repoRoot: string): string[] {
  const out = new Set<string>();
  const literal = /(["'`])((?:\.\.\/)+[^"'`\s]*)\1/g;
  for (const m of code.matchAll(literal)) {
    const resolved = path.resolve(path.dirname(file), m[2]);
    if (path.relative(repoRoot, resolved).startsWith("..")) out.add(m[2]);
  }
  // Sibling folders named outright, however the path is assembled.
  for (const m of code.matchAll(/(["'`])([^"'`\n]*\bshared\/(?:data|ooxml|domain)\b[^"'`\n]*)\1/g))
    out.add(m[2]);
  return [...out];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory())
      return e.name === "node_modules" || e.name === "screenshots" ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(e.name) ? [full] : [];
  });
}

describe("a fresh clone needs nothing beside the checkout", () => {
  // The offending paths are assembled here, so that this file does not itself name one.
  const sibling = ["..", "..", "..", "..", "shared", "data", "real", "nyc.csv"].join("/");

  it("catches a test that reads the team's shared data folder", () => {
    const file = path.join(root, "tests/engine/checks/nyc.test.ts");
    expect(pathsLeavingRepo(file, `const F = "${sibling}";`, root)).toEqual([sibling]);
    const named = ["shared", "data", "real"].join("/");
    expect(pathsLeavingRepo(file, `path.join(ROOT, "..", "${named}")`, root)).toHaveLength(1);
  });

  it("allows imports and files inside the repository", () => {
    const file = path.join(root, "tests/engine/checks/nyc.test.ts");
    const code = `import x from "../../../src/engine/checks";\nconst f = "../../../data/real/nyc.csv";`;
    expect(pathsLeavingRepo(file, code, root)).toEqual([]);
  });

  it("finds no path out of the repository in src, tests, bench or scripts", () => {
    // This file is left out: its own cases are written as if they sat in tests/engine/checks.
    const offenders = SCANNED.flatMap((d) => sourceFiles(path.join(root, d)))
      .filter((f) => f !== __filename)
      .flatMap((f) =>
        pathsLeavingRepo(f, readFileSync(f, "utf8"), root).map((p) => `${path.relative(root, f)}: ${p}`),
      );
    expect(offenders).toEqual([]);
  });
});
