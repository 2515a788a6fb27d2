/**
 * `yardstick check FILE [--json] [--as-of YYYY-MM]`: read a scorecard workbook (any .xlsx
 * saved by Excel or LibreOffice from a Yardstick template) and report the status of every
 * measure x unit, the program roll-ups, the gaming and lowballing flags, and the data problems
 * with their sheet, row and column.
 */
import { AsOfError, checkScorecard, type CheckResult, type CheckRow } from "../../engine/checks";
import { runFlags, type Flag } from "../../engine/flags";
import { indexScorecard } from "../../engine/index";
import type { Finding, Observation, Scorecard } from "../../engine/model";
import { monthFromIndex, monthIndex } from "../../engine/period";
import type { RevisionRead } from "../../workbook";
import { XlsxReadError, readScorecardXlsx, reviewedFlags, type XlsxReadResult } from "../../xlsx";
import { budgetFromTables } from "../../workbook/readBudget";
import { asOfArg, oneFile, readArgs, SHARED_OPTIONS } from "../args";
import { CliError, readInputFile, type CliCommand } from "../io";

const USAGE = `Usage: yardstick check FILE [--json] [--as-of YYYY-MM]

Reads a Yardstick scorecard workbook and reports, as of a month:
  status of each measure x unit and of each program roll-up,
  flags (possible lowballing, gaming, data problems) with what to check,
  findings: cells the reader could not use, with sheet, row and column.

  --json          print one JSON object instead of text
  --as-of MONTH   judge as of this month (default: the workbook's as-of setting,
                  else the last month with any actual)

Exit code: 0 read cleanly, 1 the workbook has data errors, 2 bad usage or unreadable file.`;

interface CheckArgs {
  file: string;
  json: boolean;
  asOf?: string;
}

const OPTIONS = { json: SHARED_OPTIONS.json, "as-of": SHARED_OPTIONS["as-of"] };

function parseCheckArgs(argv: string[]): CheckArgs {
  const { values, positionals } = readArgs(argv, OPTIONS, USAGE);
  if (positionals.length === 0)
    throw new CliError(`which workbook? e.g. yardstick check yardstick-demo.xlsx\n\n${USAGE}`);
  return {
    file: oneFile(positionals, "workbook", USAGE),
    json: values.json ?? false,
    asOf: asOfArg(values["as-of"]),
  };
}

/** An observation with at least one number in it. */
function holdsValue(o: Observation): boolean {
  return [o.target, o.milestone, o.actual, o.numerator, o.denominator, o.priorActual].some(
    (v) => v !== undefined,
  );
}

/** The last month holding any actual: what a manager means by "now" in a workbook. */
export function lastActualMonth(scorecard: Scorecard): string | undefined {
  let last: number | undefined;
  for (const o of scorecard.observations) {
    if (o.actual === undefined || !/^\d{4}-\d{2}$/.test(o.period)) continue;
    const index = monthIndex(o.period);
    if (last === undefined || index > last) last = index;
  }
  return last === undefined ? undefined : monthFromIndex(last);
}

/** Everything `check` reports, as plain data (the --json output). */
export interface CheckReport {
  file: string;
  title?: string;
  templateId?: string;
  asOf: string;
  measures: number;
  units: number;
  observations: number;
  statusCounts: Record<string, number>;
  rollups: CheckRow[];
  rows: CheckRow[];
  flags: Flag[];
  findings: Finding[];
  /** The target revision log: rows, whether its chain holds, and cells changed without being logged. */
  revisionLog?: { rows: number; ok: boolean; message?: string; unlogged: number };
}

/** Read, check and flag a workbook; the whole job of `yardstick check` without printing. */
export async function checkWorkbook(bytes: Buffer, file: string, asOfOption?: string): Promise<CheckReport> {
  return judgeWorkbook(await readForCheck(bytes, file), file, asOfOption);
}

/** Read a workbook for `check`, turning an unreadable file into a CliError that says what to do. */
export async function readForCheck(bytes: Buffer, file: string): Promise<XlsxReadResult> {
  try {
    return await readScorecardXlsx(bytes, file);
  } catch (error) {
    // The reader's messages name the file and say what to do.
    if (error instanceof XlsxReadError) throw new CliError(error.message);
    throw error;
  }
}

/** Check and flag a workbook already read. */
export function judgeWorkbook(read: XlsxReadResult, file: string, asOfOption?: string): CheckReport {
  const { scorecard, findings, settings, programTargets, tables } = read;
  const asOf = asOfOption ?? settings.asOfMonth ?? lastActualMonth(scorecard);
  if (!asOf) {
    throw new CliError(
      `${file} holds no actuals yet, so there is nothing to check; type a month of actuals or pass --as-of`,
      1,
    );
  }
  // One index for the status and the flags, so both skip the same unusable cells.
  const index = indexScorecard(scorecard, findings);
  let result: CheckResult;
  try {
    result = checkScorecard(index, { asOf });
  } catch (error) {
    if (error instanceof AsOfError) throw new CliError(error.message);
    throw error;
  }
  // The Budget sheet, where the workbook has one, adds the budget flags to the same run.
  const budget = budgetFromTables(tables, scorecard.fyStartMonth);
  const flagRun = runFlags(index, {
    programTargets,
    previousFlags: reviewedFlags(tables),
    budget,
    revisions: read.revisions?.log,
  });
  const statusCounts: Record<string, number> = {};
  for (const row of result.rows)
    if (!row.rollup) statusCounts[row.status] = (statusCounts[row.status] ?? 0) + 1;
  return {
    file,
    title: settings.title,
    templateId: settings.templateId,
    asOf,
    measures: scorecard.measures.length,
    units: scorecard.units.length,
    // Months a grid row holds with nothing typed are read as gaps, not counted as observations.
    observations: scorecard.observations.filter(holdsValue).length,
    statusCounts,
    rollups: result.rows.filter((r) => r.rollup),
    rows: result.rows.filter((r) => !r.rollup),
    flags: flagRun.flags,
    findings: [...findings, ...result.findings, ...flagRun.findings, ...(budget?.findings ?? [])],
    ...(read.revisions ? { revisionLog: revisionSummary(read.revisions) } : {}),
  };
}

