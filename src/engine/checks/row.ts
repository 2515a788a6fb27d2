/**
 * Check rows that hold only their place in a table; every field is read from the table's typed
 * columns (and the row's series) when asked.
 *
 * Why: a row with 33 own fields, a dozen of them boxed numbers, kept ~1.2 KB per measure x unit:
 * 20,000 rows were ~24 MB of fresh memory, and on the bench VM fresh pages and the collector's
 * copying were most of a large check's time. A row now keeps the numbers the check worked out
 * (eight doubles, presence bits and codes in shared columns); the fields that follow from them by
 * one line of arithmetic (variances, attainments, changes, band gap) are worked out on read, with
 * the same functions and arguments as before, so they are the same numbers. Assigning a field
 * keeps the assigned value (it becomes the row's own property); `JSON.stringify` writes the same
 * keys in the same order as the plain rows did.
 */
import type { Period } from "../model";
import type { SeriesData } from "../index/series";
import type { YearEndForecast } from "../forecast/record";
import type { AggregateInto } from "./aggregate";
import { attainment, bandAttainment, bandGap, varianceAbs, varianceRel, type TrendLabel } from "./compare";
import type { CheckRow } from "./check";
import type { Basis, Status } from "./status";
import { INSPECT, assignableGetters } from "../leanRecord";

// Per row in `nums`: the worked-out numbers (the first eight mean something only where `HAS` says so).
const ACTUAL = 0;
const PLAN = 1;
const TARGET = 2;
const LAST_YEAR = 3;
const YTD_ACTUAL = 4;
const YTD_PLAN = 5;
const YTD_LAST_YEAR = 6;
const SLOPE = 7;
const FISCAL_YEAR = 8;
const YTD_PERIODS = 9;
const NUMS = 10;
// Per row in `codes`: which of the first eight numbers are there (bit k for number k), then the
// status, the basis and rollup flag, and the trend.
const HAS = 0;
const STATUS = 1;
const BASIS = 2;
const TREND = 3;
const CODES = 4;

const STATUSES: readonly Status[] = [
  "insufficient-data",
  "on-track",
  "at-risk",
  "off-track",
  "no-data",
  "stale",
];
const STATUS_CODE = Object.fromEntries(STATUSES.map((s, k) => [s, k])) as Record<Status, number>;
const TRENDS: readonly TrendLabel[] = ["improving", "worsening", "flat"];
const TREND_CODE = Object.fromEntries(TRENDS.map((s, k) => [s, k])) as Record<TrendLabel, number>;
const ROLLUP_BIT = 2;

/**
 * The columns behind a batch of rows: one per check (sized for all its rows), or a run of
 * `checkSeriesAt` calls sharing a context (filled in chunks). Example: `new CheckTable(20_020)`.
 */
export class CheckTable {
  readonly nums: Float64Array;
  readonly codes: Uint8Array;
  // Arrays of their final size, filled with undefined when made: every table's arrays then have
  // one shape from the start, so code optimized on one check's table also fits the next one's
  // (arrays grown by push change shape on their first element, and that threw the code away).
  readonly series: SeriesData[];
  readonly periods: Period[];
  readonly reasons: string[];
  /** Year-end forecasts by row (none for yearly rows, or a check without forecasts). */
  readonly forecasts: (YearEndForecast | undefined)[];
  size = 0;

