/**
 * The long CSV's observations as columns: a typed array per number field and per key, shared by
 * every observation of one file, and per observation a small record (the columns and its row)
 * whose fields are getters over them.
 *
 * Why: 720,000 observations as plain objects, each with its own source cell and boxed numbers,
 * kept about 190 MB; fresh memory costs ~15 µs per 4 KB page on the bench VM, so keeping them was
 * a third of the parse. Reading a field gives what the plain object held; assigning one keeps the
 * assigned value; `JSON.stringify` writes the same keys in the same order as before.
 */
import type { CellRef, Observation } from "../model";
import { CsvCell } from "./cell";
import { INSPECT, assignableGetters } from "../leanRecord";

/** The number fields of an observation, in the order its JSON has always listed them. */
export const VALUE_FIELDS = [
  "target",
  "actual",
  "milestone",
  "numerator",
  "denominator",
  "priorActual",
] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** A bit per value field in `present`: set when the row holds that number. */
export const BIT = {
  target: 1,
  actual: 2,
  milestone: 4,
  numerator: 8,
  denominator: 16,
  priorActual: 32,
} as const satisfies Record<ValueField, number>;
/** Any value field. */
export const ANY_VALUE = 63;
// The actual was dropped and then worked out from numerator / denominator: the plain object it
// replaces gained the key again at its end, so its JSON lists actual last.
const ACTUAL_LAST = 64;

const NONE = new Float64Array(0);
const NO_LINES = new Int32Array(0);

/**
 * One file's observations, column by column. Example: after `const i = rows.add(2, 0, 0)` and
 * `rows.put(i, "actual", 9)`, `rows.record(i).actual === 9`.
 */
export class ObservationColumns {
  /** Per series id: its measure and its unit. */
  readonly measureOf: string[] = [];
  readonly unitOf: string[] = [];
  /** Per period id: the period. */
  readonly periods: string[] = [];
  length = 0;
  /** How many rows the columns hold room for. */
  capacity: number;
  // Per row, its line: made only once a row is not on the line after the row before it. Until
  // then row i is on line firstLine + i, and a 720,000-row file keeps 2.9 MB fewer of fresh pages.
  private lines = NO_LINES;
  private firstLine = 0;
  series: Int32Array;
  period: Int32Array;
  /** Per row, a BIT for each value field it holds. */
  present: Uint8Array;
  // A column the file does not have stays empty (no row's bit is set) until a value is put in it.
  target = NONE;
  actual = NONE;
  milestone = NONE;
  numerator = NONE;
  denominator = NONE;
  priorActual = NONE;

  constructor(
    readonly sheet: string,
    /** The 1-based column every row's source cell names. */
    readonly sourceColumn: number,
    capacity: number,
    fields: readonly ValueField[],
  ) {
    this.capacity = capacity;
    this.series = new Int32Array(capacity);
    this.period = new Int32Array(capacity);
    this.present = new Uint8Array(capacity);
    for (const f of fields) this[f] = new Float64Array(capacity);
  }

  /** A new row for a series and period read on `line`; returns its index. */
  add(line: number, series: number, period: number): number {
    const i = this.length;
    if (i === this.capacity) this.grow();
    if (this.lines !== NO_LINES) this.lines[i] = line;
    else if (i === 0) this.firstLine = line;
    else if (line !== this.firstLine + i) this.spreadLines(i, line);
    this.series[i] = series;
    this.period[i] = period;
    this.length = i + 1;
    return i;
  }

  /** The line row `i` was read on. */
  line(i: number): number {
    return this.lines === NO_LINES ? this.firstLine + i : this.lines[i];
  }

  has(i: number, f: ValueField): boolean {
    return (this.present[i] & BIT[f]) !== 0;
  }

  /** The row's number for `f`, or undefined when it holds none. */
  get(i: number, f: ValueField): number | undefined {
    return this.present[i] & BIT[f] ? this[f][i] : undefined;
  }

  put(i: number, f: ValueField, value: number): void {
    if (this[f] === NONE) this[f] = new Float64Array(this.capacity);
    this[f][i] = value;
    this.present[i] |= BIT[f];
  }

  /** Drop the row's number for `f`, as `delete` did on the plain object. */
  drop(i: number, f: ValueField): void {
    this.present[i] &= ~BIT[f];
  }

  /** The actual worked out after the file's own was dropped (its key then came last). */
  putMovedActual(i: number, value: number, moved: boolean): void {
    this.put(i, "actual", value);
    if (moved) this.present[i] |= ACTUAL_LAST;
  }

  /** "Cases / North / 2026-07", as findings name a row. */
  describe(i: number): string {
    return `${this.measureOf[this.series[i]]} / ${this.unitOf[this.series[i]]} / ${this.periods[this.period[i]]}`;
  }

  keys(i: number): { measure: string; unit: string; period: string } {
    const s = this.series[i];
    return { measure: this.measureOf[s], unit: this.unitOf[s], period: this.periods[this.period[i]] };
  }

