/**
 * Shared indexing for detectors: observations grouped into one sorted series per
 * measure x unit with dense value arrays (NaN = missing), and cached fiscal-year summaries.
 * Built once per scorecard, so seventeen detectors over 720,000 points pay for it once.
 */
import { isAdditive as isAdditiveKind } from "../checks/aggregate";
import { directionSign } from "../checks/compare";
import type { MeasureDef, Observation, Scorecard } from "../model";
import { fiscalMonthOffsetOfIndex, fiscalYearOfIndex } from "../period";

/** One measure x unit, points sorted by period, first occurrence kept. */
export interface Series {
  measure: MeasureDef;
  unit: string;
  /** True when every period is `YYYY-MM`; false when every period is `YYYY`. */
  monthly: boolean;
  points: Observation[];
  /** Month index per point (monthly) or the year (annual). */
  index: number[];
  /** Fiscal year per point. */
  fiscalYear: Int32Array;
  /** 0-11 position in the fiscal year (monthly), 0 for annual points. */
  fiscalMonth: Int8Array;
  actual: Float64Array;
  milestone: Float64Array;
  target: Float64Array;
  /** Extra rows for a period already seen, for the duplicate check. */
  duplicates: Observation[];
  /** Fiscal-year targets from `YYYY` rows beside monthly rows (the long CSV convention). */
  yearTargets: Map<number, number>;
}

/** A fiscal year's target and actual for one series. */
export interface YearSummary {
  year: number;
  target?: number;
  actual?: number;
  /** Months with an actual (12 for a complete monthly year, 1 for an annual row). */
  actualMonths: number;
  /** The year's points are `series.points[first .. first + count - 1]` (count 0: a target row only). */
  first: number;
  count: number;
}

/** The periods a year summary covers. Example: `yearPeriods(series, y)[0] === "2026-01"`. */
export function yearPeriods(s: Series, y: YearSummary): string[] {
  if (y.count === 0) return [String(y.year)];
  return s.points.slice(y.first, y.first + y.count).map((o) => o.period);
}

export interface SeriesIndex {
  series: Series[];
  measures: Map<string, MeasureDef>;
  byMeasure: Map<string, Series[]>;
  /** Observations whose measure is not defined, or whose period is neither YYYY nor YYYY-MM. */
  orphans: Observation[];
}

const cache = new WeakMap<Scorecard, SeriesIndex>();
const yearCache = new WeakMap<Series, YearSummary[]>();

/** Group a scorecard's observations into series, cached per scorecard object. Example: `indexSeries(sc).series.length`. */
export function indexSeries(scorecard: Scorecard): SeriesIndex {
  const hit = cache.get(scorecard);
  if (hit) return hit;
  const measures = new Map(scorecard.measures.map((m) => [m.id, m]));
  const groups = new Map<string, Map<string, Observation[]>>();
  const orphans: Observation[] = [];
  // Rows usually arrive grouped by measure and unit, so remember the last group and skip the maps.
  let lastMeasure: string | undefined;
  let lastUnit: string | undefined;
  let lastList: Observation[] = [];
  for (const obs of scorecard.observations) {
    if (obs.measure === lastMeasure && obs.unit === lastUnit) {
      if (periodKey(obs.period) < 0) orphans.push(obs);
      else lastList.push(obs);
      continue;
    }
    if (!measures.has(obs.measure) || periodKey(obs.period) < 0) {
      orphans.push(obs);
      continue;
    }
    let byUnit = groups.get(obs.measure);
    if (!byUnit) groups.set(obs.measure, (byUnit = new Map()));
    let list = byUnit.get(obs.unit);
    if (!list) byUnit.set(obs.unit, (list = []));
    list.push(obs);
    lastMeasure = obs.measure;
    lastUnit = obs.unit;
    lastList = list;
  }
  const series: Series[] = [];
  const byMeasure = new Map<string, Series[]>();
  const pool = newPool(scorecard.observations.length);
  for (const [measureId, byUnit] of groups) {
    const arr: Series[] = [];
    for (const list of byUnit.values())
      arr.push(seriesOf(list, measures.get(measureId)!, scorecard.fyStartMonth, pool));
    byMeasure.set(measureId, arr);
    for (const s of arr) series.push(s);
  }
  const result = { series, measures, byMeasure, orphans };
  cache.set(scorecard, result);
  return result;
}

