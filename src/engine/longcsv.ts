/**
 * The long CSV format: one row per measure x unit x period.
 * Required columns `measure,unit,period` (and usually `target,actual`); optional
 * `milestone,direction,lower,upper,kind,numerator,denominator,prior_actual,paired_with,lead_for`.
 * Header names are case- and space-tolerant ("Prior Actual" = "prior_actual").
 * Bad cells come back as Findings naming the CSV line and column, never as exceptions.
 */
import Papa from "papaparse";
import type { CellRef, Direction, Finding, MeasureDef, MeasureKind, Observation, Scorecard } from "./model";
import { isMonth, isYear } from "./period";

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

type Field =
  | "measure"
  | "unit"
  | "period"
  | "target"
  | "actual"
  | "milestone"
  | "direction"
  | "lower"
  | "upper"
  | "kind"
  | "numerator"
  | "denominator"
  | "prior_actual"
  | "paired_with"
  | "lead_for";

const FIELDS: Field[] = [
  "measure",
  "unit",
  "period",
  "target",
  "actual",
  "milestone",
  "direction",
  "lower",
  "upper",
  "kind",
  "numerator",
  "denominator",
  "prior_actual",
  "paired_with",
  "lead_for",
];
const NUMERIC_FIELDS = ["target", "actual", "milestone", "numerator", "denominator", "prior_actual"] as const;
type NumericField = (typeof NUMERIC_FIELDS)[number];
const OBS_KEY: Record<NumericField, keyof Observation> = {
  target: "target",
  actual: "actual",
  milestone: "milestone",
  numerator: "numerator",
  denominator: "denominator",
  prior_actual: "priorActual",
};
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
  values: number[];
}

interface NumericCell {
  value?: number;
  percent: boolean;
  dollar: boolean;
}

