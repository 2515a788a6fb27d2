/**
 * The flag contract: what every gaming/lowballing detector returns and how detectors are
 * described. The workbook's Flags sheet, the Office adapter and the task pane's Flags tab
 * build on these types. A flag prompts a review; it never states a verdict.
 */
import type { BudgetFlagContext } from "../budget/flagRun";
import type { ScorecardIndex } from "../index/series";
import type { Period } from "../model";
import type { Revision } from "../revisions/types";

/** Every detector kind, one per pattern in BRIEF.md section 5. */
export type DetectorKind =
  | "lowball-prior-actual"
  | "lowball-trend"
  | "meet-not-beat"
  | "unit-sum-below-program"
  | "target-cut-after-strong-year"
  | "below-capacity"
  | "q4-sandbagging"
  | "threshold-bunching"
  | "end-of-period-spike"
  | "exact-hits"
  | "jump-reversal"
  | "paired-divergence"
  | "benford-first-digit"
  | "last-digit"
  | "duplicate-rows"
  | "stale-periods"
  | "revised-actuals"
  | "late-target-cut"
  | "repeated-target-cuts"
  | "resources-up-target-down"
  | "cost-per-result-outlier"
  | "year-end-spend-spike";

export type FlagSeverity = "high" | "medium" | "low";

export type ReviewStatus = "open" | "reviewed" | "dismissed" | "confirmed";

/** A reviewer's disposition, kept across re-runs because flag ids are stable. */
export interface FlagReview {
  status: ReviewStatus;
  reviewer?: string;
  note?: string;
}

/** The numbers behind a flag: named values (statistic, threshold, n, ...) and a short text. */
export interface FlagEvidence {
  values: Record<string, number>;
  text: string;
}

/** One thing worth a conversation. `unit` and `measure` may be "*" for program-wide flags. */
export interface Flag {
  /** Stable: derived from detector + measure + unit + periods (see `flagId`). */
  id: string;
  detector: DetectorKind;
  severity: FlagSeverity;
  measure: string;
  unit: string;
  periods: Period[];
  evidence: FlagEvidence;
  /** One sentence a manager understands, prompting review, never a verdict. */
  explanation: string;
  /** What a reviewer should look at. */
  whatToCheck: string;
  review?: FlagReview;
}

/** Run-time context shared by all detectors. */
export interface DetectorContext {
  /** Units' budgets and spend (src/engine/budget), for the budget flags; absent: they do not run. */
  budget?: BudgetFlagContext;
  /** Earlier snapshot of the same scorecard, indexed, for revised-actual checks. */
  previousSnapshot?: ScorecardIndex;
  /** Program-level targets per measure and period, for the unit-sum check. */
  programTargets?: { measure: string; period: Period; target: number }[];
  /** Unit whose targets are the program targets (e.g. "ALL"), for the unit-sum check. */
  programUnit?: string;
  /** Measures whose annual target should reach the unit's capacity (fte x productivity). */
  capacityMeasures?: readonly string[];
  /**
   * Measures whose direction the source did not state (the scorecard holds a placeholder).
   * Lowballing then only flags a target equal to the prior actual, which asks for no change
   * whichever way is good; direction-dependent detectors skip these measures.
   */
  directionUnknown?: ReadonlySet<string>;
  /**
   * The workbook's target revision log (tblRevisions), oldest first: late-target-cut and
   * repeated-target-cuts read it, and target-cut-after-strong-year takes logged targets from it.
   */
  revisions?: readonly Revision[];
  /** Multiplies every detector's minimum sample (>= 1 is stricter). Default 1. */
  minSampleFactor?: number;
}

/** A registered detector: what it looks for, how it decides, and its run function. */
export interface Detector {
  id: DetectorKind;
  title: string;
  looksFor: string;
  statistic: string;
  /** Named thresholds the detector applies, e.g. { madNonconforming: 0.015 }. */
  thresholds: Record<string, number>;
  /** Smallest number of observations the detector needs before it says anything. */
  minSample: number;
  /** Plain-language explanation of why the pattern matters. */
  explanation: string;
  /** Look at the indexed scorecard; its `actual` arrays hold only usable cells, as the checks read them. */
  run: (index: ScorecardIndex, ctx: DetectorContext) => Flag[];
}

/**
 * Stable flag id from detector, measure, unit and periods.
 * Example: `flagId("lowball-prior-actual", "pep", "north", ["2027"]) === "lowball-prior-actual|pep|north|2027"`.
 */
export function flagId(
  detector: DetectorKind,
  measure: string,
  unit: string,
  periods: readonly Period[],
): string {
  return [detector, measure, unit, periods.join(",")].join("|");
}
