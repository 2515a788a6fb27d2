/**
 * Read a scorecard back from raw table contents, whoever read them (ExcelJS or Office.js).
 * Tables are found by name (sheets may be renamed), columns by header (order and extra
 * columns do not matter), rows in any order. Bad cells become Findings with their location.
 */
import type {
  Direction,
  Finding,
  MeasureDef,
  MeasureKind,
  Observation,
  Purpose,
  Scorecard,
  UnitDef,
} from "../engine/model";
import { isMonth } from "../engine/period";
import { findColumns, TableCursor } from "./cells";
import { blankKey, duplicate, missingTable, negative, requireColumns } from "./readHelpers";
import {
  LISTS,
  MEASURE_HEADERS,
  PROGRAM_TARGET_HEADERS,
  SETTINGS,
  TABLES,
  UNIT_HEADERS,
  type RawTable,
} from "./layout";
import { readMonthly } from "./readMonthly";
import { readRevisions, type RevisionRead } from "./readRevisions";
import type { ChainSeal } from "../engine/revisions/chain";

/** Raw tables keyed by table name (e.g. "tblMeasures"). */
export type TablesInput = Record<string, RawTable | undefined>;

export interface WorkbookSettings {
  title?: string;
  templateId?: string;
  fyStartMonth: number;
  asOfMonth?: string;
  reliabilityPassed?: boolean;
  /** The revision log's seal as Yardstick last wrote it (rows and last hash). */
  revisionSeal?: ChainSeal;
  /** The name the pane logs revisions under. */
  revisionWho?: string;
}

export interface ReadResult {
  scorecard: Scorecard;
  findings: Finding[];
  settings: WorkbookSettings;
  programTargets: { measure: string; period: string; target: number }[];
  /** The target revision log, verified; absent when the workbook has no tblRevisions. */
  revisions?: RevisionRead;
}

/**
 * Rebuild the engine's scorecard from a workbook's tables.
 * Example: `scorecardFromTables({ tblMeasures: {...}, tblUnits: {...}, tblMonthly: {...} }).scorecard.measures`.
 */
export function scorecardFromTables(tables: TablesInput): ReadResult {
  const findings: Finding[] = [];
  const settings = readSettings(tables[TABLES.settings], findings);
  const measures = readMeasures(tables[TABLES.measures], findings);
  const units = readUnits(tables[TABLES.units], findings);
  const observations: Observation[] = readMonthly(
    tables[TABLES.monthly],
    settings,
    measures,
    units,
    findings,
  );
  const programTargets = readProgramTargets(tables[TABLES.programTargets], measures, findings);
  const scorecard: Scorecard = { measures, units, observations, fyStartMonth: settings.fyStartMonth };
  const revisions = readRevisions(tables, settings.fyStartMonth, settings.revisionSeal, findings);
  return { scorecard, findings, settings, programTargets, ...(revisions ? { revisions } : {}) };
}

