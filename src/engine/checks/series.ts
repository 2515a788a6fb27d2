/**
 * Observations laid out as dense arrays per measure x unit (NaN = missing), so a check is
 * index arithmetic: year to date, same period last year and trends are slices.
 * Built once per scorecard; 720,000 points fit in a few flat Float64Arrays.
 */
import type { CellRef, Finding, MeasureDef, Observation, Scorecard } from "../model";
import { fiscalMonthOffsetOfIndex, fiscalYearOfIndex, isYear } from "../period";

export interface SeriesData {
  measure: MeasureDef;
  unit: string;
  /** Monthly (`YYYY-MM`, positions are months) or yearly (`YYYY`, positions are fiscal years). */
  monthly: boolean;
  /** Month index (monthly) or year (yearly) of position 0. */
  start: number;
  length: number;
  actual: Float64Array;
  milestone: Float64Array;
  target: Float64Array;
  numerator: Float64Array;
  denominator: Float64Array;
  priorActual: Float64Array;
  /** 1 where a data-quality error hit the row, so its actual cannot be trusted. */
  bad: Uint8Array;
  /** 1 where the file has a row for the period. */
  present: Uint8Array;
  /** Index into `observations` of each position's row, -1 where none. */
  rowOf: Int32Array;
  observations: Observation[];
  /** Targets from `YYYY` rows of a monthly series: the fiscal year's target. */
  yearTargets: Map<number, number>;
}

export interface ScorecardIndex {
  series: SeriesData[];
  byMeasure: Map<string, SeriesData[]>;
  measures: Map<string, MeasureDef>;
  fyStartMonth: number;
}

/**
 * Group a scorecard into dense series, in two passes without per-series arrays: the first
 * assigns each observation to its series and finds each series' span, the second fills one
 * shared buffer. Example: `indexScorecard(card, parsed.findings).series.length`.
 */
export function indexScorecard(scorecard: Scorecard, dataFindings: Finding[] = []): ScorecardIndex {
  const measures = new Map(scorecard.measures.map((m) => [m.id, m] as const));
  const badKeys = new Set<string>();
  for (const f of dataFindings) {
    if (f.severity === "error" && f.measure && f.unit && f.period)
      badKeys.add(key3(f.measure, f.unit, f.period));
  }
  const obs = scorecard.observations;
  const spans = assignSeries(obs);
  let total = 0;
  for (const span of spans.list) if (span.lo <= span.hi) total += span.hi - span.lo + 1;
  const pool = new SeriesPool(total);
  const series: SeriesData[] = [];
  const byMeasure = new Map<string, SeriesData[]>();
  const built: (SeriesData | undefined)[] = spans.list.map((span) => {
    if (span.lo > span.hi) return undefined;
    const measure = measures.get(span.measure) ?? {
      id: span.measure,
      name: span.measure,
      kind: "count",
      direction: "up",
    };
    const s = emptySeries(measure, span.unit, span.monthly, span.lo, span.hi - span.lo + 1, pool, obs);
    series.push(s);
    let list = byMeasure.get(measure.id);
    if (!list) byMeasure.set(measure.id, (list = []));
    list.push(s);
    return s;
  });
  for (let r = 0; r < obs.length; r++) {
    const s = built[spans.seriesOf[r]];
    if (s) fillRow(s, obs[r], r, spans.positionOf[r], badKeys);
  }
  return { series, byMeasure, measures, fyStartMonth: scorecard.fyStartMonth };
}

interface Span {
  measure: string;
  unit: string;
  monthly: boolean;
  lo: number;
  hi: number;
}

/** Pass one: series number and position of every row, and each series' grain and span. */
function assignSeries(obs: Observation[]): { list: Span[]; seriesOf: Int32Array; positionOf: Int32Array } {
  // Nested maps, not concatenated keys: 720,000 observations should not mean 720,000 new strings.
  const ids = new Map<string, Map<string, number>>();
  const list: Span[] = [];
  const seriesOf = new Int32Array(obs.length);
  for (let r = 0; r < obs.length; r++) {
    const o = obs[r];
    let byUnit = ids.get(o.measure);
    if (!byUnit) ids.set(o.measure, (byUnit = new Map()));
    let id = byUnit.get(o.unit);
    if (id === undefined) {
      id = list.length;
      byUnit.set(o.unit, id);
      list.push({ measure: o.measure, unit: o.unit, monthly: false, lo: Infinity, hi: -Infinity });
    }
    seriesOf[r] = id;
    if (monthPosition(o.period) >= 0) list[id].monthly = true;
  }
  const positionOf = new Int32Array(obs.length);
  for (let r = 0; r < obs.length; r++) {
    const span = list[seriesOf[r]];
    const p = span.monthly ? monthPosition(obs[r].period) : yearPosition(obs[r].period);
    positionOf[r] = p;
    if (p < 0) continue;
    if (p < span.lo) span.lo = p;
    if (p > span.hi) span.hi = p;
  }
  return { list, seriesOf, positionOf };
}

/** Month index of a `YYYY-MM` string, or -1. Reads char codes: no regex or allocation per row. */
function monthPosition(period: string): number {
  if (period.length !== 7 || period.charCodeAt(4) !== 45) return -1;
  const year = digits(period, 0, 4);
  const month = digits(period, 5, 7);
  return year < 0 || month < 1 || month > 12 ? -1 : year * 12 + month - 1;
}

