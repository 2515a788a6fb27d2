/**
 * What every formula cell of the Budget sheet must show, computed by the engine's own budget
 * report (src/engine/budget: budgetReport, monitorUnit, costPerResult) for the same inputs, for
 * the differential tests (LibreOffice and HyperFormula). Money: the engine works in whole cents,
 * the sheet in dollars. Rows of earlier fiscal years are judged as of their last month.
 */
import {
  budgetReport,
  costPerResult,
  monitorUnit,
  type BudgetReportRow,
  type UnitResources,
} from "../engine/budget";
import { checkScorecard } from "../engine/checks";
import { indexScorecard } from "../engine/index";
import type { Finding, Scorecard } from "../engine/model";
import { fiscalYearMonths, fiscalYearOf } from "../engine/period";
import type { Expectation, Expected } from "./expectations";
import type { WorkbookInput } from "./input";
import { SHEETS } from "./layout";
import type { WorkbookPlan } from "./plan";
import { BUDGET_STATUS_TABLE, sectionCol, type BudgetSectionColumn } from "./sheets/dashboardBudget";
import {
  BUDGET_FIRST_ROW,
  budgetCol,
  spendCol,
  type BudgetComputed,
  type BudgetInput,
} from "./sheets/budgetColumns";

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
    ["Key", `${row.unit}|${row.fiscalYear}`],
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
  plan: WorkbookPlan,
  scorecard: Scorecard,
  dataFindings: Finding[],
): Expectation[] {
  const budget = input.budget;
  if (!budget) return [];
  const fy0 = fiscalYearOf(input.asOfMonth, input.fyStartMonth);
  const resources = resourcesOf(budget, input.fyStartMonth);
  const out: Expectation[] = [];
  const byYear = new Map<number, ReturnType<typeof checkScorecard>>();
  const thisYear = new Map<string, { row: BudgetReportRow; allotted: boolean; budget: number }>();
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
    if (y.fiscalYear === fy0) thisYear.set(y.unit, { row, allotted, budget: y.budget });
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
  out.push(...dashboardExpectations(input, plan, thisYear));
  return out;
}

/** The Dashboard's "Budget and results" rows: each unit's this-year row, and the program added up. */
function dashboardExpectations(
  input: WorkbookInput,
  plan: WorkbookPlan,
  thisYear: Map<string, { row: BudgetReportRow; allotted: boolean; budget: number }>,
): Expectation[] {
  const table = plan.sheets
    .find((s) => s.name === SHEETS.dashboard)
    ?.tables.find((t) => t.name === BUDGET_STATUS_TABLE);
  if (!table) return [];
  const programRow = Number(/\d+$/.exec(table.topLeft)![0]) + 1;
  const out: Expectation[] = [];
  const at = (column: BudgetSectionColumn, r: number, expected: Expected, who: string) =>
    out.push({
      sheet: SHEETS.dashboard,
      address: `${sectionCol(column)}${r}`,
      expected,
      quantity: `dashboard.${column}: ${who}`,
    });
  input.units.forEach((u, i) => {
    const found = thisYear.get(u.id);
    if (!found) return;
    const { row, allotted, budget } = found;
    const r = programRow + 1 + i;
    at("Budget", r, budget, u.id);
    at("Target", r, cell(row.target), u.id);
    at("Results YTD", r, cell(row.resultsYtd), u.id);
    at("Results plan YTD", r, cell(row.milestoneYtd), u.id);
    at("Results vs plan %", r, cell(row.resultsVsPlan), u.id);
    at("Cost per result planned", r, dollars(row.cost.planned), u.id);
    if (!allotted) return;
    at("Allotted YTD", r, dollars(row.allotmentYtd), u.id);
    at("Spent YTD", r, dollars(row.spendYtd), u.id);
    at("Spend vs plan %", r, cell(row.spendVariance), u.id);
    at("Cost per result actual", r, dollars(row.cost.actual), u.id);
    at("Status", r, row.status, u.id);
  });
  const rows = input.units.map((u) => thisYear.get(u.id));
  // The program is judged only where every unit has this year's budget with its allotments.
  if (rows.length === 0 || rows.some((x) => !x || !x.allotted)) return out;
  const units = rows.map((x) => x!.row);
  const sum = (f: (r: BudgetReportRow) => number | undefined) =>
    units.every((r) => f(r) !== undefined) ? units.reduce((a, r) => a + f(r)!, 0) : undefined;
  const budgetCents = rows.reduce((a, x) => a + cents(x!.budget), 0);
  const allotted = sum((r) => r.allotmentYtd)!;
  const spent = sum((r) => r.spendYtd);
  const resultsYtd = sum((r) => r.resultsYtd);
  const milestones = sum((r) => r.milestoneYtd);
  const directions = new Set(
    input
      .budget!.years.filter((y) => y.fiscalYear === units[0].fiscalYear)
      .map((y) => input.measures.find((m) => m.id === y.measure)?.direction),
  );
  const direction = directions.size === 1 ? [...directions][0] : undefined;
  const judged = units.every((r) => r.resultsVsPlan !== undefined);
  const monitor = monitorUnit({
    unit: "Program",
    moneyUnit: "cents",
    monthsElapsed: 1,
    allotments: [allotted, 0],
    spend: [spent],
    results:
      judged && (direction === "up" || direction === "down")
        ? { ytdActual: resultsYtd!, ytdMilestone: milestones!, direction }
        : undefined,
  });
  const cost = costPerResult({
    budget: budgetCents,
    target: units.every((r) => r.cost.planned !== undefined) ? sum((r) => r.target) : undefined,
    spend: spent,
    results: units.every((r) => r.cost.actual !== undefined) ? resultsYtd : undefined,
    moneyUnit: "cents",
  });
  const p = programRow;
  at("Budget", p, budgetCents / 100, "program");
  at("Allotted YTD", p, dollars(allotted), "program");
  at("Spent YTD", p, dollars(spent), "program");
  at("Spend vs plan %", p, cell(monitor.spendVariance), "program");
  at("Results YTD", p, cell(resultsYtd), "program");
  at("Results plan YTD", p, cell(milestones), "program");
  at("Cost per result planned", p, dollars(cost.planned), "program");
  at("Cost per result actual", p, dollars(cost.actual), "program");
  if (direction !== undefined || !judged) {
    at("Results vs plan %", p, cell(monitor.resultsVsPlan), "program");
    at("Status", p, monitor.status, "program");
  }
  return out;
}
