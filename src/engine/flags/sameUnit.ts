/** Finding a unit's series in another list: the paired control measure's, or an earlier snapshot's. */
import type { SeriesData } from "../index/series";

/**
 * The series of a list by unit and grain (monthly or yearly), of which a list holds at most one.
 * Two lists of one index, or of two snapshots of one scorecard, usually hold their units in the
 * same order, so the same position is tried first and the lookup by key (a string per series) is
 * built only when that fails. Example: `new SameUnit(controls).of(s, k)`.
 */
export class SameUnit {
  private byKey: Map<string, SeriesData> | undefined = undefined;

  constructor(private readonly list: readonly SeriesData[]) {}

  /** The series for the unit and grain of `s`, which sits at position `k` of its own list. */
  of(s: SeriesData, k: number): SeriesData | undefined {
    const same = this.list[k];
    if (same !== undefined && same.unit === s.unit && same.monthly === s.monthly) return same;
    this.byKey ??= new Map(this.list.map((x) => [`${x.unit}|${x.monthly}`, x]));
    return this.byKey.get(`${s.unit}|${s.monthly}`);
  }
}
