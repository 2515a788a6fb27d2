/**
 * The one scorecard index: every measure x unit laid out as dense typed arrays by period
 * (NaN = missing), with one period key and one notion of a usable cell. Built once per scorecard
 * by the caller and passed to checks, forecasts and flags, so they all judge the same cells.
 * No module-level caches: what is derived later (year summaries) lives on the index itself.
 */
import type { CellRef, Finding, MeasureDef, Observation, Scorecard, UnitDef } from "../model";
import { FIELDS, SeriesPool, type Field } from "./pool";
import type { YearSummary } from "./years";

export { SeriesPool };

export interface SeriesData {
  measure: MeasureDef;
  unit: string;
  /** Monthly (`YYYY-MM`, positions are months) or yearly (`YYYY`, positions are fiscal years). */
  monthly: boolean;
  /** Month index (monthly) or year (yearly) of position 0. */
  start: number;
  length: number;
  /**
   * The usable actual, the one notion of a usable cell that checks, forecasts and detectors read:
   * NaN where there is no row, the cell is blank or not a number, or a data error hit the row (`bad`).
   */
  actual: Float64Array;
  /**
   * The other values as read (NaN = blank). In an indexed series a field no row of the scorecard
   * has is a view of one shared NaN buffer: read-only, like every array of the index.
   */
  milestone: Float64Array;
  target: Float64Array;
  numerator: Float64Array;
  denominator: Float64Array;
  priorActual: Float64Array;
  /** 1 where a data-quality error (a finding of severity "error") hit the row. */
  bad: Uint8Array;
  /** 1 where the file has a row for the period. */
  present: Uint8Array;
  /** 1 where the row gave a number as its actual, even if a data error made it unusable: the unit did report. */
  reported: Uint8Array;
  /** Index into `observations` of each position's row, -1 where none. */
  rowOf: Int32Array;
  observations: Observation[];
  /** Targets from `YYYY` rows of a monthly series: the fiscal year's target (the first row wins). */
  yearTargets: Map<number, number>;
  /** Rows for a period that already had one (the first row is used; these are for the duplicate check). */
  duplicates: Observation[];
  /** Fiscal-year summaries, filled on first use by `yearSummaries` (part of the index, not a hidden cache). */
  years?: YearSummary[];
}

export interface ScorecardIndex {
  series: SeriesData[];
  byMeasure: Map<string, SeriesData[]>;
  measures: Map<string, MeasureDef>;
  units: UnitDef[];
  fyStartMonth: number;
  /** Rows no series holds: their measure is not defined, or their period is neither YYYY nor YYYY-MM. */
  orphans: Observation[];
  /** Why cells are unusable beyond the parser's own findings: one finding per kind of orphan. */
  findings: Finding[];
}

/**
 * The one period key: the month index for `YYYY-MM`, the year for `YYYY`, -1 otherwise. Reads
 * char codes, no regex or allocation per row. Example: `periodKey("2026-01") === 24312`.
 */
