/**
 * `yardstick status FILE --as-of PERIOD [--json]`: milestone-vs-actual status of every
 * measure x unit in a long-CSV scorecard, with program roll-ups, year-end forecasts,
 * lead-indicator turns and the data problems found, each with its line and column.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  checkScorecard,
  parseRules,
  RulesError,
  type CheckResult,
  type CheckRow,
  type Status,
  type StatusRule,
} from "../../engine/checks";
import { indexScorecard } from "../../engine/index";
import { parseLongCsv } from "../../engine/longcsv";
import type { Finding } from "../../engine/model";
import { readRateScale, type RateScale } from "../../engine/rateScale";
import type { DecimalMark } from "../../engine/parse/number";
import {
  asOfArg,
  decimalArg,
  fyStartArg,
  oneFile,
  rateScaleArg,
  readArgs,
  SHARED_HELP,
  SHARED_OPTIONS,
  wholeArg,
} from "../args";
import { stopOnUnreadable } from "../findings";
import { CliError, type CliCommand, type CliIo } from "../io";

const USAGE = `Usage: yardstick status FILE --as-of PERIOD [options]

Judges every measure x unit of a long-format CSV (measure,unit,period,target,actual[,milestone,
direction,lower,upper,kind,numerator,denominator,prior_actual,paired_with,lead_for]) as of PERIOD
(2026-07 or 2026): on-track, at-risk, off-track, no-data, stale or insufficient-data, with the
year to date, last year, the three-period trend and a year-end forecast. See docs/checks.md.

Options:
  --as-of PERIOD     the period to judge (required), YYYY-MM or YYYY
  --json             print {asOf, rows, leadTurns, findings} as JSON
${SHARED_HELP["fy-start"]}
${SHARED_HELP.decimal}
${SHARED_HELP["rate-scale"]}
  --rules FILE.json  status rules per measure: {"<measure>": [{"status": "on-track", "when": {"basis":
                     "ytd", "compareWith": "target", "metric": "ratio", "atLeast": 1}}, {"status": "off-track"}]}
  --only STATUS,...  list only rows with these statuses (e.g. off-track,at-risk); roll-ups always show
  --max-findings N   findings to list in the text output (default 20; JSON lists all)

Exit code: 0 nothing off track, 1 something off track, 2 bad usage or unreadable input.
`;

interface Args {
  file: string;
  asOf: string;
  json: boolean;
  fyStart: number;
  maxFindings: number;
  only?: Status[];
  rules?: string;
  decimal?: DecimalMark;
  rateScale: RateScale;
}

const OPTIONS = {
  json: SHARED_OPTIONS.json,
  "as-of": SHARED_OPTIONS["as-of"],
  "fy-start": SHARED_OPTIONS["fy-start"],
  decimal: SHARED_OPTIONS.decimal,
  "rate-scale": SHARED_OPTIONS["rate-scale"],
  rules: { type: "string" },
  only: { type: "string" },
  "max-findings": { type: "string" },
} as const;

function parseStatusArgs(argv: string[]): Args {
  const { values, positionals } = readArgs(argv, OPTIONS, USAGE);
  const file = oneFile(positionals, "FILE", USAGE);
  const asOf = asOfArg(values["as-of"], true);
  if (!asOf)
    throw new CliError(`--as-of is missing: say which period to judge, e.g. --as-of 2026-07.\n\n${USAGE}`);
  return {
    file,
    asOf,
    json: values.json ?? false,
    fyStart: fyStartArg(values["fy-start"]),
    decimal: decimalArg(values.decimal),
    rateScale: rateScaleArg(values["rate-scale"]),
    maxFindings:
      values["max-findings"] === undefined ? 20 : wholeArg("--max-findings", values["max-findings"], 0, 1e9),
    only: values.only === undefined ? undefined : statusList(values.only),
    rules: values.rules,
  };
}

export const statusCommand: CliCommand = {
  name: "status",
  usage: USAGE,
  run: async (argv: string[], io: CliIo) => {
    const args = parseStatusArgs(argv);
    const file = path.resolve(io.cwd, args.file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new CliError(
        `cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
    const parsed = parseLongCsv(text, {
      fileName: path.basename(file),
      fyStartMonth: args.fyStart,
      decimal: args.decimal,
    });
    stopOnUnreadable(args.file, parsed.findings);
    const rules = args.rules ? readRules(path.resolve(io.cwd, args.rules), args.rules) : undefined;
    const rates = readRateScale(parsed.scorecard, args.rateScale);
    const result = checkScorecard(indexScorecard(rates.scorecard, [...parsed.findings, ...rates.findings]), {
      asOf: args.asOf,
      rules,
    });
    const findings = [...parsed.findings, ...rates.findings, ...result.findings];
    if (args.json)
      io.out(
        `${JSON.stringify({ asOf: result.asOf, rows: result.rows, leadTurns: result.leadTurns, findings }, null, 2)}\n`,
      );
    else io.out(formatText(result, findings, path.basename(file), args));
    return result.rows.some((r) => r.status === "off-track") ? 1 : 0;
  },
};

/** Rules per measure from a JSON file; any problem is a usage error naming the file and rule. */
function readRules(file: string, shown: string): Record<string, StatusRule[]> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CliError(
      `cannot read rules from ${shown}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new CliError(`${shown} must map measure names to rule lists`);
  }
  const rules: Record<string, StatusRule[]> = {};
  try {
    for (const [measure, list] of Object.entries(json))
      rules[measure] = parseRules(list, `${shown} "${measure}"`);
  } catch (error) {
    if (error instanceof RulesError) throw new CliError(error.message);
    throw error;
  }
  return rules;
}

function statusList(text: string): Status[] {
  const list = text.split(",").map((x) => x.trim());
  const unknown = list.filter((x) => !STATUS_ORDER.includes(x as Status));
  if (unknown.length > 0)
    throw new CliError(`--only: unknown status ${unknown.join(", ")}; use ${STATUS_ORDER.join(", ")}.`);
  return list as Status[];
}

const STATUS_ORDER: Status[] = ["off-track", "at-risk", "on-track", "stale", "no-data", "insufficient-data"];

function formatText(result: CheckResult, findings: Finding[], fileName: string, args: Args): string {
  const lines: string[] = [
    `Status as of ${result.asOf} (fiscal year starts in month ${args.fyStart}) - ${fileName}`,
    "",
  ];
  const byMeasure = new Map<string, CheckRow[]>();
  for (const row of result.rows) {
    if (args.only && !row.rollup && !args.only.includes(row.status)) continue;
    const list = byMeasure.get(row.measure) ?? [];
    list.push(row);
    byMeasure.set(row.measure, list);
  }
  for (const [measure, rows] of byMeasure) {
    const r0 = rows[0];
    const dir =
      r0.direction === "up"
        ? "higher is better"
        : r0.direction === "down"
          ? "lower is better"
          : "stay within band";
    lines.push(
      `${measure} (${r0.kind}, ${dir}; judged on ${r0.basis === "ytd" ? "year to date" : "the period"})`,
    );
    const table = [
      ["unit", "status", "actual", "plan", "attain", "YTD", "YTD plan", "vs last yr", "trend", "year end"],
    ];
    for (const r of rows) table.push(rowCells(r));
    lines.push(...alignTable(table).map((l) => `  ${l}`), "");
  }
  if (result.leadTurns.length > 0) {
    lines.push("Lead indicators that turned before their lag:");
    for (const t of result.leadTurns) lines.push(`  ${t.message}`);
    lines.push("");
  }
  const counts = STATUS_ORDER.map(
    (s) => [s, result.rows.filter((r) => r.status === s).length] as const,
  ).filter(([, n]) => n > 0);
  lines.push(`Summary: ${counts.map(([s, n]) => `${n} ${s}`).join(", ") || "no rows"}`);
  if (findings.length > 0) {
    const sev = (s: string) => findings.filter((f) => f.severity === s).length;
    lines.push("", `Data findings: ${sev("error")} errors, ${sev("warning")} warnings, ${sev("info")} notes`);
    const serious = findings.filter((f) => f.severity !== "info");
    serious.sort((a, b) => rank(a.severity) - rank(b.severity));
    for (const f of serious.slice(0, args.maxFindings)) lines.push(`  ${formatFinding(f)}`);
    if (serious.length > args.maxFindings) {
      lines.push(`  ... and ${serious.length - args.maxFindings} more (--json lists all)`);
    }
    const notes = countBy(findings.filter((f) => f.severity === "info").map((f) => f.code));
    if (notes.length > 0)
      lines.push(`  Notes: ${notes.map(([code, n]) => `${n} ${code}`).join(", ")} (--json lists each)`);
  }
  return `${lines.join("\n")}\n`;
}

function countBy(codes: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts];
}

function rank(severity: string): number {
  return severity === "error" ? 0 : severity === "warning" ? 1 : 2;
}

function rowCells(r: CheckRow): string[] {
  const pct = r.kind === "rate";
  const change =
    r.changeAbs === undefined
      ? ""
      : pct
        ? signedPoints(r.changeAbs, "no change")
        : r.changeRel !== undefined
          ? `${signed(r.changeRel * 100, 1)} %`
          : signed(r.changeAbs);
  const attain =
    r.attainment === undefined
      ? r.varianceAbs !== undefined && pct
        ? signedPoints(r.varianceAbs, "on plan")
        : ""
      : `${(r.attainment * 100).toFixed(1)} %`;
  return [
    r.unit,
    r.status,
    num(r.actual, pct),
    num(r.plan, pct),
    attain,
    num(r.ytdActual, pct),
    num(r.ytdPlan, pct),
    change,
    r.trend ?? "",
    r.forecast
      ? `${r.forecast.value !== undefined ? `${num(r.forecast.value, pct)}: ` : ""}${r.forecast.label}`
      : "",
  ];
}

function num(v: number | undefined, pct: boolean): string {
  if (v === undefined) return "-";
  const digits = pct || (!Number.isInteger(v) && Math.abs(v) < 1000) ? 1 : 0;
  // A rate under 1.5 % (or a fraction read as written) keeps its third decimal: 0.801 %, not 0.8 %.
  const most = pct && v !== 0 && Math.abs(v) < 1.5 ? 3 : digits;
  return `${v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: most })}${pct ? " %" : ""}`;
}

function signed(v: number, digits = 1): string {
  return `${v >= 0 ? "+" : ""}${v.toFixed(digits)}`;
}

/**
 * A change in points: one decimal, or as many as show a gap one decimal would print as 0.0
 * (-0.04 pts, never -0.0 pts); an exact 0 is said in words.
 */
function signedPoints(v: number, zero: string): string {
  if (v === 0) return zero;
  const digits = Math.abs(v) >= 0.05 ? 1 : Math.min(9, -Math.floor(Math.log10(Math.abs(v) * 1.0000001)));
  return `${signed(v, digits)} pts`;
}

function alignTable(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd(),
  );
}

/** One finding as a line: where, what, and what to do. */
export function formatFinding(f: Finding): string {
  const where = f.where
    ? `${f.where.sheet} ${f.where.address ?? `row ${f.where.row} col ${f.where.column}`}: `
    : "";
  return `${f.severity.toUpperCase()} ${where}${f.message}${f.fix ? ` -> ${f.fix}` : ""}`;
}
