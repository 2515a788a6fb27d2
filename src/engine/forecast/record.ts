/**
 * Year-end forecasts that hold only their place in a table; every field is read from the table's
 * typed columns when asked.
 *
 * Why: a forecast kept five objects and three arrays (the forecast, its methods list, three
 * method forecasts and their intervals), with boxed numbers: ~600 bytes for each of 20,000 rows
 * of a large check, most of its fresh memory. The table keeps twelve doubles and four codes per
 * forecast; the methods list and the intervals are made on first read and kept, so a forecast
 * gives the same array every time and a change to it sticks. Assigning a field keeps the assigned
 * value; `JSON.stringify` writes the same keys in the same order as the plain forecasts did.
 */
import { INSPECT, assignableGetters } from "../leanRecord";

export type ForecastMethod = "run-rate" | "seasonal-run-rate" | "linear-trend";

/** Words for a method, as the label shows it. */
export const METHOD_NAMES: Record<ForecastMethod, string> = {
  "run-rate": "run rate",
  "seasonal-run-rate": "seasonal run rate",
  "linear-trend": "linear trend",
};

/** In the order they are computed; the label prefers seasonal, then run rate. */
export const METHODS: readonly ForecastMethod[] = ["run-rate", "seasonal-run-rate", "linear-trend"];

/** One fiscal year's months: usable actuals and denominators (undefined or NaN where missing). */
export interface YearData {
  values: ArrayLike<number | undefined>;
  weights: ArrayLike<number | undefined>;
  /**
   * Position of the year's first month in `values` and `weights` (default 0): a series' years are
   * read in place in its arrays, with no view or copy per year.
   */
  from?: number;
}

/** A year with no months, as the forecast table's reused years start. */
const NO_YEAR: readonly number[] = [];

/**
 * A year the forecast table reuses, rewritten by each forecast. A class, not an object literal:
 * a literal's map comes from a boilerplate made on its second run, and the next table's literal
 * generalized that map's fields, throwing away the code compiled for the check's rows.
 */
export class YearSlot implements YearData {
  values: ArrayLike<number | undefined> = NO_YEAR;
  weights: ArrayLike<number | undefined> = NO_YEAR;
  from = 0;
}

export interface MethodForecast {
  method: ForecastMethod;
  value: number;
  /** Low and high from the method's misses in prior years at the same month; absent without history. */
  interval?: [number, number];
}

/**
 * A year-end forecast. `forecastYearEnd` and the check return class instances whose fields are
 * getters over a table (record.ts): read the fields, or JSON.stringify for the plain forecast. A
 * spread (`{ ...forecast }`), `Object.keys` or structuredClone sees only fields that were
 * assigned and arrays already read.
 */
export interface YearEndForecast {
  fiscalYear: number;
  monthsElapsed: number;
  target?: number;
  methods: MethodForecast[];
  /** The method the label uses: seasonal when a prior year exists, else run rate. */
  primary?: ForecastMethod;
  value?: number;
  interval?: [number, number];
  likely?: boolean;
  /** e.g. "likely to meet target (seasonal run rate)" or "no forecast: ...". */
  label: string;
}

/** How a forecast ended: no forecast for yearly data, or for a year to date with gaps, none found, or one. */
export type ForecastOutcome = "yearly" | "gaps" | "none" | "found";
const OUTCOMES: readonly ForecastOutcome[] = ["yearly", "gaps", "none", "found"];

/** Labels per method (no target, likely, unlikely), made once: 20,000 rows share a handful of strings. */
const LABELS = Object.fromEntries(
  METHODS.map((m) => [
    m,
    [
      `no target to compare (${METHOD_NAMES[m]})`,
      `likely to meet target (${METHOD_NAMES[m]})`,
      `unlikely to meet target (${METHOD_NAMES[m]})`,
    ],
  ]),
) as Record<ForecastMethod, [string, string, string]>;

const NO_FORECAST: Record<Exclude<ForecastOutcome, "found">, string> = {
  yearly: "no forecast: yearly data",
  gaps: "no forecast: the year to date has gaps",
  none: "no forecast",
};

