/**
 * Results are built lean (fields worked out when read, ids checked without a Set, leftovers found
 * by a threshold): these tests pin that a caller sees the same records as before.
 */
import fc from "fast-check";
import { spreadMilestones } from "../../../src/engine/milestones";
import { largestRemainder, prorate, type ProrationInput } from "../../../src/engine/prorate";
import { firstRepeatedId } from "../../../src/engine/prorate/unique";
import { asSmallInteger } from "../../../src/engine/prorate/util";

const unit = (id: string, driver?: number, locked?: number) => ({ id, driver, locked });
const ALLOCATION_KEYS = [
  "id",
  "value",
  "increments",
  "quota",
  "locked",
  "driver",
  "weight",
  "weightShare",
  "rounding",
  "reason",
];

describe("unit ids are checked for repeats without a Set", () => {
  /** The rule written the obvious way. */
  const bySet = (ids: unknown[]): number => {
    const seen = new Set<unknown>();
    return ids.findIndex((id) => (seen.has(id) ? true : (seen.add(id), false)));
  };

  it("finds the same first repeat as a Set, sorted or not, with ids of any length", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constantFrom("a", "b", "North", "x".repeat(70), "x".repeat(69) + "y"), fc.string()),
          {
            maxLength: 60,
          },
        ),
        fc.constantFrom("as given", "sorted", "sorted, repeats dropped"),
        (ids, order) => {
          const list =
            order === "sorted" ? [...ids].sort() : order === "as given" ? ids : [...new Set(ids)].sort();
          expect(firstRepeatedId(list.map((id) => ({ id })))).toBe(bySet(list));
        },
      ),
    );
  });

  it("compares ids that are not strings as a Set would", () => {
    const ids = ["a", 42, "b", 42] as unknown as string[];
    expect(firstRepeatedId(ids.map((id) => ({ id })))).toBe(3);
  });

  it("names the repeated unit, whether or not the list is sorted", () => {
    for (const units of [
      [unit("A", 1), unit("B", 1), unit("B", 1)],
      [unit("B", 1), unit("A", 1), unit("B", 1)],
    ]) {
      expect(() => prorate({ kind: "count", total: 3, units, method: "equal" })).toThrow(
        'Unit "B" appears more than once.',
      );
    }
  });
});

describe("allocation records", () => {
  const input: ProrationInput = {
    kind: "count",
    total: 100,
    method: "proportional",
    driverLabel: "caseload",
    units: [unit("North", 30), unit("South", 10, 20), unit("East"), unit("West", 50)],
  };

  it("read like plain records and send the same JSON, keys in the documented order", () => {
    const [north, south, east] = prorate(input).units;
    expect(north).toMatchObject({ id: "North", value: 30, locked: false, driver: 30, weight: 30 });
    expect(north.weightShare).toBeCloseTo(0.375, 10);
    expect(south).toMatchObject({
      value: 20,
      increments: 20,
      quota: 20,
      locked: true,
      weight: 0,
      rounding: "locked",
    });
    expect(east).toMatchObject({ value: 0, driver: undefined, weight: 0, rounding: "exact" });
    const sent = JSON.parse(JSON.stringify(north)) as Record<string, unknown>;
    expect(Object.keys(sent)).toEqual(ALLOCATION_KEYS);
    expect(sent).toEqual({
      ...Object.fromEntries(ALLOCATION_KEYS.map((k) => [k, north[k as keyof typeof north]])),
    });
  });

  it("keep a value a caller assigns, in the record and in its JSON", () => {
    const [north] = prorate(input).units;
    north.quota = 31;
    north.rounding = "down";
    expect(north.quota).toBe(31);
    expect(JSON.parse(JSON.stringify(north))).toMatchObject({ quota: 31, rounding: "down", value: 30 });
  });

  it("give every free unit's seats, quota and rounding consistently (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat(10_000), { nil: undefined }), { minLength: 1, maxLength: 30 }),
        fc.nat(1000),
        fc.constantFrom(1, 10),
        (drivers, steps, increment) => {
          const units = drivers.map((d, i) =>
            unit(`U${String(i).padStart(2, "0")}`, d, i % 7 === 3 ? increment : undefined),
          );
          const lockedTotal = units.reduce((s, u) => s + (u.locked ?? 0), 0);
          const anyFree = units.some((u) => u.locked === undefined);
          const total = lockedTotal + (anyFree ? steps * increment : 0);
          const result = prorate({ kind: "count", total, units, method: "proportional", increment });
          for (const [i, a] of result.units.entries()) {
            expect(a.id).toBe(units[i].id);
            expect(a.increments * increment).toBe(a.value);
            if (a.locked) {
              expect([a.value, a.quota, a.weight, a.rounding]).toEqual([
                units[i].locked,
                units[i].locked,
                0,
                "locked",
              ]);
              continue;
            }
            expect(a.driver).toBe(units[i].driver);
            expect(Math.abs(a.value - a.quota)).toBeLessThan(increment + 1e-9);
            const expected =
              Math.abs(a.value - a.quota) < 1e-9 * increment ? "exact" : a.value > a.quota ? "up" : "down";
            expect(a.rounding).toBe(expected);
            expect(JSON.parse(JSON.stringify(a))).toMatchObject({
              quota: a.quota,
              weightShare: a.weightShare,
            });
          }
        },
      ),
    );
  });
});

