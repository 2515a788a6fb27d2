/**
 * Period and year-to-date values of one series: actual, plan (milestone else target), target
 * and last year's actual. Counts and amounts add up; rates and ratios are weighted by their
 * denominator when every month has one, otherwise each month counts equally.
 */
import { at, goodActualAt, lagOneYear, planAt } from "../index/access";
import type { SeriesData } from "../index/series";

export interface Aggregate {
  actual?: number;
  plan?: number;
  target?: number;
  lastYear?: number;
  /** Positions in the range whose actual is missing (no row, blank, or a data error). */
  missing: number[];
}

const NONE: number[] = [];

/** True for kinds that add up across months and units. Example: `isAdditive("count") === true`. */
export function isAdditive(kind: string): boolean {
  return kind === "count" || kind === "amount";
}

/** The values of a single period. Example: `periodAggregate(s, 14).actual`. */
export function periodAggregate(s: SeriesData, position: number): Aggregate {
  const actual = goodActualAt(s, position);
  const back = position - lagOneYear(s);
  return {
    actual,
    plan: planAt(s, position),
    target: at(s.target, position),
    lastYear: goodActualAt(s, back) ?? at(s.priorActual, position),
    missing: actual === undefined ? [position] : NONE,
  };
}

/**
 * The fiscal year to date from `first` to `last` (inclusive). Any missing month leaves the
 * actual undefined and is listed in `missing`. Sums run in place (no arrays): this runs 720,000
 * times when every point of a large scorecard is checked. Example: `rangeAggregate(s, 9, 14).actual`.
 */
export function rangeAggregate(s: SeriesData, first: number, last: number): Aggregate {
  const additive = isAdditive(s.measure.kind);
  const lag = lagOneYear(s);
  const a = new Sums();
  const p = new Sums();
  const t = new Sums();
  const ly = new Sums();
  let weighted = true;
  let lyWeighted = true;
  let missing: number[] | undefined;
  // Reads the arrays directly (NaN = missing): this loop is the hottest in a 720,000-point check.
  const { actual: A, milestone: M, target: T, denominator: D, priorActual: PA, bad } = s;
  for (let i = first; i <= last; i++) {
    const w = valueIn(D, i);
    const weight = w !== undefined && w > 0 ? w : 0;
    if (weight === 0) weighted = false;
    const actual = goodIn(A, bad, i);
    if (actual === undefined) (missing ??= []).push(i);
    a.add(actual, weight);
    p.add(valueIn(M, i) ?? valueIn(T, i), weight);
    t.add(valueIn(T, i), weight);
    // Last year's months weigh by last year's denominators; prior_actual has none, so AVERAGE.
    const lyActual = goodIn(A, bad, i - lag);
    const lyW = lyActual === undefined ? undefined : valueIn(D, i - lag);
    const lyWeight = lyW !== undefined && lyW > 0 ? lyW : 0;
    if (lyWeight === 0) lyWeighted = false;
    ly.add(lyActual ?? valueIn(PA, i), lyWeight);
  }
  return {
    actual: missing ? undefined : a.total(additive, weighted),
    plan: p.total(additive, weighted),
    target: t.total(additive, weighted),
    lastYear: ly.total(additive, lyWeighted),
    missing: missing ?? [],
  };
}

function valueIn(values: Float64Array, i: number): number | undefined {
  return i >= 0 && i < values.length && values[i] === values[i] ? values[i] : undefined;
}

function goodIn(actual: Float64Array, bad: Uint8Array, i: number): number | undefined {
  return i >= 0 && i < actual.length && !bad[i] && actual[i] === actual[i] ? actual[i] : undefined;
}

/** Running SUM, SUMPRODUCT with weights, and count; undefined once any value is missing. */
class Sums {
  sum = 0;
  weightedSum = 0;
  weights = 0;
  count = 0;
  complete = true;
  add(value: number | undefined, weight: number): void {
    if (value === undefined) {
      this.complete = false;
      return;
    }
    this.sum += value;
    this.weightedSum += value * weight;
    this.weights += weight;
    this.count++;
  }
  /** SUM for additive kinds; SUMPRODUCT/SUM(weights) when every month is weighted; else AVERAGE. */
  total(additive: boolean, weighted: boolean): number | undefined {
    if (!this.complete || this.count === 0) return undefined;
    if (additive) return this.sum;
    return weighted ? this.weightedSum / this.weights : this.sum / this.count;
  }
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
