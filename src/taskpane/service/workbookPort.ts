/**
 * The port over a real workbook: templates and plans from src/workbook, numbers from src/engine,
 * cells through a WorkbookGateway (src/office over Excel, or over the in-memory Excel).
 */
import type { CellRef } from "../../engine/model";
import type { Flag, FlagReview } from "../../engine/flags/types";
import { TABLES } from "../../workbook/layout";
import type { WorkbookPlan } from "../../workbook/plan";
import { scorecardFromTables, type ReadResult, type TablesInput } from "../../workbook/read";
import type { TemplateDef } from "../../workbook/templates/types";
import {
  NeedsConfirmationError,
  NoScorecardError,
  PortError,
  type CheckReport,
  type FlagList,
  type InsertRequest,
  type InsertResult,
  type PortMode,
  type ProratePreview,
  type ProrateRequest,
  type ProrateSetup,
  type RevertOutcome,
  type TemplatePreview,
  type TemplateSummary,
  type WriteResult,
  type YardstickPort,
} from "../port";
import { checkReportAndResult } from "./checks";
import { flagList, reviewRows } from "./flags";
import type { TableRows, WorkbookGateway } from "./gateway";
import { previewOf, prorateSetup, prorationRows, runProration, scheduleFor } from "./proration";
import type { RevisionReason } from "../../engine/revisions/types";
import { SETTINGS, SETTINGS_HEADERS } from "../../workbook/layout";
import type { RevisionEntry, RevisionPort, RevisionReview } from "../revisions/port";
import { historyOf, prorationRevisions, reviewOf, typedChangeRevisions } from "./revisions";
import {
  allotmentRows,
  budgetRows,
  budgetSetup,
  runBudgetSplit,
  sameBudgets,
  typedCellsQuestion,
  withBudget,
} from "./budgetSplit";
import { budgetStatuses, withBudgetStatus } from "./budgetStatus";
import type { CollectedWrite, SharePort } from "../share/port";
import { planBase64 } from "../share/lazyXlsx";
import {
  RETURNS_FIELDS,
  RETURNS_HEADERS,
  RETURNS_TABLE,
  returnsRowValues,
} from "../../workbook/sheets/returns";
import { STAMP_LABELS } from "../../workbook/loop/stamp";

export interface WorkbookPortDeps {
  mode: PortMode;
  gateway: WorkbookGateway;
  templates: TemplateDef[];
  /** Builds a template's workbook plan, with or without sample data. */
  buildPlan: (templateId: string, options: { sampleData: boolean }) => WorkbookPlan;
  /** The clock the revision log reads (default: now). */
  now?: () => Date;
}

/** Whether the engine's answer now is the one the manager saw: same units, same targets. */
function sameTargets(shown: ProratePreview, units: { id: string; value: number }[]): boolean {
  if (shown.lines.length !== units.length) return false;
  const now = new Map(units.map((u) => [u.id, u.value]));
  return shown.lines.every((l) => now.get(l.unit) === l.value);
}

export class WorkbookPort implements YardstickPort, RevisionPort, SharePort {
  readonly mode: PortMode;
  readonly canCreateWorkbook: boolean;
  readonly revertsOwnWrites: boolean;
  private lastFlags: Flag[] = [];

  constructor(private readonly deps: WorkbookPortDeps) {
    this.mode = deps.mode;
    this.canCreateWorkbook = deps.gateway.canCreateWorkbook;
    this.revertsOwnWrites = deps.gateway.revertsOwnWrites;
  }

  private template(id: string): TemplateDef {
    const t = this.deps.templates.find((x) => x.id === id);
    if (!t) throw new PortError(`There is no template "${id}".`, "Pick one of the templates listed.");
    return t;
  }

  private async read(): Promise<{ read: ReadResult; tables: TablesInput }> {
    const tables = await this.deps.gateway.readTables();
    if (!tables[TABLES.measures] && !tables[TABLES.monthly]) throw new NoScorecardError();
    return { read: scorecardFromTables(tables), tables };
  }

  async listTemplates(): Promise<TemplateSummary[]> {
    return this.deps.templates.map((t) => ({ id: t.id, title: t.title, description: t.description }));
  }

  async previewTemplate(templateId: string): Promise<TemplatePreview> {
    const t = this.template(templateId);
    const plan = this.deps.buildPlan(templateId, { sampleData: false });
    return {
      id: t.id,
      title: t.title,
      description: t.description,
      sheets: plan.sheets.map((s) => ({ name: s.name, purpose: s.purpose })),
      measures: t.measures.map((m) => ({
        id: m.id,
        name: m.name,
        unitLabel: m.unitLabel,
        direction: m.direction,
      })),
    };
  }

