/**
 * Operations that write merged results into a Yardstick table without touching people's
 * columns: drop rows bottom-up (whole table rows), rewrite owned cells of kept rows, then
 * write new rows below the table and grow it (Table.resize on ExcelApi 1.13, else the
 * table is converted to a range and re-created over the larger block).
 */
import type { PlanValue } from "../workbook/plan";
import { type Block, blockAddress } from "./addresses";
import type { MergePlan } from "./merge";
import { type QueuedOp, jsonBytes, op, sliceRows } from "./payload";
import { cellInput } from "./text";

export interface ResultsTarget {
  table: string;
  sheet: string;
  style?: string;
  /** The data body before the write. */
  body: Block;
  headers: string[];
  current: unknown[][];
}

/** Runs of consecutive indexes: [1,2,3,7] -> [[1,2,3],[7]]. */
function runs(indexes: number[]): number[][] {
  const sorted = [...indexes].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else out.push([i]);
  }
  return out;
}

export function writeBlock(
  sheet: string,
  block: Block,
  grid: (PlanValue | undefined)[][],
  sliceBytes: number,
): QueuedOp[] {
  if (grid.length === 0) return [];
  // null in a 2-D write leaves the cell as it is; "" clears it.
  return sliceRows(
    grid.map((r) => r.map((v) => (v === undefined ? null : cellInput(v)))),
    sliceBytes,
  ).map((slice) =>
    op(jsonBytes(slice.rows), (context) => {
      const target = { ...block, row: block.row + slice.offset, rows: slice.rows.length };
      context.workbook.worksheets.getItem(sheet).getRange(blockAddress(target)).formulas = slice.rows;
    }),
  );
}

/** Grow a table to `rows` body rows, after the new rows have been written below it. */
export function growOp(target: ResultsTarget, rows: number, canResize: boolean): QueuedOp {
  const whole = { ...target.body, row: target.body.row - 1, rows: rows + 1 };
  return op(128, (context) => {
    const sheet = context.workbook.worksheets.getItem(target.sheet);
    if (canResize) {
      context.workbook.tables.getItem(target.table).resize(blockAddress(whole));
      return;
    }
    context.workbook.tables.getItem(target.table).convertToRange();
    const t = sheet.tables.add(blockAddress(whole), true);
    t.name = target.table;
    if (target.style) t.style = target.style;
  });
}

/** Delete body rows [from, from+count) with shift up (whole table rows). */
export function deleteRowsOp(target: ResultsTarget, from: number, count: number): QueuedOp {
  const block = { ...target.body, row: target.body.row + from, rows: count };
  return op(64, (context) =>
    context.workbook.worksheets.getItem(target.sheet).getRange(blockAddress(block)).delete("Up"),
  );
}

/** The operations and the table's rows afterwards (for fingerprints and revert). */
export function resultsOps(
  target: ResultsTarget,
  merge: MergePlan,
  canResize: boolean,
  sliceBytes: number,
): { ops: QueuedOp[]; finalRows: unknown[][] } {
  const ops: QueuedOp[] = [];
  const keep = merge.existing.map((e) => e !== "drop");
  // A table keeps at least one body row: reuse the first row as a slot when all rows go.
  const slot = !keep.some(Boolean) && merge.existing.length > 0;
  const dropped = merge.existing.flatMap((e, r) => (e === "drop" && !(slot && r === 0) ? [r] : []));
  for (const run of runs(dropped).reverse()) ops.push(deleteRowsOp(target, run[0], run.length));
  // keptRows: the rows as they will read afterwards; changes: what to send (undefined leaves a cell).
  const keptRows: unknown[][] = [];
  const changes: (PlanValue | undefined)[][] = [];
  target.current.forEach((row, r) => {
    const next = merge.existing[r];
    if (next === "drop" && !(slot && r === 0)) return;
    const out = [...row];
    const change: (PlanValue | undefined)[] = target.headers.map(() => undefined);
    merge.ownedIndexes.forEach((c, k) => {
      const v = next === "drop" ? null : next[k];
      if (v === undefined) return;
      out[c] = v;
      change[c] = v;
    });
    keptRows.push(out);
    changes.push(change);
  });
  const kept = keptRows.length;
  for (const colRun of runs(merge.ownedIndexes)) {
    const grid = changes.map((row) => colRun.map((c) => row[c]));
    if (grid.every((row) => row.every((v) => v === undefined))) continue;
    ops.push(
      ...writeBlock(
        target.sheet,
        { ...target.body, column: target.body.column + colRun[0], columns: colRun.length, rows: kept },
        grid,
        sliceBytes,
      ),
    );
  }
  let appended = merge.appended;
  if (slot && appended.length > 0) {
    ops.push(...writeBlock(target.sheet, { ...target.body, rows: 1 }, [appended[0]], sliceBytes));
    keptRows[0] = appended[0];
    appended = appended.slice(1);
  }
  if (appended.length > 0) {
    ops.push(
      ...writeBlock(
        target.sheet,
        { ...target.body, row: target.body.row + kept, rows: appended.length },
        appended,
        sliceBytes,
      ),
    );
    ops.push(growOp(target, kept + appended.length, canResize));
  }
  return { ops, finalRows: [...keptRows, ...appended] };
}
