/** Budget flags: resources up while the target falls, costs far from peers, spending piled into year end. */
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import {
  costPerResultOutliers,
  resourcesUpTargetDown,
  yearEndSpendSpikes,
  type BudgetFlagOptions,
  type UnitYear,
} from "../../../src/engine/budget";

const options: BudgetFlagOptions = {
  moneyUnit: "dollars",
  directions: new Map([
    ["orders", "up"],
    ["days", "down"],
  ]),
  driverLabel: "cases per worker",
};

const year = (
  unit: string,
  fiscalYear: number,
  budget: number,
  target: number,
  over: Partial<UnitYear> = {},
): UnitYear => ({
  measure: "orders",
  unit,
  fiscalYear,
  budget,
  target,
  ...over,
});

describe("resources up while the target falls or stands still", () => {
  it("flags a unit given 10 % more money for a lower target, with both changes", () => {
    const [flag] = resourcesUpTargetDown(
      [year("howard", 2026, 1_000_000, 500), year("howard", 2027, 1_100_000, 450)],
      options,
    );
    expect(flag).toMatchObject({
      detector: "resources-up-target-down",
      severity: "high",
      periods: ["2026", "2027"],
    });
    expect(flag.evidence.values).toEqual({ budgetChangePct: 10, targetChangePct: -10 });
    expect(flag.evidence.text).toBe(
      "FY2027 budget $1,100,000.00 (+10.0 % on FY2026) with a target of 450 (-10.0 %).",
    );
  });

  it("flags a flat target as medium, and leaves a raised target or a small budget rise alone", () => {
    const flags = resourcesUpTargetDown(
      [
        year("a", 2026, 100, 50),
        year("a", 2027, 110, 50),
        year("b", 2026, 100, 50),
        year("b", 2027, 110, 55),
        year("c", 2026, 100, 50),
        year("c", 2027, 103, 40),
      ],
      options,
    );
    expect(flags.map((f) => [f.unit, f.severity])).toEqual([["a", "medium"]]);
  });

  it("knows a days-to-close target made higher is easier", () => {
    const flags = resourcesUpTargetDown(
      [year("a", 2026, 100, 30, { measure: "days" }), year("a", 2027, 120, 35, { measure: "days" })],
      options,
    );
    expect(flags).toHaveLength(1);
  });

  it("runs over Baltimore's FY2021-FY2022 output measures and agrees with plain arithmetic", () => {
    const file = path.resolve(__dirname, "../../../data/budget/baltimore_pbb_joined_fy21-fy23.csv");
    const raw = Papa.parse<Record<string, string>>(readFileSync(file, "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const rows: UnitYear[] = raw
      .filter((r) => r.measure_type === "Output" && r.budget_dollars !== "" && r.target !== "")
      .map((r) => ({
        measure: `${r.service_id}: ${r.measure}`,
        unit: r.service,
        fiscalYear: Number(r.fiscal_year),
        budget: Number(r.budget_dollars),
        target: Number(r.target),
      }));
    const directions = new Map(rows.map((r) => [r.measure, "up" as const]));
    const flags = resourcesUpTargetDown(rows, { ...options, directions });
    // Independently: every measure whose FY2022 budget is at least 5 % above FY2021 and whose target did not rise.
    const at = (m: string, fy: number) => rows.find((r) => r.measure === m && r.fiscalYear === fy);
    const expected = [...new Set(rows.map((r) => r.measure))].filter((m) => {
      const [a, b] = [at(m, 2021), at(m, 2022)];
      return (
        a && b && a.budget > 0 && a.target! > 0 && b.budget / a.budget - 1 >= 0.05 && b.target! <= a.target!
      );
    });
    const found = flags.filter((f) => f.periods[1] === "2022").map((f) => f.measure);
    expect(expected.length).toBeGreaterThan(5);
    expect(found.sort()).toEqual(expected.sort());
  });
});

describe("cost per result far from peers", () => {
  const peers = (costs: number[]): UnitYear[] =>
    costs.map((c, i) =>
      year(`unit ${i}`, 2027, c * 100, 100, { spend: c * 90, results: 90, driver: 40 + i }),
    );

  it("flags the one unit paying ten times the going rate, naming the driver", () => {
    const flags = costPerResultOutliers(peers([10, 11, 9, 10, 12, 10, 100]), options);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ unit: "unit 6", detector: "cost-per-result-outlier" });
    expect(flags[0].evidence.text).toContain(
      "Actual cost per result $100.00 against a median of $10.00 across 7 units",
    );
    expect(flags[0].evidence.text).toContain("Its cases per worker is 46.");
  });

  it("says nothing with fewer than five peers or an ordinary spread", () => {
    expect(costPerResultOutliers(peers([10, 100, 10, 10]), options)).toEqual([]);
    expect(costPerResultOutliers(peers([10, 11, 9, 12, 13, 8]), options)).toEqual([]);
  });
});

describe("spending piled into the last quarter", () => {
  const even = (fy: number, last = 100) => ({
    unit: "howard",
    fiscalYear: fy,
    monthly: [...new Array(9).fill(100), last, last, last],
  });

  it("flags a year whose last quarter took twice its usual share", () => {
    const [flag] = yearEndSpendSpikes([even(2025), even(2026), even(2027, 400)]);
    expect(flag).toMatchObject({
      detector: "year-end-spend-spike",
      unit: "howard",
      periods: ["2027"],
      severity: "high",
    });
    expect(flag.evidence.text).toBe(
      "57.1 % of FY2027's spend fell in its last quarter, against 25.0 % in its 2 earlier year(s) (median).",
    );
  });

  it("leaves an ordinary year alone, and a year with a month missing", () => {
    expect(yearEndSpendSpikes([even(2025), even(2026)])).toEqual([]);
    const gap = { unit: "howard", fiscalYear: 2027, monthly: [...new Array(11).fill(100), undefined] };
    expect(yearEndSpendSpikes([gap])).toEqual([]);
  });
});
