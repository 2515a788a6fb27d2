/** Small helpers shared by the sheet builders. */
import { parseA1 } from "../layout";
import type { PlanColumn, PlanRange, PlanTable, PlanValue, SheetPlan } from "../plan";

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

/** Points per line of the default 11-point font, as Excel's default row height. */
const LINE_POINTS = 15;

/**
 * Sheet row -> height for the body rows of a table whose wrapped columns hold more text than one
 * line. Excel grows such rows itself; LibreOffice keeps the default height, so a printed page
 * showed the lines drawn over one another. The estimate takes a character per unit of width.
 * Example: a 90-character sentence in a 44-wide wrapped column gives its row 45 points.
 */
export function wrappedRowHeights(table: PlanTable): Record<number, number> {
  const first = parseA1(table.topLeft).row + 1;
  const out: Record<number, number> = {};
  table.rows.forEach((row, r) => {
    let lines = 1;
    table.columns.forEach((col, c) => {
      const text = row[c];
      if (col.wrap && col.width && typeof text === "string")
        lines = Math.max(lines, Math.ceil(text.length / col.width));
    });
    if (lines > 1) out[first + r] = lines * LINE_POINTS;
  });
  return out;
}
