import { readFileSync } from "node:fs";
import path from "node:path";
import { gapClosingTarget, prorate, ProrationError, type ProrationInput } from "../../../src/engine/prorate";

const rateInput = (total: number, extra: Partial<ProrationInput> = {}): ProrationInput => ({
  kind: "rate",
  total,
  method: "gapClosing",
  units: [
    { id: "Weak", baseline: 60, denominator: 400 },
    { id: "Strong", baseline: 85, denominator: 600 },
  ],
  ...extra,
});

/** The program rate the targets achieve: sum of numerators over sum of denominators. */
function programRate(input: ProrationInput): number {
  const result = prorate(input);
  const num = result.units.reduce((s, u) => s + (u.numerator ?? 0), 0);
  const den = input.units.reduce((s, u) => s + (u.denominator ?? 0), 0);
  return (num / den) * 100;
}

describe("rate targets are weighted by their denominators, never summed", () => {
  it("equal gives every unit the program rate", () => {
    const result = prorate(rateInput(80, { method: "equal" }));
    expect(result.units.map((u) => u.value)).toEqual([80, 80]);
    expect(result.units.map((u) => u.numerator)).toEqual([320, 480]);
  });

  it("gap-closing gives the weaker unit the larger increment and meets the program target exactly", () => {
    const result = prorate(rateInput(80));
    const [weak, strong] = result.units;
    expect(weak.value).toBe(68);
    expect(strong.value).toBe(88);
    expect(weak.value - 60).toBeGreaterThan(strong.value - 85);
    expect(result.provenance.gapClosedShare).toBeCloseTo(0.2, 10);
    expect(result.provenance.achieved).toBe(80);
    expect(weak.reason).toMatch(/starts at 60 %, 40 points from the benchmark 100 %.*closes 20 % of its gap/);
  });

  it("rounds numerators up to whole cases so the program target is met, and says so", () => {
    const input = rateInput(80.05);
    expect(programRate(input)).toBeGreaterThanOrEqual(80.05);
    expect(programRate(input)).toBeLessThan(80.05 + 100 / 1000);
    expect(prorate(input).provenance.warnings.map((w) => w.code)).toContain("roundedUpToWholeIncrements");
  });

  it("closes the gap to the best unit when asked", () => {
    const result = prorate(rateInput(80, { benchmark: { kind: "bestUnit" } }));
    expect(result.units[1].value).toBe(85);
    expect(result.units[0].value).toBeCloseTo(72.5, 10);
  });

  it("keeps a locked rate and moves the free units to make up the rest", () => {
    const input = rateInput(80, {
      method: "equal",
      units: [
        { id: "Locked", denominator: 500, locked: 90 },
        { id: "Free", denominator: 500, baseline: 60 },
      ],
    });
    expect(prorate(input).units.map((u) => u.value)).toEqual([90, 70]);
  });

  it("gives a unit with no cases the program target and warns by name", () => {
    const input = rateInput(80, { units: [...rateInput(80).units, { id: "Empty", denominator: 0 }] });
    const result = prorate(input);
    expect(result.units[2].value).toBe(80);
    expect(result.provenance.warnings).toContainEqual(
      expect.objectContaining({ code: "zeroDenominator", unit: "Empty" }),
    );
  });

  it("treats a ratio the same way without the percent scale", () => {
    const result = prorate({
      kind: "ratio",
      total: 5,
      method: "equal",
      increment: 1,
      units: [
        { id: "A", denominator: 100 },
        { id: "B", denominator: 300 },
      ],
    });
    expect(result.units.map((u) => u.value)).toEqual([5, 5]);
    expect(result.units.map((u) => u.numerator)).toEqual([500, 1500]);
  });

  it("closes the gap downward for a cost-per-case ratio where lower is better", () => {
    const result = prorate({
      kind: "ratio",
      total: 250,
      method: "gapClosing",
      direction: "down",
      benchmark: { kind: "bestUnit" },
      units: [
        { id: "Costly", baseline: 400, denominator: 100 },
        { id: "Lean", baseline: 200, denominator: 100 },
      ],
    });
    const [costly, lean] = result.units;
    expect(lean.value).toBe(200);
    expect(costly.value).toBe(300);
    expect(result.provenance.gapClosedShare).toBeCloseTo(0.5, 10);
  });

  it.each([
    ["a target above 100 %", rateInput(101), "rateOutOfRange"],
    [
      "a unit with no denominator",
      rateInput(80, { units: [{ id: "North", baseline: 50 }] }),
      "denominatorMissing",
    ],
    [
      "gap-closing without a baseline",
      rateInput(80, { units: [{ id: "North", denominator: 10 }] }),
      "baselineMissing",
    ],
    ["a proportional rate", rateInput(80, { method: "proportional" }), "methodNotForKind"],
    [
      "locked units that leave the free units above 100 %",
      rateInput(95, {
        units: [
          { id: "L", denominator: 100, locked: 50 },
          { id: "F", denominator: 100, baseline: 90 },
        ],
      }),
      "targetUnreachable",
    ],
  ])("refuses %s with a typed error", (_name, input, code) => {
    expect(() => prorate(input)).toThrow(ProrationError);
    try {
      prorate(input);
    } catch (error) {
      expect((error as ProrationError).code).toBe(code);
    }
  });
});

