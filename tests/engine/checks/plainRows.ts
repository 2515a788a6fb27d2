/**
 * The check rows and year-end forecasts as they were built before they became lean records
 * (src/engine/checks/check.ts and src/engine/forecast/yearend.ts at 3966b2b): plain objects with
 * every field written out. Kept in the tests only, as the reference the lean records must match
 * field for field and in their JSON. Unchanged but for imports and names.
 */
import {
  applyRules,
  attainment,
  attainmentForRule,
  bandAttainment,
  bandGap,
  defaultBasis,
  defaultRules,
  goodGap,
  isAdditive,
  measureTrend,
  periodAggregate,
  rangeAggregate,
  roundForRule,
  varianceAbs,
  varianceRel,
  type Aggregate,
  type Basis,
  type CheckRow,
  type RuleTest,
  type Status,
  type StatusRule,
} from "../../../src/engine/checks";
import {
  forecastWith,
  METHOD_NAMES,
  type ForecastMethod,
  type MethodForecast,
  type YearData,
  type YearEndForecast,
} from "../../../src/engine/forecast/yearend";
import {
  at,
  fiscalYearAt,
  goodActualAt,
  periodAt,
  planAt,
  ytdFirst,
  type SeriesData,
} from "../../../src/engine/index";

/** The row the check made before, with its forecast when `forecast` is true and the series monthly. */
export function plainRow(
  s: SeriesData,
  t: number,
  fyStartMonth: number,
  rules: StatusRule[] | undefined,
  rollup: boolean,
  forecast: boolean,
): CheckRow {
  const m = s.measure;
  const first = ytdFirst(s, t, fyStartMonth);
  const period = periodAggregate(s, t);
  const ytd = rangeAggregate(s, first, t);
  const row: CheckRow = {
    measure: m.id,
    unit: s.unit,
    rollup,
    period: periodAt(s, t),
    fiscalYear: fiscalYearAt(s, t, fyStartMonth),
    kind: m.kind,
    direction: m.direction,
    basis: defaultBasis(m.kind),
    status: "insufficient-data",
    reason: "",
    ytdPeriods: t - first + 1,
    actual: undefined,
    plan: undefined,
    target: undefined,
    varianceAbs: undefined,
    varianceRel: undefined,
    attainment: undefined,
    ytdActual: undefined,
    ytdPlan: undefined,
    ytdVarianceAbs: undefined,
    ytdVarianceRel: undefined,
    ytdAttainment: undefined,
    lastYearActual: undefined,
    changeAbs: undefined,
    changeRel: undefined,
    ytdLastYearActual: undefined,
    ytdChangeAbs: undefined,
    ytdChangeRel: undefined,
    trendSlope3: undefined,
    trend: undefined,
    bandGap: undefined,
    bandAttainment: undefined,
    forecast: undefined,
  };
  fillNumbers(row, s, t, period, ytd);
  const ruleList = rules ?? defaultRules(m);
  row.basis = firstBasis(ruleList) ?? row.basis;
  const data = dataStatus(s, t, first, row.basis, ytd, rollup);
  if (data) {
    row.status = data.status;
    row.reason = data.reason;
  } else {
    const outcome = applyRules(ruleList, (test) => metricFor(test, s, period, ytd));
    row.status = outcome.status;
    row.reason = outcome.reason;
  }
  if (forecast && s.monthly) row.forecast = plainForecast(s, t, fyStartMonth);
  return row;
}

function firstBasis(rules: StatusRule[]): Basis | undefined {
  for (const r of rules) if (r.when) return r.when.basis;
  return undefined;
}