describe("milestone records", () => {
  const schedule = () =>
    spreadMilestones({
      kind: "count",
      fiscalYear: 2027,
      fyStartMonth: 10,
      spread: { kind: "ramp", shape: "back" },
      units: [
        { id: "North", target: 412 },
        { id: "South", target: 78 },
      ],
    });

  it("give the same arrays on every read, and a change to them sticks", () => {
    const [north] = schedule().units;
    expect(north.perPeriod).toBe(north.perPeriod);
    north.perPeriod[0] += 1;
    expect(north.perPeriod[0]).toBe(schedule().units[0].perPeriod[0] + 1);
    north.cumulative = [1, 2, 3];
    expect(north.cumulative).toEqual([1, 2, 3]);
    expect(JSON.parse(JSON.stringify(north)).cumulative).toEqual([1, 2, 3]);
  });

  it("send the same JSON as a plain record, keys in the documented order", () => {
    const [, south] = schedule().units;
    const sent = JSON.parse(JSON.stringify(south)) as Record<string, unknown>;
    expect(Object.keys(sent)).toEqual([
      "id",
      "target",
      "perPeriod",
      "cumulative",
      "profile",
      "profileSource",
      "reason",
    ]);
    expect(sent).toEqual({
      id: "South",
      target: 78,
      perPeriod: south.perPeriod,
      cumulative: south.cumulative,
      profile: south.profile,
      profileSource: "back-loaded ramp",
      reason: south.reason,
    });
    expect(south.start).toBeUndefined();
  });
});

describe("largest remainder by threshold", () => {
  it("when every claim ties, the larger weights and then the first names get the leftovers", () => {
    const ids = ["j", "i", "h", "g", "f", "e", "d", "c", "b", "a"];
    expect(largestRemainder({ ids, weights: new Array(10).fill(1), seats: 3 })).toEqual([
      0, 0, 0, 0, 0, 0, 0, 1, 1, 1,
    ]);
    expect(largestRemainder({ ids: ["a", "b", "c"], weights: [2, 4, 2], seats: 1 })).toEqual([0, 1, 0]);
  });
});

describe("whole numbers kept small", () => {
  it.each([
    [412, 412],
    [2.5, 2.5],
    [2 ** 31, 2 ** 31],
    [-7, -7],
  ])("%p stays %p", (value, expected) => {
    expect(asSmallInteger(value)).toBe(expected);
  });

  it("keeps -0 as -0", () => {
    expect(Object.is(asSmallInteger(-0), -0)).toBe(true);
  });
});
