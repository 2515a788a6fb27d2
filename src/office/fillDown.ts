/**
 * Formula columns sent once. Excel fills a single formula assigned to a multi-cell range
 * down the range, adjusting relative references (`range.formulas = "=B1"` on A1:A10 gives
 * =B1 ... =B10), so a column whose formulas are one formula filled down costs one small
 * request instead of one string per row. Only exact fill-downs are compressed: every row
 * is checked against the shifted top formula, so an unusual formula falls back to arrays.
 */
import { isFormula, type PlanValue } from "../workbook/plan";

const CELL_REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\d(A-Za-z_!])/g;

/** Shift the relative row numbers of A1 references. Example: `shiftRows("=$A2+B$2", 3) === "=$A5+B$2"`. */
export function shiftRows(formula: string, deltaRows: number): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            CELL_REF,
            (_m, c$: string, col: string, r$: string, row: string) =>
              `${c$}${col}${r$}${r$ ? row : Number(row) + deltaRows}`,
          ),
    )
    .join('"');
}

/** The top formula when `column` is that formula filled down (2 rows or more), else undefined. */
export function filledDownFormula(column: PlanValue[]): string | undefined {
  if (column.length < 2) return undefined;
  const top = column[0];
  if (!isFormula(top)) return undefined;
  for (let r = 1; r < column.length; r++) {
    const v = column[r];
    if (!isFormula(v) || v.formula !== shiftRows(top.formula, r)) return undefined;
  }
  return top.formula;
}
