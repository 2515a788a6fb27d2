/**
 * The questions a write asks before it touches a person's work: cells edited since Yardstick
 * wrote them, and typed inputs a write would replace, each named by sheet and cell.
 */
import { columnLetter } from "../workbook/layout";
import type { Block } from "./addresses";
import { diffPrints, printTable } from "./hash";
import { overwrittenInputs } from "./inputs";
import type { ResultsInput } from "./merge";
import type { EditedCells, NeedsConfirmation } from "./outcomes";
import type { YardstickState } from "./state";

/** Cells a person changed in what Yardstick last wrote to a table: a question, unless `confirm`. */
export function checkEdits(
  table: string,
  record: YardstickState["written"][string],
  headers: string[],
  current: unknown[][],
  body: { row: number; column: number },
  sheet: string,
  confirm?: boolean,
): NeedsConfirmation | undefined {
  if (confirm) return undefined;
  const recorded = record.print;
  const now = printTable(
    recorded.keyHeaders,
    recorded.columns.map((c) => c.header),
    headers,
    current,
  );
  const regions = diffPrints(recorded, now, headers, current);
  if (regions.length === 0) return undefined;
  if (record.previousPrint && diffPrints(record.previousPrint, now, headers, current).length === 0)
    return undefined;
  const edits: EditedCells[] = regions.map((r) => {
    const col = headers.findIndex((h) => h.toLowerCase() === r.header.toLowerCase());
    const letter = col < 0 ? "?" : columnLetter(body.column + col);
    return {
      table,
      column: r.header,
      rowCount: r.rows.length,
      addresses: r.rows.slice(0, 20).map((i) => `${sheet}!${letter}${body.row + i}`),
    };
  });
  return {
    status: "needs-confirmation",
    reason: "user-edited",
    edits,
    message: `Someone changed cells Yardstick wrote in ${table} (${edits.map((e) => e.column).join(", ")}). Writing now would replace those edits. Review them, then confirm to overwrite.`,
  };
}

/** Cells people typed that a write would replace: a question, unless `confirm`. */
export function checkInputs(
  table: string,
  keys: string[],
  current: unknown[][],
  input: ResultsInput,
  body: Block,
  sheet: string,
  headers: string[],
  confirm?: boolean,
): NeedsConfirmation | undefined {
  if (confirm) return undefined;
  const cells = overwrittenInputs(headers, keys, current, input, body, sheet);
  if (cells.length === 0) return undefined;
  const count = cells.reduce((n, c) => n + c.rowCount, 0);
  return {
    status: "needs-confirmation",
    reason: "would-overwrite-inputs",
    edits: cells.map((c) => ({ table, ...c })),
    message: `${count} cell(s) people typed in ${table} (${cells.map((c) => c.column).join(", ")}) would be replaced. Confirm to replace them; Undo or Revert takes it back.`,
  };
}
