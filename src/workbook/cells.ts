/**
 * Reading single cells from raw table contents: what ExcelJS and Office.js hand back
 * (numbers, text, booleans, null, "#N/A" text, { error }, { result } objects) becomes one
 * small union, and a bad cell becomes a Finding with its sheet, row and column.
 */
import type { CellRef, Finding } from "../engine/model";
import { parseNumberText } from "../engine/parse/number";
import { a1, type RawTable } from "./layout";

export type Cell =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "error"; value: string };

const ERROR_RE = /^#(N\/A|NA|VALUE!|DIV\/0!|REF!|NUM!|NULL!|NAME\?|SPILL!|CALC!|GETTING_DATA)$|^Err:\d+$/i;

/** Normalize what a reader found in a cell. Example: `toCell({ error: "#N/A" }).kind === "error"`. */
export function toCell(raw: unknown): Cell {
  if (raw === null || raw === undefined) return { kind: "blank" };
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { kind: "number", value: raw } : { kind: "error", value: "#NUM!" };
  if (typeof raw === "boolean") return { kind: "bool", value: raw };
  if (typeof raw === "string") {
    const t = raw.trim();
    if (t === "") return { kind: "blank" };
    if (ERROR_RE.test(t)) return { kind: "error", value: t.toUpperCase() };
    return { kind: "text", value: t };
  }
  if (raw instanceof Date) return { kind: "text", value: raw.toISOString().slice(0, 10) };
  if (typeof raw === "object") {
    const o = raw as Record<string, unknown>;
    if (typeof o.error === "string") return { kind: "error", value: o.error };
    if ("result" in o) return toCell(o.result);
    if (typeof o.text === "string") return toCell(o.text);
    if (Array.isArray(o.richText)) {
      return toCell(o.richText.map((p) => (p as { text?: string }).text ?? "").join(""));
    }
  }
  return { kind: "text", value: String(raw) };
}

/** Text of a cell for id and label columns; numbers become their shortest text. */
export function cellText(cell: Cell): string | undefined {
  switch (cell.kind) {
    case "text":
      return cell.value;
    case "number":
      return String(cell.value);
    case "bool":
      return cell.value ? "TRUE" : "FALSE";
    default:
      return undefined;
  }
}

/** Locates cells of one table and collects findings about them. */
export class TableCursor {
  constructor(
    readonly table: RawTable,
    private readonly findings: Finding[],
  ) {}

  ref(rowIndex: number, colIndex: number): CellRef {
    const row = this.table.topLeftRow + 1 + rowIndex;
    const column = this.table.topLeftCol + colIndex;
    return { sheet: this.table.sheetName, row, column, address: a1(row, column) };
  }

  headerRef(colIndex: number): CellRef {
    const row = this.table.topLeftRow;
    const column = this.table.topLeftCol + colIndex;
    return { sheet: this.table.sheetName, row, column, address: a1(row, column) };
  }

  cell(rowIndex: number, colIndex: number): Cell {
    if (colIndex < 0) return { kind: "blank" };
    return toCell(this.table.rows[rowIndex]?.[colIndex]);
  }

  text(rowIndex: number, colIndex: number): string | undefined {
    return cellText(this.cell(rowIndex, colIndex));
  }

  report(f: Omit<Finding, "where">, rowIndex: number, colIndex: number): void {
    this.findings.push({ ...f, where: this.ref(rowIndex, colIndex) });
  }

  /**
   * A number, or undefined with a finding: text that is not a number, an error value
   * (#N/A and friends mean "missing"), a boolean. Numbers typed as text are accepted with a note.
   */
  number(
    rowIndex: number,
    colIndex: number,
    context: { header: string; measure?: string; unit?: string; period?: string },
  ): number | undefined {
    const c = this.cell(rowIndex, colIndex);
    const base = { measure: context.measure, unit: context.unit, period: context.period };
    const where = `${this.table.sheetName}!${this.ref(rowIndex, colIndex).address} (${context.header})`;
    switch (c.kind) {
      case "blank":
        return undefined;
      case "number":
        return c.value;
      case "error":
        this.report(
          {
            ...base,
            severity: "warning",
            code: "error-value",
            message: `${where} holds ${c.value}; it is treated as missing.`,
            fix: "Type the number, or leave the cell empty if the value is not known yet.",
          },
          rowIndex,
          colIndex,
        );
        return undefined;
      case "bool":
      case "text": {
        const parsed = c.kind === "text" ? parseNumericText(c.value) : undefined;
        if (parsed !== undefined) {
          this.report(
            {
              ...base,
              severity: "error",
              code: "number-as-text",
              message: `${where} holds ${parsed} stored as text; Excel's formulas skip it, so it was ignored.`,
              fix: "Retype it as a number (or use Data > Text to Columns on the column).",
            },
            rowIndex,
            colIndex,
          );
          return undefined;
        }
        this.report(
          {
            ...base,
            severity: "error",
            code: "text-in-number",
            message: `${where} holds "${String(c.value)}" where a number belongs; it was ignored.`,
            fix: "Type a number, or clear the cell if the value is not known.",
          },
          rowIndex,
          colIndex,
        );
        return undefined;
      }
    }
  }
}

/**
 * A number typed as text ("1,234", " 45 ", "12.5%" as 12.5, "(5)"), read by the one number
 * parser; undefined for anything it refuses. Example: `parseNumericText("$1,200") === 1200`.
 */
export function parseNumericText(text: string): number | undefined {
  const parsed = parseNumberText(text);
  return parsed.kind === "number" ? parsed.value : undefined;
}

/** Normalize a header for tolerant matching: case, spaces, punctuation. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9%]+/g, "");
}

/** Index of each wanted header in a table (-1 when absent), matched tolerantly. */
export function findColumns<K extends string>(
  headers: string[],
  wanted: Record<K, string>,
): Record<K, number> {
  const keys = headers.map((h) => headerKey(String(h ?? "")));
  const out = {} as Record<K, number>;
  for (const k of Object.keys(wanted) as K[]) out[k] = keys.indexOf(headerKey(wanted[k]));
  return out;
}
