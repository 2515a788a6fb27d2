/** The Flags tab's work: run the detectors, carry reviews over from tblFlags, write a review back. */
import { runFlags } from "../../engine/flags";
import type { Flag, FlagReview, ReviewStatus } from "../../engine/flags/types";
import type { RawTable } from "../../workbook/layout";
import { FLAG_HEADERS, TABLES } from "../../workbook/layout";
import type { PlanScalar } from "../../workbook/plan";
import type { ReadResult } from "../../workbook/read";
import type { FlagList } from "../port";
import { PortError } from "../port";
import type { CellWrite } from "./gateway";
import { cellText, columnOf, rowsWhere } from "./tables";

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
  const run = runFlags(scorecard, {
    programTargets: read.programTargets,
    previousFlags: reviewsFrom(flagsTable),
  });
  return {
    flags: run.flags,
    measures: scorecard.measures.map((m) => ({ id: m.id, name: m.name })),
    units: scorecard.units.map((u) => ({ id: u.id, name: u.name })),
  };
}

/** Cell writes (or a new row) recording a review on tblFlags. */
export function reviewWrites(
  flag: Flag,
  review: FlagReview,
  table: RawTable | undefined,
): { writes: CellWrite[]; append?: PlanScalar[][] } {
  if (!table)
    throw new PortError(
      "This workbook has no Flags table (tblFlags).",
      "Insert a template on the Start tab, then review flags again.",
    );
  const values: Record<string, PlanScalar> = {
    [FLAG_HEADERS.disposition]: review.status,
    [FLAG_HEADERS.note]: review.note ?? "",
    [FLAG_HEADERS.reviewer]: review.reviewer ?? "",
  };
  const rows = rowsWhere(table, { [FLAG_HEADERS.id]: flag.id });
  if (rows.length) {
    return {
      writes: Object.entries(values).map(([header, value]) => ({
        table: TABLES.flags,
        row: rows[0],
        header,
        value,
      })),
    };
  }
  const full: Record<string, PlanScalar> = {
    ...values,
    [FLAG_HEADERS.id]: flag.id,
    [FLAG_HEADERS.severity]: flag.severity,
    [FLAG_HEADERS.detector]: flag.detector,
    [FLAG_HEADERS.measure]: flag.measure,
    [FLAG_HEADERS.unit]: flag.unit,
    [FLAG_HEADERS.periods]: flag.periods.join(", "),
    [FLAG_HEADERS.explanation]: flag.explanation,
    [FLAG_HEADERS.evidence]: flag.evidence.text,
    [FLAG_HEADERS.whatToCheck]: flag.whatToCheck,
  };
  return { writes: [], append: [table.headers.map((h) => full[String(h)] ?? null)] };
}
