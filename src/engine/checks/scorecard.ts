/**
 * The whole scorecard as of a period: one check row per measure x unit, then one per measure
 * for the program roll-up, plus the data-quality findings the checks raised.
 */
import type { Finding, Period, Scorecard } from "../model";
import { isMonth, isYear } from "../period";
import { forecastYearEnd } from "../forecast/yearend";
import { checkSeriesAt, judgedPosition, type CheckRow } from "./check";
import { detectLeadTurns, type LeadTurn } from "./leadlag";
import { rollUp } from "./rollup";
import { indexScorecard, type ScorecardIndex, type SeriesData } from "./series";
import type { StatusRule } from "./status";

export interface CheckOptions {
  /** The period to judge, `YYYY-MM` or `YYYY`. */
  asOf: Period;
  /** Rules per measure id; measures not listed use the defaults. */
  rules?: Record<string, StatusRule[]>;
  /** Findings from the parser: an error on a point makes its check "insufficient-data". */
  dataFindings?: Finding[];
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

/** Thrown for an as-of that is not a period: a usage error, not a data problem. */
export class AsOfError extends RangeError {
  constructor(asOf: string) {
    super(`as-of "${asOf}" is not a period; write 2026-07 or 2026`);
    this.name = "AsOfError";
  }
}

/**
 * Check every measure x unit as of a period. Example:
 * `checkScorecard(parseLongCsv(text).scorecard, { asOf: "2026-07" }).rows[0].status === "on-track"`.
 */
export function checkScorecard(scorecard: Scorecard, options: CheckOptions): CheckResult {
  if (!isMonth(options.asOf) && !isYear(options.asOf)) throw new AsOfError(options.asOf);
  const index = indexScorecard(scorecard, options.dataFindings);
  const ctx = { fyStartMonth: scorecard.fyStartMonth, rules: options.rules };
  const findings: Finding[] = [];
  const rows: CheckRow[] = [];
  const judge = (s: SeriesData, sink: Finding[], rollup: boolean): CheckRow => {
    const t = judgedPosition(s, options.asOf, ctx.fyStartMonth);
    const row = checkSeriesAt(s, t, ctx, sink, rollup);
    if (options.forecast !== false && s.monthly) row.forecast = forecastYearEnd(s, t, ctx.fyStartMonth);
    return row;
  };
  for (const s of index.series) rows.push(judge(s, findings, false));
  const rollupSeries = new Map<string, SeriesData>();
  if (options.rollups !== false) {
    for (const [id, list] of index.byMeasure) {
      if (list.length < 2) continue;
      const { series, findings: rf } = rollUp(list);
      findings.push(...rf);
      if (!series) continue;
      rollupSeries.set(id, series);
      // The units' own rows already report their gaps; the roll-up row does not repeat them.
      rows.push(judge(series, [], true));
    }
  }
  const leadTurns = detectLeadTurns(index, options.asOf, options.leadLookback);
  return { asOf: options.asOf, rows, rollupSeries, leadTurns, findings, index };
}
