/**
 * Collect returned office copies into their master: check each against its stamp, keep the
 * newest issue per unit (an older issue is superseded; two copies of one issue with the same
 * values are merged once, with different values they are a conflict), then merge the typed
 * inputs three ways: a cell the master left as issued takes the office's value; a cell the
 * master changed since issue and the office changed differently is a conflict, listed and never
 * overwritten. Nothing from a rejected copy enters the master. Pure: the caller reads the files
 * and supplies the clock.
 */
import { appendRevisions } from "../../engine/revisions/chain";
import type { Revision } from "../../engine/revisions/types";
import { logInstant } from "../recording";
import type { Observation } from "../../engine/model";
import { copyObservation, observation } from "../../engine/observation";
import { fiscalYearMonths } from "../../engine/period";
import type { WorkbookInput } from "../input";
import { parseMonthlyHeader, TABLES, type RawTable } from "../layout";
import type { TablesInput } from "../read";
import type { ReturnsRow } from "../sheets/returns";
import { canonicalCell } from "./canonical";
import {
  checkReturn,
  type CheckedReturn,
  type InputChange,
  type LoopFinding,
  type ReturnedCopy,
} from "./check";
import type { MasterModel } from "./master";
import { unitGroups } from "./split";
import { STAMP_LABELS } from "./stamp";
import { missingRows } from "./missing";
import { utcDay } from "./calendar";
import { LOOP_ROLES, rowKey } from "./tables";

export interface CellMerge extends InputChange {
  file: string;
}

export interface MergeConflict {
  unit: string;
  key: string;
  header: string;
  /** Canonical texts ("n:12"; "" blank): as issued, in the master now, in each return. */
  issued: string;
  master: string;
  returned: { file: string; value: string }[];
  reason: string;
}

export interface CollectOptions {
  /** Now, ISO 8601 (the caller's clock): a unit with nothing back after its due date is late. */
  now: string;
  /**
   * The calendar day (YYYY-MM-DD) of an ISO instant where the collecting person is, which judges
   * lateness against the due date: `localDay` for the machine's time zone. Default: the UTC day,
   * which west of UTC would call an office late from the evening of its due day.
   */
  dayOf?: (iso: string) => string;
  /** The master's Returns rows from earlier collects, carried forward. */
  previous?: ReturnsRow[];
  /**
   * Move the master's as-of month to the month the merged copies report, when later (default
   * true): the Dashboard then judges the month just collected, and shows who has not reported.
   */
  advanceAsOf?: boolean;
}

export interface CollectResult {
  merges: CellMerge[];
  conflicts: MergeConflict[];
  findings: LoopFinding[];
  returns: ReturnsRow[];
  /** The master's input with the merges applied (and its Master ID setting), ready to write. */
  input: WorkbookInput;
}

const shown = (canonical: string) => (canonical === "" ? "blank" : canonical.slice(2));

/** The master's tblMonthly cells by row key and header, as canonical text. */
function masterCells(table: RawTable | undefined): (key: string, header: string) => string {
  if (!table) return () => "";
  const role = LOOP_ROLES.find((r) => r.table === TABLES.monthly)!;
  const rows = new Map<string, number>();
  table.rows.forEach((_, i) => {
    const key = rowKey(table, role, i);
    if (key !== undefined && !rows.has(key)) rows.set(key, i);
  });
  const cols = new Map(table.headers.map((h, j) => [h, j]));
  return (key, header) => {
    const i = rows.get(key);
    const j = cols.get(header);
    return i === undefined || j === undefined ? "" : canonicalCell(table.rows[i][j]);
  };
}

function changeMap(r: CheckedReturn): Map<string, string> {
  return new Map(r.changes.map((c) => [`${c.key}\u0000${c.header}`, c.returned]));
}

function row(
  r: CheckedReturn,
  status: ReturnsRow["status"],
  reason: string,
  day: (iso: string) => string,
): ReturnsRow {
  const late =
    r.stamp && day(r.copy.receivedAt) > r.stamp.due
      ? `late: received ${day(r.copy.receivedAt)}, due ${r.stamp.due}`
      : "";
  return {
    unit: r.stamp?.unit ?? "(not known)",
    issued: r.stamp?.issuedAt ?? "",
    due: r.stamp?.due ?? "",
    file: r.copy.file,
    received: r.copy.receivedAt,
    status,
    reason: [reason, late].filter(Boolean).join("; "),
    cellsMerged: 0,
    conflicts: 0,
    findings: r.findings.map((f) => f.message).join(" | "),
  };
}

