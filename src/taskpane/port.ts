/**
 * The port: everything the task pane asks of a workbook, as plain promises of plain data.
 * Two implementations: Excel through src/office inside Office, and the in-memory Excel in the
 * browser preview and the end-to-end tests. UI tests use a fake. The UI never calls Excel directly.
 */
import type { CellRef, Finding, MeasureDef, UnitDef } from "../engine/model";
import type { Flag, FlagReview } from "../engine/flags/types";
import type { Status } from "../engine/checks/status";
import type { RevisionReason } from "../engine/revisions/types";

/** The pane's tabs: each id has its entry in tabs/registry.ts. */
export type TabId = "start" | "targets" | "review" | "flags" | "share";
export const TAB_IDS: readonly TabId[] = ["start", "targets", "review", "flags", "share"];

/** Where the port runs: inside Excel, or the browser preview on an in-memory workbook. */
export type PortMode = "excel" | "preview";

export interface TemplateSummary {
  id: string;
  title: string;
  description: string;
}

export interface TemplatePreview extends TemplateSummary {
  sheets: { name: string; purpose: string }[];
  measures: { id: string; name: string; unitLabel?: string; direction: MeasureDef["direction"] }[];
}

export interface InsertRequest {
  templateId: string;
  withSampleData: boolean;
  /** "this" writes into the open workbook; "new" opens a new one (only where the host supports it). */
  destination: "this" | "new";
}

export interface InsertResult {
  sheets: string[];
  unitCount: number;
  measureCount: number;
}

export type ProrateMethod =
  "equal" | "proportional" | "priorShare" | "custom" | "gapClosing" | "basePlusProRata";
export type RoundingChoice = "largestRemainder" | "webster";
export type SpreadChoice = "even" | "seasonal" | "ramp";

/** What the Prorate tab can offer for the open scorecard. */
export interface ProrateSetup {
  measures: MeasureDef[];
  units: UnitDef[];
  /** Numeric unit columns a split may follow, e.g. "caseload", "fte", "budget". */
  drivers: string[];
  fyStartMonth: number;
  fiscalYear: number;
  /**
   * Last fiscal year's program figure per measure id, where the workbook has it: the sum of the
   * units' actuals for counts and amounts, the caseload-weighted rate for rates and ratios. The
   * form shows it and refuses totals wildly out of scale with it.
   */
  lastYear: Record<string, number | undefined>;
  /**
   * Where the workbook has a Budget sheet (tblBudget): the section "Also split a budget" is
   * offered, with each fiscal year's program budget and staff as the sheet holds them now.
   */
  budget?: BudgetSetup;
}

export interface ProrateRequest {
  measure: string;
  /** Counts/amounts: the program total; rates: the program rate 0-100; ratios: the program ratio. */
  total: number;
  method: ProrateMethod;
  driver?: string;
  /** Base-plus-share: what each free unit gets before the split. */
  baseEach?: number;
  /** Unit id -> held value. */
  locks: Record<string, number>;
  rounding: RoundingChoice;
  /** Every target is a multiple of this (1 = whole numbers). */
  increment: number;
  fyStartMonth: number;
  fiscalYear: number;
  spread: SpreadChoice;
  /** Also split a budget (and staff) with the target, written to tblBudget with it. */
  budget?: BudgetSplitRequest;
}

/** What the Budget sheet holds for the split's fiscal years: program totals (whole cents, FTE). */
export interface BudgetSetup {
  /** Fiscal year -> the units' budgets added up, where any unit has one. */
  programCents: Record<number, number>;
  /** Fiscal year -> the units' FTE added up, where any unit has some. */
  programFte: Record<number, number>;
}

/** How the budget is split: as the target (same driver), or pro rata to the targets x cost factor. */
export type BudgetBasisChoice = "sameDriver" | "targets";

/** The budget split with a target: what the Targets tab's "Also split a budget" sends. */
export interface BudgetSplitRequest {
  /** The program budget in whole cents. */
  amountCents: number;
  basis: BudgetBasisChoice;
  /** Program staff to split with the budget, in 0.1 FTE steps; none leaves FTE as it is. */
  fteTotal?: number;
}

export interface ProrateLine {
  unit: string;
  unitName: string;
  value: number;
  quota: number;
  /** Share of the program total, 0-100 (counts); for rates the unit's weight in the program rate. */
  sharePct: number;
  locked: boolean;
  reason: string;
  /** The unit's budget, where the request split one. */
  budget?: BudgetLine;
}

/** A unit's share of the budget split with its target; money in whole cents. */
export interface BudgetLine {
  budgetCents: number;
  fte?: number;
  /** Budget / target in cents per result; undefined where the target is 0. */
  costPerResultCents?: number;
  locked: boolean;
  reason: string;
}

export interface ProratePreview {
  lines: ProrateLine[];
  total: number;
  kind: MeasureDef["kind"];
  unitLabel?: string;
  warnings: string[];
  /** Where the request split a budget too. */
  budget?: BudgetPreview;
}

/** The program's side of a budget split: what each unit's BudgetLine adds up to. */
export interface BudgetPreview {
  totalCents: number;
  fteTotal?: number;
  /** Program budget / program target, cents per result. */
  costPerResultCents?: number;
  /** "caseload", or "target x cost factor": what the money followed. */
  followed: string;
}

export interface WriteResult {
  /** Where the results went, e.g. "Targets!B2:D14". */
  where: string;
  message: string;
}

/** The engine's status words: on-track, at-risk, off-track, no-data, stale, insufficient-data. */
export type StatusKind = Status;

