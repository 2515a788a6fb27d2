/**
 * One data row of the long CSV into a row of the file's observation columns, or into the finding
 * that says why it was not used. The hot path of a 720,000-row file: it keeps its state in one
 * object, remembers the last measure and unit (a sorted file repeats them for 36 rows running),
 * and writes numbers into typed columns, so a row costs a few string compares and no object kept.
 */
import type { CellRef, MeasureKind, Period } from "../model";
import { describeNumberProblem, parseNumberText, plainNumber, type DecimalMark } from "../parse/number";
import { parsePeriodText } from "../parse/period";
import { noteMeasureFacts, type MeasureFacts } from "./measures";
import { BIT, type ObservationColumns } from "./observations";
import { at, cellText, label, type Add, type Columns, type NumericField, type RefFn } from "./shared";

// A period cell written YYYY-MM or YYYY in the years the table spans is looked up by its number in
// a table (month codes, then years), not by its text in a Map: a fresh cell's text must be hashed
// for each row's lookup. Other years take the Map's way; 14 KB of table per file, not 520 KB.
const FIRST_YEAR = 1900;
const YEARS = 300;
const MONTH_CODES = YEARS * 12;
const PERIOD_CODES = MONTH_CODES + YEARS;

// Kinds whose numbers may be written with "%": a rate is a percent, a ratio may be "% of target".
const PERCENT_KINDS = new Set<MeasureKind | undefined>([undefined, "rate", "ratio"]);

/** A period text's period and a small number for it, so a series can keep its lines in an array. */
interface KnownPeriod {
  period: Period;
  id: number;
}

/** One measure's facts and, per unit, the first line of each period (to name duplicates). */
interface MeasureEntry {
  facts: MeasureFacts;
  byUnit: Map<string, SeriesEntry>;
}

interface SeriesEntry {
  /** The series' number in the observation columns. */
  id: number;
  /** The unit name, one string per unit for the whole file, not one per row. */
  unit: string;
  /** The highest period id read, while every series reads its periods in first-seen order. */
  lastPeriod: number;
  /** Per period id, its first line: made only once some series' periods came out of that order. */
  firstLines: number[] | undefined;
}

export interface RowReaderSetup {
  header: string[];
  columns: Columns;
  delimiter: string;
  decimal: DecimalMark;
  ref: RefFn;
  add: Add;
  /** Where the observations go, one row each. */
  rows: ObservationColumns;
}

/**
 * Reads the data rows of one file in order. Example: after `reader.read(["Cases", "North",
 * "2026-07", "10", "9"], 2)` with columns measure..actual, `reader.rows.get(0, "actual") === 9`.
 */
export class RowReader {
  readonly rows: ObservationColumns;
  /** Measures in the order their first row was read. */
  readonly measures = new Map<string, MeasureEntry>();
  /** Unit names in the order their first row was read. */
  readonly units = new Map<string, string>();
  /** Rows that are not blank, read or not. */
  dataRows = 0;

  private readonly width: number;
  private readonly columns: Columns;
  private readonly delimiter: string;
  private readonly decimal: DecimalMark;
  private readonly ref: RefFn;
  private readonly add: Add;
  // Period text -> its period (undefined: not a period), parsed once per distinct text.
  private readonly periods = new Map<string, KnownPeriod | undefined>();
  private readonly periodIds = new Map<string, number>();
  // Per period code (periodCode), the period text's KnownPeriod: index + 1; -1 when not a period.
  private readonly periodByCode = new Int32Array(PERIOD_CODES);
  private readonly knownPeriods: KnownPeriod[] = [];
  private lastMeasureText = "";
  private lastMeasure: MeasureEntry | undefined;
  private lastUnitText = "";
  private lastSeries: SeriesEntry | undefined;
  /** Every series by its id. */
  private readonly series: SeriesEntry[] = [];
  // While each series' periods come in the order the file first named them (a file sorted by
  // measure, unit and period), a period id above the series' last is new: no per-series index of
  // lines is kept, 20,000 arrays fewer for the bench file.
  private inOrder = true;
  // The row being read, for the findings of its numbers (the rare path).
  private line = 0;
  private facts: MeasureFacts | undefined;
  private unit = "";
  private period = "";
  private blankActual = false;
  private blankTarget = false;

  constructor(setup: RowReaderSetup) {
    this.rows = setup.rows;
    this.width = setup.header.length;
    this.columns = setup.columns;
    this.delimiter = setup.delimiter;
    this.decimal = setup.decimal;
    this.ref = setup.ref;
    this.add = setup.add;
  }

