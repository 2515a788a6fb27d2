/** The Check tab's work: run the engine's checks as of a month and shape rows for a narrow pane. */
import { checkScorecard, type CheckRow } from "../../engine/checks";
import { indexScorecard } from "../../engine/index";
import type { Observation, Scorecard } from "../../engine/model";
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
    unitLabel: measure?.unitLabel,
    forecast,
    cell: obs?.source,
  };
}

/** Status of every measure x unit and the program as of a month (default: the latest with actuals). */
export function checkReport(read: ReadResult, asOf?: string): CheckReport {
  const { scorecard } = read;
  const months = checkableMonths(scorecard);
  const month = asOf ?? read.settings.asOfMonth ?? latestActualMonth(scorecard) ?? months.at(-1);
  if (!month) return { asOf: "", months, rows: [], findings: read.findings };
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
  const findings = [...read.findings, ...result.findings];
  return { asOf: month, months, rows, findings };
}
