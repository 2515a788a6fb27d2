import fc from "fast-check";
import { spreadMilestones, type Periodicity } from "../../../src/engine/milestones";
import {
  largestRemainder,
  prorate,
  type ProrationInput,
  type RoundingMethod,
} from "../../../src/engine/prorate";

/** A feasible count proration: unique names, drivers (some missing), some locks, a total the increment can meet. */
const countCase = fc
  .record({
    units: fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== ""),
        driver: fc.option(fc.oneof(fc.nat(50_000), fc.double({ min: 0, max: 1000, noNaN: true })), {
          nil: undefined,
        }),
        lockSteps: fc.option(fc.nat(20), { freq: 5, nil: undefined }),
      }),
      { minLength: 1, maxLength: 40, selector: (u) => u.id },
    ),
    freeSteps: fc.nat(5000),
    increment: fc.constantFrom(1, 5, 100),
    method: fc.constantFrom("equal", "proportional", "priorShare", "custom") as fc.Arbitrary<
      ProrationInput["method"]
    >,
    rounding: fc.constantFrom<RoundingMethod>("largestRemainder", "webster"),
  })
  .map(({ units, freeSteps, increment, method, rounding }) => {
    const withLocks = units.map((u) => ({
      id: u.id,
      driver: u.driver,
      locked: u.lockSteps === undefined ? undefined : u.lockSteps * increment,
    }));
    const anyFree = withLocks.some((u) => u.locked === undefined);
    const lockedTotal = withLocks.reduce((s, u) => s + (u.locked ?? 0), 0);
    const input: ProrationInput = {
      kind: "count",
      total: lockedTotal + (anyFree ? freeSteps * increment : 0),
      units: withLocks,
      method,
      rounding,
      increment,
    };
    return input;
  });

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe("proration invariants (fast-check)", () => {
  it("the targets always add up to the total exactly, and none is NaN or negative", () => {
    fc.assert(
      fc.property(countCase, (input) => {
        const values = prorate(input).units.map((u) => u.value);
        expect(values.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
        expect(sum(values)).toBe(input.total);
      }),
    );
  });

  it("under largest remainder every share is within one increment of its exact quota", () => {
    fc.assert(
      fc.property(countCase, (input) => {
        const result = prorate({ ...input, rounding: "largestRemainder" });
        for (const u of result.units)
          expect(Math.abs(u.value - u.quota)).toBeLessThan(input.increment! * (1 + 1e-9));
      }),
    );
  });

  it("locked units keep exactly their locked value", () => {
    fc.assert(
      fc.property(countCase, (input) => {
        const result = prorate(input);
        input.units.forEach((u, i) => {
          if (u.locked !== undefined)
            expect(result.units[i]).toMatchObject({ value: u.locked, locked: true });
        });
      }),
    );
  });

  it("reordering the units changes nothing: the tie-break depends on weights and names, not positions", () => {
    fc.assert(
      fc.property(countCase, fc.infiniteStream(fc.nat()), (input, stream) => {
        const keys = [...stream.take(input.units.length)];
        const shuffled = input.units
          .map((u, i) => ({ u, k: keys[i] }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.u);
        const byId = (r: ReturnType<typeof prorate>) =>
          Object.fromEntries(r.units.map((u) => [u.id, u.value]));
        expect(byId(prorate({ ...input, units: shuffled }))).toEqual(byId(prorate(input)));
      }),
    );
  });

  it("Webster never lowers a unit when the total grows by one increment (no Alabama paradox)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 12 }),
        fc.nat(200),
        (weights, total) => {
          const units = weights.map((driver, i) => ({ id: `U${i}`, driver }));
          const run = (t: number) =>
            prorate({
              kind: "count",
              total: t,
              units,
              method: "proportional",
              rounding: "webster",
            }).units.map((u) => u.value);
          const before = run(total);
          run(total + 1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(before[i]));
        },
      ),
    );
  });

  it("rate targets meet the program rate with at most one increment to spare, and weaker units close more of the gap", () => {
    const rateCase = fc.record({
      units: fc.array(
        fc.record({
          baseline: fc.integer({ min: 0, max: 99 }),
          denominator: fc.integer({ min: 1, max: 5000 }),
        }),
        {
          minLength: 1,
          maxLength: 30,
        },
      ),
      lift: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(rateCase, ({ units, lift }) => {
        const named = units.map((u, i) => ({ id: `U${i}`, ...u }));
        const den = sum(named.map((u) => u.denominator));
        const current = sum(named.map((u) => u.baseline * u.denominator)) / den;
        const target = current + (100 - current) * lift;
        const result = prorate({ kind: "rate", total: target, method: "gapClosing", units: named });
        const achieved = (sum(result.units.map((u) => u.numerator!)) / den) * 100;
        expect(achieved).toBeGreaterThanOrEqual(target - 1e-9);
        expect(achieved).toBeLessThanOrEqual(target + 100 / den + 1e-9);
        // Quotas (before whole-case rounding): a lower baseline never gets a smaller increment.
        const steps = named.map((u, i) => ({ b: u.baseline, inc: result.units[i].quota - u.baseline }));
        for (const a of steps)
          for (const b of steps) if (a.b < b.b) expect(a.inc).toBeGreaterThanOrEqual(b.inc - 1e-9);
      }),
    );
  });
});

