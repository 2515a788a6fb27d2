/**
 * Status rules: an ordered list, first match wins (ClearPoint), with defaults in the spirit
 * of Cascade. Every threshold lives in STATUS_THRESHOLDS so the workbook can show and reuse it.
 */
import type { MeasureDef, MeasureKind } from "../model";

/** What a check says. The first three come from rules; the last three from the data. */
export type Status = "on-track" | "at-risk" | "off-track" | "no-data" | "stale" | "insufficient-data";

/** The statuses a rule may give. */
export type JudgedStatus = "on-track" | "at-risk" | "off-track";

/** Which actual a rule looks at: this period's, or the fiscal year to date. */
export type Basis = "period" | "ytd";

/** What the actual is compared with. `band` ignores milestones and uses the measure's lower/upper. */
export type CompareWith = "milestone" | "target" | "prior-year" | "band";

/**
 * How the actual is compared. `ratio` is attainment (1 = exactly on plan, direction-aware);
 * `difference` is the good-direction gap in the measure's unit (percentage points for rates).
 */
export type RuleMetric = "ratio" | "difference";

export interface RuleTest {
  basis: Basis;
  compareWith: CompareWith;
  metric: RuleMetric;
  /** The rule matches when ROUND(metric, 9) >= atLeast. */
  atLeast: number;
}

/** One rule. Without `when` it is the "otherwise" rule and always matches. */
export interface StatusRule {
  status: JudgedStatus;
  when?: RuleTest;
}

/** Every default threshold in one place. Ratios are fractions (0.95 = 95 %); points are percentage points. */
export const STATUS_THRESHOLDS = {
  /** Counts, amounts, ratios: attainment at or above this is on track. */
  onTrackAttainment: 0.95,
  /** ... at or above this (and below on-track) is at risk; below is off track. */
  atRiskAttainment: 0.85,
  /** Rates: a good-direction gap of at least this many points (e.g. -2 = up to 2 points short) is on track. */
  onTrackRatePoints: -2,
  /** Rates: at least this many points is at risk; further short is off track. */
  atRiskRatePoints: -5,
  /** Bands: inside the band (band attainment 1) is on track. */
  onTrackBand: 1,
  /** Bands: outside by at most half the band's width (band attainment 0.5) is at risk. */
  atRiskBand: 0.5,
  /** Ties within this count as meeting a threshold: compare ROUND(metric, 9). */
  roundDigits: 9,
} as const;

/** Default rules for a measure: band rules for bands, points for rates, attainment otherwise. */
export function defaultRules(measure: Pick<MeasureDef, "kind" | "direction">): StatusRule[] {
  const t = STATUS_THRESHOLDS;
  if (measure.direction === "band") {
    const test = (atLeast: number): RuleTest => ({
      basis: "period",
      compareWith: "band",
      metric: "ratio",
      atLeast,
    });
    return [
      { status: "on-track", when: test(t.onTrackBand) },
      { status: "at-risk", when: test(t.atRiskBand) },
      { status: "off-track" },
    ];
  }
  if (measure.kind === "rate") {
    const test = (atLeast: number): RuleTest => ({
      basis: "period",
      compareWith: "milestone",
      metric: "difference",
      atLeast,
    });
    return [
      { status: "on-track", when: test(t.onTrackRatePoints) },
      { status: "at-risk", when: test(t.atRiskRatePoints) },
      { status: "off-track" },
    ];
  }
  const basis = defaultBasis(measure.kind);
  const test = (atLeast: number): RuleTest => ({ basis, compareWith: "milestone", metric: "ratio", atLeast });
  return [
    { status: "on-track", when: test(t.onTrackAttainment) },
    { status: "at-risk", when: test(t.atRiskAttainment) },
    { status: "off-track" },
  ];
}

/** Counts and amounts accumulate, so they are judged year to date; rates and ratios are levels, judged per period. Example: `defaultBasis("count") === "ytd"`. */
export function defaultBasis(kind: MeasureKind): Basis {
  return kind === "count" || kind === "amount" ? "ytd" : "period";
}

/** A metric rounded as the status rules compare it. Example: `roundForRule(2 - 1.05) === 0.95`. */
export function roundForRule(value: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** STATUS_THRESHOLDS.roundDigits;
  return Math.round(value * f) / f;
}

/** A metric for a rule, or undefined when the data to compute it are missing. */
export type MetricLookup = (test: RuleTest) => number | undefined;

export interface RuleOutcome {
  status: JudgedStatus | "insufficient-data";
  /** The rule that matched (index into the list), or -1. */
  ruleIndex: number;
  /** Plain words: which comparison decided it. */
  reason: string;
}

/**
 * Walk the rules in order; the first whose test holds wins. A test whose metric is missing
 * gives "insufficient-data" rather than falling through to a worse status. `words` lets many
 * checks share their reasons' text. Example: `applyRules(defaultRules(m), () => 0.96).status === "on-track"`.
 */
export function applyRules(
  rules: StatusRule[],
  metricFor: MetricLookup,
  words = new RuleWords(),
): RuleOutcome {
  return walkRules(rules, lookUp, metricFor, words, {
    status: "insufficient-data",
    ruleIndex: -1,
    reason: "",
  });
}

const lookUp = (test: RuleTest, metricFor: MetricLookup) => metricFor(test);

