/**
 * What a cell holds and how Excel turns an input into it. Excel parses strings written to
 * `values` or `formulas` as if typed: "=..." becomes a formula, "+x", "-x" and "@x" too unless
 * they are numbers, "12", "50%", "TRUE", "2026-07" become numbers, booleans and dates; a
 * leading apostrophe forces text and is not part of the value; a cell formatted "@" keeps text.
 */
import { columnLetter } from "../../engine/a1";
import { MemoryExcelError } from "./errors";

export type Content =
  | { t: "n"; v: number }
  | { t: "s"; v: string; quoted?: boolean }
  | { t: "b"; v: boolean }
  | { t: "e"; v: string }
  | { t: "f"; f: string };

export interface Cell {
  content?: Content;
  numberFormat?: string;
  bold?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
}

export type Scalar = string | number | boolean;

const NUMBER_RE = /^\(?[-+]?\$?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d+)?%?\)?$/;
const ERROR_LITERALS = ["#N/A", "#VALUE!", "#DIV/0!", "#REF!", "#NUM!", "#NULL!", "#NAME?"];

/** Excel serial for a calendar date (1900 system). */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function parseNumber(text: string): number | undefined {
  const s = text.trim();
  if (s === "" || !/\d/.test(s) || !NUMBER_RE.test(s)) return undefined;
  const negative = s.startsWith("(") && s.endsWith(")");
  const pct = s.endsWith("%") || s.endsWith("%)");
  const n = Number(s.replace(/[()$,%]/g, ""));
  if (!Number.isFinite(n)) return undefined;
  return (negative ? -n : n) / (pct ? 100 : 1);
}

function parseDate(text: string): number | undefined {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return validDate(Number(m[3]), Number(m[1]), Number(m[2]));
  return undefined;
}

function validDate(y: number, mo: number, d: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return dateSerial(y, mo, d);
}

/**
 * Parse one input as Excel does. Returns null to clear the cell; `formulaCheck` validates
 * formula syntax (InvalidArgument when Excel would refuse the formula).
 */
export function parseInput(
  raw: unknown,
  numberFormat: string | undefined,
  formulaCheck: (f: string) => boolean,
): Content | null {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw))
      throw new MemoryExcelError("InvalidArgument", "The argument is invalid: a number must be finite.");
    return { t: "n", v: raw };
  }
  if (typeof raw === "boolean") return { t: "b", v: raw };
  if (typeof raw !== "string")
    throw new MemoryExcelError(
      "InvalidArgument",
      `The argument is invalid: ${JSON.stringify(raw)} is not a cell value.`,
    );
  if (raw === "") return null;
  if (numberFormat === "@") return { t: "s", v: raw };
  if (raw.startsWith("'")) return { t: "s", v: raw.slice(1), quoted: true };
  const first = raw[0];
  if (first === "=" && raw.length > 1) return formula(raw, formulaCheck);
  if ((first === "+" || first === "-") && raw.length > 1) {
    const n = parseNumber(raw);
    return n === undefined ? formula(`=${raw}`, formulaCheck) : { t: "n", v: n };
  }
  if (first === "@" && raw.length > 1) return formula(`=${raw.slice(1)}`, formulaCheck);
  const n = parseNumber(raw);
  if (n !== undefined) return { t: "n", v: n };
  const date = parseDate(raw);
  if (date !== undefined) return { t: "n", v: date };
  if (/^(true|false)$/i.test(raw.trim())) return { t: "b", v: raw.trim().toUpperCase() === "TRUE" };
  if (ERROR_LITERALS.includes(raw.trim().toUpperCase())) return { t: "e", v: raw.trim().toUpperCase() };
  return { t: "s", v: raw };
}

function formula(text: string, check: (f: string) => boolean): Content {
  if (!check(text)) {
    throw new MemoryExcelError("InvalidArgument", `There's a problem with this formula: ${text}`);
  }
  return { t: "f", f: text };
}

/** What `range.formulas` returns for a cell. */
export function formulaOf(cell: Cell | undefined): Scalar {
  const c = cell?.content;
  if (!c) return "";
  if (c.t === "f") return c.f;
  return c.v;
}

const CELL_REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\d(A-Za-z_!])/g;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** How Excel fills one formula over a range: relative references move with the cell. */
export function fillFormula(formula: string, deltaRows: number, deltaCols: number): string {
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(CELL_REF, (_m, c$: string, col: string, r$: string, row: string) => {
            const column = c$ ? col : columnLetter(colNumber(col) + deltaCols);
            return `${c$}${column}${r$}${r$ ? row : Number(row) + deltaRows}`;
          }),
    )
    .join('"');
}
