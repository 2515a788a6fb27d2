/**
 * The Prorate tab's work: turn a request and the workbook's scorecard into engine input,
 * the engine's answer into preview lines, and the result into cell writes on tblMonthly.
 */
import type { MeasureDef, Scorecard, UnitDef } from "../../engine/model";
import { fiscalYearMonths, fiscalYearOf, isMonth } from "../../engine/period";
import { ProrationError, prorate, type ProrationInput, type ProrationResult } from "../../engine/prorate";
import type { ProrationErrorCode } from "../../engine/prorate/errors";
import { spreadMilestones, type MilestoneSchedule, type MonthlyActual } from "../../engine/milestones";
import type { ReadResult } from "../../workbook/read";
import { MONTHLY_KEY_HEADERS, PROGRAM_TARGET_HEADERS, TABLES, monthlyHeader } from "../../workbook/layout";
import { PortError, type ProratePreview, type ProrateRequest, type ProrateSetup } from "../port";
import type { TableRows } from "./gateway";

/** Unit columns a split may follow, with how to read each from a unit. */
const DRIVERS: Record<string, (u: UnitDef) => number | undefined> = {
  caseload: (u) => u.caseload,
  fte: (u) => u.fte,
  capacity: (u) => (u.fte !== undefined && u.productivity !== undefined ? u.fte * u.productivity : undefined),
  budget: (u) => u.budget,
};

/** The latest month with an actual, or undefined. */
export function latestActualMonth(scorecard: Scorecard): string | undefined {
  let latest: string | undefined;
  for (const o of scorecard.observations) {
    if (o.actual !== undefined && isMonth(o.period) && (!latest || o.period > latest)) latest = o.period;
  }
  return latest;
}

/** What the Prorate tab can offer: measures, units, the drivers some unit has, and the fiscal year to plan. */
export function prorateSetup(read: ReadResult): ProrateSetup {
  const { scorecard } = read;
  const drivers = Object.keys(DRIVERS).filter((d) =>
    scorecard.units.some((u) => DRIVERS[d](u) !== undefined),
  );
  const latest = read.settings.asOfMonth ?? latestActualMonth(scorecard);
  const fiscalYear = latest ? fiscalYearOf(latest, scorecard.fyStartMonth) : new Date().getUTCFullYear();
  const lastYear = Object.fromEntries(
    scorecard.measures.map((m) => [m.id, lastYearFigure(scorecard, m, fiscalYear - 1)]),
  );
  return {
    measures: scorecard.measures,
    units: scorecard.units,
    drivers,
    fyStartMonth: scorecard.fyStartMonth,
    fiscalYear,
    lastYear,
  };
}

/**
 * A measure's program figure for a fiscal year: the units' actuals summed (counts, amounts), or
 * each unit's last reported value weighted by caseload (rates, ratios). Undefined without actuals.
 */
export function lastYearFigure(scorecard: Scorecard, measure: MeasureDef, fy: number): number | undefined {
  let sum = 0;
  let weight = 0;
  let seen = false;
  for (const u of scorecard.units) {
    const actuals = actualsIn(scorecard, measure.id, u.id, fy, scorecard.fyStartMonth);
    if (actuals.length === 0) continue;
    seen = true;
    if (measure.kind === "count" || measure.kind === "amount")
      sum += actuals.reduce((s, a) => s + (a.value ?? 0), 0);
    else {
      const w = u.caseload ?? 1;
      sum += (lastOf(actuals) ?? 0) * w;
      weight += w;
    }
  }
  if (!seen) return undefined;
  return measure.kind === "count" || measure.kind === "amount" ? sum : weight > 0 ? sum / weight : undefined;
}

function measureOf(scorecard: Scorecard, id: string): MeasureDef {
  const m = scorecard.measures.find((x) => x.id === id);
  if (!m)
    throw new PortError(
      `There is no measure "${id}" on the Measures sheet.`,
      "Pick a measure from the list, or add it on the Measures sheet.",
    );
  return m;
}

