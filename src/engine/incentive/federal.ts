/**
 * The federal child-support incentive score (45 CFR 305.33; 42 USC 658a): five performance
 * measures, each turned into an "applicable percentage" by the regulation's tables, weighted by
 * its maximum incentive base (100 % for paternity, orders and current collections; 75 % for
 * arrears and cost-effectiveness), and withheld where the data fail the 95 % reliability audit.
 * Levels are percent (0-100); cost-effectiveness is dollars collected per dollar spent.
 */
import { roundForRule } from "../checks/status";

export type IncentiveMeasure =
  "paternity" | "orders" | "current-collections" | "arrears-collections" | "cost-effectiveness";

export interface IncentiveInput {
  measure: IncentiveMeasure;
  /** This fiscal year's level: percent for the first four, a ratio (e.g. 4.75) for cost-effectiveness. */
  level: number;
  /** Last fiscal year's level, for the improvement rules. */
  priorLevel?: number;
  /** Data reliability found by the audit, percent; below 95 the measure earns nothing. */
  reliabilityPct?: number;
}

export interface MeasureScore {
  measure: IncentiveMeasure;
  level: number;
  /** Percent of the maximum incentive this measure earns (0-100). */
  applicablePct: number;
  /** Maximum incentive base: 1 or 0.75. */
  weight: number;
  /** False when the reliability audit fell short of 95 %; undefined when not given. */
  reliable?: boolean;
  /** Plain words: which row of the table or which rule applied. */
  reason: string;
}

export interface IncentiveScore {
  measures: MeasureScore[];
  /** SUM(weight x applicablePct / 100) over the measures given. */
  weightedScore: number;
  /** The most the given measures could earn: SUM(weight). */
  maxWeightedScore: number;
}

/** Every threshold of the tables in one place. */
export const INCENTIVE_RULES = {
  reliabilityStandardPct: 95,
  fullScoreLevelPct: 80,
  steepBandFloorPct: 70,
  establishmentFloorPct: 50,
  collectionsFloorPct: 40,
  paternityImprovementPoints: 10,
  ordersImprovementPoints: 5,
  collectionsImprovementPoints: 5,
  improvedScorePct: 50,
  /** Cost-effectiveness: at least this ratio earns that percent. */
  costEffectiveness: [
    [5.0, 100],
    [4.5, 90],
    [4.0, 80],
    [3.5, 70],
    [3.0, 60],
    [2.5, 50],
    [2.0, 40],
  ] as const,
  weights: {
    paternity: 1,
    orders: 1,
    "current-collections": 1,
    "arrears-collections": 0.75,
    "cost-effectiveness": 0.75,
  } as Record<IncentiveMeasure, number>,
} as const;

/**
 * Table 1 and 2 of 305.33: 80 % and over earns 100; each whole point below costs 2 down to 70 %
 * (80); then 1 a point down to the floor (50 % for paternity and orders, 40 % for collections);
 * below the floor 0. Levels count by whole points: 79.9 % is "at least 79 but less than 80".
 * Example: `tablePercentage(79.9, 50) === 98`.
 */
export function tablePercentage(levelPct: number, floorPct: number): number {
  const whole = Math.floor(roundForRule(levelPct));
  const r = INCENTIVE_RULES;
  if (whole >= r.fullScoreLevelPct) return 100;
  if (whole >= r.steepBandFloorPct) return 80 + 2 * (whole - r.steepBandFloorPct);
  if (whole >= floorPct) return whole + 10;
  return 0;
}

/** Cost-effectiveness table: 5.00 -> 100, 4.50 -> 90, ... 2.00 -> 40, below 2.00 -> 0. Example: `costEffectivenessPercentage(4.99) === 90`. */
export function costEffectivenessPercentage(ratio: number): number {
  const r = roundForRule(ratio);
  for (const [atLeast, pct] of INCENTIVE_RULES.costEffectiveness) if (r >= atLeast) return pct;
  return 0;
}

/**
 * The applicable percentage of one measure, with the improvement rule and the reliability
 * condition; a level that is not a number throws a RangeError naming the measure.
 * Example: `scoreMeasure({ measure: "paternity", level: 49, priorLevel: 39 }).applicablePct === 50`.
 */
export function scoreMeasure(input: IncentiveInput): MeasureScore {
  // A missing level must not score as 0 (or print "up NaN points"): the caller says "no data".
  for (const [name, v] of [
    ["level", input.level],
    ["priorLevel", input.priorLevel],
    ["reliabilityPct", input.reliabilityPct],
  ] as const) {
    if (v !== undefined && !Number.isFinite(v))
      throw new RangeError(`${input.measure}: ${name} must be a number, got ${String(v)}`);
  }
  const r = INCENTIVE_RULES;
  const weight = r.weights[input.measure];
  const base = { measure: input.measure, level: input.level, weight };
  const reliable =
    input.reliabilityPct === undefined
      ? undefined
      : roundForRule(input.reliabilityPct) >= r.reliabilityStandardPct;
  const withReliable = reliable === undefined ? base : { ...base, reliable };
  if (reliable === false) {
    return {
      ...withReliable,
      applicablePct: 0,
      reason: `data reliability ${input.reliabilityPct} % is below the ${r.reliabilityStandardPct} % standard, so no incentive`,
    };
  }
  if (input.measure === "cost-effectiveness") {
    const pct = costEffectivenessPercentage(input.level);
    return {
      ...withReliable,
      applicablePct: pct,
      reason: `cost-effectiveness ${input.level.toFixed(2)} earns ${pct} %`,
    };
  }
  const collections = input.measure === "current-collections" || input.measure === "arrears-collections";
  const floor = collections ? r.collectionsFloorPct : r.establishmentFloorPct;
  const pct = tablePercentage(input.level, floor);
  if (pct > 0) {
    return { ...withReliable, applicablePct: pct, reason: `level ${input.level} % earns ${pct} %` };
  }
  const needed =
    input.measure === "paternity"
      ? r.paternityImprovementPoints
      : input.measure === "orders"
        ? r.ordersImprovementPoints
        : r.collectionsImprovementPoints;
  const gain = input.priorLevel === undefined ? undefined : roundForRule(input.level - input.priorLevel);
  if (gain !== undefined && gain >= needed) {
    return {
      ...withReliable,
      applicablePct: r.improvedScorePct,
      reason: `below ${floor} % but up ${gain} points on last year (at least ${needed}), so ${r.improvedScorePct} %`,
    };
  }
  const why = gain === undefined ? "no prior year given" : `up only ${gain} points (needs ${needed})`;
  return { ...withReliable, applicablePct: 0, reason: `below ${floor} % and ${why}, so 0` };
}

/**
 * Score the measures given and weight them. Example:
 * `incentiveScore([{ measure: "paternity", level: 85 }]).weightedScore === 1`.
 */
export function incentiveScore(inputs: IncentiveInput[]): IncentiveScore {
  const measures = inputs.map(scoreMeasure);
  let weightedScore = 0;
  let maxWeightedScore = 0;
  for (const m of measures) {
    weightedScore += (m.weight * m.applicablePct) / 100;
    maxWeightedScore += m.weight;
  }
  return { measures, weightedScore, maxWeightedScore };
}
