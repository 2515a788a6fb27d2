/**
 * Observations laid out as dense arrays per measure x unit (NaN = missing), so a check is
 * index arithmetic: year to date, same period last year and trends are slices.
 * Built once per scorecard; 720,000 points fit in a few flat Float64Arrays.
 */
import type { Finding, MeasureDef, Observation, Scorecard } from "../model";
import { isMonth, isYear, monthIndex } from "../period";

export interface SeriesData {
  measure: MeasureDef;
  unit: string;
  /** Monthly (`YYYY-MM`, positions are months) or yearly (`YYYY`, positions are fiscal years). */
  monthly: boolean;
  /** Month index (monthly) or year (yearly) of position 0. */
  start: number;
  length: number;
  actual: Float64Array;
  milestone: Float64Array;
  target: Float64Array;
  numerator: Float64Array;
  denominator: Float64Array;
  priorActual: Float64Array;
  /** 1 where a data-quality error hit the row, so its actual cannot be trusted. */
  bad: Uint8Array;
  /** 1 where the file has a row for the period. */
  present: Uint8Array;
  obs: (Observation | undefined)[];
  /** Targets from `YYYY` rows of a monthly series: the fiscal year's target. */
  yearTargets: Map<number, number>;
}

export interface ScorecardIndex {
  series: SeriesData[];
  byMeasure: Map<string, SeriesData[]>;
  measures: Map<string, MeasureDef>;
  fyStartMonth: number;
}

const FIELDS = ["actual", "milestone", "target", "numerator", "denominator", "priorActual"] as const;

/** Group a scorecard into dense series. Example: `indexScorecard(card, parsed.findings).series.length`. */
export function indexScorecard(scorecard: Scorecard, dataFindings: Finding[] = []): ScorecardIndex {
  const measures = new Map(scorecard.measures.map((m) => [m.id, m] as const));
  const badKeys = new Set<string>();
  for (const f of dataFindings) {
    if (f.severity === "error" && f.measure && f.unit && f.period)
      badKeys.add(key3(f.measure, f.unit, f.period));
  }
  const groups = new Map<string, Observation[]>();
  for (const o of scorecard.observations) {
    const k = `${o.measure}\u0000${o.unit}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(o);
  }
  const series: SeriesData[] = [];
  const byMeasure = new Map<string, SeriesData[]>();
  for (const rows of groups.values()) {
    const measure = measures.get(rows[0].measure) ?? {
      id: rows[0].measure,
      name: rows[0].measure,
      kind: "count",
      direction: "up",
    };
    const s = buildSeries(measure, rows[0].unit, rows, badKeys);
    if (!s) continue;
    series.push(s);
    let list = byMeasure.get(measure.id);
    if (!list) byMeasure.set(measure.id, (list = []));
    list.push(s);
  }
  return { series, byMeasure, measures, fyStartMonth: scorecard.fyStartMonth };
}

function key3(measure: string, unit: string, period: string): string {
  return `${measure}\u0000${unit}\u0000${period}`;
}

function buildSeries(
  measure: MeasureDef,
  unit: string,
  rows: Observation[],
  badKeys: Set<string>,
): SeriesData | undefined {
  const monthly = rows.some((o) => isMonth(o.period));
  const positionOf = (o: Observation): number | undefined =>
    monthly
      ? isMonth(o.period)
        ? monthIndex(o.period)
        : undefined
      : isYear(o.period)
        ? Number(o.period)
        : undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const o of rows) {
    const p = positionOf(o);
    if (p === undefined) continue;
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  if (lo === Infinity) return undefined;
  const length = hi - lo + 1;
  const s = emptySeries(measure, unit, monthly, lo, length);
  for (const o of rows) {
    const p = positionOf(o);
    if (p === undefined) {
      // A YYYY row beside monthly rows carries the fiscal year's target.
      if (o.target !== undefined && isYear(o.period)) s.yearTargets.set(Number(o.period), o.target);
      continue;
    }
    const i = p - lo;
    if (s.present[i]) continue;
    s.present[i] = 1;
    s.obs[i] = o;
    for (const f of FIELDS) {
      const v = o[f];
      if (v !== undefined && Number.isFinite(v)) s[f][i] = v;
    }
    if (badKeys.has(key3(o.measure, o.unit, o.period))) s.bad[i] = 1;
  }
  return s;
}

/** A series with every value missing. Example: `emptySeries(m, "All units", true, 24312, 12).actual[0]` is NaN. */
export function emptySeries(
  measure: MeasureDef,
  unit: string,
  monthly: boolean,
  start: number,
  length: number,
): SeriesData {
  const nan = () => new Float64Array(length).fill(NaN);
  return {
    measure,
    unit,
    monthly,
    start,
    length,
    actual: nan(),
    milestone: nan(),
    target: nan(),
    numerator: nan(),
    denominator: nan(),
    priorActual: nan(),
    bad: new Uint8Array(length),
    present: new Uint8Array(length),
    obs: new Array<Observation | undefined>(length),
    yearTargets: new Map(),
  };
}

/** The value at a position, undefined when missing or outside the series. Example: `at(s.actual, 3)`. */
export function at(values: Float64Array, position: number): number | undefined {
  if (position < 0 || position >= values.length) return undefined;
  const v = values[position];
  return Number.isNaN(v) ? undefined : v;
}

/** The plan for a period: its milestone, else its target. Example: `planAt(s, 3)`. */
export function planAt(s: SeriesData, position: number): number | undefined {
  return at(s.milestone, position) ?? at(s.target, position);
}

/** A usable actual: present, a number, and not hit by a data error. Example: `goodActualAt(s, 3)`. */
export function goodActualAt(s: SeriesData, position: number): number | undefined {
  if (position < 0 || position >= s.length || s.bad[position]) return undefined;
  return at(s.actual, position);
}

/** Positions of the fiscal year to date ending at a position (one position for yearly series). Example: `ytdRange(s, 5, 10)`. */
export function ytdRange(s: SeriesData, position: number, fyStartMonth: number): [number, number] {
  if (!s.monthly) return [position, position];
  const month = ((((s.start + position) % 12) + 12) % 12) + 1;
  const offset = (month - fyStartMonth + 12) % 12;
  return [position - offset, position];
}

/** The fiscal year of a position. Example: `fiscalYearAt(s, 0, 10)`. */
export function fiscalYearAt(s: SeriesData, position: number, fyStartMonth: number): number {
  if (!s.monthly) return s.start + position;
  const idx = s.start + position;
  const year = Math.floor(idx / 12);
  const month = (idx % 12) + 1;
  return fyStartMonth === 1 || month < fyStartMonth ? year : year + 1;
}

/** Positions per period of the same period last year: 12 for months, 1 for years. Example: `lagOneYear(s) === 12`. */
export function lagOneYear(s: SeriesData): number {
  return s.monthly ? 12 : 1;
}
