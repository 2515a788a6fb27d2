/**
 * The budget flags inside the one flag run: Baltimore's FY2021-FY2023 service budgets and output
 * measures as a golden case, and the Budget sheet read back from a workbook.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { budgetUnitYears, costPerResult, type UnitResources } from "../../../src/engine/budget";
import { runFlags } from "../../../src/engine/flags";
import { indexScorecard } from "../../../src/engine/index";
import type { MeasureDef, Observation, Scorecard } from "../../../src/engine/model";
import { buildPlanFromInput } from "../../../src/workbook/buildPlan";
import { buildDemoData } from "../../../src/workbook/demo";
import { rawTablesFromPlan } from "../../../src/workbook/rawTables";
import { budgetFromTables } from "../../../src/workbook/readBudget";
import { TABLES } from "../../../src/workbook/layout";

const FILE = path.resolve(__dirname, "../../../data/budget/baltimore_pbb_joined_fy21-fy23.csv");

/** Each service's first output measure with a target, its budget, spend and positions per fiscal year. */
function baltimore() {
  const raw = Papa.parse<Record<string, string>>(readFileSync(FILE, "utf8"), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const measureOf = new Map<string, string>();
  const first = new Map<string, string>();
  const measures = new Map<string, MeasureDef>();
  const observations: Observation[] = [];
  const resources = new Map<string, UnitResources>();
  for (const r of raw) {
    if (r.measure_type !== "Output" || r.target === "" || r.budget_dollars === "") continue;
    const measure = `${r.service_id}: ${r.measure}`;
    if ((first.get(r.service) ?? measure) !== measure) continue;
    first.set(r.service, measure);
    measures.set(measure, { id: measure, name: r.measure, kind: "count", direction: "up" });
    measureOf.set(`${r.service}|${r.fiscal_year}`, measure);
    observations.push({
      measure,
      unit: r.service,
      period: r.fiscal_year,
      target: Number(r.target),
      ...(r.actual !== "" ? { actual: Number(r.actual) } : {}),
    });
    const unit = resources.get(r.service) ?? { unit: r.service, years: new Map(), months: new Map() };
    resources.set(r.service, unit);
    unit.years.set(Number(r.fiscal_year), {
      budgetCents: Math.round(Number(r.budget_dollars) * 100),
      ...(r.actual_spend_dollars !== ""
        ? { spendCents: Math.round(Number(r.actual_spend_dollars) * 100) }
        : {}),
      ...(r.positions_budget !== "" ? { fte: Number(r.positions_budget) } : {}),
      source: { sheet: "baltimore", row: 0, column: 0 },
    });
  }
  const scorecard: Scorecard = {
    measures: [...measures.values()],
    units: [...resources.keys()].map((id) => ({ id, name: id })),
    observations,
    fyStartMonth: 7,
  };
  return { scorecard, context: { resources, measureOf } };
}

describe("the budget flags over Baltimore's outcome budgets (golden case)", () => {
  const { scorecard, context } = baltimore();
  const index = indexScorecard(scorecard);

  it("reads Accounts Payable (service 702) FY2021 as $6.37 planned and $5.50 actual per invoice", () => {
    const ap = budgetUnitYears(index, context).find(
      (r) => r.unit === "Accounts Payable" && r.fiscalYear === 2021,
    )!;
    expect(ap).toMatchObject({
      budget: 89_228_900,
      target: 140_000,
      spend: 66_540_100,
      results: 121_000,
      driver: 10,
    });
    const cost = costPerResult({ ...ap, moneyUnit: "cents" });
    expect((cost.planned! / 100).toFixed(2)).toBe("6.37");
    expect((cost.actual! / 100).toFixed(2)).toBe("5.50");
  });

  it("flags, in the one flag run, exactly the services whose budget rose 5 % while their target did not", () => {
    const run = runFlags(index, { budget: context, only: ["resources-up-target-down"] });
    const found = run.flags.map((f) => `${f.unit} FY${f.periods[1]}`).sort();
    // Independently, by plain arithmetic over the same rows.
    const rows = budgetUnitYears(index, context);
    const at = (unit: string, fy: number) =>
      rows.find(
        (r) => r.unit === unit && r.fiscalYear === fy && r.measure === context.measureOf.get(`${unit}|${fy}`),
      );
    const expected = rows
      .filter((now) => {
        const before = at(now.unit, now.fiscalYear - 1);
        return (
          before !== undefined &&
          before.measure === now.measure &&
          before.budget > 0 &&
          before.target! > 0 &&
          now.target !== undefined &&
          now.budget / before.budget - 1 >= 0.05 &&
          now.target <= before.target!
        );
      })
      .map((r) => `${r.unit} FY${r.fiscalYear}`)
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(found).toEqual(expected);
    for (const f of run.flags)
      expect(f.evidence.text).toMatch(/^FY\d{4} budget \$[\d,]+\.\d\d \(\+\d+\.\d %/);
  });

  it("runs all three beside the other detectors, and none without resources", () => {
    const kinds = (flags: { detector: string }[]) => new Set(flags.map((f) => f.detector));
    const withBudget = runFlags(index, { budget: context });
    expect(kinds(withBudget.flags).has("resources-up-target-down")).toBe(true);
    // Each service buys its own measure, so no cost has five peers; there is no monthly spend to spike.
    expect(kinds(withBudget.flags).has("cost-per-result-outlier")).toBe(false);
    expect(kinds(withBudget.flags).has("year-end-spend-spike")).toBe(false);
    const without = runFlags(index);
    expect([...kinds(without.flags)].some((k) => k.startsWith("resources") || k.includes("spend"))).toBe(
      false,
    );
  });
});

describe("the Budget sheet read back for the flags", () => {
  const { input } = buildDemoData(1);
  const tables = rawTablesFromPlan(buildPlanFromInput(input));

  it("gives the engine each office's budget in cents, FTE, measure and months", () => {
    const read = budgetFromTables(tables, input.fyStartMonth)!;
    expect(read.findings).toEqual([]);
    const y = input.budget!.years.find((r) => r.unit === "howard" && r.fiscalYear === 2027)!;
    const howard = read.resources.get("howard")!;
    expect(howard.years.get(2027)).toMatchObject({ budgetCents: Math.round(y.budget! * 100), fte: y.fte });
    expect(read.measureOf.get("howard|2027")).toBe("locates");
    expect(howard.months.get("2026-10")?.spendCents).toBeGreaterThan(0);
    expect(howard.months.get("2027-09")?.spendCents).toBeUndefined();
  });

  it("flags spend piled into the last quarter of a year typed on the sheet, and names a money cell typed as text", () => {
    const spend = tables[TABLES.spend]!;
    const i = spend.rows.findIndex((r) => r[0] === "howard" && r[1] === 2026);
    const first = spend.headers.indexOf("Spend Jul");
    for (const k of [0, 1, 2]) spend.rows[i][first + k] = (spend.rows[i][first + k] as number) * 4;
    spend.rows[i][spend.headers.indexOf("Spend Oct")] = "$100,000";
    const read = budgetFromTables(tables, input.fyStartMonth)!;
    expect(read.findings).toEqual([
      expect.objectContaining({
        code: "number-as-text",
        message: expect.stringMatching(/Budget!\w+\d+ \(Spend Oct\) holds "\$100,000" as text/),
      }),
    ]);
    const run = runFlags(indexScorecard(scorecardOf(input)), {
      budget: read,
      only: ["year-end-spend-spike"],
    });
    expect(run.flags.map((f) => [f.unit, f.periods[0], f.measure])).toEqual([["howard", "2026", "locates"]]);
  });
});

function scorecardOf(input: ReturnType<typeof buildDemoData>["input"]): Scorecard {
  return {
    measures: input.measures,
    units: input.units,
    observations: input.observations,
    fyStartMonth: input.fyStartMonth,
  };
}