/** The year of a `YYYY` string, or -1. */
function yearPosition(period: string): number {
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

function key3(measure: string, unit: string, period: string): string {
  return `${measure}\u0000${unit}\u0000${period}`;
}

/** Pass two: one observation into its series (the first row for a period wins). */
function fillRow(s: SeriesData, o: Observation, row: number, position: number, badKeys: Set<string>): void {
  if (position < 0) {
    // A YYYY row beside monthly rows carries the fiscal year's target.
    if (o.target !== undefined && isYear(o.period)) s.yearTargets.set(Number(o.period), o.target);
    return;
  }
  const i = position - s.start;
  if (s.present[i]) return;
  s.present[i] = 1;
  s.rowOf[i] = row;
  if (o.actual !== undefined) s.actual[i] = o.actual;
  if (o.milestone !== undefined) s.milestone[i] = o.milestone;
  if (o.target !== undefined) s.target[i] = o.target;
  if (o.numerator !== undefined) s.numerator[i] = o.numerator;
  if (o.denominator !== undefined) s.denominator[i] = o.denominator;
  if (o.priorActual !== undefined) s.priorActual[i] = o.priorActual;
  if (badKeys.size > 0 && badKeys.has(key3(o.measure, o.unit, o.period))) s.bad[i] = 1;
}

/** Hands out NaN-filled Float64 and zeroed Uint8 views of two shared buffers. */
export class SeriesPool {
  private readonly f64: Float64Array;
  private readonly u8: Uint8Array;
  private readonly i32: Int32Array;
  private f64At = 0;
  private u8At = 0;
  private i32At = 0;
  /** Room for `positions` positions of whole series. Example: `new SeriesPool(36 * 20000)`. */
  constructor(positions: number) {
    this.f64 = new Float64Array(positions * 6).fill(NaN);
    this.u8 = new Uint8Array(positions * 2);
    this.i32 = new Int32Array(positions).fill(-1);
  }
  ints(length: number): Int32Array {
    const v = this.i32.subarray(this.i32At, this.i32At + length);
    this.i32At += length;
    return v;
  }
  floats(length: number): Float64Array {
    const v = this.f64.subarray(this.f64At, this.f64At + length);
    this.f64At += length;
    return v;
  }
  bytes(length: number): Uint8Array {
    const v = this.u8.subarray(this.u8At, this.u8At + length);
    this.u8At += length;
    return v;
  }
}

/** A series with every value missing. Example: `emptySeries(m, "All units", true, 24312, 12).actual[0]` is NaN. */
export function emptySeries(
  measure: MeasureDef,
  unit: string,
  monthly: boolean,
  start: number,
  length: number,
  pool: SeriesPool = new SeriesPool(length),
  observations: Observation[] = [],
): SeriesData {
  const nan = () => pool.floats(length);
  return {
    measure,
    unit,
    monthly,
    start,
    length,
    actual: nan(),
    milestone: nan(),
    target: nan(),
    numerator: nan(),
    denominator: nan(),
    priorActual: nan(),
    bad: pool.bytes(length),
    present: pool.bytes(length),
    rowOf: pool.ints(length),
    observations,
    yearTargets: new Map(),
  };
}

/** Where a position's row came from, for findings. Example: `sourceAt(s, 3)?.address`. */
export function sourceAt(s: SeriesData, position: number): CellRef | undefined {
  if (position < 0 || position >= s.length) return undefined;
  const row = s.rowOf[position];
  return row >= 0 ? s.observations[row]?.source : undefined;
}

/** The value at a position, undefined when missing or outside the series. Example: `at(s.actual, 3)`. */
export function at(values: Float64Array, position: number): number | undefined {
  if (position < 0 || position >= values.length) return undefined;
  const v = values[position];
  return Number.isNaN(v) ? undefined : v;
}

/** The plan for a period: its milestone, else its target. Example: `planAt(s, 3)`. */
export function planAt(s: SeriesData, position: number): number | undefined {
  return at(s.milestone, position) ?? at(s.target, position);
}

/** A usable actual: present, a number, and not hit by a data error. Example: `goodActualAt(s, 3)`. */
export function goodActualAt(s: SeriesData, position: number): number | undefined {
  if (position < 0 || position >= s.length || s.bad[position]) return undefined;
  return at(s.actual, position);
}

/** Positions of the fiscal year to date ending at a position (one position for yearly series). Example: `ytdRange(s, 5, 10)`. */
export function ytdRange(s: SeriesData, position: number, fyStartMonth: number): [number, number] {
  if (!s.monthly) return [position, position];
  return [position - fiscalMonthOffsetOfIndex(s.start + position, fyStartMonth), position];
}

/** The fiscal year of a position. Example: `fiscalYearAt(s, 0, 10)`. */
export function fiscalYearAt(s: SeriesData, position: number, fyStartMonth: number): number {
  return s.monthly ? fiscalYearOfIndex(s.start + position, fyStartMonth) : s.start + position;
}

/** Positions per period of the same period last year: 12 for months, 1 for years. Example: `lagOneYear(s) === 12`. */
export function lagOneYear(s: SeriesData): number {
  return s.monthly ? 12 : 1;
}
