/**
 * Rates stored as fractions (0.814 for 81.4 %), as some agencies publish them and as Excel
 * stores a cell formatted as percent. Yardstick's rates are percent (0-100), so every point
 * threshold (status within 2 points, a 0.5-point whisker, a 5-point lowball) reads such a
 * measure a hundred times too small.
 *
 * Detected per measure: a rate whose name or unit says percent and every value of which lies
 * within 0-1.5, at least one strictly between 0 and 1. Detected, not rescaled: in the real
 * public data we hold (NYC's Mayor's Management Report FY16-23, Baltimore's scorecards FY21-23)
 * every one of the 9 percent measures that fit this rule is a genuine small percent (broken
 * hydrants 0.52 %, missed pick-ups 0.05 %, coliform samples 0.3 %), none a fraction; rescaling
 * them would turn a 1 % hydrant target into 100 %. So by default the values are read as written
 * and a warning names the measure and the fix; `fraction` reads them as fractions when the user
 * says they are, and `percent` confirms they are percent (no warning).
 */
import type { Finding, MeasureDef, Observation, Scorecard } from "./model";
import { plainObservation } from "./longcsv/observations";

/**
 * How rates are read: `auto` reads them as written and warns about a percent rate that looks
 * like fractions; `fraction` multiplies by 100 every rate whose values all lie within 0-1.5,
 * whatever its name; `percent` reads every rate as written, without the warning.
 */
export type RateScale = "auto" | "fraction" | "percent";

export const RATE_SCALES: readonly RateScale[] = ["auto", "fraction", "percent"];

/** Largest value a rate stored as a fraction may hold (a little above 1 for typos and rounding). */
export const FRACTION_MAX = 1.5;

export interface RateReading {
  /** The scorecard, with `fraction`'s measures in percent; the input itself is not changed. */
  scorecard: Scorecard;
  /** One per measure that looks like fractions: a warning (`auto`) or a note of the rescale. */
  findings: Finding[];
  /** Ids of the measures that look like fractions (rescaled only under `fraction`). */
  measures: string[];
}

const VALUE_FIELDS = ["target", "milestone", "actual", "priorActual"] as const;
const SAYS_PERCENT = /%|percent|\bpct\b/i;

/** True when a measure's name or display unit says it is a percentage. Example: `saysPercent({ name: "Orders %", ... }) === true`. */
export function saysPercent(m: Pick<MeasureDef, "name" | "unitLabel">): boolean {
  return SAYS_PERCENT.test(m.name) || SAYS_PERCENT.test(m.unitLabel ?? "");
}

interface Range {
  lo: number;
  hi: number;
  count: number;
  strictlyFractional: boolean;
  first?: Observation;
}

/**
 * Find a scorecard's rates that look like fractions and, under `fraction`, multiply them by 100
 * (values and band edges; numerators and denominators are counts and stay).
 * Example: `readRateScale(card).findings[0].code === "rate-looks-fractional"` for a file holding 0.814.
 */
export function readRateScale(scorecard: Scorecard, scale: RateScale = "auto"): RateReading {
  if (scale === "percent") return { scorecard, findings: [], measures: [] };
  const ranges = valueRanges(scorecard);
  const found = scorecard.measures.filter((m) => {
    const r = ranges.get(m.id);
    if (m.kind !== "rate" || !r || !r.strictlyFractional || r.lo < 0 || r.hi > FRACTION_MAX) return false;
    if (m.lower !== undefined && (m.lower < 0 || m.lower > FRACTION_MAX)) return false;
    if (m.upper !== undefined && (m.upper < 0 || m.upper > FRACTION_MAX)) return false;
    return scale === "fraction" || saysPercent(m);
  });
  const ids = found.map((m) => m.id);
  if (scale === "auto" || found.length === 0)
    return { scorecard, findings: found.map((m) => lookFinding(m, ranges.get(m.id)!)), measures: ids };
  const set = new Set(ids);
  const measures = scorecard.measures.map((m) => (set.has(m.id) ? scaleMeasure(m) : m));
  const observations = scorecard.observations.map((o) => (set.has(o.measure) ? scaleObservation(o) : o));
  return {
    scorecard: { ...scorecard, measures, observations },
    findings: found.map((m) => readFinding(m, ranges.get(m.id)!)),
    measures: ids,
  };
}

function valueRanges(scorecard: Scorecard): Map<string, Range> {
  const ranges = new Map<string, Range>();
  for (const o of scorecard.observations) {
    for (const f of VALUE_FIELDS) {
      const v = o[f];
      if (v === undefined || !Number.isFinite(v)) continue;
      let r = ranges.get(o.measure);
      if (!r) ranges.set(o.measure, (r = { lo: v, hi: v, count: 0, strictlyFractional: false, first: o }));
      r.lo = Math.min(r.lo, v);
      r.hi = Math.max(r.hi, v);
      r.count += 1;
      if (v > 0 && v < 1) r.strictlyFractional = true;
    }
  }
  return ranges;
}

/** 100 x v without binary noise: 0.814 x 100 is 81.39999999999999, shown and compared as 81.4. */
function times100(v: number): number {
  return Number((v * 100).toPrecision(15));
}

function scaleMeasure(m: MeasureDef): MeasureDef {
  const out: MeasureDef = { ...m, unitLabel: m.unitLabel ?? "%" };
  if (m.lower !== undefined) out.lower = times100(m.lower);
  if (m.upper !== undefined) out.upper = times100(m.upper);
  return out;
}

function scaleObservation(o: Observation): Observation {
  // Not a spread: a long CSV observation's fields are getters, which a spread does not copy.
  const out = plainObservation(o);
  for (const f of VALUE_FIELDS) if (o[f] !== undefined) out[f] = times100(o[f]!);
  return out;
}

function lookFinding(m: MeasureDef, r: Range): Finding {
  const x = r.hi;
  return located(r, {
    severity: "warning",
    code: "rate-looks-fractional",
    message:
      `${m.name}: all ${r.count} values lie within 0-1.5 (${r.lo} to ${r.hi}), as a rate stored as a ` +
      `fraction would (${x} for ${times100(x)} %). They were read as written (percent); if they are ` +
      "fractions, every gap is a hundred times too small for the point thresholds: a 4-point cut shows as 0.04 pts.",
    fix:
      `If ${x} means ${times100(x)} %, write the rate in percent in the file (${times100(x)}) or read it ` +
      `with --rate-scale fraction; if it means ${x} %, nothing is wrong (--rate-scale percent says so).`,
    measure: m.id,
  });
}

function readFinding(m: MeasureDef, r: Range): Finding {
  return located(r, {
    severity: "info",
    code: "rate-read-as-fraction",
    message: `${m.name}: read as fractions, as asked (${r.hi} as ${times100(r.hi)} %).`,
    measure: m.id,
  });
}

function located(r: Range, f: Finding): Finding {
  if (r.first?.source) f.where = r.first.source;
  return f;
}
