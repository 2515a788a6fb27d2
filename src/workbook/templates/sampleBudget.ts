/**
 * Sample budgets for a template's sample data: each unit's budget per fiscal year (a cost per case
 * of its caseload), FTE, revenue where the program earns it, monthly allotments spread evenly by
 * the engine (spendPlan, exact to the cent) and spend around them. The unit furthest behind on the
 * budget measure's results is made to overspend, so the Budget sheet and the Dashboard have a unit
 * "behind on results while spending ahead of plan" to show. Deterministic from the seed.
 */
import { spendPlan } from "../../engine/budget/spend";
import { checkScorecard } from "../../engine/checks";
import { indexScorecard } from "../../engine/index";
import type { Observation, UnitDef } from "../../engine/model";
import { fiscalMonthOffset, fiscalYearOf } from "../../engine/period";
import type { BudgetInput } from "../sheets/budgetColumns";
import { normal, rng } from "./sample";
import type { TemplateDef, TemplateId } from "./types";

/** What the money buys in each template, and what a case costs a year (dollars). */
const BUDGET_PROFILE: Record<TemplateId, { measure?: string; perCase: number; revenuePerDollar?: number }> = {
  // IV-D expenditures buy locates (among everything else); collections are the program's revenue,
  // about five dollars per dollar spent (the cost-effectiveness measure).
  "child-support": { measure: "locates", perCase: 310, revenuePerDollar: 5.1 },
  "city-services": { measure: "meals", perCase: 95 },
  "balanced-scorecard": { measure: "cases-processed", perCase: 140 },
  blank: { perCase: 100 },
};

/** The measure a template's money buys by default. Example: `budgetMeasureOf("city-services") === "meals"`. */
export function budgetMeasureOf(templateId: string): string | undefined {
  return BUDGET_PROFILE[templateId as TemplateId]?.measure;
}

const cents = (dollars: number) => Math.round(dollars * 100);

/**
 * Budgets, allotments and spend for the as-of fiscal year and the one before it.
 * Example: `sampleBudget(t, observations, 1, "2027-04").years.length === 2 * t.units.length`.
 */
export function sampleBudget(
  t: Pick<TemplateDef, "id" | "fyStartMonth" | "measures"> & { units: UnitDef[] },
  observations: Observation[],
  seed: number,
  asOfMonth: string,
): { budget: BudgetInput; overspender?: string } {
  const profile = BUDGET_PROFILE[t.id as TemplateId] ?? BUDGET_PROFILE.blank;
  const rand = rng(seed + 19);
  const fy0 = fiscalYearOf(asOfMonth, t.fyStartMonth);
  const elapsed = fiscalMonthOffset(asOfMonth, t.fyStartMonth) + 1;
  const overspender = behindMost(t, observations, asOfMonth, profile.measure);
  const budget: BudgetInput = { years: [], spend: [] };
  for (const fy of [fy0 - 1, fy0]) {
    const amounts = t.units.map((u) => {
      const caseload = u.caseload ?? 1000;
      return cents(
        Math.round(caseload * profile.perCase * (1 + 0.03 * (fy - fy0)) * (1 + 0.05 * normal(rand))),
      );
    });
    const plan = spendPlan({
      moneyUnit: "cents",
      fiscalYear: fy,
      fyStartMonth: t.fyStartMonth,
      spread: { kind: "even" },
      units: t.units.map((u, i) => ({ id: u.id, budget: amounts[i] })),
    });
    t.units.forEach((u, i) => {
      budget.years.push({
        unit: u.id,
        fiscalYear: fy,
        measure: profile.measure,
        budget: amounts[i] / 100,
        fte: u.fte,
        revenue: profile.revenuePerDollar
          ? Math.round((amounts[i] / 100) * profile.revenuePerDollar)
          : undefined,
      });
      const known = fy < fy0 ? 12 : elapsed;
      const pace = fy === fy0 && u.id === overspender ? 1.12 : 1;
      const allotment = plan.units[i].perPeriod;
      budget.spend.push({
        unit: u.id,
        fiscalYear: fy,
        allotment: allotment.map((c) => c / 100),
        spend: allotment.map((c, j) =>
          j < known ? cents((c / 100) * pace * (0.985 + 0.03 * rand())) / 100 : undefined,
        ),
      });
    });
  }
  return { budget, overspender };
}

/** The unit whose year-to-date results lag their milestones most on the budget measure. */
function behindMost(
  t: Pick<TemplateDef, "fyStartMonth" | "measures"> & { units: UnitDef[] },
  observations: Observation[],
  asOfMonth: string,
  measure: string | undefined,
): string | undefined {
  if (!measure || observations.length === 0) return undefined;
  const rows = checkScorecard(
    indexScorecard({ measures: t.measures, units: t.units, observations, fyStartMonth: t.fyStartMonth }),
    { asOf: asOfMonth, rollups: false, forecast: false },
  ).rows.filter((r) => r.measure === measure && r.ytdActual !== undefined && (r.ytdPlan ?? 0) > 0);
  rows.sort((a, b) => a.ytdActual! / a.ytdPlan! - b.ytdActual! / b.ytdPlan!);
  return rows[0]?.unit;
}
