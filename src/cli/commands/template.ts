/**
 * `yardstick template NAME --out FILE`: write a new scorecard workbook from a template
 * (child-support, city-services, balanced-scorecard, blank), empty or with sample data.
 */
import { buildWorkbookPlan } from "../../workbook/buildPlan";
import { TEMPLATE_IDS, TEMPLATES } from "../../workbook/templates";
import { writePlanToXlsx } from "../../xlsx";
import { asOfArg, FORCE_HELP, FORCE_OPTION, oneFile, readArgs, SHARED_OPTIONS, wholeArg } from "../args";
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

const OPTIONS = {
  out: SHARED_OPTIONS.out,
  "as-of": SHARED_OPTIONS["as-of"],
  sample: { type: "boolean" },
  protect: { type: "boolean" },
  seed: { type: "string" },
  ...FORCE_OPTION,
} as const;

function parseTemplateArgs(argv: string[]): TemplateArgs {
  const { values, positionals } = readArgs(argv, OPTIONS, USAGE);
  if (positionals.length === 0)
    throw new CliError(`which template? one of ${TEMPLATE_IDS.join(", ")}\n\n${USAGE}`);
  const name = oneFile(positionals, "template", USAGE);
  if (!(TEMPLATE_IDS as string[]).includes(name)) {
    throw new CliError(`unknown template "${name}"; choose one of ${TEMPLATE_IDS.join(", ")}`);
  }
  if (!values.out) throw new CliError(`where to? add --out FILE, e.g. --out ${name}.xlsx`);
  return {
    name,
    out: values.out,
    sample: values.sample ?? false,
    protect: values.protect ?? false,
    force: values.force ?? false,
    seed: values.seed === undefined ? undefined : wholeArg("--seed", values.seed, 0, 2 ** 31 - 1),
    asOf: asOfArg(values["as-of"]),
  };
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
    const args = parseTemplateArgs(argv);
    const { target, bytes, sheets } = await writeTemplate(args, io);
    io.out(
      `Wrote ${target} (${(bytes / 1024).toFixed(0)} KB): the ${args.name} template${args.sample ? " with sample data" : ""}.\n` +
        `Sheets: ${sheets.join(", ")}.\n${howToOpen(target)}\n`,
    );
    return 0;
  },
};
