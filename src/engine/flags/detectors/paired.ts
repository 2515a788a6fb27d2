/**
 * Output distortion and creaming (Bevan & Hood; Heckman et al.): a measure improving while
 * the control measure paired with it (MeasureDef.pairedWith) worsens, unit by unit.
 */
import { periodAt } from "../../index/access";
import type { SeriesData as Series } from "../../index/series";
import { goodSign, makeFlag, pct } from "../flag";
import { ols } from "../stats";
import type { Detector, Flag } from "../types";

interface Trend {
  t: number;
  changePct: number;
  periods: string[];
}

/** Signed trend over the last 24 points: t of the slope and the fitted change over the window, % of the mean. */
function trend(s: Series, sign: 1 | -1, minN: number): Trend | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  const periods: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const a = s.actual[i];
    if (a !== a) continue;
    xs.push(s.start + i);
    ys.push(a);
    periods.push(periodAt(s, i));
  }
  const take = Math.min(xs.length, s.monthly ? 24 : 6);
  if (take < minN) return undefined;
  const x = xs.slice(-take);
  const y = ys.slice(-take);
  const fit = ols(x, y);
  const avg = y.reduce((a, b) => a + b, 0) / take;
  if (avg === 0 || !(fit.slopeSe > 0)) return undefined;
  const t = (sign * fit.slope) / fit.slopeSe;
  const changePct = ((sign * fit.slope * (x[take - 1] - x[0])) / Math.abs(avg)) * 100;
  return { t, changePct, periods: periods.slice(-take) };
}

export const pairedDivergence: Detector = {
  id: "paired-divergence",
  title: "Measure up while its paired control is down",
  looksFor:
    "a unit whose measure improves significantly while the control measure paired with it worsens significantly",
  statistic: "t of the OLS slope over the last 24 months (6 years), signed by each measure's good direction",
  thresholds: { minT: 3, minChangePct: 5 },
  minSample: 12,
  explanation:
    "Each measure is paired with a control that guards against its distortion; when they part ways, the gain may be bought with quality.",
  run(index, ctx) {
    const flags: Flag[] = [];
    const factor = ctx.minSampleFactor ?? 1;
    for (const [measureId, list] of index.byMeasure) {
      const m = index.measures.get(measureId)!;
      const control = m.pairedWith ? index.measures.get(m.pairedWith) : undefined;
      if (!control || ctx.directionUnknown?.has(measureId) || ctx.directionUnknown?.has(control.id)) continue;
      const sm = goodSign(m);
      const sc = goodSign(control);
      if (sm === 0 || sc === 0) continue;
      const controls = new Map(
        (index.byMeasure.get(control.id) ?? []).map((s) => [`${s.unit}|${s.monthly}`, s]),
      );
      for (const s of list) {
        const c = controls.get(`${s.unit}|${s.monthly}`);
        if (!c) continue;
        const minN = Math.ceil((s.monthly ? 12 : 4) * factor);
        const tm = trend(s, sm, minN);
        const tc = trend(c, sc, minN);
        if (!tm || !tc || tm.t < 3 || tc.t > -3 || tm.changePct < 5 || tc.changePct > -5) continue;
        flags.push(
          makeFlag("paired-divergence", {
            severity: tm.t >= 6 && tc.t <= -6 ? "high" : "medium",
            measure: m.id,
            unit: s.unit,
            periods: [tm.periods[0], tm.periods[tm.periods.length - 1]],
            values: {
              measureT: tm.t,
              measureChangePct: tm.changePct,
              controlT: tc.t,
              controlChangePct: tc.changePct,
            },
            text: `${m.name} improved ${pct(tm.changePct)}% (t=${pct(tm.t)}) while ${control.name} worsened ${pct(-tc.changePct)}% (t=${pct(tc.t)}), ${tm.periods[0]} to ${tm.periods[tm.periods.length - 1]}.`,
            explanation: `${m.name} is getting better while its control, ${control.name}, is getting worse in the same unit.`,
            whatToCheck:
              "Whether intake shifted to easier cases, or speed was bought with quality; sample a few recent cases.",
          }),
        );
      }
    }
    return flags;
  },
};
