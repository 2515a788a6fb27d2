/**
 * Period and year-to-date values of one series: actual, plan (milestone else target), target
 * and last year's actual. Counts and amounts add up; rates and ratios are weighted by their
 * denominator when every month has one, otherwise each month counts equally.
 */
import { at, goodActualAt, lagOneYear, planAt, type SeriesData } from "./series";

export interface Aggregate {
  actual?: number;
  plan?: number;
  target?: number;
  lastYear?: number;
  /** Positions in the range whose actual is missing (no row, blank, or a data error). */
  missing: number[];
}

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
    missing: actual === undefined ? [position] : [],
  };
}

/**
 * The fiscal year to date from `first` to `last` (inclusive). Any missing month leaves the
 * actual undefined and is listed in `missing`. Example: `rangeAggregate(s, 9, 14).actual`.
 */
export function rangeAggregate(s: SeriesData, first: number, last: number): Aggregate {
  const additive = isAdditive(s.measure.kind);
  const lag = lagOneYear(s);
  const actuals: number[] = [];
  const plans: (number | undefined)[] = [];
  const targets: (number | undefined)[] = [];
  const lastYears: (number | undefined)[] = [];
  const weights: (number | undefined)[] = [];
  const missing: number[] = [];
  for (let p = first; p <= last; p++) {
    const a = goodActualAt(s, p);
    if (a === undefined) missing.push(p);
    else actuals.push(a);
    plans.push(planAt(s, p));
    targets.push(at(s.target, p));
    lastYears.push(goodActualAt(s, p - lag) ?? at(s.priorActual, p));
    weights.push(at(s.denominator, p));
  }
  const w = weights.every((x) => x !== undefined && x > 0) ? (weights as number[]) : undefined;
  return {
    actual: missing.length > 0 ? undefined : combine(actuals, w, additive),
    plan: combineAll(plans, w, additive),
    target: combineAll(targets, w, additive),
    lastYear: combineAll(lastYears, undefined, additive),
    missing,
  };
}

function combineAll(
  values: (number | undefined)[],
  weights: number[] | undefined,
  additive: boolean,
): number | undefined {
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return combine(values as number[], weights, additive);
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
