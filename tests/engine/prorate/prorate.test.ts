import {
  prorate,
  ProrationError,
  type ProrationInput,
  type ProrationUnitInput,
} from "../../../src/engine/prorate";

const unit = (id: string, driver?: number, extra: Partial<ProrationUnitInput> = {}): ProrationUnitInput => ({
  id,
  driver,
  ...extra,
});
const values = (input: ProrationInput): Record<string, number> =>
  Object.fromEntries(prorate(input).units.map((u) => [u.id, u.value]));
const counts = (
  total: number,
  units: ProrationUnitInput[],
  extra: Partial<ProrationInput> = {},
): ProrationInput => ({
  kind: "count",
  total,
  units,
  method: "proportional",
  driverLabel: "caseload",
  ...extra,
});

describe("allocating a count total", () => {
  it.each([
    [
      "equal shares, leftovers to the names that sort first",
      counts(10, [unit("b"), unit("a"), unit("c")], { method: "equal" }),
      { a: 4, b: 3, c: 3 },
    ],
    ["pro rata to caseload", counts(100, [unit("North", 300), unit("South", 100)]), { North: 75, South: 25 }],
    [
      "pro rata to prior-year actual",
      counts(90, [unit("N", 20), unit("S", 10)], { method: "priorShare" }),
      { N: 60, S: 30 },
    ],
    ["custom weights", counts(10, [unit("N", 1), unit("S", 4)], { method: "custom" }), { N: 2, S: 8 }],
    [
      "a base each, then pro rata",
      counts(100, [unit("N", 3), unit("S", 1)], { method: "basePlusProRata", baseEach: 20 }),
      { N: 65, S: 35 },
    ],
    [
      "whole $100s of a budget",
      { ...counts(10000, [unit("N", 1), unit("S", 2)]), kind: "amount", increment: 100 } as ProrationInput,
      { N: 3300, S: 6700 },
    ],
    [
      "a locked unit keeps its value and the rest share the remainder",
      counts(100, [unit("N", 1, { locked: 40 }), unit("S", 1), unit("E", 1)]),
      { N: 40, S: 30, E: 30 },
    ],
    ["a zero caseload gets nothing", counts(10, [unit("N", 0), unit("S", 5)]), { N: 0, S: 10 }],
    ["a total of zero gives zeros", counts(0, [unit("N", 3), unit("S", 5)]), { N: 0, S: 0 }],
    [
      "every unit locked at exactly the total",
      counts(10, [unit("N", 1, { locked: 4 }), unit("S", 1, { locked: 6 })]),
      { N: 4, S: 6 },
    ],
  ])("%s", (_name, input, expected) => {
    expect(values(input)).toEqual(expected);
  });

  it("falls back to equal shares when every free caseload is zero, and says so", () => {
    const result = prorate(counts(9, [unit("N", 0), unit("S", 0), unit("E", 0)]));
    expect(result.units.map((u) => u.value)).toEqual([3, 3, 3]);
    expect(result.provenance.fallbacks).toEqual(["equalForZeroDrivers"]);
    expect(result.provenance.methodUsed).toBe("equal");
    expect(result.provenance.warnings.map((w) => w.code)).toContain("fallbackEqual");
    expect(result.units[0].reason).toMatch(/no free unit has a caseload above zero/);
  });

  it("warns by name when a unit has no caseload instead of dropping it silently", () => {
    const result = prorate(counts(10, [unit("North"), unit("South", 5)]));
    expect(result.units.map((u) => u.value)).toEqual([0, 10]);
    expect(result.provenance.warnings).toEqual([
      expect.objectContaining({
        code: "driverMissing",
        unit: "North",
        message: expect.stringContaining("North"),
      }),
    ]);
  });

  it("answers 'why did North get 412?' in one sentence", () => {
    const result = prorate(counts(5000, [unit("North", 2310), unit("South", 25720)]));
    const north = result.units[0];
    expect(north.value).toBe(412);
    expect(north.quota).toBeCloseTo(412.06, 2);
    expect(north.reason).toBe(
      "North gets 412 of the total of 5,000: its caseload of 2,310 is 8.24 % of the free units' caseload, an exact 412.06 rounded down to a whole number by largest remainder.",
    );
  });

  it("keeps the reason when the result is sent as JSON (the sentence is written on read)", () => {
    const result = prorate(counts(10, [unit("North", 1), unit("South", 4)]));
    const sent = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(sent.units[1]).toEqual({
      ...sent.units[1],
      id: "South",
      value: 8,
      reason: result.units[1].reason,
    });
    expect(sent.units[1].reason).toMatch(/^South gets 8 of the total of 10/);
  });

  it.each([
    [
      "equal",
      counts(10, [unit("a"), unit("b"), unit("c")], { method: "equal" }),
      0,
      "a gets 4 of the total of 10: an equal share among 3 free units, an exact 3.33 rounded up to a whole number by largest remainder.",
    ],
    [
      "base plus pro rata",
      counts(100, [unit("N", 3), unit("S", 1)], { method: "basePlusProRata", baseEach: 20 }),
      0,
      "N gets 65 of the total of 100: a base of 20 plus 75 % of the rest by caseload, exactly 65, no rounding needed.",
    ],
    [
      "a locked unit",
      counts(100, [unit("N", 1, { locked: 40 }), unit("S", 1)]),
      0,
      "N is locked at 40; the free unit gets the remaining 60.",
    ],
    [
      "whole $100s",
      { ...counts(1000, [unit("N", 1), unit("S", 2)]), increment: 100 },
      0,
      "N gets 300 of the total of 1,000: its caseload of 1 is 33.33 % of the free units' caseload, an exact 333.33 rounded down to a whole multiple of 100 by largest remainder.",
    ],
  ] as [string, ProrationInput, number, string][])(
    "explains %s in one sentence",
    (_name, input, index, sentence) => {
      expect(prorate(input).units[index].reason).toBe(sentence);
    },
  );

  it("records method, inputs, locks and the tie-break in the provenance", () => {
    const p = prorate(counts(100, [unit("N", 1, { locked: 40 }), unit("S", 1)])).provenance;
    expect(p).toMatchObject({
      method: "proportional",
      rounding: "largestRemainder",
      increment: 1,
      total: 100,
      lockedTotal: 40,
      freeTotal: 60,
    });
    expect(p.tieBreak).toMatch(/larger weight/);
  });
});

