import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

type Case = [file: string, code: string];
/** A snippet the rule must reject, and what its message must say. */
type Against = [file: string, code: string, says: RegExp];

/**
 * Lints snippets as if they lived at the given paths. ESLint loads its flat config with a dynamic
 * import that jest's VM cannot run, so the real ESLint runs in a child node process.
 */
function lintAll(cases: Case[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(root)} });
      const out = [];
      for (const [file, code] of cases) {
        const [r] = await eslint.lintText(code, { filePath: require("path").join(${JSON.stringify(root)}, file) });
        out.push(r.messages.filter((m) => ["no-restricted-imports", "no-restricted-globals", "yardstick/one-way"].includes(m.ruleId)).map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const run = spawnSync(process.execPath, ["-e", script], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

/**
 * "../" n times. Deep paths in the snippets are built, not written out: resolved from this file
 * they would leave the repository, which tests/foundation/self-contained.test.ts forbids.
 */
const up = (n: number): string => "../".repeat(n);
const layer = /must not import|is pure|Excel/;
const fromTests = /src\/ must not import from tests\/ .*never the reverse/;

const against: Against[] = [
  [
    "src/engine/prorate/x.ts",
    'import { applyPlan } from "../../office/apply";\nexport const y = applyPlan;\n',
    /src\/engine must not import from src\/office/,
  ],
  ["src/engine/x.ts", 'import { render } from "react-dom";\nexport const y = render;\n', /is pure/],
  ["src/engine/x.ts", 'import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n', /is pure/],
  ["src/engine/x.ts", 'import { App } from "../taskpane/App";\nexport const y = App;\n', layer],
  ["src/engine/x.ts", "export const run = () => Excel.run(async () => undefined);\n", /Excel/],
  ["src/workbook/x.ts", 'import { applyPlan } from "../office/apply";\nexport const y = applyPlan;\n', layer],
  ["src/workbook/x.ts", 'import ExcelJS from "exceljs";\nexport const y = ExcelJS;\n', /is pure/],
  ["src/office/x.ts", 'import { App } from "../taskpane/App";\nexport const y = App;\n', layer],
  ["src/xlsx/x.ts", 'import { applyPlan } from "../office/apply";\nexport const y = applyPlan;\n', layer],
  ["src/cli/x.ts", 'import { applyPlan } from "../office/apply";\nexport const y = applyPlan;\n', layer],
  // A bare layer name three levels up, and deeper paths: caught whatever the depth.
  [
    "src/engine/a/b/x.ts",
    `import * as office from "${up(3)}office";\nexport const y = office;\n`,
    /src\/engine must not import from src\/office/,
  ],
  [
    "src/workbook/a/b/c/x.ts",
    `import { App } from "${up(4)}taskpane/App";\nexport const y = App;\n`,
    /src\/workbook must not import from src\/taskpane/,
  ],
  [
    "src/engine/x.ts",
    'import { render } from "./../../src/./taskpane/../taskpane/App";\nexport const y = render;\n',
    /src\/engine must not import from src\/taskpane/,
  ],
  // Every way of importing is judged: re-exports, dynamic import(), require.
  [
    "src/workbook/x.ts",
    'export { readWorkbook } from "../xlsx/read";\n',
    /src\/workbook must not import from src\/xlsx/,
  ],
  [
    "src/office/x.ts",
    'export const load = () => import("../taskpane/App");\n',
    /src\/office must not import from src\/taskpane/,
  ],
  // Nothing under src/ imports tests/, at any depth, statically or lazily.
  [
    "src/taskpane/preview/createPreview.ts",
    `import { createMemoryExcel } from "${up(3)}tests/support/memoryExcel";\nexport const y = createMemoryExcel;\n`,
    fromTests,
  ],
  [
    "src/engine/x.ts",
    'import { fixture } from "../../tests/engine/fixtures";\nexport const y = fixture;\n',
    fromTests,
  ],
  [
    "src/taskpane/a/b/c/x.ts",
    `export const load = () => import("${up(5)}tests/support/memoryExcel");\n`,
    fromTests,
  ],
  ["src/cli/x.ts", 'export * from "../../tests/support/browser";\n', fromTests],
  // The pane reaches src/xlsx only lazily and only from src/taskpane/share/: a static import
  // there, a type-erasing re-export, or a lazy import from any other pane folder is refused.
  [
    "src/taskpane/share/x.ts",
    'import { writePlanBytes } from "../../xlsx/browser";\nexport const y = writePlanBytes;\n',
    /src\/taskpane must not import from src\/xlsx/,
  ],
  [
    "src/taskpane/share/x.ts",
    'export { writePlanBytes } from "../../xlsx/browser";\n',
    /src\/taskpane must not import from src\/xlsx/,
  ],
  [
    "src/taskpane/tabs/x.ts",
    'export const load = () => import("../../xlsx/browser");\n',
    /src\/taskpane must not import from src\/xlsx/,
  ],
  [
    "src/taskpane/sharing/x.ts",
    'export const load = () => import("../../xlsx/browser");\n',
    /src\/taskpane must not import from src\/xlsx/,
  ],
  [
    "src/taskpane/share/x.ts",
    'export const load = () => import("../../cli/commands/split");\n',
    /src\/taskpane must not import from src\/cli/,
  ],
  [
    "src/cli/x.ts",
    'import { run } from "../../bench/run";\nexport const y = run;\n',
    /outside src\/ .*bench\/run/,
  ],
];
const along: Case[] = [
  ["src/taskpane/x.ts", 'import { applyPlan } from "../office/apply";\nexport const y = applyPlan;\n'],
  ["src/office/x.ts", 'import { isFormula } from "../workbook/plan";\nexport const y = isFormula;\n'],
  ["src/workbook/x.ts", 'import { monthIndex } from "../engine/period";\nexport const y = monthIndex;\n'],
  ["src/xlsx/x.ts", 'import { isFormula } from "../workbook/plan";\nexport const y = isFormula;\n'],
  ["src/cli/x.ts", 'import { monthIndex } from "../engine/period";\nexport const y = monthIndex;\n'],
  // The preview's in-memory Excel lives in src/office: the pane may load it.
  [
    "src/taskpane/preview/createPreview.ts",
    'import { createMemoryExcel } from "../../office/memory";\nexport const y = createMemoryExcel;\n',
  ],
  // Deep along the direction, and within a layer through a folder named like another layer
  // (src/cli/commands is the command line's own, not src/commands).
  [
    "src/workbook/a/b/x.ts",
    `import { monthIndex } from "${up(3)}engine/period";\nexport const y = monthIndex;\n`,
  ],
  ["src/cli/a/x.ts", 'import { run } from "../commands/prorate";\nexport const y = run;\n'],
  ["src/engine/a/b/x.ts", 'import { monthIndex } from "../../period";\nexport const y = monthIndex;\n'],
  // The Share tab's lazy chunk: import() of src/xlsx from src/taskpane/share/, at any depth.
  ["src/taskpane/share/x.ts", 'export const load = () => import("../../xlsx/browser");\n'],
  ["src/taskpane/share/a/x.ts", `export const load = () => import("${up(3)}xlsx/browser");\n`],
];

describe("the layering rule", () => {
  const results = lintAll([...against.map(([file, code]): Case => [file, code]), ...along]);

  it.each(against.map((c, i) => [c[0], c[1].split("\n")[0], i] as const))(
    "rejects, in %s, a dependency against the direction: %s",
    (_file, _line, i) => {
      expect(results[i]!.length).toBeGreaterThan(0);
      expect(results[i]!.join(" ")).toMatch(against[i]![2]);
    },
  );

  it.each(along.map((c, i) => [c[0], c[1].split("\n")[0], against.length + i] as const))(
    "allows, in %s, a dependency along the direction: %s",
    (_file, _line, i) => {
      expect(results[i]).toEqual([]);
    },
  );
});
