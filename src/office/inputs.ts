/**
 * Filling people's columns on request (prorated targets, spread milestones): which
 * non-blank cells a write would change, so Yardstick asks before replacing what someone typed.
 */
import { columnLetter } from "../workbook/layout";
import { changedTypedCells } from "../workbook/typedCells";
import type { Block } from "./addresses";
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
  const column = (h: string) => headers.findIndex((x) => x.trim().toLowerCase() === h.toLowerCase());
  return [...changedTypedCells(headers, current, keys, input)].map(([header, rows]) => ({
    column: header,
    rowCount: rows.length,
    addresses: rows
      .slice(0, 20)
      .map((r) => `${sheet}!${columnLetter(body.column + column(header))}${body.row + r}`),
  }));
}
