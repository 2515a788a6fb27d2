import fc from "fast-check";
import {
  applyRules,
  attainmentForRule,
  defaultRules,
  goodGap,
  parseRules,
  roundForRule,
  RulesError,
  STATUS_THRESHOLDS,
  type StatusRule,
} from "../../../src/engine/checks";
import { check, rowOf } from "./helpers";

const H = "measure,unit,period,milestone,actual,direction,kind,lower,upper";

describe("default status rules pin every boundary", () => {
  it.each([
    ["a count at exactly 95 % of milestone is on track", "up", "count", 100, 95, "on-track"],
    ["a count just under 95 % is at risk", "up", "count", 100, 94.99, "at-risk"],
    ["a count at exactly 85 % is at risk", "up", "count", 100, 85, "at-risk"],
    ["a count just under 85 % is off track", "up", "count", 100, 84.99, "off-track"],
    ["a count above plan is on track", "up", "count", 100, 130, "on-track"],
    ["a lower-is-better count 5 % over plan is on track", "down", "count", 100, 105, "on-track"],
    ["a lower-is-better count just over 5 % is at risk", "down", "count", 100, 105.01, "at-risk"],
    ["a lower-is-better count 15 % over plan is at risk", "down", "count", 100, 115, "at-risk"],
    ["a lower-is-better count just over 15 % is off track", "down", "count", 100, 115.01, "off-track"],
    ["a rate exactly 2 points short is on track", "up", "rate", 95, 93, "on-track"],
    ["a rate just over 2 points short is at risk", "up", "rate", 95, 92.99, "at-risk"],
    ["a rate exactly 5 points short is at risk", "up", "rate", 95, 90, "at-risk"],
    ["a rate just over 5 points short is off track", "up", "rate", 95, 89.99, "off-track"],
    ["a lower-is-better rate 2 points high is on track", "down", "rate", 10, 12, "on-track"],
    ["a lower-is-better rate just over 2 points high is at risk", "down", "rate", 10, 12.01, "at-risk"],
    ["a lower-is-better rate 5 points high is at risk", "down", "rate", 10, 15, "at-risk"],
    ["a lower-is-better rate just over 5 points high is off track", "down", "rate", 10, 15.01, "off-track"],
  ])("%s", (_name, direction, kind, milestone, actual, status) => {
    const { rows } = check([H, `M,North,2026-01,${milestone},${actual},${direction},${kind},,`], "2026-01");
    expect(rowOf(rows, "M", "North").status).toBe(status);
  });

  it.each([
    ["on the upper edge", 22, "on-track"],
    ["on the lower edge", 18, "on-track"],
    ["outside by a quarter of the width", 23, "at-risk"],
    ["outside by exactly half the width", 24, "at-risk"],
    ["outside by just over half the width", 24.01, "off-track"],
    ["far below the band", 15.99, "off-track"],
  ])("a maintain-within-band measure %s (actual %s) is %s", (_name, actual, status) => {
    const { rows } = check([H, `Temp,North,2026-01,20,${actual},band,count,18,22`], "2026-01");
    expect(rowOf(rows, "Temp", "North").status).toBe(status);
  });

  it("judges counts year to date (Cascade progress) and rates by period", () => {
    const lines = [
      H,
      "C,N,2026-01,10,15,up,count,,",
      "C,N,2026-02,10,6,up,count,,",
      "R,N,2026-01,80,90,up,rate,,",
      "R,N,2026-02,80,70,up,rate,,",
    ];
    const { rows } = check(lines, "2026-02");
    expect(rowOf(rows, "C", "N")).toMatchObject({
      basis: "ytd",
      ytdActual: 21,
      ytdPlan: 20,
      status: "on-track",
      attainment: 0.6,
    });
    expect(rowOf(rows, "R", "N")).toMatchObject({ basis: "period", status: "off-track", varianceAbs: -10 });
  });

  it("rounds to 9 decimals so 8.05 against a lower-is-better plan of 7 counts as exactly 85 %", () => {
    const raw = 1 - (8.05 - 7) / 7;
    expect(raw).toBeLessThan(0.85);
    expect(roundForRule(raw)).toBe(0.85);
    const { rows } = check([H, "M,N,2026-01,7,8.05,down,amount,,"], "2026-01");
    expect(rowOf(rows, "M", "N").status).toBe("at-risk");
  });

  it("exports every default threshold as one constant", () => {
    expect(STATUS_THRESHOLDS).toMatchObject({
      onTrackAttainment: 0.95,
      atRiskAttainment: 0.85,
      onTrackRatePoints: -2,
      atRiskRatePoints: -5,
    });
  });
});

