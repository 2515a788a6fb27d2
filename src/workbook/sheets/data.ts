/**
 * The Data sheet: tblData, the grid unpivoted to one row per measure x unit x month, for
 * PivotTables. Every cell is a formula reading row k of tblMonthly by position (INDEX), so it is
 * linear in size and stays a faithful unpivot when the grid is sorted; rows added to the grid
 * after Yardstick wrote it appear here when the add-in next refreshes the workbook.
 * Each column holds one formula, identical on every row: the row's place in the table (ROW())
 * picks the grid row k and the fiscal month j, so Excel treats the column as a calculated column
 * and the add-in can write it as one formula rather than one per row.
 */
import { GRID } from "../gridFormulas";
import { columnLetter, DATA_HEADERS, SHEETS, TABLES } from "../layout";
import type { PlanValue, SheetPlan } from "../plan";
import { computed, emptySheet, fx, heading } from "./common";
import type { GridLayout } from "./monthly";

export const DATA_FIRST_ROW = 5;

/**
 * The seven tblData formulas, the same on every row. Example, data row 14 (k = 2, j = 1):
 * Milestone is `INDEX(<grid milestones>, 2, 2)`, Month is the grid row's second fiscal month.
 */
export function dataColumnFormulas(grid: GridLayout, fyStartMonth: number): string[] {
  const offset = `(ROW()-${DATA_FIRST_ROW})`;
  const k = `INT(${offset}/12)+1`;
  const j = `MOD(${offset},12)`;
  const pick = (col: number) => `INDEX(${grid.range(columnLetter(col))},${k})`;
  const block = (first: number) =>
    grid.range(columnLetter(first)).replace(/:\$[A-Z]+\$/, `:$${columnLetter(first + 11)}$`);
  const cell = (first: number) => `INDEX(${block(first)},${k},${j}+1)`;
  const blankable = (first: number) => `IF(${cell(first)}="","",${cell(first)})`;
  const calMonth = `(MOD(${fyStartMonth - 1}+${j},12)+1)`;
  // A fiscal year starting after January is named for the calendar year it ends in.
  const yearShift = fyStartMonth > 1 ? `(${calMonth}>=${fyStartMonth})*1` : "0";
  return [
    pick(GRID.measure),
    pick(GRID.unit),
    pick(GRID.fiscalYear),
    `(${pick(GRID.fiscalYear)}-${yearShift})&"-"&RIGHT("0"&${calMonth},2)`,
    blankable(GRID.milestone),
    blankable(GRID.actual),
    blankable(GRID.denominator),
  ];
}

/** One row per grid row x fiscal month. */
export function dataSheet(grid: GridLayout, fyStartMonth: number, include = true): SheetPlan {
  const sheet = emptySheet(
    SHEETS.data,
    "Every month as one row (measure, unit, month, milestone, actual, denominator) for PivotTables; formulas over Milestones & Actuals.",
    "808080",
  );
  if (!include) {
    sheet.ranges.push(
      ...heading(
        "Data",
        "This workbook is too large for a formula copy of every month. For PivotTables, use Insert > PivotTable on tblMonthly (Milestones & Actuals); Yardstick can write this table as values on request.",
      ),
    );
    return sheet;
  }
  const count = Math.max(1, grid.rows.length);
  const columns = dataColumnFormulas(grid, fyStartMonth);
  const rows: PlanValue[][] = Array.from({ length: count * 12 }, () => columns.map((f) => fx(f)));
  const h = DATA_HEADERS;
  sheet.ranges.push(
    ...heading(
      "Data",
      "One row per measure, unit and month, for PivotTables (Insert > PivotTable > tblData). Formulas: type in Milestones & Actuals, not here.",
    ),
  );
  sheet.tables.push({
    name: TABLES.data,
    topLeft: `A${DATA_FIRST_ROW - 1}`,
    columns: [
      computed(h.measure, undefined, 16),
      computed(h.unit, undefined, 16),
      computed(h.fiscalYear, "0", 10),
      computed(h.month, undefined, 10),
      computed(h.milestone, "#,##0.0#"),
      computed(h.actual, "#,##0.0#"),
      computed(h.denominator, "#,##0.0#"),
    ],
    rows,
  });
  sheet.freeze = { rows: DATA_FIRST_ROW - 1, columns: 0 };
  return sheet;
}
