/**
 * The budget flags in the one flag run: where a scorecard comes with resources (a resources file,
 * the Budget sheet), each unit's budget and spend per fiscal year meet its target and results from
 * the index, and resources-up-target-down, cost-per-result-outlier and year-end-spend-spike run
 * beside the other detectors with the same severity order and review carry-over.
 */
import type { Flag } from "../flags/types";
import { yearSummaries } from "../index/years";
import type { ScorecardIndex } from "../index/series";
import type { Direction } from "../model";
import { fiscalYearMonths } from "../period";
import { costPerResultOutliers, resourcesUpTargetDown, yearEndSpendSpikes, type UnitYear } from "./flags";
import type { UnitResources } from "./resources";

export type BudgetDetector = "resources-up-target-down" | "cost-per-result-outlier" | "year-end-spend-spike";

/** What the flag run needs to judge budgets. */
export interface BudgetFlagContext {
  /** Each unit's budget (whole cents), FTE and monthly spend. */
  resources: ReadonlyMap<string, UnitResources>;
  /** The measure each unit's money buys, by "unit|fiscal year"; else `measure`. */
  measureOf?: ReadonlyMap<string, string>;
  /** The measure every unit's money buys when `measureOf` does not say. */
  measure?: string;
}

/** A fiscal year's spend: its twelve months when all are reported, else the year's own total. */
function yearSpend(res: UnitResources, fiscalYear: number, fyStartMonth: number, annual?: number) {
  const monthly = fiscalYearMonths(fiscalYear, fyStartMonth).map((m) => res.months.get(m)?.spendCents);
  const complete = monthly.every((v) => v !== undefined);
  return { monthly, total: complete ? monthly.reduce((a, b) => a! + b!, 0)! : annual };
}

/**
 * Each unit x fiscal year with a budget, as the budget flags read it: budget and spend in cents,
 * the target and the year's results of the measure the money buys, FTE as the named driver.
 * Example: `budgetUnitYears(index, context)[0].budget`.
 */
export function budgetUnitYears(index: ScorecardIndex, ctx: BudgetFlagContext): UnitYear[] {
  const out: UnitYear[] = [];
  for (const res of ctx.resources.values()) {
    for (const [fiscalYear, year] of res.years) {
      if (year.budgetCents === undefined) continue;
      const measure = ctx.measureOf?.get(`${res.unit}|${fiscalYear}`) ?? ctx.measure;
      if (measure === undefined) continue;
      const series = index.byMeasure.get(measure)?.find((s) => s.unit === res.unit);
      const summary = series ? yearSummaries(index, series).find((y) => y.year === fiscalYear) : undefined;
      const spend = yearSpend(res, fiscalYear, index.fyStartMonth, year.spendCents).total;
      out.push({
        measure,
        unit: res.unit,
        fiscalYear,
        budget: year.budgetCents,
        target: summary?.target,
        spend,
        results: spend === undefined ? undefined : summary?.actual,
        driver: year.fte,
      });
    }
  }
  return out;
}

/**
 * The three budget flags over an index and its resources. Example:
 * `budgetFlags(index, { resources, measure: "orders" }).filter((f) => f.detector === "year-end-spend-spike")`.
 */
export function budgetFlags(index: ScorecardIndex, ctx: BudgetFlagContext, only?: readonly string[]): Flag[] {
  const wanted = (d: BudgetDetector) => !only || only.includes(d);
  const rows = budgetUnitYears(index, ctx);
  const directions = new Map<string, Direction>([...index.measures.values()].map((m) => [m.id, m.direction]));
  const options = { moneyUnit: "cents" as const, directions, driverLabel: "FTE" };
  const flags: Flag[] = [];
  if (wanted("resources-up-target-down")) flags.push(...resourcesUpTargetDown(rows, options));
  if (wanted("cost-per-result-outlier")) flags.push(...costPerResultOutliers(rows, options));
  if (wanted("year-end-spend-spike")) {
    // Per unit, so each year is compared with the unit's own earlier years.
    for (const res of ctx.resources.values()) {
      const years = [...res.years.keys()]
        .sort((x, y) => x - y)
        .map((fiscalYear) => ({
          unit: res.unit,
          fiscalYear,
          monthly: yearSpend(res, fiscalYear, index.fyStartMonth).monthly,
        }))
        .filter((y) => y.monthly.some((v) => v !== undefined));
      if (years.length === 0) continue;
      const last = years[years.length - 1].fiscalYear;
      const measure = ctx.measureOf?.get(`${res.unit}|${last}`) ?? ctx.measure ?? "*";
      flags.push(...yearEndSpendSpikes(years, measure));
    }
  }
  return flags;
}
