/** Helpers for the workbook tests, in a manager's vocabulary. */
import type { RawTable } from "../../src/workbook/layout";
import { buildPlanFromInput } from "../../src/workbook/buildPlan";
import type { WorkbookInput } from "../../src/workbook/input";
import { isFormula, type WorkbookPlan } from "../../src/workbook/plan";
import { getTemplate } from "../../src/workbook/templates";
import { sampleData } from "../../src/workbook/templates/sample";

/** A template with its sample data as a workbook input. */
export function templateInput(id: string, asOfMonth: string, seed = 1): WorkbookInput {
  const t = getTemplate(id);
  return {
    templateId: t.id,
    title: t.title,
    fyStartMonth: t.fyStartMonth,
    asOfMonth,
    plan: t.plan,
    measures: t.measures,
    units: t.units,
    flags: [],
    reliabilityPassed: true,
    ...sampleData(t, seed, asOfMonth),
  };
}

/** Every formula in a plan with where it sits. */
export function allFormulas(plan: WorkbookPlan): { sheet: string; where: string; formula: string }[] {
  const out: { sheet: string; where: string; formula: string }[] = [];
  for (const s of plan.sheets) {
    s.ranges.forEach((r) =>
      r.values
        .flat()
        .forEach((v) => isFormula(v) && out.push({ sheet: s.name, where: r.topLeft, formula: v.formula })),
    );
    s.tables.forEach((t) =>
      t.rows
        .flat()
        .forEach((v) => isFormula(v) && out.push({ sheet: s.name, where: t.name, formula: v.formula })),
    );
  }
  return out;
}

/** A raw table as a reader would hand it over. */
export function table(
  tableName: string,
  headers: string[],
  rows: unknown[][],
  sheetName = "Sheet",
  topLeftRow = 4,
  topLeftCol = 1,
): RawTable {
  return { tableName, sheetName, headers, rows, topLeftRow, topLeftCol };
}

export { buildPlanFromInput };

/**
 * The chart data's deliberate NA(): a month without data is a gap in a line chart, the one error a
 * generated workbook means to show. Example: `isChartGap("IF(ISNUMBER(D5),D5,NA())") === true`.
 */
export function isChartGap(formula: string | undefined): boolean {
  return /^=?IF\(ISNUMBER\([^()]*\),[^()]*,NA\(\)\)$/.test(formula ?? "");
}