/**
 * applyRules' walk, with the metric found from `inputs` and the outcome written into `out`: a
 * check's rows (judge.ts) reuse one `inputs` and one `out`, so no closure or outcome object is
 * made for each of 20,000 rows. Example: `walkRules(rules, metricOf, rowInputs, words, out).status`.
 */
export function walkRules<T>(
  rules: StatusRule[],
  metricFor: (test: RuleTest, inputs: T) => number | undefined,
  inputs: T,
  words: RuleWords,
  out: RuleOutcome,
): RuleOutcome {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const test = rule.when;
    if (!test) return decided(out, rule.status, i, "otherwise");
    const value = metricFor(test, inputs);
    if (value === undefined || Number.isNaN(value))
      return decided(out, "insufficient-data", -1, words.missing(test));
    if (roundForRule(value) >= test.atLeast) return decided(out, rule.status, i, words.met(test, value));
  }
  return decided(out, "insufficient-data", -1, "no rule matched; end the list with an otherwise rule");
}

function decided(
  out: RuleOutcome,
  status: RuleOutcome["status"],
  ruleIndex: number,
  reason: string,
): RuleOutcome {
  out.status = status;
  out.ruleIndex = ruleIndex;
  out.reason = reason;
  return out;
}

/** One rule test's words: its description, and its reasons by metric as shown. */
interface TestWords {
  missing: string;
  /** The reason's text before and after the metric. */
  before: string;
  after: string;
  byMetric: Map<string, string>;
}

/**
 * The reasons' text, made once per rule test and metric as shown: 20,000 rows then share a few
 * thousand strings instead of each keeping its own tree of joined pieces, one of the larger parts
 * of a large check's result. Example: `new RuleWords().met(test, 0.973)`.
 */
export class RuleWords {
  private readonly tests = new Map<RuleTest, TestWords>();
  /** "no period gap vs milestone to compare" */
  missing(test: RuleTest): string {
    return this.of(test).missing;
  }
  /** "period gap vs milestone +1.23 >= -2.00" */
  met(test: RuleTest, value: number): string {
    const words = this.of(test);
    const metric = formatMetric(value, test.metric);
    let reason = words.byMetric.get(metric);
    if (reason === undefined) words.byMetric.set(metric, (reason = words.before + metric + words.after));
    return reason;
  }
  private of(test: RuleTest): TestWords {
    let words = this.tests.get(test);
    if (!words) {
      const described = describeTest(test);
      words = {
        missing: `no ${described} to compare`,
        before: `${described} `,
        after: ` >= ${formatMetric(test.atLeast, test.metric)}`,
        byMetric: new Map(),
      };
      this.tests.set(test, words);
    }
    return words;
  }
}

function describeTest(test: RuleTest): string {
  const basis = test.basis === "ytd" ? "year-to-date" : "period";
  const what = test.metric === "ratio" ? "attainment" : "gap";
  const vs =
    test.compareWith === "band" ? "band" : test.compareWith === "prior-year" ? "last year" : test.compareWith;
  return `${basis} ${what} vs ${vs}`;
}

function formatMetric(value: number, metric: RuleMetric): string {
  if (!Number.isFinite(value)) return value > 0 ? "no limit" : "far below";
  if (metric === "ratio") return `${(value * 100).toFixed(1)} %`;
  return `${value >= 0 ? "+" : ""}${value.toFixed(2)}`;
}

/** A rule list from user input (a JSON file or a settings pane) that is not usable, with the reason. */
export class RulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RulesError";
  }
}

const STATUSES_JUDGED = ["on-track", "at-risk", "off-track"];
const BASES = ["period", "ytd"];
const COMPARE_WITH = ["milestone", "target", "prior-year", "band"];
const METRICS = ["ratio", "difference"];

/**
 * Check rules from untyped input: each needs a judged status; a test needs basis, compareWith,
 * metric and a numeric atLeast; the last rule must be "otherwise". Throws RulesError naming the rule.
 * Example: `parseRules([{ status: "off-track" }])` returns the list unchanged.
 */
export function parseRules(input: unknown, name = "rules"): StatusRule[] {
  if (!Array.isArray(input) || input.length === 0)
    throw new RulesError(`${name} must be a non-empty list of rules`);
  const rules = input.map((raw, i): StatusRule => {
    const where = `${name} rule ${i + 1}`;
    const r = raw as { status?: unknown; when?: Record<string, unknown> };
    if (typeof r !== "object" || r === null || !STATUSES_JUDGED.includes(r.status as string)) {
      throw new RulesError(`${where}: status must be one of ${STATUSES_JUDGED.join(", ")}`);
    }
    if (r.when === undefined) return { status: r.status as JudgedStatus };
    const w = r.when;
    const pick = (key: string, allowed: string[]) => {
      if (!allowed.includes(w[key] as string))
        throw new RulesError(`${where}: when.${key} must be one of ${allowed.join(", ")}`);
      return w[key] as string;
    };
    if (typeof w.atLeast !== "number" || !Number.isFinite(w.atLeast))
      throw new RulesError(`${where}: when.atLeast must be a number`);
    return {
      status: r.status as JudgedStatus,
      when: {
        basis: pick("basis", BASES) as Basis,
        compareWith: pick("compareWith", COMPARE_WITH) as CompareWith,
        metric: pick("metric", METRICS) as RuleMetric,
        atLeast: w.atLeast,
      },
    };
  });
  if (rules[rules.length - 1].when)
    throw new RulesError(`${name}: end the list with an "otherwise" rule (a status without "when")`);
  return rules;
}
