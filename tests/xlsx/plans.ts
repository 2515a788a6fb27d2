/** Small hand-made plans for the writer's tests, spoken in a manager's vocabulary. */
import type { PlanTable, PlanValue, SheetPlan, WorkbookPlan } from "../../src/workbook/plan";

export const f = (formula: string) => ({ formula });

export function sheet(name: string, parts: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name,
    purpose: `${name} for a test`,
    ranges: [],
    tables: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    ...parts,
  };
}

export function workbook(sheets: SheetPlan[], names: WorkbookPlan["names"] = []): WorkbookPlan {
  return { schemaVersion: 1, templateId: "test", title: "Test workbook", fyStartMonth: 7, sheets, names };
}

/** A table of offices with actuals and targets, and a variance column as a live formula. */
export function officeTable(rows: [string, number | null, number][], name = "tblOffices"): PlanTable {
  return {
    name,
    topLeft: "A1",
    columns: [
      { header: "Office" },
      { header: "Actual", numberFormat: "#,##0" },
      {
        header: "Target",
        numberFormat: "#,##0",
        validation: {
          rule: { type: "decimal", min: 0 },
          allowBlank: true,
          errorMessage: "A target is a number of 0 or more.",
        },
      },
      { header: "Variance", numberFormat: "0.0%" },
      { header: "Status" },
    ],
    rows: rows.map(([office, actual, target]): PlanValue[] => [
      office,
      actual,
      target,
      f('=IF([@Actual]="","",[@Actual]/[@Target]-1)'),
      f('=IF([@Actual]="","No data",IF([@Actual]>=[@Target],"Met","Missed"))'),
    ]),
  };
}
