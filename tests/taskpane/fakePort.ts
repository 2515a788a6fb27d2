/** A fake port with canned answers and a log of calls, for the task pane's UI tests. */
import type { Flag, FlagReview } from "../../src/engine/flags/types";
import type {
  CheckReport,
  FlagList,
  InsertRequest,
  ProrateRequest,
  ProratePreview,
  ProrateSetup,
  RevertOutcome,
  TemplatePreview,
  YardstickPort,
} from "../../src/taskpane/port";
import type { CellRef } from "../../src/engine/model";
import { NeedsConfirmationError } from "../../src/taskpane/port";

export const fakeFlag = (over: Partial<Flag> = {}): Flag => ({
  id: "lowball-prior-actual|pep|north|2027",
  detector: "lowball-prior-actual",
  severity: "high",
  measure: "pep",
  unit: "north",
  periods: ["2027"],
  evidence: {
    values: { target: 78, priorActual: 82 },
    text: "Target 78 % is below last year's actual 82 %.",
  },
  explanation: "North's target is lower than what North already achieved last year.",
  whatToCheck: "Ask how the target was set and whether caseload changed.",
  ...over,
});

export class FakePort implements YardstickPort {
  readonly mode = "preview" as const;
  canCreateWorkbook = false;
  revertsOwnWrites = true;
  /** What revertLast answers without and with confirm. */
  revertAnswers: { first: RevertOutcome; confirmed: RevertOutcome } = {
    first: { status: "reverted", message: "Yardstick's last change is taken back." },
    confirmed: { status: "reverted", message: "Yardstick's last change is taken back." },
  };
  calls: { name: string; args: unknown[] }[] = [];
  /** Set to make the next call of that name reject with this error. */
  failures: Record<string, Error> = {};
  /** Milliseconds every call waits, to exercise progress indicators. */
  delayMs = 0;

  templates = [
    {
      id: "child-support",
      title: "Child support program",
      description: "The five federal incentive measures.",
    },
    { id: "blank", title: "Blank", description: "Your own measures." },
  ];
  previews: Record<string, TemplatePreview> = {
    "child-support": {
      ...this.templates[0],
      sheets: [
        { name: "Measures", purpose: "What is measured and which way is good." },
        { name: "Milestones & Actuals", purpose: "Type a month of actuals here." },
      ],
      measures: [
        { id: "pep", name: "Paternity establishment", unitLabel: "%", direction: "up" },
        { id: "collections", name: "Current collections", unitLabel: "%", direction: "up" },
      ],
    },
    blank: { ...this.templates[1], sheets: [{ name: "Measures", purpose: "Your measures." }], measures: [] },
  };
  setup: ProrateSetup = {
    measures: [
      { id: "orders", name: "Cases with orders", kind: "count", direction: "up", unitLabel: "cases" },
      { id: "pep", name: "Paternity establishment", kind: "rate", direction: "up", unitLabel: "%" },
    ],
    units: [
      { id: "north", name: "North", caseload: 300 },
      { id: "south", name: "South", caseload: 100 },
    ],
    drivers: ["caseload", "fte"],
    fyStartMonth: 10,
    fiscalYear: 2027,
    lastYear: { orders: 380, pep: 81.5 },
  };
  check: CheckReport = {
    asOf: "2027-04",
    months: ["2026-10", "2026-11", "2027-04"],
    rows: [
      {
        measure: "orders",
        measureName: "Cases with orders",
        unit: "*",
        unitName: "Program",
        status: "at-risk",
        reason: "YTD 90 % of milestone.",
        basis: "ytd",
        actual: 90,
        milestone: 100,
        attainmentPct: 90,
        kind: "count",
        direction: "up",
        target: 200,
        unitLabel: "cases",
        forecast: { value: 180, likely: false, method: "run rate", interval: [150, 210] },
      },
      {
        measure: "orders",
        measureName: "Cases with orders",
        unit: "north",
        unitName: "North",
        status: "on-track",
        reason: "On milestone.",
        basis: "ytd",
        actual: 70,
        milestone: 70,
        attainmentPct: 100,
        kind: "count",
        direction: "up",
        target: 140,
        unitLabel: "cases",
        forecast: { value: 120, likely: false, method: "run rate" },
        cell: { sheet: "Milestones & Actuals", row: 5, column: 4, address: "D5" },
      },
      {
        measure: "orders",
        measureName: "Cases with orders",
        unit: "south",
        unitName: "South",
        status: "off-track",
        reason: "Below 85 % of milestone.",
        basis: "ytd",
        actual: 20,
        milestone: 30,
        kind: "count",
        direction: "up",
        unitLabel: "cases",
      },
    ],
    findings: [],
    unreported: 0,
    hasActuals: true,
  };
  flags: FlagList = {
    flags: [
      fakeFlag(),
      fakeFlag({
        id: "exact-hits|orders|south|2027-01",
        detector: "exact-hits",
        severity: "medium",
        measure: "orders",
        unit: "south",
        explanation: "South hit its milestone exactly four months running.",
        evidence: { values: { hits: 4 }, text: "4 exact hits in 6 months." },
      }),
      fakeFlag({
        id: "benford|*|*|",
        detector: "benford-first-digit",
        severity: "low",
        measure: "*",
        unit: "*",
        periods: [],
        explanation: "First digits across all counts look unusual.",
        evidence: { values: { mad: 0.02 }, text: "MAD 0.020 above 0.015." },
      }),
    ],
    measures: [
      { id: "pep", name: "Paternity establishment" },
      { id: "orders", name: "Cases with orders" },
    ],
    units: [
      { id: "north", name: "North" },
      { id: "south", name: "South" },
    ],
  };

