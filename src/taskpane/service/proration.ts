/**
 * The Prorate tab's work: turn a request and the workbook's scorecard into engine input,
 * the engine's answer into preview lines, and the result into cell writes on tblMonthly.
 */
import type { MeasureDef, Scorecard, UnitDef } from "../../engine/model";
import { fiscalYearMonths, fiscalYearOf, isMonth } from "../../engine/period";
import { ProrationError, prorate, type ProrationInput, type ProrationResult } from "../../engine/prorate";
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
  return {
    measures: scorecard.measures,
    units: scorecard.units,
    drivers,
    fyStartMonth: scorecard.fyStartMonth,
    fiscalYear,
  };
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

/** Run the engine, turning its typed errors into messages that say what to change. */
export function runProration(req: ProrateRequest, read: ReadResult): ProrationResult {
  try {
    return prorate(prorationInput(req, read));
  } catch (e) {
    if (e instanceof ProrationError)
      throw new PortError(e.message, "Change the inputs above and preview again.");
    throw e;
  }
}

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
    // The engine names units by id; the pane speaks in the names people typed.
    reason: a.reason.split(a.id).join(names.get(a.id) ?? a.id),
  }));
  const p = result.provenance;
  const warnings = [
    ...p.warnings.map((w) => [w.message, w.fix].filter(Boolean).join(" ")),
    ...(p.methodUsed !== p.method
      ? [`Used ${p.methodUsed} instead of ${p.method}: ${p.fallbacks.join(", ")}.`]
      : []),
  ];
  return { lines, total: req.total, unitLabel: measure.unitLabel, warnings };
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
      const perPeriod = schedule.units.find((u) => u.id === a.id)?.perPeriod ?? [];
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
