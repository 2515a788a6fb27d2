/**
 * The Office adapter: applies workbook plans, reads scorecards back and writes engine
 * results inside Excel, in a fixed number of syncs, within a payload budget, without
 * writing over a person's edits unasked, and with one-step undo (Excel's own with
 * ExcelApi 1.20, otherwise a revert snapshot kept here).
 */
import type { CellRef } from "../engine/model";
import { scorecardFromTables, type ReadResult, type TablesInput } from "../workbook/read";
import { TABLES } from "../workbook/layout";
import type { WorkbookPlan } from "../workbook/plan";
import { syncGroups } from "./batches";
import { printTable } from "./hash";
import type { ExcelHost } from "./host";
import type { ResultsInput } from "./merge";
import { DEFAULT_BUDGET_BYTES } from "./payload";
import { LOG_TABLES, logOps, type LogAppend } from "./logOps";
import { planOps } from "./planOps";
import { readTables } from "./readTables";
import {
  writing,
  type AdapterOptions,
  type NeedsConfirmation,
  type UndoKind,
  type WriteOutcome,
} from "./outcomes";
import { type TableWrite, askedTogether, planWrite, type PlannedWrite } from "./tableWrite";
import type { Snapshot } from "./revert";
import { runRevert } from "./revertRun";
import { STATE_KEY, type YardstickState, emptyState, migrateState } from "./state";
import { UnsupportedHostError, detectSupport, type HostSupport } from "./support";

export type { TableWrite } from "./tableWrite";
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
  writeResults(
    table: string,
    input: ResultsInput,
    options: {
      confirm?: boolean;
      intoPeoplesColumns?: boolean;
      /** Revision rows recording this write, appended to tblRevisions in the same syncs. */
      log?: LogAppend;
    } = {},
  ): Promise<WriteOutcome> {
    return this.writeTables([{ table, input, intoPeoplesColumns: options.intoPeoplesColumns }], options);
  }

  /**
   * Write several tables as one operation: one Excel.run, so one undo step (one Ctrl+Z where
   * Excel merges the run's syncs, else one revert that takes every table back). Every table is
   * read and checked before anything is written, so a question about one table leaves all of
   * them as they were. A write marked `confirmed` is not asked about (it follows rows the user
   * confirmed, as a program target follows its units' targets).
   */
  async writeTables(
    writes: readonly TableWrite[],
    options: { confirm?: boolean; log?: LogAppend } = {},
  ): Promise<WriteOutcome> {
    this.requireSupport();
    const names = writes.map((w) => w.table);
    if (new Set(names).size !== names.length)
      throw new Error(`One write names a table twice (${names.join(", ")}); merge its rows first.`);
    const outcome = await this.host.run({ mergeUndoGroup: this.support.undoGroups }, async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(STATE_KEY);
      setting.load("value");
      const reads = { syncs: 0 };
      const logTables = options.log ? LOG_TABLES.filter((t) => !names.includes(t)) : [];
      // The log grows below its table too: read enough rows under it to see what is there.
      const belowRows = Math.max(
        ...writes.map((w) => w.input.rows.length),
        options.log ? options.log.revisions.length + 4 : 0,
      );
      const read = await readTables(
        context,
        [...names, ...logTables],
        "formulas",
        this.budget,
        belowRows,
        reads,
      );
      // readTables synced: the setting rode along with its first request.
      // eslint-disable-next-line office-addins/call-sync-before-read
      const state = setting.isNullObject ? emptyState() : migrateState(setting.value);
      const planned: PlannedWrite[] = [];
      const questions: NeedsConfirmation[] = [];
      for (const w of writes) {
        const step = planWrite(w, read[w.table], state, {
          confirm: w.confirmed === true || options.confirm === true,
          canResize: this.support.tableResize,
          sliceBytes: Math.floor(this.budget / 2),
        });
        if (step.status === "needs-confirmation") questions.push(step);
        else planned.push(step);
      }
      if (questions.length > 0) return askedTogether(questions);
      // Lower tables first: a table that loses or gains rows then cannot move one below it on
      // the same sheet before that one's cells are written.
      planned.sort(
        (a, b) => a.target.sheet.localeCompare(b.target.sheet) || b.target.body.row - a.target.body.row,
      );
      const ops = planned.flatMap((p) => p.ops);
      const log = options.log
        ? logOps(
            read[TABLES.revisions],
            read[TABLES.settings],
            options.log,
            this.support.tableResize,
            Math.floor(this.budget / 2),
          )
        : undefined;
      if (log) ops.push(...log.ops);
      // Revert takes the log rows and the seal back with the write, as Ctrl+Z does (one run). A
      // write into a log table is a log append (the pane's appendLog writes no rows of its own),
      // so the log's snapshot of that table stands for it.
      const logged = new Set(log?.snapshots.map((s) => s.target.table));
      this.snapshot = {
        kind: "results",
        tables: [
          ...planned
            .filter((p) => !logged.has(p.target.table))
            .map((p) => ({ target: p.target, after: p.finalRows, values: p.values })),
          ...(log?.snapshots ?? []),
        ],
        state,
      };
      const syncs =
        reads.syncs +
        (await writing(`writing ${names.join(", ")}`, () => syncGroups(context, ops, this.budget)));
      const written = { ...state.written };
      for (const p of planned) {
        const record = state.written[p.target.table];
        if (!record) continue;
        written[p.target.table] = {
          ...record,
          sheet: p.target.sheet,
          print: printTable(p.keys, record.ownedHeaders, p.target.headers, p.finalRows),
          previousPrint: printTable(p.keys, record.ownedHeaders, p.target.headers, p.target.current),
        };
      }
      return {
        status: "written" as const,
        syncs,
        state: { ...state, written },
        rows: writes.reduce((n, w) => n + w.input.rows.length, 0),
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
