/**
 * Scorecards of any size for adapter tests and the benchmark: three measures of the
 * city-services template, `unitCount` units, this fiscal year's milestones and actuals up
 * to the as-of month. Deterministic; no clock.
 */
import type { Observation, UnitDef } from "../../src/engine/model";
import { fiscalYearMonths, fiscalYearOf } from "../../src/engine/period";
import { buildPlanFromInput, defaultAsOf } from "../../src/workbook/buildPlan";
import type { WorkbookInput } from "../../src/workbook/input";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { getTemplate } from "../../src/workbook/templates";

/** Unit names that Excel would turn into formulas, numbers, dates or booleans if written naively. */
export const HOSTILE_NAMES = [
  '=HYPERLINK("http://example.com","click")',
  "+1",
  "@SUM(A1)",
  "-1+2",
  "2026-07",
  "00123",
  "TRUE",
  "'quoted",
  "=1+2",
];

export function unitsOf(count: number, hostile = false): UnitDef[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `U${String(i + 1).padStart(5, "0")}`,
    name: hostile && i < HOSTILE_NAMES.length ? HOSTILE_NAMES[i] : `District ${i + 1}`,
    caseload: 100 + ((i * 37) % 400),
  }));
}

export function scorecardInput(unitCount: number, options: { hostile?: boolean } = {}): WorkbookInput {
  const t = getTemplate("city-services");
  const measures = t.measures.slice(0, 3);
  const units = unitsOf(unitCount, options.hostile);
  const asOfMonth = defaultAsOf(t.fyStartMonth);
  const fy = fiscalYearOf(asOfMonth, t.fyStartMonth);
  const months = fiscalYearMonths(fy, t.fyStartMonth);
  const observations: Observation[] = [];
  units.forEach((u, ui) =>
    measures.forEach((m, mi) => {
      observations.push({ measure: m.id, unit: u.id, period: String(fy), target: 1200 + ui + mi });
      months.forEach((period, k) => {
        const milestone = 100 + ((ui + mi + k) % 7);
        const past = period <= asOfMonth;
        observations.push({
          measure: m.id,
          unit: u.id,
          period,
          milestone,
          actual: past ? milestone + ((ui * 3 + k) % 5) - 2 : undefined,
        });
      });
    }),
  );
  return {
    templateId: t.id,
    title: `${t.title} (${unitCount} units)`,
    fyStartMonth: t.fyStartMonth,
    asOfMonth,
    plan: t.plan,
    measures,
    units,
    observations,
    programTargets: [],
    flags: [],
    reliabilityPassed: true,
  };
}

export function scorecardPlan(unitCount: number, options: { hostile?: boolean } = {}): WorkbookPlan {
  return buildPlanFromInput(scorecardInput(unitCount, options));
}
