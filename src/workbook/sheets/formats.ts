/**
 * Number formats that follow each measure (docs/design.md: whole counts, one-decimal
 * percentages, money with its currency, ratios as "$4.86 per $1"). A column that mixes measures
 * (the Dashboard's program status, the Targets table) takes one per row through a table's
 * `cellFormats`.
 */
import type { TemplateMeasure } from "../templates/types";

/** A level (actual, plan, forecast) or a difference between two levels (variance, change). */
export type FormatRole = "level" | "change";

/** Positive, negative and zero sections with the same suffix; a change shows its sign. */
function signed(body: string, suffix = ""): string {
  return `+${body}${suffix};-${body}${suffix};${body}${suffix}`;
}

/**
 * The format of a measure's values. Examples: a count -> "#,##0"; a rate (stored 0-100) ->
 * `0.0"%"`, its variance in points; cost-effectiveness ("$ per $") -> `"$"0.00" per $1"`.
 * @example measureNumberFormat({ kind: "ratio", unitLabel: "$ per $" }, "level") === '"$"0.00" per $1"'
 */
export function measureNumberFormat(
  m: Pick<TemplateMeasure, "kind" | "unitLabel">,
  role: FormatRole = "level",
): string {
  const label = (m.unitLabel ?? "").trim();
  const money = label.startsWith("$");
  switch (m.kind) {
    case "count":
      return role === "level" ? "#,##0" : signed("#,##0");
    case "amount":
      if (money) return role === "level" ? '"$"#,##0' : signed('"$"#,##0');
      return role === "level" ? "#,##0.0" : signed("#,##0.0");
    case "rate":
      return role === "level" ? '0.0"%"' : signed("0.0", '" pts"');
    case "ratio": {
      const per = /^\$\s*per\s*\$$/.test(label) ? '" per $1"' : "";
      const otherPer = !per && /^\$\s*per\s+(.+)$/.exec(label);
      const suffix = per || (otherPer ? `" per ${otherPer[1].replace(/"/g, "")}"` : "");
      const body = money ? '"$"0.00' : "#,##0.00";
      // A change is read beside its level, so it drops the "per $1" to fit its column.
      return role === "level" ? `${body}${suffix}` : signed(body);
    }
  }
}
