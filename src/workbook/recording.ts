/**
 * The one way a write of targets or milestones is logged (docs/design.md, last paragraph): rows
 * for tblMonthly in, the revision rows that record them out, computed against what the cells
 * hold now, so the pane, collect and the command line log alike and in the same batch as the
 * write. Also: the rows that log changes people typed, once they give a reason.
 */
import type { UnloggedChange } from "../engine/revisions/audit";
import { sameStored } from "../engine/revisions/audit";
import type { Revision, RevisionReason, RevisionSource } from "../engine/revisions/types";
import { fiscalYearMonths } from "../engine/period";
import { findColumns } from "./cells";
import { MONTHLY_KEY_HEADERS, parseMonthlyHeader } from "./layout";
import type { PlanScalar } from "./plan";
import type { CurrentValue } from "../engine/revisions/audit";

/** Rows written to tblMonthly, matched by its key columns (measure, unit, fiscal year). */
export interface GridWrite {
  columns: string[];
  rows: PlanScalar[][];
}

/** Who logs, when and why. `at` comes from the caller's clock (this layer has none). */
export interface RecordContext {
  /** UTC instant, `YYYY-MM-DDTHH:MM:SSZ`. */
  at: string;
  who: string;
  source: RevisionSource;
  /** Default: "baseline" for a cell that was blank, "no-reason-given" otherwise. */
  reason?: RevisionReason;
  note?: string;
  fyStartMonth: number;
}

/** A `Date` as the log writes it: `2027-02-03T08:15:00Z` (no milliseconds). */
export function logInstant(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

const cellKey = (measure: string, unit: string, period: string, field: string) =>
  JSON.stringify([measure, unit, period, field]);

const asNumber = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The revisions a grid write makes: one per target or milestone cell whose value changes (a
 * cell written with the value it holds is not a revision). `current` is every target and
 * milestone the grid holds now (`loggedCells(..., "all")`). Example: a proration over 12 units
 * logs up to 12 targets and 144 milestones.
 */
export function recordGridWrite(
  write: GridWrite,
  current: readonly CurrentValue[],
  ctx: RecordContext,
): Revision[] {
  const before = new Map(current.map((c) => [cellKey(c.measure, c.unit, c.period, c.field), c.value]));
  const k = findColumns(write.columns, MONTHLY_KEY_HEADERS);
  if (k.measure < 0 || k.unit < 0 || k.fiscalYear < 0)
    throw new RangeError("a grid write names its rows by Measure ID, Unit ID and Fiscal year");
  const milestones = write.columns
    .map((h, col) => ({ parsed: parseMonthlyHeader(h), col }))
    .filter((m) => m.parsed?.series === "Milestone");
  const out: Revision[] = [];
  for (const row of write.rows) {
    const measure = String(row[k.measure]);
    const unit = String(row[k.unit]);
    const fy = Number(row[k.fiscalYear]);
    const cells: { period: string; field: "target" | "milestone"; value: number | null }[] = [];
    if (k.target >= 0) cells.push({ period: String(fy), field: "target", value: asNumber(row[k.target]) });
    const months = fiscalYearMonths(fy, ctx.fyStartMonth);
    for (const m of milestones) {
      const period = months.find((p) => Number(p.slice(5)) === m.parsed!.calendarMonth)!;
      cells.push({ period, field: "milestone", value: asNumber(row[m.col]) });
    }
    for (const c of cells) {
      const old = before.get(cellKey(measure, unit, c.period, c.field)) ?? null;
      if (sameStored(old, c.value)) continue;
      out.push(
        revision(ctx, { measure, unit, period: c.period, field: c.field, oldValue: old, newValue: c.value }),
      );
    }
  }
  return out;
}

/**
 * The rows that log changes people typed, with the reason they gave once for the batch
 * ("no-reason-given" when they skipped the question). Example: one row per unlogged cell.
 */
export function recordDetectedEdits(
  changes: readonly UnloggedChange[],
  ctx: Omit<RecordContext, "source" | "fyStartMonth">,
): Revision[] {
  return changes.map((c) =>
    revision(
      { ...ctx, source: "pane-detected-edit", reason: ctx.reason ?? "no-reason-given" },
      {
        measure: c.measure,
        unit: c.unit,
        period: c.period,
        field: c.field,
        oldValue: c.loggedValue ?? null,
        newValue: c.value,
      },
    ),
  );
}

function revision(
  ctx: Pick<RecordContext, "at" | "who" | "source" | "reason" | "note">,
  cell: Pick<Revision, "measure" | "unit" | "period" | "field" | "oldValue" | "newValue">,
): Revision {
  // The reader trims what it reads, so the hash covers trimmed text.
  return {
    at: ctx.at,
    who: ctx.who.trim(),
    source: ctx.source,
    ...cell,
    reason: ctx.reason ?? (cell.oldValue === null ? "baseline" : "no-reason-given"),
    note: (ctx.note ?? "").trim(),
  };
}
