/**
 * The budget-and-results report as of a month: each unit's resources (from a resources file or the
 * Budget sheet) beside its results for one measure (from the checks), through the monitor and cost
 * per result. Pure: the command line, the pane's Review tab and the Dashboard all call this.
 */
import type { CheckRow } from "../checks/check";
import { yearSummaries } from "../index/years";
import type { ScorecardIndex } from "../index/series";
import type { Finding, MeasureKind } from "../model";
import { fiscalMonthOffset, fiscalYearMonths, fiscalYearOf } from "../period";
import { costPerResult, type CostPerResult } from "./cost";
import { monitorUnit, type MonitorRow } from "./monitor";
import type { UnitResources } from "./resources";
import { spendPlan } from "./spend";

export interface BudgetReportOptions {
  asOf: string;
  fyStartMonth: number;
  /** The measure whose results the money buys; a count or amount (a rate's numerator, never the rate). */
  measure?: string;
  /** Spend and results within this fraction of plan count as on plan (default 0.05). */
  tolerance?: number;
}

/** One unit's line of the report; money in whole cents. */
export interface BudgetReportRow extends MonitorRow {
  fiscalYear: number;
  fte?: number;
  /** The fiscal year's target for the measure, and its results and milestones to date. */
  target?: number;
  resultsYtd?: number;
  milestoneYtd?: number;
  cost: CostPerResult;
  /** True where the allotments were spread evenly from the annual budget (none were given). */
  allotmentsSpread: boolean;
}

export interface BudgetReport {
  asOf: string;
  fiscalYear: number;
  monthsElapsed: number;
  measure?: string;
  rows: BudgetReportRow[];
  /** The program: the units added up. */
  program?: BudgetReportRow;
  findings: Finding[];
}

const COUNTABLE = new Set<MeasureKind>(["count", "amount"]);

/**
 * The report. Example: a unit with $120,000.00 budgeted evenly, $66,000.00 spent in six months and
 * 400 results against 500 planned reads "Behind on results while spending ahead of plan."
 */
export function budgetReport(
  resources: Map<string, UnitResources>,
  checks: { index: ScorecardIndex; rows: CheckRow[] } | undefined,
  options: BudgetReportOptions,
): BudgetReport {
  const fy = options.fyStartMonth;
  const fiscalYear = fiscalYearOf(options.asOf, fy);
  const months = fiscalYearMonths(fiscalYear, fy);
  const monthsElapsed = fiscalMonthOffset(options.asOf, fy) + 1;
  const findings: Finding[] = [];
  const measureDef = options.measure ? checks?.index.measures.get(options.measure) : undefined;
  const countable = measureDef ? COUNTABLE.has(measureDef.kind) : false;
  const rows: BudgetReportRow[] = [];
  // Looked up once per unit: the report runs over thousands of units.
  const checkOf = new Map(
    (checks?.rows ?? []).filter((r) => !r.rollup && r.measure === options.measure).map((r) => [r.unit, r]),
  );
  const seriesOf = new Map(
    (checks?.index.byMeasure.get(options.measure ?? "") ?? []).map((s) => [s.unit, s]),
  );
  for (const res of resources.values()) {
    const year = res.years.get(fiscalYear);
    if (year?.budgetCents === undefined) {
      if (res.years.size > 0)
        findings.push({
          severity: "warning",
          code: "spend-without-budget",
          message: `${res.unit} has no budget for FY${fiscalYear}; it is left out of the report.`,
          fix: `Add a row ${res.unit},${fiscalYear},<budget>.`,
          unit: res.unit,
        });
      continue;
    }
    const given = months.map((m) => res.months.get(m)?.allotmentCents);
    const allGiven = given.every((a) => a !== undefined);
    const allotments = allGiven
      ? (given as number[])
      : spendPlan({
          moneyUnit: "cents",
          fiscalYear,
          fyStartMonth: fy,
          spread: { kind: "even" },
          units: [{ id: res.unit, budget: year.budgetCents }],
        }).units[0].perPeriod;
    const allotted = allotments.reduce((a, b) => a + b, 0);
    if ((allGiven && allotted !== year.budgetCents) || (!allGiven && given.some((a) => a !== undefined)))
      findings.push({
        severity: "warning",
        code: "allotments-not-budget",
        message: allGiven
          ? `${res.unit} FY${fiscalYear}: the monthly allotments add up to ${dollars(allotted)}, the budget is ${dollars(year.budgetCents)}; the allotments are used.`
          : `${res.unit} FY${fiscalYear}: only some months have an allotment; the budget of ${dollars(year.budgetCents)} is spread evenly instead.`,
        where: year.source,
        unit: res.unit,
      });
    const spend = months.map((m) => res.months.get(m)?.spendCents);
    // Earlier fiscal years with every month's spend: the seasonal forecast's history.
    const priorSpend: number[][] = [];
    const earlierYears = new Set([...res.months.keys()].map((m) => fiscalYearOf(m, fy)));
    for (const earlier of [...earlierYears].sort((a, b) => a - b)) {
      if (earlier >= fiscalYear) continue;
      const values = fiscalYearMonths(earlier, fy).map((m) => res.months.get(m)?.spendCents);
      if (values.every((v) => v !== undefined)) priorSpend.push(values as number[]);
    }
    const row = checkOf.get(res.unit);
    const series = seriesOf.get(res.unit);
    const target =
      series && checks
        ? yearSummaries(checks.index, series).find((y) => y.year === fiscalYear)?.target
        : undefined;
    const results =
      row?.ytdActual !== undefined && row.ytdPlan !== undefined && row.direction !== "band"
        ? { ytdActual: row.ytdActual, ytdMilestone: row.ytdPlan, direction: row.direction }
        : undefined;
    const monitor = monitorUnit({
      unit: res.unit,
      moneyUnit: "cents",
      monthsElapsed,
      allotments,
      spend,
      priorSpend,
      results,
      tolerance: options.tolerance,
    });
    const cost = costOf(
      year.budgetCents,
      countable ? target : undefined,
      monitor.spendYtd,
      countable ? row?.ytdActual : undefined,
    );
    if (options.measure && measureDef && !countable)
      cost.note = `${options.measure} is a ${measureDef.kind}: cost per result is per unit of its numerator. Choose the count it is made of.`;
    if (year.budgetCents === 0 && target !== undefined && target > 0)
      findings.push({
        severity: "warning",
        code: "zero-budget-with-target",
        message: `${res.unit} FY${fiscalYear}: the budget is 0 while the target is ${target}; cost per result is undefined.`,
        where: year.source,
        unit: res.unit,
      });
    rows.push({
      ...monitor,
      fiscalYear,
      fte: year.fte,
      target,
      resultsYtd: row?.ytdActual,
      milestoneYtd: row?.ytdPlan,
      cost,
      allotmentsSpread: !allGiven,
    });
  }
  return {
    asOf: options.asOf,
    fiscalYear,
    monthsElapsed,
    measure: options.measure,
    rows,
    program: programRow(rows, checks, options, fiscalYear),
    findings,
  };
}

