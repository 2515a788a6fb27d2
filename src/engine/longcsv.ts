/**
 * The long CSV format: one row per measure x unit x period.
 * Required columns `measure,unit,period` (and usually `target,actual`); optional
 * `milestone,direction,lower,upper,kind,numerator,denominator,prior_actual,paired_with,lead_for`.
 * Header names are case- and space-tolerant ("Prior Actual" = "prior_actual").
 * Bad cells come back as Findings naming the CSV line and column, never as exceptions.
 */
import Papa from "papaparse";
import type {
  CellRef,
  Direction,
  Finding,
  FindingSeverity,
  MeasureDef,
  MeasureKind,
  Observation,
  Scorecard,
} from "./model";
import { isMonth, isYear } from "./period";
import { columnLetter } from "./a1";

export interface LongCsvOptions {
  /** Shown in findings as the "sheet", e.g. "scorecard.csv". */
  fileName?: string;
  /** First month of the fiscal year, 1-12. Default 1 (calendar year). */
  fyStartMonth?: number;
}

export interface LongCsvResult {
  scorecard: Scorecard;
  findings: Finding[];
}

// prettier-ignore
const FIELDS = [
  "measure", "unit", "period", "target", "actual", "milestone", "direction", "lower", "upper", "kind",
  "numerator", "denominator", "prior_actual", "paired_with", "lead_for",
] as const;
type Field = (typeof FIELDS)[number];
type Columns = Partial<Record<Field, number>> & Record<"measure" | "unit" | "period", number>;

const NUMERIC_FIELDS = ["target", "actual", "milestone", "numerator", "denominator", "prior_actual"] as const;
type NumericField = (typeof NUMERIC_FIELDS)[number];
const OBS_KEY = {
  target: "target",
  actual: "actual",
  milestone: "milestone",
  numerator: "numerator",
  denominator: "denominator",
  prior_actual: "priorActual",
} as const satisfies Record<NumericField, keyof Observation>;

const NA_TEXT = new Set([
  "#n/a",
  "n/a",
  "na",
  "#na",
  "#value!",
  "#div/0!",
  "#ref!",
  "#num!",
  "#null!",
  "#name?",
  "-",
  "--",
  "null",
]);

/** Per-measure facts gathered while reading rows, resolved into a MeasureDef at the end. */
interface MeasureFacts {
  id: string;
  firstRef: CellRef;
  direction?: Direction;
  lower?: number;
  upper?: number;
  kind?: MeasureKind;
  pairedWith?: string;
  leadFor?: string;
  sawPercent: boolean;
  sawDollar: boolean;
  sawFraction: boolean;
  lastDirectionText?: string;
  lastKindText?: string;
}

type Keys = Pick<Finding, "measure" | "unit" | "period">;

export { columnLetter };

/** Canonical header name. Example: `normalizeHeader(" Prior Actual ") === "prior_actual"`. */
export function normalizeHeader(name: string): string {
  const squashed = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return FIELDS.find((f) => f.replace(/_/g, "") === squashed) ?? squashed;
}

/** What to do about each finding the parser raises: one catalogue, so wording stays consistent. */
export const LONG_CSV_FIXES: Record<string, string> = {
  "empty-file": "Start the file with the header line measure,unit,period,target,actual.",
  "missing-column":
    "The header must name measure, unit and period, plus target and actual to compare results.",
  "missing-key": "Fill in the measure and unit names, or delete the row.",
  "bad-period": "Write the period as 2026 or 2026-07.",
  "duplicate-row": "Delete one of the two rows or correct its period.",
  "blank-actual": "Enter the result when it is known; until then the check says no data.",
  "blank-target": "Enter a target or milestone, or the check can only compare with last year.",
  "not-available": "Enter the number, or leave the cell blank if there is no data yet.",
  "not-a-number": "Type a plain number (1234, 95%, $1,200); move notes to another column.",
  "bad-direction":
    "Write up (higher is better), down (lower is better) or band (stay between lower and upper).",
  "conflicting-direction": "Give each measure one direction.",
  "bad-kind": "Write count, amount, rate (0-100 %) or ratio.",
  "direction-assumed": "Add a direction column (up, down or band) for this measure.",
  "band-without-edges": "Fill in both lower and upper for this measure.",
  "negative-value": "Correct the sign or leave it blank.",
  "rate-above-100":
    "Rates are percent from 0 to 100: check for a typo or swapped numerator and denominator; if the measure can pass 100 (percent of target), set its kind to ratio.",
  "zero-denominator": "Check the denominator, or leave the row out.",
  "unknown-lag": "Check the lead_for name matches a measure exactly.",
};

