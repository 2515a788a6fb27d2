/**
 * Budgets at scale, each beside the same run's reference and its plain counterpart:
 * - the joint split of a target, a budget (whole cents) and FTE across 10,000 units (5 % of budgets
 *   locked) beside prorating the target alone to the same units;
 * - the budget-and-results report (monitor, cost per result, forecast, two-axis status) over 1,000
 *   units x 36 months of allotments and spend, beside the checks over the same units' results.
 */
import { budgetReport, splitTargetsAndBudget, type UnitResources } from "../src/engine/budget";
import { checkScorecard } from "../src/engine/checks";
import { indexScorecard } from "../src/engine/index";
import type { Observation, Scorecard } from "../src/engine/model";
import { fiscalYearMonths } from "../src/engine/period";
import { prorate } from "../src/engine/prorate";
import { mulberry32, ref, timed } from "./reference";

export const title = "budget: joint split of 10,000 units; monitor over 1,000 units x 36 months";

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function best<T>(runs: number, f: () => T): { cpuMs: number; wallMs: number; value: T } {
  f(); // warm-up
  const times = Array.from({ length: runs }, () => timed(f));
  return {
    cpuMs: median(times.map((t) => t.cpuMs)),
    wallMs: median(times.map((t) => t.wallMs)),
    value: times[0].value,
  };
}

function split(): void {
  const rand = mulberry32(19);
  const n = 10_000;
  const units = Array.from({ length: n }, (_, i) => ({
    id: `Office ${String(i).padStart(5, "0")}`,
    driver: Math.floor(200 + rand() * 5000),
    lockedBudget: i % 20 === 0 ? 5_000_000 : undefined,
  }));
  const joint = best(7, () =>
    splitTargetsAndBudget({
      kind: "count",
      targetTotal: n * 400,
      method: "proportional",
      driverLabel: "caseload",
      budget: 250_000_000_000 + 37, // $2.5 billion and 37 cents
      moneyUnit: "cents",
      budgetBasis: { kind: "sameDriver" },
      fteTotal: n * 12.5,
      units,
    }),
  );
  const alone = best(7, () =>
    prorate({
      kind: "count",
      total: n * 400,
      method: "proportional",
      driverLabel: "caseload",
      units: units.map((u) => ({ id: u.id, driver: u.driver })),
    }),
  );
  const money = joint.value.units.reduce((a, u) => a + u.budget, 0);
  console.log(
    `joint split, 10,000 units (target, budget to the cent, FTE): ${ref(joint.cpuMs)}, ${joint.wallMs.toFixed(1)} ms wall; ` +
      `the target alone: ${ref(alone.cpuMs)}; x${(joint.cpuMs / alone.cpuMs).toFixed(1)} for three splits. ` +
      `Budgets add up: ${money === 250_000_000_037 ? "yes" : `NO (${money})`}.`,
  );
}

function monitor(): void {
  const rand = mulberry32(23);
  const n = 1_000;
  const fy = 10;
  const years = [2025, 2026, 2027];
  const months = years.flatMap((y) => fiscalYearMonths(y, fy));
  const observations: Observation[] = [];
  const resources = new Map<string, UnitResources>();
  const source = { sheet: "bench", row: 0, column: 0 };
  for (let u = 0; u < n; u++) {
    const unit = `u${u}`;
    const res: UnitResources = { unit, years: new Map(), months: new Map() };
    for (const y of years) {
      const budget = Math.round((1 + rand()) * 12_000_000);
      res.years.set(y, { budgetCents: budget, fte: 10, source });
      observations.push({ measure: "orders", unit, period: String(y), target: 1200 });
    }
    months.forEach((m, k) => {
      const allot = Math.round(res.years.get(years[Math.floor(k / 12)])!.budgetCents! / 12);
      res.months.set(m, {
        allotmentCents: allot,
        spendCents: Math.round(allot * (0.9 + 0.2 * rand())),
        source,
      });
      observations.push({
        measure: "orders",
        unit,
        period: m,
        milestone: 100,
        actual: Math.round(80 + 40 * rand()),
      });
    });
    resources.set(unit, res);
  }
  const scorecard: Scorecard = {
    measures: [{ id: "orders", name: "Orders", kind: "count", direction: "up" }],
    units: [...resources.keys()].map((id) => ({ id, name: id })),
    observations,
    fyStartMonth: fy,
  };
  const asOf = "2027-09"; // the last month: 36 months of history behind the report
  const checks = best(5, () => checkScorecard(indexScorecard(scorecard), { asOf }));
  const report = best(5, () =>
    budgetReport(resources, checks.value, { asOf, fyStartMonth: fy, measure: "orders" }),
  );
  const behind = report.value.rows.filter(
    (r) => r.status.startsWith("Behind") && r.spendStanding === "over plan",
  );
  console.log(
    `monitor, 1,000 units x 36 months: ${ref(report.cpuMs)}, ${report.wallMs.toFixed(1)} ms wall; ` +
      `the checks over the same results: ${ref(checks.cpuMs)}; ${report.value.rows.length} rows, ${behind.length} behind while overspending.`,
  );
}

export function run(): void {
  split();
  monitor();
}
