/**
 * Where an index's arrays live: a few large buffers handed out as views, one per series and field.
 */

export const FIELDS = ["actual", "milestone", "target", "numerator", "denominator", "priorActual"] as const;
export type Field = (typeof FIELDS)[number];

/**
 * Hands out NaN-filled Float64, zeroed Uint8 and -1 Int32 views of a few shared buffers: 20,000
 * series then cost a few large buffers instead of 200,000 small ones the garbage collector must
 * copy. A field no row has (`fields` says which do) shares one NaN buffer, because touching fresh
 * memory, not arithmetic, is most of the cost of indexing 720,000 points.
 */
export class SeriesPool {
  private readonly f64: Float64Array;
  private readonly blank: Float64Array;
  /** One view of the blank buffer per length: 20,000 series of 36 months share one object. */
  private readonly blankViews = new Map<number, Float64Array>();
  private readonly slot: Record<Field, number>;
  private readonly u8: Uint8Array;
  private readonly i32: Int32Array;
  private at = 0;
  private u8At = 0;
  private readonly positions: number;
  /** Room for `positions` positions of whole series. Example: `new SeriesPool(36 * 20000)`. */
  constructor(positions: number, fields: ReadonlySet<Field> = new Set(FIELDS), longest = 0) {
    this.positions = positions;
    const slot = {} as Record<Field, number>;
    let used = 0;
    for (const f of FIELDS) slot[f] = fields.has(f) ? used++ : -1;
    this.slot = slot;
    this.f64 = new Float64Array(positions * used).fill(NaN);
    this.blank = new Float64Array(longest).fill(NaN);
    this.u8 = new Uint8Array(positions * 3);
    this.i32 = new Int32Array(positions).fill(-1);
  }
  /** The next series' row numbers; call once per series, before its floats. */
  ints(length: number): Int32Array {
    return this.i32.subarray(this.at, this.at + length);
  }
  floats(field: Field, length: number): Float64Array {
    const k = this.slot[field];
    if (k < 0) {
      let view = this.blankViews.get(length);
      if (!view) this.blankViews.set(length, (view = this.blank.subarray(0, length)));
      return view;
    }
    const from = k * this.positions + this.at;
    return this.f64.subarray(from, from + length);
  }
  bytes(length: number): Uint8Array {
    const v = this.u8.subarray(this.u8At, this.u8At + length);
    this.u8At += length;
    return v;
  }
  /** Move on to the next series. */
  next(length: number): void {
    this.at += length;
  }
}