describe("configurable ordered rules", () => {
  it("uses the first rule that matches, so order matters", () => {
    const loose: StatusRule[] = [
      {
        status: "at-risk",
        when: { basis: "period", compareWith: "milestone", metric: "ratio", atLeast: 0.5 },
      },
      {
        status: "on-track",
        when: { basis: "period", compareWith: "milestone", metric: "ratio", atLeast: 0.95 },
      },
      { status: "off-track" },
    ];
    expect(applyRules(loose, () => 1.2).status).toBe("at-risk");
    expect(applyRules(defaultRules({ kind: "count", direction: "up" }), () => 1.2).status).toBe("on-track");
  });

  it("applies per-measure rules that compare with last year", () => {
    const rules: StatusRule[] = [
      {
        status: "on-track",
        when: { basis: "period", compareWith: "prior-year", metric: "difference", atLeast: 0 },
      },
      { status: "off-track" },
    ];
    const lines = [
      "measure,unit,period,target,actual,direction",
      "Crimes,P1,2025-03,,50,down",
      "Crimes,P1,2026-03,,48,down",
      "Crimes,P2,2025-03,,50,down",
      "Crimes,P2,2026-03,,51,down",
    ];
    const { rows } = check(lines, "2026-03", { rules: { Crimes: rules } });
    expect(rowOf(rows, "Crimes", "P1")).toMatchObject({
      status: "on-track",
      lastYearActual: 50,
      changeAbs: -2,
    });
    expect(rowOf(rows, "Crimes", "P2").status).toBe("off-track");
  });

  it("says insufficient-data when a rule's comparison value is missing, not a worse status", () => {
    expect(applyRules(defaultRules({ kind: "count", direction: "up" }), () => undefined).status).toBe(
      "insufficient-data",
    );
  });
});

describe("rules from user input", () => {
  it("accepts a well-formed list ending with otherwise", () => {
    const rules = [
      { status: "on-track", when: { basis: "ytd", compareWith: "target", metric: "ratio", atLeast: 1 } },
      { status: "off-track" },
    ];
    expect(parseRules(rules, "Cases")).toEqual(rules);
  });

  it.each([
    ["an empty list", [], /non-empty list/],
    ["an unknown status", [{ status: "green" }], /rule 1: status must be one of/],
    [
      "a bad basis",
      [
        { status: "on-track", when: { basis: "month", compareWith: "target", metric: "ratio", atLeast: 1 } },
        { status: "off-track" },
      ],
      /rule 1: when.basis/,
    ],
    [
      "a text threshold",
      [
        {
          status: "on-track",
          when: { basis: "ytd", compareWith: "target", metric: "ratio", atLeast: "95%" },
        },
        { status: "off-track" },
      ],
      /when.atLeast must be a number/,
    ],
    [
      "no otherwise at the end",
      [{ status: "on-track", when: { basis: "ytd", compareWith: "target", metric: "ratio", atLeast: 1 } }],
      /otherwise/,
    ],
  ])("rejects %s with a RulesError that names the rule", (_name, input, message) => {
    expect(() => parseRules(input, "Cases")).toThrow(RulesError);
    expect(() => parseRules(input, "Cases")).toThrow(message);
  });
});

describe("status invariants", () => {
  const rank = { "off-track": 0, "at-risk": 1, "on-track": 2 } as Record<string, number>;

  it.each(["up", "down"] as const)(
    "a better actual never gives a worse status (%s, counts and rates)",
    (direction) => {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: 200, noNaN: true }),
          fc.double({ min: 0, max: 200, noNaN: true }),
          fc.double({ min: 1, max: 100, noNaN: true }),
          (x, y, plan) => {
            const [worse, better] =
              direction === "up" ? [Math.min(x, y), Math.max(x, y)] : [Math.max(x, y), Math.min(x, y)];
            for (const kind of ["count", "rate"] as const) {
              const rules = defaultRules({ kind, direction });
              const metric = (a: number) =>
                kind === "rate" ? goodGap(a, plan, direction) : attainmentForRule(a, plan, direction)!;
              const s1 = applyRules(rules, () => metric(worse)).status;
              const s2 = applyRules(rules, () => metric(better)).status;
              expect(rank[s2]).toBeGreaterThanOrEqual(rank[s1]);
            }
          },
        ),
      );
    },
  );
});