  constructor(readonly capacity: number) {
    this.nums = new Float64Array(capacity * NUMS);
    this.codes = new Uint8Array(capacity * CODES);
    this.series = new Array<SeriesData>(capacity).fill(undefined as unknown as SeriesData);
    this.periods = new Array<Period>(capacity).fill(undefined as unknown as Period);
    this.reasons = new Array<string>(capacity).fill(undefined as unknown as string);
    this.forecasts = new Array<YearEndForecast | undefined>(capacity).fill(undefined);
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /**
   * A new row: its series, period and place in the year; numbers from the period's and the year
   * to date's aggregates and the three-period trend (its slope and label, none when `trend` is
   * undefined). Returns its position.
   */
  add(
    s: SeriesData,
    period: Period,
    rollup: boolean,
    fiscalYear: number,
    ytdPeriods: number,
    now: AggregateInto,
    ytd: AggregateInto,
    slope: number,
    trend: TrendLabel | undefined,
  ): number {
    const i = this.size++;
    this.series[i] = s;
    this.periods[i] = period;
    this.reasons[i] = "";
    const n = this.nums;
    const at = i * NUMS;
    let has =
      put(n, at, ACTUAL, now.hasActual, now.actual) |
      put(n, at, PLAN, now.hasPlan, now.plan) |
      put(n, at, TARGET, now.hasTarget, now.target) |
      put(n, at, LAST_YEAR, now.hasLastYear, now.lastYear) |
      put(n, at, YTD_ACTUAL, ytd.hasActual, ytd.actual) |
      put(n, at, YTD_PLAN, ytd.hasPlan, ytd.plan) |
      put(n, at, YTD_LAST_YEAR, ytd.hasLastYear, ytd.lastYear);
    if (trend !== undefined) {
      n[at + SLOPE] = slope;
      has |= 1 << SLOPE;
      this.codes[i * CODES + TREND] = TREND_CODE[trend];
    }
    n[at + FISCAL_YEAR] = fiscalYear;
    n[at + YTD_PERIODS] = ytdPeriods;
    this.codes[i * CODES + HAS] = has;
    this.codes[i * CODES + BASIS] = rollup ? ROLLUP_BIT : 0;
    return i;
  }

  /** The basis the status looked at. */
  setBasis(i: number, basis: Basis): void {
    const at = i * CODES + BASIS;
    this.codes[at] = (this.codes[at] & ROLLUP_BIT) | (basis === "ytd" ? 1 : 0);
  }

  judge(i: number, status: Status, reason: string): void {
    this.codes[i * CODES + STATUS] = STATUS_CODE[status];
    this.reasons[i] = reason;
  }

  setForecast(i: number, forecast: YearEndForecast): void {
    this.forecasts[i] = forecast;
  }
}

/** Number k of the row at `at`, when there is one; its presence bit (0 when none). */
function put(nums: Float64Array, at: number, k: number, has: boolean, value: number): number {
  if (!has) return 0;
  nums[at + k] = value;
  return 1 << k;
}

const TABLE = Symbol("table");
const AT = Symbol("position");
// Node's util.inspect hook, by its registered name, so the engine imports nothing from Node.

/** Every field, in the order the plain rows declared them (and JSON has always listed them). */
const FIELDS = [
  "measure",
  "unit",
  "rollup",
  "period",
  "fiscalYear",
  "kind",
  "direction",
  "basis",
  "status",
  "reason",
  "ytdPeriods",
  "actual",
  "plan",
  "target",
  "varianceAbs",
  "varianceRel",
  "attainment",
  "ytdActual",
  "ytdPlan",
  "ytdVarianceAbs",
  "ytdVarianceRel",
  "ytdAttainment",
  "lastYearActual",
  "changeAbs",
  "changeRel",
  "ytdLastYearActual",
  "ytdChangeAbs",
  "ytdChangeRel",
  "trendSlope3",
  "trend",
  "bandGap",
  "bandAttainment",
  "forecast",
] as const satisfies readonly (keyof CheckRow)[];
const KNOWN: ReadonlySet<string> = new Set(FIELDS);

/**
 * One class for every check (not a class per call), so code that reads many rows sees one hidden
 * class; two fields, so 20,000 of them stay small. Example: `checkSeriesAt(s, 14, ctx, []).ytdAttainment`.
 */
export class CheckRecord implements CheckRow {
  [TABLE]: CheckTable;
  [AT]: number;

  constructor(table: CheckTable, position: number) {
    this[TABLE] = table;
    this[AT] = position;
  }

  /** Number k of the row, or undefined when the check had none. */
  private num(k: number): number | undefined {
    const table = this[TABLE];
    const i = this[AT];
    return table.codes[i * CODES + HAS] & (1 << k) ? table.nums[i * NUMS + k] : undefined;
  }

  private get s(): SeriesData {
    return this[TABLE].series[this[AT]];
  }

