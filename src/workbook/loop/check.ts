/**
 * Check one returned office copy against its stamp: the right master and unit, the Issued
 * record sealed by the fingerprint, every table, sheet and row as issued, every formula and
 * locked value unchanged (each changed cell named), and every typed input a valid number for a
 * month that is due. What the office typed comes back as changes; any error rejects the copy.
 */
import type { CellRef, Finding } from "../../engine/model";
import { fiscalYearMonths } from "../../engine/period";
import { findColumns, TableCursor, type Cell } from "../cells";
import type { FindingCode } from "../../engine/findings";
import { MONTHLY_KEY_HEADERS, parseMonthlyHeader, TABLES } from "../layout";
import { sheetRef } from "../sheets/common";
import type { TemplateMeasure } from "../templates";
import { canonicalOf } from "./canonical";
import {
  fingerprintOf,
  KEYLESS_ROWS,
  observeTable,
  readIssuedRecord,
  type IssuedRow,
  type ObservedRow,
  type ObservedTable,
} from "./issued";
import { readStamp, type Stamp } from "./stamp";
import { LOOP_ROLES, type LoopTable, type LoopTables } from "./tables";
import { toCell } from "../cells";

/** A returned file as the caller read it: its tables, or why it could not be read. */
export interface ReturnedCopy {
  file: string;
  /** When it was received (the file's modification time), ISO 8601. */
  receivedAt: string;
  tables?: LoopTables;
  /** The reader's message when the file is no workbook, is encrypted, or is damaged. */
  unreadable?: string;
}

export interface LoopFinding extends Finding {
  file: string;
}

/** A number an office typed (or changed) in an input cell, named by row key and column. */
export interface InputChange {
  key: string;
  header: string;
  measure: string;
  unit: string;
  fiscalYear: number;
  /** The cell's canonical text as issued ("" when blank) and as returned. */
  issued: string;
  returned: string;
  value: number;
  where: CellRef;
}

export interface CheckedReturn {
  copy: ReturnedCopy;
  stamp?: Stamp;
  findings: LoopFinding[];
  rejected: boolean;
  changes: InputChange[];
}

export interface CheckContext {
  masterId: string;
  measures: ReadonlyMap<string, TemplateMeasure>;
  fyStartMonth: number;
  /** True when the stamp's unit (or group) is one the master knows. */
  knowsUnit(stamp: Stamp): boolean;
}

const WHAT_CHANGED: Record<string, string> = {
  "f>": "its formula was deleted",
  "f>v": "its formula was replaced by a typed value",
  "f>f": "its formula was edited",
  "v>v": "its locked value was changed",
  "v>": "its locked value was cleared",
  ">v": "a value was typed into it, but it is locked",
  ">f": "a formula was typed into it; type values only",
  "v>f": "its locked value was replaced by a formula",
};

class Checker {
  readonly findings: LoopFinding[] = [];
  readonly changes: InputChange[] = [];

  constructor(
    readonly copy: ReturnedCopy,
    readonly context: CheckContext,
  ) {}

  add(severity: Finding["severity"], code: FindingCode, message: string, where?: CellRef): void {
    const f: LoopFinding = { severity, code, message, file: this.copy.file };
    if (where) f.where = where;
    this.findings.push(f);
  }

  get failed(): boolean {
    return this.findings.some((f) => f.severity === "error");
  }
}

const headerRef = (t: LoopTable): CellRef => {
  const cur = new TableCursor(t, []);
  return cur.headerRef(0);
};

const at = (ref: CellRef) => `${ref.sheet}!${ref.address ?? ""}`;

/** Point formulas that follow a renamed sheet back at its issued name, so they compare as issued. */
function undoRenames(tables: LoopTables, renames: Map<string, string>): void {
  for (const t of Object.values(tables)) {
    if (!t) continue;
    t.formulas = t.formulas.map((row) =>
      row.map((f) => {
        if (f === undefined) return f;
        let out = f;
        for (const [now, issued] of renames)
          out = out.split(`${sheetRef(now)}!`).join(`${sheetRef(issued)}!`);
        return out;
      }),
    );
  }
}

/**
 * Check one returned copy. Pure: the caller read the file.
 * Example: `checkReturn({ file: "howard.xlsx", receivedAt, tables }, context).changes`.
 */
