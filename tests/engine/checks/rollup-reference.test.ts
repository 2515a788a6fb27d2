/**
 * The roll-up's hot loop was rewritten for speed (membership flags per unit x fiscal year, values
 * read straight from the index's arrays). The version it replaced is kept here, in the tests only,
 * as the reference: on random scorecards (counts and rates, skipped fiscal years, blank and bad
 * cells, missing denominators, yearly targets) both must give the same series to the bit.
 */
import fc from "fast-check";
import { isAdditive, rollUp } from "../../../src/engine/checks";
import {
  at,
  goodActualAt,
  indexScorecard,
  planAt,
  emptySeries,
  type SeriesData,
} from "../../../src/engine/index";
import type { Finding, MeasureKind, Observation } from "../../../src/engine/model";
import { fiscalYearOfIndex, monthFromIndex } from "../../../src/engine/period";

/** The roll-up before the rewrite (src/engine/checks/rollup.ts at 9958215), unchanged but for names. */
function referenceRollUp(
  units: SeriesData[],
  fyStartMonth: number,
): { series?: SeriesData; findings: Finding[] } {
  const findings: Finding[] = [];
  if (units.length === 0) return { findings };
  const measure = units[0].measure;
  const monthly = units[0].monthly;
  const same = units.filter((u) => u.monthly === monthly);
  const additive = isAdditive(measure.kind);
  if (measure.direction === "band" && additive) return { findings };
  const start = Math.min(...same.map((u) => u.start));
  const end = Math.max(...same.map((u) => u.start + u.length - 1));
  const out = emptySeries(measure, "All units", monthly, start, end - start + 1);
  const fyOf = (pos: number) => (monthly ? fiscalYearOfIndex(pos, fyStartMonth) : pos);
  const years = same.map((u) => {
    const set = new Set<number>(u.yearTargets.keys());
    for (let i = 0; i < u.length; i++) if (u.present[i]) set.add(fyOf(u.start + i));
    return set;
  });
  let lackedWeights = false;
  for (let p = 0; p < out.length; p++) {
    const pos = start + p;
    let sumA = 0;
    let sumP = 0;
    let sumT = 0;
    let sumW = 0;
    let any = false;
    let incomplete = false;
    let planOk = true;
    let targetOk = true;
    const fy = fyOf(pos);
    for (let k = 0; k < same.length; k++) {
      const u = same[k];
      const i = pos - u.start;
      if (i < 0 || i >= u.length) continue;
      if (!years[k].has(fy)) continue;
      const a = goodActualAt(u, i);
      const w = additive ? 1 : at(u.denominator, i);
      if (!additive && (w === undefined || !(w > 0))) {
        if (a !== undefined) {
          lackedWeights = true;
          any = true;
        }
        incomplete = true;
        continue;
      }
      const weight = w!;
      if (a === undefined) incomplete = true;
      else {
        any = true;
        sumA += a * weight;
      }
      sumW += weight;
      const plan = planAt(u, i);
      const target = at(u.target, i);
      if (plan === undefined) planOk = false;
      else sumP += plan * weight;
      if (target === undefined) targetOk = false;
      else sumT += target * weight;
    }
    const scale = additive ? 1 : sumW;
    if (any && !incomplete) out.actual[p] = sumA / scale;
    if (any && incomplete) out.bad[p] = 1;
    if (any || incomplete) out.present[p] = 1;
    if (planOk && sumW > 0) out.milestone[p] = sumP / scale;
    if (targetOk && sumW > 0) out.target[p] = sumT / scale;
    if (!additive && sumW > 0 && !incomplete) {
      out.denominator[p] = sumW;
      out.numerator[p] = sumA * (measure.kind === "rate" ? 0.01 : 1);
    }
  }
  if (additive) {
    for (const y of new Set(same.flatMap((u) => [...u.yearTargets.keys()]))) {
      const members = same.filter((_, k) => years[k].has(y));
      if (members.every((u) => u.yearTargets.has(y)))
        out.yearTargets.set(
          y,
          members.reduce((sum, u) => sum + u.yearTargets.get(y)!, 0),
        );
    }
  }
  if (lackedWeights)
    findings.push({ severity: "warning", code: "rollup-needs-denominator", message: "", fix: "" });
  return { series: out, findings };
}

