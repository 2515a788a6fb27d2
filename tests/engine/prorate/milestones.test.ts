import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { spreadMilestones, type MilestoneInput, type MonthlyActual } from "../../../src/engine/milestones";
import { ProrationError } from "../../../src/engine/prorate";
import { realDataFile } from "../../support/realData";

const month = (ym: string): string => ym;
const evenCounts = (
  fyStartMonth: number,
  target: number,
  extra: Partial<MilestoneInput> = {},
): MilestoneInput => ({
  kind: "count",
  fiscalYear: 2027,
  fyStartMonth,
  spread: { kind: "even" },
  units: [{ id: "North", target }],
  ...extra,
});

describe("fiscal years", () => {
  it.each([
    ["federal (Oct-Sep)", 10, month("2026-10"), month("2027-09")],
    ["a state (Jul-Jun)", 7, month("2026-07"), month("2027-06")],
    ["New York (Apr-Mar)", 4, month("2026-04"), month("2027-03")],
    ["calendar (Jan-Dec)", 1, month("2027-01"), month("2027-12")],
  ])("FY2027 %s runs from %s... to %s", (_name, start, first, last) => {
    const schedule = spreadMilestones(evenCounts(start as number, 120));
    expect(schedule.periods[0].months).toEqual([first]);
    expect(schedule.periods[11].months).toEqual([last]);
    expect(schedule.units[0].perPeriod).toEqual(new Array(12).fill(10));
  });

  it("spreads 412 over the federal year by cumulative rounding, reaching 412 in September", () => {
    const [north] = spreadMilestones(evenCounts(10, 412)).units;
    expect(north.cumulative).toEqual([34, 69, 103, 137, 172, 206, 240, 275, 309, 343, 378, 412]);
    expect(north.perPeriod).toEqual([34, 35, 34, 34, 35, 34, 34, 35, 34, 34, 35, 34]);
    expect(north.reason).toContain("reaches 412 exactly in P12 (2027-09)");
  });

  it("groups a state year into quarters Jul-Sep, Oct-Dec, Jan-Mar, Apr-Jun", () => {
    const schedule = spreadMilestones(evenCounts(7, 100, { periodicity: "quarterly" }));
    expect(schedule.periods.map((p) => `${p.label}:${p.months[0]}`)).toEqual([
      "Q1:2026-07",
      "Q2:2026-10",
      "Q3:2027-01",
      "Q4:2027-04",
    ]);
    expect(schedule.units[0].perPeriod).toEqual([25, 25, 25, 25]);
  });

  it("weights 4-4-5 months by their weeks, so every third month gets 5/52 of the year", () => {
    const schedule = spreadMilestones(evenCounts(10, 520, { periodicity: "4-4-5" }));
    expect(schedule.periods.map((p) => p.weeks)).toEqual([4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 5]);
    expect(schedule.units[0].perPeriod).toEqual([40, 40, 50, 40, 40, 50, 40, 40, 50, 40, 40, 50]);
  });

  it("spreads whole $100s of an amount", () => {
    const [u] = spreadMilestones({ ...evenCounts(10, 10000), kind: "amount", increment: 100 }).units;
    expect(u.perPeriod.every((v) => v % 100 === 0)).toBe(true);
    expect(u.cumulative[11]).toBe(10000);
  });
});

