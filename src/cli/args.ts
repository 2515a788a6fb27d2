/** Option values shared by the commands, so one spelling works everywhere. */
import { RATE_SCALES, type RateScale } from "../engine/rateScale";
import { CliError } from "./io";

/**
 * The fiscal year every command assumes unless told: October, the US federal year that the
 * child-support measures are reported on. One default, so a file reads the same in every command.
 */
export const DEFAULT_FY_START = 1;

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** `--fy-start` as a month 1-12 or a name ("10", "oct", "October"). Example: `fyStartArg("Jul") === 7`. */
export function fyStartArg(raw: string): number {
  const byName = MONTH_NAMES.indexOf(raw.slice(0, 3).toLowerCase());
  const n = /^\d+$/.test(raw) ? Number(raw) : byName + 1;
  if (!Number.isInteger(n) || n < 1 || n > 12)
    throw new CliError(`--fy-start must be a month 1-12 or a name; got "${raw}".`);
  return n;
}

/** `--rate-scale` as auto, fraction or percent (src/engine/rateScale.ts). Example: `rateScaleArg("percent") === "percent"`. */
export function rateScaleArg(raw: string): RateScale {
  const scale = raw.toLowerCase();
  if (!(RATE_SCALES as readonly string[]).includes(scale))
    throw new CliError(`--rate-scale must be ${RATE_SCALES.join(", ")}; got "${raw}".`);
  return scale as RateScale;
}

/** The help text of `--rate-scale`, shared so every command explains it alike. */
export const RATE_SCALE_HELP = `  --rate-scale SCALE      rates stored as fractions (0.814 for 81.4 %): auto (default) reads rates as
                          written and warns when a percent rate's values all lie within 0-1.5;
                          fraction reads such rates as fractions (x 100); percent reads them as
                          written without the warning`;

/**
 * `--force`: replace an existing workbook at `--out` (never a file that is not a workbook). One
 * definition for every command that writes: the util.parseArgs option and its help line.
 */
export const FORCE_OPTION = { force: { type: "boolean", default: false } } as const;
export const FORCE_HELP =
  "  --force          replace FILE if it already exists (only a workbook; on a terminal Yardstick asks instead)";
