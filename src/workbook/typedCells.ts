/**
 * Which cells a person typed a write would replace: the one rule behind "ask before replacing"
 * for the Office adapter (src/office/inputs.ts, naming the cells) and the pane's write port
 * (src/taskpane/service, one sentence before the budget and target writes). Pure: rows in, row
 * indexes out.
 */
import { parseNumberText } from "../engine/parse/number";

/** Rows to write, under their headers. */
export interface RowsToWrite {
  columns: string[];
  rows: unknown[][];
}

/**
 * Non-blank cells of `current` (under `headers`) whose value `input` would change, per input
 * column, as row indexes of `current`. Rows match by the `keys` columns (case-insensitive headers,
 * numbers by value, text trimmed); with no key columns they match by position. A number typed
 * as text ("$1,234") is the same as the number. Example:
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
  const byKey = new Map(input.rows.map((row, r) => [keyOf(row, inputKeys, r), row] as const));
  current.forEach((row, r) => {
    const next = byKey.get(keyOf(row, keyCols, r));
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

function keyOf(row: readonly unknown[], cols: number[], position: number): string {
  if (cols.length === 0) return `#${position}`;
  return cols.map((c) => keyText(row[c])).join("\u0001");
}

/** A key cell as text: numbers by value at 15 digits (2026 and "2026" match), text trimmed. */
function keyText(v: unknown): string {
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return String(v ?? "").trim();
}

/** Would writing `next` leave the cell as it is? A blank cell holds nothing typed, so yes. */
function sameValue(was: unknown, next: unknown): boolean {
  if (was === null || was === undefined || was === "") return true;
  if (typeof next === "number") {
    const parsed = typeof was === "number" ? was : numberIn(String(was));
    return parsed !== undefined && Number(parsed.toPrecision(15)) === Number(next.toPrecision(15));
  }
  return cellText(was) === cellText(next);
}

/** A cell's text, trimmed; a formula written as `{ formula }` by its formula. */
function cellText(v: unknown): string {
  const text =
    typeof v === "object" && v !== null && "formula" in v ? (v as { formula: unknown }).formula : v;
  return String(text ?? "").trim();
}

function numberIn(text: string): number | undefined {
  const parsed = parseNumberText(text);
  return parsed.kind === "number" && !parsed.percent ? parsed.value : undefined;
}
