/**
 * Year-end forecasts for a monthly series, three ways: run rate, seasonal run rate (the
 * remaining months take their share from prior years) and linear trend; an interval from how
 * far the same method missed in prior years; and a label naming the method.
 * Counts and amounts forecast the year's total; rates and ratios the year's level.
 */
import { isAdditive } from "../checks/aggregate";
import { roundForRule } from "../checks/status";
import { at, fiscalYearAt, planAt, ytdFirst } from "../index/access";
import type { SeriesData } from "../index/series";
import {
  ForecastTable,
  METHODS,
  YearSlot,
  type ForecastMethod,
  type YearData,
  type YearEndForecast,
} from "./record";

export {
  METHOD_NAMES,
  METHODS,
  ForecastRecord,
  ForecastTable,
  type ForecastMethod,
  type MethodForecast,
  type YearData,
  type YearEndForecast,
} from "./record";

/**
 * Forecast the fiscal year containing position `t`. Example:
 * `forecastYearEnd(series, 5, 1).label === "likely to meet target (run rate)"`.
 */
export function forecastYearEnd(s: SeriesData, t: number, fyStartMonth: number): YearEndForecast {
  return forecastInto(new ForecastTable(1), s, t, fyStartMonth);
}

/**
 * Forecast the fiscal year containing position `t` into the next slot of a table (a check writes
 * all its forecasts into one). Example: `forecastInto(new ForecastTable(1), series, 5, 1).value`.
 */
export function forecastInto(
  table: ForecastTable,
  s: SeriesData,
  t: number,
  fyStartMonth: number,
): YearEndForecast {
  const fiscalYear = fiscalYearAt(s, t, fyStartMonth);
  const first = ytdFirst(s, t, fyStartMonth);
  const n = t - first + 1;
  const i = table.size++;
  if (!s.monthly) {
    table.begin(i, fiscalYear, n, undefined);
    return table.end(i, "yearly");
  }
  const target = yearTarget(s, first, fiscalYear, t);
  table.begin(i, fiscalYear, n, target);
  const current = yearData(table.current, s, first);
  if (!complete(current, n)) return table.end(i, "gaps");
  const history = table.history;
  const years = priorYears(history, s, first);
  const additive = isAdditive(s.measure.kind);
  // Written into the table's columns, with no objects or arrays per forecast: this runs for each
  // of 20,000 series in a large check, and what a forecast kept was most of the check's memory.
  let chosen = -1;
  let chosenValue = 0;
  for (let k = 0; k < METHODS.length; k++) {
    const method = METHODS[k];
    const value = forecastWith(method, current, n, history, additive, years);
    if (value === undefined || !Number.isFinite(value)) continue;
    table.method(i, k, value);
    intervalFor(method, value, n, history, years, additive, table, i, k);
    if (method === "seasonal-run-rate" || (method === "run-rate" && chosen < 0)) {
      chosen = k;
      chosenValue = value;
    }
  }
  if (chosen < 0) return table.end(i, "none");
  return table.end(i, "found", chosen, meetsTarget(s, chosenValue, target));
}

/**
 * One method's forecast from the first n months of a year and the first `historyCount` complete
 * prior years. Reads the arrays in place (no slices): it runs several times for each of 20,000
 * series in a large check. Example: `forecastWith("run-rate", { values: [10, 10, 10], weights: [] }, 3, [], true) === 120`.
 */
export function forecastWith(
  method: ForecastMethod,
  year: YearData,
  n: number,
  history: YearData[],
  additive: boolean,
  historyCount = history.length,
): number | undefined {
  const ytd = level(year, n, additive);
  if (ytd === undefined) return undefined;
  if (n >= 12) return ytd;
  if (method === "run-rate") return additive ? (ytd * 12) / n : ytd;
  if (method === "seasonal-run-rate") {
    if (historyCount === 0) return undefined;
    if (additive) {
      let part = 0;
      let whole = 0;
      for (let h = 0; h < historyCount; h++) {
        const v = history[h].values as ArrayLike<number>;
        const from = history[h].from ?? 0;
        for (let k = 0; k < 12; k++) {
          whole += v[from + k];
          if (k < n) part += v[from + k];
        }
      }
      return part > 0 ? ytd * (whole / part) : undefined;
    }
    let lift = 0;
    for (let h = 0; h < historyCount; h++)
      lift += level(history[h], 12, false)! - level(history[h], n, false)!;
    return ytd + lift / historyCount;
  }
  if (n < 3) return undefined;
  const { m, b } = lineThrough(year.values as ArrayLike<number>, year.from ?? 0, n);
  const remaining = 12 - n;
  const remainingMean = b + (m * (n + 11)) / 2;
  return additive ? ytd + remaining * remainingMean : (n * ytd + remaining * remainingMean) / 12;
}

/**
 * Of the first n months: SUM for totals; for levels SUMPRODUCT/SUM of the denominators when all n
 * have one above 0, else AVERAGE (as `combine` does, in the same order of operations).
 */
function level(year: YearData, n: number, additive: boolean): number | undefined {
  if (n === 0) return undefined;
  const values = year.values as ArrayLike<number>;
  const from = year.from ?? 0;
  let sum = 0;
  if (additive) {
    for (let k = 0; k < n; k++) sum += values[from + k];
    return sum;
  }
  const weights = year.weights;
  let weighted = weights.length - from >= n;
  for (let k = 0; k < n && weighted; k++) if (!(weights[from + k]! > 0)) weighted = false;
  if (weighted) {
    let wsum = 0;
    for (let k = 0; k < n; k++) {
      sum += values[from + k] * weights[from + k]!;
      wsum += weights[from + k]!;
    }
    return sum / wsum;
  }
  for (let k = 0; k < n; k++) sum += values[from + k];
  return sum / n;
}

