/**
 * `yardstick prorate UNITS.csv --total N --by COLUMN [...]`: split a program target across the
 * units in a CSV export, exact to the increment, and spread each target into fiscal-year
 * milestones. The file is read here; everything else is the pure engine.
 */
import {
  spreadMilestones,
  type MilestoneSchedule,
  type MonthlyActual,
  type Periodicity,
  type SpreadSpec,
} from "../../engine/milestones";
import type { MeasureKind } from "../../engine/model";
import { fiscalYearOf, isMonth } from "../../engine/period";
import {
  gapClosingTarget,
  prorate,
  ProrationError,
  type AllocationMethod,
  type GapBenchmark,
  type ProrationInput,
  type ProrationResult,
  type ProrationUnitInput,
  type RoundingMethod,
} from "../../engine/prorate";
import type { DecimalMark } from "../../engine/parse/number";
import {
  DEFAULT_FY_START,
  decimalArg,
  fyStartArg,
  numberArg,
  oneOf,
  readArgs,
  SHARED_HELP,
  SHARED_OPTIONS,
  wholeArg,
} from "../args";
import { CliError, type CliCommand } from "../io";
import { cellNumber, readUnitTable, requireColumn, type UnitRow, type UnitTable } from "../unitFile";
import { renderProration } from "./prorateText";
import type { JointSplitResult } from "../../engine/budget";
import {
  BUDGET_HELP,
  BUDGET_OPTIONS,
  jointInput,
  jointJson,
  parseBudgetArgs,
  splitJoint,
  type BudgetArgs,
} from "./prorateBudget";

const USAGE = `Usage: yardstick prorate UNITS.csv --total N --by COLUMN [options]

Splits a program target across the units (rows) of a CSV so the targets add up exactly,
prints each unit's target, exact quota and the reason, then its milestones for the year.

Options:
  --total N            the program total (counts, amounts) or the program rate/ratio target
  --by COLUMN          the driver column (caseload, fte, prior_orders...); "fte*productivity"
                       multiplies columns (capacity). For rates and ratios: the denominator column
  --method M           proportional (default) | equal | prior-share | custom | gap-closing | base-plus
  --lock COLUMN        values in this column are held as they are; blank cells are free
  --increment N        every target is a multiple of N, e.g. 100 for whole $100 (default 1)
  --rounding R         largest-remainder (default) | webster (no Alabama paradox on revisions)
  --kind K             count (default) | amount | rate | ratio
  --baseline COLUMN    rates and ratios: each unit's current value (gap-closing, milestone start)
  --benchmark V        gap-closing benchmark: a number (default 100 for rates) or "best"
  --base N             base-plus: the amount every free unit gets before the pro rata split
  --close-gap PCT      gap-closing without --total: every unit closes PCT % of its gap
                       (e.g. 8.33 a year halves the gap over six years)
  --unit COLUMN        the unit name column (default: the first column)
  --fy YEAR            the fiscal year to spread (default: the year after the last YYYY-MM column)
${SHARED_HELP["fy-start"]}
${SHARED_HELP.decimal}
  --periods P          monthly (default) | quarterly | 4-4-5 | 4-5-4 | 5-4-4
  --spread S           even (default) | seasonal (from YYYY-MM columns) | ramp | front | back
${BUDGET_HELP}
  --json               print the proration and schedule (and the budget's units) as JSON

Exit code: 0 done, 2 bad usage or input (the message names the line, column or unit).
`;

const METHODS: Record<string, AllocationMethod> = {
  proportional: "proportional",
  equal: "equal",
  "prior-share": "priorShare",
  custom: "custom",
  "gap-closing": "gapClosing",
  "base-plus": "basePlusProRata",
};
const same = <T extends string>(...values: T[]): Record<string, T> =>
  Object.fromEntries(values.map((v) => [v, v]));
const KINDS = same<MeasureKind>("count", "amount", "rate", "ratio");
const PERIODS = same<Periodicity>("monthly", "quarterly", "4-4-5", "4-5-4", "5-4-4");
const ROUNDINGS: Record<string, RoundingMethod> = {
  "largest-remainder": "largestRemainder",
  webster: "webster",
};
const SPREADS: Record<string, SpreadSpec> = {
  even: { kind: "even" },
  seasonal: { kind: "seasonal" },
  ramp: { kind: "ramp", shape: "linear" },
  front: { kind: "ramp", shape: "front" },
  back: { kind: "ramp", shape: "back" },
};