export function checkReturn(copy: ReturnedCopy, context: CheckContext): CheckedReturn {
  const ck = new Checker(copy, context);
  const done = (stamp?: Stamp): CheckedReturn => ({
    copy,
    stamp,
    findings: ck.findings,
    rejected: ck.failed,
    changes: ck.failed ? [] : ck.changes,
  });
  if (!copy.tables) {
    ck.add("error", "return-unreadable", copy.unreadable ?? `${copy.file} could not be read`);
    return done();
  }
  const tables = copy.tables;
  const { stamp, missing } = readStamp(tables);
  if (!stamp) {
    ck.add(
      "error",
      "return-no-stamp",
      `${copy.file} is not an office copy from yardstick split: the About sheet's settings lack ${missing.join(", ")}.`,
    );
    return done();
  }
  if (stamp.masterId !== context.masterId) {
    ck.add(
      "error",
      "return-other-master",
      `${copy.file} was split from another master (Master ID ${stamp.masterId}; this master is ${context.masterId}).`,
    );
    return done(stamp);
  }
  if (!context.knowsUnit(stamp)) {
    ck.add(
      "error",
      "return-unknown-unit",
      `${copy.file} is the copy for "${stamp.unit}", which this master does not have.`,
    );
    return done(stamp);
  }
  const record = readIssuedRecord(tables);
  if (!record || fingerprintOf(record) !== stamp.fingerprint) {
    ck.add(
      "error",
      "return-stamp-broken",
      `${copy.file}: the hidden Issued sheet ${record ? "no longer matches the stamp's fingerprint" : "is missing or damaged"}, so its cells cannot be checked.`,
    );
    return done(stamp);
  }
  const issuedByTable = new Map<string, IssuedRow[]>();
  for (const r of record.rows) issuedByTable.set(r.table, [...(issuedByTable.get(r.table) ?? []), r]);
  const renames = new Map<string, string>();
  for (const [name, rows] of issuedByTable) {
    const t = tables[name];
    if (t && rows[0] && t.sheetName !== rows[0].sheet) {
      renames.set(t.sheetName, rows[0].sheet);
      ck.add(
        "error",
        "return-sheet-renamed",
        `${copy.file}: the sheet "${rows[0].sheet}" was renamed "${t.sheetName}" (it holds ${name}).`,
        headerRef(t),
      );
    }
  }
  if (renames.size) undoRenames(tables, renames);
  const present: { t: LoopTable; issued: IssuedRow[]; observed: ObservedTable }[] = [];
  for (const role of LOOP_ROLES) {
    const t = tables[role.table];
    if (!t) {
      ck.add(
        "error",
        "return-missing-table",
        `${copy.file} has no table ${role.table}: it was deleted or renamed.`,
      );
      continue;
    }
    present.push({ t, issued: issuedByTable.get(role.table) ?? [], observed: observeTable(t, role) });
  }
  // A deleted or inserted row moves every range below it, in every table's formulas: once rows
  // moved, the formulas say nothing more, and only the rows are reported.
  let structural = false;
  for (const p of present) structural = compareRows(ck, p.t, p.issued, p.observed) || structural;
  for (const p of present) compareCells(ck, p.t, p.issued, p.observed, stamp, structural);
  return done(stamp);
}

/** Report deleted and inserted rows; true when there were any. */
function compareRows(ck: Checker, t: LoopTable, issuedRows: IssuedRow[], observed: ObservedTable): boolean {
  const cur = new TableCursor(t, []);
  const byKey = new Map(observed.rows.map((r) => [r.key, r]));
  const issuedKeys = new Set(issuedRows.map((r) => r.key));
  let structural = false;
  const issuedKeyless = Number(issuedRows.find((r) => r.key === KEYLESS_ROWS)?.cells.count ?? 0);
  for (const r of issuedRows) {
    if (byKey.has(r.key) || r.key === KEYLESS_ROWS) continue;
    structural = true;
    ck.add(
      "error",
      "return-row-deleted",
      `${ck.copy.file}: the row "${r.key}" of ${t.tableName} (sheet ${t.sheetName}) was deleted or its key changed.`,
      headerRef(t),
    );
  }
  const inserted = [
    ...observed.rows.filter((r) => !issuedKeys.has(r.key)).map((r) => r.rowIndex),
    ...observed.duplicates.map((r) => r.rowIndex),
    ...observed.keyless.slice(issuedKeyless),
  ].sort((a, b) => a - b);
  for (const i of inserted) {
    structural = true;
    const ref = cur.ref(i, 0);
    ck.add(
      "error",
      "return-row-inserted",
      `${ck.copy.file}: ${at(ref)}: row ${ref.row} of ${t.tableName} was not issued (inserted, or a key changed).`,
      ref,
    );
  }
  return structural;
}

