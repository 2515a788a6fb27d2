/**
 * The one-step revert used where Excel has no undo for add-in writes (before ExcelApi
 * 1.20): a snapshot of what the last operation changed, and the plan that puts back only
 * what is still as Yardstick left it. A cell a person changed since is listed, not reverted,
 * unless they confirm; a note typed into a person's column is never touched.
 */
import { columnLetter } from "../workbook/layout";
import type { PlanValue, WorkbookPlan } from "../workbook/plan";
import { canonical, rowKey } from "./hash";
import type { MergePlan } from "./merge";
import type { ResultsTarget } from "./results";
import type { YardstickState } from "./state";
import { tableKeys } from "../workbook/tableKeys";

export type Snapshot =
  | { kind: "created"; plan: WorkbookPlan; sheets: string[]; names: string[]; state: YardstickState }
  | {
      kind: "results";
      /** Every table the write changed (one write may change several, taken back together). */
      tables: TableSnapshot[];
      state: YardstickState;
    };

/** One table as a results write found and left it. */
export interface TableSnapshot {
  /** The table before the write (formulas in `current`, what cells showed in `values`). */
  target: ResultsTarget;
  /** The table's rows as Yardstick left them (its written cells as plan values). */
  after: unknown[][];
  values: unknown[][];
}

/** A cell a person changed after Yardstick wrote it: where, what revert would put back, what it holds now. */
export interface CellChange {
  /** "Flags!B6", or "Flags: row f2" for a row someone deleted. */
  address: string;
  old: string;
  now: string;
}

/**
 * A cell as it was: a formula when `formulas` holds one that differs from the value, else
 * the value as text-safe data. Example: `restoredCell("=A1", 3) === { formula: "=A1" }`.
 */
export function restoredCell(formula: unknown, value: unknown): PlanValue {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return { formula };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    return value === "" ? null : value;
  return null;
}

/** How a cell reads in a confirmation list. Example: `shown({ formula: "=A1" }) === "=A1"`. */
export function shown(value: PlanValue | undefined): string {
  if (value === null || value === undefined || value === "") return "(blank)";
  return typeof value === "object" ? value.formula : String(value);
}

/** The table as read now, formulas and values side by side. */
export interface TableNow {
  sheet: string;
  headers: string[];
  body: { row: number; column: number };
  formulas: unknown[][];
  values: unknown[][];
}

/** Rows by key; a repeated key gets "#2", "#3" so no row hides another. */
function byKey(rows: unknown[][], keyIndexes: number[]): Map<string, number> {
  const out = new Map<string, number>();
  rows.forEach((row, r) => {
    const key = rowKey(row, keyIndexes, r);
    let unique = key;
    for (let n = 2; out.has(unique); n++) unique = `${key}#${n}`;
    out.set(unique, r);
  });
  return out;
}

const indexesOf = (headers: string[], wanted: string[]) =>
  wanted.map((h) => headers.findIndex((x) => x.toLowerCase() === h.toLowerCase()));

/**
 * What reverting a results write does to the table as it is now: a merge plan for
 * `resultsOps` over every column, and the cells a person changed since (kept unless
 * `confirm`). Rows the write removed come back at the end of the table.
 */
export function revertResults(
  snapshot: TableSnapshot,
  now: TableNow,
  confirm: boolean,
): { merge: MergePlan; changes: CellChange[] } {
  const { target, after, values } = snapshot;
  const keys = tableKeys(target.table, target.headers);
  const oldKeyIdx = indexesOf(target.headers, keys);
  const nowKeyIdx = indexesOf(now.headers, keys);
  // Column c of the snapshot is column col[c] of the table now (-1: a person removed it).
  const col = indexesOf(now.headers, target.headers);
  const before = byKey(target.current, oldKeyIdx);
  const left = byKey(after, oldKeyIdx);
  const nowRows = byKey(now.formulas, nowKeyIdx);
  const was = (r: number, c: number) => restoredCell(target.current[r][c], values[r]?.[c]);
  const is = (r: number, c: number) => restoredCell(now.formulas[r][col[c]], now.values[r]?.[col[c]]);
  const address = (r: number, c: number) =>
    `${now.sheet}!${columnLetter(now.body.column + col[c])}${now.body.row + r}`;

  const changes: CellChange[] = [];
  const existing: MergePlan["existing"] = now.formulas.map(() => now.headers.map(() => undefined));
  const appended: PlanValue[][] = [];
  const restoreRow = (b: number): PlanValue[] =>
    now.headers.map((_, nc) => {
      const c = col.indexOf(nc);
      return c < 0 ? null : was(b, c);
    });

  for (const [key, a] of left) {
    const b = before.get(key);
    const n = nowRows.get(key);
    const wrote = target.headers.flatMap((_, c) =>
      b === undefined || canonical(after[a][c]) !== canonical(target.current[b][c]) ? [c] : [],
    );
    if (n === undefined) {
      // A person deleted a row Yardstick had changed: bring it back only if they say so.
      if (b === undefined || wrote.length === 0) continue;
      changes.push({ address: `${now.sheet}: row ${key}`, old: "the row as it was", now: "(row deleted)" });
      if (confirm) appended.push(restoreRow(b));
      continue;
    }
    const edited = wrote.filter(
      (c) => col[c] >= 0 && canonical(is(n, c)) !== canonical(after[a][c] as PlanValue),
    );
    if (b === undefined) {
      // A row the write added: remove it, unless a person has typed into it since.
      for (const c of edited) changes.push({ address: address(n, c), old: "(no row)", now: shown(is(n, c)) });
      if (edited.length === 0 || confirm) existing[n] = "drop";
      continue;
    }
    const row = existing[n] as (PlanValue | undefined)[];
    for (const c of wrote) {
      if (col[c] < 0) continue;
      const back = was(b, c);
      if (canonical(is(n, c)) === canonical(back)) continue;
      if (edited.includes(c)) {
        changes.push({ address: address(n, c), old: shown(back), now: shown(is(n, c)) });
        if (!confirm) continue;
      }
      row[col[c]] = back;
    }
  }
  // Rows the write removed come back, unless a row with that key is there again.
  for (const [key, b] of before) if (!left.has(key) && !nowRows.has(key)) appended.push(restoreRow(b));
  return {
    merge: { existing, appended, ownedIndexes: now.headers.map((_, i) => i), droppedWithNotes: [] },
    changes,
  };
}
