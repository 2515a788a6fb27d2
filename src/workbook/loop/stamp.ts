/**
 * The stamp of an office copy: which master it came from, the template version, the unit, when
 * it was issued and is due, the month to report, and the fingerprint of every formula and
 * locked value as issued. It lives as key/value rows in the About sheet's settings table, where
 * a person can read it and every spreadsheet keeps it on save.
 */
import { findColumns, TableCursor } from "../cells";
import { TABLES, type RawTable } from "../layout";
import type { TablesInput } from "../read";
import { fullDigest } from "./canonical";

export interface Stamp {
  masterId: string;
  /** "child-support@1": the template and the loop's layout version the copy was built with. */
  templateVersion: string;
  /** The unit ID (or the grouping column's value) the copy is for. */
  unit: string;
  /** "unit", or the Units column the copy groups by (e.g. "Region"). */
  groupedBy: string;
  /** When the copy was issued, ISO 8601 UTC ("2026-12-03T09:00:00Z"); a newer issue replaces it. */
  issuedAt: string;
  /** Due date, YYYY-MM-DD. */
  due: string;
  /** The month the office reports, YYYY-MM; later months are not yet due. */
  reportMonth: string;
  /** SHA-256 of the issued record (the hidden Issued sheet). */
  fingerprint: string;
}

/** The version of the office copy's layout (stamp rows, Issued sheet); bump when they change. */
export const LOOP_LAYOUT_VERSION = 1;

export const STAMP_LABELS = {
  masterId: "Master ID",
  templateVersion: "Template version",
  unit: "Office copy for",
  groupedBy: "Grouped by",
  issuedAt: "Issued",
  due: "Due",
  reportMonth: "Month to report",
  fingerprint: "Fingerprint",
} as const satisfies Record<keyof Stamp, string>;

const MEANINGS: Record<keyof Stamp, string> = {
  masterId: "The master scorecard this copy was split from; collect refuses copies of another master.",
  templateVersion: "The template and layout this copy was built with.",
  unit: "The office (unit) this copy is for.",
  groupedBy: "unit, or the Units column the master was split by.",
  issuedAt: "When this copy was issued (UTC); a newer copy of the same unit replaces it.",
  due: "Send it back by this date.",
  reportMonth: "The month to fill in; later months are not yet due.",
  fingerprint:
    "SHA-256 of every formula and locked value as issued (the hidden Issued sheet). Do not edit the stamp.",
};

/** The stamp as settings rows [setting, value, what it means], all text. */
export function stampSettingsRows(stamp: Stamp): [string, string, string][] {
  return (Object.keys(STAMP_LABELS) as (keyof Stamp)[]).map((k) => [STAMP_LABELS[k], stamp[k], MEANINGS[k]]);
}

/** Settings label -> value text, from tblSettings (dates typed by a person come back as YYYY-MM-DD). */
export function settingsValues(table: RawTable | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!table) return out;
  const cur = new TableCursor(table, []);
  const c = findColumns(table.headers, { setting: "Setting", value: "Value" });
  if (c.setting < 0 || c.value < 0) return out;
  table.rows.forEach((_, i) => {
    const label = cur.text(i, c.setting);
    const cell = cur.cell(i, c.value);
    if (!label) return;
    const dated = label === STAMP_LABELS.due || label === STAMP_LABELS.issuedAt;
    if (dated && cell.kind === "number")
      out.set(label, dateOfSerial(cell.value, label === STAMP_LABELS.issuedAt));
    else {
      const text = cur.text(i, c.value);
      if (text !== undefined) out.set(label, text);
    }
  });
  return out;
}

function dateOfSerial(serial: number, withTime: boolean): string {
  const iso = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000)).toISOString();
  return withTime ? iso.replace(/\.\d{3}Z$/, "Z") : iso.slice(0, 10);
}

/** The stamp of an office copy, or what is missing from it. */
export function readStamp(tables: TablesInput): { stamp?: Stamp; missing: string[] } {
  const values = settingsValues(tables[TABLES.settings]);
  const stamp: Partial<Stamp> = {};
  const missing: string[] = [];
  for (const k of Object.keys(STAMP_LABELS) as (keyof Stamp)[]) {
    const v = values.get(STAMP_LABELS[k]);
    if (v === undefined) missing.push(STAMP_LABELS[k]);
    else stamp[k] = v;
  }
  return missing.length ? { missing } : { stamp: stamp as Stamp, missing };
}

/**
 * The master's ID: its "Master ID" setting, or (for a master that has none yet) one derived from
 * its title, template and units, which collect then writes into the merged master.
 * Example: `masterIdOf(new Map([["Master ID", "m-1"]]), "T", "blank", []) === "m-1"`.
 */
export function masterIdOf(
  settings: Map<string, string>,
  title: string,
  templateId: string,
  unitIds: readonly string[],
): string {
  const set = settings.get(STAMP_LABELS.masterId);
  if (set) return set;
  return `ys-${fullDigest([title, templateId, ...[...unitIds].sort()].join("\u0000")).slice(0, 16)}`;
}
