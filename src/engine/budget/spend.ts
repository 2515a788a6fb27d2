/**
 * The spend plan: each unit's budget spread into monthly allotments, exact to the minor unit like
 * milestones (the same spreading, on whole cents). Even, seasonal from last year's spend,
 * front- or back-loaded, or payroll-weighted: months with three paydays of a biweekly payroll get
 * half again as much as months with two.
 */
import { spreadMilestones } from "../milestones/spread";
import type { MilestoneSchedule, MonthlyActual, SpreadSpec } from "../milestones/types";
import { fiscalYearMonths, monthIndex } from "../period";
import type { MoneyUnit } from "./split";

export type SpendSpread =
  | { kind: "even" }
  | { kind: "seasonal" }
  | { kind: "front" }
  | { kind: "back" }
  /** Biweekly pay: `firstPayday` is any payday, `YYYY-MM-DD`. */
  | { kind: "payroll"; firstPayday: string }
  /** In proportion to twelve weights in fiscal order, e.g. the allotments a budget had before it changed. */
  | { kind: "shape"; weights: number[] };

export interface SpendPlanInput {
  moneyUnit: MoneyUnit;
  fiscalYear: number;
  fyStartMonth: number;
  spread: SpendSpread;
  /** Each unit's annual budget in whole minor units, and last year's monthly spend for `seasonal`. */
  units: { id: string; budget: number; priorSpend?: MonthlyActual[] }[];
}

const DAY_MS = 86_400_000;

/** Paydays of a biweekly payroll in each month of the fiscal year. Example: 2 or 3 per month. */
export function paydaysPerMonth(firstPayday: string, fiscalYear: number, fyStartMonth: number): number[] {
  const anchor = Date.parse(`${firstPayday}T00:00:00Z`);
  if (!Number.isFinite(anchor)) throw new RangeError(`"${firstPayday}" is not a date in the form YYYY-MM-DD`);
  return fiscalYearMonths(fiscalYear, fyStartMonth).map((month) => {
    const index = monthIndex(month);
    const start = Date.UTC(Math.floor(index / 12), index % 12, 1);
    const end = Date.UTC(Math.floor((index + 1) / 12), (index + 1) % 12, 1);
    const period = 14 * DAY_MS;
    const first = anchor + Math.ceil((start - anchor) / period) * period;
    return first >= end ? 0 : Math.floor((end - 1 - first) / period) + 1;
  });
}

function spreadSpec(spread: SpendSpread, input: SpendPlanInput): SpreadSpec {
  switch (spread.kind) {
    case "even":
    case "seasonal":
      return { kind: spread.kind };
    case "front":
    case "back":
      return { kind: "ramp", shape: spread.kind };
    case "payroll":
      return {
        kind: "custom",
        profile: paydaysPerMonth(spread.firstPayday, input.fiscalYear, input.fyStartMonth),
      };
    case "shape":
      return { kind: "custom", profile: spread.weights };
  }
}

/**
 * Monthly allotments per unit (in `perPeriod`, whole minor units) and their running total, each
 * unit's twelve allotments summing exactly to its budget. Example: $1,200.00 even gives 10,000
 * cents a month.
 */
export function spendPlan(input: SpendPlanInput): MilestoneSchedule {
  return spreadMilestones({
    kind: "amount",
    fiscalYear: input.fiscalYear,
    fyStartMonth: input.fyStartMonth,
    spread: spreadSpec(input.spread, input),
    increment: 1,
    units: input.units.map((u) => ({ id: u.id, target: u.budget, priorActuals: u.priorSpend })),
  });
}