  get measure(): string {
    return this.s.measure.id;
  }
  get unit(): string {
    return this.s.unit;
  }
  get rollup(): boolean {
    return (this[TABLE].codes[this[AT] * CODES + BASIS] & ROLLUP_BIT) !== 0;
  }
  get period(): Period {
    return this[TABLE].periods[this[AT]];
  }
  get fiscalYear(): number {
    return this[TABLE].nums[this[AT] * NUMS + FISCAL_YEAR];
  }
  get kind(): CheckRow["kind"] {
    return this.s.measure.kind;
  }
  get direction(): CheckRow["direction"] {
    return this.s.measure.direction;
  }
  get basis(): Basis {
    return this[TABLE].codes[this[AT] * CODES + BASIS] & 1 ? "ytd" : "period";
  }
  get status(): Status {
    return STATUSES[this[TABLE].codes[this[AT] * CODES + STATUS]];
  }
  get reason(): string {
    return this[TABLE].reasons[this[AT]];
  }
  get ytdPeriods(): number {
    return this[TABLE].nums[this[AT] * NUMS + YTD_PERIODS];
  }
  get actual(): number | undefined {
    return this.num(ACTUAL);
  }
  get plan(): number | undefined {
    return this.num(PLAN);
  }
  get target(): number | undefined {
    return this.num(TARGET);
  }
  get varianceAbs(): number | undefined {
    return againstPlan(this.num(ACTUAL), this.num(PLAN), "abs", this.direction);
  }
  get varianceRel(): number | undefined {
    return againstPlan(this.num(ACTUAL), this.num(PLAN), "rel", this.direction);
  }
  get attainment(): number | undefined {
    return againstPlan(this.num(ACTUAL), this.num(PLAN), "attainment", this.direction);
  }
  get ytdActual(): number | undefined {
    return this.num(YTD_ACTUAL);
  }
  get ytdPlan(): number | undefined {
    return this.num(YTD_PLAN);
  }
  get ytdVarianceAbs(): number | undefined {
    return againstPlan(this.num(YTD_ACTUAL), this.num(YTD_PLAN), "abs", this.direction);
  }
  get ytdVarianceRel(): number | undefined {
    return againstPlan(this.num(YTD_ACTUAL), this.num(YTD_PLAN), "rel", this.direction);
  }
  get ytdAttainment(): number | undefined {
    return againstPlan(this.num(YTD_ACTUAL), this.num(YTD_PLAN), "attainment", this.direction);
  }
  get lastYearActual(): number | undefined {
    return this.num(LAST_YEAR);
  }
  get changeAbs(): number | undefined {
    const actual = this.num(ACTUAL);
    const lastYear = this.num(LAST_YEAR);
    return actual !== undefined && lastYear !== undefined ? actual - lastYear : undefined;
  }
  get changeRel(): number | undefined {
    const actual = this.num(ACTUAL);
    const lastYear = this.num(LAST_YEAR);
    return actual !== undefined && lastYear !== undefined ? varianceRel(actual, lastYear) : undefined;
  }
  get ytdLastYearActual(): number | undefined {
    return this.num(YTD_LAST_YEAR);
  }
  get ytdChangeAbs(): number | undefined {
    const actual = this.num(YTD_ACTUAL);
    const lastYear = this.num(YTD_LAST_YEAR);
    return actual !== undefined && lastYear !== undefined ? actual - lastYear : undefined;
  }
  get ytdChangeRel(): number | undefined {
    const actual = this.num(YTD_ACTUAL);
    const lastYear = this.num(YTD_LAST_YEAR);
    return actual !== undefined && lastYear !== undefined ? varianceRel(actual, lastYear) : undefined;
  }
  get trendSlope3(): number | undefined {
    return this.num(SLOPE);
  }
  get trend(): TrendLabel | undefined {
    return this.num(SLOPE) === undefined ? undefined : TRENDS[this[TABLE].codes[this[AT] * CODES + TREND]];
  }
  get bandGap(): number | undefined {
    const { lower, upper } = this.s.measure;
    const actual = this.num(ACTUAL);
    if (lower === undefined || upper === undefined || actual === undefined) return undefined;
    return bandGap(actual, lower, upper);
  }
  get bandAttainment(): number | undefined {
    const { lower, upper } = this.s.measure;
    const actual = this.num(ACTUAL);
    if (lower === undefined || upper === undefined || actual === undefined) return undefined;
    const att = bandAttainment(actual, lower, upper);
    return Number.isFinite(att) ? att : undefined; // a zero-width band gives -Infinity off its edge
  }
  get forecast(): YearEndForecast | undefined {
    return this[TABLE].forecasts[this[AT]];
  }

  /** `console.log` and Node's inspector show the fields, not the table. */
  [INSPECT](): unknown {
    return this.toJSON();
  }

  /** The row as a plain object: every field in the declared order, then any added ones. */
  toJSON(): CheckRow {
    const json: Record<string, unknown> = {};
    for (const field of FIELDS) json[field] = this[field];
    for (const key of Object.keys(this))
      if (!KNOWN.has(key)) json[key] = (this as Record<string, unknown>)[key];
    return json as unknown as CheckRow;
  }
}

/** Actual against plan, when both are there: the variance, the relative variance or the attainment (not for bands). */
function againstPlan(
  actual: number | undefined,
  plan: number | undefined,
  what: "abs" | "rel" | "attainment",
  direction: CheckRow["direction"],
): number | undefined {
  if (actual === undefined || plan === undefined) return undefined;
  if (what === "abs") return varianceAbs(actual, plan);
  if (what === "rel") return varianceRel(actual, plan);
  return direction === "band" ? undefined : attainment(actual, plan, direction);
}

// Assigning a field stores the value on the row, as a plain field would.
assignableGetters(CheckRecord.prototype, FIELDS);