  /** The row's observation. */
  record(i: number): Observation {
    return new CsvObservation(this, i);
  }

  /** Row `i` is on `line`, not the line after the row before it: keep each row's line from now. */
  private spreadLines(i: number, line: number): void {
    this.lines = new Int32Array(this.capacity);
    for (let k = 0; k < i; k++) this.lines[k] = this.firstLine + k;
    this.lines[i] = line;
  }

  private grow(): void {
    const size = Math.max(16, Math.ceil(this.capacity * 1.5));
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    if (this.lines !== NO_LINES) this.lines = widen(this.lines, (n) => new Int32Array(n));
    this.series = widen(this.series, (n) => new Int32Array(n));
    this.period = widen(this.period, (n) => new Int32Array(n));
    this.present = widen(this.present, (n) => new Uint8Array(n));
    for (const f of VALUE_FIELDS) if (this[f] !== NONE) this[f] = widen(this[f], (n) => new Float64Array(n));
    this.capacity = size;
  }
}

const COLUMNS = Symbol("columns");
const ROW = Symbol("row");
// Node's util.inspect hook, by its registered name, so the engine imports nothing from Node.

/**
 * One observation of a long CSV: its columns and row, every field a getter. One class for every
 * file, so code that reads many observations sees one hidden class. A spread or structuredClone
 * copies no field (they live on the prototype): copy with `plainObservation`.
 */
export class CsvObservation implements Observation {
  [COLUMNS]: ObservationColumns;
  [ROW]: number;

  constructor(columns: ObservationColumns, row: number) {
    this[COLUMNS] = columns;
    this[ROW] = row;
  }

  get measure(): string {
    const c = this[COLUMNS];
    return c.measureOf[c.series[this[ROW]]];
  }

  get unit(): string {
    const c = this[COLUMNS];
    return c.unitOf[c.series[this[ROW]]];
  }

  get period(): string {
    const c = this[COLUMNS];
    return c.periods[c.period[this[ROW]]];
  }

  /** A fresh cell each read: almost none is ever read, so none is kept. */
  get source(): CellRef | undefined {
    const c = this[COLUMNS];
    return new CsvCell(c.sheet, c.line(this[ROW]), c.sourceColumn);
  }

  get target(): number | undefined {
    const c = this[COLUMNS];
    const i = this[ROW];
    return c.present[i] & BIT.target ? c.target[i] : undefined;
  }

  get actual(): number | undefined {
    const c = this[COLUMNS];
    const i = this[ROW];
    return c.present[i] & BIT.actual ? c.actual[i] : undefined;
  }

  get milestone(): number | undefined {
    const c = this[COLUMNS];
    const i = this[ROW];
    return c.present[i] & BIT.milestone ? c.milestone[i] : undefined;
  }

  get numerator(): number | undefined {
    const c = this[COLUMNS];
    const i = this[ROW];
    return c.present[i] & BIT.numerator ? c.numerator[i] : undefined;
  }

  get denominator(): number | undefined {
    const c = this[COLUMNS];
    const i = this[ROW];
    return c.present[i] & BIT.denominator ? c.denominator[i] : undefined;
  }

  get priorActual(): number | undefined {
    const c = this[COLUMNS];
    const i = this[ROW];
    return c.present[i] & BIT.priorActual ? c.priorActual[i] : undefined;
  }

  /** `console.log` and Node's inspector show the fields, not the columns. */
  [INSPECT](): unknown {
    return this.toJSON();
  }

  /** The plain observation, key for key as the reader once built it (source a CsvCell). */
  toJSON(): Observation {
    const o: Observation = {
      measure: this.measure,
      unit: this.unit,
      period: this.period,
      source: this.source,
      target: this.target,
      actual: this.actual,
      milestone: this.milestone,
      numerator: this.numerator,
      denominator: this.denominator,
      priorActual: this.priorActual,
    };
    if (this[COLUMNS].present[this[ROW]] & ACTUAL_LAST) {
      const actual = o.actual;
      delete o.actual;
      o.actual = actual;
    }
    return o;
  }
}

// Assigning a field writes it through: a number into its column (undefined drops it), a key or
// source onto the record itself, as it would have been on the plain object.
assignableGetters(CsvObservation.prototype, VALUE_FIELDS, (record, field, value) => {
  if (value === undefined) record[COLUMNS].drop(record[ROW], field);
  else record[COLUMNS].put(record[ROW], field, value as number);
});
assignableGetters(CsvObservation.prototype, ["measure", "unit", "period", "source"]);

/**
 * A plain copy of an observation, whichever reader made it: what `{ ...o }` gives for a plain one.
 * Example: `plainObservation(parseLongCsv(text).scorecard.observations[0]).actual` is its actual.
 */
export function plainObservation(o: Observation): Observation {
  return o instanceof CsvObservation ? o.toJSON() : { ...o };
}
