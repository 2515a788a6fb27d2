/**
 * tblBudget's and tblSpend's columns and the live formulas of one row of each: the Budget sheet's
 * layout (budget.ts places the rows). The formulas mirror src/engine/budget (budgetReport:
 * monitorUnit and costPerResult, docs/budget.md).
 */
import { columnLetter } from "../layout";

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

export const BUDGET_INPUTS = Object.values(BUDGET_HEADERS);
/** tblSpend starts two columns right of tblBudget's last. */
export const SPEND_FIRST_COL = BUDGET_INPUTS.length + BUDGET_COMPUTED.length + 2;
export const ALLOT_COL = SPEND_FIRST_COL + 2;
export const SPEND_COL = ALLOT_COL + 12;
export const SPEND_COMPUTED_COL = SPEND_COL + 12;

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

export const MONTH_NO_ROW = BUDGET_HEADER_ROW - 1;
export const block = (start: number, r: number | string) =>
  `$${columnLetter(start)}${r}:$${columnLetter(start + 11)}${r}`;
export const monthNo = (start: number) => block(start, `$${MONTH_NO_ROW}`);

/** The formulas of one tblSpend row. */
export function spendRowFormulas(r: number): Record<SpendComputed, string> {
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

export interface Ranges {
  gridKey: string;
  gridTarget: string;
  gridYtdActual: string;
  gridYtdPlan: string;
  spend: (n: SpendComputed | "unit" | "fiscalYear") => string;
}

export const RESULT_WORDS: [string, string][] = [
  ["behind", "Behind on results"],
  ["on plan", "On plan for results"],
  ["ahead", "Ahead on results"],
];

/** The formulas of one tblBudget row (src/engine/budget/report.ts and monitor.ts in Excel). */
export function budgetRowFormulas(r: number, x: Ranges): Record<BudgetComputed, string> {
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
