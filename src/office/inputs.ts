/**
 * Filling people's columns on request (prorated targets, spread milestones): which
 * non-blank cells a write would change, so Yardstick asks before replacing what someone typed.
 */
import { columnLetter } from "../workbook/layout";
import type { Block } from "./addresses";
import { canonical, rowKey } from "./hash";
import type { ResultsInput } from "./merge";

export interface OverwrittenCells {
  column: string;
  addresses: string[];
  rowCount: number;
}

/** Non-blank cells whose value would change, per column (up to 20 addresses each). */
export function overwrittenInputs(
  headers: string[],
  keys: string[],
  current: unknown[][],
  input: ResultsInput,
  body: Block,
  sheet: string,
): OverwrittenCells[] {
  const idx = (h: string, list: string[]): number =>
    list.findIndex((x) => x.toLowerCase() === h.toLowerCase());
  const inputKeys = keys.map((k) => idx(k, input.columns));
  const byKey = new Map(input.rows.map((row, r) => [rowKey(row, inputKeys, r), row]));
  const tableKeys = keys.map((k) => idx(k, headers));
  const out = new Map<string, number[]>();
  current.forEach((row, r) => {
    const next = byKey.get(rowKey(row, tableKeys, r));
    if (!next) return;
    input.columns.forEach((h, k) => {
      const c = idx(h, headers);
      const was = canonical(row[c]);
      if (c < 0 || was === undefined || was === canonical(next[k])) return;
      out.set(h, [...(out.get(h) ?? []), r]);
    });
  });
  return [...out].map(([column, rows]) => ({
    column,
    rowCount: rows.length,
    addresses: rows
      .slice(0, 20)
      .map((r) => `${sheet}!${columnLetter(body.column + idx(column, headers))}${body.row + r}`),
  }));
}
