/**
 * The Budget sheet: tblBudget (one row per unit x fiscal year: the measure the money buys, budget,
 * FTE, revenue) and beside it tblSpend (one row per unit x fiscal year, twelve allotment and
 * twelve spend columns, as tblMonthly holds months). Grey columns are live formulas mirroring
 * src/engine/budget (budgetReport: monitorUnit and costPerResult, docs/budget.md): allotment and
 * spend year to date, their variance, results beside milestones from Milestones & Actuals, cost
 * per result planned and actual, a year-end spend forecast (seasonal run rate from earlier
 * complete years of spend, else run rate) and one status on both axes in words.
 */
import { gridCol } from "../gridFormulas";
import { columnLetter, fiscalMonthLabels, SHEETS } from "../layout";
import type { PlanColumn, PlanValue, SheetPlan } from "../plan";
import { colRange, computed, emptySheet, fx, heading, input, NON_NEGATIVE, v } from "./common";
import type { GridLayout } from "./monthly";
import {
  BUDGET_TABLES,
  BUDGET_HEADERS,
  BUDGET_COMPUTED,
  SPEND_COMPUTED,
  BUDGET_HEADER_ROW,
  BUDGET_FIRST_ROW,
  BUDGET_INPUTS,
  SPEND_FIRST_COL,
  ALLOT_COL,
  budgetCol,
  spendCol,
  MONTH_NO_ROW,
  spendRowFormulas,
  budgetRowFormulas,
  type BudgetInput,
  type BudgetComputed,
  type Ranges,
} from "./budgetColumns";

const FORMATS: Partial<Record<BudgetComputed, string>> = {
  Target: "#,##0.0#",
  "Allotted YTD": "$#,##0",
  "Spent YTD": "$#,##0",
  "Spend variance %": "0.0%",
  "Results YTD": "#,##0.0#",
  "Results plan YTD": "#,##0.0#",
  "Results vs plan": "0.0%",
  "Cost per result planned": "$#,##0.00",
  "Cost per result actual": "$#,##0.00",
  "Cost variance %": "0.0%",
  "Spend forecast": "$#,##0",
  "Forecast vs allotments %": "0.0%",
};

export interface BudgetLayout {
  firstRow: number;
  lastRow: number;
  /** Sheet row of each tblBudget row, keyed "unit|fy". */
  rowOf: Map<string, number>;
  spendRowOf: Map<string, number>;
  /** Absolute reference to a tblBudget column over its data rows. */
  range(column: BudgetComputed | keyof typeof BUDGET_HEADERS): string;
}

