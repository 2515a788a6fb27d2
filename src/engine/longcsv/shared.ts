/** Column names, cell access and the finding callback shared by the long CSV reader's parts. */
import { columnLetter } from "../a1";
import type { FindingCode } from "../findings";
import type { CellRef, Finding, FindingSeverity, Observation } from "../model";

// prettier-ignore
export const FIELDS = [
  "measure", "unit", "period", "target", "actual", "milestone", "direction", "lower", "upper", "kind",
  "numerator", "denominator", "prior_actual", "paired_with", "lead_for",
] as const;
export type Field = (typeof FIELDS)[number];
export type Columns = Partial<Record<Field, number>> & Record<"measure" | "unit" | "period", number>;

export const NUMERIC_FIELDS = [
  "target",
  "actual",
  "milestone",
  "numerator",
  "denominator",
  "prior_actual",
] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];
export const OBS_KEY = {
  target: "target",
  actual: "actual",
  milestone: "milestone",
  numerator: "numerator",
  denominator: "denominator",
  prior_actual: "priorActual",
} as const satisfies Record<NumericField, keyof Observation>;

export type Keys = Pick<Finding, "measure" | "unit" | "period">;
export type Add = (
  severity: FindingSeverity,
  code: FindingCode,
  msg: string,
  where?: CellRef,
  keys?: Keys,
) => void;
export type RefFn = (line: number, column: number) => CellRef;

export const label = (f: NumericField) => f.replace("_", " ");
export const at = (where: CellRef) => `Line ${where.row}, column ${columnLetter(where.column)}`;

/** A cell's trimmed text, "" when the column is absent. */
export function cellText(cells: string[], col: number | undefined): string {
  if (col === undefined) return "";
  const v = cells[col];
  return v === undefined ? "" : v.trim();
}

/** Canonical header name. Example: `normalizeHeader(" Prior Actual ") === "prior_actual"`. */
export function normalizeHeader(name: string): string {
  const squashed = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return FIELDS.find((f) => f.replace(/_/g, "") === squashed) ?? squashed;
}
