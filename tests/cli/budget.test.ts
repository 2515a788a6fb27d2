/** The budget command line: a budget split with the target, and spend beside results per unit. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { main } from "../../src/cli/main";
import type { Finding } from "../../src/engine/model";

const ROOT = path.resolve(__dirname, "../..");

async function run(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "yardstick-budget-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

interface JointJson {
  proration: { units: { id: string; value: number }[] };
  budget: {
    moneyUnit: string;
    total: number;
    programCostPerResult?: number;
    units: {
      unit: string;
      target: number;
      budget: number;
      fte?: number;
      costPerResult?: number;
      budgetLocked: boolean;
    }[];
  };
}

const cents = (dollars: number) => Math.round(dollars * 100);

describe("yardstick prorate --budget", () => {
  const UNITS =
    "office,caseload,positions,locked_budget,locked_fte\nNorth,300,6,,\nSouth,100,2,,\nEast,200,4,,\n";

  it("splits the budget by the target's driver unless told, each unit's target and budget in the JSON", async () => {
    const cwd = dirWith({ "units.csv": UNITS });
    const { code, out, err } = await run(
      ["prorate", "units.csv", "--total", "600", "--by", "caseload", "--budget", "$1,000", "--json"],
      cwd,
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(out) as JointJson;
    expect(json.budget.moneyUnit).toBe("dollars");
    expect(json.budget.units.map((u) => [u.unit, u.target, u.budget])).toEqual([
      ["North", 300, 500],
      ["South", 100, 166.67],
      ["East", 200, 333.33],
    ]);
    expect(json.budget.programCostPerResult).toBeCloseTo(1000 / 600, 6);
  });

  it("follows another driver with --budget-by and says the budget per result in the text", async () => {
    const cwd = dirWith({ "units.csv": "office,caseload,positions\nNorth,100,3\nSouth,100,1\n" });
    const { out } = await run(
      [
        "prorate",
        "units.csv",
        "--total",
        "200",
        "--by",
        "caseload",
        "--budget",
        "400000",
        "--budget-by",
        "positions",
      ],
      cwd,
    );
    expect(out).toMatch(/Budget \$400,000\.00 split by positions, \$2,000\.00 per result:/);
    expect(out).toMatch(/North\s+100\s+\$300,000\.00\s+\$3,000\.00/);
    expect(out).toMatch(/South\s+100\s+\$100,000\.00\s+\$1,000\.00/);
  });

  it("keeps money exact to the cent: budgets sum to the program budget and each is within a cent of its share", async () => {
    const cwd = dirWith({});
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        async (caseloads, budgetCents, total) => {
          const csv = `office,caseload\n${caseloads.map((c, i) => `U${i},${c}`).join("\n")}\n`;
          writeFileSync(path.join(cwd, "units.csv"), csv);
          const budget = (budgetCents / 100).toFixed(2);
          const { out, code } = await run(
            [
              "prorate",
              "units.csv",
              "--total",
              String(total),
              "--by",
              "caseload",
              "--budget",
              budget,
              "--json",
            ],
            cwd,
          );
          expect(code).toBe(0);
          const json = JSON.parse(out) as JointJson;
          const sum = json.budget.units.reduce((a, u) => a + cents(u.budget), 0);
          expect(sum).toBe(budgetCents);
          const all = caseloads.reduce((a, b) => a + b, 0);
          json.budget.units.forEach((u, i) => {
            expect(
              Number.isInteger(u.budget * 100) || Math.abs(u.budget * 100 - cents(u.budget)) < 1e-6,
            ).toBe(true);
            expect(Math.abs(cents(u.budget) - (budgetCents * caseloads[i]) / all)).toBeLessThan(1);
          });
          expect(json.budget.units.reduce((a, u) => a + u.target, 0)).toBe(total);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("keeps locked budgets and staff and splits the rest", async () => {
    const cwd = dirWith({
      "units.csv":
        'office,caseload,locked_budget,locked_fte\nNorth,100,"$1,200",2.5\nSouth,100,,\nEast,200,,\n',
    });
    const { out } = await run(
      [
        "prorate",
        "units.csv",
        "--total",
        "40",
        "--by",
        "caseload",
        "--budget",
        "4200",
        "--lock-budget",
        "locked_budget",
        "--fte",
        "10",
        "--lock-fte",
        "locked_fte",
        "--json",
      ],
      cwd,
    );
    const json = JSON.parse(out) as JointJson;
    expect(json.budget.units.map((u) => [u.unit, u.budget, u.fte, u.budgetLocked])).toEqual([
      ["North", 1200, 2.5, true],
      ["South", 1000, 2.5, false],
      ["East", 2000, 5, false],
    ]);
  });

  it.each([
    [
      "locks above the budget",
      "office,caseload,lock\nNorth,1,600\nSouth,1,500\n",
      ["--lock-budget", "lock"],
      /units\.csv column "lock" \(lines 2, 3\): the locked budgets add up to \$1,100\.00, more than the program budget of \$1,000\.00/,
    ],
    [
      "a negative locked budget written as an accountant would",
      "office,caseload,lock\nNorth,1,(500)\nSouth,1,\n",
      ["--lock-budget", "lock"],
      /units\.csv line 2, column "lock": "\(500\)" is a negative budget/,
    ],
    [
      "a locked budget with a fraction of a cent",
      "office,caseload,lock\nNorth,1,12.345\nSouth,1,\n",
      ["--lock-budget", "lock"],
      /units\.csv line 2, column "lock": "12\.345" has fractions of a cent/,
    ],
    [
      "a locked FTE off the step",
      "office,caseload,lf\nNorth,1,2.37\nSouth,1,\n",
      ["--fte", "10", "--lock-fte", "lf"],
      /units\.csv line 2, column "lf": 2\.37 FTE is not a whole number of 0\.1 steps/,
    ],
  ])("stops on %s, naming file, line and column", async (_what, csv, extra, message) => {
    const cwd = dirWith({ "units.csv": csv });
    const { code, err } = await run(
      ["prorate", "units.csv", "--total", "10", "--by", "caseload", "--budget", "1000", ...extra],
      cwd,
    );
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it("refuses a budget option without --budget", async () => {
    const { code, err } = await run([
      "prorate",
      "samples/units.csv",
      "--total",
      "10",
      "--by",
      "caseload",
      "--budget-by",
      "fte",
    ]);
    expect(code).toBe(2);
    expect(err).toMatch(/--budget-by goes with --budget AMOUNT/);
  });
});

interface ReportJson {
  fiscalYear: number;
  moneyUnit: string;
  units: {
    unit: string;
    budget: number;
    allotmentYtd: number;
    spendYtd?: number;
    costPerResult: { planned?: number; actual?: number; note?: string };
    forecast?: { method: string; value: number };
    resultsStanding: string;
    spendStanding?: string;
    status: string;
  }[];
  program: { budget: number; status: string };
  findings: Finding[];
}

describe("yardstick budget", () => {
  const SAMPLE = [
    "budget",
    "samples/budget-results.csv",
    "--resources",
    "samples/budget-resources.csv",
    "--as-of",
    "2026-03",
    "--fy-start",
    "oct",
  ];

  it("finds the office behind on results while spending ahead of plan, and exits 1", async () => {
    const { code, out, err } = await run(SAMPLE);
    expect(err).toBe("");
    expect(code).toBe(1);
    expect(out).toMatch(/^Budget and results as of 2026-03 \(FY2026, month 6 of 12\)/);
    expect(out).toMatch(
      /East\s+\$720,000\s+\$360,000\s+\$405,041\s+\+12\.5 %.*Behind on results while spending ahead of plan\./,
    );
    expect(out).toMatch(/North.*On plan for results, spending on plan\./);
  });

  it("gives per unit spend and allotment to date, cost per result planned and actual, forecast and status as JSON", async () => {
    const { out } = await run([...SAMPLE, "--json"]);
    const json = JSON.parse(out) as ReportJson;
    expect(json.fiscalYear).toBe(2026);
    const east = json.units.find((u) => u.unit === "East")!;
    expect(east).toMatchObject({
      budget: 720000,
      allotmentYtd: 360000,
      resultsStanding: "behind",
      spendStanding: "over plan",
    });
    expect(east.costPerResult.planned).toBe(300);
    expect(east.costPerResult.actual).toBeGreaterThan(400);
    // Last year's twelve months of spend make the forecast seasonal.
    expect(east.forecast?.method).toBe("seasonal-run-rate");
    expect(json.program.budget).toBe(3_600_000);
    expect(json.findings).toEqual([]);
  });

  const RESULTS =
    "measure,unit,period,target,milestone,actual\nOrders,North,2026,120,,\nOrders,North,2026-01,,10,9\nOrders,North,2026-02,,10,8\n" +
    "Orders,South,2026,60,,\nOrders,South,2026-01,,5,5\nOrders,South,2026-02,,5,5\n";

  it("names each bad resources cell by file, line and column, and leaves nothing out in silence", async () => {
    const resources = [
      "unit,period,budget,spend,fte",
      'North,2026,"$1,200",,2.5', // money as text: read as $1,200
      "North,2026-02,100,(500),", // an accountant's negative spend
      "North,2026-01,100,90,", // months out of order
      "South,2026,0,,", // a budget of 0 with a target above 0
      "West,2026-01,,50,", // spend for a unit with no budget
      "South,2026-01,-5,,", // a negative allotment
    ].join("\n");
    const cwd = dirWith({ "results.csv": RESULTS, "resources.csv": resources });
    const { out } = await run(
      ["budget", "results.csv", "--resources", "resources.csv", "--as-of", "2026-02", "--json"],
      cwd,
    );
    const json = JSON.parse(out) as ReportJson;
    const at = (code: string) => json.findings.find((f) => f.code === code);
    expect(at("negative-money")).toMatchObject({ where: { sheet: "resources.csv", row: 3, address: "D3" } });
    expect(at("negative-money")!.message).toMatch(/line 3, column spend: "\(500\)" is a negative spend/);
    expect(at("months-out-of-order")).toMatchObject({ where: { row: 4, address: "B4" } });
    expect(at("spend-without-budget")).toMatchObject({ where: { row: 6 } });
    expect(at("zero-budget-with-target")!.message).toMatch(
      /South FY2026: the budget is 0 while the target is 60/,
    );
    expect(json.findings.filter((f) => f.code === "negative-money").map((f) => f.where?.address)).toEqual([
      "D3",
      "C7",
    ]);
    const north = json.units.find((u) => u.unit === "North")!;
    expect(north.budget).toBe(1200);
    const south = json.units.find((u) => u.unit === "South")!;
    expect(south.costPerResult.planned).toBeUndefined();
    expect(south.costPerResult.note).toMatch(/budget is 0 while the target is not/);
  });

  it("asks which measure the money buys when the results hold several", async () => {
    const cwd = dirWith({
      "results.csv": `${RESULTS}Calls,North,2026-01,,1,1\n`,
      "resources.csv": "unit,period,budget,spend\nNorth,2026,1200,\n",
    });
    const { code, err } = await run(
      ["budget", "results.csv", "--resources", "resources.csv", "--as-of", "2026-02"],
      cwd,
    );
    expect(code).toBe(2);
    expect(err).toMatch(/has 2 measures: say which one the money buys with --measure \("Orders", "Calls"\)/);
  });

  it("stops on a resources file without the columns it needs", async () => {
    const cwd = dirWith({ "results.csv": RESULTS, "resources.csv": "office,when,money\nNorth,2026,1\n" });
    const { code, err } = await run(
      ["budget", "results.csv", "--resources", "resources.csv", "--as-of", "2026-02"],
      cwd,
    );
    expect(code).toBe(2);
    expect(err).toMatch(/resources\.csv line 1 has no unit, period, budget or spend column/);
  });
});