/** Least squares through (k, values[from + k]) for k < n, as simple-statistics' linearRegression computes it. */
function lineThrough(values: ArrayLike<number>, from: number, n: number): { m: number; b: number } {
  if (n === 1) return { m: 0, b: values[from] };
  let sumX = 0;
  let sumY = 0;
  for (let k = 0; k < n; k++) {
    sumX += k;
    sumY += values[from + k];
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sumXY = 0;
  let sumXX = 0;
  for (let k = 0; k < n; k++) {
    const dx = k - meanX;
    sumXY += dx * (values[from + k] - meanY);
    sumXX += dx * dx;
  }
  const m = sumXY / sumXX;
  return { m, b: meanY - m * meanX };
}

/** True when the year's first n values are all numbers (not undefined, not NaN, not past the end). */
function complete(year: YearData, n: number): boolean {
  const values = year.values;
  const from = year.from ?? 0;
  if (values.length - from < n) return false;
  for (let k = 0; k < n; k++) if (!(values[from + k]! > -Infinity)) return false;
  return true;
}

/**
 * The year's usable actuals and denominators, read in place from the series' arrays (no views or
 * copies: this runs for every series of a large check), written into `year` (the forecast table's
 * own, reused: no object per forecast). The index's `actual` is NaN wherever a cell is unusable; a
 * year cut off by the series' start or end has fewer than 12 months left and so is never complete.
 */
function yearData(year: YearData, s: SeriesData, first: number): YearData {
  if (first < 0) {
    year.values = NO_VALUES;
    year.weights = NO_VALUES;
    year.from = 0;
  } else {
    year.values = s.actual;
    year.weights = s.denominator;
    year.from = first;
  }
  return year;
}

const NO_VALUES: readonly number[] = [];

/**
 * Prior fiscal years with all twelve actuals, oldest first, into the first entries of `years`
 * (the table's, reused and grown as needed); returns how many. A list and an object per year for
 * each of 20,000 forecasts were the largest part of a large check's short-lived memory.
 */
function priorYears(years: YearSlot[], s: SeriesData, first: number): number {
  let count = 0;
  let from = first - 12;
  while (from - 12 >= 0) from -= 12; // the oldest whole year in the series
  for (; from < first; from += 12) {
    if (from < 0) continue;
    if (count === years.length) years.push(new YearSlot());
    const y = yearData(years[count], s, from);
    if (complete(y, 12)) count++;
  }
  return count;
}

/**
 * Backtest: forecast each complete prior year at the same month using only the years before it,
 * and scale (totals) or shift (levels) today's forecast by the smallest and largest miss,
 * counting "no miss" too so the interval contains the forecast. Written as method k's interval
 * in slot i of the table; none when no prior year could be backtested. The complete prior years
 * are the first `historyCount` of `history`.
 */
function intervalFor(
  method: ForecastMethod,
  value: number,
  n: number,
  history: YearData[],
  historyCount: number,
  additive: boolean,
  table: ForecastTable,
  i: number,
  k: number,
): void {
  // The interval always holds the forecast itself (a miss of x1 or +0) and widens by past misses.
  let lo = additive ? 1 : 0;
  let hi = lo;
  let misses = 0;
  for (let i = 0; i < historyCount; i++) {
    const y = history[i];
    const f = forecastWith(method, y, n, history, additive, i);
    const actual = level(y, 12, additive);
    if (f === undefined || actual === undefined) continue;
    let miss: number;
    if (additive) {
      if (!(f > 0)) continue;
      miss = actual / f;
    } else miss = actual - f;
    misses++;
    if (miss < lo) lo = miss;
    if (miss > hi) hi = miss;
  }
  if (misses === 0) return;
  const a = additive ? value * lo : value + lo;
  const b = additive ? value * hi : value + hi;
  table.interval(i, k, Math.min(a, b), Math.max(a, b));
}

/** The fiscal year's target: its YYYY row, else the sum (totals) or last value (levels) of the months' targets. */
function yearTarget(s: SeriesData, first: number, fiscalYear: number, t: number): number | undefined {
  const fromYearRow = s.yearTargets.get(fiscalYear);
  if (fromYearRow !== undefined) return fromYearRow;
  if (!isAdditive(s.measure.kind)) return planAt(s, first + 11) ?? planAt(s, t);
  // The months' targets, else their plans (milestone, else target), when all twelve have one.
  for (let pick = 0; pick < 2; pick++) {
    let sum = 0;
    let ok = true;
    for (let k = 0; k < 12 && ok; k++) {
      const v = pick === 0 ? at(s.target, first + k) : planAt(s, first + k);
      if (v === undefined) ok = false;
      else sum += v;
    }
    if (ok) return sum;
  }
  return undefined;
}

/** Up: F >= T; down: F <= T; band: L <= F <= U (compared after rounding to 9 decimals). */
function meetsTarget(s: SeriesData, value: number, target: number | undefined): boolean | undefined {
  const { direction, lower, upper } = s.measure;
  if (direction === "band") {
    if (lower === undefined || upper === undefined) return undefined;
    return roundForRule(value) >= lower && roundForRule(value) <= upper;
  }
  if (target === undefined) return undefined;
  const gap = roundForRule(direction === "down" ? target - value : value - target);
  return gap >= 0;
}
