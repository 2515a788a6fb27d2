/**
 * Program roll-ups as classic formulas (src/engine/checks/rollup.ts): per measure and month,
 * counts and amounts are summed over units, rates and ratios weighted by their denominators,
 * SUMPRODUCT(actual, denominator) / SUM(denominator), never an average of percentages. A month
 * is rolled up only when every unit of the measure has a usable actual (and, for levels, a
 * denominator > 0); otherwise it stays blank and the status says why.
 */
import { BIG, GRID, roundRule, STATUS_LABELS, valueBounds } from "./gridFormulas";
import { columnLetter } from "./layout";
import type { TemplateMeasure } from "./templates/types";

/** Grid ranges the program formulas read (absolute, over tblMonthly's data rows). */
export interface GridRanges {
  range(column: string): string;
}

/** A measure's usable values (valueBounds) as COUNTIFS criteria text: `">=" & lo`, `"<=" & hi`. */
export interface MeasureBounds {
  additive: boolean;
  /** Smallest usable value, "-1E+300" when any number is. */
  lo: string;
  /** Largest usable value, "1E+300" when any number is. */
  hi: string;
}

/** Usable bounds of a measure's values as criteria text. Example: rate -> lo "0", hi "100". */
export function boundsOf(m: Pick<TemplateMeasure, "kind">): MeasureBounds {
  const b = valueBounds(m.kind);
  return {
    additive: b.additive,
    lo: b.min === undefined ? `-${BIG}` : String(b.min),
    hi: b.max === undefined ? BIG : String(b.max),
  };
}

/**
 * Where a measure's grid rows for one fiscal year were written, for the fast roll-up: cells
 * holding the number of units and whether those rows are still in place with no bad cell,
 * and the same grid column over just those rows.
 */
export interface RowsInPlace {
  units: string;
  fast: string;
  range(column: string): string;
}

/**
 * Formulas of one month j (0-based) of a measure's program series for a fiscal-year expression.
 * With `place`, a month rolls up over the measure's own rows (COUNT, SUM, SUMPRODUCT over
 * them) while they stay in place with no bad cell; otherwise, after a sort or with bad cells,
 * COUNTIFS and SUMIFS over the whole grid keep it exact.
 */
export function programMonth(
  g: GridRanges,
  m: TemplateMeasure,
  fy: string,
  j: number,
  place?: RowsInPlace,
): { milestone: string; actual: string; weight: string } {
  const exact = exactMonth(g, m, fy, j);
  if (!place) return exact;
  const fast = fastMonth(m, j, place);
  const pick = (f: string, e: string) => (f === e ? f : `IF(${place.fast},${f},${e})`);
  return {
    milestone: pick(fast.milestone, exact.milestone),
    actual: pick(fast.actual, exact.actual),
    weight: pick(fast.weight, exact.weight),
  };
}

/** A month's roll-up over rows known to be the measure's, all clean (numbers in bounds). */
function fastMonth(m: TemplateMeasure, j: number, place: RowsInPlace) {
  const col = (start: number) => place.range(columnLetter(start + j));
  const A = col(GRID.actual);
  const Ms = col(GRID.milestone);
  const D = col(GRID.denominator);
  const u = place.units;
  if (boundsOf(m).additive)
    return {
      actual: `IF(AND(${u}>0,COUNT(${A})=${u}),SUM(${A}),"")`,
      milestone: `IF(AND(${u}>0,COUNT(${Ms})=${u}),SUM(${Ms}),"")`,
      weight: '""',
    };
  const complete = `AND(${u}>0,COUNT(${A})=${u},COUNTIF(${D},">0")=${u})`;
  const withWeight = `COUNTIF(${D},">0")`;
  return {
    actual: `IF(${complete},SUMPRODUCT(${A},${D})/SUM(${D}),"")`,
    milestone: `IF(AND(${withWeight}>0,COUNTIFS(${D},">0",${Ms},">=-${BIG}")=${withWeight}),SUMPRODUCT(${Ms},${D})/SUMIF(${D},">0"),"")`,
    weight: `IF(${complete},SUM(${D}),"")`,
  };
}

