/**
 * Public contract of target proration: how a program total becomes one exact target per unit.
 * Counts and amounts are split so they sum to the total; rates and ratios are split so the
 * denominator-weighted program rate meets the program target. Every result carries provenance.
 */
import type { Finding, MeasureKind } from "../model";

/**
 * How the exact quota of each free unit is found.
 * - `equal`: the same share each (counts) or the same rate each (rates).
 * - `proportional`: pro rata to a driver (caseload, FTE, capacity = FTE x productivity, budget).
 * - `priorShare`: pro rata to last year's actual (the driver holds the prior actual).
 * - `custom`: pro rata to weights the user typed (the driver holds the weight).
 * - `gapClosing` (rates and ratios only): each unit closes the same fraction of its gap to a
 *   benchmark, so weaker units get larger increments.
 * - `basePlusProRata`: every free unit gets `baseEach`, the rest goes pro rata to the driver.
 */
export type AllocationMethod =
  "equal" | "proportional" | "priorShare" | "custom" | "gapClosing" | "basePlusProRata";

/**
 * How exact quotas become whole increments while the total is kept exactly.
 * - `largestRemainder` (Hamilton): floor every quota, hand the leftover increments to the largest
 *   remainders. Every share stays within one increment of its quota. Tie-break: see `rounding.ts`.
 * - `webster` (Sainte-Lague): divisor method rounding at one half; no Alabama paradox, can
 *   break quota. Prefer it when a total is revised mid-year.
 */
export type RoundingMethod = "largestRemainder" | "webster";

/** The benchmark a gap-closing unit moves toward: 100 % (or any fixed value) or the best unit's baseline. */
export type GapBenchmark = { kind: "value"; value: number } | { kind: "bestUnit" };

/** One unit as the allocator sees it. Unit ids must be unique (trimmed, case-sensitive). */
export interface ProrationUnitInput {
  id: string;
  /** The number the method splits by: caseload, FTE, capacity, budget, prior actual or custom weight. */
  driver?: number;
  /** A held value the allocator must not change: a count/amount, or a rate (0-100) / ratio for those kinds. */
  locked?: number;
  /** Rates and ratios: the unit's current value, the start of its gap-closing and milestone trajectory. */
  baseline?: number;
  /** Rates and ratios: the unit's denominator (e.g. cases), its weight in the program rate. */
  denominator?: number;
}

export interface ProrationInput {
  kind: MeasureKind;
  /** Counts/amounts: the program total. Rates: the program target rate, 0-100. Ratios: the program ratio. */
  total: number;
  units: ProrationUnitInput[];
  method: AllocationMethod;
  /** What the driver is, for reasons: "caseload", "FTE x productivity". Default "driver". */
  driverLabel?: string;
  /** Default `largestRemainder`. */
  rounding?: RoundingMethod;
  /**
   * Counts/amounts: the step every target is a multiple of (1 = whole numbers, 100 = whole $100).
   * Rates/ratios: the step of each unit's numerator target (1 = whole cases). Default 1.
   */
  increment?: number;
  /** `basePlusProRata`: what each free unit gets before the pro rata split. */
  baseEach?: number;
  /** `gapClosing`: the benchmark. Default 100 % for rates; required for ratios. */
  benchmark?: GapBenchmark;
  /** `gapClosing` with `bestUnit`, and ratios: whether higher values are better. Default "up". */
  direction?: "up" | "down";
}

/** How a unit's target relates to its exact quota after rounding. */
export type RoundingOutcome = "locked" | "exact" | "up" | "down";

/**
 * One unit's target with the facts behind it. A count or amount split returns class instances
 * whose derived fields (quota, weight, reason...) are getters over the split's typed arrays
 * (additiveRecords.ts): read the fields, or JSON.stringify for the plain record; a spread
 * (`{ ...allocation }`) copies only id and value.
 */
export interface UnitAllocation {
  id: string;
  /** The target: a count/amount, or a rate (0-100) / ratio for those kinds. */
  value: number;
  /** The target in increments (counts) or the numerator target in increments (rates); an integer unless locked. */
  increments: number;
  /** The exact, unrounded target before rounding. */
  quota: number;
  /** Rates/ratios: the numerator target (value x denominator / 100 for rates). */
  numerator?: number;
  locked: boolean;
  /** The driver the unit came with (caseload, FTE, prior actual...), if any. */
  driver?: number;
  /** Rates and ratios: the unit's baseline and denominator as used. */
  baseline?: number;
  denominator?: number;
  /** The weight actually used (after fallbacks); 0 for locked units. */
  weight: number;
  /** The unit's share of all free weight, 0-1. */
  weightShare: number;
  rounding: RoundingOutcome;
  /**
   * One sentence a manager can read: why this unit got this target. Written when read (it is a
   * getter, and `JSON.stringify` includes it), so 100,000 units do not pay for unread sentences.
   */
  readonly reason: string;
}

/** What happened instead of the requested method, and why. */
export type FallbackCode = "equalForZeroDrivers" | "targetRateForZeroDenominator";

export interface ProrationProvenance {
  kind: MeasureKind;
  method: AllocationMethod;
  /** The method actually applied after fallbacks. */
  methodUsed: AllocationMethod;
  rounding: RoundingMethod;
  increment: number;
  driverLabel: string;
  total: number;
  lockedTotal: number;
  /** The part of the total the free units share (counts), or the free numerator (rates). */
  freeTotal: number;
  /** Rates/ratios: the program value the rounded targets achieve (at least the target). */
  achieved?: number;
  /** Gap-closing: the share of each free unit's gap it is asked to close, 0-1. */
  gapClosedShare?: number;
  fallbacks: FallbackCode[];
  /** Problems in the inputs that did not stop the allocation, each naming its unit. */
  warnings: Finding[];
  /** The tie-break rule applied, in words. */
  tieBreak: string;
}

export interface ProrationResult {
  /** In the order of the input units. */
  units: UnitAllocation[];
  provenance: ProrationProvenance;
}
