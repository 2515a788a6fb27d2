/**
 * The Office adapter: applies workbook plans, reads scorecards back and writes engine
 * results inside Excel, in a fixed number of syncs, within a payload budget, without
 * writing over a person's edits unasked, and with one-step undo (Excel's own with
 * ExcelApi 1.20, otherwise a revert snapshot kept here).
 */
import type { CellRef } from "../engine/model";
import { scorecardFromTables, type ReadResult, type TablesInput } from "../workbook/read";
import { TABLES } from "../workbook/layout";
import { RETURNS_TABLE } from "../workbook/sheets/returns";
import type { WorkbookPlan } from "../workbook/plan";
import { parseRangeAddress } from "./addresses";
import { syncGroups } from "./batches";
import { printTable } from "./hash";
import type { ExcelHost } from "./host";
import { mergeResults, type ResultsInput } from "./merge";
import { DEFAULT_BUDGET_BYTES } from "./payload";
import { LOG_TABLES, logOps, type LogAppend } from "./logOps";
import { planOps } from "./planOps";
import { readTables } from "./readTables";
import { type ResultsTarget, resultsOps } from "./results";
import {
  NotYardstickTableError,
  writing,
  type AdapterOptions,
  type UndoKind,
  type WriteOutcome,
} from "./outcomes";
import type { Snapshot } from "./revert";
import { runRevert } from "./revertRun";
import { STATE_KEY, type YardstickState, emptyState, migrateState } from "./state";
import { UnsupportedHostError, detectSupport, type HostSupport } from "./support";
import { tableKeys } from "./tableKeys";
import { checkEdits, checkInputs } from "./editChecks";

export {
  NotYardstickTableError,
  PartialWriteError,
  type AdapterOptions,
  type EditedCells,
  type NeedsConfirmation,
  type UndoKind,
  type WriteOutcome,
} from "./outcomes";

const READ_TABLES = [
  TABLES.settings,
  TABLES.measures,
  TABLES.units,
  TABLES.programTargets,
  TABLES.monthly,
  TABLES.revisions,
];

export class OfficeAdapter {
  readonly support: HostSupport;
  private readonly budget: number;
  private snapshot?: Snapshot;

  constructor(
    private readonly host: ExcelHost,
    options: AdapterOptions = {},
  ) {
    this.support = detectSupport(host);
    this.budget = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  }

  private requireSupport(): void {
    if (!this.support.ok) throw new UnsupportedHostError(this.support.message);
  }

  private get undoKind(): UndoKind {
    return this.support.undoGroups ? "excel-undo" : "revert";
  }

  /** Whether `revert()` has something to take back. */
  get canRevert(): boolean {
    return this.snapshot !== undefined;
  }

