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
import { at, goodActualAt, planAt } from "../index/access";
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
  const years = same.map((u) => yearsInProgram(u, fyOf));
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
      if (i < 0 || i >= u.length) continue; // not reporting yet, or no longer
      if (!years[k].has(fy)) continue; // skipped this fiscal year: not in the program
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
