/**
 * `yardstick template NAME --out FILE`: write a new scorecard workbook from a template
 * (child-support, city-services, balanced-scorecard, blank), empty or with sample data.
 */
import { buildWorkbookPlan } from "../../workbook/buildPlan";
import { TEMPLATE_IDS, TEMPLATES } from "../../workbook/templates";
import { writePlanToXlsx } from "../../xlsx";
import { FORCE_HELP } from "../args";
import { CliError, type CliCommand, type CliIo } from "../io";
import { writeWorkbookSafely } from "../output";

const USAGE = `Usage: yardstick template NAME --out FILE [--force] [--sample] [--seed N] [--as-of YYYY-MM] [--protect]

Writes a scorecard workbook whose checks are live Excel formulas.

Templates:
${TEMPLATE_IDS.map((id) => `  ${id.padEnd(20)} ${TEMPLATES[id].description}`).join("\n")}

  --out FILE       where to write the .xlsx (required)
${FORCE_HELP}
  --sample         fill it with realistic sample data
  --seed N         sample data seed (default 1)
  --as-of MONTH    the month the checks judge (default: seven months into the sample year)
  --protect        lock the formula columns (off by default: protection clears Excel's undo)`;

export interface TemplateArgs {
  name: string;
  out: string;
  sample: boolean;
  seed?: number;
  asOf?: string;
  protect: boolean;
  force: boolean;
}

function parseArgs(argv: string[]): TemplateArgs {
  const args: Partial<TemplateArgs> = { sample: false, protect: false, force: false };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new CliError(`${flag} needs a value\n\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--out" || arg === "-o") args.out = value(i++, arg);
    else if (arg === "--sample") args.sample = true;
    else if (arg === "--protect") args.protect = true;
    else if (arg === "--force") args.force = true;
    else if (arg === "--as-of") args.asOf = value(i++, arg);
    else if (arg === "--seed") {
      const seed = Number(value(i++, arg));
      if (!Number.isInteger(seed)) throw new CliError(`--seed must be a whole number, got "${argv[i]}"`);
      args.seed = seed;
    } else if (arg.startsWith("-")) throw new CliError(`unknown option ${arg}\n\n${USAGE}`);
    else if (args.name) throw new CliError(`one template at a time (got "${args.name}" and "${arg}")`);
    else args.name = arg;
  }
  if (!args.name) throw new CliError(`which template? one of ${TEMPLATE_IDS.join(", ")}\n\n${USAGE}`);
  if (!(TEMPLATE_IDS as string[]).includes(args.name)) {
    throw new CliError(`unknown template "${args.name}"; choose one of ${TEMPLATE_IDS.join(", ")}`);
  }
  if (!args.out) throw new CliError(`where to? add --out FILE, e.g. --out ${args.name}.xlsx`);
  return args as TemplateArgs;
}

/** Write a workbook where the user asked, safely (see ../output.ts); returns the absolute path. */
export function writeOutput(file: string, bytes: Buffer, io: CliIo, force: boolean): Promise<string> {
  return writeWorkbookSafely(file, bytes, io, { force });
}

/** How to open a workbook on a machine with or without Excel. */
export function howToOpen(target: string): string {
  const quoted = /\s/.test(target) ? `"${target}"` : target;
  return `Open it in Excel (2016 or later, or Excel on the web), or without Excel: libreoffice --calc ${quoted}`;
}

/** Build and write a template workbook; returns the absolute path written. */
export async function writeTemplate(
  args: TemplateArgs,
  io: CliIo,
): Promise<{ target: string; bytes: number; sheets: string[] }> {
  let plan;
  try {
    plan = buildWorkbookPlan(args.name, {
      sampleData: args.sample,
      seed: args.seed,
      asOfMonth: args.asOf,
      protectFormulas: args.protect,
    });
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(error.message);
    throw error;
  }
  const bytes = await writePlanToXlsx(plan);
  return {
    target: await writeOutput(args.out, bytes, io, args.force),
    bytes: bytes.length,
    sheets: plan.sheets.map((s) => s.name),
  };
}

export const templateCommand: CliCommand = {
  name: "template",
  usage: USAGE,
  run: async (argv, io) => {
    const args = parseArgs(argv);
    const { target, bytes, sheets } = await writeTemplate(args, io);
    io.out(
      `Wrote ${target} (${(bytes / 1024).toFixed(0)} KB): the ${args.name} template${args.sample ? " with sample data" : ""}.\n` +
        `Sheets: ${sheets.join(", ")}.\n${howToOpen(target)}\n`,
    );
    return 0;
  },
};
