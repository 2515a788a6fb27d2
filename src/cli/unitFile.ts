/**
 * The unit file of `yardstick prorate`: one row per unit, named columns (caseload, fte, baseline,
 * YYYY-MM actuals). Read strictly: the CSV parser's errors, a duplicate or missing column, extra
 * cells and a decimal mark that cannot be told stop the command with the line and column; numbers
 * go through the one number parser.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { decideDecimal, noteDecimalEvidence, type DecimalEvidence } from "../engine/longcsv/rows";
import { describeNumberProblem, parseNumberText, type DecimalMark } from "../engine/parse/number";
import { CliError, type CliIo } from "./io";

/** The CSV as rows of named cells, with the line each row came from (1-based, header is line 1). */
export interface UnitTable {
  name: string;
  columns: string[];
  rows: UnitRow[];
  decimal: DecimalMark;
}
export interface UnitRow {
  line: number;
  cells: Record<string, string>;
}

/** Read and check a unit file; every problem is a CliError naming the file and line. */
export function readUnitTable(file: string, io: CliIo, decimal?: DecimalMark): UnitTable {
  let text: string;
  try {
    text = readFileSync(path.resolve(io.cwd, file), "utf8");
  } catch {
    throw new CliError(`cannot read ${file}.`);
  }
  const name = path.basename(file);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken)
    throw new CliError(
      `${name} line ${(broken.row ?? 0) + 1}: ${broken.message}; a quote mark is not closed where its cell ends. Close the quote or delete it.`,
    );
  const lines = parsed.data.map((cells, i) => ({ cells, line: i + 1 }));
  const filled = lines.filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  const [header, ...body] = filled;
  if (!header || body.length === 0)
    throw new CliError(`${name} has no units: it needs a header row and one row per unit.`);
  const columns = header.cells.map((h) => h.trim());
  const twice = columns.find((c, i) => c !== "" && columns.indexOf(c) !== i);
  if (twice !== undefined)
    throw new CliError(`${name} line 1 names the column "${twice}" twice; rename or delete one of them.`);
  const evidence: DecimalEvidence = {};
  for (const row of body) {
    const extra = row.cells.slice(columns.length).some((c) => c.trim() !== "");
    if (extra)
      throw new CliError(
        `${name} line ${row.line} has ${row.cells.length} cells but the header names ${columns.length}: quote a cell that holds the delimiter (1,234 or "North, East").`,
      );
    if (!decimal) for (const c of row.cells.slice(1)) noteDecimalEvidence(evidence, c, row.line);
  }
  const decided = decimal ? { decimal } : decideDecimal(evidence, parsed.meta.delimiter);
  if ("ambiguous" in decided)
    throw new CliError(
      `${name}: cannot tell the decimal mark: ${decided.ambiguous}. Add --decimal comma (1.234,5) or --decimal point (1,234.5).`,
    );
  return {
    name,
    columns,
    decimal: decided.decimal,
    rows: body.map(({ cells, line }) => ({
      line,
      cells: Object.fromEntries(columns.map((c, k) => [c, (cells[k] ?? "").trim()])),
    })),
  };
}

/** Stop unless the table has this column (named by an option). */
export function requireColumn(table: UnitTable, column: string, option: string): void {
  if (!table.columns.includes(column)) {
    throw new CliError(
      `${table.name} has no column "${column}" (from ${option}). Columns: ${table.columns.join(", ")}.`,
    );
  }
}

/**
 * A cell as a number: blank is undefined; "1,234", "$1,234" and "(5)" are read, "84.5%" only where
 * `percent` allows (a rate's baseline or history); anything else stops with the line and column.
 */
export function cellNumber(
  table: UnitTable,
  row: UnitRow,
  column: string,
  percent = false,
): number | undefined {
  const raw = row.cells[column] ?? "";
  const parsed = parseNumberText(raw, { decimal: table.decimal, percent });
  if (parsed.kind === "number") return parsed.value;
  if (parsed.kind === "blank") return undefined;
  const problem =
    parsed.kind === "refused" && parsed.reason === "percent-not-allowed"
      ? "is a percent, but this column holds counts or amounts"
      : describeNumberProblem(parsed);
  throw new CliError(
    `${table.name} line ${row.line}, column "${column}": "${raw}" ${problem}. Fix the cell or leave it blank.`,
  );
}
