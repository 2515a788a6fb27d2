/**
 * The registry of gaming and lowballing detectors, and `runFlags`, the one way to run them:
 * every detector over a scorecard, flags sorted by severity, reviews carried over by id,
 * and findings for what could not be checked.
 */
import type { Finding, Scorecard } from "../model";
import { belowCapacity, targetCutAfterStrongYear, unitSumBelowProgram } from "./detectors/targets";
import { lowballPriorActual, lowballTrend, meetNotBeat } from "./detectors/lowball";
import { endOfPeriodSpike, q4Sandbagging } from "./detectors/timing";
import { thresholdBunching } from "./detectors/threshold";
import { exactHits, jumpReversal } from "./detectors/perfect";
import { pairedDivergence } from "./detectors/paired";
import { benfordFirstDigitDetector, lastDigit } from "./detectors/digits";
import { duplicateRows, revisedActuals, stalePeriods } from "./detectors/validity";
import { indexSeries } from "./series";
import type { Detector, DetectorContext, DetectorKind, Flag, FlagSeverity } from "./types";

/** Every detector, in the order a reviewer reads them. */
export const detectors: readonly Detector[] = [
  lowballPriorActual,
  lowballTrend,
  meetNotBeat,
  unitSumBelowProgram,
  targetCutAfterStrongYear,
  belowCapacity,
  q4Sandbagging,
  thresholdBunching,
  endOfPeriodSpike,
  exactHits,
  jumpReversal,
  pairedDivergence,
  benfordFirstDigitDetector,
  lastDigit,
  duplicateRows,
  stalePeriods,
  revisedActuals,
];

/** Look a detector up by id. Example: `detectorById("exact-hits").minSample === 12`. */
export function detectorById(id: DetectorKind): Detector {
  const d = detectors.find((x) => x.id === id);
  if (!d) throw new RangeError(`no detector "${id}"`);
  return d;
}

export interface FlagOptions extends DetectorContext {
  /** Run only these detectors. */
  only?: readonly DetectorKind[];
  /** Flags from an earlier run whose reviews should carry over (matched by id). */
  previousFlags?: readonly Flag[];
}

export interface FlagRun {
  flags: Flag[];
  findings: Finding[];
}

const RANK: Record<FlagSeverity, number> = { high: 0, medium: 1, low: 2 };

/**
 * Run the detectors over a scorecard. Never throws on bad data: unknown measures and odd periods
 * come back as findings. Example: `runFlags(scorecard).flags.filter((f) => f.severity === "high")`.
 */
export function runFlags(scorecard: Scorecard, options: FlagOptions = {}): FlagRun {
  const chosen = options.only ? detectors.filter((d) => options.only!.includes(d.id)) : detectors;
  const flags: Flag[] = [];
  for (const d of chosen) for (const f of d.run(scorecard, options)) flags.push(f);
  const reviews = new Map(
    (options.previousFlags ?? []).filter((f) => f.review).map((f) => [f.id, f.review!]),
  );
  for (const f of flags) {
    const r = reviews.get(f.id);
    if (r) f.review = { ...r };
  }
  flags.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      a.detector.localeCompare(b.detector) ||
      a.measure.localeCompare(b.measure) ||
      a.unit.localeCompare(b.unit) ||
      a.id.localeCompare(b.id),
  );
  return { flags, findings: findingsFor(scorecard, options) };
}

function findingsFor(scorecard: Scorecard, options: DetectorContext): Finding[] {
  const findings: Finding[] = [];
  const index = indexSeries(scorecard);
  const orphanMeasures = new Set(
    index.orphans.filter((o) => !index.measures.has(o.measure)).map((o) => o.measure),
  );
  for (const m of orphanMeasures) {
    findings.push({
      severity: "warning",
      code: "flags.unknown-measure",
      message: `Rows for measure "${m}" were skipped: the measure is not defined.`,
      fix: "Define the measure (its kind and direction) or correct its name.",
      measure: m,
    });
  }
  const badPeriods = index.orphans.filter((o) => index.measures.has(o.measure));
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
  for (const m of scorecard.measures) {
    if (options.directionUnknown?.has(m.id)) {
      findings.push({
        severity: "info",
        code: "flags.direction-unknown",
        message: `"${m.name}" has no stated direction: lowballing only flags a target equal to last year's actual, and trend, cut and gaming checks are skipped.`,
        fix: "State whether higher or lower is better for this measure.",
        measure: m.id,
      });
    }
  }
  return findings;
}
