/**
 * Build a workbook plan: a template (with or without sample data) or any scorecard becomes
 * sheets, tables, live formulas, formats, validations, names and charts, as plain data.
 */
import { fiscalYearOf } from "../engine/period";
import { gridRows, type WorkbookInput } from "./input";
import { SHEETS } from "./layout";
import type { SheetPlan, WorkbookPlan } from "./plan";
import { dashboardSheets } from "./sheets/dashboard";
import { dataSheet } from "./sheets/data";
import { flagsSheet } from "./sheets/flags";
import { monthlySheet, monthNoNames } from "./sheets/monthly";
import { budgetSheet, emptyBudget, type BudgetLayout } from "./sheets/budget";
import type { DashboardSlots } from "./sheets/dashboard";
import type { GridLayout } from "./sheets/monthly";
import { budgetSection } from "./sheets/dashboardBudget";
import { revisionsSheet, sealSettingsRows, workbookLog } from "./sheets/revisions";
import { aboutSheet, measuresSheet, planSheet, targetsSheet, unitsSheet } from "./sheets/reference";
import { sampleData } from "./templates/sample";
import { withPrintSetup } from "./print";
import { getTemplate } from "./templates";
import { budgetMeasureOf, sampleBudget } from "./templates/sampleBudget";

/** Above this many grid rows the Data sheet explains instead of unpivoting (it would triple the formulas). */
export const DATA_TABLE_MAX_ROWS = 2000;

export interface BuildOptions {
  /** Fill the template with realistic sample data (default false: empty tables, this year's rows only). */
  sampleData?: boolean;
  /** Seed of the sample data (default 1). */
  seed?: number;
  /** The month the checks judge, YYYY-MM. Default: the seventh month of the template's current sample year. */
  asOfMonth?: string;
  /** Protect formula columns (off by default: protection clears Excel's undo stack). */
  protectFormulas?: boolean;
  /**
   * Write the long Data table for PivotTables. Default: only while the grid has at most
   * DATA_TABLE_MAX_ROWS rows (12 formulas rows each); larger workbooks pivot tblMonthly.
   */
  dataTable?: boolean;
}

/** The default as-of month: seven months into fiscal year 2027. Example: `defaultAsOf(10) === "2027-04"`. */
export function defaultAsOf(fyStartMonth: number): string {
  const startYear = fyStartMonth === 1 ? 2027 : 2026;
  const idx = startYear * 12 + (fyStartMonth - 1) + 6;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
}

/**
 * A template as a workbook plan. Example:
 * `buildWorkbookPlan("child-support", { sampleData: true }).sheets.map((s) => s.name)`.
 */
export function buildWorkbookPlan(templateId: string, options: BuildOptions = {}): WorkbookPlan {
  const t = getTemplate(templateId);
  const asOfMonth = options.asOfMonth ?? defaultAsOf(t.fyStartMonth);
  const base: WorkbookInput = {
    templateId: t.id,
    title: t.title,
    fyStartMonth: t.fyStartMonth,
    asOfMonth,
    plan: t.plan,
    measures: t.measures,
    units: t.units,
    observations: [],
    programTargets: [],
    flags: [],
    reliabilityPassed: true,
  };
  const sample = options.sampleData ? { ...base, ...sampleData(t, options.seed ?? 1, asOfMonth) } : base;
  const input: WorkbookInput = {
    ...sample,
    budget: options.sampleData
      ? sampleBudget(t, sample.observations, options.seed ?? 1, asOfMonth).budget
      : emptyBudget(t.units, fiscalYearOf(asOfMonth, t.fyStartMonth), budgetMeasureOf(t.id)),
  };
  return buildPlanFromInput(input, options);
}

/** Any scorecard as a workbook plan (the demo and randomized tests come through here). */
export function buildPlanFromInput(
  input: WorkbookInput,
  options: Pick<BuildOptions, "protectFormulas" | "dataTable"> = {},
): WorkbookPlan {
  fiscalYearOf(input.asOfMonth, input.fyStartMonth); // throws a RangeError naming a malformed as-of month
  const rows = gridRows(input);
  const { sheet: monthly, layout } = monthlySheet(
    rows,
    input.measures,
    input.fyStartMonth,
    options.protectFormulas === true,
    fiscalYearOf(input.asOfMonth, input.fyStartMonth),
  );
  const measures = measuresSheet(input.measures);
  const sheets: SheetPlan[] = [
    planSheet(input),
    measures.sheet,
    unitsSheet(input.units),
    targetsSheet(input.programTargets, input.measures, layout),
    monthly,
  ];
  const budget = input.budget ? budgetSheet(input.budget, layout, input.fyStartMonth) : undefined;
  if (budget) sheets.push(budget.sheet);
  const slots = dashboardSlots(input, layout, budget?.layout);
  sheets.push(dataSheet(layout, input.fyStartMonth, options.dataTable ?? rows.length <= DATA_TABLE_MAX_ROWS));
  const [dashboard, chartData] = dashboardSheets(input, layout, slots);
  // The hidden chart data goes last, so the visible tabs keep their order.
  const log = workbookLog(input);
  sheets.push(dashboard, flagsSheet(input.flags), revisionsSheet(log), chartData);
  const purposes = sheets.map((s): [string, string] => [s.name, s.purpose]);
  const about = aboutSheet(
    input,
    [[SHEETS.about, "What this workbook is, its settings and how to use it."], ...purposes],
    sealSettingsRows(log, input.revisionWho),
  );
  return {
    schemaVersion: 1,
    templateId: input.templateId,
    title: input.title,
    fyStartMonth: input.fyStartMonth,
    sheets: withPrintSetup([about.sheet, ...sheets], input.title, input.asOfMonth),
    names: [...about.names, ...measures.names, ...monthNoNames()],
  };
}

/**
 * The sections other parts add to the Dashboard (today: "Budget and results" when the workbook
 * has a Budget sheet). One definition, so the expectations place the Dashboard as the plan does.
 */
export function dashboardSlots(
  input: WorkbookInput,
  grid: GridLayout,
  budget?: BudgetLayout,
): DashboardSlots {
  const layout =
    budget ?? (input.budget ? budgetSheet(input.budget, grid, input.fyStartMonth).layout : undefined);
  if (!layout) return {};
  const units = input.units.map((u) => u.id);
  return { budget: (top) => budgetSection(units, layout, top).section };
}
