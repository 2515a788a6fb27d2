/**
 * Reading the log against the workbook: the last logged value of each target or milestone, the
 * cells whose value differs from it (changed without being logged), and one measure and unit's
 * history as a manager reads it beside the status.
 */
import type { CellRef, Period } from "../model";
import { canonicalNumber } from "./chain";
import type { Revision, RevisionField } from "./types";

/** A value the workbook holds now, with the cell it sits in. */
export interface CurrentValue {
  measure: string;
  unit: string;
  period: Period;
  field: RevisionField;
  value: number | null;
  source?: CellRef;
}

export interface UnloggedChange extends CurrentValue {
  /** The last logged value; undefined when the log never mentions this cell's value. */
  loggedValue?: number | null;
  message: string;
}

const keyOf = (v: { measure: string; unit: string; period: Period; field: RevisionField }): string =>
  JSON.stringify([v.measure, v.unit, v.period, v.field]);

/** The newest logged value of every measure x unit x period x field. */
export function lastLoggedValues(log: readonly Revision[]): Map<string, number | null> {
  const last = new Map<string, number | null>();
  for (const r of log) last.set(keyOf(r), r.newValue);
  return last;
}

const where = (v: CurrentValue): string =>
  v.source ? `${v.source.sheet}!${v.source.address ?? `R${v.source.row}C${v.source.column}`}` : "its cell";

/**
 * Whether a cell still holds the logged value as a spreadsheet stores it: the same 15 significant
 * digits, or within rounding of the 15th (a saved 70.25641025641025 may come back as
 * 70.2564102564103 or ...102, depending on who rounded). Example: `sameStored(0.1 + 0.2, 0.3)`.
 */
export function sameStored(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  if (canonicalNumber(a) === canonicalNumber(b)) return true;
  return Math.abs(a - b) <= 1e-14 * Math.max(Math.abs(a), Math.abs(b));
}

const shown = (v: number | null | undefined): string =>
  v === null || v === undefined ? "blank" : canonicalNumber(v);

/**
 * Values that differ from their last logged value, compared as a spreadsheet stores them (15
 * significant digits). A value the log never mentions counts as unlogged unless it is blank.
 * Example: a target typed over a logged 120 as 100 comes back with `loggedValue: 120`.
 */
export function unloggedChanges(
  log: readonly Revision[],
  current: readonly CurrentValue[],
): UnloggedChange[] {
  const last = lastLoggedValues(log);
  const out: UnloggedChange[] = [];
  for (const v of current) {
    const key = keyOf(v);
    const logged = last.has(key) ? last.get(key) : undefined;
    if (logged === undefined && v.value === null) continue;
    if (logged !== undefined && sameStored(logged, v.value)) continue;
    const label = `${v.field} of ${v.measure} for ${v.unit}, ${v.period}`;
    out.push({
      ...v,
      loggedValue: logged,
      message:
        logged === undefined
          ? `The ${label} (${where(v)}) is ${shown(v.value)} but was never logged. Log it with a reason.`
          : `The ${label} (${where(v)}) is ${shown(v.value)}; the log last says ${shown(logged)}. Log the change with a reason, or put the value back.`,
    });
  }
  return out;
}

/**
 * One measure and unit's revisions, oldest first, for the pane and reports.
 * Example: `revisionHistory(log, "orders", "north").every((r) => r.unit === "north")`.
 */
export function revisionHistory(log: readonly Revision[], measure: string, unit: string): Revision[] {
  return log.filter((r) => r.measure === measure && r.unit === unit);
}
