/**
 * The registry of gaming and lowballing detectors, and `runFlags`, the one way to run them:
 * every detector over a scorecard, flags sorted by severity, reviews carried over by id,
 * and findings for what could not be checked.
 */
import type { ScorecardIndex } from "../index/series";
import type { Finding } from "../model";
import { belowCapacity, targetCutAfterStrongYear, unitSumBelowProgram } from "./detectors/targets";
import { lowballPriorActual, lowballTrend, meetNotBeat } from "./detectors/lowball";
import { lateTargetCut, repeatedTargetCuts } from "./detectors/revisionLog";
import { endOfPeriodSpike, q4Sandbagging } from "./detectors/timing";
import { thresholdBunching } from "./detectors/threshold";
import { exactHits, jumpReversal } from "./detectors/perfect";
import { pairedDivergence } from "./detectors/paired";
import { benfordFirstDigitDetector, lastDigit } from "./detectors/digits";
import { duplicateRows, revisedActuals, stalePeriods } from "./detectors/validity";
import type { Detector, DetectorContext, DetectorKind, Flag, FlagSeverity } from "./types";
import { budgetFlags } from "../budget/flagRun";
import { summarizeYears } from "../index/years";

/** Every detector, in the order a reviewer reads them. */
export const detectors: readonly Detector[] = [
  lowballPriorActual,
  lowballTrend,
  meetNotBeat,
  unitSumBelowProgram,
  targetCutAfterStrongYear,
  lateTargetCut,
  repeatedTargetCuts,
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
 * Detectors that read fiscal-year summaries. runFlags fills every series' summaries before they
 * run, so the code that reads them, compiled while it runs, sees series of one shape (with
 * summaries) rather than being thrown away and compiled again when the shape changes.
 */
const READS_YEARS: ReadonlySet<DetectorKind> = new Set<DetectorKind>([
  "lowball-prior-actual",
  "lowball-trend",
  "meet-not-beat",
  "unit-sum-below-program",
  "target-cut-after-strong-year",
  "below-capacity",
  "q4-sandbagging",
  "end-of-period-spike",
]);

// Flags are ordered by text as localeCompare orders it (the default locale's collation); one
// collator for the whole sort compares the same way without localeCompare's work per call.

/**
 * Run the detectors over an indexed scorecard. Never throws on bad data: unknown measures and odd
 * periods come back as findings, and cells the index marks unusable are skipped as the checks skip
 * them. Example: `runFlags(indexScorecard(scorecard)).flags.filter((f) => f.severity === "high")`.
 */
export function runFlags(index: ScorecardIndex, options: FlagOptions = {}): FlagRun {
  const chosen = options.only ? detectors.filter((d) => options.only!.includes(d.id)) : detectors;
  const flags: Flag[] = [];
  if (chosen.some((d) => READS_YEARS.has(d.id)) || options.budget) summarizeYears(index);
  for (const d of chosen) for (const f of d.run(index, options)) flags.push(f);
  if (options.budget) flags.push(...budgetFlags(index, options.budget, options.only));
  const reviews = new Map(
    (options.previousFlags ?? []).filter((f) => f.review).map((f) => [f.id, f.review!]),
  );
  for (const f of flags) {
    const r = reviews.get(f.id);
    if (r) f.review = { ...r };
  }
  const text = new Intl.Collator().compare;
  flags.sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      text(a.detector, b.detector) ||
      text(a.measure, b.measure) ||
      text(a.unit, b.unit) ||
      text(a.id, b.id),
  );
  return { flags, findings: findingsFor(index, options) };
}

function findingsFor(index: ScorecardIndex, options: DetectorContext): Finding[] {
  // Rows the index could not place (unknown measure, odd period) are explained once, by the index.
  const findings: Finding[] = [...index.findings];
  for (const m of index.measures.values()) {
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