/**
 * Apply merged values to the master's observations (a new observation where none exists), and
 * return the revisions: an actual the master already held and the return changed ("revised
 * actuals too" in the revision log; a first report of a month is not a revision).
 */
function applyMerges(
  input: WorkbookInput,
  merges: CellMerge[],
  at: string,
): { observations: Observation[]; revised: Revision[] } {
  const revised: Revision[] = [];
  const observations = input.observations.map(copyObservation);
  const index = new Map(observations.map((o, i) => [`${o.measure}\u0000${o.unit}\u0000${o.period}`, i]));
  for (const m of merges) {
    const parsed = parseMonthlyHeader(m.header)!;
    const period = fiscalYearMonths(m.fiscalYear, input.fyStartMonth).find(
      (p) => Number(p.slice(5)) === parsed.calendarMonth,
    )!;
    const k = `${m.measure}\u0000${m.unit}\u0000${period}`;
    let i = index.get(k);
    if (i === undefined) {
      i = observations.push(observation(m.measure, m.unit, period)) - 1;
      index.set(k, i);
    }
    if (parsed.series === "Actual") {
      const before = observations[i].actual;
      if (before !== undefined && before !== m.value)
        revised.push({
          at,
          who: input.revisionWho ?? "",
          source: "collected-return",
          measure: m.measure,
          unit: m.unit,
          period,
          field: "actual",
          oldValue: before,
          newValue: m.value,
          reason: "no-reason-given",
          note: `Collected from ${m.file}`,
        });
      observations[i].actual = m.value;
    } else observations[i].denominator = m.value;
  }
  return { observations, revised };
}

/**
 * Collect returns into a master.
 * Example: `collectReturns(readMaster(tables), tables, [{ file, receivedAt, tables: copy }], { now }).merges`.
 */