const FIRST_MONTH = 2025 * 12; // 2025-01
/** A cell: a value, blank (undefined) or NaN/negative junk the index must treat as missing. */
const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 500 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
);
const row = fc.record({
  month: fc.nat(35),
  actual: value,
  milestone: value,
  target: value,
  denominator: fc.oneof(value, fc.constant(0), fc.constant(-3)),
});
const unitRows = fc.array(row, { maxLength: 30 });
const scenario = fc.record({
  kind: fc.constantFrom<MeasureKind>("count", "amount", "rate", "ratio"),
  band: fc.boolean(),
  fyStartMonth: fc.constantFrom(1, 4, 7, 10),
  units: fc.array(unitRows, { minLength: 2, maxLength: 6 }),
  yearTargets: fc.array(
    fc.tuple(fc.nat(5), fc.constantFrom(2025, 2026, 2027, 2028), fc.integer({ min: 1, max: 9000 })),
    {
      maxLength: 6,
    },
  ),
  /** Rows whose actual a reader finding marks bad. */
  bad: fc.array(fc.tuple(fc.nat(5), fc.nat(35)), { maxLength: 5 }),
});

/** Every array and the year targets of a series, NaN kept apart from numbers bit for bit. */
function dump(s: SeriesData | undefined): unknown {
  if (!s) return undefined;
  const arr = (a: ArrayLike<number>) =>
    Array.from(a, (v) => (Number.isNaN(v) ? "NaN" : Object.is(v, -0) ? "-0" : v));
  return {
    start: s.start,
    length: s.length,
    actual: arr(s.actual),
    milestone: arr(s.milestone),
    target: arr(s.target),
    numerator: arr(s.numerator),
    denominator: arr(s.denominator),
    bad: arr(s.bad),
    present: arr(s.present),
    yearTargets: [...s.yearTargets.entries()].sort((a, b) => a[0] - b[0]),
  };
}

describe("the roll-up after its speed rewrite", () => {
  it("gives the same program series as the version it replaced, on random scorecards with gaps and bad cells", () => {
    fc.assert(
      fc.property(scenario, ({ kind, band, fyStartMonth, units, yearTargets, bad }) => {
        const observations: Observation[] = [];
        units.forEach((rows, u) => {
          for (const r of rows) {
            const o: Observation = {
              measure: "M",
              unit: `U${u}`,
              period: monthFromIndex(FIRST_MONTH + r.month),
            };
            if (r.actual !== undefined) o.actual = r.actual;
            if (r.milestone !== undefined) o.milestone = r.milestone;
            if (r.target !== undefined) o.target = r.target;
            if (r.denominator !== undefined) o.denominator = r.denominator;
            observations.push(o);
          }
        });
        for (const [u, year, target] of yearTargets)
          if (u < units.length)
            observations.push({ measure: "M", unit: `U${u}`, period: String(year), target });
        const findings: Finding[] = bad.map(([u, month]) => ({
          severity: "error",
          code: "not-a-number",
          message: "",
          fix: "",
          measure: "M",
          unit: `U${u}`,
          period: monthFromIndex(FIRST_MONTH + month),
        }));
        const direction = band ? "band" : "up";
        const measure = { id: "M", name: "M", kind, direction, lower: 40, upper: 60 } as const;
        const index = indexScorecard(
          { measures: [measure], units: [], observations, fyStartMonth },
          findings,
        );
        const list = index.byMeasure.get("M") ?? [];
        const now = rollUp(list, fyStartMonth);
        const before = referenceRollUp(list, fyStartMonth);
        expect(dump(now.series)).toEqual(dump(before.series));
        expect(now.findings.map((f) => f.code)).toEqual(before.findings.map((f) => f.code));
      }),
      { numRuns: 300 },
    );
  });
});
