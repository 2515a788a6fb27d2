import { largestRemainder, prorate, webster } from "../../../src/engine/prorate";

const BRIEF_WEIGHTS = [21878, 9713, 4167, 3252, 1065];
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `U${i + 1}`);

function briefCase(total: number, rounding: "largestRemainder" | "webster"): number[] {
  const units = BRIEF_WEIGHTS.map((driver, i) => ({ id: `U${i + 1}`, driver }));
  return prorate({ kind: "count", total, units, method: "proportional", rounding }).units.map((u) => u.value);
}

describe("the BRIEF's worked case (weights 21878, 9713, 4167, 3252, 1065)", () => {
  it.each([
    [43, "largestRemainder", [24, 10, 4, 4, 1]],
    [44, "largestRemainder", [24, 11, 5, 3, 1]],
    [43, "webster", [24, 10, 4, 4, 1]],
    [44, "webster", [24, 10, 5, 4, 1]],
  ] as const)("a total of %i under %s gives %j", (total, rounding, expected) => {
    expect(briefCase(total, rounding)).toEqual(expected);
  });

  it("shows the Alabama paradox: under largest remainder unit 4 loses a target as the total grows", () => {
    expect(briefCase(43, "largestRemainder")[3]).toBe(4);
    expect(briefCase(44, "largestRemainder")[3]).toBe(3);
  });

  it("Webster never lowers a unit when the total grows from 43 to 44", () => {
    const before = briefCase(43, "webster");
    const after = briefCase(44, "webster");
    after.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(before[i]));
  });
});

describe("largest remainder", () => {
  it("gives leftovers to the largest remainders, not the largest weights (dinero's distribute gives [2,1,0])", () => {
    expect(largestRemainder({ ids: ids(3), weights: [10, 6, 4], seats: 3 })).toEqual([1, 1, 1]);
  });

  it.each([
    [
      "equal weights and remainders: the name that sorts first wins",
      ["b", "a", "c"],
      [1, 1, 1],
      1,
      [0, 1, 0],
    ],
    ["equal remainders: the larger weight wins before the name", ["a", "b"], [1, 3], 2, [0, 2]],
    ["equal remainders of one half: the larger weight wins", ["a", "b"], [1, 3], 1, [0, 1]],
    [
      "two leftovers among four equal units go to the first two names",
      ["d", "c", "b", "a"],
      [5, 5, 5, 5],
      2,
      [0, 0, 1, 1],
    ],
  ])("tie-break: %s", (_name, unitIds, weights, seats, expected) => {
    expect(largestRemainder({ ids: unitIds, weights, seats })).toEqual(expected);
  });

  it("compares remainders exactly for integer weights (1/3 and 7/3 tie, so the larger weight wins)", () => {
    // 3 seats over weights [1, 7, 1]: quotas 1/3, 7/3, 1/3. In floating point 7/3 - 2 < 1/3, which would
    // hand the leftover to "a"; exact integer remainders tie, so the larger weight ("b") wins as documented.
    expect(largestRemainder({ ids: ["a", "b", "c"], weights: [1, 7, 1], seats: 3 })).toEqual([0, 3, 0]);
  });
});

describe("webster", () => {
  it("can break quota where largest remainder cannot: 11 seats over [80,16,16,15] give the big unit 8 (quota 6.93)", () => {
    const input = { ids: ids(4), weights: [80, 16, 16, 15], seats: 11 };
    expect(webster(input)).toEqual([8, 1, 1, 1]);
    expect(largestRemainder(input)).toEqual([7, 2, 1, 1]);
  });

  it("removes seats from the smallest divisor priority when rounding overshoots", () => {
    expect(webster({ ids: ids(3), weights: [1, 1, 1], seats: 2 })).toEqual([1, 1, 0]);
  });
});
