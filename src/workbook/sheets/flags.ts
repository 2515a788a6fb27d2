/**
 * The Flags sheet: what the gaming and lowballing detectors saw, written by Yardstick, with
 * Reviewer, Disposition and Note columns people fill in. Flag IDs are stable, so reviews
 * survive a re-run. A flag prompts a conversation; it never states a verdict.
 */
import type { Flag } from "../../engine/flags/types";
import { FLAG_HEADERS, LISTS, SHEETS, TABLES } from "../layout";
import type { PlanValue, SheetPlan } from "../plan";
import { computed, emptySheet, heading, input, wrappedRowHeights } from "./common";

export const FLAGS_FIRST_ROW = 5;

/** Evidence as one line: "statistic 3.2; threshold 2 - text". */
export function evidenceText(flag: Flag): string {
  const nums = Object.entries(flag.evidence.values)
    .map(([k, x]) => `${k} ${Number.isInteger(x) ? x : x.toFixed(3)}`)
    .join("; ");
  return nums ? `${flag.evidence.text} (${nums})` : flag.evidence.text;
}

export function flagsSheet(flags: Flag[]): SheetPlan {
  const sheet = emptySheet(
    SHEETS.flags,
    "Patterns worth a conversation (possible lowballing or gaming), with columns for the reviewer's disposition.",
    "C0392B",
  );
  const h = FLAG_HEADERS;
  const rows: PlanValue[][] = (flags.length ? flags : [undefined]).map((f) =>
    f
      ? [
          f.id,
          f.severity,
          f.detector,
          f.measure,
          f.unit,
          f.periods.join(", "),
          f.explanation,
          evidenceText(f),
          f.whatToCheck,
          f.review?.reviewer ?? null,
          f.review?.status ?? "open",
          f.review?.note ?? null,
        ]
      : new Array<PlanValue>(12).fill(null),
  );
  sheet.ranges.push(
    ...heading(
      "Flags",
      "Each flag says what was seen and what to check. It is a prompt for a conversation, never a verdict: record who looked, the disposition and a note.",
    ),
  );
  sheet.tables.push({
    name: TABLES.flags,
    topLeft: `A${FLAGS_FIRST_ROW - 1}`,
    columns: [
      // The three sentences wrap, so a printed page reads each flag whole rather than cut at the
      // next column; the widths keep the page legible when printed one page wide.
      computed(h.id, undefined, 24),
      computed(h.severity, undefined, 9),
      computed(h.detector, undefined, 18),
      computed(h.measure, undefined, 13),
      computed(h.unit, undefined, 14),
      computed(h.periods, undefined, 12),
      { ...computed(h.explanation, undefined, 44), wrap: true },
      { ...computed(h.evidence, undefined, 34), wrap: true },
      { ...computed(h.whatToCheck, undefined, 40), wrap: true },
      input(h.reviewer, 14),
      input(h.disposition, 12, {
        validation: {
          rule: { type: "list", values: [...LISTS.disposition] },
          allowBlank: true,
          errorMessage: `Choose one of: ${LISTS.disposition.join(", ")}.`,
        },
      }),
      input(h.note, 30, { wrap: true }),
    ],
    rows,
  });
  sheet.rowHeights = wrappedRowHeights(sheet.tables[0]);
  const last = FLAGS_FIRST_ROW + rows.length - 1;
  sheet.conditionalFormats.push(
    { type: "textEquals", range: `B${FLAGS_FIRST_ROW}:B${last}`, text: "high", color: "bad" },
    { type: "textEquals", range: `B${FLAGS_FIRST_ROW}:B${last}`, text: "medium", color: "warn" },
    { type: "textEquals", range: `K${FLAGS_FIRST_ROW}:K${last}`, text: "open", color: "warn" },
  );
  sheet.freeze = { rows: FLAGS_FIRST_ROW - 1, columns: 1 };
  return sheet;
}
