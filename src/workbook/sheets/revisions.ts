/**
 * The Revisions sheet: the target revision log (docs/revisions.md) as tblRevisions, one row per
 * logged change with the hash that seals it and every row above it, and the seal's two rows in
 * About's settings. Yardstick only appends; who and note are a person's text and are written as
 * text (a plan `string` never becomes a formula).
 */
import { appendRevisions, canonicalNumber, headHash } from "../../engine/revisions/chain";
import type { LoggedRevision, Revision } from "../../engine/revisions/types";
import { fiscalYearMonths, isYear } from "../../engine/period";
import type { WorkbookInput } from "../input";
import { REVISION_HEADERS, SETTINGS, SHEETS, TABLES } from "../layout";
import type { PlanValue, SheetPlan } from "../plan";
import { computed, emptySheet, heading } from "./common";

export const REVISIONS_FIRST_ROW = 5;

/** Who the log names for targets that came with a template or the sample data. */
export const BASELINE_WHO = "Yardstick template";

/**
 * The targets a workbook starts with, as issued: one baseline row per grid target (period
 * "YYYY", the fiscal year), dated the first day of its fiscal year. Example: a template with
 * sample data for FY2025-FY2027 logs every unit's three annual targets.
 */
export function baselineRevisions(input: WorkbookInput): Revision[] {
  const measureOrder = new Map(input.measures.map((m, i) => [m.id, i]));
  const unitOrder = new Map(input.units.map((u, i) => [u.id, i]));
  return input.observations
    .filter((o) => isYear(o.period) && o.target !== undefined)
    .map((o): Revision => ({
      at: `${fiscalYearMonths(Number(o.period), input.fyStartMonth)[0]}-01T00:00:00Z`,
      who: BASELINE_WHO,
      source: "baseline",
      measure: o.measure,
      unit: o.unit,
      period: o.period,
      field: "target",
      oldValue: null,
      newValue: o.target!,
      reason: "baseline",
      note: "Target as issued with the workbook.",
    }))
    .sort(
      (a, b) =>
        a.at.localeCompare(b.at) ||
        (measureOrder.get(a.measure) ?? 1e9) - (measureOrder.get(b.measure) ?? 1e9) ||
        (unitOrder.get(a.unit) ?? 1e9) - (unitOrder.get(b.unit) ?? 1e9),
    );
}

/** The workbook's log: the one it was given, else its baseline targets sealed into a chain. */
export function workbookLog(input: WorkbookInput): LoggedRevision[] {
  return input.revisions ?? appendRevisions([], baselineRevisions(input));
}

/**
 * A logged value as the cell keeps it: the 15 significant digits the hash was computed over.
 * Writing more lets a spreadsheet round the 16th digit its own way when it saves (70.25641025641025
 * became 70.2564102564103 in LibreOffice, where the hash had 70.2564102564102); a 15-digit number
 * is written back unchanged by Excel and LibreOffice alike.
 */
export function storedNumber(value: number | null): number | null {
  return value === null ? null : Number(canonicalNumber(value));
}

/** One table row for a logged revision, in REVISION_HEADERS order. */
export function revisionRow(r: LoggedRevision): PlanValue[] {
  return [
    r.at,
    r.who,
    r.source,
    r.measure,
    r.unit,
    r.period,
    r.field,
    storedNumber(r.oldValue),
    storedNumber(r.newValue),
    r.reason,
    r.note,
    r.hash,
  ];
}

/** The seal's rows for About's settings table, and the row that keeps the pane's "who" name. */
export function sealSettingsRows(log: readonly LoggedRevision[], who = ""): PlanValue[][] {
  return [
    [
      SETTINGS.revisionRows,
      log.length,
      "Rows in the revision log when Yardstick last wrote it: a shorter log means rows were deleted.",
    ],
    [
      SETTINGS.revisionHead,
      headHash(log),
      "The hash of the log's last row when Yardstick last wrote it. Do not edit.",
    ],
    [
      SETTINGS.revisionWho,
      who || null,
      "The name or initials the add-in logs your target changes under (asked once).",
    ],
  ];
}

/** The Revisions sheet over a log. */
const OLD = Object.keys(REVISION_HEADERS).indexOf("oldValue");
const NEW = Object.keys(REVISION_HEADERS).indexOf("newValue");

/** "#,##0" for a whole number, "#,##0.0##" for a fraction, none for text or a blank. */
function valueFormat(v: PlanValue): string | null {
  if (typeof v !== "number") return null;
  return Number.isInteger(v) ? "#,##0" : "#,##0.0##";
}

export function revisionsSheet(log: readonly LoggedRevision[]): SheetPlan {
  const sheet = emptySheet(
    SHEETS.revisions,
    "The target revision log: who changed which target or milestone, when, from what, to what and why.",
    "5D6D7E",
  );
  const h = REVISION_HEADERS;
  const width = Object.keys(h).length;
  const rows = log.length > 0 ? log.map(revisionRow) : [new Array<PlanValue>(width).fill(null)];
  sheet.ranges.push(
    ...heading(
      "Revisions",
      "Every change to a target or milestone, written by Yardstick only. Each row's hash seals it and every row above it: an edited, deleted or moved row shows in the add-in's check and in yardstick check.",
    ),
  );
  sheet.tables.push({
    name: TABLES.revisions,
    topLeft: `A${REVISIONS_FIRST_ROW - 1}`,
    columns: [
      computed(h.at, undefined, 21),
      computed(h.who, undefined, 16),
      computed(h.source, undefined, 18),
      computed(h.measure, undefined, 16),
      computed(h.unit, undefined, 16),
      computed(h.period, undefined, 9),
      computed(h.field, undefined, 10),
      computed(h.oldValue, "General", 12),
      computed(h.newValue, "General", 12),
      computed(h.reason, undefined, 18),
      computed(h.note, undefined, 50),
      computed(h.hash, undefined, 20),
    ],
    rows,
    // Targets of rate measures are prorated unrounded: shown to three decimals at most (the cell
    // keeps every digit, which the hash seals), not as 91.243902439.
    cellFormats: rows.map((row) => row.map((v, c) => (c === OLD || c === NEW ? valueFormat(v) : null))),
  });
  sheet.freeze = { rows: REVISIONS_FIRST_ROW - 1, columns: 0 };
  return sheet;
}
