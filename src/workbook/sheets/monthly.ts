/**
 * The Milestones & Actuals sheet: tblMonthly, one row per measure x unit x fiscal year, this
 * year's rows on top. People type a month of actuals down one column ("Actual Apr"); grey
 * columns to the right are the live checks (gridFormulas.ts). Row 5 numbers the fiscal months.
 */
import {
  GRID,
  GRID_COMPUTED,
  gridCol,
  gridRowFormulas,
  STATUS_LABELS,
  type GridComputed,
  type GridMeasure,
} from "../gridFormulas";
import type { GridRow } from "../input";
import {
  columnLetter,
  fiscalMonthLabels,
  MONTHLY_KEY_HEADERS,
  MONTHLY_SERIES,
  SHEETS,
  TABLES,
} from "../layout";
import type { PlanColumn, PlanValue, SheetPlan } from "../plan";
import { colRange, computed, emptySheet, fx, heading, input, NON_NEGATIVE, sheetRef, v } from "./common";

export const GRID_HEADER_ROW = 6;
export const GRID_FIRST_ROW = GRID_HEADER_ROW + 1;
export const MONTH_NO_ROW = GRID_HEADER_ROW - 1;

export interface GridLayout {
  rows: GridRow[];
  /** Sheet row of each grid row, keyed "measure|unit|fy". */
  rowOf: Map<string, number>;
  firstRow: number;
  lastRow: number;
  /** Absolute reference to a tblMonthly column over its data rows. */
  range(column: string | GridComputed): string;
}

const FORMATS: Partial<Record<GridComputed, string>> = {
  "Variance %": "0.0%",
  Attainment: "0.0%",
  "YTD variance %": "0.0%",
  "YTD attainment": "0.0%",
  "Band attainment": "0.0%",
  "Status metric": "0.000",
  "Period actual": "#,##0.0#",
  "Period plan": "#,##0.0#",
  Variance: "#,##0.0#",
  "YTD actual": "#,##0.0#",
  "YTD plan": "#,##0.0#",
  "YTD variance": "#,##0.0#",
  "Year-end forecast": "#,##0.0#",
  "Forecast target": "#,##0.0#",
};

/** Working columns the formulas read and a reader does not: hidden on screen and paper. */
const GRID_HELPERS: GridComputed[] = [
  "Months to date",
  "Bad cells in year",
  "Denominators to date",
  "Key",
  "Row 1 year back",
  "Row 2 years back",
  "Row 3 years back",
  "Actuals in year",
  "Status metric",
  "Period weight",
  "Complete year",
  "Year level",
  "Level to as-of month",
  "History years",
  "History whole",
  "History part",
];

/** Pages across for the grid: keys, 36 month columns and the checks at a readable size. */
export const GRID_PAGES_WIDE = 3;

/**
 * The grid prints this year's rows (sorted on top), three pages wide, with its header rows and
 * measure, unit and year columns on every page; earlier years stay on screen, not on paper.
 */
function gridPrint(rows: GridRow[], firstRow: number, fromYear: number | undefined): SheetPlan["print"] {
  const current = fromYear === undefined ? rows.length : rows.filter((r) => r.fiscalYear >= fromYear).length;
  const lastRow = firstRow + Math.max(1, current) - 1;
  return {
    orientation: "landscape",
    fitToWidth: GRID_PAGES_WIDE,
    area: `A1:${gridCol(GRID_COMPUTED[GRID_COMPUTED.length - 1])}${lastRow}`,
  };
}

/** Key of a grid row. Example: `gridKey("pep", "howard", 2027) === "pep|howard|2027"`. */
export function gridKey(measure: string, unit: string, fy: number): string {
  return `${measure}|${unit}|${fy}`;
}

