/**
 * The Returns sheet of a master (tblReturns): one row per office copy received, and one per unit
 * still missing, written by collect. A person reads it to chase the missing and late offices
 * and to see what each return brought in or why it was refused.
 */
import { findColumns, TableCursor } from "../cells";
import type { RawTable } from "../layout";
import type { PlanScalar, PlanValue, SheetPlan } from "../plan";
import { computed, emptySheet, heading } from "./common";

export const RETURNS_SHEET = "Returns";
export const RETURNS_TABLE = "tblReturns";

export type ReturnStatus = "missing" | "late" | "received" | "merged" | "rejected" | "superseded";

export interface ReturnsRow {
  unit: string;
  /** Issue time of the copy (ISO), "" when no copy of the unit came back. */
  issued: string;
  /** YYYY-MM-DD, "" when not known. */
  due: string;
  file: string;
  /** ISO time the file was received (its modification time), "" for a missing unit. */
  received: string;
  status: ReturnStatus;
  /** Why rejected or superseded, or "late"; the first finding otherwise. */
  reason: string;
  cellsMerged: number;
  conflicts: number;
  /** The findings in the file, in words (sheet and cell named). */
  findings: string;
}

export const RETURNS_HEADERS = {
  unit: "Unit",
  issued: "Issued",
  due: "Due",
  file: "File",
  received: "Received",
  status: "Status",
  reason: "Reason",
  cellsMerged: "Cells merged",
  conflicts: "Conflicts",
  findings: "Findings",
} as const satisfies Record<keyof ReturnsRow, string>;

/** tblReturns' columns in sheet order. */
export const RETURNS_FIELDS: readonly (keyof ReturnsRow)[] = Object.keys(
  RETURNS_HEADERS,
) as (keyof ReturnsRow)[];

/** One return as its tblReturns row, in RETURNS_FIELDS order. */
export function returnsRowValues(r: ReturnsRow): PlanScalar[] {
  return RETURNS_FIELDS.map((f) => r[f]);
}

export const RETURN_STATUSES: readonly ReturnStatus[] = [
  "missing",
  "late",
  "received",
  "merged",
  "rejected",
  "superseded",
];

/** The Returns sheet. Example: `returnsSheet([]).tables[0].name === "tblReturns"`. */
export function returnsSheet(rows: ReturnsRow[]): SheetPlan {
  const sheet = emptySheet(
    RETURNS_SHEET,
    "The office copies collected: who sent what, when, what was merged and what was refused.",
    "5B7F95",
  );
  sheet.ranges.push(
    ...heading(
      "Returns",
      "Written by yardstick collect. merged: its cells are in the master; received: checked, nothing new; rejected: nothing from it entered the master (see Reason); superseded: a newer or identical copy was used; missing or late: nothing came back yet.",
    ),
  );
  const h = RETURNS_HEADERS;
  const first = 5;
  sheet.tables.push({
    name: RETURNS_TABLE,
    topLeft: `A${first - 1}`,
    columns: [
      computed(h.unit, undefined, 18),
      computed(h.issued, undefined, 21),
      computed(h.due, undefined, 11),
      computed(h.file, undefined, 28),
      computed(h.received, undefined, 21),
      computed(h.status, undefined, 11),
      computed(h.reason, undefined, 60),
      computed(h.cellsMerged, "0", 8),
      computed(h.conflicts, "0", 8),
      computed(h.findings, undefined, 80),
    ],
    rows: (rows.length ? rows : [undefined]).map((r): PlanValue[] =>
      r ? returnsRowValues(r) : new Array<PlanValue>(RETURNS_FIELDS.length).fill(null),
    ),
  });
  const last = first + Math.max(rows.length, 1) - 1;
  sheet.conditionalFormats.push(
    { type: "textEquals", range: `F${first}:F${last}`, text: "merged", color: "good" },
    { type: "textEquals", range: `F${first}:F${last}`, text: "rejected", color: "bad" },
    { type: "textEquals", range: `F${first}:F${last}`, text: "late", color: "bad" },
    { type: "textEquals", range: `F${first}:F${last}`, text: "missing", color: "warn" },
  );
  sheet.freeze = { rows: first - 1, columns: 1 };
  return sheet;
}

/** The rows of an existing tblReturns (a previous collect), to carry forward. */
export function readReturnsRows(table: RawTable | undefined): ReturnsRow[] {
  if (!table) return [];
  const cur = new TableCursor(table, []);
  const c = findColumns(table.headers, RETURNS_HEADERS);
  const out: ReturnsRow[] = [];
  table.rows.forEach((_, i) => {
    const unit = cur.text(i, c.unit);
    const status = cur.text(i, c.status) as ReturnStatus | undefined;
    if (!unit || !status || !RETURN_STATUSES.includes(status)) return;
    const text = (col: number) => cur.text(i, col) ?? "";
    const count = (col: number) => {
      const cell = cur.cell(i, col);
      return cell.kind === "number" ? cell.value : 0;
    };
    out.push({
      unit,
      issued: text(c.issued),
      due: text(c.due),
      file: text(c.file),
      received: text(c.received),
      status,
      reason: text(c.reason),
      cellsMerged: count(c.cellsMerged),
      conflicts: count(c.conflicts),
      findings: text(c.findings),
    });
  });
  return out;
}