/**
 * One buffer per field for the whole scorecard, handed out as views: 20,000 series then cost
 * 100,000 small views instead of 100,000 small buffers the garbage collector must copy.
 */
interface Pool {
  f64: Float64Array;
  i32: Int32Array;
  i8: Int8Array;
  size: number;
  at: number;
}

function newPool(size: number): Pool {
  return { f64: new Float64Array(3 * size), i32: new Int32Array(size), i8: new Int8Array(size), size, at: 0 };
}

function seriesOf(list: Observation[], measure: MeasureDef, fyStart: number, pool: Pool): Series {
  let monthCount = 0;
  for (const o of list) if (o.period.length === 7) monthCount++;
  if (monthCount === 0) return build(list, measure, false, fyStart, pool);
  const months = monthCount === list.length ? list : list.filter((o) => o.period.length === 7);
  const years = monthCount === list.length ? [] : list.filter((o) => o.period.length !== 7);
  const monthly = build(months, measure, true, fyStart, pool);
  // A YYYY row beside monthly rows carries the fiscal year's target, as in the checks engine.
  for (const o of years) {
    const t = finite(o.target);
    if (t !== undefined && !monthly.yearTargets.has(Number(o.period)))
      monthly.yearTargets.set(Number(o.period), t);
  }
  return monthly;
}

/** Month index for `YYYY-MM`, the year for `YYYY`, -1 otherwise (no regex, for speed). Example: `periodKey("2026-01") === 24312`. */
export function periodKey(p: string): number {
  if (p.length === 7 && p.charCodeAt(4) === 45) {
    const y = digitsValue(p, 0, 4);
    const m = digitsValue(p, 5, 7);
    return y >= 0 && m >= 1 && m <= 12 ? y * 12 + m - 1 : -1;
  }
  return p.length === 4 ? digitsValue(p, 0, 4) : -1;
}