  /** Read the row that starts on `line` (line 1 is the header). */
  read(cells: string[], line: number): void {
    if (line === 1 || isBlankRow(cells)) return;
    this.dataRows++;
    const columns = this.columns;
    if (cells.length > this.width && !extraCellsAreBlank(cells, this.width)) {
      const msg = `Line ${line} has ${cells.length} cells but the header names ${this.width}: a cell probably holds an unquoted "${this.delimiter}" (1,234 or North, East), so the row was skipped.`;
      this.add("error", "extra-cells", msg, this.ref(line, this.width));
      return;
    }
    const measureText = cellText(cells, columns.measure);
    const unitText = cellText(cells, columns.unit);
    if (!measureText || !unitText) {
      const field = measureText ? "unit" : "measure";
      const msg = `Line ${line}: the ${field} is blank, so the row cannot be placed.`;
      this.add("error", "missing-key", msg, this.ref(line, columns[field]));
      return;
    }
    const periodCell = cells[columns.period];
    const code = periodCell === undefined ? -1 : periodCode(periodCell);
    const coded = code < 0 ? 0 : this.periodByCode[code];
    const known =
      coded > 0 ? this.knownPeriods[coded - 1] : coded < 0 ? undefined : this.periodOf(cells, code);
    if (!known) {
      const periodText = cellText(cells, columns.period);
      periodFinding(periodText, this.ref(line, columns.period), this.add, measureText, unitText);
      return;
    }
    const measure =
      measureText === this.lastMeasureText ? this.lastMeasure! : this.measureOf(measureText, line);
    const series = unitText === this.lastUnitText ? this.lastSeries! : this.seriesOf(measure, unitText);
    const facts = measure.facts;
    const period = known.period;
    const periodId = known.id;
    const first =
      this.inOrder && periodId > series.lastPeriod ? undefined : this.firstLineOf(series, periodId);
    if (first !== undefined) {
      const msg = `Line ${line} repeats ${measureText} / ${unitText} / ${period} from line ${first}; the first row is kept.`;
      const keys = { measure: measureText, unit: unitText, period };
      this.add("warning", "duplicate-row", msg, this.ref(line, columns.measure), keys);
      return;
    }
    if (series.firstLines) series.firstLines[periodId] = line;
    else series.lastPeriod = periodId;
    noteMeasureFacts(facts, cells, columns, line, this.ref, this.add, this.decimal);
    this.line = line;
    this.facts = facts;
    this.unit = series.unit;
    this.period = period;
    this.blankActual = false;
    this.blankTarget = false;
    // Each value read in field order (the order of its findings) and kept in its column.
    const rows = this.rows;
    const i = rows.add(line, series.id, known.id);
    const target = this.value(cells, columns.target, "target");
    if (target !== undefined) rows.target[i] = target;
    const actual = this.value(cells, columns.actual, "actual");
    if (actual !== undefined) rows.actual[i] = actual;
    const milestone = this.value(cells, columns.milestone, "milestone");
    if (milestone !== undefined) rows.milestone[i] = milestone;
    const numerator = this.value(cells, columns.numerator, "numerator");
    if (numerator !== undefined) rows.numerator[i] = numerator;
    const denominator = this.value(cells, columns.denominator, "denominator");
    if (denominator !== undefined) rows.denominator[i] = denominator;
    const priorActual = this.value(cells, columns.prior_actual, "prior_actual");
    if (priorActual !== undefined) rows.priorActual[i] = priorActual;
    rows.present[i] =
      (target !== undefined ? BIT.target : 0) |
      (actual !== undefined ? BIT.actual : 0) |
      (milestone !== undefined ? BIT.milestone : 0) |
      (numerator !== undefined ? BIT.numerator : 0) |
      (denominator !== undefined ? BIT.denominator : 0) |
      (priorActual !== undefined ? BIT.priorActual : 0);
    if (this.blankActual && (numerator === undefined || denominator === undefined))
      this.blankNote(i, "actual", columns.actual!);
    if (this.blankTarget && milestone === undefined) this.blankNote(i, "target", columns.target!);
  }

  /** The row's period, parsed once per distinct text and remembered under its code (-1: none). */
  private periodOf(cells: string[], code: number): KnownPeriod | undefined {
    const text = cellText(cells, this.columns.period);
    let known = this.periods.get(text);
    if (known === undefined && !this.periods.has(text)) {
      const parsed = parsePeriodText(text);
      if (parsed.kind === "period") {
        let id = this.periodIds.get(parsed.period);
        if (id === undefined) {
          this.periodIds.set(parsed.period, (id = this.periodIds.size));
          this.rows.periods.push(parsed.period);
        }
        known = { period: parsed.period, id };
      }
      this.periods.set(text, known);
    }
    if (code >= 0) {
      if (known) this.periodByCode[code] = this.knownPeriods.push(known);
      else this.periodByCode[code] = -1;
    }
    return known;
  }

  private measureOf(text: string, line: number): MeasureEntry {
    let measure = this.measures.get(text);
    if (!measure) {
      const firstRef = this.ref(line, this.columns.measure);
      const facts = { id: text, firstRef, sawPercent: false, sawDollar: false, sawFraction: false };
      this.measures.set(text, (measure = { facts, byUnit: new Map() }));
    }
    this.lastMeasureText = text;
    this.lastMeasure = measure;
    this.lastUnitText = "";
    return measure;
  }