/** A unit's monthly actuals of one measure in a fiscal year. */
function actualsIn(
  scorecard: Scorecard,
  measure: string,
  unit: string,
  fy: number,
  fyStart: number,
): MonthlyActual[] {
  const months = new Set(fiscalYearMonths(fy, fyStart));
  return scorecard.observations
    .filter((o) => o.measure === measure && o.unit === unit && months.has(o.period) && o.actual !== undefined)
    .map((o) => ({ month: o.period, value: o.actual }));
}

function lastOf(actuals: MonthlyActual[]): number | undefined {
  const sorted = [...actuals].sort((a, b) => (a.month < b.month ? -1 : 1));
  return sorted.at(-1)?.value;
}

/** Engine input for a request over the workbook's units. */
export function prorationInput(req: ProrateRequest, read: ReadResult): ProrationInput {
  const { scorecard } = read;
  const measure = measureOf(scorecard, req.measure);
  const priorFy = req.fiscalYear - 1;
  const units = scorecard.units.map((u) => {
    const prior = actualsIn(scorecard, measure.id, u.id, priorFy, req.fyStartMonth);
    const priorSum = prior.reduce((s, a) => s + (a.value ?? 0), 0);
    const driver =
      req.method === "priorShare"
        ? prior.length
          ? priorSum
          : undefined
        : req.driver
          ? DRIVERS[req.driver]?.(u)
          : undefined;
    return {
      id: u.id,
      driver,
      locked: req.locks[u.id],
      baseline: measure.kind === "rate" || measure.kind === "ratio" ? lastOf(prior) : undefined,
      denominator: measure.kind === "rate" || measure.kind === "ratio" ? u.caseload : undefined,
    };
  });
  return {
    kind: measure.kind,
    total: req.total,
    units,
    method: req.method,
    driverLabel: req.method === "priorShare" ? "last year's actual" : req.driver,
    rounding: req.rounding,
    increment: req.increment,
    baseEach: req.baseEach,
  };
}

/** The engine's errors a manager can meet from the pane, in the manager's words ({unit} is a name). */
const IN_WORDS: Partial<Record<ProrationErrorCode, string>> = {
  incrementCannotMeet:
    "What is left for the units that are not locked cannot be split in steps of this size.",
  incrementInvalid: "The rounding step must be above 0.",
  baseExceedsTotal: "The base per unit adds up to more than the total left to share.",
  lockedExceedsTotal: "The locked units' values add up to more than the total.",
  allLockedMismatch: "Every unit is locked, and their values do not add up to the total.",
  denominatorMissing: "{unit} has no caseload on the Units sheet, and a rate's target is weighted by it.",
  baselineMissing: "{unit} has no actual last year, and closing the gap starts from it.",
  methodNotForKind: "This method cannot split this measure.",
};

/** Run the engine, turning its typed errors into messages that say what to change. */
export function runProration(req: ProrateRequest, read: ReadResult): ProrationResult {
  try {
    return prorate(prorationInput(req, read));
  } catch (e) {
    if (e instanceof ProrationError) {
      const name = read.scorecard.units.find((u) => u.id === e.unit)?.name ?? e.unit ?? "A unit";
      const words = IN_WORDS[e.code]?.replace("{unit}", name);
      throw new PortError(words ?? e.message, "Change the inputs above and preview again.");
    }
    throw e;
  }
}

