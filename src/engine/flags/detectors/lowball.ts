/**
 * Lowballing against the unit's own history: a target at or below last year's actual, a
 * target below the pessimistic edge of its trend forecast, and targets met by a whisker
 * year after year (meet-but-not-beat).
 */
import type { MeasureDef } from "../../model";
import { fiscalYearStartIndex } from "../../index/access";
import type { ScorecardIndex, SeriesData as Series } from "../../index/series";
import { yearSummaries, type YearSummary } from "../../index/years";
import { fmt, gapOf, gapUnit, goodSign, isAdditive, makeFlag, pct } from "../flag";
import { FitPoints, ols, tQuantile99 } from "../stats";
import type { Detector, DetectorContext, Flag, FlagSeverity } from "../types";

const CUT_HIGH = 5;

/** True when a target sits at the best value a measure can take (100 % up, 0 down). */
function atBound(m: MeasureDef, prior: number, target: number): boolean {
  if (m.direction === "up" && m.kind === "rate") return prior >= 100 && target >= 100;
  if (m.direction === "down") return prior <= 0 && target <= 0;
  return false;
}

export const lowballPriorActual: Detector = {
  id: "lowball-prior-actual",
  title: "Target at or below last year's actual",
  looksFor: "a year's target that asks for no more than the unit already delivered the year before",
  statistic: "gap = (target - prior actual) in the good direction, % (points for rates)",
  thresholds: { highGapPct: -CUT_HIGH },
  minSample: 1,
  explanation: "A target the unit has already beaten may be easy to meet (lowballing, MIT notes).",
  run(index, ctx) {
    const flags: Flag[] = [];
    for (const s of index.series) priorActualFlags(index, s, ctx, flags);
    return flags;
  },
};

/**
 * One series' flags into `flags`. Per series, here and in the other detectors, not inline in
 * `run`: `run` is called once per flag run, so a loop inside it runs unoptimized until it is
 * compiled on the stack (with everything it calls), while a function called 20,000 times is
 * compiled early, small, and once.
 */
function priorActualFlags(index: ScorecardIndex, s: Series, ctx: DetectorContext, flags: Flag[]): void {
  const unknown = ctx.directionUnknown?.has(s.measure.id) ?? false;
  const sign = goodSign(s.measure);
  if (sign === 0 && !unknown) return;
  const years = yearSummaries(index, s);
  for (let i = 1; i < years.length; i++) {
    const prev = years[i - 1];
    const cur = years[i];
    if (cur.year !== prev.year + 1 || cur.target === undefined) continue;
    if (prev.actual === undefined || (s.monthly && prev.actualMonths < 12)) continue;
    const f = unknown
      ? equalOnly(s, cur.target, prev.actual, prev.year, cur.year)
      : judge(s, sign as 1 | -1, cur.target, prev.actual, prev.year, cur.year);
    if (f) flags.push(f);
  }
}

function judge(
  s: Series,
  sign: 1 | -1,
  target: number,
  prior: number,
  py: number,
  y: number,
): Flag | undefined {
  const m = s.measure;
  if (atBound(m, prior, target)) return undefined;
  const gap = sign * gapOf(m.kind, target, prior);
  if (gap > 0) return undefined;
  const severity = gap === 0 ? "low" : gap <= -CUT_HIGH ? "high" : "medium";
  const u = gapUnit(m.kind);
  const better = sign > 0 ? "higher" : "lower";
  return makeFlag("lowball-prior-actual", {
    severity,
    measure: m.id,
    unit: s.unit,
    periods: [String(y)],
    values: { target, priorActual: prior, gap: Number.isFinite(gap) ? gap : -100 },
    text: `FY${y} target ${fmt(target)} vs FY${py} actual ${fmt(prior)} (${better} is better): ${gap === 0 ? "equal" : Number.isFinite(gap) ? `${pct(-gap)}${u} easier` : "easier than an actual of 0"}.`,
    explanation: `The FY${y} target for ${m.name} asks for ${gap === 0 ? "no more than" : "less than"} the unit already achieved in FY${py}; it may be worth asking why.`,
    whatToCheck:
      "Whether something known (budget, staffing, caseload, a one-off) justifies not asking for improvement.",
  });
}