// Per forecast in `nums`: fiscal year, months elapsed, target, each method's value, then each
// method's interval (low, high).
const FISCAL_YEAR = 0;
const MONTHS = 1;
const TARGET = 2;
const VALUE = 3;
const INTERVAL = 6;
const NUMS = 12;
// Per forecast in `codes`: the outcome; bits for the methods found (0-2), their intervals (3-5)
// and the target (6); the primary method; likely (0 undefined, 1 true, 2 false).
const OUTCOME = 0;
const BITS = 1;
const PRIMARY = 2;
const LIKELY = 3;
const CODES = 4;
const TARGET_BIT = 1 << 6;

/** The columns behind a batch of forecasts, one slot each. Example: `new ForecastTable(20_000)`. */
export class ForecastTable {
  readonly nums: Float64Array;
  readonly codes: Uint8Array;
  /** Slots filled so far. */
  size = 0;
  /**
   * The year being forecast and the complete prior years, rewritten by each forecast (yearend.ts):
   * one set per table, not a list and an object per year for each of 20,000 forecasts.
   */
  readonly current = new YearSlot();
  // One year from the start: an array that begins empty changes its elements' kind on the first
  // year put in, and the code compiled for the last table's years was thrown away for the new one.
  readonly history: YearSlot[] = [new YearSlot()];

  constructor(readonly capacity: number) {
    this.nums = new Float64Array(capacity * NUMS);
    this.codes = new Uint8Array(capacity * CODES);
  }

  /** Start slot i: its year, months so far and target (undefined for none). */
  begin(i: number, fiscalYear: number, monthsElapsed: number, target: number | undefined): void {
    const at = i * NUMS;
    this.nums[at + FISCAL_YEAR] = fiscalYear;
    this.nums[at + MONTHS] = monthsElapsed;
    if (target !== undefined) {
      this.nums[at + TARGET] = target;
      this.codes[i * CODES + BITS] |= TARGET_BIT;
    }
  }

  /** Method k's forecast in slot i. */
  method(i: number, k: number, value: number): void {
    this.nums[i * NUMS + VALUE + k] = value;
    this.codes[i * CODES + BITS] |= 1 << k;
  }

  /** Method k's interval in slot i. */
  interval(i: number, k: number, low: number, high: number): void {
    this.nums[i * NUMS + INTERVAL + 2 * k] = low;
    this.nums[i * NUMS + INTERVAL + 2 * k + 1] = high;
    this.codes[i * CODES + BITS] |= 1 << (3 + k);
  }

  /** End slot i with its outcome (and for a forecast found, its primary method k and likely). */
  end(i: number, outcome: ForecastOutcome, primary = 0, likely?: boolean): YearEndForecast {
    const at = i * CODES;
    this.codes[at + OUTCOME] = OUTCOMES.indexOf(outcome);
    this.codes[at + PRIMARY] = primary;
    this.codes[at + LIKELY] = likely === undefined ? 0 : likely ? 1 : 2;
    return new ForecastRecord(this, i);
  }
}

const TABLE = Symbol("table");
const AT = Symbol("position");
// Node's util.inspect hook, by its registered name, so the engine imports nothing from Node.

/** The keys a plain forecast had for each outcome, in its order. */
const KEYS: Record<ForecastOutcome, readonly (keyof YearEndForecast)[]> = {
  yearly: ["fiscalYear", "monthsElapsed", "methods", "label"],
  gaps: ["fiscalYear", "monthsElapsed", "methods", "target", "label"],
  none: ["fiscalYear", "monthsElapsed", "methods", "target", "label"],
  found: [
    "fiscalYear",
    "monthsElapsed",
    "methods",
    "target",
    "primary",
    "value",
    "label",
    "interval",
    "likely",
  ],
};

/** Fields worked out when read (the arrays are then kept on the forecast). */
const LAZY_FIELDS = [
  "fiscalYear",
  "monthsElapsed",
  "target",
  "methods",
  "primary",
  "value",
  "interval",
  "likely",
  "label",
] as const satisfies readonly (keyof YearEndForecast)[];