interface Args {
  file: string;
  total?: number;
  closeGapPct?: number;
  by?: string;
  method: AllocationMethod;
  lock?: string;
  increment: number;
  rounding: RoundingMethod;
  kind: MeasureKind;
  baseline?: string;
  benchmark?: GapBenchmark;
  base?: number;
  unit?: string;
  fy?: number;
  fyStart: number;
  periods: Periodicity;
  spread: SpreadSpec;
  json: boolean;
  decimal?: DecimalMark;
  budget?: BudgetArgs;
}

const OPTIONS = {
  json: SHARED_OPTIONS.json,
  "fy-start": SHARED_OPTIONS["fy-start"],
  decimal: SHARED_OPTIONS.decimal,
  total: { type: "string" },
  by: { type: "string" },
  method: { type: "string" },
  lock: { type: "string" },
  increment: { type: "string" },
  rounding: { type: "string" },
  kind: { type: "string" },
  baseline: { type: "string" },
  benchmark: { type: "string" },
  base: { type: "string" },
  "close-gap": { type: "string" },
  unit: { type: "string" },
  fy: { type: "string" },
  periods: { type: "string" },
  spread: { type: "string" },
  ...BUDGET_OPTIONS,
} as const;

function parseProrateArgs(argv: string[]): Args {
  const { values: v, positionals: files } = readArgs(argv, OPTIONS, USAGE);
  const num = (option: keyof typeof OPTIONS) => {
    const raw = v[option];
    return typeof raw === "string" ? numberArg(`--${option}`, raw) : undefined;
  };
  const pick = <T>(option: keyof typeof OPTIONS, table: Record<string, T>) => {
    const raw = v[option];
    return typeof raw === "string" ? oneOf(`--${option}`, raw, table) : undefined;
  };
  const args: Partial<Args> = {
    json: v.json,
    total: num("total"),
    by: v.by,
    method: pick("method", METHODS),
    lock: v.lock,
    increment: num("increment"),
    rounding: pick("rounding", ROUNDINGS),
    kind: pick("kind", KINDS),
    baseline: v.baseline,
    benchmark:
      v.benchmark === undefined
        ? undefined
        : v.benchmark === "best"
          ? { kind: "bestUnit" }
          : { kind: "value", value: numberArg("--benchmark", v.benchmark) },
    base: num("base"),
    closeGapPct: num("close-gap"),
    unit: v.unit,
    fy: v.fy === undefined ? undefined : wholeArg("--fy", v.fy, 1900, 2999),
    fyStart: fyStartArg(v["fy-start"]),
    periods: pick("periods", PERIODS),
    spread: pick("spread", SPREADS),
    decimal: decimalArg(v.decimal),
  };
  const budget = parseBudgetArgs(v);
  if (budget && (args.increment ?? 1) !== 1)
    throw new CliError(
      "--budget splits targets in whole units: leave out --increment (money is split to the cent).",
    );
  if (
    budget &&
    (args.method === "gapClosing" || args.method === "basePlusProRata" || args.closeGapPct !== undefined)
  )
    throw new CliError(
      "--budget goes with the proportional, equal, prior-share or custom methods; split the target first, then the budget with --budget-by targets.",
    );
  if (files.length !== 1) throw new CliError(`give exactly one UNITS.csv file.\n\n${USAGE}`);
  if ((args.total === undefined) === (args.closeGapPct === undefined)) {
    throw new CliError(`give either --total or --close-gap.\n\n${USAGE}`);
  }
  const method = args.method ?? (args.closeGapPct !== undefined ? "gapClosing" : "proportional");
  if (
    args.closeGapPct !== undefined &&
    (method !== "gapClosing" || (args.kind !== "rate" && args.kind !== "ratio"))
  ) {
    throw new CliError(
      "--close-gap is for gap-closing a rate or ratio: add --kind rate (or ratio) and --baseline COLUMN.",
    );
  }
  const ratio = args.kind === "rate" || args.kind === "ratio";
  if (!args.by && (method !== "equal" || ratio)) {
    throw new CliError(
      `--by COLUMN is required: ${ratio ? "the denominator of each unit's rate" : `the driver of the ${method} method`}.`,
    );
  }
  return {
    file: files[0],
    total: args.total,
    closeGapPct: args.closeGapPct,
    by: args.by,
    method,
    lock: args.lock,
    increment: args.increment ?? 1,
    rounding: args.rounding ?? "largestRemainder",
    kind: args.kind ?? "count",
    baseline: args.baseline,
    benchmark: args.benchmark,
    base: args.base,
    unit: args.unit,
    fy: args.fy,
    fyStart: args.fyStart ?? DEFAULT_FY_START,
    decimal: args.decimal,
    periods: args.periods ?? "monthly",
    spread: args.spread ?? { kind: "even" },
    json: args.json ?? false,
    budget,
  };
}