export interface StatusRow {
  measure: string;
  measureName: string;
  /** "*" for the program roll-up. */
  unit: string;
  unitName: string;
  status: StatusKind;
  /** Plain words from the engine: why this status. */
  reason: string;
  /** Whether actual and milestone are year-to-date sums (counts) or the period's value (rates). */
  basis: "period" | "ytd";
  actual?: number;
  milestone?: number;
  attainmentPct?: number;
  kind: MeasureDef["kind"];
  unitLabel?: string;
  /** Whether a higher value is better ("up"), lower ("down"), or within a band. */
  direction: MeasureDef["direction"];
  /** The unit's (or program's) year-end target, where the workbook has one. */
  target?: number;
  /** Year-end forecast from src/engine/forecast; the interval comes from prior years' misses. */
  forecast?: { value: number; likely: boolean; method: string; interval?: [number, number] };
  cell?: CellRef;
  /** Spend beside results, where the Budget sheet has this unit's money for this measure. */
  budget?: BudgetStatus;
}

/**
 * Money beside results for one card (Review), from the Budget sheet through the engine's budget
 * monitor; whole cents. Only where the Budget sheet says this unit's money buys this measure.
 */
export interface BudgetStatus {
  budgetCents: number;
  allotmentYtdCents: number;
  /** Undefined until every month to date has its spend. */
  spendYtdCents?: number;
  costPlannedCents?: number;
  costActualCents?: number;
  spending?: "under plan" | "on plan" | "over plan";
  results: "behind" | "on plan" | "ahead" | "no results yet";
  /** Both axes in words: "Behind on results while spending ahead of plan." */
  status: string;
  /** Behind on results while spending over plan: the card carries a warning badge. */
  warning: boolean;
}

export interface CheckReport {
  asOf: string;
  months: string[];
  rows: StatusRow[];
  /** Problems in the data, in the manager's words (names, months), never blank actuals. */
  findings: Finding[];
  /** Months on or before the as-of month still waiting for an actual: a to-do, not a problem. */
  unreported: number;
  /** Whether any actual has been typed yet (a new scorecard has none). */
  hasActuals: boolean;
}

export interface FlagList {
  flags: Flag[];
  measures: { id: string; name: string }[];
  units: { id: string; name: string }[];
}

/** A cell a person changed after Yardstick wrote it: Revert would put `old` back over `now`. */
export interface ChangedCell {
  /** "Flags!B6" */
  address: string;
  old: string;
  now: string;
}

export type RevertOutcome =
  | { status: "reverted"; message: string }
  | { status: "needs-confirmation"; message: string; changes: ChangedCell[] };

export interface YardstickPort {
  readonly mode: PortMode;
  /** True where Excel has no undo for add-in writes (before ExcelApi 1.20): the pane offers Revert. */
  readonly revertsOwnWrites: boolean;
  /** Whether "insert into a new workbook" works on this host. */
  readonly canCreateWorkbook: boolean;
  listTemplates(): Promise<TemplateSummary[]>;
  previewTemplate(templateId: string): Promise<TemplatePreview>;
  insertTemplate(request: InsertRequest): Promise<InsertResult>;
  loadProrateSetup(): Promise<ProrateSetup>;
  previewProration(request: ProrateRequest): Promise<ProratePreview>;
  /**
   * Without `confirm`, throws NeedsConfirmationError instead of replacing values a person typed.
   * With `shown`, refuses (PortError) when the workbook would now give other targets than the
   * preview the manager saw: what is written is what was shown.
   */
  writeProration(
    request: ProrateRequest,
    options?: { confirm?: boolean; shown?: ProratePreview; reason?: RevisionReason; note?: string },
  ): Promise<WriteResult>;
  /** Status as of a month; without one, the latest month that has actuals. */
  runCheck(asOf?: string): Promise<CheckReport>;
  listFlags(): Promise<FlagList>;
  reviewFlag(flagId: string, review: FlagReview): Promise<WriteResult>;
  selectCell(ref: CellRef): Promise<void>;
  /**
   * Take back Yardstick's last change. Cells a person changed since are listed in
   * "needs-confirmation" and kept; with `confirm` they are put back too.
   */
  revertLast(options?: { confirm?: boolean }): Promise<RevertOutcome>;
}

/**
 * A failure the user can act on: what happened and what to do. Ports throw these; anything else
 * that escapes is shown with a generic "try again" fix.
 */
export class PortError extends Error {
  constructor(
    message: string,
    readonly whatToDo: string,
  ) {
    super(message);
    this.name = "PortError";
  }
}

/** The workbook has no scorecard yet: not a failure, a tab's empty state that leads to Start. */
export class NoScorecardError extends PortError {
  readonly empty = true;
  constructor() {
    super("This workbook has no scorecard yet.", "Insert a template on the Start tab, then come back.");
    this.name = "NoScorecardError";
  }
}

/** The write would replace something a person typed: ask, then call again with `confirm`. */
export class NeedsConfirmationError extends PortError {
  constructor(message: string) {
    super(message, "Choose Write anyway to replace them, or Cancel to keep the workbook as it is.");
    this.name = "NeedsConfirmationError";
  }
}

/** The message and fix to show for any thrown value. */
export function describeError(error: unknown): { message: string; whatToDo: string; empty?: boolean } {
  if (error instanceof NoScorecardError)
    return { message: error.message, whatToDo: error.whatToDo, empty: true };
  if (error instanceof PortError) return { message: error.message, whatToDo: error.whatToDo };
  const message = error instanceof Error ? error.message : String(error);
  return {
    message,
    whatToDo: "Try again. If it keeps failing, reload the pane and check the workbook's sheets.",
  };
}