/** Spreadsheet column letters for a 1-based index. Example: `columnLetter(28) === "AB"`. */
export function columnLetter(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Canonical header name. Example: `normalizeHeader(" Prior Actual ") === "prior_actual"`. */
export function normalizeHeader(name: string): string {
  const squashed = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  const match = FIELDS.find((f) => f.replace(/_/g, "") === squashed);
  return match ?? squashed;
}

/**
 * Parse long-format CSV text into a Scorecard plus data-quality findings.
 * Example: `parseLongCsv("measure,unit,period,target,actual\nCases,North,2026-07,10,9").scorecard.observations[0].actual === 9`.
 */
export function parseLongCsv(text: string, options: LongCsvOptions = {}): LongCsvResult {
  const sheet = options.fileName ?? "input.csv";
  const findings: Finding[] = [];
  const rows = readRows(text);
  const scorecard: Scorecard = {
    measures: [],
    units: [],
    observations: [],
    fyStartMonth: options.fyStartMonth ?? 1,
  };
  if (rows.length === 0) {
    findings.push({
      severity: "error",
      code: "empty-file",
      message: `${sheet} has no header row.`,
      fix: "Start the file with the header line measure,unit,period,target,actual.",
    });
    return { scorecard, findings };
  }
  const columns = mapHeader(rows[0].cells, sheet, findings);
  if (!columns) return { scorecard, findings };

  const ref = (line: number, column: number): CellRef => ({
    sheet,
    row: line,
    column: column + 1,
    address: `${columnLetter(column + 1)}${line}`,
  });
  const measures = new Map<string, MeasureFacts>();
  const units = new Set<string>();
  const seen = new Map<string, number>();
  const cellsOf: {
    obs: Observation;
    cells: Partial<Record<NumericField, { cell: NumericCell; col: number }>>;
    line: number;
  }[] = [];

  for (let r = 1; r < rows.length; r++) {
    const { cells, line } = rows[r];
    if (cells.every((c) => c.trim() === "")) continue;
    const text = (f: Field): string => (columns[f] === undefined ? "" : (cells[columns[f]!] ?? "").trim());
    const measure = text("measure");
    const unit = text("unit");
    const periodText = text("period");
    if (!measure || !unit) {
      const field = measure ? "unit" : "measure";
      findings.push({
        severity: "error",
        code: "missing-key",
        message: `Line ${line}: the ${field} is blank, so the row cannot be placed.`,
        fix: `Fill in the ${field} name or delete the row.`,
        where: ref(line, columns[field]!),
      });
      continue;
    }
    const period = normalizePeriod(periodText);
    if (!period) {
      findings.push({
        severity: "error",
        code: "bad-period",
        message: `Line ${line}, column ${columnLetter(columns.period + 1)}: period "${periodText}" is not YYYY or YYYY-MM.`,
        fix: "Write the period as 2026 or 2026-07.",
        where: ref(line, columns.period),
        measure,
        unit,
      });
      continue;
    }
    const key = `${measure}\u0000${unit}\u0000${period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push({
        severity: "warning",
        code: "duplicate-row",
        message: `Line ${line} repeats ${measure} / ${unit} / ${period} from line ${first}; the first row is kept.`,
        fix: "Delete one of the two rows or correct its period.",
        where: ref(line, columns.measure),
        measure,
        unit,
        period,
      });
      continue;
    }
    seen.set(key, line);
    units.add(unit);
    const mainCol = columns.actual ?? columns.measure;
    let facts = measures.get(measure);
    if (!facts) {
      facts = {
        id: measure,
        firstRef: ref(line, columns.measure),
        sawPercent: false,
        sawDollar: false,
        sawFraction: false,
        values: [],
      };
      measures.set(measure, facts);
    }
    noteMeasureFacts(facts, text, line, columns, ref, findings);
    const obs: Observation = { measure, unit, period, source: ref(line, mainCol) };
    const numeric: (typeof cellsOf)[number]["cells"] = {};
    for (const f of NUMERIC_FIELDS) {
      const col = columns[f];
      if (col === undefined) continue;
      const raw = (cells[col] ?? "").trim();
      const cell = parseNumber(raw);
      if (raw === "") {
        if (f === "actual" || f === "target")
          findings.push(blankFinding(f, line, col, ref, measure, unit, period));
      } else if (cell.value === undefined) {
        findings.push(notNumberFinding(f, raw, line, col, ref, measure, unit, period));
      } else {
        numeric[f] = { cell, col };
        (obs as unknown as Record<string, number>)[OBS_KEY[f]] = cell.value;
        if (f !== "numerator" && f !== "denominator") {
          facts.values.push(cell.value);
          facts.sawPercent ||= cell.percent;
          facts.sawDollar ||= cell.dollar;
          facts.sawFraction ||= !Number.isInteger(cell.value);
        }
      }
    }
    cellsOf.push({ obs, cells: numeric, line });
  }

  scorecard.measures = [...measures.values()].map((m) => resolveMeasure(m, findings));
  const kindOf = new Map(scorecard.measures.map((m) => [m.id, m.kind] as const));
  for (const { obs, cells, line } of cellsOf) {
    validateValues(obs, cells, kindOf.get(obs.measure)!, line, ref, findings);
    scorecard.observations.push(obs);
  }
  linkLeads(scorecard.measures, findings);
  scorecard.units = [...units].map((id) => ({ id, name: id }));
  return { scorecard, findings };
}

interface CsvRow {
  cells: string[];
  line: number;
}

/** Rows with the 1-based line each starts on (quoted fields may span lines). */
function readRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let line = 1;
  let counted = 0;
  let prevCursor = 0;
  Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      for (let i = counted; i < prevCursor; i++) if (text.charCodeAt(i) === 10) line++;
      counted = Math.max(counted, prevCursor);
      rows.push({ cells: result.data, line });
      prevCursor = result.meta.cursor;
    },
  });
  return rows;
}

function mapHeader(
  header: string[],
  sheet: string,
  findings: Finding[],
): (Partial<Record<Field, number>> & Record<"measure" | "unit" | "period", number>) | undefined {
  const columns: Partial<Record<Field, number>> = {};
  header.forEach((h, i) => {
    const name = normalizeHeader(h);
    if ((FIELDS as string[]).includes(name) && columns[name as Field] === undefined)
      columns[name as Field] = i;
  });
  const missing = (["measure", "unit", "period"] as const).filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    findings.push({
      severity: "error",
      code: "missing-column",
      message: `${sheet} line 1 has no ${missing.join(", ")} column.`,
      fix: "The header must name at least measure, unit and period (plus target and actual).",
      where: { sheet, row: 1, column: 1, address: "A1" },
    });
    return undefined;
  }
  for (const f of ["target", "actual"] as const) {
    if (columns[f] === undefined)
      findings.push({
        severity: "warning",
        code: "missing-column",
        message: `${sheet} line 1 has no ${f} column.`,
        fix: `Add a ${f} column so results can be compared.`,
        where: { sheet, row: 1, column: 1, address: "A1" },
      });
  }
  return columns as Partial<Record<Field, number>> & Record<"measure" | "unit" | "period", number>;
}

/** `YYYY`, `YYYY-MM`, or a first-of-month date `YYYY-MM-DD` / `YYYY/MM`, as a Period; undefined otherwise. */
function normalizePeriod(text: string): string | undefined {
  if (isYear(text) || isMonth(text)) return text;
  const m = /^(\d{4})[-/](\d{1,2})(?:[-/]\d{1,2})?$/.exec(text);
  if (!m) return undefined;
  const month = `${m[1]}-${m[2].padStart(2, "0")}`;
  return isMonth(month) ? month : undefined;
}

/** Numbers as people type them: "1,234", "$1,234.50", "95%", "(12)". */
function parseNumber(raw: string): NumericCell {
  const percent = raw.endsWith("%");
  const dollar = raw.includes("$");
  if (raw === "" || NA_TEXT.has(raw.toLowerCase())) return { percent, dollar };
  let s = raw.replace(/[$,%\s]/g, "");
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return { percent, dollar };
  return { value: sign * Number(s), percent, dollar };
}

type RefFn = (line: number, column: number) => CellRef;

function blankFinding(
  f: NumericField,
  line: number,
  col: number,
  ref: RefFn,
  measure: string,
  unit: string,
  period: string,
): Finding {
  return {
    severity: "info",
    code: `blank-${f}`,
    message: `Line ${line}, column ${columnLetter(col + 1)}: the ${f} for ${measure} / ${unit} / ${period} is blank.`,
    fix:
      f === "actual"
        ? "Enter the result when it is known; until then the check says no data."
        : "Enter a target, or the check can only compare with last year.",
    where: ref(line, col),
    measure,
    unit,
    period,
  };
}

function notNumberFinding(
  f: NumericField,
  raw: string,
  line: number,
  col: number,
  ref: RefFn,
  measure: string,
  unit: string,
  period: string,
): Finding {
  const na = NA_TEXT.has(raw.toLowerCase());
  return {
    severity: "error",
    code: na ? "not-available" : "not-a-number",
    message: `Line ${line}, column ${columnLetter(col + 1)}: the ${f.replace("_", " ")} "${raw}" ${na ? "marks a missing value" : "is not a number"}.`,
    fix: na
      ? "Enter the number, or leave the cell blank if there is no data yet."
      : "Type a plain number (1234, 95%, $1,200); move notes to another column.",
    where: ref(line, col),
    measure,
    unit,
    period,
  };
}

function noteMeasureFacts(
  facts: MeasureFacts,
  text: (f: Field) => string,
  line: number,
  columns: Partial<Record<Field, number>>,
  ref: RefFn,
  findings: Finding[],
): void {
  const dirText = text("direction");
  if (dirText) {
    const dir = parseDirection(dirText);
    if (!dir)
      findings.push({
        severity: "warning",
        code: "bad-direction",
        message: `Line ${line}: direction "${dirText}" is not up, down or band.`,
        fix: "Write up (higher is better), down (lower is better) or band (stay between lower and upper).",
        where: ref(line, columns.direction!),
        measure: facts.id,
      });
    else if (facts.direction && facts.direction !== dir)
      findings.push({
        severity: "warning",
        code: "conflicting-direction",
        message: `Line ${line}: ${facts.id} says direction ${dir} but an earlier row says ${facts.direction}; the first is kept.`,
        fix: "Give each measure one direction.",
        where: ref(line, columns.direction!),
        measure: facts.id,
      });
    else facts.direction = dir;
  }
  const kindText = text("kind");
  if (kindText) {
    const kind = parseKind(kindText);
    if (!kind)
      findings.push({
        severity: "warning",
        code: "bad-kind",
        message: `Line ${line}: kind "${kindText}" is not count, amount, rate or ratio.`,
        fix: "Write count, amount, rate (0-100 %) or ratio.",
        where: ref(line, columns.kind!),
        measure: facts.id,
      });
    else facts.kind ??= kind;
  }
  for (const edge of ["lower", "upper"] as const) {
    const raw = text(edge);
    if (!raw) continue;
    const v = parseNumber(raw).value;
    if (v === undefined)
      findings.push({
        severity: "warning",
        code: "not-a-number",
        message: `Line ${line}: the ${edge} band edge "${raw}" is not a number.`,
        fix: "Type the band edge as a plain number.",
        where: ref(line, columns[edge]!),
        measure: facts.id,
      });
    else facts[edge] ??= v;
  }
  facts.pairedWith ||= text("paired_with") || undefined;
  facts.leadFor ||= text("lead_for") || undefined;
}

function parseDirection(text: string): Direction | undefined {
  const t = text.toLowerCase();
  if (/^(up|higher|increase|more|\+|higher is better|max)/.test(t)) return "up";
  if (/^(down|lower|decrease|less|-|lower is better|min)/.test(t)) return "down";
  if (/^(band|within|maintain|range|stabili[sz]e|target band)/.test(t)) return "band";
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
function resolveMeasure(m: MeasureFacts, findings: Finding[]): MeasureDef {
  const name = m.id;
  const kind: MeasureKind =
    m.kind ??
    (m.sawPercent || /%|\brate\b|percent/i.test(name)
      ? "rate"
      : m.sawDollar
        ? "amount"
        : m.sawFraction
          ? "amount"
          : "count");
  let direction: Direction | undefined = m.direction;
  if (!direction && m.lower !== undefined && m.upper !== undefined) direction = "band";
  if (!direction) {
    direction = "up";
    findings.push({
      severity: "info",
      code: "direction-assumed",
      message: `${name}: no direction given, so higher is taken as better.`,
      fix: "Add a direction column (up, down or band) for this measure.",
      where: m.firstRef,
      measure: name,
    });
  }
  if (direction === "band" && (m.lower === undefined || m.upper === undefined)) {
    findings.push({
      severity: "error",
      code: "band-without-edges",
      message: `${name} is a band measure but its lower or upper edge is missing.`,
      fix: "Fill in both lower and upper for this measure.",
      where: m.firstRef,
      measure: name,
    });
  }
  const def: MeasureDef = {
    id: name,
    name,
    kind,
    direction,
    unitLabel: kind === "rate" ? "%" : kind === "amount" && m.sawDollar ? "$" : undefined,
  };
  if (m.lower !== undefined) def.lower = m.lower;
  if (m.upper !== undefined) def.upper = m.upper;
  if (m.pairedWith) def.pairedWith = m.pairedWith;
  if (m.leadFor) {
    def.indicator = "lead";
    def.leadFor = m.leadFor;
  }
  if (def.unitLabel === undefined) delete def.unitLabel;
  return def;
}

/** Drop values a measure of this kind cannot have, and fill an actual from numerator / denominator. */
function validateValues(
  obs: Observation,
  cells: Partial<Record<NumericField, { cell: NumericCell; col: number }>>,
  kind: MeasureKind,
  line: number,
  ref: RefFn,
  findings: Finding[],
): void {
  const where = { measure: obs.measure, unit: obs.unit, period: obs.period };
  for (const f of NUMERIC_FIELDS) {
    const c = cells[f];
    if (!c || c.cell.value === undefined) continue;
    const v = c.cell.value;
    const bad =
      v < 0 && (kind !== "amount" || f === "denominator")
        ? `is negative, which a ${kind} cannot be`
        : kind === "rate" && v > 100 && f !== "numerator" && f !== "denominator"
          ? "is above 100 %, which a rate cannot be"
          : undefined;
    if (!bad) continue;
    findings.push({
      severity: "error",
      code: v < 0 ? "negative-value" : "rate-above-100",
      message: `Line ${line}, column ${columnLetter(c.col + 1)}: the ${f.replace("_", " ")} ${v} for ${obs.measure} / ${obs.unit} / ${obs.period} ${bad}.`,
      fix:
        v < 0
          ? "Correct the sign or leave it blank."
          : "Rates are percent from 0 to 100; check for a typo or a count in the wrong column.",
      where: ref(line, c.col),
      ...where,
    });
    delete (obs as unknown as Record<string, unknown>)[OBS_KEY[f]];
  }
  if (obs.actual === undefined && obs.numerator !== undefined && obs.denominator !== undefined) {
    if (obs.denominator === 0) {
      findings.push({
        severity: "warning",
        code: "zero-denominator",
        message: `Line ${line}: ${obs.measure} / ${obs.unit} / ${obs.period} has a zero denominator, so no rate can be computed.`,
        fix: "Check the denominator, or leave the row out.",
        where: obs.source,
        ...where,
      });
    } else {
      const ratio = obs.numerator / obs.denominator;
      const actual = kind === "rate" ? ratio * 100 : ratio;
      if (kind === "rate" && actual > 100) {
        findings.push({
          severity: "error",
          code: "rate-above-100",
          message: `Line ${line}: ${obs.measure} / ${obs.unit} / ${obs.period} has a numerator above its denominator (${obs.numerator} / ${obs.denominator}).`,
          fix: "Check that numerator and denominator are not swapped.",
          where: obs.source,
          ...where,
        });
      } else obs.actual = actual;
    }
  }
}

function linkLeads(measures: MeasureDef[], findings: Finding[]): void {
  const byId = new Map(measures.map((m) => [m.id, m]));
  for (const m of measures) {
    if (!m.leadFor) continue;
    const lag = byId.get(m.leadFor);
    if (lag) lag.indicator ??= "lag";
    else
      findings.push({
        severity: "warning",
        code: "unknown-lag",
        message: `${m.id} is a lead for "${m.leadFor}", which has no rows in the file.`,
        fix: "Check the lead_for name matches a measure exactly.",
        measure: m.id,
      });
  }
}
