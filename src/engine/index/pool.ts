/**
 * Where a series' arrays come from: fresh writable arrays for a derived series (a roll-up), or
 * views of the index's few shared buffers.
 */

export const FIELDS = ["actual", "milestone", "target", "numerator", "denominator", "priorActual"] as const;
export type Field = (typeof FIELDS)[number];

/** The 0/1 arrays of a series. */
export type Flag = "bad" | "present" | "reported";

/** Hands out one series' arrays; `next` moves on to the following series. */
export interface SeriesViews {
  /**
   * Row numbers, -1 where none; or, for a series whose rows are consecutive observations in
   * period order, the first one's index (the numbers are then made on first read).
   */
  rows(length: number): Int32Array | number;
  /** Values, NaN where missing. */
  floats(field: Field, length: number): Float64Array;
  flags(flag: Flag, length: number): Uint8Array;
  next(length: number): void;
}

/**
 * Fresh writable arrays for series built by hand (roll-ups): NaN-filled floats, zeroed flags and
 * -1 rows, every field, out of three buffers. Example: `new SeriesPool(36)`.
 */
export class SeriesPool implements SeriesViews {
  private readonly f64: Float64Array;
  private readonly u8: Uint8Array;
  private readonly i32: Int32Array;
  private at = 0;
  private readonly positions: number;
  /** Room for `positions` positions of whole series. Example: `new SeriesPool(36 * 20)`. */
  constructor(positions: number) {
    this.positions = positions;
    this.f64 = new Float64Array(positions * FIELDS.length).fill(NaN);
    this.u8 = new Uint8Array(positions * 3);
    this.i32 = new Int32Array(positions).fill(-1);
  }
  rows(length: number): Int32Array {
    return this.i32.subarray(this.at, this.at + length);
  }
  floats(field: Field, length: number): Float64Array {
    const from = FIELDS.indexOf(field) * this.positions + this.at;
    return this.f64.subarray(from, from + length);
  }
  flags(flag: Flag, length: number): Uint8Array {
    const from = (flag === "bad" ? 0 : flag === "present" ? 1 : 2) * this.positions + this.at;
    return this.u8.subarray(from, from + length);
  }
  next(length: number): void {
    this.at += length;
  }
}

/**
 * Read-only arrays many series of an index share, one view per length: all NaN (a field none of a
 * series' rows has), all 1 (every period present, every actual reported) and all 0 (no data error).
 * Most of 20,000 series are complete, so they need no flag arrays of their own: each view is an
 * object the garbage collector copies and each buffer page is memory the machine must hand out.
 */
export class SharedViews {
  private readonly nan: Float64Array;
  private readonly one: Uint8Array;
  private readonly zero: Uint8Array;
  // Views by length in plain arrays, not Maps: seven look-ups per series, 20,000 series per index.
  // Made up front for every length: a view made on a series' first use was a path the compiled
  // look-ups of one index had no feedback for, thrown away (deoptimized) in the next index.
  private readonly nanViews: Float64Array[] = [];
  private readonly oneViews: Uint8Array[] = [];
  private readonly zeroViews: Uint8Array[] = [];
  /** Views up to `longest` positions. Example: `new SharedViews(36).blank(12)[0]` is NaN. */
  constructor(longest: number) {
    this.nan = new Float64Array(longest).fill(NaN);
    this.one = new Uint8Array(longest).fill(1);
    this.zero = new Uint8Array(longest);
    for (let length = 0; length <= longest; length++) {
      this.nanViews.push(this.nan.subarray(0, length));
      this.oneViews.push(this.one.subarray(0, length));
      this.zeroViews.push(this.zero.subarray(0, length));
    }
  }
  blank(length: number): Float64Array {
    return this.nanViews[length];
  }
  ones(length: number): Uint8Array {
    return this.oneViews[length];
  }
  zeros(length: number): Uint8Array {
    return this.zeroViews[length];
  }
}
