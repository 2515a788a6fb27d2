/**
 * Cell inputs that Excel cannot misread. Excel parses every string written through
 * `values` or `formulas` as if typed: "=...", "+...", "-..." and "@..." become formulas,
 * "00123", "1/2", "2026-07", "TRUE", "50%" become numbers, dates and booleans. A leading
 * apostrophe makes Excel keep the rest as text (the apostrophe is not part of the value),
 * so every string that is not plainly words gets one. Only a plan `{ formula }` is a formula.
 */
import { isFormula, type PlanValue } from "../workbook/plan";

export type CellInput = string | number | boolean;

const PLAIN_WORDS = /^[A-Za-z\u00C0-\uFFFF][^0-9]*$/;
const WORD_LITERALS = /^(true|false)$/i;

/** True when Excel would keep `text` as the same text without help. */
export function isPlainText(text: string): boolean {
  return PLAIN_WORDS.test(text) && !WORD_LITERALS.test(text.trim()) && text === text.trimStart();
}

/**
 * What to write for one plan value. Example: `cellInput("=HYPERLINK(1)") === "'=HYPERLINK(1)"`,
 * `cellInput({ formula: "=A1" }) === "=A1"`, `cellInput(null) === ""` (clears the cell).
 */
export function cellInput(value: PlanValue, textFormat = false): CellInput {
  if (value === null) return "";
  if (isFormula(value)) return value.formula;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return value;
  }
  if (typeof value === "boolean") return value;
  if (value === "" || textFormat || isPlainText(value)) return value;
  return `'${value}`;
}