  /** Read Yardstick's record from the workbook (migrated to the current version). */
  async readState(): Promise<YardstickState> {
    this.requireSupport();
    return this.host.run({}, async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY);
      setting.load("value");
      await context.sync();
      return setting.isNullObject ? emptyState() : migrateState(setting.value);
    });
  }

  private async saveState(state: YardstickState): Promise<void> {
    // Outside the undo group: settings writes may not be undoable, and a stale record only makes Yardstick ask.
    await this.host.run({}, async (context) => {
      context.workbook.settings.add(STATE_KEY, state);
      await context.sync();
    });
  }

  /** Build a plan's sheets in a workbook that does not have them yet. */
  async applyPlan(plan: WorkbookPlan): Promise<WriteOutcome> {
    this.requireSupport();
    const { ops, written } = planOps(plan, this.budget, { pageLayout: this.support.pageLayout });
    const outcome = await this.host.run({ mergeUndoGroup: this.support.undoGroups }, async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY);
      setting.load("value");
      await context.sync();
      const existing = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const clash = plan.sheets.map((s) => s.name).filter((n) => existing.has(n.toLowerCase()));
      if (clash.length > 0) {
        return {
          status: "needs-confirmation" as const,
          reason: "sheets-exist" as const,
          sheets: clash,
          message: `This workbook already has ${clash.map((n) => `"${n}"`).join(", ")}. Yardstick builds a template only into a workbook without those sheets: rename or remove them, or start from a new workbook.`,
        };
      }
      const previous = setting.isNullObject ? emptyState() : migrateState(setting.value);
      this.snapshot = {
        kind: "created",
        plan,
        sheets: plan.sheets.map((s) => s.name),
        names: plan.names.map((n) => n.name),
        state: previous,
      };
      const syncs = 1 + (await writing("building the template", () => syncGroups(context, ops, this.budget)));
      return { status: "written" as const, syncs, previous };
    });
    if (outcome.status !== "written") return outcome;
    await this.saveState({
      ...outcome.previous,
      schemaVersion: 2,
      templateId: plan.templateId,
      fyStartMonth: plan.fyStartMonth,
      written: { ...outcome.previous.written, ...written },
    });
    return {
      status: "written",
      syncs: outcome.syncs + 1,
      undo: this.undoKind,
      rowsWritten: plan.sheets.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0),
    };
  }

  /** Read the scorecard back by table and header names, with findings that carry cell addresses. */
  async readScorecard(): Promise<ReadResult> {
    this.requireSupport();
    return this.host.run({}, async (context) =>
      scorecardFromTables(await readTables(context, READ_TABLES, "values", this.budget)),
    );
  }

  /** Raw contents of the named tables (values), for callers that interpret them themselves. */
  async readTables(tableNames: string[]): Promise<TablesInput> {
    this.requireSupport();
    return this.host.run({}, (context) => readTables(context, tableNames, "values", this.budget));
  }

  /** Activate a cell's sheet and select the cell, so a status or flag can show where it comes from. */
  async selectCell(ref: CellRef): Promise<void> {
    this.requireSupport();
    await this.host.run({}, async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getRangeByIndexes(ref.row - 1, ref.column - 1, 1, 1).select();
      await context.sync();
    });
  }

  /**
   * Write engine results (flags, prorated targets) into a table Yardstick owns. Only the
   * columns Yardstick owns are written; rows are matched by key, people's columns kept.
   * Returns "needs-confirmation" instead of writing over a person's edit unless `confirm`.
   */
  async writeResults(
    table: string,
    input: ResultsInput,
    options: {
      confirm?: boolean;
      intoPeoplesColumns?: boolean;
      /** Revision rows recording this write, appended to tblRevisions in the same syncs. */
      log?: LogAppend;
    } = {},
  ): Promise<WriteOutcome> {
    const peoples = options.intoPeoplesColumns === true;
    this.requireSupport();
    const outcome = await this.host.run({ mergeUndoGroup: this.support.undoGroups }, async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY);
      setting.load("value");
      const reads = { syncs: 0 };
      const logTables = options.log ? LOG_TABLES.filter((t) => t !== table) : [];
      // The log grows below its table too: read enough rows under it to see what is there.
      const belowRows = options.log
        ? Math.max(input.rows.length, options.log.revisions.length + 4)
        : input.rows.length;
      const read = await readTables(
        context,
        [table, ...logTables],
        "formulas",
        this.budget,
        belowRows,
        reads,
      );
      const contents = read[table];
      // readTables synced: the setting rode along with its first request.
      // eslint-disable-next-line office-addins/call-sync-before-read
      const state = setting.isNullObject ? emptyState() : migrateState(setting.value);
      const record = state.written[table];
      // tblReturns is collect's tracker: Yardstick's, though not part of a new scorecard.
      const known = (Object.values(TABLES) as string[]).includes(table) || table === RETURNS_TABLE;
      if (!contents || (peoples ? !known : !record)) {
        throw new NotYardstickTableError(
          `Yardstick writes results only into its own tables; "${table}" ${contents ? "was not created by Yardstick" : "is not in this workbook"}.`,
        );
      }
      const body = parseRangeAddress(contents.bodyAddress).block;
      const current = contents.rows;
      const keys = tableKeys(table, contents.headers);
      const check = peoples
        ? checkInputs(
            table,
            keys,
            current,
            input,
            body,
            contents.sheetName,
            contents.headers,
            options.confirm,
          )
        : checkEdits(table, record, contents.headers, current, body, contents.sheetName, options.confirm);
      if (check) return check;
      const merge = mergeResults(
        contents.headers,
        keys,
        peoples ? input.columns : record.ownedHeaders,
        current,
        input,
        peoples,
      );
      if (merge.droppedWithNotes.length > 0 && !options.confirm) {
        return {
          status: "needs-confirmation" as const,
          reason: "notes-would-be-dropped" as const,
          message: `${merge.droppedWithNotes.length} row(s) that people annotated are no longer in the results. Confirm to remove them, or copy the notes first.`,
          edits: [],
        };
      }
      const target: ResultsTarget = {
        table,
        sheet: contents.sheetName,
        style: contents.style,
        body,
        headers: contents.headers,
        current,
      };
      const growth = Math.max(
        0,
        merge.existing.filter((e) => e !== "drop").length + merge.appended.length - body.rows,
      );
      const below = (contents.below ?? []).slice(0, growth);
      if (below.some((row) => row.some((v) => v !== "" && v !== null)) && !options.confirm) {
        return {
          status: "needs-confirmation" as const,
          reason: "cells-below" as const,
          message: `The ${table} table must grow by ${growth} row(s), but cells below it are not empty. Move them, or confirm to write over them.`,
        };
      }
      const { ops, finalRows } = resultsOps(
        target,
        merge,
        this.support.tableResize,
        Math.floor(this.budget / 2),
      );
      if (options.log) {
        const log = logOps(
          read[TABLES.revisions],
          read[TABLES.settings],
          options.log,
          this.support.tableResize,
          Math.floor(this.budget / 2),
        );
        ops.push(...log.ops);
      }
      this.snapshot = {
        kind: "results",
        target,
        after: finalRows,
        values: contents.values ?? current,
        state,
      };
      const syncs =
        reads.syncs + (await writing(`writing ${table}`, () => syncGroups(context, ops, this.budget)));
      const written = record
        ? {
            ...state.written,
            [table]: {
              ...record,
              sheet: contents.sheetName,
              print: printTable(keys, record.ownedHeaders, contents.headers, finalRows),
              previousPrint: printTable(keys, record.ownedHeaders, contents.headers, current),
            },
          }
        : state.written;
      return {
        status: "written" as const,
        syncs,
        state: { ...state, written },
        rows: input.rows.length,
      };
    });
    if (outcome.status !== "written") return outcome;
    await this.saveState(outcome.state);
    return { status: "written", syncs: outcome.syncs + 1, undo: this.undoKind, rowsWritten: outcome.rows };
  }

  /**
   * Take back the last operation (the one-step revert used where Excel has no add-in undo).
   * Only what is still as Yardstick left it is put back; cells a person changed since come
   * back as "needs-confirmation" with `changes`, and nothing is touched unless `confirm`.
   */
  async revert(options: { confirm?: boolean } = {}): Promise<WriteOutcome> {
    this.requireSupport();
    const snapshot = this.snapshot;
    if (!snapshot)
      throw new Error(
        "Nothing to revert: Yardstick keeps only its last operation, and this session has none.",
      );
    const run = await runRevert(this.host, snapshot, {
      confirm: options.confirm === true,
      canResize: this.support.tableResize,
      budgetBytes: this.budget,
    });
    if (run.status === "changed-since") {
      const built = snapshot.kind === "created";
      return {
        status: "needs-confirmation",
        reason: "user-edited",
        changes: run.changes,
        message: built
          ? `Someone typed into the template's sheets since it was inserted (${run.changes.length} cell(s)). Reverting deletes those sheets with what was typed; the sheets refer to one another, so they go together or not at all. Confirm to delete them anyway.`
          : `Someone changed ${run.changes.length} cell(s) since Yardstick wrote them. Reverting would put back the old values there. They are kept unless you confirm.`,
      };
    }
    await this.saveState(snapshot.state);
    this.snapshot = undefined;
    return { status: "written", syncs: run.syncs + 1, undo: "revert", rowsWritten: 0 };
  }
}