function compareCells(
  ck: Checker,
  t: LoopTable,
  issuedRows: IssuedRow[],
  observed: ObservedTable,
  stamp: Stamp,
  structural: boolean,
): void {
  const cur = new TableCursor(t, []);
  const byKey = new Map(observed.rows.map((r) => [r.key, r]));
  const cols = new Map(t.headers.map((h, j) => [h, j]));
  for (const issued of issuedRows) {
    const row = byKey.get(issued.key);
    if (!row) continue;
    compareLocked(ck, t, cur, cols, issued, row, structural);
    if (t.tableName === TABLES.monthly) compareInputs(ck, t, cur, issued, row, stamp);
  }
}

function compareLocked(
  ck: Checker,
  t: LoopTable,
  cur: TableCursor,
  cols: Map<string, number>,
  issued: IssuedRow,
  row: ObservedRow,
  structural: boolean,
): void {
  const headers = new Set([...Object.keys(issued.cells), ...Object.keys(row.cells)]);
  for (const header of headers) {
    const was = issued.cells[header] ?? "";
    const now = row.cells[header] ?? "";
    if (was === now) continue;
    if (structural && was.startsWith("f") && now.startsWith("f")) continue;
    const col = cols.get(header);
    if (col === undefined) {
      ck.add(
        "error",
        "return-cell-changed",
        `${ck.copy.file}: the column "${header}" of ${t.tableName} (sheet ${t.sheetName}) is gone.`,
        headerRef(t),
      );
      continue;
    }
    const ref = cur.ref(row.rowIndex, col);
    const what = WHAT_CHANGED[`${was.slice(0, 1)}>${now.slice(0, 1)}`] ?? "it changed";
    ck.add(
      "error",
      "return-cell-changed",
      `${ck.copy.file}: ${at(ref)} (${t.tableName}, column "${header}", row "${issued.key}"): ${what}.`,
      ref,
    );
  }
}

function compareInputs(
  ck: Checker,
  t: LoopTable,
  cur: TableCursor,
  issued: IssuedRow,
  row: ObservedRow,
  stamp: Stamp,
): void {
  const k = findColumns(t.headers, MONTHLY_KEY_HEADERS);
  const measureId = cur.text(row.rowIndex, k.measure) ?? "";
  const unit = cur.text(row.rowIndex, k.unit) ?? "";
  const fiscalYear = Number(cur.text(row.rowIndex, k.fiscalYear));
  const measure = ck.context.measures.get(measureId);
  const months = Number.isInteger(fiscalYear) ? fiscalYearMonths(fiscalYear, ck.context.fyStartMonth) : [];
  t.headers.forEach((header, j) => {
    const parsed = parseMonthlyHeader(header);
    if (!parsed || parsed.series === "Milestone" || t.formulas[row.rowIndex]?.[j] !== undefined) return;
    const cell: Cell = toCell(t.rows[row.rowIndex]?.[j]);
    const was = issued.inputs[header] ?? "";
    const now = canonicalOf(cell);
    if (now === was) return;
    const ref = cur.ref(row.rowIndex, j);
    const where = `${ck.copy.file}: ${at(ref)} (${header}, ${measureId} at ${unit}, fiscal year ${fiscalYear})`;
    if (cell.kind === "blank") {
      ck.add(
        "warning",
        "return-input-cleared",
        `${where} held ${was.slice(2)} when issued and was cleared; the master keeps it.`,
        ref,
      );
      return;
    }
    if (cell.kind !== "number") {
      const shown = cell.kind === "error" ? cell.value : `"${String(cell.value)}"`;
      ck.add("error", "return-bad-input", `${where} holds ${shown} where a number belongs.`, ref);
      return;
    }
    const period = months.find((p) => Number(p.slice(5)) === parsed.calendarMonth) ?? "";
    if (period > stamp.reportMonth) {
      ck.add(
        "error",
        "return-not-due",
        `${where} is for ${period}, after the month to report (${stamp.reportMonth}).`,
        ref,
      );
      return;
    }
    const countLike = parsed.series === "Denominator" || measure?.kind === "count";
    if (countLike && cell.value < 0) {
      ck.add("error", "return-bad-input", `${where} is ${cell.value}; a count cannot be negative.`, ref);
      return;
    }
    if (parsed.series === "Actual" && measure?.kind === "rate" && (cell.value < 0 || cell.value > 100)) {
      ck.add(
        "error",
        "return-bad-input",
        `${where} is ${cell.value}; a rate is a percentage from 0 to 100.`,
        ref,
      );
      return;
    }
    ck.changes.push({
      key: issued.key,
      header,
      measure: measureId,
      unit,
      fiscalYear,
      issued: was,
      returned: now,
      value: cell.value,
      where: ref,
    });
  });
}
