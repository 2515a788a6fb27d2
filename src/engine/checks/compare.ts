/**
 * The arithmetic of one comparison, actual against a plan value, each definition one line
 * of spreadsheet math (see docs/checks.md). Direction-aware: s = +1 up, -1 down.
 */
import type { Direction, MeasureDef } from "../model";

/** +1 when higher is better, -1 when lower is better, 0 for bands. Example: `directionSign("down") === -1`. */
export function directionSign(direction: Direction): 1 | -1 | 0 {
  return direction === "up" ? 1 : direction === "down" ? -1 : 0;
}

/** Actual minus plan, in the measure's unit (percentage points for rates). Example: `varianceAbs(93, 95) === -2`. */
export function varianceAbs(actual: number, plan: number): number {
  return actual - plan;
}

/** (actual - plan) / plan; undefined when the plan is 0. Example: `varianceRel(90, 100) === -0.1`. */
export function varianceRel(actual: number, plan: number): number | undefined {
  return plan === 0 ? undefined : (actual - plan) / plan;
}

/** s * (actual - plan): positive is better than plan. Example: `goodGap(8, 10, "down") === 2`. */
export function goodGap(actual: number, plan: number, direction: Direction): number {
  return directionSign(direction) * (actual - plan);
}

/**
 * Attainment = 1 + s * (actual - plan) / plan: actual/plan when up, 2 - actual/plan when down.
 * Undefined when the plan is not positive. Example: `attainment(105, 100, "down") === 0.95` (after rounding).
 */
export function attainment(actual: number, plan: number, direction: Direction): number | undefined {
  if (!(plan > 0)) return undefined;
  return 1 + (directionSign(direction) * (actual - plan)) / plan;
}

/**
 * Attainment as the rules use it: also defined for a plan of 0 (1 if the actual is 0,
 * otherwise +Infinity when better and -Infinity when worse). Example: `attainmentForRule(0, 0, "up") === 1`.
 */
export function attainmentForRule(actual: number, plan: number, direction: Direction): number | undefined {
  if (plan > 0) return attainment(actual, plan, direction);
  if (plan !== 0) return undefined;
  const better = directionSign(direction) * actual;
  return better === 0 ? 1 : better > 0 ? Infinity : -Infinity;
}

/** Distance outside [lower, upper]: MAX(0, lower - actual, actual - upper). Example: `bandGap(23, 18, 22) === 1`. */
export function bandGap(actual: number, lower: number, upper: number): number {
  return Math.max(0, lower - actual, actual - upper);
}

/**
 * Band attainment = 1 - gap / (upper - lower): 1 inside the band, 0.5 when outside by half its width.
 * A zero-width band gives 1 on the edge and -Infinity off it. Example: `bandAttainment(24, 18, 22) === 0.5`.
 */
export function bandAttainment(actual: number, lower: number, upper: number): number {
  const gap = bandGap(actual, lower, upper);
  const width = upper - lower;
  if (width <= 0) return gap === 0 ? 1 : -Infinity;
  return 1 - gap / width;
}

/** Rolling three-period trend: the least-squares slope through the last three values, (a3 - a1) / 2. Example: `trendSlope3(10, 11, 14) === 2`. */
export function trendSlope3(first: number, _middle: number, last: number): number {
  return (last - first) / 2;
}

/** Which way a trend points for the measure's goal. */
export type TrendLabel = "improving" | "worsening" | "flat";

/**
 * improving when s * slope > 0 (for a band: when the gap to the band shrank from first to last).
 * Example: `trendLabel(-1, "down") === "improving"`.
 */
export function trendLabel(slope: number, direction: Direction, bandGaps?: [number, number]): TrendLabel {
  if (direction === "band") {
    if (!bandGaps) return "flat";
    const [firstGap, lastGap] = bandGaps;
    return lastGap < firstGap ? "improving" : lastGap > firstGap ? "worsening" : "flat";
  }
  const good = directionSign(direction) * slope;
  return good > 0 ? "improving" : good < 0 ? "worsening" : "flat";
}

/**
 * A measure's three-period trend: the slope and its label, a band judged by its distance from the
 * band. Used by the status rows and the lead-lag turns alike. Example: `measureTrend({ direction: "up" }, 10, 11, 14)`
 * is `{ slope: 2, label: "improving" }`.
 */
export function measureTrend(
  measure: Pick<MeasureDef, "direction" | "lower" | "upper">,
  first: number,
  middle: number,
  last: number,
): { slope: number; label: TrendLabel } {
  const slope = trendSlope3(first, middle, last);
  const { direction, lower, upper } = measure;
  const gaps: [number, number] | undefined =
    direction === "band" && lower !== undefined && upper !== undefined
      ? [bandGap(first, lower, upper), bandGap(last, lower, upper)]
      : undefined;
  return { slope, label: trendLabel(slope, direction, gaps) };
}