  private async answer<T>(name: string, args: unknown[], value: () => T): Promise<T> {
    this.calls.push({ name, args });
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    const failure = this.failures[name];
    if (failure) {
      delete this.failures[name];
      throw failure;
    }
    return value();
  }

  callsOf(name: string): unknown[][] {
    return this.calls.filter((c) => c.name === name).map((c) => c.args);
  }

  listTemplates = () => this.answer("listTemplates", [], () => this.templates);
  previewTemplate = (id: string) => this.answer("previewTemplate", [id], () => this.previews[id]);
  insertTemplate = (req: InsertRequest) =>
    this.answer("insertTemplate", [req], () => ({
      sheets: this.previews[req.templateId].sheets.map((s) => s.name),
      unitCount: 12,
      measureCount: 5,
    }));
  loadProrateSetup = () => this.answer("loadProrateSetup", [], () => this.setup);
  previewProration = (req: ProrateRequest) =>
    this.answer("previewProration", [req], (): ProratePreview => {
      const weights = { north: 300, south: 100 } as Record<string, number>;
      const lines = Object.keys(weights).map((unit) => {
        const locked = req.locks[unit] !== undefined;
        const quota = locked ? req.locks[unit] : (req.total * weights[unit]) / 400;
        return {
          unit,
          unitName: unit === "north" ? "North" : "South",
          value: Math.round(quota),
          quota,
          sharePct: (quota / req.total) * 100,
          locked,
          reason: locked ? "Locked by you." : `caseload ${weights[unit]} of 400`,
        };
      });
      return { lines, total: req.total, kind: "count", unitLabel: "cases", warnings: [] };
    });
  /** Make unconfirmed proration writes ask first, as when people typed targets. */
  askBeforeWriting = false;
  writeProration = (req: ProrateRequest, options?: { confirm?: boolean; shown?: ProratePreview }) =>
    this.answer("writeProration", [req, options], () => {
      if (this.askBeforeWriting && !options?.confirm)
        throw new NeedsConfirmationError("12 targets were typed by people.");
      return { where: "Targets!B2:C3", message: "2 unit targets and 24 milestones written to Targets." };
    });
  runCheck = (asOf?: string) =>
    this.answer("runCheck", [asOf], () => ({ ...this.check, asOf: asOf ?? this.check.asOf }));
  listFlags = () => this.answer("listFlags", [], () => this.flags);
  reviewFlag = (id: string, review: FlagReview) =>
    this.answer("reviewFlag", [id, review], () => ({ where: "Flags!H2", message: "Saved." }));
  selectCell = (ref: CellRef) => this.answer("selectCell", [ref], () => undefined);
  revertLast = (options?: { confirm?: boolean }) =>
    this.answer("revertLast", [options], () =>
      options?.confirm ? this.revertAnswers.confirmed : this.revertAnswers.first,
    );
}
