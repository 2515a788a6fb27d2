/** Cost per result, planned and actual, on Baltimore's published budget and measures. */
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { costPerResult } from "../../../src/engine/budget";

const FILE = path.resolve(__dirname, "../../../data/budget/baltimore_pbb_joined_fy21-fy23.csv");

type Row = Record<string, string>;
const rows = Papa.parse<Row>(readFileSync(FILE, "utf8"), { header: true, skipEmptyLines: true }).data;

describe("cost per result on Baltimore's FY2021 outcome budget", () => {
  it("prices an invoice paid by Accounts Payable at $6.37 planned and $5.50 actual", () => {
    const ap = rows.find(
      (r) => r.service_id === "702" && r.fiscal_year === "2021" && r.measure === "# of invoices paid",
    )!;
    const c = costPerResult({
      budget: Number(ap.budget_dollars),
      target: Number(ap.target),
      spend: Number(ap.actual_spend_dollars),
      results: Number(ap.actual),
      moneyUnit: "dollars",
    });
    expect(c.planned!.toFixed(2)).toBe("6.37");
    expect(c.actual!.toFixed(2)).toBe("5.50");
    expect(c.variance!).toBeCloseTo(665401 / 121000 / (892289 / 140000) - 1, 12);
  });

  it("gives every FY2021 output measure with a budget, target and actual a finite cost per result", () => {
    const outputs = rows.filter(
      (r) =>
        r.fiscal_year === "2021" &&
        r.measure_type === "Output" &&
        Number(r.target) > 0 &&
        Number(r.actual) > 0,
    );
    expect(outputs.length).toBeGreaterThan(50);
    for (const r of outputs) {
      const c = costPerResult({
        budget: Number(r.budget_dollars),
        target: Number(r.target),
        spend: Number(r.actual_spend_dollars),
        results: Number(r.actual),
        moneyUnit: "dollars",
      });
      expect(Number.isFinite(c.planned!)).toBe(true);
    }
  });
});

describe("when no cost per result can be said", () => {
  it("says so for a budget with a target of 0", () => {
    const c = costPerResult({ budget: 5000, target: 0, moneyUnit: "dollars" });
    expect(c.planned).toBeUndefined();
    expect(c.note).toContain("The target is 0 while the budget is not");
  });

  it("says so for money spent with no results yet", () => {
    const c = costPerResult({ budget: 5000, target: 10, spend: 400, results: 0, moneyUnit: "dollars" });
    expect(c).toMatchObject({
      planned: 500,
      actual: undefined,
      note: "Money spent with no results reported yet.",
    });
  });
});