function readSettings(table: RawTable | undefined, findings: Finding[]): WorkbookSettings {
  const settings: WorkbookSettings = { fyStartMonth: 1 };
  if (!table) {
    missingTable(TABLES.settings, findings, false);
    return settings;
  }
  const cur = new TableCursor(table, findings);
  const cols = findColumns(table.headers, { setting: "Setting", value: "Value" });
  if (!requireColumns(cur, cols, { setting: "Setting", value: "Value" }, ["setting", "value"]))
    return settings;
  table.rows.forEach((_, i) => {
    const label = cur.text(i, cols.setting);
    const cell = cur.cell(i, cols.value);
    const text = cur.text(i, cols.value);
    if (label === SETTINGS.title) settings.title = text;
    else if (label === SETTINGS.templateId) settings.templateId = text;
    else if (label === SETTINGS.fyStartMonth) {
      const n = cell.kind === "number" ? cell.value : Number(text);
      if (Number.isInteger(n) && n >= 1 && n <= 12) settings.fyStartMonth = n;
      else cur.report(badSetting(label, "a whole number from 1 (January) to 12 (December)"), i, cols.value);
    } else if (label === SETTINGS.asOfMonth) {
      const month =
        cell.kind === "number"
          ? monthOfSerial(cell.value)
          : text && /^\d{4}-\d{2}(-\d{2})?$/.test(text)
            ? text.slice(0, 7)
            : text;
      if (month && isMonth(month)) settings.asOfMonth = month;
      else if (text) cur.report(badSetting(label, "a month written YYYY-MM, e.g. 2027-04"), i, cols.value);
    } else if (label === SETTINGS.reliabilityPassed) {
      settings.reliabilityPassed = cell.kind === "bool" ? cell.value : text?.toUpperCase() === "TRUE";
    } else if (label === SETTINGS.revisionRows) {
      const rows = cell.kind === "number" ? cell.value : Number(text);
      if (Number.isInteger(rows) && rows >= 0)
        settings.revisionSeal = { rows, head: settings.revisionSeal?.head ?? "" };
    } else if (label === SETTINGS.revisionHead && text) {
      settings.revisionSeal = { rows: settings.revisionSeal?.rows ?? 0, head: text };
    } else if (label === SETTINGS.revisionWho && text) {
      settings.revisionWho = text;
    }
  });
  return settings;
}

/** The YYYY-MM of an Excel date serial (Excel turns a typed "2027-04" into 1 April 2027). */
function monthOfSerial(serial: number): string {
  const iso = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString();
  return iso.slice(0, 7);
}

function badSetting(label: string, wanted: string): Omit<Finding, "where"> {
  return {
    severity: "error",
    code: "bad-setting",
    message: `The setting "${label}" is not ${wanted}.`,
    fix: `Type ${wanted} in the Value column of the settings table on the About sheet.`,
  };
}

function pick<T extends string>(
  cur: TableCursor,
  i: number,
  col: number,
  allowed: readonly T[],
  fallback: T | undefined,
  header: string,
): T | undefined {
  const raw = cur.text(i, col)?.toLowerCase();
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  cur.report(
    {
      severity: "error",
      code: "not-in-list",
      message: `"${cur.text(i, col)}" is not a valid ${header}${fallback ? `; ${fallback} was assumed` : ""}.`,
      fix: `Choose one of: ${allowed.join(", ")}.`,
    },
    i,
    col,
  );
  return fallback;
}

