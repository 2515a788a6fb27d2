/**
 * Appending to the target revision log inside the same Excel.run as the write it records: the
 * rows sealed onto the log as it reads now (tblRevisions), and the seal in About's settings
 * (row count and last hash) rewritten, as queued operations that ride in the write's own syncs.
 */
import { appendRevisions } from "../engine/revisions/chain";
import type { LoggedRevision, Revision } from "../engine/revisions/types";
import { REVISION_HEADERS, SETTINGS, SETTINGS_HEADERS, TABLES } from "../workbook/layout";
import type { PlanScalar, PlanValue } from "../workbook/plan";
import { readRevisionLog } from "../workbook/readRevisions";
import { revisionRow, revisionValueFormat } from "../workbook/sheets/revisions";
import { blockAddress, parseRangeAddress } from "./addresses";
import { mergeResults, type MergePlan } from "./merge";
import { jsonBytes, op, type QueuedOp } from "./payload";
import type { TableContents } from "./readTables";
import { resultsOps, type ResultsTarget } from "./results";
import type { TableSnapshot } from "./revert";

/** What to log with a write: the revision rows, and settings to set beside the seal (the "who" name). */
export interface LogAppend {
  revisions: readonly Revision[];
  settings?: [string, PlanScalar][];
}

/** The tables a logged write reads besides its own. */
export const LOG_TABLES = [TABLES.revisions, TABLES.settings];

function targetOf(contents: TableContents): ResultsTarget {
  return {
    table: contents.tableName,
    sheet: contents.sheetName,
    style: contents.style,
    body: parseRangeAddress(contents.bodyAddress).block,
    headers: contents.headers,
    current: contents.values ?? contents.rows,
  };
}

/**
 * The appended rows' Old and New value formats, as the Revisions sheet is built with them (a
 * rate target 91.244, not 91.243902439): one 2-D number-format write per column.
 */
function valueFormatOps(target: ResultsTarget, appended: PlanValue[][], offset: number): QueuedOp[] {
  const lower = target.headers.map((h) => h.toLowerCase());
  return [REVISION_HEADERS.oldValue, REVISION_HEADERS.newValue].flatMap((header) => {
    const c = lower.indexOf(header.toLowerCase());
    if (c < 0 || appended.length === 0) return [];
    const grid = appended.map((row) => [revisionValueFormat(row[c]) ?? "General"]);
    const block = { ...target.body, row: target.body.row + offset, column: target.body.column + c };
    return [
      op(jsonBytes(grid), (context) => {
        context.workbook.worksheets
          .getItem(target.sheet)
          .getRange(blockAddress({ ...block, rows: grid.length, columns: 1 })).numberFormat = grid;
      }),
    ];
  });
}

const blank = (row: unknown[]) => row.every((v) => v === null || v === undefined || v === "");

/**
 * Operations that append `append.revisions` to tblRevisions and rewrite the seal, and the rows
 * as logged (with their hashes). Nothing when the workbook has no tblRevisions (made before the
 * log existed). Example: `logOps(tables.tblRevisions, tables.tblSettings, { revisions }, true, 2e6)`.
 */
export function logOps(
  log: TableContents | undefined,
  settings: TableContents | undefined,
  append: LogAppend,
  canResize: boolean,
  sliceBytes: number,
): { ops: QueuedOp[]; logged: LoggedRevision[]; snapshots: TableSnapshot[] } {
  const ops: QueuedOp[] = [];
  // What Revert needs to take the log rows and the seal back with the write they record.
  const snapshots: TableSnapshot[] = [];
  const snapshotOf = (contents: TableContents, target: ResultsTarget, after: unknown[][]): TableSnapshot => ({
    target: { ...target, current: contents.rows },
    after,
    values: contents.values ?? contents.rows,
  });
  let logged: LoggedRevision[] = [];
  let seal: [string, PlanScalar][] = [];
  if (log && append.revisions.length > 0) {
    const target = targetOf(log);
    const existing = readRevisionLog({ ...log, rows: target.current }, []).log;
    const all = appendRevisions(existing, append.revisions);
    logged = all.slice(existing.length);
    const order = Object.values(REVISION_HEADERS);
    const lower = order.map((h) => h.toLowerCase());
    const appended = logged.map((r) => {
      const row = revisionRow(r);
      return log.headers.map((h): PlanValue => {
        const i = lower.indexOf(h.toLowerCase());
        return i < 0 ? null : row[i];
      });
    });
    // A new workbook's log is one blank row: the first revision takes its place.
    const empty = target.current.every(blank);
    const merge: MergePlan = {
      existing: target.current.map(() => (empty ? "drop" : log.headers.map(() => undefined))),
      appended,
      ownedIndexes: log.headers.map((_, i) => i),
      droppedWithNotes: [],
    };
    const written = resultsOps(target, merge, canResize, sliceBytes);
    ops.push(...written.ops);
    snapshots.push(snapshotOf(log, target, written.finalRows));
    ops.push(...valueFormatOps(target, appended, empty ? 0 : target.current.length));
    seal = [
      [SETTINGS.revisionRows, all.length],
      [SETTINGS.revisionHead, all[all.length - 1].hash],
    ];
  }
  const rows = [...seal, ...(append.settings ?? [])];
  if (settings && rows.length > 0) {
    const target = targetOf(settings);
    const [label, value] = SETTINGS_HEADERS;
    const merge = mergeResults(
      settings.headers,
      [label],
      [label, value],
      target.current,
      { columns: [label, value], rows },
      true,
    );
    const written = resultsOps(target, merge, canResize, sliceBytes);
    ops.push(...written.ops);
    snapshots.push(snapshotOf(settings, target, written.finalRows));
  }
  return { ops, logged, snapshots };
}
