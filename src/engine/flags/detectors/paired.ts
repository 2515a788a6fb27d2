/**
 * Output distortion and creaming (Bevan & Hood; Heckman et al.): a measure improving while
 * the control measure paired with it (MeasureDef.pairedWith) worsens, unit by unit.
 */
import { periodAt } from "../../index/access";
import type { SeriesData as Series } from "../../index/series";
import { goodSign, makeFlag, pct } from "../flag";
import { FitPoints, ols } from "../stats";
import { SameUnit } from "../sameUnit";
import type { Detector, Flag } from "../types";

interface Trend {
  t: number;
  changePct: number;
  /** Positions of the window's first and last actual. */
  first: number;
  last: number;
}

/** Reused for every series' window: a fit needs its points only while it is computed. */
const trendWindow = new FitPoints();

/** Signed trend over the last 24 points: t of the slope and the fitted change over the window, % of the mean. */
function trend(s: Series, sign: 1 | -1, minN: number): Trend | undefined {
  let count = 0;
  for (let i = 0; i < s.length; i++) if (s.actual[i] === s.actual[i]) count++;
  const take = Math.min(count, s.monthly ? 24 : 6);
  if (take < minN) return undefined;
  // The last `take` actuals, in order.
  const w = trendWindow.room(take);
  let first = -1;
  let last = -1;
  for (let i = s.length - 1, j = take; i >= 0 && j > 0; i--) {
    const a = s.actual[i];
    if (a !== a) continue;
    j--;
    w.x[j] = s.start + i;
    w.y[j] = a;
    if (last < 0) last = i;
    first = i;
  }
  const fit = ols(w.x, w.y, take);
  let sum = 0;
  for (let j = 0; j < take; j++) sum += w.y[j];
  const avg = sum / take;
  if (avg === 0 || !(fit.slopeSe > 0)) return undefined;
  const t = (sign * fit.slope) / fit.slopeSe;
  const changePct = ((sign * fit.slope * (w.x[take - 1] - w.x[0])) / Math.abs(avg)) * 100;
  return { t, changePct, first, last };
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
      const controls = new SameUnit(index.byMeasure.get(control.id) ?? []);
      list.forEach((s, k) => {
        const c = controls.of(s, k);
        if (!c) return;
        const minN = Math.ceil((s.monthly ? 12 : 4) * factor);
        const tm = trend(s, sm, minN);
        const tc = trend(c, sc, minN);
        if (!tm || !tc || tm.t < 3 || tc.t > -3 || tm.changePct < 5 || tc.changePct > -5) return;
        const from = periodAt(s, tm.first);
        const to = periodAt(s, tm.last);
        flags.push(
          makeFlag("paired-divergence", {
            severity: tm.t >= 6 && tc.t <= -6 ? "high" : "medium",
            measure: m.id,
            unit: s.unit,
            periods: [from, to],
            values: {
              measureT: tm.t,
              measureChangePct: tm.changePct,
              controlT: tc.t,
              controlChangePct: tc.changePct,
            },
            text: `${m.name} improved ${pct(tm.changePct)}% (t=${pct(tm.t)}) while ${control.name} worsened ${pct(-tc.changePct)}% (t=${pct(tc.t)}), ${from} to ${to}.`,
            explanation: `${m.name} is getting better while its control, ${control.name}, is getting worse in the same unit.`,
            whatToCheck:
              "Whether intake shifted to easier cases, or speed was bought with quality; sample a few recent cases.",
          }),
        );
      });
    }
    return flags;
  },
};
