/**
 * The record of an office copy as issued: for every row of the fingerprinted tables (named by
 * table and row key), a short digest of each locked cell and formula, and the value of each
 * input cell. It is written to the copy's hidden Issued sheet (tblIssued) and its SHA-256 is the
 * stamp's fingerprint, so collect can name every changed cell and tell what the office typed
 * from what the master changed since.
 */
import { findColumns, TableCursor } from "../cells";
import type { TablesInput } from "../read";
import type { SheetPlan } from "../plan";
import { emptySheet, heading, input } from "../sheets/common";
import { fullDigest, shortDigest } from "./canonical";
import { cellContent, LOOP_ROLES, rowKey, type LoopTable, type LoopTables, type TableRole } from "./tables";

export interface IssuedRow {
  table: string;
  sheet: string;
  key: string;
  /** Header -> digest of each non-empty locked cell or formula: "f" (formula) or "v" (value), then 12 hex digits. */
  cells: Record<string, string>;
  /** Header -> canonical value of each non-blank input cell. */
  inputs: Record<string, string>;
}

export interface IssuedRecord {
  rows: IssuedRow[];
}

/** A row as found in a returned copy, with where it sits. */
export interface ObservedRow extends IssuedRow {
  rowIndex: number;
}

export interface ObservedTable {
  role: TableRole;
  table: LoopTable;
  rows: ObservedRow[];
  /** Rows whose key repeats an earlier row's (data row indexes). */
  duplicates: ObservedRow[];
  /** Rows with a blank key cell but something else in them (an inserted row). */
  keyless: number[];
}

export const ISSUED_SHEET = "Issued";
export const ISSUED_TABLE = "tblIssued";
export const ISSUED_HEADERS = {
  table: "Table",
  sheet: "Sheet",
  key: "Row key",
  cells: "Locked cells",
  inputs: "Inputs as issued",
} as const;

/** One table's rows as the fingerprint sees them. */
export function observeTable(table: LoopTable, role: TableRole): ObservedTable {
  const out: ObservedTable = { role, table, rows: [], duplicates: [], keyless: [] };
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    const key = rowKey(table, role, i);
    if (key === undefined) {
      out.keyless.push(i);
      return;
    }
    if (role.skipRow?.(key)) return;
    const observed: ObservedRow = {
      table: table.tableName,
      sheet: table.sheetName,
      key,
      cells: {},
      inputs: {},
      rowIndex: i,
    };
    table.headers.forEach((header, j) => {
      const content = cellContent(table, i, j);
      if (content === "") return;
      const formula = content.startsWith("f:");
      if (role.isInput(header) && !formula) observed.inputs[header] = content;
      else observed.cells[header] = `${formula ? "f" : "v"}${shortDigest(content)}`;
    });
    if (seen.has(key)) out.duplicates.push(observed);
    else {
      seen.add(key);
      out.rows.push(observed);
    }
  });
  return out;
}

/** Every fingerprinted table of a workbook as found; absent tables are listed. */
export function observeTables(tables: LoopTables): { tables: ObservedTable[]; missing: string[] } {
  const out: ObservedTable[] = [];
  const missing: string[] = [];
  for (const role of LOOP_ROLES) {
    const table = tables[role.table];
    if (table) out.push(observeTable(table, role));
    else missing.push(role.table);
  }
  return { tables: out, missing };
}

/**
 * The record's row counting a table's rows without a key as issued (the one empty row of an
 * empty table): more of them in a return are inserted rows.
 */
export const KEYLESS_ROWS = "(rows without a key)";

/** The issued record of a copy about to be written. Example: `issuedRecord(loopTablesFromPlan(plan)).rows.length`. */
export function issuedRecord(tables: LoopTables): IssuedRecord {
  const rows = observeTables(tables).tables.flatMap((t) => [
    ...t.rows.map(({ table, sheet, key, cells, inputs }) => ({ table, sheet, key, cells, inputs })),
    ...(t.keyless.length
      ? [
          {
            table: t.table.tableName,
            sheet: t.table.sheetName,
            key: KEYLESS_ROWS,
            cells: { count: String(t.keyless.length) },
            inputs: {},
          },
        ]
      : []),
  ]);
  return { rows };
}

const sortedJson = (o: Record<string, string>): string =>
  JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

/** The stamp's fingerprint: SHA-256 of the record's rows in a fixed order. */
export function fingerprintOf(record: IssuedRecord): string {
  const lines = record.rows
    .map((r) => [r.table, r.sheet, r.key, sortedJson(r.cells), sortedJson(r.inputs)].join("\t"))
    .sort();
  return fullDigest(lines.join("\n"));
}

/** The hidden Issued sheet of an office copy: the record, one row per table row, as text. */
export function issuedSheet(record: IssuedRecord): SheetPlan {
  const sheet = emptySheet(
    ISSUED_SHEET,
    "What this copy held when it was issued (digests of locked cells and formulas, inputs as issued): collect compares against it.",
  );
  sheet.hidden = true;
  sheet.ranges.push(
    ...heading(
      "Issued",
      "Written by Yardstick when this copy was issued; the stamp on the About sheet seals it. Do not edit.",
    ),
  );
  const h = ISSUED_HEADERS;
  sheet.tables.push({
    name: ISSUED_TABLE,
    topLeft: "A4",
    columns: [
      input(h.table, 18),
      input(h.sheet, 22),
      input(h.key, 30),
      input(h.cells, 60),
      input(h.inputs, 40),
    ],
    rows: (record.rows.length ? record.rows : [undefined]).map((r) =>
      r
        ? [r.table, r.sheet, r.key, sortedJson(r.cells), sortedJson(r.inputs)]
        : [null, null, null, null, null],
    ),
  });
  return sheet;
}

function parseJsonObject(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) {
      if (typeof v !== "string") return undefined;
      out[k] = v;
    }
    return out;
  } catch {
    return undefined;
  }
}

/** The issued record a returned copy carries; undefined when its Issued table is gone or garbled. */
export function readIssuedRecord(tables: TablesInput): IssuedRecord | undefined {
  const table = tables[ISSUED_TABLE];
  if (!table) return undefined;
  const cur = new TableCursor(table, []);
  const c = findColumns(table.headers, ISSUED_HEADERS);
  if (Object.values(c).some((i) => i < 0)) return undefined;
  const rows: IssuedRow[] = [];
  for (let i = 0; i < table.rows.length; i += 1) {
    const tableName = cur.text(i, c.table);
    const key = cur.text(i, c.key);
    if (!tableName || key === undefined) continue;
    const cells = parseJsonObject(cur.text(i, c.cells));
    const inputs = parseJsonObject(cur.text(i, c.inputs));
    if (!cells || !inputs) return undefined;
    rows.push({ table: tableName, sheet: cur.text(i, c.sheet) ?? "", key, cells, inputs });
  }
  return { rows };
}
