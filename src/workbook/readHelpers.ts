/** Findings shared by the table readers: missing tables and columns, blank keys, duplicates, negatives. */
import type { Finding } from "../engine/model";
import type { TableCursor } from "./cells";

/** A finding for a table the workbook lacks. */
export function missingTable(name: string, findings: Finding[], required: boolean): void {
  findings.push({
    severity: required ? "error" : "info",
    code: "missing-table",
    message: `The workbook has no table named ${name}.`,
    fix: `Restore the ${name} table (Table Design > Table Name) or start again from a Yardstick template.`,
  });
}

/** Findings for required headers a table lacks; returns false when any is missing. */
export function requireColumns(
  cur: TableCursor,
  cols: Record<string, number>,
  headers: Record<string, string>,
  required: string[],
): boolean {
  let ok = true;
  for (const k of required) {
    if (cols[k] >= 0) continue;
    ok = false;
    cur.report(
      {
        severity: "error",
        code: "missing-column",
        message: `Table ${cur.table.tableName} on sheet ${cur.table.sheetName} has no column "${headers[k]}".`,
        fix: `Add a column headed "${headers[k]}" to ${cur.table.tableName}, or rename the column that holds it.`,
      },
      -1,
      0,
    );
  }
  return ok;
}

export function blankKey(cur: TableCursor, i: number, col: number, header: string): void {
  const empty = cur.table.rows[i].every((v) => v === null || v === undefined || v === "");
  if (empty) return; // a fully blank row (e.g. an inserted row not yet filled) is not worth a finding
  cur.report(
    {
      severity: "warning",
      code: "blank-key",
      message: `Row ${cur.ref(i, col).row} of ${cur.table.tableName} has no ${header}; the row was skipped.`,
      fix: `Type the ${header}, or delete the row.`,
    },
    i,
    col,
  );
}

export function duplicate(cur: TableCursor, i: number, col: number, what: string): void {
  cur.report(
    {
      severity: "error",
      code: "duplicate-row",
      message: `${what} appears twice in ${cur.table.tableName}; this later row (${cur.table.sheetName} row ${cur.ref(i, col).row}) was ignored.`,
      fix: "Delete one of the two rows, or merge their values into one.",
    },
    i,
    col,
  );
}

export function negative(
  cur: TableCursor,
  i: number,
  col: number,
  header: string,
  value: number,
  measure?: string,
  unit?: string,
  period?: string,
): void {
  cur.report(
    {
      severity: "error",
      code: "negative-count",
      measure,
      unit,
      period,
      message: `${cur.table.sheetName}!${cur.ref(i, col).address} (${header}) is ${value}; a count cannot be negative, so it was ignored.`,
      fix: "Correct the value; if it is a reversal, net it into the month it belongs to.",
    },
    i,
    col,
  );
}