function equalOnly(s: Series, target: number, prior: number, py: number, y: number): Flag | undefined {
  if (target !== prior) return undefined;
  return makeFlag("lowball-prior-actual", {
    severity: "low",
    measure: s.measure.id,
    unit: s.unit,
    periods: [String(y)],
    values: { target, priorActual: prior, gap: 0 },
    text: `FY${y} target ${fmt(target)} equals FY${py} actual ${fmt(prior)}; the file does not say which way is better.`,
    explanation: `The FY${y} target for ${s.measure.name} repeats last year's actual exactly, so it asks for no change either way.`,
    whatToCheck:
      "Which direction is good for this measure, and whether the target was copied from last year's result.",
  });
}

export const lowballTrend: Detector = {
  id: "lowball-trend",
  title: "Target below the trend forecast",
  looksFor: "a target below the pessimistic edge (99 % one-sided) of a linear-trend forecast of the year",
  statistic: "OLS trend on prior actuals; edge = forecast - t(0.99) x prediction s.e.",
  thresholds: { confidence: 0.99 },
  minSample: 4,
  explanation: "If the unit's own trend would carry it past the target, the target may be easy.",
  run(index, ctx) {
    const flags: Flag[] = [];
    const k = ctx.minSampleFactor ?? 1;
    for (const s of index.series) trendFlags(index, s, ctx, k, flags);
    return flags;
  },
};

/** One series' lowball-trend flags into `flags`. */
function trendFlags(index: ScorecardIndex, s: Series, ctx: DetectorContext, k: number, flags: Flag[]): void {
  const sign = goodSign(s.measure);
  if (sign === 0 || ctx.directionUnknown?.has(s.measure.id)) return;
  const years = yearSummaries(index, s);
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    if (y.target === undefined) continue;
    const fc = s.monthly ? monthlyForecast(s, y.year, k, index.fyStartMonth) : annualForecast(s, y.year, k);
    if (!fc) continue;
    // A straight line can run past what a measure can be (above 100 %, below 0): clamp it.
    const hi = s.measure.kind === "rate" ? 100 : Infinity;
    fc.forecast = clamp(fc.forecast, hi);
    const edge = clamp(fc.forecast - sign * fc.halfWidth, hi);
    if (sign * (y.target - edge) >= 0) continue;
    const severity = sign * (y.target - clamp(edge - sign * fc.halfWidth, hi)) < 0 ? "high" : "medium";
    flags.push(trendFlag(s, y.year, y.target, fc, edge, severity));
  }
}

function clamp(v: number, hi: number): number {
  return Math.min(hi, Math.max(0, v));
}

function trendFlag(
  s: Series,
  year: number,
  target: number,
  fc: Forecast,
  edge: number,
  severity: FlagSeverity,
): Flag {
  return makeFlag("lowball-trend", {
    severity,
    measure: s.measure.id,
    unit: s.unit,
    periods: [String(year)],
    values: { target, forecast: fc.forecast, edge, n: fc.n },
    text: `FY${year} target ${fmt(target)}; trend forecast ${fmt(fc.forecast)}, 99 % edge ${fmt(edge)} (n=${fc.n}).`,
    explanation: `The FY${year} target for ${s.measure.name} is below where the unit's own trend points, even allowing for its usual ups and downs.`,
    whatToCheck:
      "Whether the trend is expected to break (a policy change, a lost funding stream) or the target should be raised.",
  });
}

interface Forecast {
  forecast: number;
  halfWidth: number;
  n: number;
}

/** Reused for every series' trend window: a fit needs its points only while it is computed. */
const trendWindow = new FitPoints();

function annualForecast(s: Series, year: number, k: number): Forecast | undefined {
  const w = trendWindow.room(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = s.actual[i];
    if (a === a && s.start + i < year && s.start + i >= year - 6) {
      w.x[n] = s.start + i;
      w.y[n++] = a;
    }
  }
  if (n < 4 * k || w.x[n - 1] !== year - 1) return undefined;
  const fit = ols(w.x, w.y, n);
  const se = fit.residualSd * Math.sqrt(1 + 1 / fit.n + (year - fit.xMean) ** 2 / fit.sxx);
  return { forecast: fit.intercept + fit.slope * year, halfWidth: tQuantile99(fit.n - 2) * se, n: fit.n };
}

