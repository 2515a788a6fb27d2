/**
 * Split a master into office copies: one workbook per unit (or per value of a Units column such
 * as Region) of the same template, holding only that unit's rows and flags, the program context
 * it needs (measures, program targets), a first sheet saying what to fill in, by when and how to
 * send it back, the stamp in its About settings and the hidden Issued record the stamp seals.
 */
import { addMonths, fiscalMonthOffset, fiscalYearOf, isMonth } from "../../engine/period";
import { buildPlanFromInput } from "../buildPlan";
import { findColumns, TableCursor } from "../cells";
import type { WorkbookInput } from "../input";
import { MONTHLY_KEY_HEADERS, monthlyHeader, SHEETS, TABLES, UNIT_HEADERS } from "../layout";
import type { PlanValue, SheetPlan, WorkbookPlan } from "../plan";
import type { TablesInput } from "../read";
import { emptySheet, heading, sheetRef } from "../sheets/common";
import { fingerprintOf, issuedRecord, issuedSheet } from "./issued";
import type { MasterModel } from "./master";
import { LOOP_LAYOUT_VERSION, STAMP_LABELS, stampSettingsRows, type Stamp } from "./stamp";
import { LOOP_ROLES, loopTablesFromPlan, type LoopTables } from "./tables";

export interface SplitOptions {
  /** "unit" (default) or a column of the Units table to group by, e.g. "Region". */
  by?: string;
  /** Due date, YYYY-MM-DD. */
  due: string;
  /** When the copies are issued, ISO 8601 (the caller's clock). */
  issuedAt: string;
  /** The month to report; default the month after the master's as-of month. */
  reportMonth?: string;
  /** Protect formula columns in the copies (clears Excel's undo stack while protected). */
  protectFormulas?: boolean;
}

export interface OfficeCopy {
  /** The unit ID or group value the copy is for. */
  unit: string;
  units: string[];
  stamp: Stamp;
  plan: WorkbookPlan;
}

/** A split that cannot be made (bad option, unknown column); the message says what to do. */
export class SplitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SplitError";
  }
}

export const SEND_BACK_SHEET = "Send back";

/** Unit IDs by group: each unit alone, or by the value of a Units column. */
export function unitGroups(
  tables: TablesInput,
  unitIds: readonly string[],
  by = "unit",
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  if (by === "unit") {
    for (const id of unitIds) groups.set(id, [id]);
    return groups;
  }
  const table = tables[TABLES.units];
  const c = table ? findColumns(table.headers, { id: UNIT_HEADERS.id, group: by }) : { id: -1, group: -1 };
  if (!table || c.group < 0)
    throw new SplitError(
      `the Units table has no column "${by}"; add it (one value per unit, e.g. a region) or split --by unit`,
    );
  const cur = new TableCursor(table, []);
  const known = new Set(unitIds);
  const blank: string[] = [];
  table.rows.forEach((_, i) => {
    const id = cur.text(i, c.id);
    if (!id || !known.has(id)) return;
    const group = cur.text(i, c.group);
    if (!group) return void blank.push(`${id} (${table.sheetName}!${cur.ref(i, c.group).address})`);
    groups.set(group, [...(groups.get(group) ?? []), id]);
  });
  if (blank.length)
    throw new SplitError(
      `these units have no ${by}: ${blank.join(", ")}; fill it in on the Units sheet so every unit gets a copy`,
    );
  return groups;
}

/** A file name for a copy: the unit with anything unsafe in a file name replaced. */
export function copyFileName(unit: string): string {
  const safe = unit.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  return `${safe || "unit"}.xlsx`;
}

