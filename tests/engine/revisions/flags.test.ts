/** Flags from the revision log: late cuts, cuts once results fell behind, and cuts again and again. */
import { revisionFlags, type Revision, type RevisionFlagOptions } from "../../../src/engine/revisions";

const cut = (at: string, oldValue: number, newValue: number, over: Partial<Revision> = {}): Revision => ({
  at,
  who: "JO",
  source: "pane-detected-edit",
  measure: "orders",
  unit: "howard",
  period: "2027",
  field: "target",
  oldValue,
  newValue,
  reason: "no-reason-given",
  note: "",
  ...over,
});

// Federal fiscal year: FY2027 runs 2026-10 to 2027-09, so July 2027 is month 10 of 12.
const options: RevisionFlagOptions = {
  fyStartMonth: 10,
  directions: new Map([
    ["orders", "up"],
    ["days-to-close", "down"],
    ["cost", "band"],
  ]),
};

describe("a target made easier late in its fiscal year", () => {
  it("flags a cut in month 10 of 12 with the old and new target and who made it", () => {
    const [flag] = revisionFlags([cut("2027-07-14T10:00:00Z", 1200, 1050)], options);
    expect(flag).toMatchObject({
      detector: "late-target-cut",
      severity: "medium",
      unit: "howard",
      periods: ["2027"],
    });
    expect(flag.evidence.values).toMatchObject({
      oldTarget: 1200,
      newTarget: 1050,
      changePct: -12.5,
      fiscalMonth: 10,
    });
    expect(flag.evidence.text).toBe(
      "2027-07-14: target for 2027 1200 -> 1050 (-12.5 %) in month 10 of 12 of FY2027 (no reason given, by JO).",
    );
  });

  it("leaves an early-year cut alone when results are on plan, and a raise at any time", () => {
    const flags = revisionFlags(
      [cut("2026-11-02T10:00:00Z", 1200, 1100), cut("2027-08-01T10:00:00Z", 1000, 1100)],
      { ...options, resultsAt: () => ({ ytdActual: 100, ytdMilestone: 90 }) },
    );
    expect(flags).toEqual([]);
  });

  it("flags an early cut made once results had fallen behind, and says where they stood", () => {
    const [flag] = revisionFlags([cut("2027-02-10T10:00:00Z", 1200, 1100)], {
      ...options,
      resultsAt: (measure, unit, month) =>
        measure === "orders" && unit === "howard" && month === "2027-02"
          ? { ytdActual: 310, ytdMilestone: 400 }
          : undefined,
    });
    expect(flag.detector).toBe("late-target-cut");
    expect(flag.evidence.text).toContain("when results to date were 310 against a plan of 400");
    expect(flag.explanation).toContain("once results had fallen behind it");
  });

  it("rates a late cut made while behind as high", () => {
    const [flag] = revisionFlags([cut("2027-08-10T10:00:00Z", 1200, 1000)], {
      ...options,
      resultsAt: () => ({ ytdActual: 700, ytdMilestone: 1000 }),
    });
    expect(flag.severity).toBe("high");
  });

  it("knows that raising a days-to-close target makes it easier, and that a band has no easier side", () => {
    const flags = revisionFlags(
      [
        cut("2027-08-01T10:00:00Z", 30, 40, { measure: "days-to-close" }),
        cut("2027-08-01T10:00:00Z", 30, 40, { measure: "cost" }),
      ],
      options,
    );
    expect(flags.map((f) => f.measure)).toEqual(["days-to-close"]);
  });

  it("flags a cut logged after the fiscal year ended", () => {
    const [flag] = revisionFlags([cut("2027-11-03T10:00:00Z", 1200, 1100)], options);
    expect(flag.evidence.text).toContain("after FY2027 had ended");
  });

  it("quotes the logged reason and note", () => {
    const [flag] = revisionFlags(
      [
        cut("2027-07-14T10:00:00Z", 1200, 1050, {
          reason: "resources-changed",
          note: "Two caseworkers left",
        }),
      ],
      options,
    );
    expect(flag.evidence.text).toContain('reason: resources-changed, "Two caseworkers left"');
  });
});

describe("targets made easier again and again", () => {
  it("flags a unit whose target was cut three times, as high, listing every step", () => {
    const log = [
      cut("2026-10-05T10:00:00Z", 1200, 1150, { period: "2027" }),
      cut("2026-12-05T10:00:00Z", 1150, 1100, { period: "2027" }),
      cut("2027-10-05T10:00:00Z", 1150, 1000, { period: "2028" }),
    ];
    const repeated = revisionFlags(log, options).filter((f) => f.detector === "repeated-target-cuts");
    expect(repeated).toHaveLength(1);
    expect(repeated[0]).toMatchObject({ severity: "high", unit: "howard", periods: ["2027", "2028"] });
    expect(repeated[0].evidence.values).toMatchObject({ cuts: 3, firstTarget: 1200, lastTarget: 1000 });
    expect(repeated[0].explanation).toContain("made easier 3 times (16.7 % in all)");
  });

  it("does not count milestones, baselines or another unit's cuts", () => {
    const log = [
      cut("2026-10-05T10:00:00Z", 1200, 1150),
      cut("2026-11-05T10:00:00Z", 100, 90, { field: "milestone", period: "2026-11" }),
      cut("2026-12-05T10:00:00Z", 900, 800, { unit: "carroll" }),
    ];
    expect(revisionFlags(log, options).filter((f) => f.detector === "repeated-target-cuts")).toEqual([]);
  });
});
