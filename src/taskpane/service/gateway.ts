/**
 * What the task pane's workbook port needs from a workbook: apply a plan, read Yardstick's
 * tables raw, write rows into its tables by key, select a cell. officeGateway.ts provides it over
 * src/office's OfficeAdapter (inside Excel, or over the in-memory Excel in the browser preview).
 */
import type { CellRef } from "../../engine/model";
import type { PlanScalar, WorkbookPlan } from "../../workbook/plan";
import type { TablesInput } from "../../workbook/read";
import type { Revision } from "../../engine/revisions/types";
import type { RevertOutcome } from "../port";

/** Revision rows to append to the log in the same batch as a write. */
export interface LogRows {
  revisions: Revision[];
}

/** Rows for one table: `columns` must include the table's key columns; other rows are left alone. */
export interface TableRows {
  table: string;
  columns: string[];
  rows: PlanScalar[][];
  /** Written without asking: the rows follow others the user confirmed (a program target its units'). */
  confirmed?: boolean;
}

export type GatewayWrite = { status: "written" } | { status: "needs-confirmation"; message: string };

export interface WorkbookGateway {
  /** Whether the host can open a new workbook (Excel.createWorkbook, ExcelApi 1.8). */
  readonly canCreateWorkbook: boolean;
  /** True where Excel has no undo for add-in writes, so Yardstick's revert is the undo. */
  readonly revertsOwnWrites: boolean;
  applyPlan(plan: WorkbookPlan, destination: "this" | "new"): Promise<void>;
  /** Every Yardstick table present (or those named), keyed by table name. */
  readTables(names?: string[]): Promise<TablesInput>;
  /**
   * Write rows matched by key (new keys are appended). Without `confirm`, answers
   * "needs-confirmation" rather than replace something a person typed. Several tables are one
   * write: all asked about before any is written, and taken back together by one undo or revert.
   */
  writeRows(rows: TableRows | readonly TableRows[], confirm: boolean, log?: LogRows): Promise<GatewayWrite>;
  /** Open .xlsx bytes (base64) as a new workbook: Excel.createWorkbook, where canCreateWorkbook. */
  createWorkbook?(base64: string): Promise<void>;
  /** Append rows to the revision log (and its seal) without any other write. */
  appendLog?(log: LogRows): Promise<void>;
  selectCell(ref: CellRef): Promise<void>;
  /** Take back the last write; lists cells a person changed since unless `confirm`. */
  revert(confirm: boolean): Promise<RevertOutcome>;
}
