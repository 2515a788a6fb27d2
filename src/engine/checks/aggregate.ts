/**
 * Period and year-to-date values of one series: actual, plan (milestone else target), target
 * and last year's actual. Counts and amounts add up; rates and ratios are weighted by their
 * denominator when every month has one, otherwise each month counts equally.
 */
import { lagOneYear } from "../index/access";
import type { SeriesData } from "../index/series";

export interface Aggregate {
  actual?: number;
  plan?: number;
  target?: number;
  lastYear?: number;
  /** Positions in the range whose actual is missing (no row, blank, or a data error). */
  missing: number[];
}

/** The `missing` of an aggregate that misses nothing: one shared empty list, never written. */
const NONE: number[] = [];

/** True for kinds that add up across months and units. Example: `isAdditive("count") === true`. */
export function isAdditive(kind: string): boolean {
  return kind === "count" || kind === "amount";
}

/** The values of a single period. Example: `periodAggregate(s, 14).actual`. */
export function periodAggregate(s: SeriesData, position: number): Aggregate {
  // As goodActualAt, planAt and at read them, with this module's helpers: the check calls this
  // for every row, and under the bench's loader each imported call goes through a getter.
  const { actual: A, milestone: M, target: T, priorActual: PA, bad } = s;
  const actual = goodAt(A, bad, position);
  const milestone = valueAt(M, position);
  const lastYear = goodAt(A, bad, position - (s.monthly ? 12 : 1));
  return {
    actual: orUndefined(actual),
    plan: orUndefined(milestone === milestone ? milestone : valueAt(T, position)),
    target: orUndefined(valueAt(T, position)),
    lastYear: orUndefined(lastYear === lastYear ? lastYear : valueAt(PA, position)),
    missing: actual === actual ? NONE : [position],
  };
}

/** A value, or undefined for NaN (missing). */
function orUndefined(value: number): number | undefined {
  return value === value ? value : undefined;
}

/**
 * The fiscal year to date from `first` to `last` (inclusive). Any missing month leaves the
 * actual undefined and is listed in `missing`. Sums run in local variables (no arrays, no
 * accumulator objects): this runs 720,000 times when every point of a large scorecard is
 * checked. Example: `rangeAggregate(s, 9, 14).actual`.
 */
export function rangeAggregate(s: SeriesData, first: number, last: number): Aggregate {
  const additive = isAdditive(s.measure.kind);
  const lag = lagOneYear(s);
  // Per value: SUM, SUMPRODUCT with the weights, SUM of the weights and how many months had one.
  let aSum = 0;
  let aProduct = 0;
  let aWeights = 0;
  let aCount = 0;
  let pSum = 0;
  let pProduct = 0;
  let pWeights = 0;
  let pCount = 0;
  let tSum = 0;
  let tProduct = 0;
  let tWeights = 0;
  let tCount = 0;
  let lySum = 0;
  let lyProduct = 0;
  let lyWeights = 0;
  let lyCount = 0;
  let weighted = true;
  let lyWeighted = true;
  let missing: number[] | undefined;
  // Reads the arrays directly (NaN = missing): this loop is the hottest in a 720,000-point check.
  const { actual: A, milestone: M, target: T, denominator: D, priorActual: PA, bad } = s;
  for (let i = first; i <= last; i++) {
    const w = valueAt(D, i);
    const weight = w > 0 ? w : 0;
    if (weight === 0) weighted = false;
    const actual = goodAt(A, bad, i);
    if (actual !== actual) (missing ??= []).push(i);
    else {
      aSum += actual;
      aProduct += actual * weight;
      aWeights += weight;
      aCount++;
    }
    const m = valueAt(M, i);
    const plan = m === m ? m : valueAt(T, i);
    if (plan === plan) {
      pSum += plan;
      pProduct += plan * weight;
      pWeights += weight;
      pCount++;
    }
    const target = valueAt(T, i);
    if (target === target) {
      tSum += target;
      tProduct += target * weight;
      tWeights += weight;
      tCount++;
    }
    // Last year's months weigh by last year's denominators; prior_actual has none, so AVERAGE.
    const lyActual = goodAt(A, bad, i - lag);
    const lyW = lyActual === lyActual ? valueAt(D, i - lag) : NAN[0];
    const lyWeight = lyW > 0 ? lyW : 0;
    if (lyWeight === 0) lyWeighted = false;
    const ly = lyActual === lyActual ? lyActual : valueAt(PA, i);
    if (ly === ly) {
      lySum += ly;
      lyProduct += ly * lyWeight;
      lyWeights += lyWeight;
      lyCount++;
    }
  }
  const months = last - first + 1;
  return {
    actual: total(aSum, aProduct, aWeights, aCount, months, additive, weighted),
    plan: total(pSum, pProduct, pWeights, pCount, months, additive, weighted),
    target: total(tSum, tProduct, tWeights, tCount, months, additive, weighted),
    lastYear: total(lySum, lyProduct, lyWeights, lyCount, months, additive, lyWeighted),
    missing: missing ?? NONE,
  };
}

/**
 * SUM for additive kinds; SUMPRODUCT/SUM(weights) when every month is weighted; else AVERAGE.
 * Undefined unless every one of the `months` had a value.
 */
function total(
  sum: number,
  product: number,
  weights: number,
  count: number,
  months: number,
  additive: boolean,
  weighted: boolean,
): number | undefined {
  if (count === 0 || count !== months) return undefined;
  if (additive) return sum;
  return weighted ? product / weights : sum / count;
}

/**
 * NaN as read from a typed array, for the loop above: a value that is either `values[i]` or NaN
 * stays an unboxed double only when both come from typed arrays. With the NaN literal, V8 (Node
 * 20) kept each such value as a fresh heap number, four per month: 720 bytes per call, 14 MB of
 * garbage in a 20,000-row check (now 144 bytes, the result). Never written.
 */
const NAN = new Float64Array([NaN]);

/** The value at a position, NaN when missing or outside the array. */
function valueAt(values: Float64Array, i: number): number {
  return i >= 0 && i < values.length ? values[i] : NAN[0];
}

/** The usable actual at a position (NaN when missing, outside the array, or hit by a data error). */
function goodAt(actual: Float64Array, bad: Uint8Array, i: number): number {
  return i >= 0 && i < actual.length && !bad[i] ? actual[i] : NAN[0];
}

/** SUM for additive kinds; SUMPRODUCT(values, weights)/SUM(weights) or AVERAGE for levels. Example: `combine([90, 20], [100, 50], false) === 66.666...`. */
export function combine(
  values: number[],
  weights: number[] | undefined,
  additive: boolean,
): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  if (additive) {
    for (const v of values) sum += v;
    return sum;
  }
  if (weights) {
    let wsum = 0;
    for (let i = 0; i < values.length; i++) {
      sum += values[i] * weights[i];
      wsum += weights[i];
    }
    return sum / wsum;
  }
  for (const v of values) sum += v;
  return sum / values.length;
}