/** Cost per result in cents; a budget of 0 against a target plans no cost per result (it is undefined, not free). */
function costOf(budget: number, target?: number, spend?: number, results?: number): CostPerResult {
  if (budget === 0 && target !== undefined && target > 0)
    return {
      moneyUnit: "cents",
      note: "The budget is 0 while the target is not: cost per result is undefined. Give the unit its budget.",
    };
  return costPerResult({ budget, target, spend, results, moneyUnit: "cents" });
}

/** The program: the units' money and results added up, judged on both axes like a unit. */
function programRow(
  rows: BudgetReportRow[],
  checks: { rows: CheckRow[] } | undefined,
  options: BudgetReportOptions,
  fiscalYear: number,
): BudgetReportRow | undefined {
  if (rows.length === 0) return undefined;
  const sum = (f: (r: BudgetReportRow) => number | undefined) =>
    rows.every((r) => f(r) !== undefined) ? rows.reduce((a, r) => a + (f(r) as number), 0) : undefined;
  const rollup = checks?.rows.find((r) => r.rollup && r.measure === options.measure);
  const resultsYtd = rollup?.ytdActual ?? sum((r) => r.resultsYtd);
  const milestoneYtd = rollup?.ytdPlan ?? sum((r) => r.milestoneYtd);
  const direction = rollup?.direction === "down" ? "down" : "up";
  const budget = rows.reduce((a, r) => a + r.budget, 0);
  const allotmentYtd = rows.reduce((a, r) => a + r.allotmentYtd, 0);
  const spendYtd = sum((r) => r.spendYtd);
  const target = sum((r) => r.target);
  // One "month" holding the year to date: the standings and sentence come from the same monitor.
  const monitor = monitorUnit({
    unit: "Program",
    moneyUnit: "cents",
    monthsElapsed: 1,
    allotments: [allotmentYtd, budget - allotmentYtd],
    spend: [spendYtd],
    results:
      resultsYtd !== undefined && milestoneYtd !== undefined
        ? { ytdActual: resultsYtd, ytdMilestone: milestoneYtd, direction }
        : undefined,
    tolerance: options.tolerance,
  });
  const forecastValue = sum((r) => r.forecast?.value);
  const methods = [...new Set(rows.map((r) => r.forecast?.method))];
  const numerator = rows.some((r) => r.cost.note?.includes("numerator"));
  return {
    ...monitor,
    forecast:
      forecastValue !== undefined && methods.length === 1 && methods[0]
        ? { method: methods[0], value: forecastValue }
        : forecastValue !== undefined
          ? { method: "run-rate", value: forecastValue }
          : undefined,
    forecastVariance: forecastValue !== undefined && budget > 0 ? forecastValue / budget - 1 : undefined,
    fiscalYear,
    fte: sum((r) => r.fte),
    target,
    resultsYtd,
    milestoneYtd,
    cost: costOf(budget, numerator ? undefined : target, spendYtd, numerator ? undefined : resultsYtd),
    allotmentsSpread: rows.some((r) => r.allotmentsSpread),
  };
}

/** Cents as dollars for a message. Example: `dollars(120050) === "$1,200.50"`. */
export function dollars(cents: number): string {
  return `${cents < 0 ? "-" : ""}$${(Math.abs(cents) / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
