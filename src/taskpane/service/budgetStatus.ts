/**
 * The Review tab's budget monitor: the Budget sheet (tblBudget, tblSpend) through the engine's
 * budgetReport as of the month being reviewed, one BudgetStatus per unit and measure the money
 * buys (and the program's), to put on the status card of that unit and measure.
 */
import { budgetReport, type BudgetReportRow } from "../../engine/budget";
import type { CheckResult } from "../../engine/checks";
import { fiscalYearOf } from "../../engine/period";
import type { UnitResources } from "../../engine/budget";
import type { ReadResult, TablesInput } from "../../workbook/read";
import { budgetFromTables } from "../../workbook/readBudget";
import type { BudgetStatus, CheckReport } from "../port";

function statusOf(row: BudgetReportRow): BudgetStatus {
  return {
    budgetCents: row.budget,
    allotmentYtdCents: row.allotmentYtd,
    spendYtdCents: row.spendYtd,
    costPlannedCents: row.cost.planned,
    costActualCents: row.cost.actual,
    spending: row.spendStanding,
    results: row.resultsStanding,
    status: row.status,
    warning: row.resultsStanding === "behind" && row.spendStanding === "over plan",
  };
}

/**
 * Budget statuses keyed `measure|unit` ("*" for the program) as of a month, judged from the
 * status check of that month (`checks`, the one the Review tab shows), or an empty map when the
 * workbook has no Budget sheet or nothing to judge. Example: `budgetStatuses(read, tables,
 * "2027-04", checks).get("locates|allegany")?.status`.
 */
export function budgetStatuses(
  read: ReadResult,
  tables: TablesInput,
  asOf: string,
  checks: CheckResult | undefined,
): Map<string, BudgetStatus> {
  const out = new Map<string, BudgetStatus>();
  const fyStartMonth = read.scorecard.fyStartMonth;
  const budget = budgetFromTables(tables, fyStartMonth);
  if (!budget || !asOf || !checks) return out;
  const fy = fiscalYearOf(asOf, fyStartMonth);
  // The units whose money buys each measure this fiscal year (the Budget sheet's Measure ID).
  const byMeasure = new Map<string, Map<string, UnitResources>>();
  for (const [unit, res] of budget.resources) {
    const measure = budget.measureOf.get(`${unit}|${fy}`);
    if (!measure || res.years.get(fy)?.budgetCents === undefined) continue;
    if (!byMeasure.has(measure)) byMeasure.set(measure, new Map());
    byMeasure.get(measure)!.set(unit, res);
  }
  if (byMeasure.size === 0) return out;
  for (const [measure, resources] of byMeasure) {
    const report = budgetReport(resources, checks, { asOf, fyStartMonth, measure });
    for (const row of report.rows) out.set(`${measure}|${row.unit}`, statusOf(row));
    if (report.program) out.set(`${measure}|*`, statusOf(report.program));
  }
  return out;
}

/** The report with each card's budget line, where the Budget sheet has one for it. */
export function withBudgetStatus(report: CheckReport, statuses: Map<string, BudgetStatus>): CheckReport {
  if (statuses.size === 0) return report;
  return {
    ...report,
    rows: report.rows.map((r) => {
      const budget = statuses.get(`${r.measure}|${r.unit}`);
      return budget ? { ...r, budget } : r;
    }),
  };
}