/** Rates and ratios may be written with "%" (a ratio as "% of target"); counts and amounts may not. */
function percentKind(args: Args): boolean {
  return args.kind === "rate" || args.kind === "ratio";
}

function driverOf(table: UnitTable, row: UnitRow, by: string): number | undefined {
  const factors = by.split("*").map((c) => cellNumber(table, row, c.trim()));
  return factors.some((f) => f === undefined)
    ? undefined
    : factors.reduce((a, b) => (a as number) * (b as number), 1);
}

function prorationInput(args: Args, table: UnitTable): ProrationInput {
  const unitColumn = args.unit ?? table.columns[0];
  requireColumn(table, unitColumn, "--unit");
  const ratio = args.kind === "rate" || args.kind === "ratio";
  for (const c of args.by?.split("*") ?? []) requireColumn(table, c.trim(), "--by");
  if (args.lock) requireColumn(table, args.lock, "--lock");
  if (args.baseline) requireColumn(table, args.baseline, "--baseline");
  const units: ProrationUnitInput[] = table.rows.map((row) => {
    const driver = args.by ? driverOf(table, row, args.by) : undefined;
    return {
      id: row.cells[unitColumn],
      driver: ratio ? undefined : driver,
      denominator: ratio ? driver : undefined,
      locked: args.lock ? cellNumber(table, row, args.lock) : undefined,
      baseline: args.baseline ? cellNumber(table, row, args.baseline, ratio) : undefined,
    };
  });
  const common = {
    kind: args.kind,
    units,
    driverLabel: args.by,
    rounding: args.rounding,
    increment: args.increment,
    baseEach: args.base,
    benchmark: args.benchmark,
  };
  const total =
    args.closeGapPct === undefined
      ? (args.total as number)
      : gapClosingTarget(common, args.closeGapPct / 100);
  return {
    ...common,
    total,
    method: args.method,
    driverLabel: args.by,
    rounding: args.rounding,
    increment: args.increment,
    baseEach: args.base,
    benchmark: args.benchmark,
  };
}

function historyOf(args: Args, table: UnitTable, row: UnitRow): MonthlyActual[] {
  return table.columns
    .filter(isMonth)
    .map((month) => ({ month, value: cellNumber(table, row, month, percentKind(args)) }));
}

/** All units' monthly actuals added up: the seasonal shape for a unit with no usable history of its own. */
function programHistory(histories: MonthlyActual[][]): MonthlyActual[] {
  const totals = new Map<string, number>();
  for (const history of histories) {
    for (const a of history)
      if (a.value !== undefined) totals.set(a.month, (totals.get(a.month) ?? 0) + a.value);
  }
  return [...totals].map(([month, value]) => ({ month, value }));
}

function fiscalYearToSpread(args: Args, table: UnitTable): number {
  if (args.fy !== undefined) return args.fy;
  const months = table.columns.filter(isMonth).sort();
  if (months.length > 0) return fiscalYearOf(months[months.length - 1], args.fyStart) + 1;
  const now = new Date();
  const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return fiscalYearOf(month, args.fyStart);
}

export const prorateCommand: CliCommand = {
  name: "prorate",
  usage: USAGE,
  run: async (argv, io) => {
    const args = parseProrateArgs(argv);
    const table = readUnitTable(args.file, io, args.decimal);
    const seasonal = args.spread.kind === "seasonal";
    const histories = seasonal ? table.rows.map((row) => historyOf(args, table, row)) : [];
    let input: ProrationInput;
    let result: ProrationResult;
    let schedule: MilestoneSchedule;
    let joint: JointSplitResult | undefined;
    try {
      input = prorationInput(args, table);
      joint = args.budget ? splitJoint(jointInput(args.budget, input, table), table.name) : undefined;
      result = joint ? joint.targets : prorate(input);
      schedule = spreadMilestones({
        kind: args.kind,
        fiscalYear: fiscalYearToSpread(args, table),
        fyStartMonth: args.fyStart,
        periodicity: args.periods,
        spread: args.spread,
        increment: args.kind === "rate" || args.kind === "ratio" ? undefined : args.increment,
        units: result.units.map((u, i) => ({
          id: u.id,
          target: u.value,
          baseline: input.units[i].baseline,
          priorActuals: seasonal ? histories[i] : undefined,
        })),
        programPriorActuals: seasonal ? programHistory(histories) : undefined,
      });
    } catch (error) {
      if (error instanceof ProrationError) throw new CliError(`${table.name}: ${error.message}`);
      throw error;
    }
    io.out(
      args.json
        ? `${JSON.stringify({ proration: result, schedule, ...(joint ? { budget: jointJson(joint) } : {}) }, null, 2)}\n`
        : renderProration(args.file, result, schedule, joint),
    );
    return 0;
  },
};
