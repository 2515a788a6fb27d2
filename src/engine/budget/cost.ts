/**
 * Cost per result: money (whole minor units) per unit of result, planned (budget / target) and
 * actual (spend / results), with the variance between them. For a rate, the result is the rate's
 * numerator (cases meeting the standard), never the percentage itself.
 */
import type { MoneyUnit } from "./split";

export interface CostPerResult {
  moneyUnit: MoneyUnit;
  /** Minor units per result; undefined where the target is 0 or missing. */
  planned?: number;
  /** Minor units per result so far; undefined where no result has been reported yet. */
  actual?: number;
  /** actual / planned - 1: +0.10 costs 10 % more per result than planned. */
  variance?: number;
  /** Why a figure is missing, in words, for the pane and the Dashboard. */
  note?: string;
}

/**
 * Planned and actual cost per result. Example: Baltimore's Accounts Payable, FY2021:
 * `costPerResult({ budget: 892289, target: 140000, spend: 665401, results: 121000, moneyUnit: "dollars" })`
 * gives planned 6.37 and actual 5.50 (dollars per invoice).
 */
export function costPerResult(input: {
  budget: number;
  target?: number;
  spend?: number;
  results?: number;
  moneyUnit: MoneyUnit;
}): CostPerResult {
  const { budget, target, spend, results, moneyUnit } = input;
  const planned = target !== undefined && target > 0 ? budget / target : undefined;
  const actual = spend !== undefined && results !== undefined && results > 0 ? spend / results : undefined;
  const variance =
    planned !== undefined && actual !== undefined && planned > 0 ? actual / planned - 1 : undefined;
  let note: string | undefined;
  if (planned === undefined) {
    note =
      target === 0 && budget > 0
        ? "The target is 0 while the budget is not: no cost per result can be planned. Set a target or say what the money buys."
        : "No target yet: no cost per result can be planned.";
  } else if (actual === undefined) {
    note = results === 0 && (spend ?? 0) > 0 ? "Money spent with no results reported yet." : undefined;
  }
  return { moneyUnit, planned, actual, variance, ...(note ? { note } : {}) };
}
