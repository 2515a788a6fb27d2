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
import type { CellRef, Finding, MeasureKind, Observation, Scorecard } from "../model";
import { describeNumberProblem, parseNumberText, plainNumber, type DecimalMark } from "../parse/number";
import { parsePeriodText } from "../parse/period";
import {
  describe,
  keysOf,
  linkLeads,
  noteMeasureFacts,
  resolveMeasure,
  validateValues,
  type MeasureFacts,
} from "./measures";
import { decideDecimal, detectDelimiter, firstLineOf, noteDecimalEvidence, streamRows } from "./rows";
import type { DecimalEvidence } from "./rows";
import {
  FIELDS,
  NUMERIC_FIELDS,
  OBS_KEY,
  at,
  cellText,
  label,
  normalizeHeader,
  type Add,
  type Columns,
  type Field,
  type NumericField,
  type RefFn,
} from "./shared";

export { columnLetter, normalizeHeader };

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

// Kinds whose numbers may be written with "%": a rate is a percent, a ratio may be "% of target".
const PERCENT_KINDS = new Set<MeasureKind | undefined>([undefined, "rate", "ratio"]);
// How much of the file to read for the decimal mark: enough rows for a real sample, not the file.
const SAMPLE_CHARS = 256 * 1024;
// Module-level copies: the hot loop reads them 4 million times, not through an import binding.
const NUMBER_FIELDS: readonly NumericField[] = NUMERIC_FIELDS;
const KEY_OF: Readonly<Record<NumericField, (typeof OBS_KEY)[NumericField]>> = { ...OBS_KEY };
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
  const letters = header.map((_, i) => columnLetter(i + 1));
  const ref: RefFn = (line, col) => ({
    sheet,
    row: line,
    column: col + 1,
    address: `${letters[col] ?? columnLetter(col + 1)}${line}`,
  });

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

  const measures = new Map<string, MeasureFacts>();
  const units = new Map<string, string>();
  // Period text -> the period and a small number for it (undefined: not a period), parsed once per text.
  const periods = new Map<string, { period: string; id: number } | undefined>();
  const periodIds = new Map<string, number>();
  // measure -> unit -> first line by period number: no new key strings per row, and an array of
  // 36 lines per series instead of a 36-entry Map (20,000 of them in a big file).
  const seen = new Map<string, Map<string, number[]>>();
  const observations = scorecard.observations;
  let dataRows = 0;

  const onRow = (cells: string[], line: number): void => {
    if (line === 1) return;
    if (cells.every((c) => c.trim() === "")) return;
    dataRows++;
    if (cells.length > header.length && !extraCellsAreBlank(cells, header.length)) {
      const msg = `Line ${line} has ${cells.length} cells but the header names ${header.length}: a cell probably holds an unquoted "${delimiter}" (1,234 or North, East), so the row was skipped.`;
      add("error", "extra-cells", msg, ref(line, header.length));
      return;
    }
    const measureText = cellText(cells, columns.measure);
    const unitText = cellText(cells, columns.unit);
    if (!measureText || !unitText) {
      const field = measureText ? "unit" : "measure";
      const msg = `Line ${line}: the ${field} is blank, so the row cannot be placed.`;
      add("error", "missing-key", msg, ref(line, columns[field]));
      return;
    }
    const periodText = cellText(cells, columns.period);
    let known = periods.get(periodText);
    if (known === undefined && !periods.has(periodText)) {
      const parsed = parsePeriodText(periodText);
      if (parsed.kind === "period") {
        let id = periodIds.get(parsed.period);
        if (id === undefined) periodIds.set(parsed.period, (id = periodIds.size));
        known = { period: parsed.period, id };
      }
      periods.set(periodText, known);
    }
    if (!known) {
      periodFinding(periodText, ref(line, columns.period), add, measureText, unitText);
      return;
    }
    const period = known.period;
    let byUnit = seen.get(measureText);
    if (!byUnit) seen.set(measureText, (byUnit = new Map()));
    let byPeriod = byUnit.get(unitText);
    if (!byPeriod) byUnit.set(unitText, (byPeriod = []));
    const first = byPeriod[known.id];
    if (first !== undefined) {
      const msg = `Line ${line} repeats ${measureText} / ${unitText} / ${period} from line ${first}; the first row is kept.`;
      add("warning", "duplicate-row", msg, ref(line, columns.measure), {
        measure: measureText,
        unit: unitText,
        period,
      });
      return;
    }
    byPeriod[known.id] = line;
    let facts = measures.get(measureText);
    if (!facts) {
      const firstRef = ref(line, columns.measure);
      facts = { id: measureText, firstRef, sawPercent: false, sawDollar: false, sawFraction: false };
      measures.set(measureText, facts);
    }
    // One string per unit name, not one per row: 720,000 rows name 1,000 units.
    let unit = units.get(unitText);
    if (unit === undefined) units.set(unitText, (unit = unitText));
    noteMeasureFacts(facts, cells, columns, line, ref, add, decimal);
    const source = ref(line, columns.actual ?? columns.measure);
    // Every value field declared in one literal, in the order readNumbers fills them: one object
    // shape, kept in the object itself, instead of a property store grown per row for 720,000 rows
    // (a field the row lacks stays undefined, as it was absent before; JSON output is the same).
    const obs: Observation = {
      measure: facts.id,
      unit,
      period,
      source,
      target: undefined,
      actual: undefined,
      milestone: undefined,
      numerator: undefined,
      denominator: undefined,
      priorActual: undefined,
    };
    readNumbers(obs, facts, cells, columns, line, ref, add, decimal);
    observations.push(obs);
  };

  streamRows(body, delimiter, onRow, (problem) => {
    const swallowed =
      problem.lastLine > problem.line
        ? ` It ran on to line ${problem.lastLine}; lines ${problem.line + 1}-${problem.lastLine} were read on their own.`
        : "";
    const msg = `Line ${problem.line}: a quote mark is not closed where its cell ends (${problem.message}), so the row was skipped.${swallowed}`;
    add("error", "unclosed-quote", msg, ref(problem.line, 0));
  });

  scorecard.measures = [...measures.values()].map((m) => resolveMeasure(m, add));
  const kindOf = new Map(scorecard.measures.map((m) => [m.id, m.kind] as const));
  for (const obs of observations) validateValues(obs, kindOf.get(obs.measure)!, columns, ref, add);
  linkLeads(scorecard.measures, add);
  scorecard.units = [...units.values()].map((id) => ({ id, name: id }));
  if (!observations.some(holdsNumber)) noUsableRows(sheet, dataRows, findings, a1, add);
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

