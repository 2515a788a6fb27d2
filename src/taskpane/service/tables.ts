/** Small helpers over raw tables: find a column by header, read a cell as text. */
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
