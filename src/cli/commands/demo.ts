/**
 * `yardstick demo [--out FILE]`: write the demo workbook (child-support program, 12 offices,
 * two prior fiscal years and seven months of this one, live checks, the engine's flags) to
 * ./yardstick-demo.xlsx, and say how to open it. `npm run demo` runs this.
 */
import { buildPlanFromInput } from "../../workbook/buildPlan";
import { buildDemoData } from "../../workbook/demo";
import type { WorkbookInput } from "../../workbook/input";
import { writePlanToXlsx } from "../../xlsx";
import { FORCE_HELP, FORCE_OPTION, readArgs, SHARED_OPTIONS, wholeArg } from "../args";
import { CliError, type CliCommand } from "../io";
import { freeName } from "../output";
import { howToOpen, writeOutput } from "./template";

export const DEFAULT_DEMO_FILE = "yardstick-demo.xlsx";

const USAGE = `Usage: yardstick demo [--out FILE] [--force] [--seed N]

Writes a demo scorecard workbook: a child-support program with 12 offices, two prior fiscal
years and seven months of the current one, targets prorated to offices and spread into monthly
milestones, every check as a live Excel formula, and the flags Yardstick raised. Open it in
Excel or LibreOffice; no add-in is needed.

  --out FILE       where to write it (default ./${DEFAULT_DEMO_FILE}, or -2, -3, ... when that exists,
                   so a demo you have edited is never replaced)
${FORCE_HELP}
  --seed N         sample data seed (default 1)`;

/** The demo's inputs: the workbook layer's demo scorecard with the engine's flags. */
export function demoInput(seed = 1): WorkbookInput {
  return buildDemoData(seed).input;
}

const OPTIONS = { out: SHARED_OPTIONS.out, seed: { type: "string" }, ...FORCE_OPTION } as const;

function parseDemoArgs(argv: string[]): { out?: string; seed: number; force: boolean } {
  const { values, positionals } = readArgs(argv, OPTIONS, USAGE);
  if (positionals.length > 0) throw new CliError(`unknown argument ${positionals[0]}\n\n${USAGE}`);
  return {
    out: values.out,
    seed: values.seed === undefined ? 1 : wholeArg("--seed", values.seed, 0, 2 ** 31 - 1),
    force: values.force ?? false,
  };
}

export const demoCommand: CliCommand = {
  name: "demo",
  usage: USAGE,
  run: async (argv, io) => {
    const args = parseDemoArgs(argv);
    const { seed, force } = args;
    // Without --out, a fresh name: the default file may hold a month someone typed in to try it.
    const out = args.out ?? freeName(io.cwd, DEFAULT_DEMO_FILE);
    const { input, planted } = buildDemoData(seed);
    const plan = buildPlanFromInput(input);
    const bytes = await writePlanToXlsx(plan);
    const target = await writeOutput(out, bytes, io, force);
    io.out(
      [
        `Wrote ${target} (${(bytes.length / 1024).toFixed(0)} KB)`,
        `  ${input.title}: ${input.measures.length} measures x ${input.units.length} offices, as of ${input.asOfMonth}.`,
        `  ${input.flags.length} flags to review on the Flags sheet (${planted.length} patterns were planted on purpose: ${planted.map((p) => `${p.detector} ${p.measure}/${p.unit}`).join(", ")}).`,
        `  Sheets: ${plan.sheets.map((s) => s.name).join(", ")}.`,
        `  ${howToOpen(target)}`,
        `  Then type a month of actuals in "Milestones & Actuals" and watch the Dashboard recalculate.`,
        `  Check it from the command line: npx tsx src/cli/main.ts check ${out}`,
        "",
      ].join("\n"),
    );
    return 0;
  },
};
