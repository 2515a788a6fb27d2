import * as React from "react";
import { Badge, Link, type BadgeProps } from "@fluentui/react-components";
import type { StatusKind, StatusRow } from "../port";
import { formatCents, formatMeasure, formatPct } from "../format";
import { TargetHistory, type RevisionPort } from "../revisions";
import { useTabStyles } from "./styles";

/** Status words and badge colours, keyed by the status union. */
export const STATUS_LOOK: Record<StatusKind, { label: string; color: BadgeProps["color"] }> = {
  "off-track": { label: "Off track", color: "danger" },
  "at-risk": { label: "At risk", color: "warning" },
  stale: { label: "Late", color: "informative" },
  "insufficient-data": { label: "Too early to tell", color: "informative" },
  "no-data": { label: "No data yet", color: "informative" },
  "on-track": { label: "On track", color: "success" },
};

/** Statuses in the order a manager acts on them: off track first. */
export const STATUS_ORDER: StatusKind[] = [
  "off-track",
  "at-risk",
  "stale",
  "insufficient-data",
  "no-data",
  "on-track",
];

/** A row's title: "Allegany: Paternity establishment (PEP)", or the measure for the program. */
export function rowTitle(row: StatusRow): string {
  return row.unit === "*" ? `Program: ${row.measureName}` : `${row.unitName}: ${row.measureName}`;
}

/**
 * The year-end forecast in words, and whether it disagrees with the status badge (on track now
 * but likely to miss, or off track now but likely to make it): then the card shows both.
 */
export function forecastWords(row: StatusRow): { text: string; disagrees: boolean } | undefined {
  const f = row.forecast;
  if (!f) return undefined;
  const value = formatMeasure(f.value, row);
  const target = row.target !== undefined ? ` of ${formatMeasure(row.target, row)}` : "";
  const good = row.status === "on-track";
  const bad = row.status === "off-track" || row.status === "at-risk";
  if (f.likely)
    return { text: `Year end: likely to meet the target (about ${value}${target}).`, disagrees: bad };
  return { text: `Year end: likely to fall short (about ${value}${target}).`, disagrees: good };
}

/**
 * The card's money line: "Spent $66,000 of $60,000 allotted so far (cost per result $6.37
 * planned, $5.50 actual)." Spend not reported for every month yet reads as such.
 */
export function budgetWords(row: StatusRow): string | undefined {
  const b = row.budget;
  if (!b) return undefined;
  const costs = [
    b.costPlannedCents !== undefined ? `${formatCents(b.costPlannedCents, true)} planned` : "",
    b.costActualCents !== undefined ? `${formatCents(b.costActualCents, true)} actual` : "",
  ].filter(Boolean);
  const cost = costs.length > 0 ? ` (cost per result ${costs.join(", ")})` : "";
  if (b.spendYtdCents === undefined)
    return `${formatCents(b.allotmentYtdCents)} allotted so far of a ${formatCents(b.budgetCents)} budget; spend not reported for every month yet${cost}.`;
  return `Spent ${formatCents(b.spendYtdCents)} of ${formatCents(b.allotmentYtdCents)} allotted so far${cost}.`;
}

/** One status card: title and badge(s), actual against plan, the year-end in words, a link to the cell. */
export function StatusItem({
  row,
  onJump,
  history,
}: {
  row: StatusRow;
  onJump: (row: StatusRow) => void;
  /** Where the unit's target history is read from, when the workbook keeps a revision log. */
  history?: RevisionPort;
}): React.JSX.Element {
  const [showHistory, setShowHistory] = React.useState(false);
  const styles = useTabStyles();
  const look = STATUS_LOOK[row.status];
  const title = rowTitle(row);
  const forecast = forecastWords(row);
  const soFar = row.basis === "ytd" ? " so far this year" : "";
  const money = budgetWords(row);
  return (
    <li
      className={styles.card}
      aria-label={`${title}, ${look.label}${row.budget?.warning ? ", overspending" : ""}`}
    >
      <div className={styles.spread}>
        <strong>{title}</strong>
        <span className={styles.badges}>
          <Badge appearance="filled" color={look.color} className={styles.badge}>
            {look.label}
          </Badge>
          {forecast?.disagrees ? (
            <Badge
              appearance="tint"
              color={row.forecast?.likely ? "success" : "warning"}
              className={styles.badge}
            >
              {row.forecast?.likely ? "Year end: on course" : "Year end: short"}
            </Badge>
          ) : null}
          {row.budget?.warning ? (
            <Badge appearance="filled" color="warning" className={styles.badge}>
              Overspending
            </Badge>
          ) : null}
        </span>
      </div>
      {row.actual !== undefined || row.milestone !== undefined ? (
        <span>
          {formatMeasure(row.actual, row)} against {formatMeasure(row.milestone, row)} planned{soFar}
          {row.attainmentPct !== undefined ? ` (${formatPct(row.attainmentPct)} of plan)` : ""}.
        </span>
      ) : null}
      {forecast ? <span className={styles.hint}>{forecast.text}</span> : null}
      {money ? (
        <span>
          {money} <strong>{row.budget!.status}</strong>
        </span>
      ) : null}
      <div className={styles.row}>
        {row.cell ? (
          // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
          <Link
            as="button"
            className={styles.jump}
            onClick={() => onJump(row)}
            aria-label={`Show in the sheet: ${title}`}
          >
            Show in the sheet
          </Link>
        ) : null}
        {history && row.unit !== "*" ? (
          <Link
            as="button"
            className={styles.jump}
            aria-expanded={showHistory}
            onClick={() => setShowHistory(!showHistory)}
            aria-label={`Target history: ${title}`}
          >
            Target history
          </Link>
        ) : null}
      </div>
      {history && showHistory ? <TargetHistory port={history} measure={row.measure} unit={row.unit} /> : null}
    </li>
  );
}
