/** The Check tab's work: run the engine's checks as of a month and shape rows for a narrow pane. */
import { checkScorecard, type CheckResult, type CheckRow } from "../../engine/checks";
import { indexScorecard } from "../../engine/index";
import type { Finding, Observation, Scorecard } from "../../engine/model";
import { isMonth } from "../../engine/period";
import { METHOD_NAMES } from "../../engine/forecast/yearend";
import type { ReadResult } from "../../workbook/read";
import { PortError, type CheckReport, type StatusRow } from "../port";
import { latestActualMonth } from "./proration";

/** Months the user may check: every month with a milestone or an actual, in order. */
export function checkableMonths(scorecard: Scorecard): string[] {
  const months = new Set<string>();
  for (const o of scorecard.observations) {
    if (isMonth(o.period) && (o.actual !== undefined || o.milestone !== undefined)) months.add(o.period);
  }
  return [...months].sort();
}

const ORDER: Record<string, number> = {
  "off-track": 0,
  "at-risk": 1,
  stale: 2,
  "insufficient-data": 3,
  "no-data": 4,
  "on-track": 5,
};

/** One status row for the pane; `sources` finds the cell behind a unit's actual. */
export function statusRow(row: CheckRow, scorecard: Scorecard, sources: Map<string, Observation>): StatusRow {
  const measure = scorecard.measures.find((m) => m.id === row.measure);
  const unit = scorecard.units.find((u) => u.id === row.unit);
  const ytd = row.basis === "ytd";
  const attainment = ytd ? row.ytdAttainment : row.attainment;
  const obs = row.rollup ? undefined : sources.get(`${row.measure}|${row.unit}|${row.period}`);
  const f = row.forecast;
  const forecast =
    f && f.value !== undefined && f.likely !== undefined && f.primary
      ? { value: f.value, likely: f.likely, method: METHOD_NAMES[f.primary], interval: f.interval }
      : undefined;
  return {
    measure: row.measure,
    measureName: measure?.name ?? row.measure,
    unit: row.rollup ? "*" : row.unit,
    unitName: row.rollup ? "Program" : (unit?.name ?? row.unit),
    status: row.status,
    reason: row.reason,
    basis: ytd ? "ytd" : "period",
    actual: ytd ? row.ytdActual : row.actual,
    milestone: ytd ? row.ytdPlan : row.plan,
    attainmentPct: attainment === undefined ? undefined : attainment * 100,
    kind: row.kind,
    direction: row.direction,
    target: row.target,
    unitLabel: measure?.unitLabel,
    forecast,
    cell: obs?.source,
  };
}

/**
 * A finding in the manager's words: the measure's and unit's names for their ids, "April 2027"
 * for "2027-04"; the sheet and cell stay in `where` for a Go-to, out of the sentence.
 */
export function inWords(finding: Finding, scorecard: Scorecard): Finding {
  const names: [string, string][] = [
    ...scorecard.measures.map((m): [string, string] => [m.id, m.name]),
    ...scorecard.units.map((u): [string, string] => [u.id, u.name]),
  ];
  const say = (text: string): string => {
    let out = text
      .replace(/ \([^()]*![A-Z]+\d+\)/g, "")
      .replace(/\b(\d{4})-(\d{2})\b/g, (m) => formatMonth(m));
    // Only the ids the finding names are replaced, never a word that happens to match another id.
    for (const [id, name] of names) {
      if (id !== finding.measure && id !== finding.unit) continue;
      out = out.replace(
        new RegExp(`(^|[\\s"'(])${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=$|[\\s"',.;:)])`, "g"),
        `$1${name}`,
      );
    }
    return out;
  };
  return {
    ...finding,
    message: say(finding.message),
    fix: finding.fix === undefined ? undefined : say(finding.fix),
  };
}

/** "2027-04" -> "April 2027" (the pane's format.ts is UI; this file stays free of it). */
function formatMonth(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const month = new Date(Date.UTC(2000, Number(m[2]) - 1, 1)).toLocaleString("en-US", {
    month: "long",
    timeZone: "UTC",
  });
  return `${month} ${m[1]}`;
}

/** Blank actuals are months still to report, not data problems. */
const NOT_A_PROBLEM = new Set(["missing-actual"]);

/**
 * Status of every measure x unit and the program as of a month (default: the latest with
 * actuals). Months after the last actual are not offered: nothing can be judged there yet.
 */
export function checkReport(read: ReadResult, asOf?: string): CheckReport {
  return checkReportAndResult(read, asOf).report;
}

/**
 * The report and the engine's check it was made from (undefined when there is no month to check),
 * so the budget monitor judges results from the same check instead of running it again.
 */
export function checkReportAndResult(
  read: ReadResult,
  asOf?: string,
): { report: CheckReport; result?: CheckResult } {
  const { scorecard } = read;
  const latest = latestActualMonth(scorecard);
  const hasActuals = latest !== undefined;
  const months = checkableMonths(scorecard).filter((m) => latest !== undefined && m <= latest);
  // The workbook's as-of month, but never past the last actual: later months would all read as late.
  const setting = read.settings.asOfMonth;
  const preferred = setting && latest && setting > latest ? latest : setting;
  const month = asOf ?? preferred ?? latest ?? checkableMonths(scorecard).at(-1);
  const split = (all: Finding[]): { findings: Finding[]; unreported: number } => ({
    findings: all.filter((f) => !NOT_A_PROBLEM.has(f.code)).map((f) => inWords(f, scorecard)),
    unreported: hasActuals ? all.filter((f) => NOT_A_PROBLEM.has(f.code)).length : 0,
  });
  if (!month) return { report: { asOf: "", months, rows: [], hasActuals, ...split(read.findings) } };
  if (!isMonth(month)) throw new PortError(`"${month}" is not a month.`, "Pick a month from the As of list.");
  const result = checkScorecard(indexScorecard(scorecard, read.findings), { asOf: month });
  const sources = new Map<string, Observation>();
  for (const o of scorecard.observations) if (o.source) sources.set(`${o.measure}|${o.unit}|${o.period}`, o);
  const rows = result.rows
    .map((r) => statusRow(r, scorecard, sources))
    .sort(
      (a, b) =>
        (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9) ||
        a.measureName.localeCompare(b.measureName) ||
        a.unitName.localeCompare(b.unitName),
    );
  return {
    report: { asOf: month, months, rows, hasActuals, ...split([...read.findings, ...result.findings]) },
    result,
  };
}
