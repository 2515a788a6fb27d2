/**
 * Program roll-ups: one series per measure across its units. Counts and amounts are summed;
 * rates and ratios are weighted by their denominators, SUM(actual x denominator) / SUM(denominator),
 * never an average of percentages. A unit that should report and did not makes the roll-up
 * period insufficient rather than quietly smaller. A unit with no row at all in a fiscal year
 * is not in the program that year (issue 14): the workbook has no grid row for it, and the
 * Dashboard's formulas leave it out, so a long CSV and a workbook roll up alike.
 */
import type { Finding } from "../model";
import { fiscalYearOfIndex } from "../period";
import { isAdditive } from "./aggregate";
import { emptySeries, type SeriesData } from "../index/series";

/** The unit name of program roll-up rows. */
export const ROLLUP_UNIT = "All units";

/**
 * Roll a measure's unit series into one program series. Example: `rollUp(index.byMeasure.get("Orders")!, 10).series.unit === "All units"`.
 */
export function rollUp(
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
  const out = emptySeries(measure, ROLLUP_UNIT, monthly, start, end - start + 1);
  const fyOf = (pos: number) => (monthly ? fiscalYearOfIndex(pos, fyStartMonth) : pos);
  // Membership as one flag per unit x fiscal year of the span, read in the hot loop below
  // (1,000 units x 36 months per measure) instead of a Set lookup per unit and period. Each
  // period's fiscal year (from the span's first) is worked out once, for all units.
  const firstYear = fyOf(start);
  const yearCount = fyOf(end) - firstYear + 1;
  const n = out.length;
  const yearAt = new Int32Array(n);
  for (let p = 0; p < n; p++) yearAt[p] = fyOf(start + p) - firstYear;
  const member = new Uint8Array(same.length * yearCount);
  markMembers(same, start, yearAt, member, firstYear, yearCount);
  // Unit by unit, each unit's arrays read in order, into sums per period: the same additions in
  // the same order (units ascending for each period) as a period-by-period loop, without jumping
  // across 1,000 units' arrays for every period.
  const sums = new Float64Array(4 * n); // per period: actual x weight, plan x weight, target x weight, weight
  const state = new Uint8Array(n); // per period: bits ANY, INCOMPLETE, NO_PLAN, NO_TARGET
  const lackedWeights = addUnits(same, start, additive, member, yearCount, yearAt, sums, state);
  settle(out, sums, state, additive, measure.kind === "rate" ? 0.01 : 1);
  // Year targets to merge: most scorecards have none, and then no unit needs its set of years.
  if (additive && same.some((u) => u.yearTargets.size > 0)) {
    mergeYearTargets(
      same,
      same.map((u) => yearsInProgram(u, fyOf)),
      out,
    );
  }
  if (lackedWeights) {
    findings.push({
      severity: "warning",
      code: "rollup-needs-denominator",
      message: `${measure.id}: some units give a ${measure.kind} without a denominator, so the program total cannot be weighted (an average of percentages would mislead).`,
      fix: "Add a denominator column (or numerator and denominator) for every unit of this measure.",
      measure: measure.id,
      unit: ROLLUP_UNIT,
    });
  }
  return { series: out, findings };
}

/** NaN read from a typed array, so the actual stays an unboxed double (see aggregate.ts). Never written. */
const NAN = new Float64Array([NaN]);

/**
 * The loops over a measure's units live in functions of their own, which read only series and
 * typed arrays: rollUp itself (20 calls a check) then has no loop to compile on the stack, and so
 * no compiled code that meets the measures' several object shapes and is thrown away ("wrong map")
 * and compiled again in the next check.
 */
function markMembers(
  same: SeriesData[],
  start: number,
  yearAt: Int32Array,
  member: Uint8Array,
  firstYear: number,
  yearCount: number,
): void {
  for (let k = 0; k < same.length; k++)
    markYearsInProgram(same[k], same[k].start - start, yearAt, member, k * yearCount, firstYear, yearCount);
}

/** Every unit into the sums per period (see addUnit); true when one gave an actual without a weight. */
function addUnits(
  same: SeriesData[],
  start: number,
  additive: boolean,
  member: Uint8Array,
  yearCount: number,
  yearAt: Int32Array,
  sums: Float64Array,
  state: Uint8Array,
): boolean {
  let lackedWeights = false;
  for (let k = 0; k < same.length; k++) {
    const u = same[k];
    if (addUnit(u, u.start - start, additive, member, k * yearCount, yearAt, sums, state))
      lackedWeights = true;
  }
  return lackedWeights;
}

