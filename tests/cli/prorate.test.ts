import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";

const ROOT = path.resolve(__dirname, "../..");

async function run(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["prorate", ...args], { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

interface JsonOutput {
  proration: {
    units: { id: string; value: number; locked: boolean; reason: string; numerator?: number }[];
    provenance: { achieved?: number };
  };
  schedule: {
    periods: { months: string[] }[];
    units: { id: string; target: number; perPeriod: number[]; cumulative: number[] }[];
  };
}

async function json(args: string[], cwd = ROOT): Promise<JsonOutput> {
  const { code, out, err } = await run([...args, "--json"], cwd);
  expect(err).toBe("");
  expect(code).toBe(0);
  return JSON.parse(out) as JsonOutput;
}

function csvFile(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "yardstick-prorate-"));
  writeFileSync(path.join(dir, "units.csv"), text);
  return dir;
}

describe("yardstick prorate on the sample offices", () => {
  // The sample is a child-support program, reported on the federal year (Oct-Sep); the default is calendar.
  const base = [
    "samples/units.csv",
    "--total",
    "4000",
    "--by",
    "caseload",
    "--lock",
    "locked_orders",
    "--fy-start",
    "10",
  ];

  it("prints each office's target, exact quota and reason, then monthly and cumulative milestones", async () => {
    const { code, out } = await run([...base, "--spread", "seasonal"]);
    expect(code).toBe(0);
    expect(out).toMatch(/North Metro\s+700\s+700\.04/);
    expect(out).toMatch(/Capitol\s+300\s+300\.00\s+locked/);
    expect(out).toContain(
      "North Metro gets 700 of the 3,700 left after locked units: its caseload of 4,310 is 18.92 %",
    );
    expect(out).toContain(
      "Milestones per period, FY2027 (starts 2026-10), seasonal from 2 prior years (FY2025, FY2026)",
    );
    expect(out).toContain("Cumulative (year to date):");
  });

  it("adds up to the total exactly, keeps the lock, and lands every cumulative milestone on the target", async () => {
    const result = await json([...base, "--spread", "seasonal"]);
    expect(result.proration.units.reduce((s, u) => s + u.value, 0)).toBe(4000);
    expect(result.proration.units.find((u) => u.id === "Capitol")).toMatchObject({
      value: 300,
      locked: true,
    });
    expect(result.proration.units[0].reason).toMatch(/^North Metro gets 700/);
    for (const u of result.schedule.units) {
      expect(u.cumulative[11]).toBe(u.target);
      expect(u.perPeriod.reduce((a, b) => a + b, 0)).toBe(u.target);
    }
  });

  it.each([
    ["federal (Oct-Sep)", "10", "2026-10", "2027-09"],
    ["state (Jul-Jun)", "jul", "2026-07", "2027-06"],
  ])("spreads over a %s fiscal year", async (_name, start, first, last) => {
    const result = await json([...base, "--fy", "2027", "--fy-start", start]);
    expect(result.schedule.periods[0].months).toEqual([first]);
    expect(result.schedule.periods[11].months).toEqual([last]);
  });

  it("splits a rate by gap-closing so the caseload-weighted program rate meets the target", async () => {
    const result = await json([
      "samples/units.csv",
      "--kind",
      "rate",
      "--total",
      "86",
      "--by",
      "caseload",
      "--baseline",
      "orders_pct",
      "--method",
      "gap-closing",
      "--spread",
      "ramp",
    ]);
    expect(result.proration.provenance.achieved).toBeGreaterThanOrEqual(86);
    const lakeshore = result.proration.units.find((u) => u.id === "Lakeshore")!;
    const prairie = result.proration.units.find((u) => u.id === "Prairie")!;
    expect(lakeshore.value - 76.2).toBeGreaterThan(prairie.value - 92.1);
  });

  it("closes a set share of every office's gap when given --close-gap instead of --total", async () => {
    const args = [
      "samples/units.csv",
      "--kind",
      "rate",
      "--close-gap",
      "25",
      "--by",
      "caseload",
      "--baseline",
      "orders_pct",
    ];
    const result = await json(args);
    const north = result.proration.units.find((u) => u.id === "North Metro")!;
    expect(north.value).toBeCloseTo(86.4 + 0.25 * 13.6, 1);
    expect(north.reason).toContain("closes 25 % of its gap");
  });

  it("multiplies columns for capacity (FTE x productivity) and rounds to whole increments", async () => {
    const result = await json([
      "samples/units.csv",
      "--total",
      "40000",
      "--by",
      "fte*productivity",
      "--increment",
      "100",
      "--kind",
      "amount",
    ]);
    expect(result.proration.units.every((u) => u.value % 100 === 0)).toBe(true);
    expect(result.proration.units.reduce((s, u) => s + u.value, 0)).toBe(40000);
  });
});