/** Build the sheet and where each row landed. */
export function monthlySheet(
  rows: GridRow[],
  measures: (GridMeasure & { id: string })[],
  fyStartMonth: number,
  protectFormulas: boolean,
  /** The as-of fiscal year: only its rows (and any later year's, above them) print. */
  printFromYear?: number,
): { sheet: SheetPlan; layout: GridLayout } {
  const sheet = emptySheet(
    SHEETS.monthly,
    "Type each month's actuals (and milestones) here; the grey columns check them live.",
    "2F6FB0",
  );
  const labels = fiscalMonthLabels(fyStartMonth);
  const dataRows = rows.length > 0 ? rows : [undefined];
  const firstRow = GRID_FIRST_ROW;
  const lastRow = firstRow + dataRows.length - 1;
  const rowOf = new Map<string, number>();
  rows.forEach((g, i) => rowOf.set(gridKey(g.measure, g.unit, g.fiscalYear), firstRow + i));
  const range = (column: string) => {
    const letter = (GRID_COMPUTED as readonly string[]).includes(column)
      ? gridCol(column as GridComputed)
      : column;
    return colRange(SHEETS.monthly, letter, firstRow, lastRow);
  };
  const keyRange = `$${gridCol("Key")}$${firstRow}:$${gridCol("Key")}$${lastRow}`;
  const measureOf = new Map(measures.map((m) => [m.id, m]));
  const columns: PlanColumn[] = [
    input(MONTHLY_KEY_HEADERS.measure, 16),
    input(MONTHLY_KEY_HEADERS.unit, 16),
    input(MONTHLY_KEY_HEADERS.fiscalYear, 8, {
      validation: {
        rule: { type: "whole", min: 1900, max: 2999 },
        allowBlank: false,
        errorMessage: "Type the fiscal year, e.g. 2027.",
      },
    }),
    input(MONTHLY_KEY_HEADERS.target, 10, { validation: NON_NEGATIVE, numberFormat: "#,##0.0#" }),
    ...MONTHLY_SERIES.flatMap((s) => labels.map((m) => input(`${s} ${m}`, 9, { validation: NON_NEGATIVE }))),
    ...GRID_COMPUTED.map((name) =>
      computed(name, FORMATS[name], name === "Forecast label" || name === "Key" ? 28 : 11),
    ),
  ];
  const backOf = dataRows.map((g) =>
    [1, 2, 3].map((k) => (g ? rowOf.get(gridKey(g.measure, g.unit, g.fiscalYear - k)) : undefined)),
  );
  const readBack = new Set(backOf.flat().filter((row) => row !== undefined));
  const tableRows: PlanValue[][] = dataRows.map((g, i) => {
    const r = firstRow + i;
    const formulas = gridRowFormulas(
      r,
      backOf[i].map((row) => (row ? row - firstRow + 1 : 0)),
      keyRange,
      g ? measureOf.get(g.measure) : { kind: "count", direction: "up" },
      readBack.has(r),
    );
    const data: PlanValue[] = g
      ? [
          g.measure,
          g.unit,
          g.fiscalYear,
          v(g.target),
          ...g.milestone.map(v),
          ...g.actual.map(v),
          ...g.denominator.map(v),
        ]
      : new Array<PlanValue>(GRID.firstComputed - 1).fill(null);
    // A column that is a constant on this row (nothing to look back to, a band column of a
    // measure that is not a band) is written as its value: a formula cell costs every reader.
    // (The empty table's placeholder row keeps formulas, so readers still see a row with no data.)
    const cell = (f: string): PlanValue => (!g ? fx(f) : f === "0" ? 0 : f === '""' ? null : fx(f));
    return [...data, ...GRID_COMPUTED.map((name) => cell(formulas[name]))];
  });
  sheet.ranges.push(
    ...heading(
      "Milestones & Actuals",
      "Type a month's actuals down its Actual column (this fiscal year's rows are on top). Rates are percentages (80 = 80 %), with their denominator. Grey columns are formulas.",
    ),
    { topLeft: "A3", values: [["As of", fx("AsOfMonth")]], bold: true },
    {
      topLeft: `D${MONTH_NO_ROW}`,
      values: [["Fiscal month no.", ...[0, 1, 2].flatMap(() => labels.map((_, i) => i + 1))]],
      numberFormat: "0",
    },
  );
  sheet.tables.push({
    name: TABLES.monthly,
    topLeft: `A${GRID_HEADER_ROW}`,
    columns,
    rows: tableRows,
    style: "TableStyleLight9",
  });
  const status = `${gridCol("Status")}${firstRow}:${gridCol("Status")}${lastRow}`;
  sheet.conditionalFormats.push(...statusColors(status));
  sheet.freeze = { rows: GRID_HEADER_ROW, columns: 3 };
  if (protectFormulas) sheet.protectFormulas = true;
  sheet.hiddenColumns = GRID_HELPERS.map(gridCol);
  sheet.print = gridPrint(rows, firstRow, printFromYear);
  const layout: GridLayout = { rows, rowOf, firstRow, lastRow, range };
  return { sheet, layout };
}

/** Status colours for a range of status words. */
export function statusColors(range: string) {
  return [
    { type: "textEquals" as const, range, text: STATUS_LABELS["on-track"], color: "good" as const },
    { type: "textEquals" as const, range, text: STATUS_LABELS["at-risk"], color: "warn" as const },
    { type: "textEquals" as const, range, text: STATUS_LABELS["off-track"], color: "bad" as const },
    { type: "textEquals" as const, range, text: STATUS_LABELS.stale, color: "neutral" as const },
    {
      type: "textEquals" as const,
      range,
      text: STATUS_LABELS["insufficient-data"],
      color: "neutral" as const,
    },
  ];
}

/** The named ranges of fiscal month numbers the grid formulas use (over one, two or three blocks). */
export function monthNoNames(): { name: string; refersTo: string; comment: string }[] {
  const first = columnLetter(GRID.milestone);
  const at = (name: string, blocks: number, comment: string) => ({
    name,
    refersTo: `=${sheetRef(SHEETS.monthly)}!$${first}$${MONTH_NO_ROW}:$${columnLetter(GRID.milestone + 12 * blocks - 1)}$${MONTH_NO_ROW}`,
    comment,
  });
  return [
    at(
      "MonthNo",
      1,
      "Fiscal month numbers 1-12 above the Milestone columns; year-to-date formulas count months up to the as-of month.",
    ),
    at("MonthNoMA", 2, "Fiscal month numbers above the Milestone and Actual columns."),
    at("MonthNoAll", 3, "Fiscal month numbers above the Milestone, Actual and Denominator columns."),
  ];
}
