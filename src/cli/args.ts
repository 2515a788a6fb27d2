/**
 * The one option parser for every command: Node's util.parseArgs (strict: an unknown option, a
 * missing value or a stray word is an error), the shared options defined once, `--opt value` and
 * `--opt=value` alike, and strict value readers whose errors name the forms they accept.
 */
import { parseArgs } from "node:util";
import { isMonth, isYear } from "../engine/period";
import { parseNumberText, type DecimalMark } from "../engine/parse/number";
import { RATE_SCALES, type RateScale } from "../engine/rateScale";
import { CliError } from "./io";

/** The fiscal year every command assumes unless told: January, the calendar year. */
export const DEFAULT_FY_START = 1;

interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  default?: boolean | string;
}

/**
 * `--force`: replace an existing workbook at `--out` (never a file that is not a workbook). One
 * definition for every command that writes: the util.parseArgs option and its help line.
 */
export const FORCE_OPTION = { force: { type: "boolean", default: false } } as const;
export const FORCE_HELP =
  "  --force          replace FILE if it already exists (only a workbook; on a terminal Yardstick asks instead)";

/** Options several commands share: one spelling, one meaning, one line of help. */
export const SHARED_OPTIONS = {
  json: { type: "boolean" },
  "fy-start": { type: "string" },
  "as-of": { type: "string" },
  out: { type: "string", short: "o" },
  decimal: { type: "string" },
  "rate-scale": { type: "string" },
} as const satisfies Record<string, OptionSpec>;

export const SHARED_HELP: Record<keyof typeof SHARED_OPTIONS, string> = {
  json: "  --json             print JSON instead of text",
  "fy-start":
    "  --fy-start MONTH   first month of the fiscal year: 1-12, a name or its first three letters\n                     (default 1, calendar year; 10 = US federal Oct-Sep, 7 = most states)",
  "as-of": "  --as-of PERIOD     the period to judge, YYYY-MM (or YYYY where a year is allowed)",
  out: "  --out FILE         where to write",
  decimal:
    "  --decimal MARK     comma (1.234,5) or point (1,234.5): the file's decimal mark when it cannot be told",
  "rate-scale": `  --rate-scale SCALE rates stored as fractions (0.814 for 81.4 %): auto (default) reads rates as
                     written and warns when a percent rate's values all lie within 0-1.5; fraction
                     reads such rates as fractions (x 100); percent reads them as written without
                     the warning`,
};

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K]["type"] extends "boolean"
    ? boolean
    : O[K]["multiple"] extends true
      ? string[]
      : string;
};

/**
 * Parse a command's arguments strictly. Example:
 * `readArgs(["a.csv", "--json"], { json: { type: "boolean" } }, USAGE)` is `{ values: { json: true }, positionals: ["a.csv"] }`.
 */
export function readArgs<O extends Record<string, OptionSpec>>(
  argv: string[],
  options: O,
  usage: string,
): { values: Values<O>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
    return { values: values as Values<O>, positionals };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (!code.startsWith("ERR_PARSE_ARGS")) throw error;
    throw new CliError(`${plainMessage(error as Error)}\n\n${usage}`);
  }
}

/** Node's messages, minus its "To specify a positional argument starting with a '-'" advice, which misleads here. */
function plainMessage(error: Error): string {
  return error.message.split(". To specify")[0].replace(/\.?$/, ".");
}

/** Exactly one FILE. */
export function oneFile(positionals: string[], what: string, usage: string): string {
  if (positionals.length === 0) throw new CliError(`which ${what}? give one FILE.\n\n${usage}`);
  if (positionals.length > 1)
    throw new CliError(`one ${what} at a time; got ${positionals.map((p) => `"${p}"`).join(" and ")}.`);
  return positionals[0];
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/**
 * `--fy-start` as a month 1-12, a month's name or its first three letters; anything else is an
 * error naming those forms ("octopus" is not October). Example: `fyStartArg("Jul") === 7`.
 */
export function fyStartArg(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_FY_START;
  const t = raw.trim().toLowerCase();
  const n = /^\d{1,2}$/.test(t)
    ? Number(t)
    : MONTH_NAMES.findIndex((name) => name === t || (t.length === 3 && name.startsWith(t))) + 1;
  if (!Number.isInteger(n) || n < 1 || n > 12)
    throw new CliError(
      `--fy-start must be a month: a number 1-12, a name (October) or its first three letters (Oct); got "${raw}".`,
    );
  return n;
}

/** `--as-of`: a month YYYY-MM, or also a year YYYY where `years` allows. Example: `asOfArg("2026-07") === "2026-07"`. */
export function asOfArg(raw: string | undefined, years = false): string | undefined {
  if (raw === undefined) return undefined;
  if (isMonth(raw) || (years && isYear(raw))) return raw;
  throw new CliError(
    `--as-of must be a month written YYYY-MM${years ? " or a year YYYY" : ""}, e.g. 2026-07; got "${raw}".`,
  );
}

/** `--decimal comma|point`. */
export function decimalArg(raw: string | undefined): DecimalMark | undefined {
  if (raw === undefined) return undefined;
  return oneOf("--decimal", raw, { comma: "comma", point: "point" } as const);
}

/** One of a table's keys (or its values). Example: `oneOf("--kind", "rate", { rate: "rate" }) === "rate"`. */
export function oneOf<T>(option: string, raw: string, table: Record<string, T>): T {
  const hit = Object.hasOwn(table, raw) ? table[raw] : Object.values(table).find((v) => v === raw);
  if (hit === undefined)
    throw new CliError(`${option} must be one of ${Object.keys(table).join(", ")}; got "${raw}".`);
  return hit;
}

/** A number as the one number parser reads it ("1,000,000", "12.5", "$500"); never hex or "12abc". */
export function numberArg(option: string, raw: string): number {
  const parsed = parseNumberText(raw, { percent: false });
  if (parsed.kind !== "number")
    throw new CliError(`${option} must be a number, e.g. 1200 or 1,200.5; got "${raw}".`);
  return parsed.value;
}

/** A whole number from min to max. Example: `wholeArg("--seed", "7", 0, 1e9) === 7`. */
export function wholeArg(option: string, raw: string, min: number, max: number): number {
  const n = /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`${option} must be a whole number from ${min} to ${max}; got "${raw}".`);
  return n;
}

/** `--rate-scale` as auto, fraction or percent (src/engine/rateScale.ts). Example: `rateScaleArg("percent") === "percent"`. */
export function rateScaleArg(raw: string | undefined): RateScale {
  if (raw === undefined) return "auto";
  const scale = raw.toLowerCase();
  if (!(RATE_SCALES as readonly string[]).includes(scale))
    throw new CliError(`--rate-scale must be ${RATE_SCALES.join(", ")}; got "${raw}".`);
  return scale as RateScale;
}