function extraCellsAreBlank(cells: string[], width: number): boolean {
  for (let i = width; i < cells.length; i++) if (cells[i].trim() !== "") return false;
  return true;
}

function periodFinding(text: string, where: CellRef, add: Add, measure: string, unit: string): void {
  const parsed = parsePeriodText(text);
  if (parsed.kind === "date-format") {
    add("error", "date-format", `${at(where)}: period "${text}" ${parsed.why}.`, where, { measure, unit });
  } else {
    const msg = `${at(where)}: period "${text}" is not YYYY or YYYY-MM.`;
    add("error", "bad-period", msg, where, { measure, unit });
  }
}

/** Numeric cells of one row into the observation; text and #N/A become findings, blanks notes. */
function readNumbers(
  obs: Observation,
  facts: MeasureFacts,
  cells: string[],
  columns: Columns,
  line: number,
  ref: RefFn,
  add: Add,
  decimal: DecimalMark,
): void {
  let blankActual = false;
  let blankTarget = false;
  for (let i = 0; i < NUMBER_FIELDS.length; i++) {
    const f = NUMBER_FIELDS[i];
    const col = columns[f];
    if (col === undefined) continue;
    const raw = cells[col];
    if (raw === undefined || raw === "") {
      if (f === "actual") blankActual = true;
      else if (f === "target") blankTarget = true;
      continue;
    }
    const plain = plainNumber(raw, decimal);
    if (plain !== undefined) {
      obs[KEY_OF[f]] = plain;
      if (!facts.sawFraction && f !== "numerator" && f !== "denominator" && !Number.isInteger(plain))
        facts.sawFraction = true;
      continue;
    }
    const parsed = parseNumberText(raw, { decimal });
    if (parsed.kind === "blank") {
      if (f === "actual") blankActual = true;
      else if (f === "target") blankTarget = true;
      continue;
    }
    if (parsed.kind !== "number") {
      const where = ref(line, col);
      const missing = parsed.kind === "error" || parsed.kind === "placeholder";
      const msg = `${at(where)}: the ${label(f)} "${raw.trim()}" ${describeNumberProblem(parsed)}.`;
      add("error", missing ? "not-available" : "not-a-number", msg, where, keysOf(obs));
      continue;
    }
    const counted = f === "numerator" || f === "denominator";
    if (parsed.percent && (counted || !PERCENT_KINDS.has(facts.kind))) {
      const where = ref(line, col);
      const what = counted ? `a ${label(f)}, a count` : `${facts.id}, a ${facts.kind}`;
      const msg = `${at(where)}: the ${label(f)} "${raw.trim()}" is a percent, but it belongs to ${what}; it was not used.`;
      add("error", "percent-not-rate", msg, where, keysOf(obs));
      continue;
    }
    const value = parsed.value;
    obs[KEY_OF[f]] = value;
    if (counted) continue;
    if (parsed.percent) facts.sawPercent = true;
    if (parsed.currency) facts.sawDollar = true;
    if (!facts.sawFraction && !Number.isInteger(value)) facts.sawFraction = true;
  }
  const computable = obs.numerator !== undefined && obs.denominator !== undefined;
  if (blankActual && !computable) blankNote(obs, "actual", ref(line, columns.actual!), add);
  if (blankTarget && obs.milestone === undefined) blankNote(obs, "target", ref(line, columns.target!), add);
}

function blankNote(obs: Observation, f: "actual" | "target", where: CellRef, add: Add): void {
  const msg = `${at(where)}: the ${f} for ${describe(obs)} is blank.`;
  add("info", f === "actual" ? "blank-actual" : "blank-target", msg, where, keysOf(obs));
}

function holdsNumber(o: Observation): boolean {
  return (
    o.actual !== undefined ||
    o.target !== undefined ||
    o.milestone !== undefined ||
    o.numerator !== undefined ||
    o.denominator !== undefined ||
    o.priorActual !== undefined
  );
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
