/**
 * Read the target revision log (tblRevisions) back and hold it against the workbook: verify its
 * hash chain and seal, and list target and milestone cells of tblMonthly whose value differs
 * from the last logged value. Both come back as findings with the cell they concern, so
 * `yardstick check` and the pane say where the log breaks and which cells changed unlogged.
 */
import type { Finding } from "../engine/model";
import { fiscalYearMonths } from "../engine/period";
import { unloggedChanges, type CurrentValue, type UnloggedChange } from "../engine/revisions/audit";
import { verifyChain, type ChainCheck, type ChainSeal } from "../engine/revisions/chain";
import type { LoggedRevision, Revision } from "../engine/revisions/types";
import { findColumns, TableCursor } from "./cells";
import {
  a1,
  MONTHLY_KEY_HEADERS,
  parseMonthlyHeader,
  REVISION_HEADERS,
  TABLES,
  type RawTable,
} from "./layout";

/** The log as read, its chain check and the cells changed without being logged. */
export interface RevisionRead {
  log: LoggedRevision[];
  /** Sheet row of each log row (1-based), to point at it. */
  sheetRows: number[];
  sheetName: string;
  seal?: ChainSeal;
  check: ChainCheck;
  unlogged: UnloggedChange[];
}

const isBlankRow = (row: unknown[]): boolean =>
  row.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""));

/** A number or blank from a log cell; undefined when the cell holds something else (an edit). */
function logNumber(cur: TableCursor, i: number, col: number): number | null | undefined {
  const c = cur.cell(i, col);
  if (c.kind === "blank") return null;
  return c.kind === "number" ? c.value : undefined;
}

/**
 * The log's rows exactly as the table holds them. A row whose value cells are not numbers
 * cannot be the row Yardstick sealed: it keeps an impossible hash, so the chain breaks there.
 */
export function readRevisionLog(
  table: RawTable,
  findings: Finding[],
): { log: LoggedRevision[]; sheetRows: number[] } {
  const cur = new TableCursor(table, findings);
  const c = findColumns(table.headers, REVISION_HEADERS);
  const text = (i: number, col: number) => cur.text(i, col) ?? "";
  const log: LoggedRevision[] = [];
  const sheetRows: number[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const oldValue = logNumber(cur, i, c.oldValue);
    const newValue = logNumber(cur, i, c.newValue);
    const readable = oldValue !== undefined && newValue !== undefined && c.hash >= 0;
    log.push({
      at: text(i, c.at),
      who: text(i, c.who),
      source: text(i, c.source) as Revision["source"],
      measure: text(i, c.measure),
      unit: text(i, c.unit),
      period: text(i, c.period),
      field: text(i, c.field) as Revision["field"],
      oldValue: oldValue ?? null,
      newValue: newValue ?? null,
      reason: text(i, c.reason) as Revision["reason"],
      note: text(i, c.note),
      hash: readable ? text(i, c.hash) : "unreadable",
    });
    sheetRows.push(cur.ref(i, 0).row);
  });
  return { log, sheetRows };
}

/**
 * Target cells (every grid row) and milestone cells (those the log has a value for, or every one
 * with `milestones: "all"`) of tblMonthly with their cells. Cells that are not numbers are left
 * to the grid's own reader. Example: `loggedCells(tables.tblMonthly, 10, log).length`.
 */
export function loggedCells(
  monthly: RawTable | undefined,
  fyStartMonth: number,
  log: readonly Revision[],
  milestones: "logged" | "all" = "logged",
): CurrentValue[] {
  if (!monthly) return [];
  const cur = new TableCursor(monthly, []);
  const c = findColumns(monthly.headers, MONTHLY_KEY_HEADERS);
  if (c.measure < 0 || c.unit < 0 || c.fiscalYear < 0) return [];
  const loggedMilestones = new Set(
    log.filter((r) => r.field === "milestone").map((r) => JSON.stringify([r.measure, r.unit, r.period])),
  );
  const milestoneCols = monthly.headers
    .map((h, col) => ({ parsed: parseMonthlyHeader(String(h ?? "")), col }))
    .filter((x) => x.parsed?.series === "Milestone");
  const out: CurrentValue[] = [];
  const value = (i: number, col: number): number | null | undefined => {
    const cell = cur.cell(i, col);
    return cell.kind === "blank" ? null : cell.kind === "number" ? cell.value : undefined;
  };
  monthly.rows.forEach((_, i) => {
    const measure = cur.text(i, c.measure);
    const unit = cur.text(i, c.unit);
    const fy = value(i, c.fiscalYear);
    if (!measure || !unit || typeof fy !== "number" || !Number.isInteger(fy) || fy < 1900 || fy > 2999)
      return;
    if (c.target >= 0) {
      const v = value(i, c.target);
      if (v !== undefined)
        out.push({
          measure,
          unit,
          period: String(fy),
          field: "target",
          value: v,
          source: cur.ref(i, c.target),
        });
    }
    const months = fiscalYearMonths(fy, fyStartMonth);
    for (const m of milestoneCols) {
      const period = months.find((p) => Number(p.slice(5)) === m.parsed!.calendarMonth)!;
      if (milestones === "logged" && !loggedMilestones.has(JSON.stringify([measure, unit, period]))) continue;
      const v = value(i, m.col);
      if (v !== undefined)
        out.push({ measure, unit, period, field: "milestone", value: v, source: cur.ref(i, m.col) });
    }
  });
  return out;
}

/**
 * Read and verify the log, adding findings: "revision-log-edited" or "revision-log-truncated" at
 * the row where the chain breaks, "unlogged-change" at each cell changed without being logged.
 * Undefined for a workbook without tblRevisions (made before the log existed).
 * Example: `readRevisions(tables, 10, seal, findings)?.check.ok`.
 */
export function readRevisions(
  tables: Record<string, RawTable | undefined>,
  fyStartMonth: number,
  seal: ChainSeal | undefined,
  findings: Finding[],
): RevisionRead | undefined {
  const table = tables[TABLES.revisions];
  if (!table) return undefined;
  const { log, sheetRows } = readRevisionLog(table, findings);
  const check = verifyChain(log, seal);
  const firstRow = table.topLeftRow + 1;
  if (!check.ok) {
    // A truncated log breaks just below its last row.
    const row = sheetRows[check.firstBadRow - 1] ?? (sheetRows.at(-1) ?? firstRow - 1) + 1;
    findings.push({
      severity: "error",
      code: check.problem === "truncated" ? "revision-log-truncated" : "revision-log-edited",
      message: `${check.message} (${table.sheetName} row ${row})`,
      where: { sheet: table.sheetName, row, column: table.topLeftCol, address: a1(row, table.topLeftCol) },
    });
  }
  const unlogged = unloggedChanges(log, loggedCells(tables[TABLES.monthly], fyStartMonth, log));
  for (const u of unlogged) {
    findings.push({
      severity: "warning",
      code: "unlogged-change",
      message: u.message,
      where: u.source,
      measure: u.measure,
      unit: u.unit,
      period: u.period,
    });
  }
  return { log, sheetRows, sheetName: table.sheetName, seal, check, unlogged };
}
