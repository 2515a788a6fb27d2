/** Targets, money and staff split in one pass: each adds up exactly, locks kept, cost per result consistent. */
import fc from "fast-check";
import { splitTargetsAndBudget, type JointSplitInput, type JointUnitInput } from "../../../src/engine/budget";
import { ProrationError } from "../../../src/engine/prorate";

const offices = (rows: [string, number][]): JointUnitInput[] => rows.map(([id, driver]) => ({ id, driver }));

const base: JointSplitInput = {
  kind: "count",
  targetTotal: 400,
  method: "proportional",
  driverLabel: "caseload",
  budget: 100_000, // $1,000.00 in cents
  moneyUnit: "cents",
  budgetBasis: { kind: "sameDriver" },
  units: offices([
    ["North", 300],
    ["South", 100],
  ]),
};

describe("splitting a target and its budget together", () => {
  it("splits both by caseload: North gets three quarters of the orders and of the money", () => {
    const r = splitTargetsAndBudget(base);
    expect(r.units).toEqual([
      { id: "North", target: 300, budget: 75_000, costPerResult: 250 },
      { id: "South", target: 100, budget: 25_000, costPerResult: 250 },
    ]);
    expect(r.programCostPerResult).toBe(250);
    expect(r.budgets.provenance.driverLabel).toBe("caseload");
  });

  it("splits the budget by another driver when told, so cost per result differs by unit", () => {
    const r = splitTargetsAndBudget({
      ...base,
      budgetBasis: { kind: "driver", label: "positions" },
      units: [
        { id: "North", driver: 300, budgetDriver: 1 },
        { id: "South", driver: 100, budgetDriver: 1 },
      ],
    });
    expect(r.units.map((u) => [u.target, u.budget, u.costPerResult])).toEqual([
      [300, 50_000, 50_000 / 300],
      [100, 50_000, 500],
    ]);
  });

  it("prices results at each unit's cost factor when the budget follows the targets", () => {
    const r = splitTargetsAndBudget({
      ...base,
      budgetBasis: { kind: "targets" },
      units: [
        { id: "North", driver: 300, costFactor: 1 },
        { id: "South", driver: 100, costFactor: 3 },
      ],
    });
    // 300 x 1 and 100 x 3 weigh the same: the money splits evenly, South's results cost three times as much.
    expect(r.units.map((u) => u.budget)).toEqual([50_000, 50_000]);
    expect(r.units[1].costPerResult! / r.units[0].costPerResult!).toBeCloseTo(3, 12);
  });

  it("prorates targets to reallocated resources: budget first, then targets at each unit's productivity", () => {
    const r = splitTargetsAndBudget({
      ...base,
      targetsFollowResources: true,
      budgetBasis: { kind: "driver", label: "positions" },
      units: [
        { id: "North", budgetDriver: 1, productivity: 3 },
        { id: "South", budgetDriver: 1, productivity: 1 },
      ],
    });
    expect(r.units.map((u) => [u.budget, u.target])).toEqual([
      [50_000, 300],
      [50_000, 100],
    ]);
    expect(r.targets.provenance.driverLabel).toBe("budget x productivity");
  });

  it("splits staff with the money in tenths of an FTE that add up to the program's staff", () => {
    const r = splitTargetsAndBudget({
      ...base,
      fteTotal: 10,
      units: offices([
        ["North", 200],
        ["South", 100],
        ["East", 100],
      ]),
    });
    expect(r.units.map((u) => u.fte)).toEqual([5, 2.5, 2.5]);
  });

  it.each<[string, Partial<JointSplitInput>, string]>([
    ["a budget in fractions of a cent", { budget: 100_000.5 }, "moneyNotWhole"],
    [
      "a locked budget above the program budget",
      {
        units: [
          { id: "North", driver: 1, lockedBudget: 200_000 },
          { id: "South", driver: 1 },
        ],
      },
      "lockedExceedsTotal",
    ],
    [
      "targets following resources with a unit's productivity missing",
      {
        targetsFollowResources: true,
        units: [
          { id: "North", driver: 1, productivity: 2 },
          { id: "South", driver: 1 },
        ],
      },
      "productivityMissing",
    ],
    ["staff that are not whole tenths", { fteTotal: 10.05 }, "fteStepInvalid"],
  ])("refuses %s with a message that names it", (_what, over, code) => {
    let error: unknown;
    try {
      splitTargetsAndBudget({ ...base, ...over });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProrationError);
    expect((error as ProrationError).code).toBe(code);
  });
});

describe("invariants of the joint split", () => {
  const arbInput = fc
    .record({
      drivers: fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 25 }),
      budgetDrivers: fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 25, maxLength: 25 }),
      lockEvery: fc.integer({ min: 0, max: 5 }),
      targetTotal: fc.integer({ min: 0, max: 1_000_000 }),
      budget: fc.integer({ min: 0, max: 2_000_000_000 }),
      basis: fc.constantFrom("sameDriver", "driver", "targets"),
    })
    .map(({ drivers, budgetDrivers, lockEvery, targetTotal, budget, basis }): JointSplitInput => {
      const n = drivers.length;
      const lockedBudgetEach = Math.floor(budget / (4 * n));
      return {
        kind: "count",
        targetTotal,
        method: "proportional",
        budget,
        moneyUnit: "cents",
        budgetBasis:
          basis === "driver"
            ? { kind: "driver", label: "positions" }
            : basis === "targets"
              ? { kind: "targets" }
              : { kind: "sameDriver" },
        fteTotal: n * 2,
        units: drivers.map((driver, i) => ({
          id: `Office ${i}`,
          driver,
          budgetDriver: budgetDrivers[i],
          costFactor: 1 + (i % 3),
          lockedBudget: lockEvery > 0 && i % lockEvery === 0 && i < n - 1 ? lockedBudgetEach : undefined,
        })),
      };
    });

  it("adds targets, money and staff up exactly, keeps every lock, and keeps each unit within a cent of its quota", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = splitTargetsAndBudget(input);
        expect(r.units.reduce((s, u) => s + u.target, 0)).toBe(input.targetTotal);
        expect(r.units.reduce((s, u) => s + u.budget, 0)).toBe(input.budget);
        expect(Math.round(r.units.reduce((s, u) => s + u.fte! * 10, 0))).toBe(input.fteTotal! * 10);
        input.units.forEach((u, i) => {
          expect(Number.isInteger(r.units[i].budget)).toBe(true);
          if (u.lockedBudget !== undefined) expect(r.units[i].budget).toBe(u.lockedBudget);
          else expect(Math.abs(r.units[i].budget - r.budgets.units[i].quota)).toBeLessThan(1);
          const c = r.units[i].costPerResult;
          if (r.units[i].target > 0) expect(c! * r.units[i].target).toBeCloseTo(r.units[i].budget, 6);
          else expect(c).toBeUndefined();
        });
      }),
      { numRuns: 300 },
    );
  });
});