/** The Budget sheet and where its rows landed. */
export function budgetSheet(
  budget: BudgetInput,
  grid: GridLayout,
  fyStartMonth: number,
): { sheet: SheetPlan; layout: BudgetLayout } {
  const sheet = emptySheet(
    SHEETS.budget,
    "Each unit's budget, FTE and monthly spend beside its results: cost per result and one status on both axes.",
    "8A6D00",
  );
  const labels = fiscalMonthLabels(fyStartMonth);
  const years = budget.years.length > 0 ? budget.years : [undefined];
  const spends = budget.spend.length > 0 ? budget.spend : [undefined];
  const first = BUDGET_FIRST_ROW;
  const lastBudget = first + years.length - 1;
  const lastSpend = first + spends.length - 1;
  const rowOf = new Map<string, number>();
  budget.years.forEach((y, i) => rowOf.set(`${y.unit}|${y.fiscalYear}`, first + i));
  const spendRowOf = new Map<string, number>();
  budget.spend.forEach((s, i) => spendRowOf.set(`${s.unit}|${s.fiscalYear}`, first + i));
  const ranges: Ranges = {
    gridKey: grid.range(gridCol("Key")),
    gridTarget: grid.range(columnLetter(4)),
    gridYtdActual: grid.range(gridCol("YTD actual")),
    gridYtdPlan: grid.range(gridCol("YTD plan")),
    spend: (col) => colRange(SHEETS.budget, spendCol(col), first, lastSpend),
  };
  const money = (header: string) =>
    input(header, 13, {
      numberFormat: "$#,##0",
      validation: { ...NON_NEGATIVE, errorMessage: "Type an amount of 0 or more." },
    });
  const budgetColumns: PlanColumn[] = [
    input(BUDGET_HEADERS.unit, 14),
    input(BUDGET_HEADERS.fiscalYear, 8, {
      validation: {
        rule: { type: "whole", min: 1900, max: 2999 },
        allowBlank: false,
        errorMessage: "Type the fiscal year, e.g. 2027.",
      },
    }),
    input(BUDGET_HEADERS.measure, 16),
    money(BUDGET_HEADERS.budget),
    input(BUDGET_HEADERS.fte, 7, { numberFormat: "0.0", validation: NON_NEGATIVE }),
    money(BUDGET_HEADERS.revenue),
    ...BUDGET_COMPUTED.map((name) => computed(name, FORMATS[name], name === "Status" ? 52 : 12)),
  ];
  const budgetRows: PlanValue[][] = years.map((y, i) => {
    const f = budgetRowFormulas(first + i, ranges);
    const data: PlanValue[] = y
      ? [y.unit, y.fiscalYear, v(y.measure), v(y.budget), v(y.fte), v(y.revenue)]
      : new Array<PlanValue>(BUDGET_INPUTS.length).fill(null);
    return [...data, ...BUDGET_COMPUTED.map((name) => fx(f[name]))];
  });
  const spendColumns: PlanColumn[] = [
    input(BUDGET_HEADERS.unit, 14),
    input(BUDGET_HEADERS.fiscalYear, 8),
    ...labels.map((m) => money(`Allotment ${m}`)),
    ...labels.map((m) => money(`Spend ${m}`)),
    ...SPEND_COMPUTED.map((name) =>
      computed(
        name,
        name === "Key" || name === "Months to date" || name === "Complete year" ? undefined : "$#,##0",
        name === "Key" ? 16 : 12,
      ),
    ),
  ];
  const spendRows: PlanValue[][] = spends.map((s, i) => {
    const f = spendRowFormulas(first + i);
    const data: PlanValue[] = s
      ? [s.unit, s.fiscalYear, ...padded(s.allotment).map(v), ...padded(s.spend).map(v)]
      : new Array<PlanValue>(26).fill(null);
    return [...data, ...SPEND_COMPUTED.map((name) => fx(f[name]))];
  });
  sheet.ranges.push(
    ...heading(
      "Budget",
      "Left: each unit's budget, FTE and revenue per fiscal year, and the measure the money buys. Right: monthly allotments and spend. Grey columns are formulas.",
    ),
    { topLeft: "A3", values: [["As of", fx("AsOfMonth")]], bold: true },
    {
      topLeft: `${columnLetter(ALLOT_COL)}${MONTH_NO_ROW}`,
      values: [[...labels.map((_, i) => i + 1), ...labels.map((_, i) => i + 1)]],
      numberFormat: "0",
    },
  );
  sheet.tables.push(
    {
      name: BUDGET_TABLES.budget,
      topLeft: `A${BUDGET_HEADER_ROW}`,
      columns: budgetColumns,
      rows: budgetRows,
      style: "TableStyleLight11",
    },
    {
      name: BUDGET_TABLES.spend,
      topLeft: `${columnLetter(SPEND_FIRST_COL)}${BUDGET_HEADER_ROW}`,
      columns: spendColumns,
      rows: spendRows,
      style: "TableStyleLight11",
    },
  );
  const status = `${budgetCol("Status")}${first}:${budgetCol("Status")}${lastBudget}`;
  sheet.conditionalFormats.push(
    {
      type: "expression",
      range: status,
      formula: `=ISNUMBER(SEARCH(" while ",$${budgetCol("Status")}${first}))`,
      color: "bad",
    },
    {
      type: "textEquals",
      range: `${budgetCol("Spending")}${first}:${budgetCol("Spending")}${lastBudget}`,
      text: "over plan",
      color: "warn",
    },
    {
      type: "textEquals",
      range: `${budgetCol("Results")}${first}:${budgetCol("Results")}${lastBudget}`,
      text: "behind",
      color: "bad",
    },
  );
  sheet.freeze = { rows: BUDGET_HEADER_ROW, columns: 1 };
  // Paper gets the judged table (one page wide); the months beside it are for typing.
  sheet.print = {
    orientation: "landscape",
    fitToWidth: 1,
    area: `A1:${budgetCol("Status")}${lastBudget}`,
    titleRows: `1:${BUDGET_HEADER_ROW}`,
    titleColumns: "A:A",
  };
  sheet.hiddenColumns = [
    budgetCol("Key"),
    budgetCol("Scorecard row"),
    budgetCol("Spend row"),
    spendCol("Key"),
  ];
  return {
    sheet,
    layout: {
      firstRow: first,
      lastRow: lastBudget,
      rowOf,
      spendRowOf,
      range: (column) => colRange(SHEETS.budget, budgetCol(column), first, lastBudget),
    },
  };
}

function padded(xs: (number | undefined)[]): (number | undefined)[] {
  return Array.from({ length: 12 }, (_, i) => xs[i]);
}

/** Empty rows for a template without data: one per unit for the as-of fiscal year, buying `measure`. */
export function emptyBudget(units: { id: string }[], fiscalYear: number, measure?: string): BudgetInput {
  return {
    years: units.map((u) => ({ unit: u.id, fiscalYear, measure })),
    spend: units.map((u) => ({ unit: u.id, fiscalYear, allotment: [], spend: [] })),
  };
}
