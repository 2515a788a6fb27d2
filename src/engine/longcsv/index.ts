/**
 * The long CSV format: one row per measure x unit x period.
 * Required columns `measure,unit,period` (and usually `target,actual`); optional
 * `milestone,direction,lower,upper,kind,numerator,denominator,prior_actual,paired_with,lead_for`.
 * Header names are case- and space-tolerant ("Prior Actual" = "prior_actual"). The delimiter
 * (comma, semicolon, tab, bar) and the decimal mark are detected; a file whose decimal mark
 * cannot be told is refused with the option that settles it. Bad cells come back as Findings
 * naming the CSV line and column, never as exceptions; nothing is dropped without one.
 */
import { columnLetter } from "../a1";
import { findingFix } from "../findings";
import type { CellRef, Finding, Observation, Scorecard } from "../model";
import type { DecimalMark } from "../parse/number";
import { linkLeads, resolveMeasure, validateValues } from "./measures";
import { CsvCell } from "./cell";
import { ANY_VALUE, ObservationColumns, VALUE_FIELDS } from "./observations";
import { RowReader } from "./reader";
import { decideDecimal, detectDelimiter, firstLineOf, noteDecimalEvidence, streamRows } from "./rows";
import type { DecimalEvidence } from "./rows";
import {
  FIELDS,
  NUMERIC_FIELDS,
  normalizeHeader,
  type Add,
  type Columns,
  type Field,
  type RefFn,
} from "./shared";

export { columnLetter, normalizeHeader };
export { CsvObservation, plainObservation } from "./observations";

export interface LongCsvOptions {
  /** Shown in findings as the "sheet", e.g. "scorecard.csv". */
  fileName?: string;
  /** First month of the fiscal year, 1-12. Default 1 (calendar year). */
  fyStartMonth?: number;
  /** The decimal mark, when the user said; otherwise detected from the numbers. */
  decimal?: DecimalMark;
  /** The cell delimiter, when the user said; otherwise detected from the header. */
  delimiter?: string;
}

export interface LongCsvResult {
  scorecard: Scorecard;
  findings: Finding[];
  /** What the reader used, so a report can say it. */
  layout?: { delimiter: string; decimal: DecimalMark };
}

// How much of the file to read for the decimal mark: enough rows for a real sample, not the file.
const SAMPLE_CHARS = 256 * 1024;
const isKnownField = (h: string) => (FIELDS as readonly string[]).includes(normalizeHeader(h));

/**
 * Parse long-format CSV text into a Scorecard plus data-quality findings.
 * Example: `parseLongCsv("measure,unit,period,target,actual\nCases,North,2026-07,10,9").scorecard.observations[0].actual === 9`.
 */
export function parseLongCsv(text: string, options: LongCsvOptions = {}): LongCsvResult {
  const sheet = options.fileName ?? "input.csv";
  const findings: Finding[] = [];
  const add: Add = (severity, code, message, where, keys = {}) => {
    const f: Finding = { severity, code, message, fix: findingFix(code), ...keys };
    if (where) f.where = where;
    findings.push(f);
  };
  const fyStartMonth = options.fyStartMonth ?? 1;
  const scorecard: Scorecard = { measures: [], units: [], observations: [], fyStartMonth };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const a1: CellRef = { sheet, row: 1, column: 1, address: "A1" };
  if (body.trim() === "") {
    add("error", "empty-file", `${sheet} has no header row.`, a1);
    return { scorecard, findings };
  }
  const delimiter = options.delimiter ?? detectDelimiter(firstLineOf(body), isKnownField);
  const header = headerCells(body, delimiter);
  const columns = mapHeader(header, sheet, a1, add);
  if (!columns) return { scorecard, findings };
  // Compact cells: one per observation, their A1 address computed only when read.
  const ref: RefFn = (line, col) => new CsvCell(sheet, line, col + 1);

  let decimal = options.decimal;
  if (!decimal) {
    const decided = decideDecimal(sampleEvidence(body, delimiter, columns), delimiter);
    if ("ambiguous" in decided) {
      const msg = `${sheet}: cannot tell the decimal mark: ${decided.ambiguous}.`;
      add("error", "ambiguous-decimal", msg, a1);
      return { scorecard, findings, layout: { delimiter, decimal: "point" } };
    }
    decimal = decided.decimal;
  }

  const fields = VALUE_FIELDS.filter((f) => columns[f === "priorActual" ? "prior_actual" : f] !== undefined);
  const sourceColumn = (columns.actual ?? columns.measure) + 1;
  const rows = new ObservationColumns(sheet, sourceColumn, rowsAbout(body), fields);
  const reader = new RowReader({ header, columns, delimiter, decimal, ref, add, rows });
  streamRows(
    body,
    delimiter,
    (cells, line) => reader.read(cells, line),
    (problem) => {
      const swallowed =
        problem.lastLine > problem.line
          ? ` It ran on to line ${problem.lastLine}; lines ${problem.line + 1}-${problem.lastLine} were read on their own.`
          : "";
      const msg = `Line ${problem.line}: a quote mark is not closed where its cell ends (${problem.message}), so the row was skipped.${swallowed}`;
      add("error", "unclosed-quote", msg, ref(problem.line, 0));
    },
  );

  scorecard.measures = [...reader.measures.values()].map((m) => resolveMeasure(m.facts, add));
  const kindOf = new Map(scorecard.measures.map((m) => [m.id, m.kind] as const));
  const kindOfSeries = rows.measureOf.map((m) => kindOf.get(m)!);
  for (let i = 0; i < rows.length; i++)
    validateValues(rows, i, kindOfSeries[rows.series[i]], columns, ref, add);
  linkLeads(scorecard.measures, add);
  scorecard.units = [...reader.units.values()].map((id) => ({ id, name: id }));
  scorecard.observations = records(rows);
  if (!holdsNumber(rows)) noUsableRows(sheet, reader.dataRows, findings, a1, add);
  return { scorecard, findings, layout: { delimiter, decimal } };
}

