/**
 * The revision log's side of the workbook port: the chain's state and the typed changes from a
 * read, the rows that log them, and a measure and unit's history, in the pane's shapes.
 */
import { revisionHistory } from "../../engine/revisions/audit";
import type { Revision, RevisionReason } from "../../engine/revisions/types";
import { TABLES } from "../../workbook/layout";
import type { ReadResult, TablesInput } from "../../workbook/read";
import { loggedCells } from "../../workbook/readRevisions";
import { logInstant, recordDetectedEdits, recordGridWrite } from "../../workbook/recording";
import type { RevisionEntry, RevisionReview } from "../revisions/port";
import type { TableRows } from "./gateway";

/** The log's state for the pane. Example: `reviewOf(read).typed.length` cells changed unlogged. */
export function reviewOf(read: ReadResult): RevisionReview {
  const r = read.revisions;
  const who = read.settings.revisionWho;
  if (!r) return { ...(who ? { who } : {}), hasLog: false, rows: 0, ok: true, typed: [] };
  const measureName = new Map(read.scorecard.measures.map((m) => [m.id, m.name]));
  const unitName = new Map(read.scorecard.units.map((u) => [u.id, u.name]));
  return {
    ...(who ? { who } : {}),
    hasLog: true,
    rows: r.log.length,
    ok: r.check.ok,
    ...(r.check.ok ? {} : { message: r.check.message }),
    typed: r.unlogged.map((u) => ({
      measure: u.measure,
      unit: u.unit,
      measureName: measureName.get(u.measure) ?? u.measure,
      unitName: unitName.get(u.unit) ?? u.unit,
      period: u.period,
      field: u.field,
      value: u.value,
      ...(u.loggedValue !== undefined ? { loggedValue: u.loggedValue } : {}),
      address: u.source ? `${u.source.sheet}!${u.source.address}` : "",
      message: u.message,
    })),
  };
}

/** The rows logging every typed change of a read, with one reason for the batch. */
export function typedChangeRevisions(
  read: ReadResult,
  reason: RevisionReason,
  note: string | undefined,
  now: Date,
): Revision[] {
  return recordDetectedEdits(read.revisions?.unlogged ?? [], {
    at: logInstant(now),
    who: read.settings.revisionWho ?? "",
    reason,
    note,
  });
}

/** The rows logging a proration's write into tblMonthly (none for a workbook without a log). */
export function prorationRevisions(
  monthly: TableRows,
  read: ReadResult,
  tables: TablesInput,
  options: { reason?: RevisionReason; note?: string },
  now: Date,
): Revision[] {
  if (!read.revisions) return [];
  const fyStartMonth = read.scorecard.fyStartMonth;
  return recordGridWrite(monthly, loggedCells(tables[TABLES.monthly], fyStartMonth, [], "all"), {
    at: logInstant(now),
    who: read.settings.revisionWho ?? "",
    source: "pane-proration",
    reason: options.reason,
    note: options.note,
    fyStartMonth,
  });
}

/** One measure and unit's history, oldest first. */
export function historyOf(read: ReadResult, measure: string, unit: string): RevisionEntry[] {
  return revisionHistory(read.revisions?.log ?? [], measure, unit).map((r) => ({
    at: r.at,
    who: r.who,
    source: r.source,
    period: r.period,
    field: r.field,
    oldValue: r.oldValue,
    newValue: r.newValue,
    reason: r.reason,
    note: r.note,
  }));
}
