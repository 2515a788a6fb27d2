/**
 * One check per measure x unit (and per measure for the program roll-up) as of a period:
 * period and year-to-date actual vs milestone, variances, attainment, last year, trend and status.
 */
import type { Direction, Finding, MeasureDef, MeasureKind, Period } from "../model";
import {
  fiscalMonthOffset,
  fiscalYearMonths,
  fiscalYearOf,
  isMonth,
  isYear,
  monthFromIndex,
  monthIndex,
} from "../period";
import { AggregateInto, missingPositions, periodInto, rangeInto } from "./aggregate";
import { bandGap, trendLabel, trendSlope3, type TrendLabel } from "./compare";
import { judgeByRules, RuleInputs } from "./judge";
import type { YearEndForecast } from "../forecast/record";
import { forecastInto, type ForecastTable } from "../forecast/yearend";
import { at, fiscalYearAt, goodActualAt, periodAt, ytdFirst } from "../index/access";
import { sourceAt, type SeriesData } from "../index/series";
import { CheckRecord, CheckTable } from "./row";
import { RuleWords, defaultBasis, defaultRules, type Basis, type Status, type StatusRule } from "./status";

/**
 * Everything a manager sees for one measure x unit as of a period. Ratios are fractions (0.95 = 95 %).
 * The check returns class instances whose fields are getters over the check's typed columns
 * (row.ts): read the fields, or JSON.stringify for the plain row. A spread (`{ ...row }`),
 * `Object.keys` or structuredClone sees only fields that were assigned (a spread also copies the
 * row's symbol-keyed place in its table, which gives the copy no fields).
 */
export interface CheckRow {
  measure: string;
  unit: string;
  /** True for the program roll-up across units. */
  rollup: boolean;
  /** The period judged (the as-of month, or for yearly rows the last ended fiscal year). */
  period: Period;
  fiscalYear: number;
  kind: MeasureKind;
  direction: Direction;
  /** The basis of the first rule: what the status looked at. */
  basis: Basis;
  status: Status;
  /** Plain words: why this status. */
  reason: string;
  actual?: number;
  plan?: number;
  target?: number;
  varianceAbs?: number;
  varianceRel?: number;
  attainment?: number;
  ytdActual?: number;
  ytdPlan?: number;
  ytdVarianceAbs?: number;
  ytdVarianceRel?: number;
  ytdAttainment?: number;
  /** Months counted in the year to date (1 for yearly rows). */
  ytdPeriods: number;
  lastYearActual?: number;
  changeAbs?: number;
  changeRel?: number;
  /** The same months of last fiscal year, combined like the year to date. */
  ytdLastYearActual?: number;
  ytdChangeAbs?: number;
  ytdChangeRel?: number;
  trendSlope3?: number;
  trend?: TrendLabel;
  bandGap?: number;
  bandAttainment?: number;
  /** Year-end forecast for monthly series (see src/engine/forecast). */
  forecast?: YearEndForecast;
}

export interface CheckContext {
  fyStartMonth: number;
  /** Rules per measure id; measures not listed use defaultRules. */
  rules?: Record<string, StatusRule[]>;
  /** Default rules built so far, by measure id (filled on first use): a check may run 720,000 times. */
  defaults?: Map<string, StatusRule[]>;
  /** The reasons' words made so far (filled on first use), shared by the rows. */
  words?: RuleWords;
  /** What each row's rules are judged on, rewritten by each row (made on first use). */
  judging?: RuleInputs;
  /** Period labels made so far, by month index (years as -1 - year), shared by the rows. */
  labels?: Map<number, Period>;
  /** The table rows are written into (row.ts); checkScorecard sizes one for all its rows. */
  table?: CheckTable;
  /** When given, each monthly row gets a year-end forecast, written into this table. */
  forecasts?: ForecastTable;
  /** The period's and the year to date's aggregates, rewritten by each row (made on first use). */
  now?: AggregateInto;
  ytd?: AggregateInto;
}

/** A position's period label, one string per period for all the rows of a check. */
function labelAt(s: SeriesData, t: number, ctx: CheckContext): Period {
  const labels = (ctx.labels ??= new Map());
  const key = s.monthly ? s.start + t : -1 - (s.start + t);
  let label = labels.get(key);
  if (label === undefined) labels.set(key, (label = periodAt(s, t)));
  return label;
}