/**
 * One class for every forecast, two fields each. Example:
 * `forecastYearEnd(series, 5, 1).label === "likely to meet target (run rate)"`.
 */
export class ForecastRecord implements YearEndForecast {
  [TABLE]: ForecastTable;
  [AT]: number;

  constructor(table: ForecastTable, position: number) {
    this[TABLE] = table;
    this[AT] = position;
  }

  private code(k: number): number {
    return this[TABLE].codes[this[AT] * CODES + k];
  }

  private num(k: number): number {
    return this[TABLE].nums[this[AT] * NUMS + k];
  }

  private get outcome(): ForecastOutcome {
    return OUTCOMES[this.code(OUTCOME)];
  }

  private get found(): boolean {
    return this.code(OUTCOME) === 3;
  }

  get fiscalYear(): number {
    return this.num(FISCAL_YEAR);
  }
  get monthsElapsed(): number {
    return this.num(MONTHS);
  }
  get target(): number | undefined {
    return this.code(BITS) & TARGET_BIT ? this.num(TARGET) : undefined;
  }
  get methods(): MethodForecast[] {
    return keep(this, "methods", this.methodList());
  }
  get primary(): ForecastMethod | undefined {
    return this.found ? METHODS[this.code(PRIMARY)] : undefined;
  }
  get value(): number | undefined {
    return this.found ? this.num(VALUE + this.code(PRIMARY)) : undefined;
  }
  get interval(): [number, number] | undefined {
    if (!this.found) return undefined;
    const interval = this.intervalOf(this.code(PRIMARY));
    return interval && keep(this, "interval", interval);
  }
  get likely(): boolean | undefined {
    const likely = this.code(LIKELY);
    return likely === 0 ? undefined : likely === 1;
  }
  get label(): string {
    const outcome = this.outcome;
    if (outcome !== "found") return NO_FORECAST[outcome];
    const likely = this.code(LIKELY);
    return LABELS[METHODS[this.code(PRIMARY)]][likely];
  }

  /** Method k's interval, made anew. */
  private intervalOf(k: number): [number, number] | undefined {
    if (!(this.code(BITS) & (1 << (3 + k)))) return undefined;
    return [this.num(INTERVAL + 2 * k), this.num(INTERVAL + 2 * k + 1)];
  }

  /** The methods found, in order, made anew (an array of their exact size, as the plain forecasts had). */
  private methodList(): MethodForecast[] {
    const bits = this.code(BITS);
    const list: MethodForecast[] = [];
    for (let k = 0; k < METHODS.length; k++) {
      if (bits & (1 << k))
        list.push({ method: METHODS[k], value: this.num(VALUE + k), interval: this.intervalOf(k) });
    }
    return list.length === 3 ? [list[0], list[1], list[2]] : list;
  }

  /** `console.log` and Node's inspector show the fields, not the table. */
  [INSPECT](): unknown {
    return this.toJSON();
  }

  /**
   * The forecast as a plain object, with the keys a plain forecast had in their order, then any
   * added ones. Arrays not yet read are made for the output without being kept.
   */
  toJSON(): YearEndForecast {
    const own = (key: string) => Object.prototype.hasOwnProperty.call(this, key);
    const json: Record<string, unknown> = {};
    for (const key of KEYS[this.outcome]) {
      if (key === "methods" && !own(key)) json.methods = this.methodList();
      else if (key === "interval" && !own(key))
        json.interval = this.found ? this.intervalOf(this.code(PRIMARY)) : undefined;
      else json[key] = this[key];
    }
    for (const key of Object.keys(this))
      if (!(key in json)) json[key] = (this as Record<string, unknown>)[key];
    return json as unknown as YearEndForecast;
  }
}

/** Keep a worked-out value on the forecast as its own field, so later reads give the same value. */
function keep<T>(forecast: ForecastRecord, field: keyof YearEndForecast, value: T): T {
  Object.defineProperty(forecast, field, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

// Assigning a worked-out field stores the value on the forecast, as a plain field would.
assignableGetters(ForecastRecord.prototype, LAZY_FIELDS, keep);
