/**
 * A workbook plan: the whole shape of a Yardstick workbook as plain data, independent of
 * Office.js and ExcelJS. src/office applies it inside Excel; src/xlsx writes it to a file.
 *
 * Text and formulas are different types on purpose: a `string` is always written as text
 * (a unit called "=HYPERLINK(...)" stays text); only a `Formula` object becomes a formula.
 */

/** A formula in A1 notation with English function names and a leading "=". */
export interface Formula {
  formula: string;
}

export type PlanScalar = string | number | boolean | null;
export type PlanValue = PlanScalar | Formula;

/** True when a plan value is a formula rather than literal data. */
export function isFormula(value: PlanValue): value is Formula {
  return typeof value === "object" && value !== null && "formula" in value;
}

/** A rectangular block of cells written at `topLeft` ("B3"). Rows must all have the same length. */
export interface PlanRange {
  topLeft: string;
  values: PlanValue[][];
  /** One format for the whole block, or one per cell (same shape as values). */
  numberFormat?: string | string[][];
  bold?: boolean;
  /** Font size in points for headings. */
  fontSize?: number;
  wrap?: boolean;
}

export type ValidationRule =
  { type: "list"; values: string[] } | { type: "decimal" | "whole"; min?: number; max?: number };

export interface PlanValidation {
  rule: ValidationRule;
  allowBlank: boolean;
  /** Shown when a wrong value is typed: what is allowed. */
  errorMessage: string;
  prompt?: string;
}

export interface PlanColumn {
  header: string;
  numberFormat?: string;
  /** Width in characters. */
  width?: number;
  validation?: PlanValidation;
  /** Yardstick writes these cells; a user's edit there is detected before overwrite. */
  owner?: "yardstick" | "user";
  /**
   * Long text wraps within the width and the row grows, so it reads whole on screen and on the
   * printed page; a table with a wrapped column aligns its rows to the top.
   */
  wrap?: boolean;
}

/** An Excel table (ListObject) with a stable name, written over `topLeft` and the rows below it. */
export interface PlanTable {
  name: string;
  topLeft: string;
  columns: PlanColumn[];
  rows: PlanValue[][];
  style?: string;
  showTotals?: boolean;
  /**
   * Per-cell number formats, the same shape as `rows`; null keeps the column's. For columns that
   * mix measures, so each row's numbers follow its measure.
   */
  cellFormats?: (string | null)[][];
}

export type StatusColor = "good" | "warn" | "bad" | "neutral";

export type ConditionalFormatPlan =
  | {
      type: "textEquals";
      range: string;
      text: string;
      color: StatusColor;
    }
  | {
      /** Formula relative to the top-left cell of `range`, e.g. "=$F5<0". */
      type: "expression";
      range: string;
      formula: string;
      color: StatusColor;
    }
  | { type: "dataBar"; range: string; color: StatusColor }
  | {
      type: "iconSet";
      range: string;
      icons: "3TrafficLights1" | "3Arrows" | "3Symbols";
      thresholds: [number, number];
    };

export interface NamedItemPlan {
  name: string;
  /** "=Sheet!$A$1:$B$9" or a constant formula. */
  refersTo: string;
  comment?: string;
}

export interface ChartSeriesPlan {
  name: string;
  /** Absolute references including sheet, e.g. "'Milestones & Actuals'!$C$5:$N$5". */
  categories: string;
  values: string;
  /**
   * "column": drawn as columns inside a line chart (a combo). A month without data is then a
   * zero-height column, a gap in Excel and LibreOffice alike (LibreOffice plots a line's #N/A
   * as 0, Excel as a gap).
   */
  as?: "column";
}

export interface ChartPlan {
  title: string;
  kind: "line" | "columnClustered";
  /** Cells the chart covers, e.g. "H3:P18". */
  anchor: string;
  series: ChartSeriesPlan[];
  /**
   * Number format of the value axis ("0%"). Without it the axis follows its source cells, which
   * Excel does and LibreOffice does not (it prints 0.15 for 15 %).
   */
  valueFormat?: string;
}

/** How a sheet prints: the page setup a manager would otherwise set by hand before emailing. */
export interface PrintPlan {
  orientation: "landscape" | "portrait";
  /** Fit to this many pages wide (1: one page wide); the height runs to as many pages as needed. */
  fitToWidth?: number;
  /** Cells that print, e.g. "A1:N40"; the whole used range when absent. */
  area?: string;
  /** Rows repeated at the top of every page, e.g. "1:5". */
  titleRows?: string;
  /** Columns repeated at the left of every page, e.g. "A:C". */
  titleColumns?: string;
  /** Header text (left, centre, right); "&P" is the page number and "&N" the page count. */
  header?: [string, string, string];
  footer?: [string, string, string];
  /** A page break after each of these rows (1-based), e.g. so charts start on a fresh page. */
  breaksAfterRows?: number[];
}

export interface SheetPlan {
  name: string;
  /** What this sheet is for, one sentence; the About sheet lists it. */
  purpose: string;
  tabColor?: string;
  ranges: PlanRange[];
  tables: PlanTable[];
  conditionalFormats: ConditionalFormatPlan[];
  /** Validations on plain ranges (tables carry theirs on columns). */
  validations: { range: string; validation: PlanValidation }[];
  freeze?: { rows: number; columns: number };
  /** Column letter -> width in characters. */
  columnWidths?: Record<string, number>;
  /** Sheet row (1-based) -> height in points, e.g. a header row whose long names wrap. */
  rowHeights?: Record<number, number>;
  charts: ChartPlan[];
  /** Protect formula columns. Off by default: protection clears Excel's undo stack. */
  protectFormulas?: boolean;
  /** A helper sheet people need not see (the charts' series); still recalculated and readable. */
  hidden?: boolean;
  print?: PrintPlan;
  /** Column letters hidden on screen and paper (working columns a reader does not need). */
  hiddenColumns?: string[];
}

export interface WorkbookPlan {
  schemaVersion: 1;
  templateId: string;
  title: string;
  fyStartMonth: number;
  sheets: SheetPlan[];
  names: NamedItemPlan[];
}
