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

/**
 * An Aggregate written in place, for the check's rows: the four values as numbers, flags for those
 * the Aggregate has (its others are undefined), and how many positions miss their actual. A check
 * reuses two of them for all its rows: two objects and a boxed number for each value per row were
 * a fifth of a large check's short-lived memory.
 * Example: `periodInto(s, 14, new AggregateInto()).hasActual`.
 */
export class AggregateInto {
  // NaN, not 0: fields that start as small integers change representation on the first fraction
  // written, and the next check's new aggregates then threw away the code compiled for the rows.
  actual = NaN;
  plan = NaN;
  target = NaN;
  lastYear = NaN;
  hasActual = false;
  hasPlan = false;
  hasTarget = false;
  hasLastYear = false;
  missing = 0;
}

/** The values of a single period. Example: `periodAggregate(s, 14).actual`. */
export function periodAggregate(s: SeriesData, position: number): Aggregate {
  const into = periodInto(s, position, new AggregateInto());
  return asAggregate(into, into.missing > 0 ? [position] : NONE);
}

/** periodAggregate, written into `out`. Example: `periodInto(s, 14, out).actual`. */
export function periodInto(s: SeriesData, position: number, out: AggregateInto): AggregateInto {
  // As goodActualAt, planAt and at read them, with this module's NaN-for-missing helpers: the
  // check calls this for every row, and theirs answer undefined or a number that may need a box.
  const { actual: A, milestone: M, target: T, priorActual: PA, bad } = s;
  const actual = goodAt(A, bad, position);
  const milestone = valueAt(M, position);
  const ly = goodAt(A, bad, position - (s.monthly ? 12 : 1));
  const plan = milestone === milestone ? milestone : valueAt(T, position);
  const target = valueAt(T, position);
  const lastYear = ly === ly ? ly : valueAt(PA, position);
  out.actual = actual;
  out.plan = plan;
  out.target = target;
  out.lastYear = lastYear;
  out.hasActual = actual === actual;
  out.hasPlan = plan === plan;
  out.hasTarget = target === target;
  out.hasLastYear = lastYear === lastYear;
  out.missing = actual === actual ? 0 : 1;
  return out;
}

/** The Aggregate an AggregateInto stands for, with its missing positions. */
function asAggregate(into: AggregateInto, missing: number[]): Aggregate {
  return {
    actual: into.hasActual ? into.actual : undefined,
    plan: into.hasPlan ? into.plan : undefined,
    target: into.hasTarget ? into.target : undefined,
    lastYear: into.hasLastYear ? into.lastYear : undefined,
    missing,
  };
}

/**
 * Positions from `first` to `last` whose actual is missing (no row, blank, or a data error), as
 * rangeAggregate lists them. Example: `missingPositions(s, 9, 14)`.
 */
export function missingPositions(s: SeriesData, first: number, last: number): number[] {
  const missing: number[] = [];
  for (let i = first; i <= last; i++) {
    const actual = goodAt(s.actual, s.bad, i);
    if (actual !== actual) missing.push(i);
  }
  return missing;
}

/**
 * The fiscal year to date from `first` to `last` (inclusive). Any missing month leaves the
 * actual undefined and is listed in `missing`. Sums run in local variables (no arrays, no
 * accumulator objects): this runs 720,000 times when every point of a large scorecard is
 * checked. Example: `rangeAggregate(s, 9, 14).actual`.
 */
export function rangeAggregate(s: SeriesData, first: number, last: number): Aggregate {
  const into = rangeInto(s, first, last, new AggregateInto());
  return asAggregate(into, into.missing > 0 ? missingPositions(s, first, last) : NONE);
}

/** rangeAggregate, written into `out` (`missing` counts the positions). Example: `rangeInto(s, 9, 14, out).actual`. */
export function rangeInto(s: SeriesData, first: number, last: number, out: AggregateInto): AggregateInto {
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
  let missing = 0;
  // Reads the arrays directly (NaN = missing): this loop is the hottest in a 720,000-point check.
  const { actual: A, milestone: M, target: T, denominator: D, priorActual: PA, bad } = s;
  for (let i = first; i <= last; i++) {
    const w = valueAt(D, i);
    const weight = w > 0 ? w : 0;
    if (weight === 0) weighted = false;
    const actual = goodAt(A, bad, i);
    if (actual !== actual) missing++;
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
  out.actual = total(aSum, aProduct, aWeights, aCount, additive, weighted);
  out.plan = total(pSum, pProduct, pWeights, pCount, additive, weighted);
  out.target = total(tSum, tProduct, tWeights, tCount, additive, weighted);
  out.lastYear = total(lySum, lyProduct, lyWeights, lyCount, additive, lyWeighted);
  out.hasActual = whole(aCount, months);
  out.hasPlan = whole(pCount, months);
  out.hasTarget = whole(tCount, months);
  out.hasLastYear = whole(lyCount, months);
  out.missing = missing;
  return out;
}

/** True when every one of the `months` had a value: only then is the total defined. */
function whole(count: number, months: number): boolean {
  return count !== 0 && count === months;
}

/** SUM for additive kinds; SUMPRODUCT/SUM(weights) when every month is weighted; else AVERAGE (meant only where `whole`). */
function total(
  sum: number,
  product: number,
  weights: number,
  count: number,
  additive: boolean,
  weighted: boolean,
): number {
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