function fillNumbers(row: CheckRow, s: SeriesData, t: number, period: Aggregate, ytd: Aggregate): void {
  const dir = s.measure.direction;
  const { actual, plan, lastYear } = period;
  if (actual !== undefined) row.actual = actual;
  if (plan !== undefined) row.plan = plan;
  if (period.target !== undefined) row.target = period.target;
  if (actual !== undefined && plan !== undefined) {
    row.varianceAbs = varianceAbs(actual, plan);
    const rel = varianceRel(actual, plan);
    if (rel !== undefined) row.varianceRel = rel;
    const att = dir === "band" ? undefined : attainment(actual, plan, dir);
    if (att !== undefined) row.attainment = att;
  }
  if (ytd.actual !== undefined) row.ytdActual = ytd.actual;
  if (ytd.plan !== undefined) row.ytdPlan = ytd.plan;
  if (ytd.actual !== undefined && ytd.plan !== undefined) {
    row.ytdVarianceAbs = varianceAbs(ytd.actual, ytd.plan);
    const rel = varianceRel(ytd.actual, ytd.plan);
    if (rel !== undefined) row.ytdVarianceRel = rel;
    const att = dir === "band" ? undefined : attainment(ytd.actual, ytd.plan, dir);
    if (att !== undefined) row.ytdAttainment = att;
  }
  if (lastYear !== undefined) row.lastYearActual = lastYear;
  if (actual !== undefined && lastYear !== undefined) {
    row.changeAbs = actual - lastYear;
    const rel = varianceRel(actual, lastYear);
    if (rel !== undefined) row.changeRel = rel;
  }
  if (ytd.lastYear !== undefined) row.ytdLastYearActual = ytd.lastYear;
  if (ytd.actual !== undefined && ytd.lastYear !== undefined) {
    row.ytdChangeAbs = ytd.actual - ytd.lastYear;
    const rel = varianceRel(ytd.actual, ytd.lastYear);
    if (rel !== undefined) row.ytdChangeRel = rel;
  }
  const a1 = goodActualAt(s, t - 2);
  const a2 = goodActualAt(s, t - 1);
  const a3 = period.actual;
  const { lower, upper } = s.measure;
  const hasBand = lower !== undefined && upper !== undefined;
  if (a1 !== undefined && a2 !== undefined && a3 !== undefined) {
    const trend = measureTrend(s.measure, a1, a2, a3);
    row.trendSlope3 = trend.slope;
    row.trend = trend.label;
  }
  if (hasBand && period.actual !== undefined) {
    row.bandGap = bandGap(period.actual, lower, upper);
    const att = bandAttainment(period.actual, lower, upper);
    if (Number.isFinite(att)) row.bandAttainment = att; // a zero-width band gives -Infinity off its edge
  }
}

function dataStatus(
  s: SeriesData,
  t: number,
  _first: number,
  basis: Basis,
  ytd: Aggregate,
  rollup: boolean,
): { status: Status; reason: string } | undefined {
  if (t >= 0 && t < s.length && s.bad[t]) {
    const why = rollup
      ? "a unit's value for this period is missing or wrong"
      : "this period's value has a data error";
    return { status: "insufficient-data", reason: why };
  }
  if (goodActualAt(s, t) === undefined) {
    // Stale when any earlier month has a usable actual, even one whose month has another bad
    // cell (a milestone or denominator): the unit did report, as the workbook's Status counts it.
    let latest = -1;
    for (let p = Math.min(t - 1, s.length - 1); p >= 0; p--) {
      if (s.reported[p] || at(s.actual, p) !== undefined) {
        latest = p;
        break;
      }
    }
    if (latest < 0) return { status: "no-data", reason: "no actual yet" };
    return { status: "stale", reason: `latest actual is for ${periodAt(s, latest)}` };
  }
  if (basis === "ytd" && ytd.missing.length > 0) {
    const months = ytd.missing.map((p) => periodAt(s, p)).join(", ");
    // (The finding the check also raised here is not part of the row.)
    return { status: "insufficient-data", reason: `year to date is missing ${months}` };
  }
  return undefined;
}

function metricFor(test: RuleTest, s: SeriesData, period: Aggregate, ytd: Aggregate): number | undefined {
  const agg = test.basis === "ytd" ? ytd : period;
  const actual = agg.actual;
  if (actual === undefined) return undefined;
  const { lower, upper, direction } = s.measure;
  if (test.compareWith === "band") {
    if (lower === undefined || upper === undefined) return undefined;
    return test.metric === "ratio" ? bandAttainment(actual, lower, upper) : -bandGap(actual, lower, upper);
  }
  const other =
    test.compareWith === "milestone" ? agg.plan : test.compareWith === "target" ? agg.target : agg.lastYear;
  if (other === undefined) return undefined;
  return test.metric === "ratio"
    ? attainmentForRule(actual, other, direction)
    : goodGap(actual, other, direction);
}

