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

export const BUDGET_TABLES = { budget: "tblBudget", spend: "tblSpend" } as const;

/** One unit's resources for one fiscal year, money in dollars (whole cents). */
export interface BudgetYearInput {
  unit: string;
  fiscalYear: number;
  /** The measure whose results the money buys (a count or amount). */
  measure?: string;
  budget?: number;
  fte?: number;
  revenue?: number;
}

/** One unit's twelve allotments and twelve months of spend, in fiscal order. */
export interface SpendYearInput {
  unit: string;
  fiscalYear: number;
  allotment: (number | undefined)[];
  spend: (number | undefined)[];
}

export interface BudgetInput {
  years: BudgetYearInput[];
  spend: SpendYearInput[];
}

export const BUDGET_HEADERS = {
  unit: "Unit ID",
  fiscalYear: "Fiscal year",
  measure: "Measure ID",
  budget: "Budget",
  fte: "FTE",
  revenue: "Revenue",
} as const;

/** The computed columns of tblBudget, in order. */
export const BUDGET_COMPUTED = [
  "Key",
  "Months to date",
  "Scorecard row",
  "Spend row",
  "Target",
  "Allotted YTD",
  "Spent YTD",
  "Spend variance %",
  "Spending",
  "Results YTD",
  "Results plan YTD",
  "Results vs plan",
  "Results",
  "Cost per result planned",
  "Cost per result actual",
  "Cost variance %",
  "Spend forecast",
  "Forecast vs allotments %",
  "Status",
] as const;
export type BudgetComputed = (typeof BUDGET_COMPUTED)[number];

/** The computed columns of tblSpend, in order. */
export const SPEND_COMPUTED = [
  "Key",
  "Months to date",
  "Allotted year",
  "Allotted YTD",
  "Spent YTD",
  "Complete year",
  "Spend to as-of month",
  "Spend year",
] as const;
export type SpendComputed = (typeof SPEND_COMPUTED)[number];

export const BUDGET_HEADER_ROW = 6;
export const BUDGET_FIRST_ROW = BUDGET_HEADER_ROW + 1;
/** Spend and results within this fraction of plan are on plan (the monitor's default). */
export const BUDGET_TOLERANCE = 0.05;

const BUDGET_INPUTS = Object.values(BUDGET_HEADERS);
/** tblSpend starts two columns right of tblBudget's last. */
const SPEND_FIRST_COL = BUDGET_INPUTS.length + BUDGET_COMPUTED.length + 2;
const ALLOT_COL = SPEND_FIRST_COL + 2;
const SPEND_COL = ALLOT_COL + 12;
const SPEND_COMPUTED_COL = SPEND_COL + 12;

/** Column letter of a tblBudget column. Example: `budgetCol("Status")`. */
export function budgetCol(name: BudgetComputed | keyof typeof BUDGET_HEADERS): string {
  const i = (BUDGET_COMPUTED as readonly string[]).indexOf(name);
  return i >= 0
    ? columnLetter(BUDGET_INPUTS.length + 1 + i)
    : columnLetter(Object.keys(BUDGET_HEADERS).indexOf(name) + 1);
}

/** Column letter of a tblSpend column. Example: `spendCol("Spent YTD")`. */
export function spendCol(name: SpendComputed | "unit" | "fiscalYear"): string {
  if (name === "unit") return columnLetter(SPEND_FIRST_COL);
  if (name === "fiscalYear") return columnLetter(SPEND_FIRST_COL + 1);
  return columnLetter(SPEND_COMPUTED_COL + SPEND_COMPUTED.indexOf(name));
}

const MONTH_NO_ROW = BUDGET_HEADER_ROW - 1;
const block = (start: number, r: number | string) =>
  `$${columnLetter(start)}${r}:$${columnLetter(start + 11)}${r}`;
const monthNo = (start: number) => block(start, `$${MONTH_NO_ROW}`);

/** The formulas of one tblSpend row. */
function spendRowFormulas(r: number): Record<SpendComputed, string> {
  const c = (n: SpendComputed) => `$${spendCol(n)}${r}`;
  const allot = block(ALLOT_COL, r);
  const spend = block(SPEND_COL, r);
  const n = c("Months to date");
  return {
    Key: `$${spendCol("unit")}${r}&"|"&$${spendCol("fiscalYear")}${r}`,
    "Months to date": `MEDIAN(0,12,(AsOfFY-$${spendCol("fiscalYear")}${r})*12+AsOfN)`,
    "Allotted year": `IF(COUNT(${allot})<12,"",SUM(${allot}))`,
    "Allotted YTD": `IF(COUNT(${allot})<12,"",SUMIFS(${allot},${monthNo(ALLOT_COL)},"<="&${n}))`,
    // Spend to date is said only when every month to date is reported (the monitor's rule).
    "Spent YTD": `IF(COUNTIFS(${spend},">=0",${monthNo(SPEND_COL)},"<="&${n})<${n},"",SUMIFS(${spend},${monthNo(SPEND_COL)},"<="&${n}))`,
    "Complete year": `IF(COUNTIFS(${spend},">=0")=12,1,0)`,
    "Spend to as-of month": `IF(${c("Complete year")}=1,SUMIFS(${spend},${monthNo(SPEND_COL)},"<="&AsOfN),0)`,
    "Spend year": `IF(${c("Complete year")}=1,SUM(${spend}),0)`,
  };
}

interface Ranges {
  gridKey: string;
  gridTarget: string;
  gridYtdActual: string;
  gridYtdPlan: string;
  spend: (n: SpendComputed | "unit" | "fiscalYear") => string;
}

