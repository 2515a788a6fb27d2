/**
 * The Dashboard's "Budget and results" section (docs/design.md, item 4): the program and each
 * unit this fiscal year, spend against allotments beside results against milestones, cost per
 * result planned and actual, and the two-axis status in words, all formulas over the Budget
 * sheet; and a native column chart of spend vs plan beside results vs plan per unit, whose
 * series live on the hidden Chart data sheet (to the right of the measures' series).
 */
import { SHEETS } from "../layout";
import type { PlanRange, PlanTable, PlanValue } from "../plan";
import { type BudgetLayout } from "./budget";
import { BUDGET_TOLERANCE, type BudgetComputed } from "./budgetColumns";
import { computed, fx, sheetRef } from "./common";
import type { DashboardSection } from "./dashboard";

export const BUDGET_STATUS_TABLE = "tblBudgetStatus";

export const BUDGET_SECTION_COLUMNS = [
  "Unit ID",
  "Budget",
  "Target",
  "Allotted YTD",
  "Spent YTD",
  "Spend vs plan %",
  "Results YTD",
  "Results plan YTD",
  "Results vs plan %",
  "Cost per result planned",
  "Cost per result actual",
  "Status",
] as const;
export type BudgetSectionColumn = (typeof BUDGET_SECTION_COLUMNS)[number];

/** Column letter of a section column (the table starts in column A). Example: `sectionCol("Status") === "K"`. */
export function sectionCol(name: BudgetSectionColumn): string {
  return String.fromCharCode(65 + BUDGET_SECTION_COLUMNS.indexOf(name));
}

/** Where the chart's series start on the Chart data sheet: right of the measures' C:N months. */
export const BUDGET_CHART_COLUMN = "R";
const CHART_HEADER_ROW = 4;

const FORMATS: Partial<Record<BudgetSectionColumn, string>> = {
  Budget: "$#,##0",
  Target: "#,##0",
  "Allotted YTD": "$#,##0",
  "Spent YTD": "$#,##0",
  "Spend vs plan %": "+0.0%;-0.0%;0.0%",
  "Results YTD": "#,##0",
  "Results plan YTD": "#,##0",
  "Results vs plan %": "+0.0%;-0.0%;0.0%",
  "Cost per result planned": "$#,##0.00",
  "Cost per result actual": "$#,##0.00",
};

export interface BudgetSectionLayout {
  /** Sheet row of the program row and of each unit's row. */
  programRow: number;
  unitRow: Map<string, number>;
}

/** The two-axis sentence from two standings, as the Budget sheet writes it (and monitorUnit). */
function sentence(results: string, spending: string): string {
  const words = `IF(${results}="behind","Behind on results",IF(${results}="on plan","On plan for results",IF(${results}="ahead","Ahead on results","No results to compare yet")))`;
  const spendWords = `IF(${spending}="under plan","spending behind plan",IF(${spending}="on plan","spending on plan","spending ahead of plan"))`;
  const warning = `OR(AND(${results}="behind",${spending}<>"under plan"),AND(${results}<>"ahead",${spending}="over plan"))`;
  return `IF(${spending}="",${words}&"; spending not reported for every month yet.",${words}&IF(${warning}," while ",", ")&${spendWords}&".")`;
}

/** A standing from a +better fraction, blank when there is none. */
const standing = (x: string, low: string, mid: string, high: string, none: string) =>
  `IF(ISNUMBER(${x}),IF(${x}<-${BUDGET_TOLERANCE},"${low}",IF(${x}>${BUDGET_TOLERANCE},"${high}","${mid}")),"${none}")`;

/**
 * The section from its top row. Example: `budgetSection(units, layout, 40).section.nextRow > 40`.
 * Pure in `top` (the Dashboard calls it twice: once to measure it).
 */
