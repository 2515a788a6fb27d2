/**
 * One table's part of a write of several tables: the checks that may turn it into a question for
 * the user, then its merge and queued operations, with nothing sent to Excel yet. The adapter
 * plans every table first, so a question about one leaves all of them untouched.
 */
import { TABLES } from "../workbook/layout";
import { RETURNS_TABLE } from "../workbook/sheets/returns";
import { parseRangeAddress } from "./addresses";
import { checkEdits, checkInputs } from "./editChecks";
import { mergeResults, type ResultsInput } from "./merge";
import { NotYardstickTableError, type NeedsConfirmation } from "./outcomes";
import type { QueuedOp } from "./payload";
import type { TableContents } from "./readTables";
import { type ResultsTarget, resultsOps } from "./results";
import type { YardstickState } from "./state";
import { tableKeys } from "../workbook/tableKeys";

/** One table's rows in a write of several tables (`OfficeAdapter.writeTables`). */
export interface TableWrite {
  table: string;
  input: ResultsInput;
  /** Rows keyed into a table people type in (targets, budgets), not one Yardstick fills alone. */
  intoPeoplesColumns?: boolean;
  /** Written without asking: it follows rows the user has just confirmed. */
  confirmed?: boolean;
}

export interface PlannedWrite {
  status: "planned";
  target: ResultsTarget;
  keys: string[];
  ops: QueuedOp[];
  finalRows: unknown[][];
  values: unknown[][];
}

/** Questions about several tables as one: confirming answers them all. */
export function askedTogether(questions: NeedsConfirmation[]): NeedsConfirmation {
  if (questions.length === 1) return questions[0];
  const edits = questions.flatMap((q) => q.edits ?? []);
  return {
    status: "needs-confirmation",
    reason: questions[0].reason,
    message: questions.map((q) => q.message).join(" "),
    ...(edits.length > 0 ? { edits } : {}),
  };
}

/** One table's part of a write: its checks, then its merge and operations (nothing sent yet). */
export function planWrite(
  write: TableWrite,
  contents: TableContents | undefined,
  state: YardstickState,
  options: { confirm: boolean; canResize: boolean; sliceBytes: number },
): PlannedWrite | NeedsConfirmation {
  const { confirm } = options;
  const { table, input } = write;
  const peoples = write.intoPeoplesColumns === true;
  const record = state.written[table];
  // tblReturns is collect's tracker: Yardstick's, though not part of a new scorecard.
  const known = (Object.values(TABLES) as string[]).includes(table) || table === RETURNS_TABLE;
  if (!contents || (peoples ? !known : !record)) {
    throw new NotYardstickTableError(
      `Yardstick writes results only into its own tables; "${table}" ${contents ? "was not created by Yardstick" : "is not in this workbook"}.`,
    );
  }
  const body = parseRangeAddress(contents.bodyAddress).block;
  const current = contents.rows;
  const keys = tableKeys(table, contents.headers);
  const check = peoples
    ? checkInputs(table, keys, current, input, body, contents.sheetName, contents.headers, confirm)
    : checkEdits(table, record, contents.headers, current, body, contents.sheetName, confirm);
  if (check) return check;
  const merge = mergeResults(
    contents.headers,
    keys,
    peoples ? input.columns : record.ownedHeaders,
    current,
    input,
    peoples,
  );
  if (merge.droppedWithNotes.length > 0 && !confirm) {
    return {
      status: "needs-confirmation",
      reason: "notes-would-be-dropped",
      message: `${merge.droppedWithNotes.length} row(s) that people annotated are no longer in the results. Confirm to remove them, or copy the notes first.`,
      edits: [],
    };
  }
  const target: ResultsTarget = {
    table,
    sheet: contents.sheetName,
    style: contents.style,
    body,
    headers: contents.headers,
    current,
  };
  const growth = Math.max(
    0,
    merge.existing.filter((e) => e !== "drop").length + merge.appended.length - body.rows,
  );
  const below = (contents.below ?? []).slice(0, growth);
  if (below.some((row) => row.some((v) => v !== "" && v !== null)) && !confirm) {
    return {
      status: "needs-confirmation",
      reason: "cells-below",
      message: `The ${table} table must grow by ${growth} row(s), but cells below it are not empty. Move them, or confirm to write over them.`,
    };
  }
  const { ops, finalRows } = resultsOps(target, merge, options.canResize, options.sliceBytes);
  return { status: "planned", target, keys, ops, finalRows, values: contents.values ?? current };
}