  async insertTemplate(request: InsertRequest): Promise<InsertResult> {
    const t = this.template(request.templateId);
    const plan = this.deps.buildPlan(request.templateId, { sampleData: request.withSampleData });
    if (request.destination === "new") await this.openNewWorkbook(await planBase64(plan));
    else await this.deps.gateway.applyPlan(plan, request.destination);
    return {
      sheets: plan.sheets.map((s) => s.name),
      unitCount: t.units.length,
      measureCount: t.measures.length,
    };
  }

  async loadProrateSetup(): Promise<ProrateSetup> {
    const { read, tables } = await this.read();
    const budget = budgetSetup(tables, read.scorecard.fyStartMonth);
    return { ...prorateSetup(read), ...(budget ? { budget } : {}) };
  }

  async previewProration(request: ProrateRequest): Promise<ProratePreview> {
    const { read } = await this.read();
    const result = runProration(request, read);
    const preview = previewOf(result, request, read);
    return request.budget ? withBudget(preview, runBudgetSplit(request, read, result), read) : preview;
  }

  async writeProration(
    request: ProrateRequest,
    options: { confirm?: boolean; shown?: ProratePreview; reason?: RevisionReason; note?: string } = {},
  ): Promise<WriteResult> {
    const { read, tables } = await this.read();
    const result = runProration(request, read);
    if (options.shown && !sameTargets(options.shown, result.units)) {
      throw new PortError(
        "The workbook changed since the preview, so the targets would differ from those shown.",
        "Preview again, check the new targets, then write.",
      );
    }
    // The budget split with the targets: checked against the preview and asked about before any write.
    const joint = request.budget ? runBudgetSplit(request, read, result) : undefined;
    if (joint && options.shown && !sameBudgets(options.shown, joint)) {
      throw new PortError(
        "The workbook changed since the preview, so the budgets would differ from those shown.",
        "Preview again, check the new budgets, then write.",
      );
    }
    const budget = joint ? budgetRows(joint, request) : undefined;
    if (budget && !tables[TABLES.budget])
      throw new PortError(
        "This workbook has no Budget sheet (tblBudget) to write the budgets to.",
        "Clear Also split a budget, or insert a current Yardstick template.",
      );
    // The allotments on tblSpend follow the new budgets (their shape kept), so they still add up.
    const allotments = joint ? allotmentRows(joint, request, tables, read.scorecard.fyStartMonth) : undefined;
    const askBudget =
      budget && options.confirm !== true
        ? typedCellsQuestion(
            budget,
            tables[TABLES.budget],
            "by the budget split",
            allotments && {
              rows: allotments,
              table: tables[TABLES.spend],
            },
          )
        : undefined;
    const schedule = scheduleFor(result, request, read);
    const [monthly, program] = prorationRows(result, schedule, request);
    // The targets and milestones are logged in the same batch as they are written.
    const revisions = prorationRevisions(monthly, read, tables, options, this.now());
    if (askBudget) {
      // Ask once for targets and budgets together, before anything is written.
      const askTargets = typedCellsQuestion(monthly, tables[TABLES.monthly], "by the new targets");
      throw new NeedsConfirmationError([askTargets, askBudget].filter(Boolean).join(" "));
    }
    // One write, so one undo or revert takes back targets, program target, budgets and allotments
    // together, and a question about any of them comes before any is written. The program target
    // follows the unit targets the user accepts, so it is not asked about; typed budgets and
    // allotments were asked about above, so an unconfirmed write asks only what that question
    // could not: cells below a table that must grow (a new year's rows).
    const writes: TableRows[] = [monthly];
    if (tables[TABLES.programTargets]) writes.push({ ...program, confirmed: true });
    if (budget) writes.push(budget);
    if (allotments) writes.push(allotments);
    const outcome = await this.deps.gateway.writeRows(writes, options.confirm === true, { revisions });
    if (outcome.status === "needs-confirmation") throw new NeedsConfirmationError(outcome.message);
    const where = tables[TABLES.monthly]?.sheetName ?? "Milestones & Actuals";
    const budgetWhere = tables[TABLES.budget]?.sheetName ?? "Budget";
    return {
      where,
      message: `${result.units.length} unit targets and their monthly milestones for FY${request.fiscalYear} are on ${where}.${budget ? ` Their budgets${joint!.units.some((u) => u.fte !== undefined) ? " and staff" : ""} are on the ${budgetWhere} sheet${allotments ? `, with monthly allotments that add up to them for ${allotments.rows.length} unit(s)` : ""}.` : ""}`,
    };
  }

  async runCheck(asOf?: string): Promise<CheckReport> {
    const { read, tables } = await this.read();
    const { report, result } = checkReportAndResult(read, asOf);
    // Spend beside results on the cards whose unit's money buys that measure (the Budget sheet),
    // judged from the same check the cards show.
    return withBudgetStatus(report, budgetStatuses(read, tables, report.asOf, result));
  }

  async listFlags(): Promise<FlagList> {
    const { read, tables } = await this.read();
    const list = flagList(read, tables[TABLES.flags]);
    this.lastFlags = list.flags;
    return list;
  }

