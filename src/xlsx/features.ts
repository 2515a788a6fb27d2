/** Conditional formats, data validation and optional protection for one sheet. */
import type ExcelJS from "exceljs";
import { isFormula, type PlanValidation, type SheetPlan } from "../workbook/plan";
import { formatAddress, parseAddress, parseRange } from "./address";
import { XlsxPlanError } from "./errors";
import { toFileFormula } from "./formula";
import { BAR_ARGB, STATUS_PALETTE } from "./styles";

function statusStyle(color: keyof typeof STATUS_PALETTE): Partial<ExcelJS.Style> {
  const palette = STATUS_PALETTE[color];
  return {
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: palette.fillArgb } },
    font: { color: { argb: palette.fontArgb } },
  };
}

/** Excel refuses structured (table) references inside conditional-format formulas. */
function cfFormula(formula: string, sheet: string, range: string): string {
  if (formula.includes("[")) {
    throw new XlsxPlanError(
      `conditional format on ${range}: Excel does not allow table references here; use A1 references`,
      sheet,
    );
  }
  return toFileFormula(formula, { sheet, address: range });
}

/** Add the plan's conditional formats, in plan order (earlier ones take priority). */
export function applyConditionalFormats(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  sheet.conditionalFormats.forEach((cf, index) => {
    parseRange(cf.range, sheet.name);
    const priority = index + 1;
    let rule: ExcelJS.ConditionalFormattingRule;
    switch (cf.type) {
      case "textEquals":
        rule = {
          type: "cellIs",
          operator: "equal",
          formulae: [`"${cf.text.replace(/"/g, '""')}"`],
          style: statusStyle(cf.color),
          priority,
        };
        break;
      case "expression":
        rule = {
          type: "expression",
          formulae: [cfFormula(cf.formula, sheet.name, cf.range)],
          style: statusStyle(cf.color),
          priority,
        };
        break;
      case "dataBar":
        rule = {
          type: "dataBar",
          priority,
          gradient: false,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: BAR_ARGB[cf.color] },
        } as ExcelJS.DataBarRuleType;
        break;
      case "iconSet":
        rule = {
          type: "iconSet",
          priority,
          iconSet: cf.icons,
          showValue: true,
          cfvo: [
            { type: "num", value: Number.MIN_SAFE_INTEGER },
            { type: "num", value: cf.thresholds[0] },
            { type: "num", value: cf.thresholds[1] },
          ],
        } as ExcelJS.ConditionalFormattingRule;
        break;
    }
    ws.addConditionalFormatting({ ref: cf.range, rules: [rule] });
  });
}

/** One data validation over a range ("C5:C200"), with the message a person sees when they type a wrong value. */
export function applyValidation(ws: ExcelJS.Worksheet, range: string, validation: PlanValidation): void {
  parseRange(range, ws.name);
  const base = {
    allowBlank: validation.allowBlank,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Not allowed here",
    error: validation.errorMessage,
    showInputMessage: Boolean(validation.prompt),
    prompt: validation.prompt,
  };
  // ExcelJS supports range validations but its type declarations omit the collection.
  const validations = (
    ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  const rule = validation.rule;
  if (rule.type === "list") {
    const list = rule.values.join(",");
    if (rule.values.some((v) => v.includes(",")) || list.length > 255) {
      throw new XlsxPlanError(
        `validation list on ${range} must be under 255 characters without commas`,
        ws.name,
      );
    }
    validations.add(range, { ...base, type: "list", formulae: [`"${list.replace(/"/g, '""')}"`] });
    return;
  }
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) {
    validations.add(range, { ...base, type: rule.type, operator: "between", formulae: [min, max] });
  } else if (min !== undefined) {
    validations.add(range, { ...base, type: rule.type, operator: "greaterThanOrEqual", formulae: [min] });
  } else if (max !== undefined) {
    validations.add(range, { ...base, type: rule.type, operator: "lessThanOrEqual", formulae: [max] });
  } else {
    validations.add(range, { ...base, type: rule.type, operator: "between", formulae: [-1e307, 1e307] });
  }
}

/**
 * Lock formula cells only: every literal cell the plan writes stays editable, the sheet is
 * protected without a password, and sorting, filtering and inserting rows stay allowed.
 */
export function applyProtection(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  const unlock = (address: string) => {
    ws.getCell(address).protection = { locked: false };
  };
  for (const range of sheet.ranges) {
    const origin = parseAddress(range.topLeft, sheet.name);
    range.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (!isFormula(value)) unlock(formatAddress({ row: origin.row + r, column: origin.column + c }));
      }),
    );
  }
  for (const table of sheet.tables) {
    const origin = parseAddress(table.topLeft, sheet.name);
    table.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (!isFormula(value)) unlock(formatAddress({ row: origin.row + 1 + r, column: origin.column + c }));
      }),
    );
  }
  void ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  });
}