function digitsValue(p: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = p.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function build(
  list: Observation[],
  measure: MeasureDef,
  monthly: boolean,
  fyStart: number,
  pool: Pool,
): Series {
  const n0 = list.length;
  const keys = new Array<number>(n0);
  let sorted = true;
  let unique = true;
  for (let i = 0; i < n0; i++) {
    keys[i] = periodKey(list[i].period);
    if (i > 0 && keys[i - 1] >= keys[i]) {
      if (keys[i - 1] === keys[i]) unique = false;
      else sorted = false;
    }
  }
  let points = list;
  let index = keys;
  const duplicates: Observation[] = [];
  if (!sorted || !unique) {
    const order = Array.from({ length: n0 }, (_, i) => i);
    order.sort((a, b) => keys[a] - keys[b] || a - b);
    points = [];
    index = [];
    for (const i of order) {
      if (index.length > 0 && index[index.length - 1] === keys[i]) duplicates.push(list[i]);
      else {
        points.push(list[i]);
        index.push(keys[i]);
      }
    }
  }
  const n = points.length;
  const at = pool.at;
  pool.at += n;
  const s: Series = {
    measure,
    unit: list[0].unit,
    monthly,
    points,
    index,
    fiscalYear: pool.i32.subarray(at, at + n),
    fiscalMonth: pool.i8.subarray(at, at + n),
    actual: pool.f64.subarray(at, at + n),
    milestone: pool.f64.subarray(pool.size + at, pool.size + at + n),
    target: pool.f64.subarray(2 * pool.size + at, 2 * pool.size + at + n),
    duplicates,
    yearTargets: new Map(),
  };
  for (let i = 0; i < n; i++) {
    const o = points[i];
    s.actual[i] = num(o.actual);
    s.milestone[i] = num(o.milestone);
    s.target[i] = num(o.target);
    if (monthly) {
      s.fiscalYear[i] = fiscalYearOfIndex(index[i], fyStart);
      s.fiscalMonth[i] = fiscalMonthOffsetOfIndex(index[i], fyStart);
    } else {
      s.fiscalYear[i] = index[i];
      s.fiscalMonth[i] = 0;
    }
  }
  return s;
}

function num(v: number | undefined): number {
  return typeof v === "number" && Number.isFinite(v) ? v : NaN;
}

/** +1 when higher is better, -1 when lower is better, 0 for bands. Example: `goodSign({direction:"down"}) === -1`. */
export function goodSign(measure: Pick<MeasureDef, "direction">): 1 | -1 | 0 {
  return directionSign(measure.direction);
}

/** True for measures that add up across months and units. Example: `isAdditive({kind:"count"}) === true`. */
export function isAdditive(measure: Pick<MeasureDef, "kind">): boolean {
  return isAdditiveKind(measure.kind);
}

/**
 * Fiscal-year summaries (cached). Annual rows are taken as they are. For months: the actual is
 * the sum (counts, amounts) or, for rates and ratios, SUMPRODUCT(actual, denominator) /
 * SUM(denominator) when every month has a denominator (as the checks engine's year to date),
 * else the plain mean; set only when all 12 months have one; the target is the `YYYY` row's target when there is one, else
 * the 12 monthly targets combined the same way. Example: `yearSummaries(series)[0].actual`.
 */
export function yearSummaries(s: Series): YearSummary[] {
  const hit = yearCache.get(s);
  if (hit) return hit;
  const out: YearSummary[] = [];
  if (!s.monthly) {
    for (let i = 0; i < s.points.length; i++) {
      const a = s.actual[i];
      const t = s.target[i];
      out.push({
        year: s.index[i],
        target: t === t ? t : undefined,
        actual: a === a ? a : undefined,
        actualMonths: a === a ? 1 : 0,
        first: i,
        count: 1,
      });
    }
  } else {
    let start = 0;
    for (let i = 1; i <= s.points.length; i++) {
      if (i < s.points.length && s.fiscalYear[i] === s.fiscalYear[start]) continue;
      out.push(summarizeMonths(s, start, i));
      start = i;
    }
    // A year with a target row but no months yet (next year's target) still needs a summary.
    const seen = new Set(out.map((y) => y.year));
    for (const [year, target] of s.yearTargets)
      if (!seen.has(year)) out.push({ year, target, actualMonths: 0, first: 0, count: 0 });
    out.sort((a, b) => a.year - b.year);
  }
  yearCache.set(s, out);
  return out;
}

function summarizeMonths(s: Series, from: number, to: number): YearSummary {
  const additive = isAdditive(s.measure);
  let nA = 0;
  let sumA = 0;
  let nT = 0;
  let sumT = 0;
  let weightedSum = 0;
  let den = 0;
  let weighted = true;
  for (let i = from; i < to; i++) {
    const a = s.actual[i];
    if (a === a) {
      nA++;
      sumA += a;
    }
    const t = s.target[i];
    if (t === t) {
      nT++;
      sumT += t;
    }
    // Weighted by the denominator alone, like the checks: an actual given beside a denominator
    // (no numerator) must not fall back to an average of percentages.
    const de = finite(s.points[i].denominator);
    if (a !== a || de === undefined || !(de > 0)) weighted = false;
    else {
      weightedSum += a * de;
      den += de;
    }
  }
  const year = s.fiscalYear[from];
  let actual: number | undefined;
  if (nA === 12) {
    if (additive) actual = sumA;
    else actual = weighted ? weightedSum / den : sumA / 12;
  }
  let target = s.yearTargets.get(year);
  if (target === undefined && nT === 12) target = additive ? sumT : sumT / 12;
  return { year, target, actual, actualMonths: nA, first: from, count: to - from };
}

/** A finite number or undefined. Example: `finite(NaN) === undefined`. */
export function finite(v: number | undefined): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Plain sum. Example: `sumOf([1, 2]) === 3`. */
export function sumOf(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/** Relative or point gap, whichever the brief asks: points for rates, percent otherwise. Example: `gapOf("rate", 90, 85) === 5`. */
export function gapOf(kind: MeasureDef["kind"], a: number, b: number): number {
  if (kind === "rate") return a - b;
  const base = Math.abs(b);
  return base === 0 ? (a === b ? 0 : Math.sign(a - b) * Infinity) : ((a - b) / base) * 100;
}
