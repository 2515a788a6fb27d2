/**
 * Building the one scorecard index from a scorecard's rows: a first pass finds each series and its
 * span, a second writes the values into a few shared buffers, and each series then gets views of
 * them. Fresh memory, not arithmetic, is most of the cost of indexing 720,000 points: every buffer
 * page is one the machine must hand out, and every view an object the garbage collector copies.
 */
import type { Finding, MeasureDef, Observation, Scorecard } from "../model";
import { FIELDS, SharedViews, type Field, type Flag, type SeriesViews } from "./pool";
import { periodKey, Series, type ScorecardIndex, type SeriesData } from "./series";
import { layOut, orphanFindings, SeriesFinder, type Span } from "./spans";

/**
 * Index a scorecard. `dataFindings` are the reader's findings: an error on a measure x unit x
 * period makes that row's cells unusable for every consumer. Two passes over the rows, a few
 * shared buffers. Example: `indexScorecard(parsed.scorecard, parsed.findings).series.length`.
 */
export function indexScorecard(scorecard: Scorecard, dataFindings: readonly Finding[] = []): ScorecardIndex {
  const measures = new Map(scorecard.measures.map((m) => [m.id, m] as const));
  const obs = scorecard.observations;
  const n = obs.length;
  const placer = new RowPlacer(measures);
  // Each loop is its own small function that only calls: the per-row work lives in methods,
  // optimized after a few calls, and a loop's on-stack replacement compiles that loop alone.
  // Written inline, the first index of a process ran the whole first pass unoptimized (its
  // on-stack replacement was compiled but never entered), three times slower than later runs;
  // with the loops in this function, each replacement compiled the whole build again (six
  // compiles of it in the bench's first run, some thrown away at code not yet run).
  // And each is called on chunks of rows or series: called once per index, a loop function was
  // compiled on the stack in the first index and compiled again, whole, in the second (the bench's
  // timed one); called on some forty chunks, it is compiled once, in the first.
  for (let from = 0; from < n; from += ROW_CHUNK) placeRows(placer, obs, from, Math.min(n, from + ROW_CHUNK));
  const buffers = new IndexBuffers(placer.spans, placer.finder);
  for (let from = 0; from < n; from += ROW_CHUNK) fillRows(buffers, obs, from, Math.min(n, from + ROW_CHUNK));
  buffers.settleFlags();
  buffers.markErrors(dataFindings);
  const series: SeriesData[] = [];
  const byMeasure = new Map<string, SeriesData[]>();
  const count = placer.spans.length;
  for (let from = 0; from < count; from += SERIES_CHUNK)
    collectSeries(buffers, from, Math.min(count, from + SERIES_CHUNK), obs, series, byMeasure);
  const { orphans } = placer;
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

/** Rows and series per call of the loop functions below. */
const ROW_CHUNK = 16384;
const SERIES_CHUNK = 512;

function placeRows(placer: RowPlacer, obs: Observation[], from: number, to: number): void {
  for (let r = from; r < to; r++) placer.place(obs[r], r);
}

function fillRows(buffers: IndexBuffers, obs: Observation[], from: number, to: number): void {
  for (let r = from; r < to; r++) buffers.fill(obs[r], r);
}

/**
 * The series `from` to `to` that have a row, in span order, and by measure, into the lists given: nothing follows
 * the loop, so the code compiled on the stack for it in one index is still good in the next
 * (a result object made after the loop had no type feedback and threw that code away).
 */
function collectSeries(
  buffers: IndexBuffers,
  from: number,
  to: number,
  obs: Observation[],
  series: SeriesData[],
  byMeasure: Map<string, SeriesData[]>,
): void {
  for (let id = from; id < to; id++) {
    const s = buffers.series(id, obs);
    if (!s) continue; // only orphaned rows
    series.push(s);
    let list = byMeasure.get(s.measure.id);
    if (!list) byMeasure.set(s.measure.id, (list = []));
    list.push(s);
  }
}

/** The first pass, one row at a time: each row's series, each series' span and fields; orphans aside. */
class RowPlacer {
  readonly finder = new SeriesFinder();
  readonly spans: Span[] = [];
  readonly orphans: Observation[] = [];

  constructor(private readonly measures: Map<string, MeasureDef>) {}

  place(o: Observation, row: number): void {
    let id = this.finder.find(o);
    if (id < 0) {
      const measure = this.measures.get(o.measure);
      if (!measure) {
        this.orphans.push(o);
        return;
      }
      let byUnit = this.finder.ids.get(o.measure);
      if (!byUnit) this.finder.ids.set(o.measure, (byUnit = new Map()));
      byUnit.set(o.unit, this.spans.length);
      this.spans.push({
        measure,
        unit: o.unit,
        monthly: false,
        monthLo: NO_KEY,
        monthHi: -1,
        yearLo: NO_KEY,
        yearHi: -1,
        monthFields: 1,
        yearFields: 1,
        yearTargets: undefined,
        duplicates: undefined,
        firstRow: -1,
        lastRow: -1,
        firstKey: -1,
        lastKey: -1,
        grain: 0,
        consecutive: true,
      });
      id = this.finder.find(o);
    }
    const period = o.period;
    const key = periodKey(period);
    if (key < 0) {
      this.orphans.push(o);
      return;
    }
    const span = this.spans[id];
    if (span.firstRow < 0) {
      span.firstRow = row;
      span.firstKey = key;
      span.grain = period.length;
      span.lastRow = row;
      span.lastKey = key;
    } else if (period.length === 7 || span.grain === 4) {
      if (row !== span.lastRow + 1 || key !== span.lastKey + 1 || period.length !== span.grain)
        span.consecutive = false;
      span.lastRow = row;
      span.lastKey = key;
    }
    // A YYYY row after a series' months only gives a year's target (the second pass keeps it
    // aside): it leaves the months consecutive, so a file that lists each series' months and then
    // its years needs no row numbers. A month after it is not the next row, as it should be.
    // Fields are counted by grain: a YYYY row beside monthly rows only gives the year's target.
    if (period.length === 7) {
      span.monthly = true;
      if (span.monthFields !== ALL_FIELDS) span.monthFields |= fieldBits(o);
      if (key < span.monthLo) span.monthLo = key;
      if (key > span.monthHi) span.monthHi = key;
    } else {
      if (span.yearFields !== ALL_FIELDS) span.yearFields |= fieldBits(o);
      if (key < span.yearLo) span.yearLo = key;
      if (key > span.yearHi) span.yearHi = key;
    }
  }
}

const ALL_FIELDS = 0b111111;
const FIELD_COUNT = FIELDS.length;
/** Above every period key (years up to 9999 as months), so span bounds start as small integers, not Infinity (a boxed double per field). */
const NO_KEY = 0x3fffffff;
const FIELD_INDEX = Object.fromEntries(FIELDS.map((f, k) => [f, k])) as Record<Field, number>;

/** Bits of the value fields an observation has (bit k for FIELDS[k]). */
function fieldBits(o: Observation): number {
  return (
    (o.milestone !== undefined ? 2 : 0) |
    (o.target !== undefined ? 4 : 0) |
    (o.numerator !== undefined ? 8 : 0) |
    (o.denominator !== undefined ? 16 : 0) |
    (o.priorActual !== undefined ? 32 : 0)
  );
}

/** The year targets of a series that has none: one shared empty map, never written. */
const NO_YEAR_TARGETS = new Map<number, number>();
/** The extra rows of a series that has none: one shared empty list, frozen so nothing adds to it. */
const NO_DUPLICATES = Object.freeze([]) as unknown as Observation[];

/**
 * The index's buffers: each series' fields in one Float64Array (only the fields its rows have),
 * its row numbers in one Int32Array (unless its rows are consecutive), and flag arrays only for
 * series whose flags are not uniform.
 * Written by offset during the second pass; `series` then hands out views (as a SeriesViews).
 */
class IndexBuffers implements SeriesViews {
  private readonly start: Int32Array;
  private readonly width: Int32Array;
  /** Offset of each series' positions in `rowOf`, -1 for consecutive rows (they need none). */
  private readonly base: Int32Array;
  /** Offset of each series' field k in `f64` at [id * 6 + k], -1 when no row of it has the field. */
  private readonly fieldAt: Int32Array;
  private readonly f64: Float64Array;
  private readonly rowOf: Int32Array;
  private readonly shared: SharedViews;
  /** Offsets of a series' own flag arrays in `u8`, -1 for the shared all-1 (present, reported) or all-0 (bad) view. */
  private readonly flagAt: Int32Array;
  private u8: Uint8Array = new Uint8Array(0);
  /** The series `series` is building, for the SeriesViews calls. */
  private id = 0;

  constructor(
    private readonly spans: Span[],
    private readonly finder: SeriesFinder,
  ) {
    const count = spans.length;
    this.start = new Int32Array(count);
    this.width = new Int32Array(count);
    this.base = new Int32Array(count);
    this.fieldAt = new Int32Array(count * FIELD_COUNT).fill(-1);
    this.flagAt = new Int32Array(count * 3).fill(-1);
    const { positions, floats, longest } = layOut(spans, this.start, this.width, this.base, this.fieldAt);
    this.f64 = new Float64Array(floats).fill(NaN);
    this.rowOf = new Int32Array(positions).fill(-1);
    this.shared = new SharedViews(longest);
  }

  /** The second pass: one observation into its series; the first row for a period wins. */
  fill(o: Observation, row: number): void {
    const id = this.finder.find(o);
    if (id < 0) return; // its measure is not defined
    if (this.base[id] < 0) {
      // Consecutive rows: the row's place is its distance from the first, with no period to read.
      // Any other row of the series is a YYYY row after the months, or has a period that is not one.
      const i = row - this.spans[id].firstRow;
      if (i >= 0 && i < this.width[id]) this.write(o, id, i);
      else this.yearTarget(o, this.spans[id]);
      return;
    }
    const span = this.spans[id];
    if (span.monthly && o.period.length === 4) return this.yearTarget(o, span);
    const key = periodKey(o.period);
    if (key < 0) return;
    // Rows out of order or with gaps: the first row for a period wins, and its number is kept.
    const i = key - this.start[id];
    const at = this.base[id] + i;
    if (this.rowOf[at] >= 0) {
      (span.duplicates ??= []).push(o);
      return;
    }
    this.rowOf[at] = row;
    this.write(o, id, i);
  }

  /** A YYYY row beside monthly rows carries the fiscal year's target; the first row wins. */
  private yearTarget(o: Observation, span: Span): void {
    if (!span.monthly || o.period.length !== 4) return;
    const key = periodKey(o.period);
    const t = o.target;
    if (key < 0 || !Number.isFinite(t) || span.yearTargets?.has(key)) return;
    (span.yearTargets ??= new Map()).set(key, t!);
  }

  /** A row's values into position i of series id. */
  private write(o: Observation, id: number, i: number): void {
    // Only finite numbers are values: NaN or Infinity from a hand-built scorecard counts as blank.
    // A finite value implies its field is in the span's fields for the row's grain, so its offset is there.
    const v = this.f64;
    const f = this.fieldAt;
    const k = id * FIELD_COUNT;
    if (Number.isFinite(o.actual)) v[f[k] + i] = o.actual!;
    if (Number.isFinite(o.milestone)) v[f[k + 1] + i] = o.milestone!;
    if (Number.isFinite(o.target)) v[f[k + 2] + i] = o.target!;
    if (Number.isFinite(o.numerator)) v[f[k + 3] + i] = o.numerator!;
    if (Number.isFinite(o.denominator)) v[f[k + 4] + i] = o.denominator!;
    if (Number.isFinite(o.priorActual)) v[f[k + 5] + i] = o.priorActual!;
  }

  /**
   * Present and reported flags, for the series where they are not all 1: a period without a row,
   * or a row without a number as its actual (read before data errors blank any actual).
   */
  settleFlags(): void {
    const { width, base, rowOf, f64, fieldAt, flagAt } = this;
    let need = 0;
    for (let id = 0; id < width.length; id++) {
      const w = width[id];
      const b = base[id];
      const a = fieldAt[id * FIELD_COUNT];
      for (let i = 0; b >= 0 && i < w; i++) {
        if (rowOf[b + i] < 0) {
          flagAt[id * 3 + 1] = need;
          need += w;
          break;
        }
      }
      for (let i = 0; i < w; i++) {
        if (f64[a + i] !== f64[a + i]) {
          flagAt[id * 3 + 2] = need;
          need += w;
          break;
        }
      }
    }
    if (need === 0) return;
    const u8 = (this.u8 = new Uint8Array(need));
    for (let id = 0; id < width.length; id++) {
      const w = width[id];
      const b = base[id];
      const a = fieldAt[id * FIELD_COUNT];
      const present = flagAt[id * 3 + 1];
      const reported = flagAt[id * 3 + 2];
      if (present >= 0) for (let i = 0; i < w; i++) u8[present + i] = rowOf[b + i] >= 0 ? 1 : 0;
      if (reported >= 0) for (let i = 0; i < w; i++) u8[reported + i] = f64[a + i] === f64[a + i] ? 1 : 0;
    }
  }

  /** Errors from the reader make their rows' cells unusable: `bad` set, the actual blanked. */
  markErrors(findings: readonly Finding[]): void {
    const hits: number[] = [];
    for (const f of findings) {
      if (f.severity !== "error" || !f.measure || !f.unit || !f.period) continue;
      const id = this.finder.ids.get(f.measure)?.get(f.unit);
      if (id === undefined || this.width[id] === 0) continue;
      const key = periodKey(f.period);
      if (key < 0 || (f.period.length === 7) !== this.spans[id].monthly) continue;
      const i = key - this.start[id];
      if (i < 0 || i >= this.width[id]) continue;
      hits.push(id, i);
    }
    if (hits.length === 0) return;
    // The series hit get their own bad arrays, after the present and reported ones.
    let need = this.u8.length;
    for (let h = 0; h < hits.length; h += 2) {
      const id = hits[h];
      if (this.flagAt[id * 3] < 0) {
        this.flagAt[id * 3] = need;
        need += this.width[id];
      }
    }
    const u8 = new Uint8Array(need);
    u8.set(this.u8);
    this.u8 = u8;
    for (let h = 0; h < hits.length; h += 2) {
      const id = hits[h];
      const i = hits[h + 1];
      u8[this.flagAt[id * 3] + i] = 1;
      this.f64[this.fieldAt[id * FIELD_COUNT] + i] = NaN;
    }
  }

  /** Series `id` as views of the buffers, or undefined for a series of orphaned rows only. */
  series(id: number, observations: Observation[]): SeriesData | undefined {
    const w = this.width[id];
    if (w === 0) return undefined;
    const sp = this.spans[id];
    this.id = id;
    return new Series(
      sp.measure,
      sp.unit,
      sp.monthly,
      this.start[id],
      w,
      this.floats("actual", w),
      this.floats("milestone", w),
      this.floats("target", w),
      this.floats("numerator", w),
      this.floats("denominator", w),
      this.floats("priorActual", w),
      this.flags("bad", w),
      this.flags("present", w),
      this.flags("reported", w),
      this.rows(w),
      observations,
      sp.yearTargets ?? NO_YEAR_TARGETS,
      sp.duplicates ?? NO_DUPLICATES,
    );
  }

  rows(length: number): Int32Array | number {
    const b = this.base[this.id];
    return b < 0 ? this.spans[this.id].firstRow : this.rowOf.subarray(b, b + length);
  }

  floats(field: Field, length: number): Float64Array {
    const at = this.fieldAt[this.id * FIELD_COUNT + FIELD_INDEX[field]];
    // A view made directly, not by subarray (which looks up a constructor for each of 50,000 views).
    return at < 0 ? this.shared.blank(length) : new Float64Array(this.f64.buffer, at * 8, length);
  }

  flags(flag: Flag, length: number): Uint8Array {
    const at = this.flagAt[this.id * 3 + (flag === "bad" ? 0 : flag === "present" ? 1 : 2)];
    if (at >= 0) return this.u8.subarray(at, at + length);
    return flag === "bad" ? this.shared.zeros(length) : this.shared.ones(length);
  }

  next(): void {}
}
