/**
 * The Data sheet: tblData, the grid unpivoted to one row per measure x unit x month, for
 * PivotTables. Every cell is a formula reading row k of tblMonthly by position (INDEX), so it is
 * linear in size and stays a faithful unpivot when the grid is sorted; rows added to the grid
 * after Yardstick wrote it appear here when the add-in next refreshes the workbook.
 */
import { GRID } from "../gridFormulas";
import { columnLetter, DATA_HEADERS, SHEETS, TABLES } from "../layout";
import type { PlanValue, SheetPlan } from "../plan";
import { computed, emptySheet, fx, heading } from "./common";
import type { GridLayout } from "./monthly";

export const DATA_FIRST_ROW = 5;

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
  const rows: PlanValue[][] = [];
  for (let k = 1; k <= count; k++) {
    for (let j = 0; j < 12; j++) {
      const calMonth = ((fyStartMonth - 1 + j) % 12) + 1;
      const yearShift = fyStartMonth > 1 && calMonth >= fyStartMonth ? 1 : 0;
      const pick = (col: number) => `INDEX(${grid.range(columnLetter(col))},${k})`;
      const blankable = (col: number) => fx(`IF(${pick(col)}="","",${pick(col)})`);
      rows.push([
        fx(pick(GRID.measure)),
        fx(pick(GRID.unit)),
        fx(pick(GRID.fiscalYear)),
        fx(`(${pick(GRID.fiscalYear)}-${yearShift})&"-${String(calMonth).padStart(2, "0")}"`),
        blankable(GRID.milestone + j),
        blankable(GRID.actual + j),
        blankable(GRID.denominator + j),
      ]);
    }
  }
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