const RESULT_WORDS: [string, string][] = [
  ["behind", "Behind on results"],
  ["on plan", "On plan for results"],
  ["ahead", "Ahead on results"],
];

/** The formulas of one tblBudget row (src/engine/budget/report.ts and monitor.ts in Excel). */
function budgetRowFormulas(r: number, x: Ranges): Record<BudgetComputed, string> {
  const c = (n: BudgetComputed) => `$${budgetCol(n)}${r}`;
  const [unit, fy, measure, budget] = (["unit", "fiscalYear", "measure", "budget"] as const).map(
    (k) => `$${budgetCol(k)}${r}`,
  );
  const n = c("Months to date");
  const grid = c("Scorecard row");
  const row = c("Spend row");
  const fromGrid = (range: string) =>
    `IF(${grid}="","",IF(ISNUMBER(INDEX(${range},${grid})),INDEX(${range},${grid}),""))`;
  const fromSpend = (col: SpendComputed) =>
    `IF(${row}="","",IF(ISNUMBER(INDEX(${x.spend(col)},${row})),INDEX(${x.spend(col)},${row}),""))`;
  const kind = `IFERROR(INDEX(MeasureKinds,MATCH(${measure},MeasureIds,0)),"")`;
  const direction = `IFERROR(INDEX(MeasureDirections,MATCH(${measure},MeasureIds,0)),"")`;
  const countable = `OR(${kind}="count",${kind}="amount")`;
  const [target, allotted, spent, variance, spending] = [
    c("Target"),
    c("Allotted YTD"),
    c("Spent YTD"),
    c("Spend variance %"),
    c("Spending"),
  ];
  const [results, plan, better, standing] = [
    c("Results YTD"),
    c("Results plan YTD"),
    c("Results vs plan"),
    c("Results"),
  ];
  const earlier = `${x.spend("unit")},${unit},${x.spend("fiscalYear")},"<"&${fy}`;
  const part = `SUMIFS(${x.spend("Spend to as-of month")},${earlier})`;
  const whole = `SUMIFS(${x.spend("Spend year")},${earlier})`;
  const history = `COUNTIFS(${earlier},${x.spend("Complete year")},1)`;
  const words = RESULT_WORDS.reduceRight(
    (rest, [key, text]) => `IF(${standing}="${key}","${text}",${rest})`,
    '"No results to compare yet"',
  );
  const spendWords = `IF(${spending}="under plan","spending behind plan",IF(${spending}="on plan","spending on plan","spending ahead of plan"))`;
  const warning = `OR(AND(${standing}="behind",${spending}<>"under plan"),AND(${standing}<>"ahead",${spending}="over plan"))`;
  return {
    Key: `${unit}&"|"&${fy}`,
    "Months to date": `MEDIAN(0,12,(AsOfFY-${fy})*12+AsOfN)`,
    "Scorecard row": `IFERROR(MATCH(${measure}&"|"&${unit}&"|"&${fy},${x.gridKey},0),"")`,
    "Spend row": `IFERROR(MATCH(${unit}&"|"&${fy},${x.spend("Key")},0),"")`,
    Target: fromGrid(x.gridTarget),
    "Allotted YTD": fromSpend("Allotted YTD"),
    "Spent YTD": fromSpend("Spent YTD"),
    "Spend variance %": `IF(AND(ISNUMBER(${spent}),ISNUMBER(${allotted})),IF(${allotted}>0,${spent}/${allotted}-1,""),"")`,
    Spending: `IF(ISNUMBER(${variance}),IF(${variance}>${BUDGET_TOLERANCE},"over plan",IF(${variance}<-${BUDGET_TOLERANCE},"under plan","on plan")),"")`,
    "Results YTD": fromGrid(x.gridYtdActual),
    "Results plan YTD": fromGrid(x.gridYtdPlan),
    "Results vs plan": `IF(AND(ISNUMBER(${results}),ISNUMBER(${plan}),OR(${direction}="up",${direction}="down")),IF(${plan}>0,IF(${direction}="down",1-${results}/${plan},${results}/${plan}-1),""),"")`,
    Results: `IF(ISNUMBER(${better}),IF(${better}<-${BUDGET_TOLERANCE},"behind",IF(${better}>${BUDGET_TOLERANCE},"ahead","on plan")),"no results yet")`,
    // A budget of 0 against a target plans no cost per result: undefined, not free.
    "Cost per result planned": `IF(AND(${countable},ISNUMBER(${target}),ISNUMBER(${budget})),IF(AND(${target}>0,${budget}>0),${budget}/${target},""),"")`,
    "Cost per result actual": `IF(AND(${countable},ISNUMBER(${spent}),ISNUMBER(${results})),IF(${results}>0,${spent}/${results},""),"")`,
    "Cost variance %": `IF(AND(ISNUMBER(${c("Cost per result planned")}),ISNUMBER(${c("Cost per result actual")})),${c("Cost per result actual")}/${c("Cost per result planned")}-1,"")`,
    "Spend forecast": `IF(AND(ISNUMBER(${spent}),${n}>0),IF(${n}>=12,${spent},IF(${history}>0,IF(${part}>0,${spent}*(${whole}/${part}),""),${spent}*12/${n})),"")`,
    "Forecast vs allotments %": `IF(AND(ISNUMBER(${c("Spend forecast")}),ISNUMBER(${fromSpend("Allotted year")})),IF(${fromSpend("Allotted year")}>0,${c("Spend forecast")}/${fromSpend("Allotted year")}-1,""),"")`,
    Status: `IF(${spending}="",${words}&"; spending not reported for every month yet.",${words}&IF(${warning}," while ",", ")&${spendWords}&".")`,
  };
}

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
