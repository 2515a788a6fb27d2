/** Randomized scorecards (fast-check) for the differential test: odd kinds, blanks, bad cells, bands. */
import fc from "fast-check";
import type { Direction, MeasureKind, Observation, UnitDef } from "../../src/engine/model";
import { fiscalYearMonths } from "../../src/engine/period";
import type { WorkbookInput } from "../../src/workbook/input";
import { valueBounds, type ValueBounds } from "../../src/workbook/gridFormulas";
import { emptyPlanText } from "../../src/workbook/templates";
import type { TemplateMeasure } from "../../src/workbook/templates/types";

const KINDS: MeasureKind[] = ["count", "amount", "rate", "ratio"];
const DIRECTIONS: Direction[] = ["up", "down", "band"];

/** A value of a kind, sometimes blank, rarely out of range (a negative count, a rate above 100). */
function valueOf(kind: MeasureKind, blankPct: number): fc.Arbitrary<number | undefined> {
  const good =
    kind === "count"
      ? fc.integer({ min: 0, max: 300 })
      : kind === "amount"
        ? fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100)
        : kind === "rate"
          ? fc.integer({ min: 0, max: 1000 }).map((t) => t / 10)
          : fc.integer({ min: 0, max: 900 }).map((h) => h / 100);
  const bad = kind === "rate" ? fc.constant(120) : fc.constant(-5);
  return fc.oneof(
    { weight: 100 - blankPct - 2, arbitrary: good },
    { weight: blankPct, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: kind === "amount" || kind === "ratio" ? good : bad },
  );
}

const measureArb = (i: number): fc.Arbitrary<TemplateMeasure> =>
  fc
    .record({
      kind: fc.constantFrom(...KINDS),
      direction: fc.constantFrom(...DIRECTIONS),
      lo: fc.integer({ min: 0, max: 60 }),
      width: fc.integer({ min: 0, max: 40 }),
    })
    .map(({ kind, direction, lo, width }) => ({
      id: `m${i + 1}`,
      name: `Measure ${i + 1}`,
      kind,
      direction,
      ...(direction === "band" ? { lower: lo, upper: lo + width } : {}),
    }));

function seriesArb(
  measure: TemplateMeasure,
  unit: string,
  fy: number,
  fyStart: number,
  months: number,
): fc.Arbitrary<Observation[]> {
  const ratio = measure.kind === "rate" || measure.kind === "ratio";
  // Milestones and denominators go bad on their own too, so a bad cell also turns up in a month
  // whose actual is fine (the period's and year-to-date checks must still notice it).
  const point = fc.record({
    milestone: fc.oneof(
      { weight: 19, arbitrary: valueOf(measure.kind, 8) },
      { weight: 1, arbitrary: measure.kind === "rate" ? fc.constant(140) : fc.constant(-7) },
    ),
    actual: valueOf(measure.kind, 12),
    denominator: ratio
      ? fc.oneof(
          { weight: 17, arbitrary: fc.integer({ min: 1, max: 500 }) },
          { weight: 2, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constant(-3) },
        )
      : fc.constant(undefined),
  });
  return fc
    .tuple(fc.array(point, { minLength: 12, maxLength: 12 }), valueOf(measure.kind, 20))
    .map(([points, target]) => {
      const periods = fiscalYearMonths(fy, fyStart);
      const monthly: Observation[] = points.map((p, m) => ({
        measure: measure.id,
        unit,
        period: periods[m],
        milestone: p.milestone,
        actual: m < months ? p.actual : undefined,
        denominator: m < months ? p.denominator : undefined,
      }));
      const yearly: Observation[] =
        target === undefined ? [] : [{ measure: measure.id, unit, period: String(fy), target }];
      return [...monthly, ...yearly];
    });
}

/** A whole random scorecard: 1-3 measures x 1-3 units, this fiscal year and sometimes the last. */
export const scorecardInputArb: fc.Arbitrary<WorkbookInput> = fc
  .record({
    fyStartMonth: fc.constantFrom(1, 7, 10),
    asOfOffset: fc.integer({ min: 0, max: 11 }),
    measureCount: fc.integer({ min: 1, max: 3 }),
    unitCount: fc.integer({ min: 1, max: 3 }),
    priorYear: fc.boolean(),
  })
  .chain(({ fyStartMonth, asOfOffset, measureCount, unitCount, priorYear }) => {
    const units: UnitDef[] = Array.from({ length: unitCount }, (_, i) => ({
      id: `u${i + 1}`,
      name: `Office ${i + 1}`,
    }));
    return fc.tuple(...Array.from({ length: measureCount }, (_, i) => measureArb(i))).chain((measures) => {
      const series = measures.flatMap((m) =>
        units.flatMap((u) => [
          seriesArb(m, u.id, 2027, fyStartMonth, asOfOffset + 1),
          ...(priorYear ? [seriesArb(m, u.id, 2026, fyStartMonth, 12)] : []),
        ]),
      );
      return fc.tuple(...series).map((all): WorkbookInput => ({
        templateId: "blank",
        title: "Randomized scorecard",
        fyStartMonth,
        asOfMonth: fiscalYearMonths(2027, fyStartMonth)[asOfOffset],
        plan: emptyPlanText(),
        measures,
        units,
        observations: all.flat(),
        programTargets: [],
        flags: [],
        reliabilityPassed: true,
      }));
    });
  });

/**
 * Months (up to the as-of month) whose actual is usable but whose milestone or denominator is
 * not: the cases where only a row's own bad-cell counts, not its actuals, change a check.
 */
export function badBesideUsableActual(input: WorkbookInput): number {
  const kinds = new Map(input.measures.map((m) => [m.id, valueBounds(m.kind)]));
  const usable = (x: number | undefined, b: ValueBounds) =>
    x !== undefined && (b.min === undefined || x >= b.min) && (b.max === undefined || x <= b.max);
  return input.observations.filter((o) => {
    const b = kinds.get(o.measure);
    if (!b || o.period > input.asOfMonth || !usable(o.actual, b)) return false;
    const badMilestone = o.milestone !== undefined && !usable(o.milestone, b);
    return badMilestone || (o.denominator !== undefined && o.denominator < 0);
  }).length;
}
