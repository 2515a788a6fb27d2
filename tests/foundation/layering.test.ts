import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

type Case = [file: string, code: string];

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
        out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals").map((m) => m.message));
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

const against: Case[] = [
  [
    "src/engine/prorate/x.ts",
    'import { applyPlan } from "../../office/apply";\nexport const y = applyPlan;\n',
  ],
  ["src/engine/x.ts", 'import { render } from "react-dom";\nexport const y = render;\n'],
  ["src/engine/x.ts", 'import { readFileSync } from "node:fs";\nexport const y = readFileSync;\n'],
  ["src/engine/x.ts", 'import { App } from "../taskpane/App";\nexport const y = App;\n'],
  ["src/engine/x.ts", "export const run = () => Excel.run(async () => undefined);\n"],
  ["src/workbook/x.ts", 'import { applyPlan } from "../office/apply";\nexport const y = applyPlan;\n'],
  ["src/workbook/x.ts", 'import ExcelJS from "exceljs";\nexport const y = ExcelJS;\n'],
  ["src/office/x.ts", 'import { App } from "../taskpane/App";\nexport const y = App;\n'],
  ["src/xlsx/x.ts", 'import { applyPlan } from "../office/apply";\nexport const y = applyPlan;\n'],
  ["src/cli/x.ts", 'import { applyPlan } from "../office/apply";\nexport const y = applyPlan;\n'],
];
const along: Case[] = [
  ["src/taskpane/x.ts", 'import { applyPlan } from "../office/apply";\nexport const y = applyPlan;\n'],
  ["src/office/x.ts", 'import { isFormula } from "../workbook/plan";\nexport const y = isFormula;\n'],
  ["src/workbook/x.ts", 'import { monthIndex } from "../engine/period";\nexport const y = monthIndex;\n'],
  ["src/xlsx/x.ts", 'import { isFormula } from "../workbook/plan";\nexport const y = isFormula;\n'],
  ["src/cli/x.ts", 'import { monthIndex } from "../engine/period";\nexport const y = monthIndex;\n'],
];

describe("the layering rule", () => {
  const results = lintAll([...against, ...along]);

  it.each(against.map((c, i) => [c[0], c[1].split("\n")[0], i] as const))(
    "rejects, in %s, a dependency against the direction: %s",
    (_file, _line, i) => {
      expect(results[i]!.length).toBeGreaterThan(0);
      expect(results[i]!.join(" ")).toMatch(/must not import|is pure|Excel/);
    },
  );

  it.each(along.map((c, i) => [c[0], c[1].split("\n")[0], against.length + i] as const))(
    "allows, in %s, a dependency along the direction: %s",
    (_file, _line, i) => {
      expect(results[i]).toEqual([]);
    },
  );
});