/** A month's roll-up by COUNTIFS and SUMIFS over the whole grid: right in any row order. */
function exactMonth(g: GridRanges, m: TemplateMeasure, fy: string, j: number) {
  const b = boundsOf(m);
  const id = `"${m.id.replace(/"/g, '""')}"`;
  const GM = g.range("A");
  const GFY = g.range("C");
  const col = (start: number) => g.range(columnLetter(start + j));
  const A = col(GRID.actual);
  const Ms = col(GRID.milestone);
  const D = col(GRID.denominator);
  const keys = `${GM},${id},${GFY},${fy}`;
  const units = `COUNTIFS(${keys})`;
  const ok = (range: string) => `${range},">=${b.lo}",${range},"<=${b.hi}"`;
  // A unit's point is usable when its actual is in range and its milestone and denominator
  // cells are blank or valid (the reader marks any other point as a data error).
  const mOk = [`${Ms},""`, ok(Ms)];
  if (b.additive) {
    const good = mOk
      .flatMap((mc) => [`${D},""`, `${D},">=0"`].map((dc) => `COUNTIFS(${keys},${ok(A)},${mc},${dc})`))
      .join("+");
    const actual = `IF(AND(${units}>0,${good}=${units}),SUMIFS(${A},${keys}),"")`;
    const milestone = `IF(AND(${units}>0,COUNTIFS(${keys},${ok(Ms)})=${units}),SUMIFS(${Ms},${keys}),"")`;
    return { actual, milestone, weight: '""' };
  }
  // A unit whose denominator is not above 0 carries no weight (its product would still count in
  // a plain SUMPRODUCT when the denominator is negative).
  const weighted = (range: string) => `SUMPRODUCT(--(${GM}=${id}),--(${GFY}=${fy}),--(${D}>0),${range},${D})`;
  const withWeight = `COUNTIFS(${keys},${D},">0")`;
  const good = mOk.map((mc) => `COUNTIFS(${keys},${ok(A)},${D},">0",${mc})`).join("+");
  const complete = `AND(${units}>0,${good}=${units})`;
  const actual = `IF(${complete},${weighted(A)}/SUMIFS(${D},${keys}),"")`;
  const milestone = `IF(AND(${withWeight}>0,COUNTIFS(${keys},${D},">0",${ok(Ms)})=${withWeight}),${weighted(Ms)}/SUMIFS(${D},${keys},${D},">0"),"")`;
  const weight = `IF(${complete},SUMIFS(${D},${keys}),"")`;
  return { milestone, actual, weight };
}

/** A 12-month row reference on the Dashboard. */
export interface BlockRows {
  milestone: string;
  actual: string;
  weight: string;
  /** Prior fiscal years, newest first: actual and weight rows. */
  prior: { actual: string; weight: string }[];
}

/** Year-to-date combination over a 12-cell row, up to month n, as the engine's rangeAggregate. */
export function ytdOf(values: string, weights: string, additive: boolean, n: string): string {
  const upTo = `MonthNo,"<="&${n}`;
  const full = `COUNTIFS(${values},">=-${BIG}",${upTo})<${n}`;
  if (additive) return `IF(OR(${n}=0,${full}),"",SUMIFS(${values},${upTo}))`;
  const weighted = `SUMPRODUCT(${values},${weights},--(MonthNo<=${n}))/SUMIFS(${weights},${upTo})`;
  return `IF(OR(${n}=0,${full}),"",IF(COUNTIFS(${weights},">0",${upTo})=${n},${weighted},SUMIFS(${values},${upTo})/${n}))`;
}

/** Status of a program row from its cells (same rules as a unit row, plus roll-up completeness). */
export function programStatus(cells: {
  units: string;
  /** Units with a usable actual this period. */
  reporting: string;
  /** Units with a usable actual and a weight (counts: every reporting unit). */
  weighted: string;
  actual: string;
  metric: string;
  earlier: string;
  ytdGap: string;
  kind: string;
  direction: string;
}): string {
  const c = cells;
  const m = roundRule(c.metric);
  const on = `IF(${c.direction}="band",1,IF(${c.kind}="rate",-2,0.95))`;
  const risk = `IF(${c.direction}="band",0.5,IF(${c.kind}="rate",-5,0.85))`;
  return [
    `IF(${c.units}<2,"",`,
    `IF(AND(${c.reporting}>0,${c.weighted}<${c.units}),"${STATUS_LABELS["insufficient-data"]}",`,
    `IF(${c.actual}="",IF(${c.earlier}>0,"${STATUS_LABELS.stale}","${STATUS_LABELS["no-data"]}"),`,
    `IF(${c.ytdGap},"${STATUS_LABELS["insufficient-data"]}",`,
    `IF(${c.metric}="","${STATUS_LABELS["insufficient-data"]}",`,
    `IF(${m}>=${on},"${STATUS_LABELS["on-track"]}",IF(${m}>=${risk},"${STATUS_LABELS["at-risk"]}","${STATUS_LABELS["off-track"]}")))))))`,
  ].join("");
}
