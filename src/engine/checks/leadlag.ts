/**
 * Lead and lag: a lead measure names the lag measure it drives (`lead_for`). When the lead's
 * three-period trend has turned and the lag's has not followed yet, that is early news.
 */
import type { Period } from "../model";
import { measureTrend, type TrendLabel } from "./compare";
import { AsOfPositions } from "./check";
import { goodActualAt, periodAt } from "../index/access";
import type { ScorecardIndex, SeriesData } from "../index/series";

export interface LeadTurn {
  lead: string;
  lag: string;
  unit: string;
  /** The period whose trend first pointed the new way. */
  turnedAt: Period;
  turnedTo: "improving" | "worsening";
  /** The lag's trend as of the judged period (undefined without three actuals). */
  lagTrend?: TrendLabel;
  message: string;
}

/** The three-period trend label at a position, or undefined without three usable actuals. Example: `trendAt(s, 5)`. */
export function trendAt(s: SeriesData, position: number): TrendLabel | undefined {
  const a1 = goodActualAt(s, position - 2);
  const a2 = goodActualAt(s, position - 1);
  const a3 = goodActualAt(s, position);
  if (a1 === undefined || a2 === undefined || a3 === undefined) return undefined;
  // As the status row does: a band improves when it moves toward the band, not when it rises.
  return measureTrend(s.measure, a1, a2, a3).label;
}

/**
 * The latest turn within `lookback` periods up to position t: the trend is improving or worsening
 * and the period before it was not the same. Example: `latestTurn(s, 8, 3)?.turnedTo === "improving"`.
 */
export function latestTurn(
  s: SeriesData,
  t: number,
  lookback: number,
): { position: number; turnedTo: "improving" | "worsening" } | undefined {
  for (let p = t; p > t - lookback; p--) {
    const now = trendAt(s, p);
    const before = trendAt(s, p - 1);
    if (now === undefined || before === undefined || now === "flat" || now === before) continue;
    return { position: p, turnedTo: now };
  }
  return undefined;
}

/**
 * Every lead whose trend turned within the last `lookback` periods while its lag's trend has not
 * turned the same way. Example: `detectLeadTurns(index, "2026-07")[0].message`.
 */
export function detectLeadTurns(index: ScorecardIndex, asOf: Period, lookback = 3): LeadTurn[] {
  const turns: LeadTurn[] = [];
  const positions = new AsOfPositions(asOf, index.fyStartMonth);
  for (const [measureId, leads] of index.byMeasure) {
    const lagId = index.measures.get(measureId)?.leadFor;
    if (!lagId) continue;
    const lags = new Map((index.byMeasure.get(lagId) ?? []).map((s) => [s.unit, s] as const));
    for (const lead of leads) {
      const lag = lags.get(lead.unit);
      if (!lag) continue;
      const t = positions.of(lead);
      const turn = latestTurn(lead, t, lookback);
      if (!turn) continue;
      const lagTrend = trendAt(lag, positions.of(lag));
      if (lagTrend === turn.turnedTo) continue;
      const turnedAt = periodAt(lead, turn.position);
      turns.push({
        lead: measureId,
        lag: lagId,
        unit: lead.unit,
        turnedAt,
        turnedTo: turn.turnedTo,
        lagTrend,
        message: `${measureId} (lead) turned ${turn.turnedTo} in ${turnedAt} for ${lead.unit}; ${lagId} (lag) ${lagTrend ? `is still ${lagTrend}` : "has too little data to tell"}, so expect it to follow.`,
      });
    }
  }
  return turns;
}
