/** The prorate command's text output (its JSON is the engine's result as is). */
import type { JointSplitResult } from "../../engine/budget";
import type { MilestoneSchedule } from "../../engine/milestones";
import type { ProrationResult } from "../../engine/prorate";
import { jointText } from "./prorateBudget";

/** The proration as a person reads it on a terminal: shares, reasons, budget, warnings, milestones. */
export function renderProration(
  file: string,
  result: ProrationResult,
  schedule: MilestoneSchedule,
  joint?: JointSplitResult,
): string {
  const p = result.provenance;
  const ratio = p.kind === "rate" || p.kind === "ratio";
  const show = (v: number) => (ratio ? v.toFixed(2) : String(v));
  const lines = [
    `${file}: ${p.kind} target ${fmtTotal(p.total)} over ${result.units.length} units, ${p.methodUsed} by ${p.driverLabel}, ` +
      `${p.rounding === "webster" ? "Webster" : "largest remainder"} rounding to ${p.increment}.` +
      (p.achieved !== undefined ? ` Program ${p.kind} achieved: ${p.achieved.toFixed(2)}.` : ""),
    "",
  ];
  const header = ["UNIT", "TARGET", "EXACT QUOTA", ""];
  const rows = result.units.map((u) => [u.id, show(u.value), u.quota.toFixed(2), u.locked ? "locked" : ""]);
  lines.push(...table([header, ...rows]));
  lines.push("", "Why:");
  for (const u of result.units) lines.push(`  ${u.reason}`);
  if (joint) lines.push("", ...jointText(joint));
  const warnings = [...p.warnings, ...schedule.warnings];
  if (warnings.length > 0) {
    lines.push("", "Warnings:");
    for (const w of warnings) lines.push(`  ${w.message}${w.fix ? ` ${w.fix}` : ""}`);
  }
  const labels = schedule.periods.map((per) =>
    per.months.length === 1 ? per.months[0] : `${per.label} ${per.months[0].slice(2)}`,
  );
  const fyText = `FY${schedule.fiscalYear} (starts ${schedule.periods[0].months[0]})`;
  const sources = [...new Set(schedule.units.map((u) => u.profileSource))];
  const source = sources.length === 1 ? sources[0] : "each unit's own profile (see --json)";
  lines.push("", `Milestones per period, ${fyText}, ${source}:`);
  lines.push(...table([["UNIT", ...labels], ...schedule.units.map((u) => [u.id, ...u.perPeriod.map(show)])]));
  if (!ratio) {
    lines.push("", "Cumulative (year to date):");
    lines.push(
      ...table([["UNIT", ...labels], ...schedule.units.map((u) => [u.id, ...u.cumulative.map(show)])]),
    );
  }
  return `${lines.join("\n")}\n`;
}

function fmtTotal(total: number): string {
  return Number.isInteger(total) ? String(total) : total.toFixed(2);
}

/** Left-aligned first column, right-aligned numbers. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd(),
  );
}
