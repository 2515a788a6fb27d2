/**
 * The one scorecard index: every measure x unit laid out as dense typed arrays by period
 * (NaN = missing), with one period key and one notion of a usable cell. Built once per scorecard
 * by the caller and passed to checks, forecasts and flags, so they all judge the same cells.
 * No module-level caches: what is derived later (year summaries) lives on the index itself.
 */
import type { CellRef, Finding, MeasureDef, Observation, UnitDef } from "../model";
import { SeriesPool, type SeriesViews } from "./pool";
import type { YearSummary } from "./years";

export { SeriesPool, SharedViews, type SeriesViews } from "./pool";

export interface SeriesData {
  measure: MeasureDef;
  unit: string;
  /** Monthly (`YYYY-MM`, positions are months) or yearly (`YYYY`, positions are fiscal years). */
  monthly: boolean;
  /** Month index (monthly) or year (yearly) of position 0. */
  start: number;
  length: number;
  /**
   * The usable actual, the one notion of a usable cell that checks, forecasts and detectors read:
   * NaN where there is no row, the cell is blank or not a number, or a data error hit the row (`bad`).
   */
  actual: Float64Array;
  /**
   * The other values as read (NaN = blank). In an indexed series a field none of the series' rows
   * has is a view of one shared NaN buffer: read-only, like every array of the index.
   */
  milestone: Float64Array;
  target: Float64Array;
  numerator: Float64Array;
  denominator: Float64Array;
  priorActual: Float64Array;
  /**
   * 1 where a data-quality error (a finding of severity "error") hit the row. In an indexed series
   * the three flag arrays are shared all-0 or all-1 views when they are uniform (read-only).
   */
  bad: Uint8Array;
  /** 1 where the file has a row for the period. */
  present: Uint8Array;
  /** 1 where the row gave a number as its actual, even if a data error made it unusable: the unit did report. */
  reported: Uint8Array;
  /** Index into `observations` of each position's row, -1 where none. */
  rowOf: Int32Array;
  observations: Observation[];
  /** Targets from `YYYY` rows of a monthly series: the fiscal year's target (the first row wins). */
  yearTargets: Map<number, number>;
  /** Rows for a period that already had one (the first row is used; these are for the duplicate check). */
  duplicates: Observation[];
  /** Fiscal-year summaries, filled on first use by `yearSummaries` (part of the index, not a hidden cache). */
  years?: YearSummary[];
}

export interface ScorecardIndex {
  series: SeriesData[];
  byMeasure: Map<string, SeriesData[]>;
  measures: Map<string, MeasureDef>;
  units: UnitDef[];
  fyStartMonth: number;
  /** Rows no series holds: their measure is not defined, or their period is neither YYYY nor YYYY-MM. */
  orphans: Observation[];
  /** Why cells are unusable beyond the parser's own findings: one finding per kind of orphan. */
  findings: Finding[];
}

/**
 * The one period key: the month index for `YYYY-MM`, the year for `YYYY`, -1 otherwise. Reads
 * char codes, no regex or allocation per row. Example: `periodKey("2026-01") === 24312`.
 */
export function periodKey(period: string): number {
  if (period.length === 7) {
    if (period.charCodeAt(4) !== 45) return -1;
    const year = digits(period, 0, 4);
    const month = digits(period, 5, 7);
    return year < 0 || month < 1 || month > 12 ? -1 : year * 12 + month - 1;
  }
  return period.length === 4 ? digits(period, 0, 4) : -1;
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * A series with every value missing, for derived series such as roll-ups: write only usable
 * actuals, and mark the rest `bad`. The index builds its series here too, from views of its
 * buffers, so that every series has one object shape. Example:
 * `emptySeries(m, "All units", true, 24312, 12).actual[0]` is NaN.
 */
export function emptySeries(
  measure: MeasureDef,
  unit: string,
  monthly: boolean,
  start: number,
  length: number,
  pool: SeriesViews = new SeriesPool(length),
  observations: Observation[] = [],
  yearTargets: Map<number, number> = new Map(),
  duplicates: Observation[] = [],
): SeriesData {
  // Direct calls, no closure: one closure per series is 20,000 function objects per index.
  const series = new Series(
    measure,
    unit,
    monthly,
    start,
    length,
    pool.floats("actual", length),
    pool.floats("milestone", length),
    pool.floats("target", length),
    pool.floats("numerator", length),
    pool.floats("denominator", length),
    pool.floats("priorActual", length),
    pool.flags("bad", length),
    pool.flags("present", length),
    pool.flags("reported", length),
    pool.rows(length),
    observations,
    yearTargets,
    duplicates,
  );
  pool.next(length);
  return series;
}

/**
 * Every series of an index or a roll-up: plain data, except that the row numbers of a series
 * whose rows are consecutive observations in period order (the usual long file) are made on first
 * read. Few readers need them (a finding's cell), and 20,000 series would otherwise hold 720,000
 * row numbers and 20,000 views made for nothing. The index (build.ts) makes its series with `new`
 * directly, not through emptySeries: a roll-up's call there, with its defaults and its pool, took
 * paths the index's calls never took and threw away the code compiled for them, every check.
 */
export class Series implements SeriesData {
  // Declared up front: the flags add it to every series, and adding a property to 20,000
  // objects afterwards gives each a second property store.
  years: YearSummary[] | undefined = undefined;
  private rows: Int32Array | undefined;
  /** The first row of consecutive rows (when `rows` is not given), else -1. */
  private readonly firstRow: number;
  constructor(
    public measure: MeasureDef,
    public unit: string,
    public monthly: boolean,
    public start: number,
    public length: number,
    public actual: Float64Array,
    public milestone: Float64Array,
    public target: Float64Array,
    public numerator: Float64Array,
    public denominator: Float64Array,
    public priorActual: Float64Array,
    public bad: Uint8Array,
    public present: Uint8Array,
    public reported: Uint8Array,
    rows: Int32Array | number,
    public observations: Observation[],
    public yearTargets: Map<number, number>,
    public duplicates: Observation[],
  ) {
    this.rows = typeof rows === "number" ? undefined : rows;
    this.firstRow = typeof rows === "number" ? rows : -1;
  }
  get rowOf(): Int32Array {
    if (!this.rows) {
      const rows = (this.rows = new Int32Array(this.length));
      for (let i = 0; i < rows.length; i++) rows[i] = this.firstRow + i;
    }
    return this.rows;
  }
}

/** Where a position's row came from, for findings. Example: `sourceAt(s, 3)?.address`. */
export function sourceAt(s: SeriesData, position: number): CellRef | undefined {
  if (position < 0 || position >= s.length) return undefined;
  const row = s.rowOf[position];
  return row >= 0 ? s.observations[row]?.source : undefined;
}
