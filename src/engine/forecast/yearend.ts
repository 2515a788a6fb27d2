/**
 * Year-end forecasts for a monthly series, three ways: run rate, seasonal run rate (the
 * remaining months take their share from prior years) and linear trend; an interval from how
 * far the same method missed in prior years; and a label naming the method.
 * Counts and amounts forecast the year's total; rates and ratios the year's level.
 */
import { linearRegression } from "simple-statistics";
import { combine, isAdditive } from "../checks/aggregate";
import { roundForRule } from "../checks/status";
import { at, fiscalYearAt, goodActualAt, planAt, ytdRange } from "../index/access";
import type { SeriesData } from "../index/series";

export type ForecastMethod = "run-rate" | "seasonal-run-rate" | "linear-trend";

/** Words for a method, as the label shows it. */
export const METHOD_NAMES: Record<ForecastMethod, string> = {
  "run-rate": "run rate",
  "seasonal-run-rate": "seasonal run rate",
  "linear-trend": "linear trend",
};

export interface MethodForecast {
  method: ForecastMethod;
  value: number;
  /** Low and high from the method's misses in prior years at the same month; absent without history. */
  interval?: [number, number];
}

export interface YearEndForecast {
  fiscalYear: number;
  monthsElapsed: number;
  target?: number;
  methods: MethodForecast[];
  /** The method the label uses: seasonal when a prior year exists, else run rate. */
  primary?: ForecastMethod;
  value?: number;
  interval?: [number, number];
  likely?: boolean;
  /** e.g. "likely to meet target (seasonal run rate)" or "no forecast: ...". */
  label: string;
}

/** One fiscal year's months: good actuals (undefined where missing) and denominators. */
export interface YearData {
  values: (number | undefined)[];
  weights: (number | undefined)[];
}

/**
 * Forecast the fiscal year containing position `t`. Example:
 * `forecastYearEnd(series, 5, 1).label === "likely to meet target (run rate)"`.
 */
export function forecastYearEnd(s: SeriesData, t: number, fyStartMonth: number): YearEndForecast {
  const fiscalYear = fiscalYearAt(s, t, fyStartMonth);
  const [first] = ytdRange(s, t, fyStartMonth);
  const n = t - first + 1;
  const base = { fiscalYear, monthsElapsed: n, methods: [] as MethodForecast[] };
  if (!s.monthly) return { ...base, label: "no forecast: yearly data" };
  const target = yearTarget(s, first, fiscalYear, t);
  const current = yearData(s, first);
  if (current.values.slice(0, n).some((v) => v === undefined)) {
    return { ...base, target, label: "no forecast: the year to date has gaps" };
  }
  const history = priorYears(s, first);
  const additive = isAdditive(s.measure.kind);
  const methods: MethodForecast[] = [];
  for (const method of ["run-rate", "seasonal-run-rate", "linear-trend"] as const) {
    const value = forecastWith(method, current, n, history, additive);
    if (value === undefined || !Number.isFinite(value)) continue;
    methods.push({ method, value, interval: intervalFor(method, value, n, history, additive) });
  }
  const chosen =
    methods.find((m) => m.method === "seasonal-run-rate") ?? methods.find((m) => m.method === "run-rate");
  if (!chosen) return { ...base, target, methods, label: "no forecast" };
  const result: YearEndForecast = {
    ...base,
    target,
    methods,
    primary: chosen.method,
    value: chosen.value,
    label: "",
  };
  if (chosen.interval) result.interval = chosen.interval;
  const likely = meetsTarget(s, chosen.value, target);
  if (likely === undefined) result.label = `no target to compare (${METHOD_NAMES[chosen.method]})`;
  else {
    result.likely = likely;
    result.label = `${likely ? "likely" : "unlikely"} to meet target (${METHOD_NAMES[chosen.method]})`;
  }
  return result;
}

/**
 * One method's forecast from the first n months of a year and complete prior years.
 * Example: `forecastWith("run-rate", { values: [10, 10, 10], weights: [] }, 3, [], true) === 120`.
 */
