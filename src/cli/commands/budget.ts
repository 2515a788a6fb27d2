/**
 * `yardstick budget RESULTS.csv --resources RESOURCES.csv --as-of PERIOD`: each unit's spend and
 * allotment year to date, cost per result planned and actual, a year-end spend forecast and one
 * status on both axes. The files are read here; the report is the pure engine's (budgetReport).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  budgetReport,
  parseResourcesCsv,
  type BudgetReport,
  type BudgetReportRow,
} from "../../engine/budget";
import { checkScorecard } from "../../engine/checks";
import { indexScorecard } from "../../engine/index";
import { parseLongCsv } from "../../engine/longcsv";
import type { Finding } from "../../engine/model";
import { isMonth } from "../../engine/period";
import { asOfArg, decimalArg, fyStartArg, oneFile, readArgs, SHARED_HELP, SHARED_OPTIONS } from "../args";
import { stopOnUnreadable } from "../findings";
import { CliError, type CliCommand, type CliIo } from "../io";
import { formatFinding } from "./status";

const USAGE = `Usage: yardstick budget RESULTS.csv --resources RESOURCES.csv --as-of YYYY-MM [options]

Puts each unit's spending beside its results as of a month: spend and allotment year to date,
cost per result planned (budget / target) and actual (spend / results), a year-end spend
forecast, and one status on both axes ("Behind on results while spending ahead of plan.").
See docs/budget.md.

RESULTS.csv is a long scorecard (measure,unit,period,target,actual,...), as for status.
RESOURCES.csv has unit,period,budget,spend (fte and revenue optional): a YYYY row holds the
fiscal year's budget (and FTE), YYYY-MM rows the month's allotment (in budget) and spend.
Money may be written 1200, 1,200.50, $1,200 or (500) (a negative, refused as a budget).

Options:
  --resources FILE   the resources file (required)
  --as-of YYYY-MM    the month to judge (required)
  --measure NAME     the measure the money buys (default: the file's only measure)
${SHARED_HELP["fy-start"]}
${SHARED_HELP.decimal}
  --json             print {asOf, fiscalYear, moneyUnit, units, program, findings} as JSON;
                     money in dollars, exact to the cent

Exit code: 0 done, 1 a unit is behind on results while spending ahead of plan, 2 bad usage or input.
`;

const OPTIONS = {
  json: SHARED_OPTIONS.json,
  "as-of": SHARED_OPTIONS["as-of"],
  "fy-start": SHARED_OPTIONS["fy-start"],
  decimal: SHARED_OPTIONS.decimal,
  resources: { type: "string" },
  measure: { type: "string" },
} as const;

function readText(cwd: string, file: string): string {
  try {
    return readFileSync(path.resolve(cwd, file), "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export const budgetCommand: CliCommand = {
  name: "budget",
  usage: USAGE,
  run: async (argv: string[], io: CliIo) => {
    const { values, positionals } = readArgs(argv, OPTIONS, USAGE);
    const file = oneFile(positionals, "RESULTS.csv", USAGE);
    const asOf = asOfArg(values["as-of"]);
    if (!asOf || !isMonth(asOf))
      throw new CliError(`--as-of is missing: say which month to judge, e.g. --as-of 2026-03.\n\n${USAGE}`);
    if (!values.resources)
      throw new CliError(
        `--resources is missing: give the RESOURCES.csv (unit,period,budget,spend).\n\n${USAGE}`,
      );
    const fyStartMonth = fyStartArg(values["fy-start"]);
    const decimal = decimalArg(values.decimal);
    const parsed = parseLongCsv(readText(io.cwd, file), {
      fileName: path.basename(file),
      fyStartMonth,
      decimal,
    });
    stopOnUnreadable(file, parsed.findings);
    const resources = parseResourcesCsv(readText(io.cwd, values.resources), {
      fileName: path.basename(values.resources),
      fyStartMonth,
      decimal,
    });
    stopOnUnreadable(values.resources, resources.findings);
    const measures = parsed.scorecard.measures.map((m) => m.id);
    const measure = values.measure ?? (measures.length === 1 ? measures[0] : undefined);
    if (measure === undefined || !measures.includes(measure))
      throw new CliError(
        `${values.measure ? `${path.basename(file)} has no measure "${values.measure}"` : `${path.basename(file)} has ${measures.length} measures`}: say which one the money buys with --measure (${measures.map((m) => `"${m}"`).join(", ")}).`,
      );
    const checks = checkScorecard(indexScorecard(parsed.scorecard, parsed.findings), { asOf });
    const report = budgetReport(resources.units, checks, { asOf, fyStartMonth, measure });
    const findings = [
      ...resources.findings,
      ...report.findings,
      ...parsed.findings.filter((f) => f.severity !== "info"),
    ];
    io.out(
      values.json
        ? `${JSON.stringify(toJson(report, findings), null, 2)}\n`
        : formatText(report, findings, file),
    );
    return report.rows.some((r) => r.resultsStanding === "behind" && r.spendStanding === "over plan") ? 1 : 0;
  },
};

/** Cents to dollars: exact to the cent in JSON (an integer divided by 100 prints as its decimal). */
const usd = (cents: number | undefined) => (cents === undefined ? undefined : cents / 100);
const ratio = (v: number | undefined, digits = 4) =>
  v === undefined ? undefined : Number(v.toFixed(digits));

