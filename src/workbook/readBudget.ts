/**
 * Reading the Budget sheet back (tblBudget, tblSpend) into the engine's resources: each unit's
 * budget, FTE and revenue per fiscal year, and its monthly allotments and spend, in whole cents;
 * with the measure each unit's money buys. Money typed as text ("$1,200") is read and said; a
 * negative amount, a fraction of a cent or anything else is a finding with its sheet and cell.
 */
import type { BudgetFlagContext, UnitResources } from "../engine/budget";
import { moneyCents } from "../engine/budget/resources";
import type { CellRef, Finding } from "../engine/model";
import { fiscalYearMonths, fiscalYearOf } from "../engine/period";
import { toCell } from "./cells";
import { a1, fiscalMonthLabels, TABLES, type RawTable } from "./layout";
import { BUDGET_HEADERS, type BudgetInput } from "./sheets/budgetColumns";

export interface BudgetRead extends BudgetFlagContext {
  resources: Map<string, UnitResources>;
  measureOf: Map<string, string>;
  findings: Finding[];
}

/**
 * The Budget sheet's tables as resources, or undefined when the workbook has no tblBudget.
 * Example: `budgetFromTables(tables, 10)?.resources.get("howard")?.years.get(2027)?.budgetCents`.
 */
export function budgetFromTables(
  tables: Record<string, RawTable | undefined>,
  fyStartMonth: number,
): BudgetRead | undefined {
  const years = tables[TABLES.budget];
  if (!years) return undefined;
  const findings: Finding[] = [];
  const resources = new Map<string, UnitResources>();
  const measureOf = new Map<string, string>();
  const unitOf = (id: string) => {
    let u = resources.get(id);
    if (!u) resources.set(id, (u = { unit: id, years: new Map(), months: new Map() }));
    return u;
  };
  const reader = (t: RawTable) => {
    const col = (h: string) => t.headers.findIndex((x) => x.trim().toLowerCase() === h.toLowerCase());
    const ref = (i: number, c: number): CellRef => {
      const row = t.topLeftRow + 1 + i;
      const column = t.topLeftCol + c;
      return { sheet: t.sheetName, row, column, address: a1(row, column) };
    };
    /** A money cell in cents: numbers as they are, text through the one number parser, with a finding. */
    const money = (i: number, c: number, header: string): number | undefined => {
      if (c < 0) return undefined;
      const cell = toCell(t.rows[i][c]);
      if (cell.kind === "blank") return undefined;
      const where = ref(i, c);
      const text =
        cell.kind === "number" ? String(cell.value) : cell.kind === "text" ? cell.value : undefined;
      const read = text === undefined ? { problem: "is not a number" } : moneyCents(text);
      const say = (code: Finding["code"], message: string, severity: Finding["severity"] = "error") =>
        findings.push({
          severity,
          code,
          message: `${t.sheetName}!${where.address} (${header}) ${message}`,
          where,
        });
      if (read.problem !== undefined || read.cents === undefined) {
        say(
          read.problem === "has fractions of a cent" ? "money-not-whole" : "text-in-number",
          `${read.problem}; it was left out.`,
        );
        return undefined;
      }
      if (read.cents < 0) {
        say("negative-money", `is negative (${text}); it was left out.`);
        return undefined;
      }
      if (cell.kind === "text")
        say("number-as-text", `holds "${text}" as text; it was read as ${read.cents / 100}.`, "warning");
      return read.cents;
    };
    return { col, money, ref };
  };
  const y = reader(years);
  const [cUnit, cFy, cMeasure, cBudget, cFte, cRevenue] = Object.values(BUDGET_HEADERS).map(y.col);
  years.rows.forEach((row, i) => {
    const unit = toCell(row[cUnit]);
    const fy = toCell(row[cFy]);
    if (unit.kind !== "text" && unit.kind !== "number") return;
    if (fy.kind !== "number" || !Number.isInteger(fy.value)) return;
    const id = String(unit.value);
    const measure = toCell(row[cMeasure]);
    if (measure.kind === "text") measureOf.set(`${id}|${fy.value}`, measure.value);
    const fte = cFte >= 0 ? toCell(row[cFte]) : { kind: "blank" as const };
    unitOf(id).years.set(fy.value, {
      budgetCents: y.money(i, cBudget, BUDGET_HEADERS.budget),
      revenueCents: y.money(i, cRevenue, BUDGET_HEADERS.revenue),
      fte: fte.kind === "number" && fte.value >= 0 ? fte.value : undefined,
      source: y.ref(i, cBudget),
    });
  });
  const spend = tables[TABLES.spend];
  if (spend) {
    const s = reader(spend);
    const labels = fiscalMonthLabels(fyStartMonth);
    const [cu, cf] = [BUDGET_HEADERS.unit, BUDGET_HEADERS.fiscalYear].map(s.col);
    const allot = labels.map((m) => s.col(`Allotment ${m}`));
    const spent = labels.map((m) => s.col(`Spend ${m}`));
    spend.rows.forEach((row, i) => {
      const unit = toCell(row[cu]);
      const fy = toCell(row[cf]);
      if ((unit.kind !== "text" && unit.kind !== "number") || fy.kind !== "number") return;
      const u = unitOf(String(unit.value));
      fiscalYearMonths(fy.value, fyStartMonth).forEach((month, j) => {
        const a = s.money(i, allot[j], `Allotment ${labels[j]}`);
        const p = s.money(i, spent[j], `Spend ${labels[j]}`);
        if (a !== undefined || p !== undefined)
          u.months.set(month, { allotmentCents: a, spendCents: p, source: s.ref(i, spent[j]) });
      });
    });
  }
  return { resources, measureOf, findings };
}

/**
 * The Budget sheet read back as the input it was built from, so a workbook rebuilt from its own
 * tables (a collected master, an office copy) keeps its budget. Money goes back to dollars.
 * Example: `budgetInputOf(budgetFromTables(tables, 10)!, 10).years[0].budget === 612000`.
 */
export function budgetInputOf(read: BudgetRead, fyStartMonth: number): BudgetInput {
  const dollars = (c: number | undefined) => (c === undefined ? undefined : c / 100);
  const out: BudgetInput = { years: [], spend: [] };
  for (const u of read.resources.values()) {
    const years = new Set(u.years.keys());
    for (const m of u.months.keys()) years.add(fiscalYearOf(m, fyStartMonth));
    for (const fy of [...years].sort((a, b) => a - b)) {
      const y = u.years.get(fy);
      const measure = read.measureOf.get(`${u.unit}|${fy}`);
      if (y)
        out.years.push({
          unit: u.unit,
          fiscalYear: fy,
          ...(measure ? { measure } : {}),
          ...(y.budgetCents !== undefined ? { budget: dollars(y.budgetCents) } : {}),
          ...(y.fte !== undefined ? { fte: y.fte } : {}),
          ...(y.revenueCents !== undefined ? { revenue: dollars(y.revenueCents) } : {}),
        });
      const months = fiscalYearMonths(fy, fyStartMonth).map((m) => u.months.get(m));
      if (months.some((m) => m))
        out.spend.push({
          unit: u.unit,
          fiscalYear: fy,
          allotment: months.map((m) => dollars(m?.allotmentCents)),
          spend: months.map((m) => dollars(m?.spendCents)),
        });
    }
  }
  return out;
}