  private seriesOf(measure: MeasureEntry, text: string): SeriesEntry {
    let series = measure.byUnit.get(text);
    if (!series) {
      let unit = this.units.get(text);
      if (unit === undefined) this.units.set(text, (unit = text));
      const firstLines = this.inOrder ? undefined : [];
      series = { id: this.rows.measureOf.length, unit, lastPeriod: -1, firstLines };
      this.series.push(series);
      this.rows.measureOf.push(measure.facts.id);
      this.rows.unitOf.push(unit);
      measure.byUnit.set(text, series);
    }
    this.lastUnitText = text;
    this.lastSeries = series;
    return series;
  }

  /** The line a series first read a period on, if it did; the first call indexes the rows read. */
  private firstLineOf(series: SeriesEntry, periodId: number): number | undefined {
    if (this.inOrder) {
      this.inOrder = false;
      for (const s of this.series) s.firstLines = [];
      const rows = this.rows;
      for (let i = 0; i < rows.length; i++)
        this.series[rows.series[i]].firstLines![rows.period[i]] = rows.line(i);
    }
    return series.firstLines![periodId];
  }

  /** One numeric cell: its number, or undefined with a finding (text, #N/A) or a blank noted. */
  private value(cells: string[], col: number | undefined, f: NumericField): number | undefined {
    if (col === undefined) return undefined;
    const raw = cells[col];
    if (raw === undefined || raw === "") {
      this.noteBlank(f);
      return undefined;
    }
    const plain = plainNumber(raw, this.decimal);
    if (plain === undefined) return this.formattedValue(raw, col, f);
    const facts = this.facts!;
    if (!facts.sawFraction && f !== "numerator" && f !== "denominator" && !Number.isInteger(plain))
      facts.sawFraction = true;
    return plain;
  }

  /** The slow path: signs, symbols, grouping, missing-value markers and refusals. */
  private formattedValue(raw: string, col: number, f: NumericField): number | undefined {
    const parsed = parseNumberText(raw, { decimal: this.decimal });
    if (parsed.kind === "blank") {
      this.noteBlank(f);
      return undefined;
    }
    const facts = this.facts!;
    const keys = { measure: facts.id, unit: this.unit, period: this.period };
    if (parsed.kind !== "number") {
      const where = this.ref(this.line, col);
      const missing = parsed.kind === "error" || parsed.kind === "placeholder";
      const msg = `${at(where)}: the ${label(f)} "${raw.trim()}" ${describeNumberProblem(parsed)}.`;
      this.add("error", missing ? "not-available" : "not-a-number", msg, where, keys);
      return undefined;
    }
    const counted = f === "numerator" || f === "denominator";
    if (parsed.percent && (counted || !PERCENT_KINDS.has(facts.kind))) {
      const where = this.ref(this.line, col);
      const what = counted ? `a ${label(f)}, a count` : `${facts.id}, a ${facts.kind}`;
      const msg = `${at(where)}: the ${label(f)} "${raw.trim()}" is a percent, but it belongs to ${what}; it was not used.`;
      this.add("error", "percent-not-rate", msg, where, keys);
      return undefined;
    }
    const value = parsed.value;
    if (counted) return value;
    if (parsed.percent) facts.sawPercent = true;
    if (parsed.currency) facts.sawDollar = true;
    if (!facts.sawFraction && !Number.isInteger(value)) facts.sawFraction = true;
    return value;
  }

  private noteBlank(f: NumericField): void {
    if (f === "actual") this.blankActual = true;
    else if (f === "target") this.blankTarget = true;
  }

  private blankNote(i: number, f: "actual" | "target", col: number): void {
    const where = this.ref(this.line, col);
    const msg = `${at(where)}: the ${f} for ${this.rows.describe(i)} is blank.`;
    this.add("info", f === "actual" ? "blank-actual" : "blank-target", msg, where, this.rows.keys(i));
  }
}

/**
 * A number for a cell written exactly YYYY-MM (0 to MONTH_CODES - 1) or YYYY (from MONTH_CODES)
 * with YYYY from FIRST_YEAR on, one per text, or -1 for any other text.
 * Example: `periodCode("2026-07") === (2026 - 1900) * 12 + 6`.
 */
function periodCode(text: string): number {
  const length = text.length;
  if (length !== 7 && length !== 4) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    year = year * 10 + d;
  }
  year -= FIRST_YEAR;
  if (year < 0 || year >= YEARS) return -1;
  if (length === 4) return MONTH_CODES + year;
  const tens = text.charCodeAt(5) - 48;
  const ones = text.charCodeAt(6) - 48;
  if (text.charCodeAt(4) !== 45 /* - */ || tens < 0 || tens > 9 || ones < 0 || ones > 9) return -1;
  const month = tens * 10 + ones;
  return month >= 1 && month <= 12 ? year * 12 + month - 1 : -1;
}

/** A row whose every cell is blank (a trailing newline, a spacer row): not data, not a finding. */
function isBlankRow(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (cells[i].trim() !== "") return false;
  return true;
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
