/**
 * `yardstick flags FILE [--json]`: screen a long-CSV scorecard for lowballed targets and
 * gaming patterns. Each flag is a prompt for review, printed with its evidence and what to check.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { detectors, runFlags, type DetectorKind, type Flag, type FlagOptions } from "../../engine/flags";
import { indexScorecard } from "../../engine/index";
import { parseLongCsv } from "../../engine/longcsv";
import type { Revision } from "../../engine/revisions/types";
import type { Finding, Scorecard } from "../../engine/model";
import { readRateScale, type RateScale } from "../../engine/rateScale";
import { readScorecardXlsx, reviewedFlags } from "../../xlsx";
import type { DecimalMark } from "../../engine/parse/number";
import {
  decimalArg,
  fyStartArg,
  oneFile,
  rateScaleArg,
  readArgs,
  SHARED_HELP,
  SHARED_OPTIONS,
} from "../args";
import { stopOnUnreadable } from "../findings";
import { CliError, type CliCommand, type CliIo } from "../io";

const USAGE = `Usage: yardstick flags FILE [options]

Screens a long-format CSV (measure,unit,period,target,actual[,milestone,direction,kind,paired_with,...])
or a Yardstick scorecard workbook (.xlsx: its program targets, the reviews typed in its Flags
sheet and its target revision log are used) for lowballed targets and gaming patterns. Flags prompt a review, never a verdict.

Options:
  --json                  print the flags as a JSON array instead of a table (data findings go to stderr)
${SHARED_HELP["fy-start"]}
${SHARED_HELP.decimal}
${SHARED_HELP["rate-scale"]}
  --program-unit NAME     the unit whose targets are the program targets (unit-sum check)
  --previous FILE         an earlier snapshot of the same CSV (revised-actuals check)
  --only ID[,ID...]       run only these detectors (see the list below)

Exit code: 0 no flags, 1 flags raised, 2 bad usage or unreadable input.

Detectors:
${detectors.map((d) => `  ${d.id.padEnd(30)} ${d.title}`).join("\n")}
`;

interface Args {
  file: string;
  json: boolean;
  fyStart: number;
  programUnit?: string;
  previous?: string;
  only?: DetectorKind[];
  decimal?: DecimalMark;
  rateScale: RateScale;
}

const OPTIONS = {
  json: SHARED_OPTIONS.json,
  "fy-start": SHARED_OPTIONS["fy-start"],
  decimal: SHARED_OPTIONS.decimal,
  "rate-scale": SHARED_OPTIONS["rate-scale"],
  "program-unit": { type: "string" },
  previous: { type: "string" },
  only: { type: "string" },
} as const;

function parseFlagsArgs(argv: string[]): Args {
  const { values, positionals } = readArgs(argv, OPTIONS, USAGE);
  const args: Args = {
    file: oneFile(positionals, "FILE", USAGE),
    json: values.json ?? false,
    fyStart: fyStartArg(values["fy-start"]),
    decimal: decimalArg(values.decimal),
    rateScale: rateScaleArg(values["rate-scale"]),
    programUnit: values["program-unit"],
    previous: values.previous,
  };
  if (values.only !== undefined) {
    const ids = values.only.split(",").map((s) => s.trim());
    const unknown = ids.filter((id) => !detectors.some((d) => d.id === id));
    if (unknown.length > 0) throw new CliError(`unknown detector(s): ${unknown.join(", ")}.\n\n${USAGE}`);
    args.only = ids as DetectorKind[];
  }
  return args;
}

interface Loaded {
  scorecard: Scorecard;
  findings: Finding[];
  programTargets?: { measure: string; period: string; target: number }[];
  reviews?: Flag[];
  /** A workbook's target revision log (tblRevisions), for the log's flags. */
  revisions?: Revision[];
}

/** A file read with its rates on one scale (fractions of a percent rate become percent). */
async function load(file: string, io: CliIo, args: Args): Promise<Loaded> {
  const loaded = await loadFile(file, io, args);
  const rates = readRateScale(loaded.scorecard, args.rateScale);
  return { ...loaded, scorecard: rates.scorecard, findings: [...loaded.findings, ...rates.findings] };
}