describe("rate invariants under reordering (fast-check)", () => {
  it("gives every unit the same rate target whatever the row order", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.string({ minLength: 1, maxLength: 4 }).filter((s) => s.trim() !== ""),
            baseline: fc.double({ min: 0, max: 99, noNaN: true }),
            denominator: fc.double({ min: 0.5, max: 5000, noNaN: true }),
          }),
          { minLength: 1, maxLength: 25, selector: (u) => u.id },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (units, lift) => {
          const den = sum(units.map((u) => u.denominator));
          const current = sum(units.map((u) => u.baseline * u.denominator)) / den;
          const input: ProrationInput = {
            kind: "rate",
            total: current + (99 - current) * lift,
            method: "gapClosing",
            units,
          };
          const byId = (r: ReturnType<typeof prorate>) =>
            Object.fromEntries(r.units.map((u) => [u.id, u.numerator]));
          expect(byId(prorate({ ...input, units: [...units].reverse() }))).toEqual(byId(prorate(input)));
        },
      ),
    );
  });
});

describe("milestone invariants (fast-check)", () => {
  const scheduleCase = fc.record({
    targets: fc.array(fc.nat(100_000), { minLength: 1, maxLength: 10 }),
    fyStartMonth: fc.integer({ min: 1, max: 12 }),
    periodicity: fc.constantFrom<Periodicity>("monthly", "quarterly", "4-4-5", "5-4-4"),
    profile: fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }).filter((p) => p.some((w) => w > 0)),
    shape: fc.constantFrom("even", "front", "back", "custom"),
    increment: fc.constantFrom(1, 10),
  });

  it("cumulative milestones never fall and end exactly on the target; periods add up to it", () => {
    fc.assert(
      fc.property(scheduleCase, ({ targets, fyStartMonth, periodicity, profile, shape, increment }) => {
        const spread =
          shape === "even"
            ? ({ kind: "even" } as const)
            : shape === "custom"
              ? ({ kind: "custom", profile } as const)
              : ({ kind: "ramp", shape } as const);
        const schedule = spreadMilestones({
          kind: "count",
          fiscalYear: 2027,
          fyStartMonth,
          periodicity,
          spread,
          increment,
          units: targets.map((t, i) => ({ id: `U${i}`, target: t * increment })),
        });
        for (const u of schedule.units) {
          u.cumulative.forEach((c, p) => p > 0 && expect(c).toBeGreaterThanOrEqual(u.cumulative[p - 1]));
          expect(u.cumulative[u.cumulative.length - 1]).toBe(u.target);
          expect(sum(u.perPeriod)).toBe(u.target);
          expect(u.perPeriod.every((v) => v >= 0 && v % increment === 0)).toBe(true);
        }
      }),
    );
  });

  it("rate milestones move monotonically from the baseline to exactly the target", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom("front", "back", "linear") as fc.Arbitrary<"front" | "back" | "linear">,
        (baseline, target, shape) => {
          const [u] = spreadMilestones({
            kind: "rate",
            fiscalYear: 2027,
            fyStartMonth: 7,
            spread: { kind: "ramp", shape },
            units: [{ id: "U", target, baseline }],
          }).units;
          const sign = Math.sign(target - baseline);
          u.perPeriod.forEach(
            (v, p) => p > 0 && expect((v - u.perPeriod[p - 1]) * sign).toBeGreaterThanOrEqual(0),
          );
          expect(u.perPeriod[11]).toBe(target);
        },
      ),
    );
  });
});

describe("largest remainder selection", () => {
  /** The documented rule written the slow, obvious way: sort everyone by (remainder, weight, name). */
  function reference(ids: string[], weights: number[], seats: number): number[] {
    const total = weights.reduce((a, b) => a + b, 0);
    const floors = weights.map((w) => Math.floor((seats * w) / total));
    const remainders = weights.map((w) => (seats * w) % total);
    const left = seats - floors.reduce((a, b) => a + b, 0);
    const order = weights
      .map((_, i) => i)
      .sort((a, b) => remainders[b] - remainders[a] || weights[b] - weights[a] || (ids[a] < ids[b] ? -1 : 1));
    for (let k = 0; k < left; k++) floors[order[k]] += 1;
    return floors;
  }

  it("hands leftovers exactly as the documented sort would, even with many ties", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 300 })
          .filter((w) => w.some((x) => x > 0)),
        fc.nat(1000),
        (weights, seats) => {
          const ids = weights.map((_, i) => `u${(i * 7919) % 1009}-${i}`);
          expect(largestRemainder({ ids, weights, seats })).toEqual(reference(ids, weights, seats));
        },
      ),
    );
  });
});