describe("bad input is a typed error naming the unit", () => {
  it.each([
    ["a negative caseload", counts(10, [unit("North", -3)]), "driverNegative", "North"],
    ["a caseload that is not a number", counts(10, [unit("North", Number.NaN)]), "driverNotFinite", "North"],
    [
      "locked values above the total",
      counts(10, [unit("North", 1, { locked: 8 }), unit("South", 1, { locked: 5 }), unit("E", 1)]),
      "lockedExceedsTotal",
      "North",
    ],
    [
      "a total the increment cannot meet",
      { ...counts(1050, [unit("North", 1)]), increment: 100 },
      "incrementCannotMeet",
      undefined,
    ],
    ["a duplicate unit name", counts(10, [unit("North", 1), unit("North", 2)]), "duplicateUnit", "North"],
    ["a unit with no name", counts(10, [unit(" ", 1)]), "blankUnit", undefined],
    ["no units at all", counts(10, []), "noUnits", undefined],
    ["a negative total", counts(-5, [unit("North", 1)]), "totalNegative", undefined],
    ["a total that is not a number", counts(Number.NaN, [unit("North", 1)]), "totalNotFinite", undefined],
    ["a zero increment", { ...counts(10, [unit("North", 1)]), increment: 0 }, "incrementInvalid", undefined],
    [
      "every unit locked below the total",
      counts(10, [unit("North", 1, { locked: 4 })]),
      "allLockedMismatch",
      undefined,
    ],
    [
      "a base larger than the pool",
      counts(10, [unit("N", 1), unit("S", 1)], { method: "basePlusProRata", baseEach: 6 }),
      "baseExceedsTotal",
      undefined,
    ],
    [
      "gap-closing on a count",
      counts(10, [unit("North", 1)], { method: "gapClosing" }),
      "methodNotForKind",
      undefined,
    ],
  ] as [string, ProrationInput, string, string | undefined][])("%s", (_name, input, code, unitName) => {
    let caught: unknown;
    try {
      prorate(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProrationError);
    const error = caught as ProrationError;
    expect(error.code).toBe(code);
    expect(error.message).not.toMatch(/undefined|[{}]/);
    if (unitName) {
      expect(error.unit).toBe(unitName);
      expect(error.message).toContain(unitName);
    }
  });
});