/** The measure's rules: its own, else the defaults, built once per measure and kept on the context. */
function rulesFor(measure: MeasureDef, ctx: CheckContext): StatusRule[] {
  const own = ctx.rules?.[measure.id];
  if (own) return own;
  const defaults = (ctx.defaults ??= new Map());
  let rules = defaults.get(measure.id);
  if (!rules) defaults.set(measure.id, (rules = defaultRules(measure)));
  return rules;
}

/** The position a series is judged at for an as-of period (may lie past its last row). Example: `judgedPosition(s, "2026-07", 1)`. */
export function judgedPosition(s: SeriesData, asOf: Period, fyStartMonth: number): number {
  return new AsOfPositions(asOf, fyStartMonth).of(s);
}

/**
 * The positions series are judged at for one as-of period: the period is read once (on first
 * use, for monthly and for yearly series), not once per series. Example:
 * `new AsOfPositions("2026-07", 1).of(s) === judgedPosition(s, "2026-07", 1)`.
 */
export class AsOfPositions {
  private month: number | undefined = undefined;
  private year: number | undefined = undefined;
  constructor(
    private readonly asOf: Period,
    private readonly fyStartMonth: number,
  ) {}
  of(s: SeriesData): number {
    return s.monthly
      ? (this.month ??= this.judgedMonth()) - s.start
      : (this.year ??= this.judgedYear()) - s.start;
  }
  /**
   * The label of the as-of period, as labelAt keys it: every row of a whole check of that grain is
   * judged there, so labelAt finds its label from the first row on. (A label made on a check's
   * first row was a path the compiled row code had no feedback for: the next check threw that
   * code away and compiled it again.)
   */
  label(labels: Map<number, Period>): void {
    if (isMonth(this.asOf)) {
      const month = (this.month ??= this.judgedMonth());
      labels.set(month, monthFromIndex(month));
    } else {
      const year = (this.year ??= this.judgedYear());
      labels.set(-1 - year, String(year));
    }
  }
  /** The as-of month, or the last month of an as-of fiscal year. */
  private judgedMonth(): number {
    const { asOf, fyStartMonth } = this;
    return isMonth(asOf) ? monthIndex(asOf) : monthIndex(fiscalYearMonths(Number(asOf), fyStartMonth)[11]);
  }
  /** The as-of fiscal year, or for a month the last fiscal year that has ended by it. */
  private judgedYear(): number {
    const { asOf, fyStartMonth } = this;
    if (isYear(asOf)) return Number(asOf);
    const fy = fiscalYearOf(asOf, fyStartMonth);
    return fiscalMonthOffset(asOf, fyStartMonth) === 11 ? fy : fy - 1;
  }
}

/**
 * Check one series at a position: the numbers, then the status (data rules first, then the
 * measure's ordered rules), and a year-end forecast when the context has a forecast table.
 * Findings for the point are pushed to `findings`. The row is written into the context's table
 * (row.ts), made on first use and again when full.
 * Example: `checkSeriesAt(series, 14, { fyStartMonth: 10 }, []).status`.
 */