function readMeasures(table: RawTable | undefined, findings: Finding[]): MeasureDef[] {
  if (!table) {
    missingTable(TABLES.measures, findings, true);
    return [];
  }
  const cur = new TableCursor(table, findings);
  const c = findColumns(table.headers, MEASURE_HEADERS);
  if (!requireColumns(cur, c, MEASURE_HEADERS, ["id", "kind", "direction"])) return [];
  const out: MeasureDef[] = [];
  const seen = new Set<string>();
  table.rows.forEach((_, i) => {
    const id = cur.text(i, c.id);
    if (!id) return blankKey(cur, i, c.id, MEASURE_HEADERS.id);
    if (seen.has(id)) return duplicate(cur, i, c.id, `measure ${id}`);
    seen.add(id);
    const m: MeasureDef = {
      id,
      name: cur.text(i, c.name) ?? id,
      kind: pick<MeasureKind>(cur, i, c.kind, LISTS.kind, "count", MEASURE_HEADERS.kind)!,
      direction: pick<Direction>(cur, i, c.direction, LISTS.direction, "up", MEASURE_HEADERS.direction)!,
    };
    const num = (col: number, header: string) => cur.number(i, col, { header, measure: id });
    const lower = num(c.lower, MEASURE_HEADERS.lower);
    const upper = num(c.upper, MEASURE_HEADERS.upper);
    if (lower !== undefined) m.lower = lower;
    if (upper !== undefined) m.upper = upper;
    const opt = (col: number) => cur.text(i, col);
    if (opt(c.unitLabel)) m.unitLabel = opt(c.unitLabel);
    const purpose = pick<Purpose>(cur, i, c.purpose, LISTS.purpose, undefined, MEASURE_HEADERS.purpose);
    if (purpose) m.purpose = purpose;
    const indicator = pick<"lead" | "lag">(
      cur,
      i,
      c.indicator,
      LISTS.indicator,
      undefined,
      MEASURE_HEADERS.indicator,
    );
    if (indicator) m.indicator = indicator;
    if (opt(c.leadFor)) m.leadFor = opt(c.leadFor);
    if (opt(c.pairedWith)) m.pairedWith = opt(c.pairedWith);
    if (opt(c.owner)) m.owner = opt(c.owner);
    if (opt(c.goal)) m.goal = opt(c.goal);
    if (m.direction === "band" && (m.lower === undefined || m.upper === undefined)) {
      cur.report(
        {
          severity: "error",
          code: "band-without-edges",
          measure: id,
          message: `Measure ${id} is "band" but lacks a lower or upper edge.`,
          fix: `Fill in "${MEASURE_HEADERS.lower}" and "${MEASURE_HEADERS.upper}" for it.`,
        },
        i,
        c.direction,
      );
    }
    if (m.direction === "band" && m.lower !== undefined && m.upper !== undefined && m.lower > m.upper) {
      cur.report(
        {
          severity: "error",
          code: "band-inverted",
          measure: id,
          message: `Measure ${id}: the band's lower edge ${m.lower} is above its upper edge ${m.upper}, so every result would be judged outside it.`,
          fix: `Swap "${MEASURE_HEADERS.lower}" and "${MEASURE_HEADERS.upper}" for it.`,
        },
        i,
        c.lower,
      );
    }
    out.push(m);
  });
  return out;
}

function readUnits(table: RawTable | undefined, findings: Finding[]): UnitDef[] {
  if (!table) {
    missingTable(TABLES.units, findings, true);
    return [];
  }
  const cur = new TableCursor(table, findings);
  const c = findColumns(table.headers, UNIT_HEADERS);
  if (!requireColumns(cur, c, UNIT_HEADERS, ["id"])) return [];
  const out: UnitDef[] = [];
  const seen = new Set<string>();
  table.rows.forEach((_, i) => {
    const id = cur.text(i, c.id);
    if (!id) return blankKey(cur, i, c.id, UNIT_HEADERS.id);
    if (seen.has(id)) return duplicate(cur, i, c.id, `unit ${id}`);
    seen.add(id);
    const u: UnitDef = { id, name: cur.text(i, c.name) ?? id };
    for (const k of ["caseload", "fte", "productivity", "budget"] as const) {
      const v = cur.number(i, c[k], { header: UNIT_HEADERS[k], unit: id });
      if (v === undefined) continue;
      if (v < 0) {
        negative(cur, i, c[k], UNIT_HEADERS[k], v, undefined, id);
        continue;
      }
      u[k] = v;
    }
    out.push(u);
  });
  return out;
}

function readProgramTargets(
  table: RawTable | undefined,
  measures: MeasureDef[],
  findings: Finding[],
): ReadResult["programTargets"] {
  if (!table) return [];
  const cur = new TableCursor(table, findings);
  const c = findColumns(table.headers, PROGRAM_TARGET_HEADERS);
  if (!requireColumns(cur, c, PROGRAM_TARGET_HEADERS, ["measure", "fiscalYear", "target"])) return [];
  const ids = new Set(measures.map((m) => m.id));
  const out: ReadResult["programTargets"] = [];
  table.rows.forEach((_, i) => {
    const measure = cur.text(i, c.measure);
    const fy = cur.number(i, c.fiscalYear, { header: PROGRAM_TARGET_HEADERS.fiscalYear });
    const target = cur.number(i, c.target, { header: PROGRAM_TARGET_HEADERS.target, measure });
    if (!measure || fy === undefined || target === undefined || !ids.has(measure)) return;
    out.push({ measure, period: String(fy), target });
  });
  return out;
}
