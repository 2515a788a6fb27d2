/**
 * Excel's number formats for the browser preview's grid, through numfmt (Excel-style number
 * formatting: sections, literals, thousands, percent, General). What is Excel's own and not a
 * format lives here: error values (#N/A, #DIV/0!) and TRUE/FALSE show as Excel shows them,
 * whatever the format, and a value that is not a finite number shows #NUM!.
 */
import { format } from "numfmt";

export type CellValue = string | number | boolean | null | undefined;

const ERRORS = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#CYCLE!",
  "#ERROR!",
]);

/** The text Excel shows for a value in a cell with the number format `numberFormat`. */
export function formatValue(value: CellValue, numberFormat: string): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string" && ERRORS.has(value)) return value;
  if (typeof value === "number" && !Number.isFinite(value)) return "#NUM!";
  return format(numberFormat || "General", value, { nbsp: false, throws: false });
}