function finding(
  severity: FindingSeverity,
  code: string,
  message: string,
  where?: CellRef,
  keys: Keys = {},
): Finding {
  const f: Finding = { severity, code, message, fix: LONG_CSV_FIXES[code], ...keys };
  if (where) f.where = where;
  return f;
}

/**
 * Parse long-format CSV text into a Scorecard plus data-quality findings.
 * Example: `parseLongCsv("measure,unit,period,target,actual\nCases,North,2026-07,10,9").scorecard.observations[0].actual === 9`.
 */
export function parseLongCsv(text: string, options: LongCsvOptions = {}): LongCsvResult {
  const sheet = options.fileName ?? "input.csv";
  const findings: Finding[] = [];
  const add: Add = (severity, code, msg, where, keys) => {
    findings.push(finding(severity, code, msg, where, keys));
  };
  const fyStartMonth = options.fyStartMonth ?? 1;
  const scorecard: Scorecard = { measures: [], units: [], observations: [], fyStartMonth };
  const { rows, lineOf } = readRows(text);
  const a1: CellRef = { sheet, row: 1, column: 1, address: "A1" };
  if (rows.length === 0) {
    add("error", "empty-file", `${sheet} has no header row.`, a1);
    return { scorecard, findings };
  }
  const columns = mapHeader(rows[0], `${sheet} line 1`, a1, add);
  if (!columns) return { scorecard, findings };

  const letters = rows[0].map((_, i) => columnLetter(i + 1));
  const ref: RefFn = (line, col) => ({
    sheet,
    row: line,
    column: col + 1,
    address: `${letters[col] ?? columnLetter(col + 1)}${line}`,
  });
  const measures = new Map<string, MeasureFacts>();
  const units = new Set<string>();
  // measure -> unit -> period -> first line: no new key strings per row.
  const seen = new Map<string, Map<string, Map<string, number>>>();
  const observations = scorecard.observations;

  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    if (cells.length <= 1 && (cells[0] ?? "").trim() === "") continue;
    const line = lineOf(r);
    const measure = cellText(cells, columns.measure);
    const unit = cellText(cells, columns.unit);
    if (!measure || !unit) {
      if (cells.every((c) => c.trim() === "")) continue;
      const field = measure ? "unit" : "measure";
      const msg = `Line ${line}: the ${field} is blank, so the row cannot be placed.`;
      add("error", "missing-key", msg, ref(line, columns[field]));
      continue;
    }
    const periodText = cellText(cells, columns.period);
    const period = normalizePeriod(periodText);
    if (!period) {
      const where = ref(line, columns.period);
      add("error", "bad-period", `${at(where)}: period "${periodText}" is not YYYY or YYYY-MM.`, where, {
        measure,
        unit,
      });
      continue;
    }
    let byUnit = seen.get(measure);
    if (!byUnit) seen.set(measure, (byUnit = new Map()));
    let byPeriod = byUnit.get(unit);
    if (!byPeriod) {
      byUnit.set(unit, (byPeriod = new Map()));
      units.add(unit);
    }
    const first = byPeriod.get(period);
    if (first !== undefined) {
      const msg = `Line ${line} repeats ${measure} / ${unit} / ${period} from line ${first}; the first row is kept.`;
      add("warning", "duplicate-row", msg, ref(line, columns.measure), { measure, unit, period });
      continue;
    }
    byPeriod.set(period, line);
    let facts = measures.get(measure);
    if (!facts) {
      facts = {
        id: measure,
        firstRef: ref(line, columns.measure),
        sawPercent: false,
        sawDollar: false,
        sawFraction: false,
      };
      measures.set(measure, facts);
    }
    noteMeasureFacts(facts, cells, columns, line, ref, add);
    const obs: Observation = { measure, unit, period, source: ref(line, columns.actual ?? columns.measure) };
    readNumbers(obs, facts, cells, columns, line, ref, add);
    observations.push(obs);
  }

  scorecard.measures = [...measures.values()].map((m) => resolveMeasure(m, add));
  const kindOf = new Map(scorecard.measures.map((m) => [m.id, m.kind] as const));
  for (const obs of observations) validateValues(obs, kindOf.get(obs.measure)!, columns, ref, add);
  linkLeads(scorecard.measures, add);
  scorecard.units = [...units].map((id) => ({ id, name: id }));
  return { scorecard, findings };
}

