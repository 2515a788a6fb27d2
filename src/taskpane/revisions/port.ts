/**
 * What the pane asks of a workbook about its target revision log: the chain's state, the
 * targets people typed without logging them, logging those with a reason, the "who" name, and
 * one measure and unit's history. WorkbookPort implements it beside YardstickPort.
 */
import type { RevisionReason } from "../../engine/revisions/types";
import type { WriteResult, YardstickPort } from "../port";

/** One logged change as the pane lists it beside a status. */
export interface RevisionEntry {
  at: string;
  who: string;
  source: string;
  period: string;
  field: string;
  oldValue: number | null;
  newValue: number | null;
  reason: RevisionReason;
  note: string;
}

/** A target or milestone cell whose value is not the last logged one (typed over, or never logged). */
export interface TypedChange {
  measure: string;
  unit: string;
  /** The names a manager reads ("Cases closed", "Allegany"). */
  measureName: string;
  unitName: string;
  period: string;
  field: string;
  value: number | null;
  /** undefined: the log never mentions the cell. */
  loggedValue?: number | null;
  /** "Milestones & Actuals!D14" */
  address: string;
  message: string;
}

export interface RevisionReview {
  /** The name the log records changes under, once given. */
  who?: string;
  /** False for a workbook made before the log existed (no Revisions sheet). */
  hasLog: boolean;
  rows: number;
  ok: boolean;
  /** Where the chain breaks, in words ("The revision log was edited at or after row 14 ..."). */
  message?: string;
  typed: TypedChange[];
}

export interface RevisionPort {
  reviewRevisions(): Promise<RevisionReview>;
  /** Log every typed change found now, with one reason for the batch ("no-reason-given" when skipped). */
  logTypedChanges(reason: RevisionReason, note?: string): Promise<WriteResult>;
  /** Keep the name the log records changes under, in the About sheet's settings. */
  setRevisionName(name: string): Promise<void>;
  targetHistory(measure: string, unit: string): Promise<RevisionEntry[]>;
}

/** The reasons a person picks from, in the words the pane shows. */
export const REASON_LABELS: Record<RevisionReason, string> = {
  baseline: "Baseline (first target)",
  correction: "Correction of an error",
  "resources-changed": "Resources changed",
  "policy-changed": "Policy changed",
  other: "Other",
  "no-reason-given": "No reason given",
};

/** The port's revision side, where the port has one (the UI tests' fake may not). */
export function asRevisionPort(port: YardstickPort): RevisionPort | undefined {
  const p = port as Partial<RevisionPort>;
  return typeof p.reviewRevisions === "function" &&
    typeof p.logTypedChanges === "function" &&
    typeof p.setRevisionName === "function" &&
    typeof p.targetHistory === "function"
    ? (port as unknown as RevisionPort)
    : undefined;
}
