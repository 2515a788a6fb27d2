/**
 * The whole scorecard as of a period: one check row per measure x unit, then one per measure
 * for the program roll-up, plus the data-quality findings the checks raised.
 */
import type { Finding, Period } from "../model";
import { isMonth, isYear } from "../period";
import { ForecastTable } from "../forecast/yearend";
import { periodAt } from "../index/access";
import { sourceAt, type ScorecardIndex, type SeriesData } from "../index/series";
import { AggregateInto } from "./aggregate";
import { AsOfPositions, checkSeriesAt, type CheckContext, type CheckRow } from "./check";
import { detectLeadTurns, type LeadTurn } from "./leadlag";
import { rollUp } from "./rollup";
import { RuleInputs } from "./judge";
import { CheckTable } from "./row";
import { RuleWords, type StatusRule } from "./status";

export interface CheckOptions {
  /** The period to judge, `YYYY-MM` or `YYYY`. */
  asOf: Period;
  /** Rules per measure id; measures not listed use the defaults. */
  rules?: Record<string, StatusRule[]>;
  /** Add a program roll-up row per measure (default true). */
  rollups?: boolean;
  /** Add a year-end forecast to each monthly row (default true). */
  forecast?: boolean;
  /** How many recent periods a lead's turn may lie back (default 3). */
  leadLookback?: number;
}

export interface CheckResult {
  asOf: Period;
  rows: CheckRow[];
  /** Roll-up series by measure id, for forecasts and charts. */
  rollupSeries: Map<string, SeriesData>;
  /** Leads whose trend turned before their lag's did. */
  leadTurns: LeadTurn[];
  findings: Finding[];
  index: ScorecardIndex;
}

/**
 * Periods with no row at all between a series' first row and the judged period (a month the
 * file skipped), as one finding per series pointing at the row after the first gap.
 * Example: `missingRows(series, 14)?.code === "missing-row"`.
 */
export function missingRows(s: SeriesData, last: number): Finding | undefined {
  let p = 0;
  while (p <= last && s.present[p]) p++;
  if (p > last) return undefined; // the usual case: no list for 20,000 series without gaps
  const gaps: number[] = [];
  for (; p <= last; p++) if (!s.present[p]) gaps.push(p);
  const shown = gaps.slice(0, 6).map((p) => periodAt(s, p));
  const more = gaps.length > shown.length ? ` and ${gaps.length - shown.length} more` : "";
  let after = gaps[0] + 1;
  while (after <= last && !s.present[after]) after++;
  const finding: Finding = {
    severity: "warning",
    code: "missing-row",
    message: `${s.measure.id} / ${s.unit}: no row for ${shown.join(", ")}${more}, between ${periodAt(s, 0)} and ${periodAt(s, last)}.`,
    fix: "Add a row for each missing period (a blank actual if the result is not in yet), so gaps are deliberate.",
    measure: s.measure.id,
    unit: s.unit,
    period: shown[0],
  };
  const where = sourceAt(s, after);
  if (where) finding.where = where;
  return finding;
}

/**
 * The units' rows, in a function of its own: on-stack replacement compiles this loop alone, not
 * the rest of checkScorecard (code after the loop, not yet run when it was compiled, threw the
 * compiled loop away in the next check). The loop calls module functions only, no closure made
 * per check, which the compiled code would have inlined as its one call target.
 */
function checkUnits(
  series: SeriesData[],
  positions: AsOfPositions,
  ctx: CheckContext,
  findings: Finding[],
  rows: CheckRow[],
): void {
  // By index: a for-of made an iterator result for each series until the loop was compiled.
  for (let k = 0; k < series.length; k++) {
    const s = series[k];
    const t = positions.of(s);
    const gap = missingRows(s, Math.min(t, s.length - 1));
    if (gap) findings.push(gap);
    rows.push(checkSeriesAt(s, t, ctx, findings, false));
  }
}

/**
 * The context of one whole check, every field set in its constructor, in one order, with values
 * of one kind. With an object literal here, the second check's context changed a field's recorded
 * type (seen with --trace-deopt), and the code compiled for the rows in the first check (the row,
 * its rule and label look-ups) was thrown away and compiled again inside the timed check.
 */
class CheckRun implements CheckContext {
  readonly defaults = new Map<string, StatusRule[]>();
  table: CheckTable;
  readonly labels = new Map<number, Period>();
  readonly words = new RuleWords();
  readonly judging = new RuleInputs();
  readonly forecasts: ForecastTable | undefined;
  readonly now = new AggregateInto();
  readonly ytd = new AggregateInto();
  constructor(
    readonly fyStartMonth: number,
    readonly rules: Record<string, StatusRule[]> | undefined,
    rows: number,
    forecast: boolean,
  ) {
    this.table = new CheckTable(rows);
    this.forecasts = forecast ? new ForecastTable(rows) : undefined;
  }
}

/** Thrown for an as-of that is not a period: a usage error, not a data problem. */
export class AsOfError extends RangeError {
  constructor(asOf: string) {
    super(`as-of "${asOf}" is not a period; write 2026-07 or 2026`);
    this.name = "AsOfError";
  }
}

/**
 * Check every measure x unit of an index as of a period. The index carries the reader's findings:
 * an error on a point makes its check "insufficient-data". Example:
 * `checkScorecard(indexScorecard(parsed.scorecard, parsed.findings), { asOf: "2026-07" }).rows[0].status`.
 */
export function checkScorecard(index: ScorecardIndex, options: CheckOptions): CheckResult {
  if (!isMonth(options.asOf) && !isYear(options.asOf)) throw new AsOfError(options.asOf);
  // One table for all the rows and one for their forecasts: at most a row per series and one
  // roll-up per measure.
  const most = index.series.length + index.byMeasure.size;
  const ctx = new CheckRun(index.fyStartMonth, options.rules, most, options.forecast !== false);
  const findings: Finding[] = [];
  const rows: CheckRow[] = [];
  const positions = new AsOfPositions(options.asOf, ctx.fyStartMonth);
  positions.label(ctx.labels);
  checkUnits(index.series, positions, ctx, findings, rows);
  const rollupSeries = new Map<string, SeriesData>();
  if (options.rollups !== false) {
    for (const [id, list] of index.byMeasure) {
      if (list.length < 2) continue;
      const { series, findings: rf } = rollUp(list, index.fyStartMonth);
      findings.push(...rf);
      if (!series) continue;
      rollupSeries.set(id, series);
      // The units' own rows already report their gaps; the roll-up row does not repeat them.
      rows.push(checkSeriesAt(series, positions.of(series), ctx, [], true));
    }
  }
  const leadTurns = detectLeadTurns(index, options.asOf, options.leadLookback);
  return { asOf: options.asOf, rows, rollupSeries, leadTurns, findings, index };
}
