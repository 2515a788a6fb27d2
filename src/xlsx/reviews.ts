/**
 * Reviews a person typed in the Flags sheet (reviewer, disposition, note), read back so a
 * re-run keeps them: flag ids are stable, so a review follows its flag.
 */
import type { Flag, ReviewStatus } from "../engine/flags";
import { FLAG_HEADERS, LISTS, TABLES, toCell, type TablesInput } from "../workbook";

function text(raw: unknown): string | undefined {
  const cell = toCell(raw);
  if (cell.kind === "text") return cell.value;
  if (cell.kind === "number") return String(cell.value);
  return undefined;
}

/**
 * Flags carrying only their id and review, for `runFlags(..., { previousFlags })`.
 * @example runFlags(indexScorecard(scorecard, findings), { previousFlags: reviewedFlags(tables) })
 */
export function reviewedFlags(tables: TablesInput): Flag[] {
  const table = tables[TABLES.flags];
  if (!table) return [];
  const col = (header: string) =>
    table.headers.findIndex((h) => h.trim().toLowerCase() === header.toLowerCase());
  const idCol = col(FLAG_HEADERS.id);
  const dispositionCol = col(FLAG_HEADERS.disposition);
  if (idCol < 0 || dispositionCol < 0) return [];
  const reviewerCol = col(FLAG_HEADERS.reviewer);
  const noteCol = col(FLAG_HEADERS.note);
  const flags: Flag[] = [];
  for (const row of table.rows) {
    const id = text(row[idCol]);
    const disposition = text(row[dispositionCol])?.toLowerCase();
    if (!id || !disposition || !(LISTS.disposition as readonly string[]).includes(disposition)) continue;
    const reviewer = reviewerCol >= 0 ? text(row[reviewerCol]) : undefined;
    const note = noteCol >= 0 ? text(row[noteCol]) : undefined;
    flags.push({
      id,
      review: { status: disposition as ReviewStatus, reviewer, note },
    } as Flag);
  }
  return flags;
}