async function loadFile(file: string, io: CliIo, args: Args): Promise<Loaded> {
  const full = path.resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch {
    throw new CliError(`cannot read ${file}.`);
  }
  if (/\.xlsx$/i.test(file)) {
    try {
      const read = await readScorecardXlsx(bytes);
      return { ...read, reviews: reviewedFlags(read.tables), revisions: read.revisions?.log };
    } catch (error) {
      throw new CliError(
        `${file}: not a readable scorecard workbook (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }
  const parsed = parseLongCsv(bytes.toString("utf8"), {
    fileName: path.basename(file),
    fyStartMonth: args.fyStart,
    decimal: args.decimal,
  });
  stopOnUnreadable(file, parsed.findings);
  return parsed;
}

export const flagsCommand: CliCommand = {
  name: "flags",
  usage: USAGE,
  run: async (argv, io) => {
    const args = parseFlagsArgs(argv);
    const parsed = await load(args.file, io, args);
    const options: FlagOptions = {
      directionUnknown: new Set(
        parsed.findings.filter((f) => f.code === "direction-assumed").map((f) => f.measure!),
      ),
    };
    if (parsed.programTargets?.length) options.programTargets = parsed.programTargets;
    if (parsed.reviews?.length) options.previousFlags = parsed.reviews;
    if (parsed.revisions?.length) options.revisions = parsed.revisions;
    if (args.programUnit) options.programUnit = args.programUnit;
    if (args.only) options.only = args.only;
    if (args.previous) {
      const previous = await load(args.previous, io, args);
      options.previousSnapshot = indexScorecard(previous.scorecard, previous.findings);
    }
    const run = runFlags(indexScorecard(parsed.scorecard, parsed.findings), options);
    const findings = [...parsed.findings, ...run.findings];
    if (args.json) {
      io.out(`${JSON.stringify(run.flags, null, 2)}\n`);
      if (findings.length > 0) io.err(findingsText(findings));
    } else io.out(renderTable(run.flags, findings, args.file));
    return run.flags.length > 0 ? 1 : 0;
  },
};

/** A plain-text report: one block per flag, then a count of data findings. */
export function renderTable(flags: Flag[], findings: Finding[], file: string): string {
  const lines: string[] = [];
  const counts = { high: 0, medium: 0, low: 0 };
  for (const f of flags) counts[f.severity]++;
  lines.push(
    `${file}: ${flags.length} flag(s) for review (${counts.high} high, ${counts.medium} medium, ${counts.low} low)`,
  );
  lines.push("");
  const header = ["SEVERITY", "DETECTOR", "MEASURE", "UNIT", "PERIODS"];
  const rows = flags.map((f) => [f.severity, f.detector, f.measure, f.unit, shortPeriods(f.periods)]);
  const widths = header.map((h, i) => Math.min(32, Math.max(h.length, ...rows.map((r) => r[i].length))));
  const pad = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  if (flags.length > 0) {
    lines.push(pad(header));
    flags.forEach((f, i) => {
      lines.push(pad(rows[i]));
      lines.push(`    ${f.explanation}`);
      lines.push(`    Evidence: ${f.evidence.text}`);
      lines.push(`    Check: ${f.whatToCheck}`);
    });
  } else lines.push("No flags: nothing in this file matched a gaming or lowballing pattern.");
  if (findings.length > 0) lines.push("", findingsText(findings).trimEnd());
  return `${lines.join("\n")}\n`;
}

/** A count of data findings and the first few warnings or errors. */
function findingsText(findings: Finding[]): string {
  const notable = findings.filter((f) => f.severity !== "info");
  const lines = [`${findings.length} data finding(s) (${notable.length} warnings or errors).`];
  for (const f of notable.slice(0, 5))
    lines.push(`  ${f.severity}: ${f.message}${f.fix ? ` -> ${f.fix}` : ""}`);
  if (notable.length > 5) lines.push(`  ... and ${notable.length - 5} more.`);
  return `${lines.join("\n")}\n`;
}

function shortPeriods(periods: string[]): string {
  if (periods.length === 0) return "all";
  return periods.length <= 3
    ? periods.join(",")
    : `${periods[0]}..${periods[periods.length - 1]} (${periods.length})`;
}