function monthlyForecast(s: Series, year: number, k: number, fyStartMonth: number): Forecast | undefined {
  if (s.length === 0) return undefined;
  // The year's first month, so next year's target (a YYYY row with no months yet, the usual case
  // when targets are set) is checked too.
  const start = fiscalYearStartIndex(year, fyStartMonth);
  // Positions of the 36 months before the year that the series has.
  const from = Math.max(0, start - 36 - s.start);
  const to = Math.min(s.length, start - s.start);
  // Fewer positions than the fit needs (next year's and this year's targets, often): no scan.
  if (Math.max(0, to - from) < 18 * k) return undefined;
  const w = trendWindow.room(s.length);
  let n = 0;
  for (let i = from; i < to; i++) {
    const a = s.actual[i];
    if (a === a) {
      w.x[n] = s.start + i;
      w.y[n++] = a;
    }
  }
  if (n < 18 * k) return undefined;
  const fit = ols(w.x, w.y, n);
  const future = start + 5.5;
  const sum = isAdditive(s.measure);
  const meanFit = fit.intercept + fit.slope * future;
  const fitVar = fit.residualSd ** 2 * (1 / fit.n + (future - fit.xMean) ** 2 / fit.sxx);
  const variance = sum ? 12 * fit.residualSd ** 2 + 144 * fitVar : fit.residualSd ** 2 / 12 + fitVar;
  return {
    forecast: sum ? 12 * meanFit : meanFit,
    halfWidth: tQuantile99(fit.n - 2) * Math.sqrt(variance),
    n: fit.n,
  };
}

export const meetNotBeat: Detector = {
  id: "meet-not-beat",
  title: "Met by a whisker, year after year",
  looksFor: "targets met every year by a margin of 1 % or less (0.5 points for rates)",
  statistic: "count of thin-margin years among years with a target and an actual",
  thresholds: { thinMarginPct: 1, thinMarginPts: 0.5, minThinYears: 3, minThinShare: 0.75 },
  minSample: 3,
  explanation:
    "Results that land just over the target every year suggest the target, or the result, is managed.",
  run(index, ctx) {
    const flags: Flag[] = [];
    const minYears = Math.ceil(3 * (ctx.minSampleFactor ?? 1));
    for (const s of index.series) meetNotBeatFlags(index, s, ctx, minYears, flags);
    return flags;
  },
};

/** One series' meet-not-beat flag into `flags`: counted first, arrays only for a flag. */
function meetNotBeatFlags(
  index: ScorecardIndex,
  s: Series,
  ctx: DetectorContext,
  minYears: number,
  flags: Flag[],
): void {
  const sign = goodSign(s.measure);
  if (sign === 0 || ctx.directionUnknown?.has(s.measure.id)) return;
  const thin = s.measure.kind === "rate" ? 0.5 : 1;
  const all = yearSummaries(index, s);
  let count = 0;
  let thinCount = 0;
  for (let i = 0; i < all.length; i++) {
    const y = all[i];
    if (!judged(s, y)) continue;
    count++;
    const margin = sign * gapOf(s.measure.kind, y.actual!, y.target!);
    if (margin >= 0 && margin <= thin) thinCount++;
  }
  if (count < minYears || thinCount < minYears || thinCount / count < 0.75) return;
  flags.push(meetNotBeatFlag(s, sign, thin, all));
}

/** A year meet-not-beat judges: a target and an actual, all twelve months of it for a monthly series. */
function judged(s: Series, y: YearSummary): boolean {
  return y.target !== undefined && y.actual !== undefined && (!s.monthly || y.actualMonths === 12);
}

function meetNotBeatFlag(s: Series, sign: 1 | -1, thin: number, all: YearSummary[]): Flag {
  const years = all.filter((y) => judged(s, y));
  const margins = years.map((y) => sign * gapOf(s.measure.kind, y.actual!, y.target!));
  const thinYears = years.filter((_, i) => margins[i] >= 0 && margins[i] <= thin);
  return makeFlag("meet-not-beat", {
    severity: thinYears.length === years.length ? "medium" : "low",
    measure: s.measure.id,
    unit: s.unit,
    periods: thinYears.map((y) => String(y.year)),
    values: { thinYears: thinYears.length, years: years.length, maxMargin: Math.max(...margins) },
    text: `Met by ${fmt(thin)}${gapUnit(s.measure.kind)} or less in ${thinYears.length} of ${years.length} years (margins ${margins.map((g) => pct(g)).join(", ")}).`,
    explanation: `${s.measure.name} has landed just over its target in ${thinYears.length} of ${years.length} years, which rarely happens by chance.`,
    whatToCheck:
      "How the year-end figures were compiled, and whether results above target were held back for next year.",
  });
}