type Add = (severity: FindingSeverity, code: string, msg: string, where?: CellRef, keys?: Keys) => void;
type RefFn = (line: number, column: number) => CellRef;
const label = (f: NumericField) => f.replace("_", " ");
const at = (where: CellRef) => `Line ${where.row}, column ${columnLetter(where.column)}`;

/** A cell's trimmed text, "" when the column is absent. */
function cellText(cells: string[], col: number | undefined): string {
  if (col === undefined) return "";
  const v = cells[col];
  return v === undefined ? "" : v.trim();
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
): void {
  let blankActual = false;
  let blankTarget = false;
  for (const f of NUMERIC_FIELDS) {
    const col = columns[f];
    if (col === undefined) continue;
    const raw = cellText(cells, col);
    if (raw === "") {
      if (f === "actual") blankActual = true;
      else if (f === "target") blankTarget = true;
      continue;
    }
    const value = parseNumber(raw);
    if (value === undefined) {
      const na = NA_TEXT.has(raw.toLowerCase());
      const where = ref(line, col);
      const msg = `${at(where)}: the ${label(f)} "${raw}" ${na ? "marks a missing value" : "is not a number"}.`;
      add("error", na ? "not-available" : "not-a-number", msg, where, keysOf(obs));
      continue;
    }
    obs[OBS_KEY[f]] = value;
    if (f === "numerator" || f === "denominator") continue;
    if (!facts.sawPercent && raw.endsWith("%")) facts.sawPercent = true;
    if (!facts.sawDollar && raw.includes("$")) facts.sawDollar = true;
    if (!facts.sawFraction && !Number.isInteger(value)) facts.sawFraction = true;
  }
  const computable = obs.numerator !== undefined && obs.denominator !== undefined;
  if (blankActual && !computable) blankNote(obs, "actual", ref(line, columns.actual!), add);
  if (blankTarget && obs.milestone === undefined) blankNote(obs, "target", ref(line, columns.target!), add);
}

function blankNote(obs: Observation, f: "actual" | "target", where: CellRef, add: Add): void {
  const msg = `${at(where)}: the ${f} for ${obs.measure} / ${obs.unit} / ${obs.period} is blank.`;
  add("info", `blank-${f}`, msg, where, keysOf(obs));
}

function keysOf(obs: Observation): Required<Keys> {
  return { measure: obs.measure, unit: obs.unit, period: obs.period };
}

/**
 * Rows of cells and the 1-based line each starts on. Without quotes no field can span lines, so
 * row i is line i + 1; with quotes, lines are counted from the parser's cursor.
 */
function readRows(text: string): { rows: string[][]; lineOf: (row: number) => number } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.includes('"')) {
    const rows = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false }).data;
    return { rows, lineOf: (row) => row + 1 };
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  let prevCursor = 0;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      for (let i = counted; i < prevCursor; i++) if (body.charCodeAt(i) === 10) line++;
      counted = Math.max(counted, prevCursor);
      rows.push(result.data);
      lines.push(line);
      prevCursor = result.meta.cursor;
    },
  });
  return { rows, lineOf: (row) => lines[row] };
}

