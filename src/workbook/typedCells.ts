/**
 * Which cells a person typed a write would replace: the one rule behind "ask before replacing"
 * for the Office adapter (src/office/inputs.ts, naming the cells) and the pane's write port
 * (src/taskpane/service, one sentence before the budget and target writes). Pure: rows in, row
 * indexes out.
 */
import { parseNumberText } from "../engine/parse/number";
import { canonical, rowKey } from "./cellKey";

/** Rows to write, under their headers. */
export interface RowsToWrite {
  columns: string[];
  rows: unknown[][];
}

/**
 * Non-blank cells of `current` (under `headers`) whose value `input` would change, per input
 * column, as row indexes of `current`. Rows match by the `keys` columns (case-insensitive headers)
 * exactly as the write merges them (`rowKey`); with no key columns they match by position. A
 * number typed as text ("$1,234") is the same as the number. Example:
 * `changedTypedCells(["Unit", "Budget"], [["North", 5]], ["Unit"], { columns: ["Unit", "Budget"], rows: [["North", 6]] })`
 * is `Map { "Budget" => [0] }`.
 */
export function changedTypedCells(
  headers: readonly unknown[],
  current: readonly unknown[][],
  keys: readonly string[],
  input: RowsToWrite,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const find = (list: readonly unknown[], h: string) =>
    list.findIndex((x) => String(x).trim().toLowerCase() === h.toLowerCase());
  const tableCols = input.columns.map((h) => find(headers, h));
  const keyCols = keys.map((h) => find(headers, h));
  const inputKeys = keys.map((h) => find(input.columns, h));
  if (keyCols.some((c) => c < 0) || inputKeys.some((c) => c < 0)) return out;
  const byKey = new Map(input.rows.map((row, r) => [rowKey(row, inputKeys, r), row] as const));
  current.forEach((row, r) => {
    const next = byKey.get(rowKey(row, keyCols, r));
    if (!next) return;
    input.columns.forEach((h, k) => {
      const c = tableCols[k];
      if (c < 0 || inputKeys.includes(k) || sameValue(row[c], next[k])) return;
      const rows = out.get(h);
      if (rows) rows.push(r);
      else out.set(h, [r]);
    });
  });
  return out;
}

/** Would writing `next` leave the cell as it is? A blank cell holds nothing typed, so yes. */
function sameValue(was: unknown, next: unknown): boolean {
  if (was === null || was === undefined || was === "") return true;
  if (typeof next === "number") {
    const parsed = typeof was === "number" ? was : numberIn(String(was));
    return parsed !== undefined && Number(parsed.toPrecision(15)) === Number(next.toPrecision(15));
  }
  return canonical(was) === canonical(next);
}

function numberIn(text: string): number | undefined {
  const parsed = parseNumberText(text);
  return parsed.kind === "number" && !parsed.percent ? parsed.value : undefined;
}
