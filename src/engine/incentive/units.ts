/**
 * Per-unit federal incentive scores: each county office scored on the five measures as the state
 * is (45 CFR 305.33), from its own year-to-date levels this year and last, beside the program score.
 * A unit missing a measure's level is scored on the measures it has, and the missing ones are named.
 */
import type { CheckRow } from "../checks/check";
import { incentiveScore, type IncentiveMeasure, type IncentiveScore } from "./federal";

/** One unit's level of one federal measure this fiscal year (and last). */
export interface UnitLevel {
  unit: string;
  measure: IncentiveMeasure;
  level?: number;
  priorLevel?: number;
}

export interface UnitIncentiveScore extends IncentiveScore {
  unit: string;
  /** Federal measures with no level this year for the unit (not scored). */
  missing: IncentiveMeasure[];
}

const ALL: IncentiveMeasure[] = [
  "paternity",
  "orders",
  "current-collections",
  "arrears-collections",
  "cost-effectiveness",
];

/**
 * Each unit's levels from the checks: this year's year-to-date level, and last year's full-year
 * level (the prior checks judged as of last year's final month). Example:
 * `unitLevelsFromChecks(now.rows, prior.rows, new Map([["pep", "paternity"]]))`.
 */
export function unitLevelsFromChecks(
  now: readonly CheckRow[],
  prior: readonly CheckRow[] | undefined,
  federal: ReadonlyMap<string, IncentiveMeasure>,
): UnitLevel[] {
  const before = new Map((prior ?? []).filter((r) => !r.rollup).map((r) => [`${r.measure}|${r.unit}`, r]));
  return now
    .filter((r) => !r.rollup && federal.has(r.measure))
    .map((r) => ({
      unit: r.unit,
      measure: federal.get(r.measure)!,
      level: r.ytdActual,
      priorLevel: before.get(`${r.measure}|${r.unit}`)?.ytdActual,
    }));
}

/**
 * Score every unit as the state is scored. Example: a county at 85 % paternity and 82 % orders
 * earns 1 + 1 = 2 of a possible 2 on those two measures.
 */
export function unitIncentiveScores(
  levels: readonly UnitLevel[],
  reliabilityPct?: number,
): UnitIncentiveScore[] {
  const byUnit = new Map<string, UnitLevel[]>();
  for (const l of levels) byUnit.set(l.unit, [...(byUnit.get(l.unit) ?? []), l]);
  return [...byUnit].map(([unit, list]) => {
    const scored = list.filter((l) => l.level !== undefined && Number.isFinite(l.level));
    const score = incentiveScore(
      scored.map((l) => ({ measure: l.measure, level: l.level!, priorLevel: l.priorLevel, reliabilityPct })),
    );
    const have = new Set(scored.map((l) => l.measure));
    return { unit, ...score, missing: ALL.filter((m) => !have.has(m)) };
  });
}