function monthName(month: string): string {
  const names = ["January", "February", "March", "April", "May", "June", "July", "August", "September"];
  const all = [...names, "October", "November", "December"];
  return `${all[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;
}

/** The first sheet of a copy: what to fill in, where, by when, and how to send it back. */
function sendBackSheet(input: WorkbookInput, stamp: Stamp, tables: LoopTables): SheetPlan {
  const sheet = emptySheet(
    SEND_BACK_SHEET,
    "What to fill in, by when, and how to send this copy back.",
    "C55A11",
  );
  const grid = tables[TABLES.monthly];
  const fill: PlanValue[][] = [
    ["Measure", "Row", "Type the actual in", "and, for a rate, the denominator in"],
  ];
  const offset = fiscalMonthOffset(stamp.reportMonth, input.fyStartMonth);
  const actualHeader = monthlyHeader("Actual", input.fyStartMonth, offset);
  const denominatorHeader = monthlyHeader("Denominator", input.fyStartMonth, offset);
  if (grid) {
    const c = findColumns(grid.headers, {
      ...MONTHLY_KEY_HEADERS,
      actual: actualHeader,
      den: denominatorHeader,
    });
    const cur = new TableCursor(grid, []);
    const fy = String(fiscalYearOf(stamp.reportMonth, input.fyStartMonth));
    const kinds = new Map(input.measures.map((m) => [m.id, m]));
    grid.rows.forEach((_, i) => {
      if (cur.text(i, c.fiscalYear) !== fy) return;
      const m = kinds.get(cur.text(i, c.measure) ?? "");
      const where = (col: number) => `${sheetRef(grid.sheetName)}!${cur.ref(i, col).address}`;
      fill.push([
        m ? `${m.name} (${m.id})` : (cur.text(i, c.measure) ?? ""),
        cur.text(i, c.unit) ?? "",
        where(c.actual),
        m && (m.kind === "rate" || m.kind === "ratio") ? where(c.den) : "",
      ]);
    });
  }
  const lines = [
    `Office copy for: ${stamp.unit}${stamp.groupedBy === "unit" ? "" : ` (${stamp.groupedBy})`}`,
    `Fill in: the actuals for ${monthName(stamp.reportMonth)} on the ${SHEETS.monthly} sheet, column "${actualHeader}" (and "${denominatorHeader}" for rates and ratios). The cells are listed below.`,
    `Send it back by: ${stamp.due}. Save the file as an Excel Workbook (.xlsx), any name, and email it back to whoever sent it. Excel (Windows, Mac, web) and LibreOffice all work; no add-in is needed.`,
    "Type numbers only, or paste with Paste Special > Values. Sorting and filtering are fine.",
    "Do not change targets, milestones, grey formula columns, sheet names or the About sheet's stamp, and do not insert or delete rows: the copy is checked against its stamp, and a changed copy comes back to you with the cells named.",
    `Months after ${monthName(stamp.reportMonth)} are not due yet: leave them empty.`,
  ];
  sheet.ranges.push(...heading(`${input.title}: ${stamp.unit}`, `Issued ${stamp.issuedAt.slice(0, 10)}.`));
  sheet.ranges.push({ topLeft: "A4", values: lines.map((l) => [l]), wrap: false });
  const top = 4 + lines.length + 1;
  sheet.ranges.push({ topLeft: `A${top}`, values: fill.slice(0, 1), bold: true });
  if (fill.length > 1) sheet.ranges.push({ topLeft: `A${top + 1}`, values: fill.slice(1) });
  sheet.columnWidths = { A: 48, B: 18, C: 30, D: 34 };
  sheet.print = {
    orientation: "portrait",
    fitToWidth: 1,
    area: `A1:D${Math.max(top + fill.length - 1, 10)}`,
  };
  return sheet;
}

/** The month a split asks for: the option, else the month after the master's as-of month. */
export function reportMonthOf(master: MasterModel, option?: string): string {
  if (option !== undefined) {
    if (!isMonth(option))
      throw new SplitError(`the month to report must be YYYY-MM, e.g. 2027-05 (got "${option}")`);
    return option;
  }
  if (!isMonth(master.input.asOfMonth))
    throw new SplitError(
      "the master has no as-of month; set it on the About sheet or say which month to report",
    );
  return addMonths(master.input.asOfMonth, 1);
}

/**
 * One office copy per unit (or group). Pure: the caller supplies the clock (`issuedAt`).
 * Example: `splitMaster(readMaster(tables), tables, { due: "2027-06-10", issuedAt: "2027-05-01T09:00:00Z" })`.
 */
export function splitMaster(master: MasterModel, tables: TablesInput, options: SplitOptions): OfficeCopy[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.due) || Number.isNaN(Date.parse(options.due)))
    throw new SplitError(`the due date must be YYYY-MM-DD, e.g. 2027-06-10 (got "${options.due}")`);
  const reportMonth = reportMonthOf(master, options.reportMonth);
  const by = options.by ?? "unit";
  const groups = unitGroups(
    tables,
    master.input.units.map((u) => u.id),
    by,
  );
  // Each unit's observations and flags, grouped once: filtering the whole master per copy made a
  // 1,000-unit split quadratic.
  const byUnit = <T extends { unit: string }>(items: readonly T[]) => {
    const out = new Map<string, T[]>();
    for (const item of items) {
      const list = out.get(item.unit);
      if (list) list.push(item);
      else out.set(item.unit, [item]);
    }
    return out;
  };
  const observations = byUnit(master.input.observations);
  const flags = byUnit(master.input.flags);
  const copies: OfficeCopy[] = [];
  for (const [unit, ids] of groups) {
    const keep = new Set(ids);
    const stamp: Stamp = {
      masterId: master.masterId,
      templateVersion: `${master.input.templateId}@${LOOP_LAYOUT_VERSION}`,
      unit,
      groupedBy: by,
      issuedAt: options.issuedAt,
      due: options.due,
      reportMonth,
      fingerprint: "",
    };
    const input: WorkbookInput = {
      ...master.input,
      title: master.input.title,
      asOfMonth: reportMonth,
      units: master.input.units.filter((u) => keep.has(u.id)),
      observations: ids.flatMap((id) => observations.get(id) ?? []),
      flags: ids.flatMap((id) => flags.get(id) ?? []),
      settingsRows: stampSettingsRows(stamp),
      // The unit's own budget goes with it, as read-only context; the master's revision log and
      // name stay home (the copy's log starts at its targets as issued: a chain cannot be cut).
      ...(master.input.budget
        ? {
            budget: {
              years: master.input.budget.years.filter((y) => keep.has(y.unit)),
              spend: master.input.budget.spend.filter((y) => keep.has(y.unit)),
            },
          }
        : {}),
      revisions: undefined,
      revisionWho: undefined,
    };
    const built = buildPlanFromInput(input, { protectFormulas: options.protectFormulas === true });
    const copyTables = loopTablesFromPlan(
      built,
      LOOP_ROLES.map((r) => r.table),
    );
    const record = issuedRecord(copyTables);
    stamp.fingerprint = fingerprintOf(record);
    setSetting(built, STAMP_LABELS.fingerprint, stamp.fingerprint);
    const plan: WorkbookPlan = {
      ...built,
      sheets: [sendBackSheet(input, stamp, copyTables), ...built.sheets, issuedSheet(record)],
    };
    copies.push({ unit, units: ids, stamp, plan });
  }
  return copies;
}

/** Write a setting's value into a built plan's settings table. */
function setSetting(plan: WorkbookPlan, label: string, value: string): void {
  for (const sheet of plan.sheets)
    for (const t of sheet.tables) {
      if (t.name !== TABLES.settings) continue;
      const row = t.rows.find((r) => r[0] === label);
      if (row) row[1] = value;
    }
}