export function collectReturns(
  master: MasterModel,
  masterTables: TablesInput,
  copies: ReturnedCopy[],
  options: CollectOptions,
): CollectResult {
  const day = options.dayOf ?? utcDay;
  const unitIds = master.input.units.map((u) => u.id);
  const groupsBy = new Map<string, Set<string>>();
  const knowsUnit = (stamp: { unit: string; groupedBy: string }) => {
    let groups = groupsBy.get(stamp.groupedBy);
    if (!groups) {
      try {
        groups = new Set(unitGroups(masterTables, unitIds, stamp.groupedBy).keys());
      } catch {
        groups = new Set();
      }
      groupsBy.set(stamp.groupedBy, groups);
    }
    return groups.has(stamp.unit);
  };
  const context = {
    masterId: master.masterId,
    measures: new Map(master.input.measures.map((m) => [m.id, m])),
    fyStartMonth: master.input.fyStartMonth,
    knowsUnit,
  };
  const ordered = [...copies].sort((a, b) =>
    a.receivedAt === b.receivedAt ? (a.file < b.file ? -1 : 1) : a.receivedAt < b.receivedAt ? -1 : 1,
  );
  const checked = ordered.map((c) => checkReturn(c, context));
  const findings: LoopFinding[] = checked.flatMap((c) => c.findings);
  const rows: ReturnsRow[] = [];
  const merges: CellMerge[] = [];
  const conflicts: MergeConflict[] = [];
  const current = masterCells(masterTables[TABLES.monthly]);

  for (const c of checked.filter((c) => c.rejected))
    rows.push(row(c, "rejected", c.findings.find((f) => f.severity === "error")?.message ?? "rejected", day));

  const byUnit = new Map<string, CheckedReturn[]>();
  for (const c of checked) {
    if (c.rejected || !c.stamp) continue;
    byUnit.set(c.stamp.unit, [...(byUnit.get(c.stamp.unit) ?? []), c]);
  }
  const previousIssue = new Map<string, string>();
  for (const p of options.previous ?? [])
    if (p.issued && p.issued > (previousIssue.get(p.unit) ?? "")) previousIssue.set(p.unit, p.issued);

  for (const [unit, list] of byUnit) {
    const newest = list.reduce(
      (m, c) => (c.stamp!.issuedAt > m ? c.stamp!.issuedAt : m),
      previousIssue.get(unit) ?? "",
    );
    const current_ = list.filter((c) => c.stamp!.issuedAt === newest);
    for (const c of list.filter((c) => c.stamp!.issuedAt !== newest)) {
      const message = `${c.copy.file} is the copy issued ${c.stamp!.issuedAt} for ${unit}; a newer copy was issued ${newest}, so nothing was taken from it.`;
      const f: LoopFinding = { severity: "warning", code: "return-older-issue", message, file: c.copy.file };
      findings.push(f);
      rows.push(row(c, "superseded", message, day));
    }
    if (current_.length === 0) continue;
    const [first, ...others] = current_;
    const firstChanges = changeMap(first);
    const disagree = others.filter((o) => !sameMap(changeMap(o), firstChanges));
    if (disagree.length > 0) {
      const all = [first, ...others];
      const maps = all.map(changeMap);
      const keys = new Set(maps.flatMap((m) => [...m.keys()]));
      for (const k of keys) {
        const values = maps.map((m) => m.get(k));
        if (values.every((v) => v === values[0])) continue;
        const [key, header] = k.split("\u0000");
        const issued =
          all
            .map((c) => c.changes.find((x) => x.key === key && x.header === header)?.issued)
            .find((v) => v !== undefined) ?? "";
        conflicts.push({
          unit,
          key,
          header,
          issued,
          master: current(key, header),
          returned: all.map((c, i) => ({ file: c.copy.file, value: values[i] ?? issued })),
          reason: `${all.length} returns for ${unit} disagree`,
        });
      }
      const files = all.map((c) => c.copy.file).join(", ");
      for (const c of all) {
        const message = `${files} all return ${unit} from the same issue with different values; nothing was taken from them: keep the right file and collect again.`;
        findings.push({ severity: "error", code: "return-duplicate", message, file: c.copy.file });
        const r = row(c, "rejected", message, day);
        r.conflicts = conflicts.filter((x) => x.unit === unit).length;
        rows.push(r);
      }
      continue;
    }
    for (const o of others) {
      const message = `${o.copy.file} repeats ${first.copy.file} for ${unit} with the same values; merged once.`;
      findings.push({ severity: "info", code: "return-duplicate", message, file: o.copy.file });
      rows.push(row(o, "superseded", message, day));
    }
    const r = row(first, "received", "", day);
    for (const change of first.changes) {
      const now = current(change.key, change.header);
      if (now === change.issued) {
        merges.push({ ...change, file: first.copy.file });
        r.cellsMerged += 1;
      } else if (now !== change.returned) {
        conflicts.push({
          unit,
          key: change.key,
          header: change.header,
          issued: change.issued,
          master: now,
          returned: [{ file: first.copy.file, value: change.returned }],
          reason: `the master changed this cell since issue (${shown(change.issued)} to ${shown(now)}) and the return says ${shown(change.returned)}`,
        });
        r.conflicts += 1;
      }
    }
    if (first.stamp && day(first.copy.receivedAt) > first.stamp.due)
      findings.push({
        severity: "info",
        code: "return-late",
        message: `${first.copy.file} for ${unit} arrived ${day(first.copy.receivedAt)}, after its due date ${first.stamp.due}; merged, and marked late.`,
        file: first.copy.file,
      });
    if (r.conflicts)
      findings.push({
        severity: "warning",
        code: "return-conflict",
        message: `${first.copy.file}: ${r.conflicts} cell(s) for ${unit} changed in the master since issue and differently in the return; listed, not overwritten.`,
        file: first.copy.file,
      });
    r.status = r.cellsMerged > 0 ? "merged" : "received";
    rows.push(r);
  }

  rows.push(...missingRows(master, masterTables, checked, byUnit, options));
  const carried = (options.previous ?? []).filter(
    (p) =>
      p.status !== "missing" &&
      p.status !== "late" &&
      !rows.some((r) => r.file === p.file && r.received === p.received),
  );
  const settingsRows: [string, string, string][] = master.hasMasterId
    ? (master.input.settingsRows ?? [])
    : [
        ...(master.input.settingsRows ?? []),
        [
          STAMP_LABELS.masterId,
          master.masterId,
          "This master's ID: every office copy split from it carries it.",
        ],
      ];
  const reported = checked
    .filter((c) => merges.some((m) => m.file === c.copy.file))
    .map((c) => c.stamp!.reportMonth)
    .sort()
    .pop();
  const asOfMonth =
    options.advanceAsOf !== false && reported && reported > master.input.asOfMonth
      ? reported
      : master.input.asOfMonth;
  const merged = applyMerges(master.input, merges, logInstant(new Date(options.now)));
  const input: WorkbookInput = {
    ...master.input,
    asOfMonth,
    observations: merged.observations,
    settingsRows,
    // Revised actuals join the master's log (a master without one starts it at its targets).
    ...(master.input.revisions ? { revisions: appendRevisions(master.input.revisions, merged.revised) } : {}),
  };
  return { merges, conflicts, findings, returns: [...carried, ...rows], input };
}

function sameMap(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