export function periodKey(period: string): number {
  if (period.length === 7) {
    if (period.charCodeAt(4) !== 45) return -1;
    const year = digits(period, 0, 4);
    const month = digits(period, 5, 7);
    return year < 0 || month < 1 || month > 12 ? -1 : year * 12 + month - 1;
  }
  return period.length === 4 ? digits(period, 0, 4) : -1;
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** One series' grain and span while the rows are read. */
interface Span {
  measure: MeasureDef;
  unit: string;
  monthly: boolean;
  monthLo: number;
  monthHi: number;
  yearLo: number;
  yearHi: number;
}

/**
 * Index a scorecard. `dataFindings` are the reader's findings: an error on a measure x unit x
 * period makes that row's cells unusable for every consumer. Two passes over the rows, one
 * shared buffer. Example: `indexScorecard(parsed.scorecard, parsed.findings).series.length`.
 */
export function indexScorecard(scorecard: Scorecard, dataFindings: readonly Finding[] = []): ScorecardIndex {
  const measures = new Map(scorecard.measures.map((m) => [m.id, m] as const));
  const obs = scorecard.observations;
  const n = obs.length;
  const keys = new Int32Array(n);
  const seriesOf = new Int32Array(n).fill(-1);
  const placer = new RowPlacer(measures, keys, seriesOf);
  // The loop only calls: the per-row work lives in a method, which is optimized after a few calls.
  // Written inline, the first index of a process ran the whole first pass unoptimized (its
  // on-stack replacement was compiled but never entered), three times slower than later runs.
  for (let r = 0; r < n; r++) placer.place(obs[r], r);
  const { ids, spans, orphans, seen } = placer;
  let total = 0;
  let longest = 0;
  for (const sp of spans) {
    const width = sp.monthly ? sp.monthHi - sp.monthLo + 1 : sp.yearHi - sp.yearLo + 1;
    if (width > 0) total += width; // a series of orphaned rows only has none
    if (width > longest) longest = width;
  }
  const fields = new Set(FIELDS.filter((f, k) => f === "actual" || seen & (1 << k)));
  const pool = new SeriesPool(total, fields, longest);
  const built: (SeriesData | undefined)[] = new Array<SeriesData | undefined>(spans.length);
  const series: SeriesData[] = [];
  const byMeasure = new Map<string, SeriesData[]>();
  for (let id = 0; id < spans.length; id++) {
    const sp = spans[id];
    const lo = sp.monthly ? sp.monthLo : sp.yearLo;
    const hi = sp.monthly ? sp.monthHi : sp.yearHi;
    if (!(lo <= hi)) continue; // only orphaned rows
    const s = emptySeries(sp.measure, sp.unit, sp.monthly, lo, hi - lo + 1, pool, obs, NO_YEAR_TARGETS);
    built[id] = s;
    series.push(s);
    let list = byMeasure.get(sp.measure.id);
    if (!list) byMeasure.set(sp.measure.id, (list = []));
    list.push(s);
  }
  for (let r = 0; r < n; r++) {
    const id = seriesOf[r];
    if (id >= 0) fillRow(built[id]!, obs[r], r, keys[r]);
  }
  for (const f of dataFindings) {
    if (f.severity !== "error" || !f.measure || !f.unit || !f.period) continue;
    const id = ids.get(f.measure)?.get(f.unit);
    const s = id === undefined ? undefined : built[id];
    if (!s) continue;
    const key = periodKey(f.period);
    if (key < 0 || (f.period.length === 7) !== s.monthly) continue;
    const i = key - s.start;
    if (i < 0 || i >= s.length) continue;
    s.bad[i] = 1;
    s.actual[i] = NaN;
  }
  return {
    series,
    byMeasure,
    measures,
    units: scorecard.units,
    fyStartMonth: scorecard.fyStartMonth,
    orphans,
    findings: orphanFindings(orphans, measures),
  };
}

/**
 * The first pass of `indexScorecard`, one row at a time: the row's period key and series (-1 for
 * an orphan), each series' span, and which value fields any row has.
 */
class RowPlacer {
  // Nested maps, not concatenated keys: 720,000 rows should not mean 720,000 new strings.
  readonly ids = new Map<string, Map<string, number>>();
  readonly spans: Span[] = [];
  readonly orphans: Observation[] = [];
  /** Which value fields any row has, as bits of FIELDS. */
  seen = 0;
  private lastMeasure: string | undefined = undefined;
  private lastUnit: string | undefined = undefined;
  private lastId = -1;

  constructor(
    private readonly measures: Map<string, MeasureDef>,
    private readonly keys: Int32Array,
    private readonly seriesOf: Int32Array,
  ) {}

  place(o: Observation, r: number): void {
    const key = periodKey(o.period);
    this.keys[r] = key;
    let id: number;
    // Rows usually arrive grouped by measure and unit: the last series skips the maps.
    if (o.unit === this.lastUnit && o.measure === this.lastMeasure) id = this.lastId;
    else {
      const measure = this.measures.get(o.measure);
      if (!measure) {
        this.orphans.push(o);
        return;
      }
      let byUnit = this.ids.get(o.measure);
      if (!byUnit) this.ids.set(o.measure, (byUnit = new Map()));
      let found = byUnit.get(o.unit);
      if (found === undefined) {
        found = this.spans.length;
        byUnit.set(o.unit, found);
        this.spans.push({
          measure,
          unit: o.unit,
          monthly: false,
          monthLo: Infinity,
          monthHi: -Infinity,
          yearLo: Infinity,
          yearHi: -Infinity,
        });
      }
      id = found;
      this.lastMeasure = o.measure;
      this.lastUnit = o.unit;
      this.lastId = id;
    }
    if (key < 0) {
      this.orphans.push(o);
      return;
    }
    this.seriesOf[r] = id;
    if (this.seen !== ALL_FIELDS) this.seen |= fieldBits(o);
    const span = this.spans[id];
    if (o.period.length === 7) {
      span.monthly = true;
      if (key < span.monthLo) span.monthLo = key;
      if (key > span.monthHi) span.monthHi = key;
    } else {
      if (key < span.yearLo) span.yearLo = key;
      if (key > span.yearHi) span.yearHi = key;
    }
  }
}

const ALL_FIELDS = 0b111110;

/**
 * The year targets of an indexed series that has none: one shared empty map, never written (the
 * index replaces it on a series' first YYYY target), instead of 20,000 empty maps.
 */
const NO_YEAR_TARGETS = new Map<number, number>();

/** Bits of the value fields an observation has (bit k for FIELDS[k]; the actual is always kept). */
function fieldBits(o: Observation): number {
  return (
    (o.milestone !== undefined ? 2 : 0) |
    (o.target !== undefined ? 4 : 0) |
    (o.numerator !== undefined ? 8 : 0) |
    (o.denominator !== undefined ? 16 : 0) |
    (o.priorActual !== undefined ? 32 : 0)
  );
}

/** One observation into its series: the first row for a period wins, later ones are duplicates. */
function fillRow(s: SeriesData, o: Observation, row: number, key: number): void {
  if (s.monthly && o.period.length === 4) {
    // A YYYY row beside monthly rows carries the fiscal year's target.
    const t = o.target;
    if (!Number.isFinite(t) || s.yearTargets.has(key)) return;
    if (s.yearTargets === NO_YEAR_TARGETS) s.yearTargets = new Map();
    s.yearTargets.set(key, t!);
    return;
  }
  const i = key - s.start;
  if (s.present[i]) {
    s.duplicates.push(o);
    return;
  }
  s.present[i] = 1;
  s.rowOf[i] = row;
  // Only finite numbers are values: NaN or Infinity from a hand-built scorecard counts as blank.
  const a = o.actual;
  if (Number.isFinite(a)) {
    s.actual[i] = a!;
    s.reported[i] = 1;
  }
  if (Number.isFinite(o.milestone)) s.milestone[i] = o.milestone!;
  if (Number.isFinite(o.target)) s.target[i] = o.target!;
  if (Number.isFinite(o.numerator)) s.numerator[i] = o.numerator!;
  if (Number.isFinite(o.denominator)) s.denominator[i] = o.denominator!;
  if (Number.isFinite(o.priorActual)) s.priorActual[i] = o.priorActual!;
}

function orphanFindings(orphans: Observation[], measures: Map<string, MeasureDef>): Finding[] {
  const findings: Finding[] = [];
  const unknown = new Set<string>();
  for (const o of orphans) if (!measures.has(o.measure)) unknown.add(o.measure);
  for (const m of unknown) {
    findings.push({
      severity: "warning",
      code: "flags.unknown-measure",
      message: `Rows for measure "${m}" were skipped: the measure is not defined.`,
      fix: "Define the measure (its kind and direction) or correct its name.",
      measure: m,
    });
  }
  const badPeriods = orphans.filter((o) => measures.has(o.measure));
  if (badPeriods.length > 0) {
    const o = badPeriods[0];
    findings.push({
      severity: "warning",
      code: "flags.bad-period",
      message: `${badPeriods.length} row(s) have a period that is neither YYYY nor YYYY-MM (first: "${o.period}") and were skipped.`,
      fix: "Write periods as YYYY-MM for months or YYYY for fiscal years.",
      where: o.source,
      measure: o.measure,
      unit: o.unit,
    });
  }
  return findings;
}

/**
 * A series with every value missing, for derived series such as roll-ups: write only usable
 * actuals, and mark the rest `bad`. Example: `emptySeries(m, "All units", true, 24312, 12).actual[0]` is NaN.
 */
export function emptySeries(
  measure: MeasureDef,
  unit: string,
  monthly: boolean,
  start: number,
  length: number,
  pool: SeriesPool = new SeriesPool(length),
  observations: Observation[] = [],
  yearTargets: Map<number, number> = new Map(),
): SeriesData {
  const rowOf = pool.ints(length);
  const field = (f: Field) => pool.floats(f, length);
  const series: SeriesData = {
    measure,
    unit,
    monthly,
    start,
    length,
    actual: field("actual"),
    milestone: field("milestone"),
    target: field("target"),
    numerator: field("numerator"),
    denominator: field("denominator"),
    priorActual: field("priorActual"),
    bad: pool.bytes(length),
    present: pool.bytes(length),
    reported: pool.bytes(length),
    rowOf,
    observations,
    yearTargets,
    duplicates: [],
  };
  pool.next(length);
  return series;
}

/** Where a position's row came from, for findings. Example: `sourceAt(s, 3)?.address`. */
export function sourceAt(s: SeriesData, position: number): CellRef | undefined {
  if (position < 0 || position >= s.length) return undefined;
  const row = s.rowOf[position];
  return row >= 0 ? s.observations[row]?.source : undefined;
}
