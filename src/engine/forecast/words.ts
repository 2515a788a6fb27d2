/**
 * A year-end forecast as a manager reads it on the Dashboard's "Act on these" list: whether the
 * measure is likely to meet its target and, when not, by about how much. The workbook writes the
 * same sentence as a live formula (src/workbook/sheets/actOn.ts); the differentials compare both.
 */
import type { MeasureDef } from "../model";
import type { YearEndForecast } from "./yearend";

/** A relative miss at or above this many percent is said as "by more than 999 %". */
export const MISS_PCT_CAP = 1000;

/** Round half away from zero to `digits` decimals, as a spreadsheet's ROUND does on a display value. */
function roundLikeSheet(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(Number((Math.abs(x) * f).toPrecision(15))) / f;
}

/**
 * How far short a year-end forecast `value` falls of `target`: rates in percentage points
 * (one decimal), everything else relative to the target in whole percent.
 * @example missInWords("count", 94, 100) === "likely to miss the target by about 6 %"
 */
export function missInWords(kind: MeasureDef["kind"], value: number, target: number): string {
  const miss = "likely to miss the target";
  if (kind === "rate") {
    const points = roundLikeSheet(value - target, 1);
    return points >= 0.1 ? `${miss} by about ${points} points` : `${miss} by less than 0.1 points`;
  }
  if (target === 0) return miss;
  const pct = roundLikeSheet(((value - target) / target) * 100, 0);
  if (pct >= MISS_PCT_CAP) return `${miss} by more than ${MISS_PCT_CAP - 1} %`;
  return pct >= 1 ? `${miss} by about ${pct} %` : `${miss} by less than 1 %`;
}

/**
 * The forecast in words: "likely to meet the target", "likely to miss the target by about 6 %",
 * a band measure "likely to end outside the band (40 to 60)", or the forecast's own label when
 * there is no forecast ("no forecast: the year to date has gaps").
 * @example forecastInWords({ value: 94, target: 100, likely: false, label: "" }, { kind: "count", direction: "up" }) === "likely to miss the target by about 6 %"
 */
export function forecastInWords(
  f: Pick<YearEndForecast, "value" | "target" | "likely" | "label">,
  m: Pick<MeasureDef, "kind" | "direction" | "lower" | "upper">,
): string {
  if (f.value === undefined) return f.label;
  if (f.likely === undefined) return "no target to compare";
  if (m.direction === "band") {
    const band = `the band (${m.lower} to ${m.upper})`;
    return f.likely ? `likely to end inside ${band}` : `likely to end outside ${band}`;
  }
  if (f.likely) return "likely to meet the target";
  return missInWords(m.kind, f.value, f.target!);
}
