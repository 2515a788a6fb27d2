/**
 * Where tblMonthly's columns sit and what its cells may hold: the layout every grid formula
 * (gridFormulas.ts, gridForecast.ts) and reader (readMonthly.ts) shares.
 */
import type { MeasureDef } from "../engine/model";
import { columnLetter } from "./layout";

/** Where the data blocks of tblMonthly sit (1-based columns). */
export const GRID = {
  measure: 1,
  unit: 2,
  fiscalYear: 3,
  target: 4,
  milestone: 5,
  actual: 17,
  denominator: 29,
  firstComputed: 41,
} as const;

/** Criteria text matching every number (inside COUNTIFS criteria strings only). */
export const BIG = "1E+300";
/**
 * Numeric stand-ins for the engine's +/- Infinity (attainment against a zero plan); unary minus
 * binds before ^. Not the literal 1E+300: HyperFormula cannot parse it.
 */
export const INF = "(10^300)";
export const NEG_INF = "(-(10^300))";

/** The computed columns of tblMonthly, in order. */
export const GRID_COMPUTED = [
  "Months to date",
  "Bad cells in year",
  "Denominators to date",
  "Key",
  "Row 1 year back",
  "Row 2 years back",
  "Row 3 years back",
  "Actuals in year",
  "Period actual",
  "Period plan",
  "Variance",
  "Variance %",
  "Attainment",
  "YTD actual",
  "YTD plan",
  "YTD variance",
  "YTD variance %",
  "YTD attainment",
  "Band attainment",
  "Status metric",
  "Status",
  "Period weight",
  "Complete year",
  "Year level",
  "Level to as-of month",
  "History years",
  "History whole",
  "History part",
  "Forecast method",
  "Year-end forecast",
  "Forecast target",
  "Forecast label",
] as const;
export type GridComputed = (typeof GRID_COMPUTED)[number];

/** What a grid row's formulas need to know about its measure. */
export type GridMeasure = Pick<MeasureDef, "kind" | "direction" | "lower" | "upper">;

/** Column letter of a computed grid column. Example: `gridCol("Status")`. */
export function gridCol(name: GridComputed): string {
  return columnLetter(GRID.firstComputed + GRID_COMPUTED.indexOf(name));
}

/** The numbers a measure's milestones and actuals may hold, as the reader enforces them. */
export interface ValueBounds {
  additive: boolean;
  /** Smallest usable value (undefined: any number). */
  min?: number;
  /** Largest usable value (undefined: any number). */
  max?: number;
}

/** Bounds of a measure kind. Example: `valueBounds("rate")` is `{ additive: false, min: 0, max: 100 }`. */
export function valueBounds(kind: MeasureDef["kind"]): ValueBounds {
  const additive = kind === "count" || kind === "amount";
  if (kind === "rate") return { additive, min: 0, max: 100 };
  if (kind === "count") return { additive, min: 0 };
  return { additive };
}
