/**
 * Everything a workbook plan is built from, normalized: template text, measures, units,
 * observations, program targets and flags, with the as-of month given (never a clock).
 */
import type { Observation, UnitDef } from "../engine/model";
import type { Flag } from "../engine/flags/types";
import type { LoggedRevision } from "../engine/revisions/types";
import { fiscalYearOf, isMonth, isYear, monthIndex } from "../engine/period";
import type { BudgetInput } from "./sheets/budgetColumns";
import type { PlanText, TemplateMeasure } from "./templates/types";

export interface ProgramTarget {
  measure: string;
  fiscalYear: number;
  target: number;
  method?: string;
}

export interface WorkbookInput {
  templateId: string;
  title: string;
  fyStartMonth: number;
  /** The month the Dashboard judges, YYYY-MM. */
  asOfMonth: string;
  plan: PlanText;
  measures: TemplateMeasure[];
  units: UnitDef[];
  /** Monthly observations (milestone, actual, denominator) and yearly ones ("YYYY": target). */
  observations: Observation[];
  programTargets: ProgramTarget[];
  flags: Flag[];
  /** 45 CFR 305.32 data reliability audit (95 % standard); no incentive without it. */
  reliabilityPassed: boolean;
  /** Budgets, allotments and spend for the Budget sheet (absent: no Budget sheet). */
  budget?: BudgetInput;
  /** The target revision log; absent: the grid's targets logged as a baseline (sheets/revisions.ts). */
  revisions?: LoggedRevision[];
  /** The name the pane logs target changes under (the About sheet's setting), kept on a rebuild. */
  revisionWho?: string;
  /**
   * Yardstick's own facts about the file (an office copy's stamp, the master's ID), appended to
   * the About sheet's settings table as [setting, value, what it means]; always text.
   */
  settingsRows?: [string, string, string][];
}

/** One row of tblMonthly: a measure x unit x fiscal year with twelve months per series. */
export interface GridRow {
  measure: string;
  unit: string;
  fiscalYear: number;
  target?: number;
  milestone: (number | undefined)[];
  actual: (number | undefined)[];
  denominator: (number | undefined)[];
}

/**
 * Group observations into grid rows: every measure x unit gets a row for the as-of fiscal year,
 * and one for each other fiscal year with data. Order: newest year first, then measure and
 * unit order, so this year's rows are on top where people type.
 */
export function gridRows(input: WorkbookInput): GridRow[] {
  const fy0 = fiscalYearOf(input.asOfMonth, input.fyStartMonth);
  const rows = new Map<string, GridRow>();
  const get = (measure: string, unit: string, fy: number): GridRow => {
    const k = `${measure}\u0000${unit}\u0000${fy}`;
    let row = rows.get(k);
    if (!row) {
      const empty = () => new Array<number | undefined>(12).fill(undefined);
      row = { measure, unit, fiscalYear: fy, milestone: empty(), actual: empty(), denominator: empty() };
      rows.set(k, row);
    }
    return row;
  };
  for (const m of input.measures) for (const u of input.units) get(m.id, u.id, fy0);
  for (const o of input.observations) {
    if (isYear(o.period)) {
      if (o.target !== undefined) get(o.measure, o.unit, Number(o.period)).target = o.target;
      continue;
    }
    if (!isMonth(o.period)) continue;
    const fy = fiscalYearOf(o.period, input.fyStartMonth);
    const offset = (monthIndex(o.period) % 12) + 1 - input.fyStartMonth;
    const i = (offset + 12) % 12;
    const row = get(o.measure, o.unit, fy);
    if (o.milestone !== undefined) row.milestone[i] = o.milestone;
    if (o.actual !== undefined) row.actual[i] = o.actual;
    if (o.denominator !== undefined) row.denominator[i] = o.denominator;
  }
  const mOrder = new Map(input.measures.map((m, i) => [m.id, i]));
  const uOrder = new Map(input.units.map((u, i) => [u.id, i]));
  return [...rows.values()].sort(
    (a, b) =>
      b.fiscalYear - a.fiscalYear ||
      (mOrder.get(a.measure) ?? 1e9) - (mOrder.get(b.measure) ?? 1e9) ||
      (uOrder.get(a.unit) ?? 1e9) - (uOrder.get(b.unit) ?? 1e9),
  );
}
