/** Small helpers over raw tables: find a column by header, find rows by key columns. */
import type { RawTable } from "../../workbook/layout";
import { headerKey } from "../../workbook/cells";

/** 0-based column of a header (case- and space-insensitive), or -1. */
export function columnOf(table: RawTable, header: string): number {
  const want = headerKey(header);
  return table.headers.findIndex((h) => headerKey(String(h ?? "")) === want);
}

/** The text of a cell, trimmed; numbers as their plain digits. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value).trim();
}

/** 0-based data rows whose key columns equal the given values (compared as text). */
export function rowsWhere(table: RawTable, keys: Record<string, string | number>): number[] {
  const cols = Object.entries(keys).map(([h, v]) => ({ col: columnOf(table, h), want: String(v) }));
  if (cols.some((c) => c.col < 0)) return [];
  const out: number[] = [];
  table.rows.forEach((row, i) => {
    if (cols.every((c) => cellText(row[c.col]) === c.want)) out.push(i);
  });
  return out;
}
