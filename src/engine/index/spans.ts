/**
 * The first pass's bookkeeping for building the index (build.ts): each series' span while the
 * rows are read, finding a row's series, each series' place in the buffers after the pass, and
 * the findings for rows no series can hold.
 */
import type { Finding, MeasureDef, Observation } from "../model";
import { FIELDS } from "./pool";

const FIELD_COUNT = FIELDS.length;

/** One series' grain, span, fields and extra rows while the rows are read. */
export interface Span {
  measure: MeasureDef;
  unit: string;
  monthly: boolean;
  monthLo: number;
  monthHi: number;
  yearLo: number;
  yearHi: number;
  /**
   * Which value fields its monthly rows and its yearly rows have, as bits of FIELDS (the actual,
   * bit 0, is always kept): a monthly series' arrays hold only what its monthly rows give.
   */
  monthFields: number;
  yearFields: number;
  yearTargets: Map<number, number> | undefined;
  duplicates: Observation[] | undefined;
  /** The first and last rows and keys seen, and whether each row followed the one before (next row, next period). */
  firstRow: number;
  lastRow: number;
  firstKey: number;
  lastKey: number;
  /** Period length (7 or 4) of the first row. */
  grain: number;
  consecutive: boolean;
}

/**
 * True when a series' rows are consecutive observations, one per period from its first to its
 * last in order (the usual long file): position i is then row firstRow + i, with no gaps or extra
 * rows, and its row numbers need no array.
 */
export function consecutive(span: Span): boolean {
  const lo = span.monthly ? span.monthLo : span.yearLo;
  const hi = span.monthly ? span.monthHi : span.yearHi;
  return span.consecutive && span.firstKey === lo && span.lastKey === hi;
}

/**
 * Each series' place in the buffers: its first key and width, the offset of its row numbers (-1
 * for consecutive rows) and of each field it has. Returns the buffers' sizes and the longest
 * series. A function of its own: the loop compiled on the stack in one index, with the code after
 * it never run, was thrown away when that code ran and compiled again in the next index.
 */
export function layOut(
  spans: Span[],
  start: Int32Array,
  width: Int32Array,
  base: Int32Array,
  fieldAt: Int32Array,
): { positions: number; floats: number; longest: number } {
  let positions = 0;
  let floats = 0;
  let longest = 0;
  for (let id = 0; id < spans.length; id++) {
    const sp = spans[id];
    const lo = sp.monthly ? sp.monthLo : sp.yearLo;
    const hi = sp.monthly ? sp.monthHi : sp.yearHi;
    if (!(lo <= hi)) continue; // only orphaned rows: width 0
    const w = hi - lo + 1;
    start[id] = lo;
    width[id] = w;
    if (consecutive(sp)) base[id] = -1;
    else {
      base[id] = positions;
      positions += w;
    }
    if (w > longest) longest = w;
    const fields = sp.monthly ? sp.monthFields : sp.yearFields;
    for (let k = 0; k < FIELD_COUNT; k++) {
      if (!(fields & (1 << k))) continue;
      fieldAt[id * FIELD_COUNT + k] = floats;
      floats += w;
    }
  }
  return { positions, floats, longest };
}

/** Rows usually arrive grouped by measure and unit: the last series found skips the maps. */
export class SeriesFinder {
  // Nested maps, not concatenated keys: 720,000 rows should not mean 720,000 new strings.
  readonly ids = new Map<string, Map<string, number>>();
  // Strings from the start, and not compared before a series is found: a first comparison with
  // undefined threw away the code compiled for the index before, in each new index.
  private lastMeasure = "";
  private lastUnit = "";
  private lastId = -1;

  /** The series id of a row, -1 when none has been made for its measure and unit. */
  find(o: Observation): number {
    if (this.lastId >= 0 && o.unit === this.lastUnit && o.measure === this.lastMeasure) return this.lastId;
    const id = this.ids.get(o.measure)?.get(o.unit);
    if (id === undefined) return -1;
    this.lastMeasure = o.measure;
    this.lastUnit = o.unit;
    this.lastId = id;
    return id;
  }
}

/** One finding per kind of orphan: rows of an undefined measure, and rows whose period is not one. */
export function orphanFindings(orphans: Observation[], measures: Map<string, MeasureDef>): Finding[] {
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