export function forecastWith(
  method: ForecastMethod,
  year: YearData,
  n: number,
  history: YearData[],
  additive: boolean,
): number | undefined {
  const done = year.values.slice(0, n) as number[];
  const ytd = level(done, year.weights.slice(0, n), additive);
  if (ytd === undefined) return undefined;
  if (n >= 12) return ytd;
  if (method === "run-rate") return additive ? (ytd * 12) / n : ytd;
  if (method === "seasonal-run-rate") {
    if (history.length === 0) return undefined;
    if (additive) {
      let part = 0;
      let whole = 0;
      for (const y of history) {
        const v = y.values as number[];
        for (let k = 0; k < 12; k++) {
          whole += v[k];
          if (k < n) part += v[k];
        }
      }
      return part > 0 ? ytd * (whole / part) : undefined;
    }
    let lift = 0;
    for (const y of history)
      lift +=
        level(y.values as number[], y.weights, false)! -
        level((y.values as number[]).slice(0, n), y.weights.slice(0, n), false)!;
    return ytd + lift / history.length;
  }
  if (n < 3) return undefined;
  const { m, b } = linearRegression(done.map((v, k) => [k, v]));
  const remaining = 12 - n;
  const remainingMean = b + (m * (n + 11)) / 2;
  return additive ? ytd + remaining * remainingMean : (n * ytd + remaining * remainingMean) / 12;
}

/** SUM for totals; denominator-weighted (else plain) average for levels. */
function level(values: number[], weights: (number | undefined)[], additive: boolean): number | undefined {
  const w =
    weights.length === values.length && weights.every((x) => x !== undefined && x > 0)
      ? (weights as number[])
      : undefined;
  return combine(values, w, additive);
}

function yearData(s: SeriesData, first: number): YearData {
  const values: (number | undefined)[] = [];
  const weights: (number | undefined)[] = [];
  for (let k = 0; k < 12; k++) {
    values.push(goodActualAt(s, first + k));
    weights.push(at(s.denominator, first + k));
  }
  return { values, weights };
}

/** Prior fiscal years with all twelve actuals, oldest first. */
function priorYears(s: SeriesData, first: number): YearData[] {
  const years: YearData[] = [];
  for (let start = first - 12; start + 11 >= 0; start -= 12) {
    const y = yearData(s, start);
    if (y.values.every((v) => v !== undefined)) years.unshift(y);
  }
  return years;
}

/**
 * Backtest: forecast each complete prior year at the same month using only the years before it,
 * and scale (totals) or shift (levels) today's forecast by the smallest and largest miss,
 * counting "no miss" too so the interval contains the forecast.
 */
function intervalFor(
  method: ForecastMethod,
  value: number,
  n: number,
  history: YearData[],
  additive: boolean,
): [number, number] | undefined {
  const misses: number[] = [];
  history.forEach((y, i) => {
    const f = forecastWith(method, y, n, history.slice(0, i), additive);
    const actual = level(y.values as number[], y.weights, additive);
    if (f === undefined || actual === undefined) return;
    if (additive && f > 0) misses.push(actual / f);
    if (!additive) misses.push(actual - f);
  });
  if (misses.length === 0) return undefined;
  // The interval always holds the forecast itself (a miss of x1 or +0) and widens by past misses.
  const lo = Math.min(additive ? 1 : 0, ...misses);
  const hi = Math.max(additive ? 1 : 0, ...misses);
  const ends = additive ? [value * lo, value * hi] : [value + lo, value + hi];
  return [Math.min(...ends), Math.max(...ends)];
}

/** The fiscal year's target: its YYYY row, else the sum (totals) or last value (levels) of the months' targets. */
function yearTarget(s: SeriesData, first: number, fiscalYear: number, t: number): number | undefined {
  const fromYearRow = s.yearTargets.get(fiscalYear);
  if (fromYearRow !== undefined) return fromYearRow;
  if (!isAdditive(s.measure.kind)) return planAt(s, first + 11) ?? planAt(s, t);
  for (const pick of [(p: number) => at(s.target, p), (p: number) => planAt(s, p)]) {
    let sum = 0;
    let ok = true;
    for (let k = 0; k < 12 && ok; k++) {
      const v = pick(first + k);
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