describe("golden case from real data: NHS England type-1 A&E, April 2018 to March 2019", () => {
  // 12 trusts' yearly totals from nhs_england_ae_attendances_by_trust_monthly_2016-2019.csv
  // (NHSRdatasets, CC0 / OGL v3). Performance = 1 - breaches / attendances; standard 95 %.
  const rows = readFileSync(path.join(__dirname, "fixtures/nhs_ae_type1_fy2019_12_trusts.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));
  const units = rows.map(([id, attendances, breaches]) => ({
    id,
    denominator: Number(attendances),
    baseline: (1 - Number(breaches) / Number(attendances)) * 100,
  }));
  const result = prorate({ kind: "rate", total: 95, method: "gapClosing", units });

  it("meets the 95 % standard across the trusts, weighted by attendances, by whole patients", () => {
    const seen = result.units.reduce((s, u) => s + u.numerator!, 0);
    const attendances = units.reduce((s, u) => s + u.denominator, 0);
    expect(result.provenance.achieved).toBeGreaterThanOrEqual(95);
    expect(seen - Math.ceil((95 * attendances) / 100)).toBe(0);
    expect(result.units.every((u) => Number.isInteger(u.numerator))).toBe(true);
  });

  it("asks the weakest trust for the largest step and never more than 100 %", () => {
    const steps = result.units.map((u, i) => ({
      id: u.id,
      baseline: units[i].baseline,
      step: u.value - units[i].baseline,
    }));
    const weakest = steps.reduce((a, b) => (a.baseline < b.baseline ? a : b));
    const strongest = steps.reduce((a, b) => (a.baseline > b.baseline ? a : b));
    expect(weakest.id).toBe("R1K");
    expect(strongest.id).toBe("RA4");
    expect(Math.max(...steps.map((s) => s.step))).toBe(weakest.step);
    expect(Math.min(...steps.map((s) => s.step))).toBe(strongest.step);
    expect(result.units.every((u) => u.value <= 100)).toBe(true);
    expect(result.provenance.gapClosedShare).toBeGreaterThan(0.6);
    expect(result.provenance.gapClosedShare).toBeLessThan(0.8);
  });
});

describe("closing a set share of the gap (ESEA style)", () => {
  const units = [
    { id: "A", baseline: 60, denominator: 100 },
    { id: "B", baseline: 80, denominator: 100 },
  ];

  it("turns 'halve every gap to 100 %' into the program target 85 %, and prorate gives 80 % and 90 %", () => {
    const total = gapClosingTarget({ kind: "rate", units }, 0.5);
    expect(total).toBe(85);
    const result = prorate({ kind: "rate", total, method: "gapClosing", units });
    expect(result.units.map((u) => u.value)).toEqual([80, 90]);
    expect(result.provenance.gapClosedShare).toBeCloseTo(0.5, 12);
  });

  it("keeps locked units at their value in the program target", () => {
    expect(
      gapClosingTarget({ kind: "rate", units: [...units, { id: "L", locked: 50, denominator: 200 }] }, 0.5),
    ).toBe(67.5);
  });

  it("refuses a count, a negative share and a unit with no baseline", () => {
    expect(() => gapClosingTarget({ kind: "count", units }, 0.5)).toThrow(
      expect.objectContaining({ code: "methodNotForKind" }),
    );
    expect(() => gapClosingTarget({ kind: "rate", units }, -0.1)).toThrow(ProrationError);
    expect(() => gapClosingTarget({ kind: "rate", units: [{ id: "N", denominator: 5 }] }, 0.5)).toThrow(
      expect.objectContaining({ code: "baselineMissing", unit: "N" }),
    );
  });
});
