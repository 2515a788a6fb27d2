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
  // (1,000 units x 36 months per measure) instead of a Set lookup per unit and period.
  const firstYear = fyOf(start);
  const yearCount = fyOf(end) - firstYear + 1;
  const member = new Uint8Array(same.length * yearCount);
  for (let k = 0; k < same.length; k++)
    markYearsInProgram(same[k], fyOf, member, k * yearCount, firstYear, yearCount);
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
    const year = fyOf(pos) - firstYear;
    for (let k = 0; k < same.length; k++) {
      const u = same[k];
      const i = pos - u.start;
      if (i < 0 || i >= u.length) continue; // not reporting yet, or no longer
      if (member[k * yearCount + year] === 0) continue; // skipped this fiscal year: not in the program
      // The usable actual (NaN when missing or hit by a data error), as goodActualAt reads it.
      const a = u.bad[i] ? NaN : u.actual[i];
      const w = additive ? 1 : u.denominator[i];
      if (!additive && !(w > 0)) {
        if (a === a) {
          lackedWeights = true;
          any = true;
        }
        incomplete = true;
        continue;
      }
      if (a !== a) incomplete = true;
      else {
        any = true;
        sumA += a * w;
      }
      sumW += w;
      const milestone = u.milestone[i];
      const plan = milestone === milestone ? milestone : u.target[i]; // planAt: milestone, else target
      const target = u.target[i];
      if (plan !== plan) planOk = false;
      else sumP += plan * w;
      if (target !== target) targetOk = false;
      else sumT += target * w;
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
  const years = additive ? same.map((u) => yearsInProgram(u, fyOf)) : [];
  if (additive) mergeYearTargets(same, years, out);
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

/** Fiscal years in which a unit has a row: any period of the year, or the year's target row. */
function yearsInProgram(u: SeriesData, fyOf: (pos: number) => number): Set<number> {
  const years = new Set<number>(u.yearTargets.keys());
  for (let i = 0; i < u.length; i++) if (u.present[i]) years.add(fyOf(u.start + i));
  return years;
}

/** Flag the fiscal years of the span in which a unit has a row (as yearsInProgram counts them). */
function markYearsInProgram(
  u: SeriesData,
  fyOf: (pos: number) => number,
  member: Uint8Array,
  offset: number,
  firstYear: number,
  yearCount: number,
): void {
  for (const y of u.yearTargets.keys())
    if (y >= firstYear && y < firstYear + yearCount) member[offset + y - firstYear] = 1;
  for (let i = 0; i < u.length; i++) if (u.present[i]) member[offset + fyOf(u.start + i) - firstYear] = 1;
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
