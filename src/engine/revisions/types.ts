/**
 * The target revision log as data: who changed which target or milestone, when, from what, to
 * what and why. The workbook keeps it as a table that travels with the file; each row carries a
 * SHA-256 hash over the previous row's hash and its own canonical text, so an edited, deleted,
 * inserted or reordered row breaks the chain where it happened.
 */
import type { Period } from "../model";

/** Where a revision came from. */
export type RevisionSource =
  "baseline" | "pane-proration" | "pane-detected-edit" | "collected-return" | "command-line";

/** Which value changed. Actuals are logged when a reported result is revised. */
export type RevisionField = "target" | "milestone" | "actual";

/** The short list a person picks from; "no-reason-given" when they skipped the question. */
export type RevisionReason =
  "baseline" | "correction" | "resources-changed" | "policy-changed" | "other" | "no-reason-given";

export const REVISION_REASONS: readonly RevisionReason[] = [
  "baseline",
  "correction",
  "resources-changed",
  "policy-changed",
  "other",
  "no-reason-given",
];

export const REVISION_SOURCES: readonly RevisionSource[] = [
  "baseline",
  "pane-proration",
  "pane-detected-edit",
  "collected-return",
  "command-line",
];

export const REVISION_FIELDS: readonly RevisionField[] = ["target", "milestone", "actual"];

/** One change, as a person would read it in the Revisions table. */
export interface Revision {
  /** UTC instant to the second, `YYYY-MM-DDTHH:MM:SSZ`. */
  at: string;
  /** The name or initials the user gave (Office.js does not reveal the signed-in user). */
  who: string;
  source: RevisionSource;
  measure: string;
  unit: string;
  period: Period;
  field: RevisionField;
  /** null where there was no value before (a baseline) or none after (a cleared cell). */
  oldValue: number | null;
  newValue: number | null;
  reason: RevisionReason;
  note: string;
}

/** A revision as stored: with the chain hash that seals it and everything before it. */
export interface LoggedRevision extends Revision {
  /** Lowercase hex SHA-256 of the previous row's hash, a newline and this row's canonical text. */
  hash: string;
}