function mapHeader(header: string[], where: string, a1: CellRef, add: Add): Columns | undefined {
  const columns: Partial<Record<Field, number>> = {};
  header.forEach((h, i) => {
    const name = normalizeHeader(h) as Field;
    if ((FIELDS as readonly string[]).includes(name) && columns[name] === undefined) columns[name] = i;
  });
  const missing = (["measure", "unit", "period"] as const).filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    add("error", "missing-column", `${where} has no ${missing.join(", ")} column.`, a1);
    return undefined;
  }
  for (const f of ["target", "actual"] as const) {
    const covered =
      f === "actual"
        ? columns.numerator !== undefined && columns.denominator !== undefined
        : columns.milestone !== undefined;
    if (columns[f] === undefined && !covered)
      add("warning", "missing-column", `${where} has no ${f} column.`, a1);
  }
  return columns as Columns;
}

/** `YYYY`, `YYYY-MM`, or a first-of-month date `YYYY-MM-DD` / `YYYY/MM`, as a Period; undefined otherwise. */
function normalizePeriod(text: string): string | undefined {
  if (isYear(text) || isMonth(text)) return text;
  const m = /^(\d{4})[-/](\d{1,2})(?:[-/]\d{1,2})?$/.exec(text);
  if (!m) return undefined;
  const month = `${m[1]}-${m[2].padStart(2, "0")}`;
  return isMonth(month) ? month : undefined;
}

const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Numbers as people type them: "1,234", "$1,234.50", "95%", "(12)"; undefined for text and #N/A. */
function parseNumber(raw: string): number | undefined {
  if (PLAIN_NUMBER.test(raw)) return Number(raw);
  if (raw === "" || NA_TEXT.has(raw.toLowerCase())) return undefined;
  let s = raw.replace(/[$,%\s]/g, "");
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  return PLAIN_NUMBER.test(s) ? sign * Number(s) : undefined;
}

function noteMeasureFacts(
  facts: MeasureFacts,
  cells: string[],
  columns: Columns,
  line: number,
  ref: RefFn,
  add: Add,
): void {
  const dirText = cellText(cells, columns.direction);
  // Most rows repeat their measure's direction and kind: parse a text once per measure.
  if (dirText && dirText !== facts.lastDirectionText) {
    facts.lastDirectionText = dirText;
    const dir = parseDirection(dirText);
    if (!dir)
      add(
        "warning",
        "bad-direction",
        `Line ${line}: direction "${dirText}" is not up, down or band.`,
        ref(line, columns.direction!),
        { measure: facts.id },
      );
    else if (facts.direction && facts.direction !== dir) {
      const msg = `Line ${line}: ${facts.id} says direction ${dir} but an earlier row says ${facts.direction}; the first is kept.`;
      add("warning", "conflicting-direction", msg, ref(line, columns.direction!), { measure: facts.id });
    } else facts.direction = dir;
  }
  const kindText = cellText(cells, columns.kind);
  if (kindText && kindText !== facts.lastKindText) {
    facts.lastKindText = kindText;
    const kind = parseKind(kindText);
    const msg = `Line ${line}: kind "${kindText}" is not count, amount, rate or ratio.`;
    if (!kind) add("warning", "bad-kind", msg, ref(line, columns.kind!), { measure: facts.id });
    else facts.kind ??= kind;
  }
  for (const edge of ["lower", "upper"] as const) {
    const raw = cellText(cells, columns[edge]);
    if (!raw || facts[edge] !== undefined) continue;
    const v = parseNumber(raw);
    const msg = `Line ${line}: the ${edge} band edge "${raw}" is not a number.`;
    if (v === undefined)
      add("warning", "not-a-number", msg, ref(line, columns[edge]!), { measure: facts.id });
    else facts[edge] = v;
  }
  facts.pairedWith ||= cellText(cells, columns.paired_with) || undefined;
  facts.leadFor ||= cellText(cells, columns.lead_for) || undefined;
}

function parseDirection(text: string): Direction | undefined {
  const t = text.toLowerCase();
  if (/^(up|higher|increase|more|\+|max)/.test(t)) return "up";
  if (/^(down|lower|decrease|less|-|min)/.test(t)) return "down";
  if (/^(band|within|maintain|range|stabili[sz]e)/.test(t)) return "band";
  return undefined;
}