const ANY = 1;
const INCOMPLETE = 2;
const NO_PLAN = 4;
const NO_TARGET = 8;

/**
 * One unit's values into the sums per period (`offset` = its first period's place in them), for
 * the fiscal years it is in the program (`member` from `memberAt`). True when it gave an actual
 * without a weight (a rate or ratio without a denominator).
 */
function addUnit(
  u: SeriesData,
  offset: number,
  additive: boolean,
  member: Uint8Array,
  memberAt: number,
  yearAt: Int32Array,
  sums: Float64Array,
  state: Uint8Array,
): boolean {
  const { bad, actual, denominator, milestone, target, length } = u;
  let lackedWeights = false;
  for (let i = 0; i < length; i++) {
    const p = offset + i;
    if (member[memberAt + yearAt[p]] === 0) continue; // skipped this fiscal year: not in the program
    // The usable actual (NaN when missing or hit by a data error), as goodActualAt reads it.
    const a = bad[i] ? NAN[0] : actual[i];
    const w = additive ? 1 : denominator[i];
    if (!(w > 0)) {
      if (a === a) {
        lackedWeights = true;
        state[p] |= ANY;
      }
      state[p] |= INCOMPLETE;
      continue;
    }
    const at = 4 * p;
    if (a !== a) state[p] |= INCOMPLETE;
    else {
      state[p] |= ANY;
      sums[at] += a * w;
    }
    sums[at + 3] += w;
    const m = milestone[i];
    const plan = m === m ? m : target[i]; // planAt: milestone, else target
    const t = target[i];
    if (plan !== plan) state[p] |= NO_PLAN;
    else sums[at + 1] += plan * w;
    if (t !== t) state[p] |= NO_TARGET;
    else sums[at + 2] += t * w;
  }
  return lackedWeights;
}

/** The roll-up's values from the sums per period; `scale` turns a rate's numerator into a count (0.01). */
function settle(
  out: SeriesData,
  sums: Float64Array,
  state: Uint8Array,
  additive: boolean,
  scale: number,
): void {
  for (let p = 0; p < out.length; p++) {
    const at = 4 * p;
    const sumW = sums[at + 3];
    const any = (state[p] & ANY) !== 0;
    const incomplete = (state[p] & INCOMPLETE) !== 0;
    const weighted = sumW > 0;
    const by = additive ? 1 : sumW;
    if (any && !incomplete) out.actual[p] = sums[at] / by;
    if (any && incomplete) out.bad[p] = 1;
    if (any || incomplete) out.present[p] = 1;
    if (!(state[p] & NO_PLAN) && weighted) out.milestone[p] = sums[at + 1] / by;
    if (!(state[p] & NO_TARGET) && weighted) out.target[p] = sums[at + 2] / by;
    if (!additive && weighted && !incomplete) {
      out.denominator[p] = sumW;
      out.numerator[p] = sums[at] * scale;
    }
  }
}

/** Fiscal years in which a unit has a row: any period of the year, or the year's target row. */
function yearsInProgram(u: SeriesData, fyOf: (pos: number) => number): Set<number> {
  const years = new Set<number>(u.yearTargets.keys());
  for (let i = 0; i < u.length; i++) if (u.present[i]) years.add(fyOf(u.start + i));
  return years;
}

/**
 * Flag the fiscal years of the span in which a unit has a row (as yearsInProgram counts them);
 * `offset` is the unit's first period's place in the span, `yearAt` each period's year in it.
 */
function markYearsInProgram(
  u: SeriesData,
  offset: number,
  yearAt: Int32Array,
  member: Uint8Array,
  memberAt: number,
  firstYear: number,
  yearCount: number,
): void {
  if (u.yearTargets.size > 0)
    for (const y of u.yearTargets.keys())
      if (y >= firstYear && y < firstYear + yearCount) member[memberAt + y - firstYear] = 1;
  const present = u.present;
  for (let i = 0; i < u.length; i++) if (present[i]) member[memberAt + yearAt[offset + i]] = 1;
}

/** The program's year target: the sum over the units in the program that year, when each has one. */
function mergeYearTargets(units: SeriesData[], inProgram: Set<number>[], out: SeriesData): void {
  const years = new Set(units.flatMap((u) => [...u.yearTargets.keys()]));
  for (const y of years) {
    const members = units.filter((_, k) => inProgram[k].has(y));
    if (members.every((u) => u.yearTargets.has(y))) {
      out.yearTargets.set(
        y,
        members.reduce((sum, u) => sum + u.yearTargets.get(y)!, 0),
      );
    }
  }
}
