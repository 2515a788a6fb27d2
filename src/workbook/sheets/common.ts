/** Small helpers shared by the sheet builders. */
import type { PlanColumn, PlanRange, PlanValue, SheetPlan } from "../plan";

/** A sheet with nothing on it yet. */
export function emptySheet(name: string, purpose: string, tabColor?: string): SheetPlan {
  const sheet: SheetPlan = {
    name,
    purpose,
    ranges: [],
    tables: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
  };
  if (tabColor) sheet.tabColor = tabColor;
  return sheet;
}

/** A heading and an optional line of guidance under it, at A1. */
export function heading(title: string, guidance?: string): PlanRange[] {
  const out: PlanRange[] = [{ topLeft: "A1", values: [[title]], bold: true, fontSize: 16 }];
  if (guidance) out.push({ topLeft: "A2", values: [[guidance]], wrap: false });
  return out;
}

/** Quote a sheet name for a reference. Example: `sheetRef("Milestones & Actuals") === "'Milestones & Actuals'"`. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Absolute reference to a column's data rows. Example: `colRange("Units", "A", 6, 17) === "Units!$A$6:$A$17"`. */
export function colRange(sheet: string, letter: string, firstRow: number, lastRow: number): string {
  return `${sheetRef(sheet)}!$${letter}$${firstRow}:$${letter}$${Math.max(firstRow, lastRow)}`;
}

/** A formula plan value. */
export function fx(formula: string): PlanValue {
  return { formula: `=${formula}` };
}

/** A Yardstick-owned (formula) column. */
export function computed(header: string, numberFormat?: string, width = 12): PlanColumn {
  const col: PlanColumn = { header, owner: "yardstick", width };
  if (numberFormat) col.numberFormat = numberFormat;
  return col;
}

/** A column people type in. */
export function input(header: string, width: number, extra: Partial<PlanColumn> = {}): PlanColumn {
  return { header, owner: "user", width, ...extra };
}

/** A value or an empty cell. */
export function v(x: string | number | boolean | undefined | null): PlanValue {
  return x === undefined ? null : x;
}

export const NON_NEGATIVE = {
  rule: { type: "decimal" as const, min: 0 },
  allowBlank: true,
  errorMessage: "Type a number of 0 or more (rates as percentages, 80 for 80 %).",
};