  async reviewFlag(flagId: string, review: FlagReview): Promise<WriteResult> {
    const flag = this.lastFlags.find((f) => f.id === flagId);
    if (!flag)
      throw new PortError(
        "That flag is no longer raised.",
        "Open the Flags tab again to see the current flags.",
      );
    const flagsTable = (await this.deps.gateway.readTables())[TABLES.flags];
    if (!flagsTable) {
      throw new PortError(
        "This workbook has no Flags table (tblFlags).",
        "Insert a template on the Start tab, then review flags again.",
      );
    }
    // A review is the person's own decision: it may replace their earlier note without asking.
    await this.deps.gateway.writeRows(reviewRows(flag, review), true);
    flag.review = review;
    return {
      where: flagsTable.sheetName,
      message: `Saved as ${review.status} on the Flags sheet.`,
    };
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  async reviewRevisions(): Promise<RevisionReview> {
    return reviewOf((await this.read()).read);
  }

  async logTypedChanges(reason: RevisionReason, note?: string): Promise<WriteResult> {
    const { read, tables } = await this.read();
    const revisions = typedChangeRevisions(read, reason, note, this.now());
    const where = tables[TABLES.revisions]?.sheetName ?? "Revisions";
    if (revisions.length === 0) return { where, message: "Every target matches the log: nothing to log." };
    if (!this.deps.gateway.appendLog || !tables[TABLES.revisions])
      throw new PortError(
        "This workbook has no revision log (a Revisions sheet).",
        "Insert a current Yardstick template to start one, and copy the targets into it.",
      );
    await this.deps.gateway.appendLog({ revisions });
    return { where, message: `${revisions.length} typed change(s) logged on ${where}.` };
  }

  async setRevisionName(name: string): Promise<void> {
    const [setting, value] = SETTINGS_HEADERS;
    await this.deps.gateway.writeRows(
      { table: TABLES.settings, columns: [setting, value], rows: [[SETTINGS.revisionWho, name.trim()]] },
      true,
    );
  }

  async targetHistory(measure: string, unit: string): Promise<RevisionEntry[]> {
    return historyOf((await this.read()).read, measure, unit);
  }

  async readLoopTables(): Promise<TablesInput> {
    const tables = await this.deps.gateway.readTables([...Object.values(TABLES), RETURNS_TABLE]);
    if (!tables[TABLES.measures] && !tables[TABLES.monthly]) throw new NoScorecardError();
    return tables;
  }

  async writeCollected(write: CollectedWrite, options: { confirm?: boolean } = {}): Promise<WriteResult> {
    const where = (await this.read()).tables[TABLES.monthly]?.sheetName ?? "Milestones & Actuals";
    // The merged actuals and the Returns sheet are one write, taken back together.
    const writes: TableRows[] = [];
    if (write.cells > 0) writes.push(write.monthly);
    if (write.returns.length > 0) {
      writes.push({
        table: RETURNS_TABLE,
        columns: RETURNS_FIELDS.map((f) => RETURNS_HEADERS[f]),
        rows: write.returns.map(returnsRowValues),
        confirmed: true,
      });
    }
    if (writes.length > 0) {
      // The revised actuals are logged in the same batch as they are written.
      const outcome = await this.deps.gateway.writeRows(
        writes,
        options.confirm === true,
        write.cells > 0 ? { revisions: write.revisions } : undefined,
      );
      if (outcome.status === "needs-confirmation") throw new NeedsConfirmationError(outcome.message);
    }
    return {
      where,
      message:
        write.cells > 0
          ? `${write.cells} cell(s) merged into ${where}${write.revisions.length ? `; ${write.revisions.length} revised actual(s) logged` : ""}${write.returns.length ? "; the Returns sheet updated" : ""}.`
          : `Nothing new to merge${write.returns.length ? "; the Returns sheet updated" : ""}.`,
    };
  }

  async openNewWorkbook(base64: string): Promise<void> {
    if (!this.canCreateWorkbook || !this.deps.gateway.createWorkbook)
      throw new PortError(
        "A new workbook can be opened only inside Excel (2019 or later, Microsoft 365, Mac or the web).",
        "Insert into this workbook instead, or open a blank workbook in Excel and insert there.",
      );
    await this.deps.gateway.createWorkbook(base64);
  }

  async writeMasterId(id: string): Promise<void> {
    const [setting, value] = SETTINGS_HEADERS;
    await this.deps.gateway.writeRows(
      { table: TABLES.settings, columns: [setting, value], rows: [[STAMP_LABELS.masterId, id]] },
      true,
    );
  }

  async selectCell(ref: CellRef): Promise<void> {
    await this.deps.gateway.selectCell(ref);
  }

  revertLast(options: { confirm?: boolean } = {}): Promise<RevertOutcome> {
    return this.deps.gateway.revert(options.confirm === true);
  }
}