describe("spreads", () => {
  it.each([
    ["front-loaded ramp puts most in the first month", { kind: "ramp", shape: "front" } as const, 12, 1],
    ["back-loaded ramp puts most in the last month", { kind: "ramp", shape: "back" } as const, 1, 12],
  ])("%s", (_name, spread, first, last) => {
    const [u] = spreadMilestones(evenCounts(10, 78, { spread })).units;
    expect(u.perPeriod[0]).toBe(first);
    expect(u.perPeriod[11]).toBe(last);
  });

  it("follows a custom profile and refuses a bad one", () => {
    const profile = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(
      spreadMilestones(evenCounts(10, 50, { spread: { kind: "custom", profile } })).units[0].perPeriod[11],
    ).toBe(50);
    for (const bad of [[1, 2], new Array(12).fill(0), [...profile.slice(0, 11), -1]]) {
      expect(() =>
        spreadMilestones(evenCounts(10, 50, { spread: { kind: "custom", profile: bad } })),
      ).toThrow(ProrationError);
    }
  });

  it("takes a quarterly profile of four weights for a quarterly schedule", () => {
    const schedule = spreadMilestones(
      evenCounts(7, 100, { periodicity: "quarterly", spread: { kind: "custom", profile: [1, 2, 3, 4] } }),
    );
    expect(schedule.units[0].perPeriod).toEqual([10, 20, 30, 40]);
  });

  it("spreads a 4-4-5 year with a front-loaded ramp by month weights, not weeks", () => {
    const [u] = spreadMilestones(
      evenCounts(10, 78, { periodicity: "4-4-5", spread: { kind: "ramp", shape: "front" } }),
    ).units;
    expect(u.perPeriod).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it("rate milestones run in a straight line from the baseline to the target", () => {
    const [u] = spreadMilestones({
      kind: "rate",
      fiscalYear: 2027,
      fyStartMonth: 10,
      spread: { kind: "ramp", shape: "linear" },
      units: [{ id: "North", baseline: 60, target: 72 }],
    }).units;
    expect(u.perPeriod).toEqual([61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72]);
    expect(u.cumulative).toEqual(u.perPeriod);
  });

  it("warns by name and holds the target when a rate has no baseline", () => {
    const schedule = spreadMilestones({ ...evenCounts(10, 80), kind: "rate" });
    expect(schedule.units[0].perPeriod).toEqual(new Array(12).fill(80));
    expect(schedule.warnings).toContainEqual(
      expect.objectContaining({ code: "baselineMissing", unit: "North" }),
    );
  });

  it.each([
    [
      "a duplicate unit",
      {
        units: [
          { id: "N", target: 1 },
          { id: "N", target: 2 },
        ],
      },
      "duplicateUnit",
    ],
    ["a target that is not a number", { units: [{ id: "N", target: Number.NaN }] }, "targetNotFinite"],
    ["a target off the increment", { increment: 10, units: [{ id: "N", target: 15 }] }, "targetNotMultiple"],
    ["a fiscal year starting in month 13", { fyStartMonth: 13 }, "fyStartInvalid"],
  ] as [string, Partial<MilestoneInput>, string][])("refuses %s with a typed error", (_name, extra, code) => {
    expect(() => spreadMilestones(evenCounts(10, 120, extra))).toThrow(expect.objectContaining({ code }));
  });
});

describe("seasonal spreading from prior years", () => {
  /** Prior months Oct-Sep for a federal year, December doubled. */
  function history(fy: number, december: number, skip: string[] = []): MonthlyActual[] {
    return Array.from({ length: 12 }, (_, i) => {
      const m = ((9 + i) % 12) + 1;
      const y = m >= 10 ? fy - 1 : fy;
      const ym = `${y}-${String(m).padStart(2, "0")}`;
      return { month: ym, value: skip.includes(ym) ? undefined : m === 12 ? december : 100 };
    });
  }

  it("averages the prior years' monthly shares, so a December that always doubles gets twice the weight", () => {
    const priorActuals = [...history(2025, 200), ...history(2026, 200)];
    const [u] = spreadMilestones({
      ...evenCounts(10, 1300),
      spread: { kind: "seasonal" },
      units: [{ id: "North", target: 1300, priorActuals }],
    }).units;
    expect(u.perPeriod).toEqual([100, 100, 200, 100, 100, 100, 100, 100, 100, 100, 100, 100]);
    expect(u.profileSource).toBe("seasonal from 2 prior years (FY2025, FY2026)");
  });

  it("scales each year by its own mean, so a bigger year does not outweigh a smaller one", () => {
    const big = history(2025, 200).map((a) => ({ ...a, value: a.value! * 10 }));
    const [u] = spreadMilestones({
      ...evenCounts(10, 1300),
      spread: { kind: "seasonal" },
      units: [{ id: "N", target: 1300, priorActuals: [...big, ...history(2026, 200)] }],
    }).units;
    expect(u.perPeriod[2]).toBe(200);
  });

  it("handles a month missing in one year from the other years, and a month missing in all years as an average month", () => {
    const priorActuals = [...history(2025, 200, ["2024-12", "2025-03"]), ...history(2026, 200, ["2026-03"])];
    const schedule = spreadMilestones({
      ...evenCounts(10, 1300),
      spread: { kind: "seasonal" },
      units: [{ id: "N", target: 1300, priorActuals }],
    });
    const weights = schedule.units[0].profile;
    // December is still the heaviest month though one year lacks it; March (missing in both) weighs like its neighbours.
    expect(Math.max(...weights)).toBe(weights[2]);
    expect(weights[2] / weights[1]).toBeGreaterThan(1.8);
    expect(weights[5] / weights[4]).toBeCloseTo(1, 1);
    expect(schedule.warnings).toContainEqual(expect.objectContaining({ code: "historyGaps", unit: "N" }));
  });

  it("gives a month that was zero every year no milestone", () => {
    const priorActuals = history(2026, 0);
    const [u] = spreadMilestones({
      ...evenCounts(10, 1100),
      spread: { kind: "seasonal" },
      units: [{ id: "N", target: 1100, priorActuals }],
    }).units;
    expect(u.perPeriod[2]).toBe(0);
    expect(u.cumulative[11]).toBe(1100);
  });

  it("falls back to the program history, then to even, and warns by name", () => {
    const program = history(2026, 200);
    const schedule = spreadMilestones({
      ...evenCounts(10, 1300),
      spread: { kind: "seasonal" },
      programPriorActuals: program,
      units: [{ id: "N", target: 1300 }],
    });
    expect(schedule.units[0].profileSource).toMatch(/^program seasonal/);
    const none = spreadMilestones({ ...evenCounts(10, 120), spread: { kind: "seasonal" } });
    expect(none.units[0].perPeriod).toEqual(new Array(12).fill(10));
    expect(none.warnings).toContainEqual(expect.objectContaining({ code: "fallbackEven", unit: "North" }));
  });

  it("golden case from real data: an NHS trust's A&E attendances shape an April-March year", () => {
    const file = realDataFile("nhs_england_ae_attendances_by_trust_monthly_2016-2019.csv");
    const rows = Papa.parse<Record<string, string>>(readFileSync(file, "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const priorActuals = rows
      .filter((r) => r.org_code === "RF4" && r.type === "1")
      .map((r) => ({ month: r.period.slice(0, 7), value: Number(r.attendances) }));
    expect(priorActuals).toHaveLength(36);
    const [u] = spreadMilestones({
      kind: "count",
      fiscalYear: 2020,
      fyStartMonth: 4,
      spread: { kind: "seasonal" },
      units: [{ id: "RF4", target: 230_000, priorActuals }],
    }).units;
    expect(u.profileSource).toBe("seasonal from 3 prior years (FY2017, FY2018, FY2019)");
    // February (the short month, P11) is the quietest month of every year in this trust's history.
    expect(Math.min(...u.perPeriod)).toBe(u.perPeriod[10]);
    expect(u.cumulative[11]).toBe(230_000);
  });
});
