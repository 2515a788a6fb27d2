/** The Flags tab's work: run the detectors, carry reviews over from tblFlags, write a review back. */
import { runFlags } from "../../engine/flags";
import { indexScorecard } from "../../engine/index";
import type { Flag, FlagReview, ReviewStatus } from "../../engine/flags/types";
import type { RawTable } from "../../workbook/layout";
import { FLAG_HEADERS, TABLES } from "../../workbook/layout";
import type { PlanScalar } from "../../workbook/plan";
import type { ReadResult } from "../../workbook/read";
import type { FlagList } from "../port";
import type { TableRows } from "./gateway";
import { cellText, columnOf } from "./tables";

const STATUSES: readonly ReviewStatus[] = ["open", "reviewed", "dismissed", "confirmed"];

/** Reviews recorded on the Flags sheet, as flags carrying only id and review (for `previousFlags`). */
export function reviewsFrom(table: RawTable | undefined): Flag[] {
  if (!table) return [];
  const id = columnOf(table, FLAG_HEADERS.id);
  const disp = columnOf(table, FLAG_HEADERS.disposition);
  const note = columnOf(table, FLAG_HEADERS.note);
  const reviewer = columnOf(table, FLAG_HEADERS.reviewer);
  if (id < 0 || disp < 0) return [];
  return table.rows.flatMap((row) => {
    const status = cellText(row[disp]).toLowerCase() as ReviewStatus;
    if (!cellText(row[id]) || !STATUSES.includes(status) || status === "open") return [];
    const review: FlagReview = { status };
    if (note >= 0 && cellText(row[note])) review.note = cellText(row[note]);
    if (reviewer >= 0 && cellText(row[reviewer])) review.reviewer = cellText(row[reviewer]);
    return [{ id: cellText(row[id]), review } as Flag];
  });
}

/** Every flag with its review, and the measures and units to filter by. */
export function flagList(read: ReadResult, flagsTable: RawTable | undefined): FlagList {
  const { scorecard } = read;
  // Indexed with the reader's findings, so flags skip the cells the status refuses.
  const run = runFlags(indexScorecard(scorecard, read.findings), {
    programTargets: read.programTargets,
    previousFlags: reviewsFrom(flagsTable),
    revisions: read.revisions?.log,
  });
  return {
    flags: run.flags,
    measures: scorecard.measures.map((m) => ({ id: m.id, name: m.name })),
    units: scorecard.units.map((u) => ({ id: u.id, name: u.name })),
  };
}

/** The flag's whole row on tblFlags with the review: updates its row, or adds it if the Flags sheet lacks it. */
export function reviewRows(flag: Flag, review: FlagReview): TableRows {
  const values: [string, PlanScalar][] = [
    [FLAG_HEADERS.id, flag.id],
    [FLAG_HEADERS.severity, flag.severity],
    [FLAG_HEADERS.detector, flag.detector],
    [FLAG_HEADERS.measure, flag.measure],
    [FLAG_HEADERS.unit, flag.unit],
    [FLAG_HEADERS.periods, flag.periods.join(", ")],
    [FLAG_HEADERS.explanation, flag.explanation],
    [FLAG_HEADERS.evidence, flag.evidence.text],
    [FLAG_HEADERS.whatToCheck, flag.whatToCheck],
    [FLAG_HEADERS.reviewer, review.reviewer ?? ""],
    [FLAG_HEADERS.disposition, review.status],
    [FLAG_HEADERS.note, review.note ?? ""],
  ];
  return { table: TABLES.flags, columns: values.map(([h]) => h), rows: [values.map(([, v]) => v)] };
}