export function budgetSection(
  units: string[],
  budget: BudgetLayout,
  top: number,
): { section: DashboardSection; layout: BudgetSectionLayout } {
  const headerRow = top + 2;
  const programRow = headerRow + 1;
  const firstUnit = programRow + 1;
  const lastUnit = firstUnit + Math.max(1, units.length) - 1;
  const b = (col: BudgetComputed | "budget") => budget.range(col);
  const key = b("Key");
  const c = (name: BudgetSectionColumn, r: number) => `$${sectionCol(name)}${r}`;
  const unitRow = new Map<string, number>();
  const rows: PlanValue[][] = (units.length ? units : [undefined]).map((unit, i) => {
    const r = firstUnit + i;
    if (unit !== undefined) unitRow.set(unit, r);
    const at = `MATCH($A${r}&"|"&AsOfFY,${key},0)`;
    const pick = (col: BudgetComputed | "budget") =>
      `IFERROR(IF(ISNUMBER(INDEX(${b(col)},${at})),INDEX(${b(col)},${at}),""),"")`;
    return [
      unit ?? null,
      fx(pick("budget")),
      fx(pick("Target")),
      fx(pick("Allotted YTD")),
      fx(pick("Spent YTD")),
      fx(pick("Spend variance %")),
      fx(pick("Results YTD")),
      fx(pick("Results plan YTD")),
      fx(pick("Results vs plan")),
      fx(pick("Cost per result planned")),
      fx(pick("Cost per result actual")),
      fx(`IFERROR(INDEX(${b("Status")},${at}),"")`),
    ];
  });
  const col = (name: BudgetSectionColumn) =>
    `${c(name, firstUnit)}:${c(name, lastUnit)}`.replace(/\$(\d)/g, "$$$1");
  const units$ = col("Unit ID");
  const count = `COUNTA(${units$})`;
  // The program: the units added up; spend only when every unit's is known (as the engine's report).
  const all = (name: BudgetSectionColumn) =>
    `IF(AND(${count}>0,COUNT(${col(name)})=${count}),SUM(${col(name)}),"")`;
  const p = (name: BudgetSectionColumn) => c(name, programRow);
  const spendVs = `IF(AND(ISNUMBER(${p("Spent YTD")}),ISNUMBER(${p("Allotted YTD")})),IF(${p("Allotted YTD")}>0,${p("Spent YTD")}/${p("Allotted YTD")}-1,""),"")`;
  const spending = standing(p("Spend vs plan %"), "under plan", "on plan", "over plan", "");
  const results = standing(p("Results vs plan %"), "behind", "on plan", "ahead", "no results yet");
  // Direction-aware results vs plan, weighted by each unit's plan: for one measure bought across
  // units this is total results against total milestones (+ better), whichever way is up.
  const better = `IF(AND(${count}>0,COUNT(${col("Results vs plan %")})=${count}),SUMPRODUCT(${col("Results vs plan %")},${col("Results plan YTD")})/SUM(${col("Results plan YTD")}),"")`;
  const everyUnit = (name: BudgetSectionColumn) => `AND(${count}>0,COUNT(${col(name)})=${count})`;
  const program: PlanValue[] = [
    "Program",
    fx(`IF(${count}=0,"",SUM(${col("Budget")}))`),
    fx(all("Target")),
    fx(all("Allotted YTD")),
    fx(all("Spent YTD")),
    fx(spendVs),
    fx(all("Results YTD")),
    fx(all("Results plan YTD")),
    fx(better),
    fx(`IF(${everyUnit("Cost per result planned")},SUM(${col("Budget")})/SUM(${col("Target")}),"")`),
    fx(`IF(${everyUnit("Cost per result actual")},SUM(${col("Spent YTD")})/SUM(${col("Results YTD")}),"")`),
    fx(sentence(results, spending)),
  ];
  const table: PlanTable = {
    name: BUDGET_STATUS_TABLE,
    topLeft: `A${headerRow}`,
    // Status is as narrow as the rest: its sentence runs on over the empty cells to its right, as
    // the flags' "What we saw" does. A wide column L would also widen every table above it (the
    // Dashboard's tables share widths), pushing the program table's year-to-date half off the page.
    columns: BUDGET_SECTION_COLUMNS.map((h) => computed(h, FORMATS[h], h === "Unit ID" ? 16 : 12)),
    rows: [program, ...rows],
  };
  const ranges: PlanRange[] = [
    { topLeft: `A${top}`, values: [["Budget and results this fiscal year"]], bold: true, fontSize: 13 },
    {
      topLeft: `A${top + 1}`,
      values: [
        [
          "Spend against allotments beside results against milestones, year to date: a unit behind on results while spending ahead of plan is in red.",
        ],
      ],
    },
  ];
  const statusRange = `${sectionCol("Status")}${programRow}:${sectionCol("Status")}${lastUnit}`;
  const chartTop = lastUnit + 2;
  const chartRows = 16;
  // Chart data: one row per unit, spend vs plan and results vs plan (+ better); #N/A is no bar.
  const data = `${sheetRef(SHEETS.chartData)}!`;
  const chartValues: PlanValue[][] = [
    ["Unit", "Spend vs plan", "Results vs plan"],
    ...(units.length ? units : [""]).map((unit, i) => {
      const r = firstUnit + i;
      const cell = (name: BudgetSectionColumn) => {
        const ref = `${sheetRef(SHEETS.dashboard)}!${sectionCol(name)}${r}`;
        return fx(`IF(ISNUMBER(${ref}),${ref},NA())`);
      };
      return [unit, cell("Spend vs plan %"), cell("Results vs plan %")];
    }),
  ];
  const first = CHART_HEADER_ROW + 1;
  const last = CHART_HEADER_ROW + chartValues.length - 1;
  const next = String.fromCharCode(BUDGET_CHART_COLUMN.charCodeAt(0) + 1);
  const third = String.fromCharCode(BUDGET_CHART_COLUMN.charCodeAt(0) + 2);
  const categories = `${data}$${BUDGET_CHART_COLUMN}$${first}:$${BUDGET_CHART_COLUMN}$${last}`;
  return {
    section: {
      ranges,
      tables: [table],
      conditionalFormats: [
        {
          type: "expression",
          range: statusRange,
          formula: `=ISNUMBER(SEARCH(" while ",$${sectionCol("Status")}${programRow}))`,
          color: "bad",
        },
      ],
      nextRow: chartTop + chartRows + 1,
      charts: [
        {
          title: "Spend vs plan beside results vs plan, by unit (year to date)",
          kind: "columnClustered",
          valueFormat: "0%",
          anchor: `A${chartTop}:I${chartTop + chartRows - 1}`,
          series: [
            { name: "Spend vs plan", categories, values: `${data}$${next}$${first}:$${next}$${last}` },
            { name: "Results vs plan", categories, values: `${data}$${third}$${first}:$${third}$${last}` },
          ],
        },
      ],
      chartData: [
        {
          topLeft: `${BUDGET_CHART_COLUMN}${CHART_HEADER_ROW - 1}`,
          values: [["Budget and results (the Dashboard's budget chart)"]],
          bold: true,
        },
        { topLeft: `${BUDGET_CHART_COLUMN}${CHART_HEADER_ROW}`, values: chartValues, numberFormat: "0.0%" },
      ],
    },
    layout: { programRow, unitRow },
  };
}
