/**
 * Public contract of milestone spreading: an annual target per unit becomes per-period and
 * cumulative (YTD) milestones over a fiscal year that may start in any month.
 */
import type { Finding, MeasureKind, Period } from "../model";

/** Monthly periods, quarters, or retail-calendar months weighted by weeks (4-4-5 and its rotations). */
export type Periodicity = "monthly" | "quarterly" | "4-4-5" | "4-5-4" | "5-4-4";

/** A month's actual from an earlier year, for seasonal spreading. `value` may be missing. */
export interface MonthlyActual {
  month: Period;
  value?: number;
}

/**
 * How progress is spread over the year.
 * - `even`: equal per month (4-4-5: per week).
 * - `seasonal`: each month's average share of the prior 1-3 fiscal years (years averaged).
 * - `ramp`: `linear` is even progress (for rates, a straight line from baseline to target);
 *   `front` puts more early, `back` more late.
 * - `custom`: twelve non-negative weights in fiscal-month order.
 */
export type SpreadSpec =
  | { kind: "even" }
  | { kind: "seasonal" }
  | { kind: "ramp"; shape: "linear" | "front" | "back" }
  | { kind: "custom"; profile: number[] };

export interface MilestoneUnitInput {
  id: string;
  /** The annual target: count/amount, or rate (0-100) / ratio. */
  target: number;
  /** Rates and ratios: where the unit starts; the trajectory runs from here to `target`. */
  baseline?: number;
  /** Seasonal: this unit's own monthly history; if absent, the program history is used. */
  priorActuals?: MonthlyActual[];
}

export interface MilestoneInput {
  kind: MeasureKind;
  /** The fiscal year named by the calendar year it ends in (federal FY2027 = 2026-10..2027-09). */
  fiscalYear: number;
  /** First month of the fiscal year, 1-12 (10 = federal, 7 = most states). */
  fyStartMonth: number;
  periodicity?: Periodicity;
  spread: SpreadSpec;
  units: MilestoneUnitInput[];
  /** Seasonal fallback history for units without their own (e.g. program totals). */
  programPriorActuals?: MonthlyActual[];
  /** Counts/amounts: milestones are multiples of this (default 1). Rates/ratios: decimals kept (default 1). */
  increment?: number;
  decimals?: number;
}

export interface MilestonePeriod {
  /** 0-based period index within the fiscal year. */
  index: number;
  /** "P01".."P12" or "Q1".."Q4". */
  label: string;
  /** Months the period covers, `YYYY-MM`. */
  months: Period[];
  /** 4-4-5 calendars: weeks in the period. */
  weeks?: number;
}

/**
 * One unit's milestones. Count and amount schedules return class instances that work out
 * `perPeriod` and `cumulative` on first read (milestones/record.ts): read the fields; a spread
 * copies only id and target.
 */
export interface UnitMilestones {
  id: string;
  target: number;
  /** Rates and ratios: where the trajectory starts (the baseline, or the target when none was given). */
  start?: number;
  /** Counts: the amount due in each period. Rates: the rate to reach by the end of each period. */
  perPeriod: number[];
  /** Counts: the running total (YTD), monotone, ending exactly on the target. Rates: equals perPeriod. */
  cumulative: number[];
  /** The 0-1 progress weights used, in period order (after fallbacks). */
  profile: number[];
  /** "even", "seasonal (3 prior years)", "even (no usable history)" and the like. */
  profileSource: string;
  /** One sentence; written when read (a getter that `JSON.stringify` includes). */
  readonly reason: string;
}

export interface MilestoneSchedule {
  kind: MeasureKind;
  fiscalYear: number;
  fyStartMonth: number;
  periodicity: Periodicity;
  spread: SpreadSpec;
  periods: MilestonePeriod[];
  units: UnitMilestones[];
  warnings: Finding[];
}