/** The header's cells: the first row of the file, parsed with the file's quoting rules. */
function headerCells(body: string, delimiter: string): string[] {
  const line = firstLineOf(body);
  if (!line.includes('"')) return line.split(delimiter);
  let header: string[] = [];
  const firstRows = body.slice(0, Math.min(body.length, 64 * 1024));
  streamRows(
    firstRows,
    delimiter,
    (cells, line) => {
      if (line === 1) header = cells;
    },
    () => undefined,
  );
  return header;
}

/** Evidence about the decimal mark from the number columns of the file's first rows. */
function sampleEvidence(body: string, delimiter: string, columns: Columns): DecimalEvidence {
  const evidence: DecimalEvidence = {};
  const cut = body.length <= SAMPLE_CHARS ? body.length : body.lastIndexOf("\n", SAMPLE_CHARS);
  const numberColumns = [...NUMERIC_FIELDS, "lower" as const, "upper" as const]
    .map((f) => columns[f])
    .filter((c): c is number => c !== undefined);
  streamRows(
    body.slice(0, cut),
    delimiter,
    (cells, line) => {
      if (line === 1) return;
      for (const c of numberColumns) if (cells[c]) noteDecimalEvidence(evidence, cells[c], line);
    },
    () => undefined,
  );
  return evidence;
}

/**
 * About how many rows the body holds, from the length of its first lines: room for the columns.
 * Too many costs nothing (a typed array's untouched pages are never made); too few, one copy.
 */
function rowsAbout(body: string): number {
  const sample = body.slice(0, 64 * 1024);
  let lines = 1;
  for (let at = sample.indexOf("\n"); at >= 0; at = sample.indexOf("\n", at + 1)) lines++;
  return Math.ceil((lines * body.length * 1.25) / Math.max(1, sample.length)) + 16;
}

/** One observation per row, each reading its fields from the columns. */
function records(rows: ObservationColumns): Observation[] {
  // Sized once: pushing grows the array by copies, each into freshly mapped memory.
  const out = new Array<Observation>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows.record(i);
  return out;
}

function holdsNumber(rows: ObservationColumns): boolean {
  for (let i = 0; i < rows.length; i++) if (rows.present[i] & ANY_VALUE) return true;
  return false;
}

/** Not one number could be used: say so once, with the commonest reasons, so no run ends "all clear". */
function noUsableRows(sheet: string, dataRows: number, findings: Finding[], a1: CellRef, add: Add): void {
  if (dataRows === 0) {
    add("error", "no-usable-rows", `${sheet} has a header but no rows.`, a1);
    return;
  }
  const counts = new Map<string, number>();
  for (const f of findings) if (f.severity === "error") counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const why = top.length > 0 ? `: ${top.map(([code, n]) => `${n} ${code}`).join(", ")}` : "";
  const first = findings.find((f) => f.severity === "error");
  const example = first ? ` For example: ${first.message}` : "";
  const msg = `${sheet}: none of its ${dataRows} rows holds a usable number${why}.${example}`;
  add("error", "no-usable-rows", msg, a1);
}

function mapHeader(header: string[], sheet: string, a1: CellRef, add: Add): Columns | undefined {
  const columns: Partial<Record<Field, number>> = {};
  header.forEach((h, i) => {
    const name = normalizeHeader(h) as Field;
    if (!(FIELDS as readonly string[]).includes(name)) return;
    const earlier = columns[name];
    if (earlier === undefined) columns[name] = i;
    else {
      const where: CellRef = { sheet, row: 1, column: i + 1, address: `${columnLetter(i + 1)}1` };
      const msg = `${sheet} line 1: columns ${columnLetter(earlier + 1)} and ${columnLetter(i + 1)} are both "${name}"; column ${columnLetter(earlier + 1)} is used and ${columnLetter(i + 1)} is ignored.`;
      add("error", "duplicate-header", msg, where);
    }
  });
  const missing = (["measure", "unit", "period"] as const).filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    const named = ` (it names ${header.map((h) => `"${h}"`).join(", ")})`;
    add("error", "missing-column", `${sheet} line 1 has no ${missing.join(", ")} column${named}.`, a1);
    return undefined;
  }
  for (const f of ["target", "actual"] as const) {
    const covered =
      f === "actual"
        ? columns.numerator !== undefined && columns.denominator !== undefined
        : columns.milestone !== undefined;
    if (columns[f] === undefined && !covered)
      add("warning", "missing-column", `${sheet} line 1 has no ${f} column.`, a1);
  }
  return columns as Columns;
}
