/**
 * Pure planning of a results write into a Yardstick table: which owned cells change, which
 * rows are new, which rows go, and whether any of that would lose a person's data. Rows
 * stay where people put them (sorting is theirs); columns people own are never rewritten.
 */
import type { PlanValue } from "../workbook/plan";
import { canonical, rowKey } from "./hash";

export interface ResultsInput {
  /** Headers of the values in each row; must include the table's key headers. */
  columns: string[];
  rows: PlanValue[][];
  /** Values for people's columns in new rows, by header (e.g. { Disposition: "open" }). */
  newRowDefaults?: Record<string, PlanValue>;
}

export interface MergePlan {
  /** For each existing row (table order): the new owned values (undefined: leave the cell), or "drop". */
  existing: ((PlanValue | undefined)[] | "drop")[];
  /** Rows to append, full width in table column order (people's columns blank). */
  appended: PlanValue[][];
  /** Indexes (0-based, in `ownedIndexes` order) of owned columns within the table. */
  ownedIndexes: number[];
  /** Existing rows to drop that hold something in a person's column. */
  droppedWithNotes: number[];
}

export class ResultsShapeError extends Error {
  override readonly name = "ResultsShapeError";
}

/**
 * Merge results into a table's current rows. Example: a flag that fires again keeps its
 * reviewer's note; a new flag is appended; a flag that stopped firing is dropped, and
 * reported in `droppedWithNotes` if someone had annotated it.
 */
export function mergeResults(
  headers: string[],
  keyHeaders: string[],
  ownedHeaders: string[],
  current: unknown[][],
  input: ResultsInput,
  keepUnmatched = false,
): MergePlan {
  const idx = (h: string, list: string[]): number =>
    list.findIndex((x) => x.toLowerCase() === h.toLowerCase());
  for (const c of input.columns) {
    if (idx(c, ownedHeaders) < 0)
      throw new ResultsShapeError(
        `"${c}" is not a column Yardstick writes in this table (it belongs to people, or does not exist).`,
      );
  }
  const missingKey = keyHeaders.find((k) => idx(k, input.columns) < 0);
  if (missingKey) throw new ResultsShapeError(`Results must include the key column "${missingKey}".`);
  const ownedIndexes = input.columns.map((c) => idx(c, headers));
  const tableKeyIdx = keyHeaders.map((k) => idx(k, headers));
  const inputKeyIdx = keyHeaders.map((k) => idx(k, input.columns));
  const byKey = new Map<string, PlanValue[]>();
  input.rows.forEach((row, r) => byKey.set(rowKey(row, inputKeyIdx, r), row));
  const defaultFor = (h: string): PlanValue | undefined =>
    Object.entries(input.newRowDefaults ?? {}).find(([k]) => k.toLowerCase() === h.toLowerCase())?.[1];
  const seen = new Set<string>();
  const droppedWithNotes: number[] = [];
  const existing = current.map((row, r) => {
    const key = rowKey(row, tableKeyIdx, r);
    const next = byKey.get(key);
    if (next && !seen.has(key)) {
      seen.add(key);
      // Cells that already hold the new value are left alone (a person's formula stays a formula).
      return next.map((v, k) => (canonical(v) === canonical(row[ownedIndexes[k]]) ? undefined : v));
    }
    if (keepUnmatched) return input.columns.map(() => undefined);
    // A people's cell counts as a note unless it still holds the default Yardstick put there.
    const notes = row.some(
      (v, c) =>
        !ownedIndexes.includes(c) &&
        canonical(v) !== undefined &&
        canonical(v) !== canonical(defaultFor(headers[c]) ?? null),
    );
    if (notes) droppedWithNotes.push(r);
    return "drop" as const;
  });
  const appended = input.rows
    .map((row, r) => ({ row, key: rowKey(row, inputKeyIdx, r) }))
    .filter(({ key }) => !seen.has(key))
    .map(({ row }) =>
      headers.map((h, c) => {
        if (ownedIndexes.includes(c)) return row[ownedIndexes.indexOf(c)];
        const preset = Object.entries(input.newRowDefaults ?? {}).find(
          ([k]) => k.toLowerCase() === h.toLowerCase(),
        );
        return preset ? preset[1] : null;
      }),
    );
  return { existing, appended, ownedIndexes, droppedWithNotes };
}
