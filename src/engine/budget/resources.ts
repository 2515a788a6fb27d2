/**
 * Reading a resources file (`unit,period,budget,spend[,fte,revenue]`): a `YYYY` row holds a unit's
 * annual budget (and FTE, revenue) for that fiscal year; `YYYY-MM` rows hold the monthly allotment
 * (in the budget column) and spend. Money is read by the one number parser ("$1,200", "(500)") into
 * whole cents. Every problem is a finding with file, line and column; a refused cell is named, never
 * dropped in silence.
 */
import Papa from "papaparse";
import { columnLetter } from "../a1";
import { findingFix, type FindingCode } from "../findings";
import type { CellRef, Finding, FindingSeverity } from "../model";
import { describeNumberProblem, parseNumberText, type DecimalMark } from "../parse/number";
import { parsePeriodText } from "../parse/period";
import { fiscalYearOf, isMonth, monthIndex } from "../period";

/** One unit's resources for one fiscal year, money in whole cents. */
export interface YearResources {
  budgetCents?: number;
  /** The year's actual spend where its months are not reported (an annual export). */
  spendCents?: number;
  fte?: number;
  revenueCents?: number;
  source: CellRef;
}

/** One unit's month: its allotment and spend in whole cents, either may be missing. */
export interface MonthResources {
  allotmentCents?: number;
  spendCents?: number;
  source: CellRef;
}

export interface UnitResources {
  unit: string;
  /** By fiscal year. */
  years: Map<number, YearResources>;
  /** By `YYYY-MM`. */
  months: Map<string, MonthResources>;
}

export interface ResourcesFile {
  units: Map<string, UnitResources>;
  findings: Finding[];
}

export interface ResourcesOptions {
  fileName?: string;
  fyStartMonth?: number;
  decimal?: DecimalMark;
}

const REQUIRED = ["unit", "period"] as const;
type MoneyColumn = "budget" | "spend" | "revenue";

/**
 * Money text as whole cents, or a reason it is not money. Example: `moneyCents("$1,200.50")` is
 * `{ cents: 120050 }`; `moneyCents("(500)")` is `{ cents: -50000 }`.
 */
export function moneyCents(
  raw: string,
  decimal: DecimalMark = "point",
): { cents?: number; problem?: string } {
  const parsed = parseNumberText(raw, { decimal, percent: false });
  if (parsed.kind === "blank") return {};
  if (parsed.kind !== "number") return { problem: describeNumberProblem(parsed) };
  const cents = Math.round(parsed.value * 100);
  if (Math.abs(cents - parsed.value * 100) > 1e-6 * Math.max(1, Math.abs(cents)))
    return { problem: "has fractions of a cent" };
  return { cents };
}

/**
 * Parse a resources CSV. Example:
 * `parseResourcesCsv("unit,period,budget,spend\nNorth,2026,1200,").units.get("North")?.years.get(2026)?.budgetCents === 120000`.
 */
