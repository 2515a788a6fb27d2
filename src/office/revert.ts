/**
 * The one-step revert used where Excel has no undo for add-in writes (before ExcelApi
 * 1.20): a snapshot of what the last operation changed, and the operations that put it back.
 */
import type { PlanValue } from "../workbook/plan";
import { type QueuedOp, op } from "./payload";
import { type ResultsTarget, deleteRowsOp, growOp, writeBlock } from "./results";
import type { YardstickState } from "./state";

export type Snapshot =
  | { kind: "created"; sheets: string[]; names: string[]; state: YardstickState }
  | { kind: "results"; target: ResultsTarget; finalRows: number; values: unknown[][]; state: YardstickState };

/**
 * A cell as it was: a formula when `formulas` holds one that differs from the value, else
 * the value as text-safe data. Example: `restoredCell("=A1", 3) === { formula: "=A1" }`.
 */
export function restoredCell(formula: unknown, value: unknown): PlanValue {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return { formula };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return value === "" ? null : value;
  return null;
}

/** Operations that undo the snapshot's operation. */
export function restoreOps(
  snapshot: Snapshot,
  canResize: boolean,
  budgetBytes: number,
  exists: Set<string>,
): QueuedOp[] {
  if (snapshot.kind === "created") {
    // A build Excel stopped midway added only some sheets and names.
    const present = (n: string): boolean => exists.has(n.toLowerCase());
    return [
      ...snapshot.names
        .filter(present)
        .map((n) => op(64, (context) => context.workbook.names.getItem(n).delete())),
      ...snapshot.sheets
        .filter(present)
        .map((s) => op(64, (context) => context.workbook.worksheets.getItem(s).delete())),
    ];
  }
  const { target, finalRows, values } = snapshot;
  const oldRows = target.current.length;
  const ops: QueuedOp[] = [];
  const now = { ...target, body: { ...target.body, rows: Math.max(finalRows, 1) } };
  if (now.body.rows > oldRows) ops.push(deleteRowsOp(now, oldRows, now.body.rows - oldRows));
  const grid = target.current.map((row, r) => row.map((f, c) => restoredCell(f, values[r]?.[c])));
  ops.push(
    ...writeBlock(
      target.sheet,
      { ...target.body, rows: Math.min(oldRows, now.body.rows) },
      grid.slice(0, now.body.rows),
      budgetBytes / 2,
    ),
  );
  if (oldRows > now.body.rows) {
    ops.push(
      ...writeBlock(
        target.sheet,
        { ...target.body, row: target.body.row + now.body.rows, rows: oldRows - now.body.rows },
        grid.slice(now.body.rows),
        budgetBytes / 2,
      ),
    );
    ops.push(growOp(now, oldRows, canResize));
  }
  return ops;
}