/** The engine's reason in a manager's words: "free units" are the units not locked; steps, not increments. */
export function plainReason(reason: string): string {
  return reason
    .replace(/\bno free unit has\b/g, "no unlocked unit has")
    .replace(/\bthe free units'/g, "the unlocked units'")
    .replace(/\bfree units?\b/g, (m) => (m.endsWith("s") ? "unlocked units" : "unlocked unit"))
    .replace(/\ba whole increment\b/g, "a whole step")
    .replace(/\bincrements?\b/g, (m) => (m.endsWith("s") ? "steps" : "step"));
}

/** The methods as the Targets tab names them. */
const METHOD_WORDS: Record<string, string> = {
  equal: "equal",
  proportional: "by a driver",
  priorShare: "by last year's share",
  custom: "by custom weights",
  gapClosing: "close the gap",
  basePlusProRata: "base plus share",
};

/** Preview lines: each unit's target, exact quota, share and the engine's reason. */
export function previewOf(result: ProrationResult, req: ProrateRequest, read: ReadResult): ProratePreview {
  const measure = measureOf(read.scorecard, req.measure);
  const names = new Map(read.scorecard.units.map((u) => [u.id, u.name]));
  const additive = measure.kind === "count" || measure.kind === "amount";
  const lines = result.units.map((a) => ({
    unit: a.id,
    unitName: names.get(a.id) ?? a.id,
    value: a.value,
    quota: a.quota,
    sharePct: additive ? (req.total > 0 ? (a.value / req.total) * 100 : 0) : a.weightShare * 100,
    locked: a.locked,
    // The engine names units by id; the pane speaks in the names people typed, and without jargon.
    reason: plainReason(a.reason.split(a.id).join(names.get(a.id) ?? a.id)),
  }));
  const p = result.provenance;
  const warnings = [
    ...p.warnings.map((w) => [w.message, w.fix].filter(Boolean).join(" ")),
    ...(p.methodUsed !== p.method
      ? [
          `"${METHOD_WORDS[p.method] ?? p.method}" could not be used with these units' figures, so the targets are split "${METHOD_WORDS[p.methodUsed] ?? p.methodUsed}".`,
        ]
      : []),
  ];
  return { lines, total: req.total, kind: measure.kind, unitLabel: measure.unitLabel, warnings };
}

/** Monthly milestones for every unit's new target. */
export function scheduleFor(
  result: ProrationResult,
  req: ProrateRequest,
  read: ReadResult,
): MilestoneSchedule {
  const { scorecard } = read;
  const measure = measureOf(scorecard, req.measure);
  const rateLike = measure.kind === "rate" || measure.kind === "ratio";
  try {
    return spreadMilestones({
      kind: measure.kind,
      fiscalYear: req.fiscalYear,
      fyStartMonth: req.fyStartMonth,
      spread: req.spread === "ramp" ? { kind: "ramp", shape: "linear" } : { kind: req.spread },
      units: result.units.map((a) => {
        const prior = actualsIn(scorecard, measure.id, a.id, req.fiscalYear - 1, req.fyStartMonth);
        return {
          id: a.id,
          target: a.value,
          baseline: rateLike ? lastOf(prior) : undefined,
          priorActuals: prior,
        };
      }),
      increment: rateLike ? undefined : req.increment,
    });
  } catch (e) {
    if (e instanceof ProrationError)
      throw new PortError(e.message, "Change the spread or the fiscal year and try again.");
    throw e;
  }
}

/** Rows that put each unit's target and milestones on tblMonthly and the program target on tblProgramTargets. */
export function prorationRows(
  result: ProrationResult,
  schedule: MilestoneSchedule,
  req: ProrateRequest,
): TableRows[] {
  const milestoneHeaders = Array.from({ length: 12 }, (_, i) =>
    monthlyHeader("Milestone", req.fyStartMonth, i),
  );
  // By id once: a find per unit made a 1,000-office write quadratic.
  const milestonesOf = new Map(schedule.units.map((u) => [u.id, u] as const));
  const monthly: TableRows = {
    table: TABLES.monthly,
    columns: [
      MONTHLY_KEY_HEADERS.measure,
      MONTHLY_KEY_HEADERS.unit,
      MONTHLY_KEY_HEADERS.fiscalYear,
      MONTHLY_KEY_HEADERS.target,
      ...milestoneHeaders,
    ],
    rows: result.units.map((a) => {
      const perPeriod = milestonesOf.get(a.id)?.perPeriod ?? [];
      return [
        req.measure,
        a.id,
        req.fiscalYear,
        a.value,
        ...milestoneHeaders.map((_, i) => perPeriod[i] ?? null),
      ];
    }),
  };
  const program: TableRows = {
    table: TABLES.programTargets,
    columns: [
      PROGRAM_TARGET_HEADERS.measure,
      PROGRAM_TARGET_HEADERS.fiscalYear,
      PROGRAM_TARGET_HEADERS.target,
      PROGRAM_TARGET_HEADERS.method,
    ],
    rows: [[req.measure, req.fiscalYear, req.total, req.method]],
  };
  return [monthly, program];
}