export function parseResourcesCsv(text: string, options: ResourcesOptions = {}): ResourcesFile {
  const sheet = options.fileName ?? "resources.csv";
  const fy = options.fyStartMonth ?? 1;
  const decimal = options.decimal ?? "point";
  const findings: Finding[] = [];
  const units = new Map<string, UnitResources>();
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  const rows = parsed.data
    .map((cells, i) => ({ cells, line: i + 1 }))
    .filter((r) => r.cells.some((c) => c.trim()));
  const add = (
    severity: FindingSeverity,
    code: FindingCode,
    message: string,
    where?: CellRef,
    fix?: string,
  ) => findings.push({ severity, code, message, fix: fix ?? findingFix(code), ...(where ? { where } : {}) });
  if (rows.length === 0) {
    add(
      "error",
      "empty-file",
      `${sheet} is empty.`,
      undefined,
      "Start it with the header unit,period,budget,spend.",
    );
    return { units, findings };
  }
  const header = rows[0].cells.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const missing = REQUIRED.filter((c) => col(c) < 0);
  if (missing.length > 0 || (col("budget") < 0 && col("spend") < 0)) {
    add(
      "error",
      "missing-column",
      `${sheet} line 1 has no ${[...missing, ...(col("budget") < 0 && col("spend") < 0 ? ["budget or spend"] : [])].join(", ")} column.`,
      undefined,
      "Start the file with the header unit,period,budget,spend (fte and revenue optional).",
    );
    return { units, findings };
  }
  const ref = (line: number, name: string): CellRef => {
    const c = col(name) + 1;
    return { sheet, row: line, column: c, address: `${columnLetter(c)}${line}` };
  };
  const lastMonth = new Map<string, { period: string; line: number }>();
  for (const { cells, line } of rows.slice(1)) {
    const cell = (name: string) => (col(name) >= 0 ? (cells[col(name)] ?? "").trim() : "");
    const unit = cell("unit");
    if (!unit) {
      add(
        "error",
        "missing-key",
        `${sheet} line ${line}: the unit is blank; the row was left out.`,
        ref(line, "unit"),
      );
      continue;
    }
    const periodText = cell("period");
    const period = parsePeriodText(periodText);
    if (period.kind !== "period") {
      add(
        "error",
        period.kind === "date-format" ? "date-format" : "bad-period",
        `${sheet} line ${line}, column period: "${periodText}" ${period.kind === "date-format" ? period.why : "is not a year YYYY or a month YYYY-MM"}; the row was left out.`,
        ref(line, "period"),
      );
      continue;
    }
    const money = (name: MoneyColumn): number | undefined => {
      const raw = cell(name);
      const read = moneyCents(raw, decimal);
      if (read.problem !== undefined) {
        add(
          "error",
          read.problem === "has fractions of a cent" ? "money-not-whole" : "not-a-number",
          `${sheet} line ${line}, column ${name}: "${raw}" ${read.problem}; it was left out.`,
          ref(line, name),
        );
        return undefined;
      }
      if (read.cents !== undefined && read.cents < 0) {
        add(
          "error",
          "negative-money",
          `${sheet} line ${line}, column ${name}: "${raw}" is a negative ${name} (${(read.cents / 100).toFixed(2)}); it was left out.`,
          ref(line, name),
        );
        return undefined;
      }
      return read.cents;
    };
    const entry = units.get(unit) ?? { unit, years: new Map(), months: new Map() };
    units.set(unit, entry);
    if (isMonth(period.period)) {
      const month = period.period;
      const previous = lastMonth.get(unit);
      if (previous && monthIndex(month) <= monthIndex(previous.period)) {
        add(
          "warning",
          monthIndex(month) === monthIndex(previous.period) ? "duplicate-row" : "months-out-of-order",
          monthIndex(month) === monthIndex(previous.period)
            ? `${sheet} line ${line}: ${unit} ${month} is there already (line ${previous.line}); the first row is used.`
            : `${sheet} line ${line}: ${unit} ${month} comes after ${previous.period} (line ${previous.line}); months are read by their period, not their order.`,
          ref(line, "period"),
        );
        if (monthIndex(month) === monthIndex(previous.period)) continue;
      }
      if (!previous || monthIndex(month) > monthIndex(previous.period))
        lastMonth.set(unit, { period: month, line });
      if (entry.months.has(month)) continue;
      entry.months.set(month, {
        allotmentCents: money("budget"),
        spendCents: money("spend"),
        source: ref(line, "period"),
      });
      if (cell("fte") !== "")
        add(
          "warning",
          "fte-on-month",
          `${sheet} line ${line}: FTE belongs on the year's row (${fiscalYearOf(month, fy)}); it was not read here.`,
          ref(line, "fte"),
        );
    } else {
      const year = Number(period.period);
      if (entry.years.has(year)) {
        add(
          "warning",
          "duplicate-row",
          `${sheet} line ${line}: ${unit} ${year} is there already; the first row is used.`,
          ref(line, "period"),
        );
        continue;
      }
      const fteRaw = cell("fte");
      let fte: number | undefined;
      if (fteRaw !== "") {
        const p = parseNumberText(fteRaw, { decimal, percent: false });
        if (p.kind !== "number" || p.value < 0) {
          add(
            "error",
            p.kind === "number" ? "negative-value" : "not-a-number",
            `${sheet} line ${line}, column fte: "${fteRaw}" ${p.kind === "number" ? "is negative" : describeNumberProblem(p)}; it was left out.`,
            ref(line, "fte"),
          );
        } else fte = p.value;
      }
      if (cell("spend") !== "")
        add(
          "warning",
          "spend-on-year",
          `${sheet} line ${line}: spend is read from the months (YYYY-MM rows); the year's spend cell was not read.`,
          ref(line, "spend"),
        );
      entry.years.set(year, {
        budgetCents: money("budget"),
        fte,
        revenueCents: money("revenue"),
        source: ref(line, "budget"),
      });
    }
  }
  for (const entry of units.values()) {
    if (entry.years.size > 0 || ![...entry.months.values()].some((m) => m.spendCents !== undefined)) continue;
    const first = [...entry.months.values()].find((m) => m.spendCents !== undefined)!;
    add(
      "error",
      "spend-without-budget",
      `${sheet}: ${entry.unit} has spend but no budget (no ${entry.unit},YYYY row); its spend cannot be judged.`,
      first.source,
    );
  }
  return { units, findings };
}
