/**
 * The demo's target revision log: the targets as the budget office issued them before each
 * fiscal year, then a short history a real program has: a typo corrected, a target raised when
 * policy changed and one target cut late in the year, which the late-target-cut flag finds. The
 * grid holds the targets as they stand after the history, so the log and the workbook agree.
 */
import type { Observation } from "../engine/model";
import { appendRevisions } from "../engine/revisions/chain";
import type { LoggedRevision, Revision } from "../engine/revisions/types";
import type { PlantedPattern } from "./demo";
import type { WorkbookInput } from "./input";
import { baselineRevisions } from "./sheets/revisions";

const ISSUER = "R. Delgado";

interface Step {
  measure: string;
  unit: string;
  fiscalYear: number;
  at: string;
  who: string;
  reason: Revision["reason"];
  note: string;
  /** The target before this revision, from the target it leaves (the grid's). */
  before: (after: number) => number;
}

/** Fiscal years are federal (October); `fy` is the current one, e.g. 2027. */
function steps(fy: number): Step[] {
  return [
    {
      measure: "orders",
      unit: "wicomico",
      fiscalYear: fy - 1,
      at: `${fy - 2}-10-09T13:41:27Z`,
      who: "R. Delgado",
      reason: "correction",
      note: "Issued as 8.4 instead of 84: a decimal slipped when the targets were keyed.",
      before: (after) => Math.round(after) / 10,
    },
    {
      measure: "locates",
      unit: "baltimore-city",
      fiscalYear: fy - 1,
      at: `${fy - 1}-07-16T14:32:05Z`,
      who: "T. Whitfield",
      reason: "resources-changed",
      note: "Two locate specialists moved to the intake backlog in June; target brought in line with staffing.",
      before: (after) => Math.round(after * 1.09),
    },
    {
      measure: "genetic-tests",
      unit: "montgomery",
      fiscalYear: fy,
      at: `${fy}-01-20T10:05:48Z`,
      who: "R. Delgado",
      reason: "policy-changed",
      note: "Courthouse testing kiosk opened in January; target raised by the program office.",
      before: (after) => Math.max(0, after - 40),
    },
  ];
}

/**
 * The demo's log over its observations (whose targets are final), and the late cut it plants.
 * Example: `demoHistory(input, 2027).log.filter((r) => r.source !== "baseline").length === 3`.
 */
export function demoHistory(
  input: WorkbookInput,
  fy: number,
): { log: LoggedRevision[]; planted: PlantedPattern } {
  const targetOf = (s: Step): Observation =>
    input.observations.find(
      (o) => o.measure === s.measure && o.unit === s.unit && o.period === String(s.fiscalYear),
    )!;
  const history = steps(fy);
  const original = new Map(history.map((s) => [s, s.before(targetOf(s).target!)]));
  const baseline = baselineRevisions(input).map((r): Revision => {
    const step = history.find(
      (s) => s.measure === r.measure && s.unit === r.unit && String(s.fiscalYear) === r.period,
    );
    return {
      ...r,
      // Issued the last Friday of September, before the year starts.
      at: `${Number(r.period) - 1}-09-2${Number(r.period) % 2 === 0 ? 6 : 5}T15:00:00Z`,
      who: ISSUER,
      note: "Issued with the fiscal year's plan.",
      newValue: step ? original.get(step)! : r.newValue,
    };
  });
  const revisions: Revision[] = history.map((s) => ({
    at: s.at,
    who: s.who,
    source: "pane-proration",
    measure: s.measure,
    unit: s.unit,
    period: String(s.fiscalYear),
    field: "target",
    oldValue: original.get(s)!,
    newValue: targetOf(s).target!,
    reason: s.reason,
    note: s.note,
  }));
  const all = [...baseline, ...revisions].sort((a, b) => a.at.localeCompare(b.at));
  const cut = history[1];
  return {
    log: appendRevisions([], all),
    planted: {
      detector: "late-target-cut",
      measure: cut.measure,
      unit: cut.unit,
      how: `FY${cut.fiscalYear} target cut from ${original.get(cut)} to ${targetOf(cut).target} in July, month 10 of 12`,
    },
  };
}
