/**
 * The revision log's flags as detectors of the one flag run: late-target-cut and
 * repeated-target-cuts read the log (`DetectorContext.revisions`) and the index for each
 * measure's direction and, for "cut once results fell behind", the results known when the
 * target was cut: the fiscal year to date up to the month before the revision.
 */
import { planAt, goodActualAt, fiscalYearStartIndex } from "../../index/access";
import type { ScorecardIndex } from "../../index/series";
import type { Direction, Period } from "../../model";
import { fiscalYearOf, monthIndex } from "../../period";
import { revisionFlags } from "../../revisions/flags";
import type { Detector, DetectorContext, Flag } from "../types";

/**
 * Results to date as the unit knew them when a target was cut in `month`: actuals and plan
 * (milestone, else target) summed for counts and amounts, averaged for rates and ratios, over the
 * fiscal year's months before `month`. Only for measures where up is good (the log flag compares
 * actual below plan). Example: `resultsBefore(index, "orders", "howard", "2027-07")`.
 */
export function resultsBefore(
  index: ScorecardIndex,
  measure: string,
  unit: string,
  month: Period,
): { ytdActual: number; ytdMilestone: number } | undefined {
  const s = index.byMeasure.get(measure)?.find((x) => x.unit === unit);
  if (!s || !s.monthly || s.measure.direction !== "up") return undefined;
  const end = monthIndex(month);
  const from = fiscalYearStartIndex(fiscalYearOf(month, index.fyStartMonth), index.fyStartMonth);
  let actual = 0;
  let plan = 0;
  let n = 0;
  for (let m = from; m < end; m++) {
    const a = goodActualAt(s, m - s.start);
    const p = planAt(s, m - s.start);
    if (a === undefined || p === undefined) continue;
    actual += a;
    plan += p;
    n += 1;
  }
  if (n === 0) return undefined;
  const additive = s.measure.kind === "count" || s.measure.kind === "amount";
  return additive
    ? { ytdActual: actual, ytdMilestone: plan }
    : { ytdActual: actual / n, ytdMilestone: plan / n };
}

function logFlags(index: ScorecardIndex, ctx: DetectorContext): Flag[] {
  if (!ctx.revisions || ctx.revisions.length === 0) return [];
  const directions = new Map<string, Direction>();
  for (const m of index.measures.values())
    if (!ctx.directionUnknown?.has(m.id)) directions.set(m.id, m.direction);
  return revisionFlags(ctx.revisions, {
    fyStartMonth: index.fyStartMonth,
    directions,
    resultsAt: (measure, unit, month) => resultsBefore(index, measure, unit, month),
  });
}

export const lateTargetCut: Detector = {
  id: "late-target-cut",
  title: "Target cut late in the year or once results fell behind",
  looksFor:
    "a logged revision that made a target easier in fiscal month 9 or later, after the year ended, or once results to date were behind plan",
  statistic: "fiscal month of the revision; results to date vs plan before it",
  thresholds: { lateFromFiscalMonth: 9 },
  minSample: 1,
  explanation:
    "A target lowered once the year's outcome is known moves the target to the result rather than the result to the target.",
  run: (index, ctx) => logFlags(index, ctx).filter((f) => f.detector === "late-target-cut"),
};

export const repeatedTargetCuts: Detector = {
  id: "repeated-target-cuts",
  title: "Target made easier again and again",
  looksFor: "one measure and unit whose logged target revisions made it easier twice or more",
  statistic: "count of easing revisions of one measure and unit",
  thresholds: { repeatedCuts: 2, highCuts: 3 },
  minSample: 2,
  explanation: "A target walked down step by step can end at whatever the unit was going to reach anyway.",
  run: (index, ctx) => logFlags(index, ctx).filter((f) => f.detector === "repeated-target-cuts"),
};