function parseKind(text: string): MeasureKind | undefined {
  const t = text.toLowerCase().trim();
  if (/^(count|number|#|n)$/.test(t)) return "count";
  if (/^(amount|money|dollars?|\$|currency|sum)$/.test(t)) return "amount";
  if (/^(rate|percent|percentage|pct|%)$/.test(t)) return "rate";
  if (/^(ratio|per)$/.test(t)) return "ratio";
  return undefined;
}

/** Kind and direction from what the rows said, else from the values (a % sign means a rate). */
function resolveMeasure(m: MeasureFacts, add: Add): MeasureDef {
  const name = m.id;
  const keys = { measure: name };
  const looksRate = m.sawPercent || /%|\brate\b|percent/i.test(name);
  const kind: MeasureKind =
    m.kind ?? (looksRate ? "rate" : m.sawDollar || m.sawFraction ? "amount" : "count");
  let direction = m.direction ?? (m.lower !== undefined && m.upper !== undefined ? "band" : undefined);
  if (!direction) {
    direction = "up";
    add(
      "info",
      "direction-assumed",
      `${name}: no direction given, so higher is taken as better.`,
      m.firstRef,
      keys,
    );
  }
  if (direction === "band" && (m.lower === undefined || m.upper === undefined)) {
    add(
      "error",
      "band-without-edges",
      `${name} is a band measure but its lower or upper edge is missing.`,
      m.firstRef,
      keys,
    );
  }
  const def: MeasureDef = { id: name, name, kind, direction };
  if (kind === "rate") def.unitLabel = "%";
  else if (kind === "amount" && m.sawDollar) def.unitLabel = "$";
  if (m.lower !== undefined) def.lower = m.lower;
  if (m.upper !== undefined) def.upper = m.upper;
  if (m.pairedWith) def.pairedWith = m.pairedWith;
  if (m.leadFor) {
    def.indicator = "lead";
    def.leadFor = m.leadFor;
  }
  return def;
}

/** Drop values a measure of this kind cannot have, and fill an actual from numerator / denominator. */
function validateValues(obs: Observation, kind: MeasureKind, columns: Columns, ref: RefFn, add: Add): void {
  const line = obs.source!.row;
  for (const f of NUMERIC_FIELDS) {
    const value = obs[OBS_KEY[f]];
    if (value === undefined) continue;
    const negative = value < 0 && (kind !== "amount" || f === "denominator");
    const over = kind === "rate" && value > 100 && f !== "numerator" && f !== "denominator";
    if (!negative && !over) continue;
    const where = ref(line, columns[f]!);
    const why = negative
      ? `is negative, which a ${kind} cannot be`
      : "is above 100 %, which a rate cannot be";
    const msg = `${at(where)}: the ${label(f)} ${value} for ${describe(obs)} ${why}.`;
    add("error", negative ? "negative-value" : "rate-above-100", msg, where, keysOf(obs));
    delete obs[OBS_KEY[f]];
  }
  if (obs.actual !== undefined || obs.numerator === undefined || obs.denominator === undefined) return;
  if (obs.denominator === 0) {
    const msg = `Line ${line}: ${describe(obs)} has a zero denominator, so no rate can be computed.`;
    add("warning", "zero-denominator", msg, obs.source, keysOf(obs));
    return;
  }
  const ratio = obs.numerator / obs.denominator;
  if (kind === "rate" && ratio > 1) {
    const msg = `Line ${line}: ${describe(obs)} has a numerator above its denominator (${obs.numerator} / ${obs.denominator}).`;
    add("error", "rate-above-100", msg, obs.source, keysOf(obs));
    return;
  }
  obs.actual = kind === "rate" ? ratio * 100 : ratio;
}

function describe(obs: Observation): string {
  return `${obs.measure} / ${obs.unit} / ${obs.period}`;
}

function linkLeads(measures: MeasureDef[], add: Add): void {
  const byId = new Map(measures.map((m) => [m.id, m]));
  for (const m of measures) {
    if (!m.leadFor) continue;
    const lag = byId.get(m.leadFor);
    if (lag) lag.indicator ??= "lag";
    else
      add(
        "warning",
        "unknown-lag",
        `${m.id} is a lead for "${m.leadFor}", which has no rows in the file.`,
        undefined,
        { measure: m.id },
      );
  }
}