export function checkSeriesAt(
  s: SeriesData,
  t: number,
  ctx: CheckContext,
  findings: Finding[],
  rollup = false,
): CheckRow {
  const m = s.measure;
  const first = ytdFirst(s, t, ctx.fyStartMonth);
  const now = periodInto(s, t, (ctx.now ??= new AggregateInto()));
  const ytd = rangeInto(s, first, t, (ctx.ytd ??= new AggregateInto()));
  let table = ctx.table;
  if (!table || table.full) ctx.table = table = new CheckTable(CHUNK);
  const period = labelAt(s, t, ctx);
  // The three-period trend ending at t, when all three actuals are usable (as measureTrend gives it).
  const a1 = goodActualAt(s, t - 2);
  const a2 = goodActualAt(s, t - 1);
  const trended = a1 !== undefined && a2 !== undefined && now.hasActual;
  const slope = trended ? trendSlope3(a1, a2, now.actual) : 0;
  const i = table.add(
    s,
    period,
    rollup,
    fiscalYearAt(s, t, ctx.fyStartMonth),
    t - first + 1,
    now,
    ytd,
    slope,
    trended ? trendOf(m, slope, a1, now.actual) : undefined,
  );
  const row = new CheckRecord(table, i);
  if (ctx.forecasts && s.monthly) table.setForecast(i, forecastInto(ctx.forecasts, s, t, ctx.fyStartMonth));
  const rules = rulesFor(m, ctx);
  const basis = firstBasis(rules) ?? defaultBasis(m.kind);
  table.setBasis(i, basis);
  const data = dataStatus(s, t, first, basis, ytd, rollup);
  if (data) {
    table.judge(i, data.status, data.reason);
    if (data.finding)
      findings.push({
        ...data.finding,
        measure: m.id,
        unit: s.unit,
        period,
        where: sourceAt(s, t),
      });
    return row;
  }
  const words = (ctx.words ??= new RuleWords());
  const status = judgeByRules(table, i, rules, s, now, ytd, words, (ctx.judging ??= new RuleInputs()));
  if (status === "insufficient-data" && !now.hasPlan) {
    findings.push({
      severity: "warning",
      code: "actual-without-milestone",
      message: `${m.id} / ${s.unit} / ${period} has an actual but no milestone or target, so it cannot be judged.`,
      fix: "Add a milestone (or a target) for this period.",
      measure: m.id,
      unit: s.unit,
      period,
      where: sourceAt(s, t),
    });
  }
  return row;
}

/** Rows per table for checks that do not say how many they make (a run of checkSeriesAt calls). */
const CHUNK = 1024;

/** The basis of the first rule with a test: what the status looks at. */
function firstBasis(rules: StatusRule[]): Basis | undefined {
  // By index: a for-of here made an iterator for each of 20,000 rows.
  for (let k = 0; k < rules.length; k++) {
    const when = rules[k].when;
    if (when) return when.basis;
  }
  return undefined;
}

/** The trend's label, as measureTrend gives it: a band judged by its distance from the band. */
function trendOf(measure: MeasureDef, slope: number, first: number, last: number): TrendLabel {
  const { direction, lower, upper } = measure;
  const gaps: [number, number] | undefined =
    direction === "band" && lower !== undefined && upper !== undefined
      ? [bandGap(first, lower, upper), bandGap(last, lower, upper)]
      : undefined;
  return trendLabel(slope, direction, gaps);
}

interface DataStatus {
  status: Status;
  reason: string;
  finding?: Omit<Finding, "measure" | "unit" | "period" | "where">;
}

/** Data rules, before any comparison: a data error, nothing yet, out of date, or a gap in the year. */
function dataStatus(
  s: SeriesData,
  t: number,
  first: number,
  basis: Basis,
  ytd: AggregateInto,
  rollup: boolean,
): DataStatus | undefined {
  if (t >= 0 && t < s.length && s.bad[t]) {
    const why = rollup
      ? "a unit's value for this period is missing or wrong"
      : "this period's value has a data error";
    return { status: "insufficient-data", reason: why };
  }
  if (goodActualAt(s, t) === undefined) {
    // Stale when any earlier month has a usable actual, even one whose month has another bad
    // cell (a milestone or denominator): the unit did report, as the workbook's Status counts it.
    let latest = -1;
    for (let p = Math.min(t - 1, s.length - 1); p >= 0; p--) {
      if (s.reported[p] || at(s.actual, p) !== undefined) {
        latest = p;
        break;
      }
    }
    if (latest < 0) return { status: "no-data", reason: "no actual yet" };
    return { status: "stale", reason: `latest actual is for ${periodAt(s, latest)}` };
  }
  if (basis === "ytd" && ytd.missing > 0) {
    const months = missingPositions(s, first, t)
      .map((p) => periodAt(s, p))
      .join(", ");
    return {
      status: "insufficient-data",
      reason: `year to date is missing ${months}`,
      finding: {
        severity: "warning",
        code: "missing-period",
        message: `${s.measure.id} / ${s.unit}: no usable actual for ${months}, so the year to date (from ${periodAt(s, first)}) is incomplete.`,
        fix: "Enter the missing actuals (0 if nothing happened) or correct the flagged cells.",
      },
    };
  }
  return undefined;
}
