/** Plan values -> ExcelJS cell values. A plan string is always text; only a Formula becomes a formula. */
import type ExcelJS from "exceljs";
import { isFormula, type PlanValue } from "../workbook/plan";
import { XlsxPlanError } from "./errors";
import { toFileFormula, type FormulaContext } from "./formula";

/**
 * The ExcelJS value for one plan value. Formulas carry no cached result, so every reader
 * (Excel, LibreOffice) must compute them; non-finite numbers are refused with their location.
 */
export function toCellValue(value: PlanValue, ctx: FormulaContext): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new XlsxPlanError(
        `${value} cannot be stored in a cell; write null for a missing number`,
        ctx.sheet,
        ctx.address,
      );
    }
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (isFormula(value)) return { formula: toFileFormula(value.formula, ctx) } as ExcelJS.CellFormulaValue;
  throw new XlsxPlanError(`unsupported value ${JSON.stringify(value)}`, ctx.sheet, ctx.address);
}

/**
 * Put a value in a cell. ExcelJS would read a string like "=HYPERLINK(...)" as text anyway,
 * but a leading apostrophe-free text must also not become a number or date: we set it as is.
 */
export function setCell(cell: ExcelJS.Cell, value: PlanValue, ctx: FormulaContext): void {
  cell.value = toCellValue(value, ctx);
}
