/**
 * The one catalogue of finding codes. A finding is a problem in the user's data returned as a
 * value; its `code` is a key of `FINDINGS`, so a typo is a compile error and every reader, check
 * and command speaks the same codes. `fix` is the default advice (a site may say something more
 * exact); `stops` marks findings after which no result can be trusted: the command refuses to go
 * on and says why (see `stoppingFindings`).
 */
import type { Finding } from "./model";

interface FindingSpec {
  /** What the user should do, when the site that raises it does not say something more exact. */
  fix?: string;
  /** True when the input cannot be read at all, so a command must stop (only at severity error). */
  stops?: boolean;
}

export const FINDINGS = {
  // Reading a long CSV (src/engine/longcsv).
  "empty-file": {
    fix: "Start the file with the header line measure,unit,period,target,actual.",
    stops: true,
  },
  "missing-column": {
    fix: "The header must name measure, unit and period, plus target and actual to compare results.",
    stops: true,
  },
  "duplicate-header": { fix: "Rename or delete one of the two columns so each name appears once." },
  "extra-cells": { fix: "Quote cells that contain the delimiter, or delete the cells past the last column." },
  "unclosed-quote": {
    fix: 'Close the quote (a cell is "written like this") or delete the stray quote mark; the lines after it were read on their own.',
  },
  "ambiguous-decimal": {
    fix: "Say which mark separates decimals: --decimal comma (1.234,5) or --decimal point (1,234.5).",
    stops: true,
  },
  "no-usable-rows": { fix: "Correct the findings listed above; not one row could be used.", stops: true },
  "missing-key": { fix: "Fill in the measure and unit names, or delete the row." },
  "bad-period": { fix: "Write the period as 2026 or 2026-07." },
  "date-format": {
    fix: "Write periods as YYYY-MM (2025-10) or YYYY; in Excel, format the column as Text before saving as CSV.",
  },
  "duplicate-row": { fix: "Delete one of the two rows or correct its period." },
  "blank-actual": { fix: "Enter the result when it is known; until then the check says no data." },
  "blank-target": { fix: "Enter a target or milestone, or the check can only compare with last year." },
  "not-available": { fix: "Enter the number, or leave the cell blank if there is no data yet." },
  "not-a-number": { fix: "Type a plain number (1234, 95%, $1,200); move notes to another column." },
  "percent-not-rate": {
    fix: "Type the number without %, or set the measure's kind to rate if it is a percent.",
  },
  "bad-direction": {
    fix: "Write up (higher is better), down (lower is better) or band (stay between lower and upper).",
  },
  "conflicting-direction": { fix: "Give each measure one direction." },
  "bad-kind": { fix: "Write count, amount, rate (0-100 %) or ratio." },
  "direction-assumed": { fix: "Add a direction column (up, down or band) for this measure." },
  "band-without-edges": { fix: "Fill in both lower and upper for this measure." },
  "month-column-missing": { fix: 'Rename the month column back to its "Actual Jan" form.' },
  "band-inverted": { fix: "Swap the two edges: the lower edge must not be above the upper." },
  "negative-value": { fix: "Correct the sign or leave it blank." },
  "rate-above-100": {
    fix: "Rates are percent from 0 to 100: check for a typo or swapped numerator and denominator; if the measure can pass 100 (percent of target), set its kind to ratio.",
  },
  "zero-denominator": { fix: "Check the denominator, or leave the row out." },
  "unknown-lag": { fix: "Check the lead_for name matches a measure exactly." },
  // Rates stored as fractions (src/engine/rateScale.ts).
  "rate-looks-fractional": {},
  "rate-read-as-fraction": {},
  // Reading a workbook's tables (src/workbook).
  "missing-table": {},
  "blank-key": {},
  "negative-count": {},
  "bad-setting": {},
  "not-in-list": {},
  "rate-out-of-range": {},
  "unknown-measure": {},
  "unknown-unit": {},
  "bad-fiscal-year": {},
  "missing-actual": {},
  "error-value": {},
  "number-as-text": {},
  "text-in-number": {},
  // The target revision log (src/workbook/readRevisions.ts, docs/revisions.md).
  "revision-log-edited": {
    fix: "Yardstick only appends to the Revisions sheet: restore its rows from an earlier copy of the workbook, or ask who edited the log what they changed before trusting the history.",
  },
  "revision-log-truncated": {
    fix: "Rows were deleted from the end of the Revisions sheet: restore them from an earlier copy of the workbook.",
  },
  "unlogged-change": {
    fix: "Log the change with a reason in the add-in (Review tab), or put the logged value back.",
  },
  // Checks and flags (src/engine/checks, src/engine/flags).
  "actual-without-milestone": {},
  "missing-period": {},
  "missing-row": {},
  "rollup-needs-denominator": {},
  "flags.unknown-measure": {},
  "flags.bad-period": {},
  "flags.direction-unknown": {},
  // Budgets (src/engine/budget): a resources file or the Budget sheet.
  "negative-money": {
    fix: "Budgets and spend are never negative: correct the sign, or record a refund as lower spend in its month.",
  },
  "money-not-whole": {
    fix: "Write money in dollars and cents (1200.50); a fraction of a cent cannot be allotted.",
  },
  "months-out-of-order": {
    fix: "Sort the rows by unit and month; nothing was lost, but a month out of place is often a typo.",
  },
  "fte-on-month": { fix: "Put FTE on the unit's fiscal-year row (unit,YYYY,budget,,fte)." },
  "spend-on-year": { fix: "Enter spend month by month on YYYY-MM rows; the year's total is their sum." },
  "spend-without-budget": {
    fix: "Add the unit's annual budget as a row unit,YYYY,budget (or check the unit's name).",
  },
  "zero-budget-with-target": {
    fix: "Give the unit its budget, or say what the money buys: with no money no cost per result can be planned.",
  },
  "allotments-not-budget": {
    fix: "Make the monthly allotments add up to the year's budget, or leave them blank to spread it evenly.",
  },
  "locked-fte-not-step": { fix: "Lock FTE in whole steps (tenths by default), or give --fte-step." },
  // Collecting office copies of a master (src/workbook/loop): each names the file, sheet and cell.
  "return-unreadable": {
    fix: "Ask the office to save the file as an Excel Workbook (.xlsx) without a password and send it again.",
  },
  "return-no-stamp": {
    fix: "Send the office its own copy from `yardstick split` and ask it to fill that one in.",
  },
  "return-other-master": {
    fix: "This copy was split from another scorecard: collect it into that one, or send the office a copy of this one.",
  },
  "return-unknown-unit": {
    fix: "Add the unit to the master's Units sheet, or send the office a fresh copy.",
  },
  "return-stamp-broken": {
    fix: "The stamp or the hidden Issued sheet was edited: send the office a fresh copy.",
  },
  "return-missing-table": {
    fix: "A table was deleted: send the office a fresh copy and ask it to type values only.",
  },
  "return-sheet-renamed": {
    fix: "Rename the sheet back to its issued name (or ask the office to) and collect again.",
  },
  "return-row-deleted": {
    fix: "Rows must not be deleted: ask the office to restore the row or use a fresh copy.",
  },
  "return-row-inserted": {
    fix: "Rows must not be inserted: ask the office to delete the row, or move its numbers into the issued rows.",
  },
  "return-cell-changed": {
    fix: "Formulas, targets and milestones are locked: ask the office to undo the change or use a fresh copy.",
  },
  "return-bad-input": {
    fix: "Type a number (0 or more; rates from 0 to 100), or leave the cell empty if it is not known yet.",
  },
  "return-not-due": {
    fix: "Months after the month to report are not due: clear them, or report them next time.",
  },
  "return-input-cleared": {
    fix: "A value the master holds was cleared in the copy; it was kept. Clear it in the master if that was meant.",
  },
  "return-older-issue": {
    fix: "A newer copy was issued for this unit: ask the office to fill in the newer one.",
  },
  "return-duplicate": {},
  "return-conflict": {
    fix: "Decide which value is right and type it in the master; collect never overwrites a changed cell.",
  },
  "return-late": {},
  // Proration and milestone warnings (src/engine/prorate, src/engine/milestones): the result stands.
  driverMissing: {},
  fallbackEqual: {},
  zeroDenominator: {},
  roundedUpToWholeIncrements: {},
  noGapToClose: {},
  targetBelowBaseline: {},
  beyondBenchmark: {},
  baselineMissing: {},
  programProfile: {},
  fallbackEven: {},
  badHistoryMonth: {},
  badHistoryValue: {},
  historyGaps: {},
} as const satisfies Record<string, FindingSpec>;

export type FindingCode = keyof typeof FINDINGS;

/** The catalogue's advice for a code. Example: `findingFix("bad-period") === "Write the period as 2026 or 2026-07."`. */
export function findingFix(code: FindingCode): string | undefined {
  return (FINDINGS[code] as FindingSpec).fix;
}

/**
 * The findings that stop a command: errors the catalogue marks `stops`, after which nothing in the
 * input can be trusted. Example: `stoppingFindings([{ severity: "error", code: "empty-file", message: "" }]).length === 1`.
 */
export function stoppingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "error" && (FINDINGS[f.code] as FindingSpec).stops === true);
}