function rowJson(r: BudgetReportRow) {
  return {
    unit: r.unit,
    fiscalYear: r.fiscalYear,
    budget: usd(r.budget),
    fte: r.fte,
    allotmentYtd: usd(r.allotmentYtd),
    spendYtd: usd(r.spendYtd),
    spendVariance: ratio(r.spendVariance),
    burnRate: ratio(r.burnRate),
    plannedBurn: ratio(r.plannedBurn),
    forecast: r.forecast
      ? { method: r.forecast.method, value: usd(Math.round(r.forecast.value)) }
      : undefined,
    forecastVariance: ratio(r.forecastVariance),
    target: r.target,
    resultsYtd: r.resultsYtd,
    milestoneYtd: r.milestoneYtd,
    costPerResult: {
      planned: r.cost.planned === undefined ? undefined : ratio(r.cost.planned / 100, 6),
      actual: r.cost.actual === undefined ? undefined : ratio(r.cost.actual / 100, 6),
      variance: ratio(r.cost.variance),
      ...(r.cost.note ? { note: r.cost.note } : {}),
    },
    allotmentsSpread: r.allotmentsSpread,
    spendStanding: r.spendStanding,
    resultsStanding: r.resultsStanding,
    status: r.status,
  };
}

function toJson(report: BudgetReport, findings: Finding[]) {
  return {
    asOf: report.asOf,
    fiscalYear: report.fiscalYear,
    monthsElapsed: report.monthsElapsed,
    measure: report.measure,
    moneyUnit: "dollars",
    units: report.rows.map(rowJson),
    program: report.program ? rowJson(report.program) : undefined,
    findings,
  };
}

const money = (cents: number | undefined) =>
  cents === undefined
    ? "-"
    : `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 0 })}`;
const perResult = (cents: number | undefined) => (cents === undefined ? "-" : `$${(cents / 100).toFixed(2)}`);
const pct = (v: number | undefined) =>
  v === undefined ? "-" : `${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)} %`;

function formatText(report: BudgetReport, findings: Finding[], file: string): string {
  const lines = [
    `Budget and results as of ${report.asOf} (FY${report.fiscalYear}, month ${report.monthsElapsed} of 12) - ${path.basename(file)}, ${report.measure}`,
    "",
  ];
  const header = [
    "unit",
    "budget",
    "allotted YTD",
    "spent YTD",
    "vs plan",
    "cost/result plan",
    "actual",
    "year-end spend",
    "status",
  ];
  const body = [...report.rows, ...(report.program ? [report.program] : [])].map((r) => [
    r.unit,
    money(r.budget),
    money(r.allotmentYtd),
    money(r.spendYtd),
    pct(r.spendVariance),
    perResult(r.cost.planned),
    perResult(r.cost.actual),
    r.forecast ? `${money(r.forecast.value)} (${pct(r.forecastVariance)})` : "-",
    r.status,
  ]);
  const table = [header, ...body];
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const r of table)
    lines.push(
      `  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : c === r.length - 1 ? cell : cell.padStart(widths[c]))).join("  ")}`.trimEnd(),
    );
  const notes = report.rows.filter((r) => r.cost.note).map((r) => `  ${r.unit}: ${r.cost.note}`);
  if (notes.length > 0) lines.push("", "Cost per result:", ...notes);
  const spread = report.rows.filter((r) => r.allotmentsSpread).map((r) => r.unit);
  if (spread.length > 0)
    lines.push("", `Allotments spread evenly from the annual budget (none given): ${spread.join(", ")}.`);
  if (findings.length > 0) {
    lines.push("", `Data findings: ${findings.length}`);
    for (const f of findings) lines.push(`  ${formatFinding(f)}`);
  }
  return `${lines.join("\n")}\n`;
}
