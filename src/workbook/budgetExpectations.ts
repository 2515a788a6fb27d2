/**
 * What every formula cell of the Budget sheet must show, computed by the engine's own budget
 * report (src/engine/budget: budgetReport, monitorUnit, costPerResult) for the same inputs, for
 * the differential tests (LibreOffice and HyperFormula). Money: the engine works in whole cents,
 * the sheet in dollars. Rows of earlier fiscal years are judged as of their last month.
 */
import { budgetReport, type BudgetReportRow, type UnitResources } from "../engine/budget";
import { checkScorecard } from "../engine/checks";
import { indexScorecard } from "../engine/index";
import type { Finding, Scorecard } from "../engine/model";
import { fiscalYearMonths, fiscalYearOf } from "../engine/period";
import type { Expectation, Expected } from "./expectations";
import type { WorkbookInput } from "./input";
import { SHEETS } from "./layout";
import {
  BUDGET_FIRST_ROW,
  budgetCol,
  spendCol,
  type BudgetComputed,
  type BudgetInput,
} from "./sheets/budget";

const cents = (dollars: number) => Math.round(dollars * 100);
const dollars = (c: number | undefined): Expected => (c === undefined ? "" : c / 100);
const cell = (x: number | string | undefined): Expected => (x === undefined ? "" : x);

/** The resources the engine reads, built from the Budget sheet's input rows. */
export function resourcesOf(budget: BudgetInput, fyStartMonth: number): Map<string, UnitResources> {
  const units = new Map<string, UnitResources>();
  const get = (unit: string) => {
    let u = units.get(unit);
    if (!u) units.set(unit, (u = { unit, years: new Map(), months: new Map() }));
    return u;
  };
  const source = { sheet: SHEETS.budget, row: 0, column: 0 };
  for (const y of budget.years)
    get(y.unit).years.set(y.fiscalYear, {
      budgetCents: y.budget === undefined ? undefined : cents(y.budget),
      fte: y.fte,
      revenueCents: y.revenue === undefined ? undefined : cents(y.revenue),
      source,
    });
  for (const s of budget.spend) {
    const months = fiscalYearMonths(s.fiscalYear, fyStartMonth);
    months.forEach((m, j) => {
      const allot = s.allotment[j];
      const spend = s.spend[j];
      if (allot === undefined && spend === undefined) return;
      get(s.unit).months.set(m, {
        allotmentCents: allot === undefined ? undefined : cents(allot),
        spendCents: spend === undefined ? undefined : cents(spend),
        source,
      });
    });
  }
  return units;
}

/** The engine's value for each checked column of a report row. */
function expectedCells(row: BudgetReportRow, n: number, allotted: boolean): [BudgetComputed, Expected][] {
  const results: [BudgetComputed, Expected][] = [
    ["Months to date", n],
    ["Target", cell(row.target)],
    ["Results YTD", cell(row.resultsYtd)],
    ["Results plan YTD", cell(row.milestoneYtd)],
    ["Results vs plan", cell(row.resultsVsPlan)],
    ["Results", row.resultsStanding],
    ["Cost per result planned", dollars(row.cost.planned)],
  ];
  if (!allotted) return results; // the sheet says nothing about spend without allotments; the engine spreads the budget
  return [
    ...results,
    ["Allotted YTD", dollars(row.allotmentYtd)],
    ["Spent YTD", dollars(row.spendYtd)],
    ["Spend variance %", cell(row.spendVariance)],
    ["Spending", cell(row.spendStanding)],
    ["Cost per result actual", dollars(row.cost.actual)],
    ["Cost variance %", cell(row.cost.variance)],
    ["Spend forecast", dollars(row.forecast?.value)],
    ["Forecast vs allotments %", cell(row.forecastVariance)],
    ["Status", row.status],
  ];
}

/**
 * Every checked Budget cell with the engine's value. Example:
 * `budgetExpectations(input, scorecard, findings).find((e) => e.quantity.startsWith("budget.status"))`.
 */
export function budgetExpectations(
  input: WorkbookInput,
  scorecard: Scorecard,
  dataFindings: Finding[],
): Expectation[] {
  const budget = input.budget;
  if (!budget) return [];
  const fy0 = fiscalYearOf(input.asOfMonth, input.fyStartMonth);
  const resources = resourcesOf(budget, input.fyStartMonth);
  const out: Expectation[] = [];
  const byYear = new Map<number, ReturnType<typeof checkScorecard>>();
  budget.years.forEach((y, i) => {
    if (y.fiscalYear > fy0 || y.budget === undefined) return;
    const asOf =
      y.fiscalYear === fy0 ? input.asOfMonth : fiscalYearMonths(y.fiscalYear, input.fyStartMonth)[11];
    let checks = byYear.get(y.fiscalYear);
    if (!checks)
      byYear.set(y.fiscalYear, (checks = checkScorecard(indexScorecard(scorecard, dataFindings), { asOf })));
    const unit = resources.get(y.unit)!;
    const report = budgetReport(new Map([[y.unit, unit]]), checks, {
      asOf,
      fyStartMonth: input.fyStartMonth,
      measure: y.measure,
    });
    const row = report.rows[0];
    if (!row) return;
    const spend = budget.spend.find((s) => s.unit === y.unit && s.fiscalYear === y.fiscalYear);
    const allotted = spend !== undefined && spend.allotment.filter((a) => a !== undefined).length === 12;
    const r = BUDGET_FIRST_ROW + i;
    const s = budget.spend.indexOf(spend!);
    if (allotted)
      for (const [column, expected] of [
        ["Allotted YTD", dollars(row.allotmentYtd)],
        ["Spent YTD", dollars(row.spendYtd)],
        ["Months to date", report.monthsElapsed],
        ["Allotted year", dollars(row.budget)],
      ] as const)
        out.push({
          sheet: SHEETS.budget,
          address: `${spendCol(column)}${BUDGET_FIRST_ROW + s}`,
          expected,
          quantity: `spend.${column}: ${y.unit} FY${y.fiscalYear}`,
        });
    for (const [column, expected] of expectedCells(row, report.monthsElapsed, allotted))
      out.push({
        sheet: SHEETS.budget,
        address: `${budgetCol(column)}${r}`,
        expected,
        quantity: `budget.${column}: ${y.unit} FY${y.fiscalYear}`,
      });
  });
  return out;
}