export function plainForecast(s: SeriesData, t: number, fyStartMonth: number): YearEndForecast {
  const fiscalYear = fiscalYearAt(s, t, fyStartMonth);
  const first = ytdFirst(s, t, fyStartMonth);
  const n = t - first + 1;
  if (!s.monthly) return { fiscalYear, monthsElapsed: n, methods: [], label: "no forecast: yearly data" };
  const target = yearTarget(s, first, fiscalYear, t);
  const current = yearData(s, first);
  if (!complete(current, n)) {
    return {
      fiscalYear,
      monthsElapsed: n,
      methods: [],
      target,
      label: "no forecast: the year to date has gaps",
    };
  }
  const history = priorYears(s, first);
  const additive = isAdditive(s.measure.kind);
  // Built in place, each object in one literal: this runs for each of 20,000 series in a large
  // check, and spreading or growing objects afterwards was most of its time.
  const found: (MethodForecast | undefined)[] = [undefined, undefined, undefined];
  let chosen: MethodForecast | undefined;
  for (let k = 0; k < METHODS.length; k++) {
    const method = METHODS[k];
    const value = forecastWith(method, current, n, history, additive);
    if (value === undefined || !Number.isFinite(value)) continue;
    const forecast: MethodForecast = {
      method,
      value,
      interval: intervalFor(method, value, n, history, additive),
    };
    found[k] = forecast;
    if (method === "seasonal-run-rate" || (method === "run-rate" && !chosen)) chosen = forecast;
  }
  const methods = present(found);
  if (!chosen) return { fiscalYear, monthsElapsed: n, methods, target, label: "no forecast" };
  const likely = meetsTarget(s, chosen.value, target);
  // Keys in the order earlier versions added them, so JSON output reads the same.
  return {
    fiscalYear,
    monthsElapsed: n,
    methods,
    target,
    primary: chosen.method,
    value: chosen.value,
    label: LABELS[chosen.method][likely === undefined ? 0 : likely ? 1 : 2],
    interval: chosen.interval,
    likely,
  };
}

const LABELS = Object.fromEntries(
  (Object.keys(METHOD_NAMES) as ForecastMethod[]).map((m) => [
    m,
    [
      `no target to compare (${METHOD_NAMES[m]})`,
      `likely to meet target (${METHOD_NAMES[m]})`,
      `unlikely to meet target (${METHOD_NAMES[m]})`,
    ],
  ]),
) as Record<ForecastMethod, [string, string, string]>;

function present(found: (MethodForecast | undefined)[]): MethodForecast[] {
  const [a, b, c] = found;
  if (a && b && c) return [a, b, c];
  const out: MethodForecast[] = [];
  for (const f of found) if (f) out.push(f);
  return out;
}
const METHODS: readonly ForecastMethod[] = ["run-rate", "seasonal-run-rate", "linear-trend"];

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

function complete(year: YearData, n: number): boolean {
  const values = year.values;
  const from = year.from ?? 0;
  if (values.length - from < n) return false;
  for (let k = 0; k < n; k++) if (!(values[from + k]! > -Infinity)) return false;
  return true;
}

function yearData(s: SeriesData, first: number): YearData {
  if (first < 0) return { values: NO_VALUES, weights: NO_VALUES, from: 0 };
  return { values: s.actual, weights: s.denominator, from: first };
}

function priorYears(s: SeriesData, first: number): YearData[] {
  const years: YearData[] = [];
  let from = first - 12;
  while (from - 12 >= 0) from -= 12; // the oldest whole year in the series
  for (; from < first; from += 12) {
    if (from < 0) continue;
    const y = yearData(s, from);
    if (complete(y, 12)) years.push(y);
  }
  return years;
}

function intervalFor(
  method: ForecastMethod,
  value: number,
  n: number,
  history: YearData[],
  additive: boolean,
): [number, number] | undefined {
  // The interval always holds the forecast itself (a miss of x1 or +0) and widens by past misses.
  let lo = additive ? 1 : 0;
  let hi = lo;
  let misses = 0;
  for (let i = 0; i < history.length; i++) {
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
  if (misses === 0) return undefined;
  const a = additive ? value * lo : value + lo;
  const b = additive ? value * hi : value + hi;
  return [Math.min(a, b), Math.max(a, b)];
}

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

const NO_VALUES: readonly number[] = [];