function revisionSummary(r: RevisionRead): NonNullable<CheckReport["revisionLog"]> {
  return {
    rows: r.log.length,
    ok: r.check.ok,
    ...(r.check.ok ? {} : { message: r.check.message }),
    unlogged: r.unlogged.length,
  };
}

const pct = (x: number | undefined) => (x === undefined ? "" : `${(x * 100).toFixed(1)}%`);
const num = (x: number | undefined) =>
  x === undefined
    ? ""
    : Math.abs(x) >= 1000
      ? Math.round(x).toLocaleString("en-US")
      : String(Math.round(x * 100) / 100);

function where(f: Finding): string {
  if (!f.where) return "";
  const cell = f.where.address ?? `row ${f.where.row}, column ${f.where.column}`;
  return ` [${f.where.sheet}!${cell}]`;
}

/** The numbers behind an off-track status, in the basis the status judged. */
function offTrackWhy(r: CheckRow): string {
  const [actual, plan, rel] =
    r.basis === "ytd" ? [r.ytdActual, r.ytdPlan, r.ytdVarianceRel] : [r.actual, r.plan, r.varianceRel];
  const label = r.basis === "ytd" ? "year to date" : r.period;
  const numbers = `${num(actual)} vs plan ${num(plan)}${rel === undefined ? "" : ` (${pct(rel)})`} ${label}`;
  return r.reason && r.reason !== "otherwise" ? `${numbers}; ${r.reason}` : numbers;
}

/** One line on the revision log: intact or where it breaks, and how many cells changed unlogged. */
function revisionLine(r: NonNullable<CheckReport["revisionLog"]>): string {
  const chain = r.ok ? "the chain of hashes is intact" : `BROKEN: ${r.message}`;
  const unlogged =
    r.unlogged === 0
      ? "every target matches its last logged value"
      : `${r.unlogged} target or milestone cell(s) differ from the last logged value (listed under data problems)`;
  return `Revision log (${r.rows} rows): ${chain}; ${unlogged}.`;
}

/** The text report: program first, then units off track, flags and findings. */
export function formatCheckReport(report: CheckReport): string {
  const lines: string[] = [];
  lines.push(
    `${report.file}: ${report.title ?? "scorecard"}${report.templateId ? ` (${report.templateId})` : ""}`,
  );
  lines.push(
    `  ${report.measures} measures x ${report.units} units, ${report.observations} observations, as of ${report.asOf}`,
  );
  const counts = Object.entries(report.statusCounts).map(([s, n]) => `${n} ${s}`);
  lines.push(`  status of measure x unit: ${counts.join(", ") || "none"}`, "");
  if (report.rollups.length > 0) {
    lines.push("Program (all units):");
    lines.push(
      `  ${"measure".padEnd(14)} ${"status".padEnd(17)} ${"YTD actual".padStart(12)} ${"YTD plan".padStart(12)} ${"YTD var".padStart(8)}`,
    );
    for (const r of report.rollups) {
      lines.push(
        `  ${r.measure.padEnd(14)} ${r.status.padEnd(17)} ${num(r.ytdActual).padStart(12)} ${num(r.ytdPlan).padStart(12)} ${pct(r.ytdVarianceRel).padStart(8)}`,
      );
    }
    lines.push("");
  }
  const off = report.rows.filter((r) => r.status === "off-track");
  lines.push(`Off track (${off.length}):`);
  for (const r of off.slice(0, 15)) lines.push(`  ${r.measure} / ${r.unit}: ${offTrackWhy(r)}`);
  if (off.length > 15) lines.push(`  ... and ${off.length - 15} more (use --json for all)`);
  lines.push("", `Flags (${report.flags.length}): prompts for a conversation, not verdicts`);
  for (const f of report.flags.slice(0, 15)) {
    const review = f.review
      ? ` [${f.review.status}${f.review.reviewer ? ` by ${f.review.reviewer}` : ""}]`
      : "";
    lines.push(`  ${f.severity.padEnd(6)} ${f.detector} ${f.measure}/${f.unit}${review}: ${f.explanation}`);
    // The log's flags rest on one logged row: its date, values, reason and who are the evidence.
    if (f.detector === "late-target-cut" || f.detector === "repeated-target-cuts")
      lines.push(`         Evidence: ${f.evidence.text}`);
  }
  if (report.flags.length > 15) lines.push(`  ... and ${report.flags.length - 15} more (use --json for all)`);
  if (report.revisionLog) lines.push("", revisionLine(report.revisionLog));
  const problems = report.findings.filter((f) => f.severity !== "info");
  lines.push("", `Data problems (${problems.length}):`);
  for (const f of problems.slice(0, 20))
    lines.push(`  ${f.severity}: ${f.message}${where(f)}${f.fix ? ` Fix: ${f.fix}` : ""}`);
  if (problems.length > 20) lines.push(`  ... and ${problems.length - 20} more (use --json for all)`);
  return `${lines.join("\n")}\n`;
}

export const checkCommand: CliCommand = {
  name: "check",
  usage: USAGE,
  run: async (argv, io) => {
    const args = parseCheckArgs(argv);
    const report = await checkWorkbook(readInputFile(args.file, io), args.file, args.asOf);
    io.out(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatCheckReport(report));
    return report.findings.some((f) => f.severity === "error") ? 1 : 0;
  },
};