describe("yardstick prorate with seasonal history", () => {
  const months = [
    "2025-10",
    "2025-11",
    "2025-12",
    "2026-01",
    "2026-02",
    "2026-03",
    "2026-04",
    "2026-05",
    "2026-06",
    "2026-07",
    "2026-08",
    "2026-09",
  ];
  const csv = [
    `office,caseload,${months.join(",")}`,
    "North,100,10,10,20,10,10,10,10,10,10,10,10,10",
    `New,50,${months.map(() => "").join(",")}`,
  ].join("\n");

  it("gives an office with no history the program's seasonal shape, and says so", async () => {
    const result = await json(
      ["units.csv", "--total", "260", "--by", "caseload", "--spread", "seasonal", "--fy-start", "10"],
      csvFile(csv),
    );
    const [north, fresh] = result.schedule.units;
    expect(north.perPeriod[2]).toBeGreaterThan(north.perPeriod[1] * 1.5);
    expect(fresh.perPeriod[2]).toBeGreaterThan(fresh.perPeriod[1] * 1.5);
    const { out } = await run(
      ["units.csv", "--total", "260", "--by", "caseload", "--spread", "seasonal", "--fy-start", "10"],
      csvFile(csv),
    );
    expect(out).toContain(
      "New has no usable prior monthly actuals of its own, so it follows the program's seasonal pattern.",
    );
  });
});

describe("yardstick prorate refuses bad input with a message that says where", () => {
  it.each([
    [
      "a caseload that is not a number",
      "office,caseload\nNorth,12x\nSouth,5\n",
      ["--by", "caseload"],
      /line 2, column "caseload": "12x" is not a number/,
    ],
    [
      "a negative caseload",
      "office,caseload\nNorth,-3\nSouth,5\n",
      ["--by", "caseload"],
      /"North" has a negative driver/,
    ],
    [
      "a duplicate office",
      "office,caseload\nNorth,3\nNorth,5\n",
      ["--by", "caseload"],
      /"North" appears more than once/,
    ],
    [
      "a missing column",
      "office,caseload\nNorth,3\n",
      ["--by", "fte"],
      /no column "fte".*Columns: office, caseload/,
    ],
    [
      "locks above the total",
      "office,caseload,lock\nNorth,3,90\nSouth,5,\n",
      ["--by", "caseload", "--lock", "lock"],
      /Locked units hold 90/,
    ],
    [
      "an unknown method",
      "office,caseload\nNorth,3\n",
      ["--by", "caseload", "--method", "magic"],
      /--method must be one of/,
    ],
  ])("%s", async (_name, csv, args, message) => {
    const { code, err } = await run(["units.csv", "--total", "10", ...args], csvFile(csv));
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it.each([
    ["neither --total nor --close-gap", ["--by", "caseload"], "give either --total or --close-gap"],
    [
      "both --total and --close-gap",
      ["--by", "caseload", "--total", "5", "--close-gap", "10"],
      "give either --total or --close-gap",
    ],
    [
      "--close-gap on a count",
      ["--by", "caseload", "--close-gap", "10"],
      "--close-gap is for gap-closing a rate or ratio",
    ],
  ])("refuses %s", async (_name, args, message) => {
    const { code, err } = await run(["samples/units.csv", ...args]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it("warns by name about an office with a blank caseload instead of dropping it", async () => {
    const { code, out } = await run(
      ["units.csv", "--total", "10", "--by", "caseload"],
      csvFile("office,caseload\nNorth,\nSouth,5\n"),
    );
    expect(code).toBe(0);
    expect(out).toContain("North has no caseload, so it gets no pro rata share.");
  });
});
