import * as React from "react";
import { Badge, Button, Dropdown, Field, Link, Option, type BadgeProps } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import type { CheckReport, StatusKind, StatusRow, YardstickPort } from "../port";
import { useTask } from "../useTask";
import { ErrorBar, Note, Progress } from "../feedback";
import { formatMonth, formatPct, formatValue } from "../format";
import { useTabStyles } from "./styles";

/** Status words and badge colours, keyed by the status union. */
export const STATUS_LOOK: Record<StatusKind, { label: string; color: BadgeProps["color"] }> = {
  "on-track": { label: "On track", color: "success" },
  "at-risk": { label: "At risk", color: "warning" },
  "off-track": { label: "Off track", color: "danger" },
  "no-data": { label: "No data yet", color: "informative" },
  stale: { label: "Stale", color: "subtle" },
  "insufficient-data": { label: "Insufficient data", color: "subtle" },
};

/** Check: status of the program and each unit as of a month, with the year-end forecast. */
export default function CheckTab({ port }: { port: YardstickPort }): React.JSX.Element {
  const styles = useTabStyles();
  const task = useTask();
  const runTask = task.run;
  const jumpTask = useTask();
  const [report, setReport] = React.useState<CheckReport>();
  const [asOf, setAsOf] = React.useState<string | undefined>();

  const refresh = React.useCallback(
    (month?: string) => {
      void runTask(async () => {
        const r = await port.runCheck(month);
        setReport(r);
        setAsOf(r.asOf);
      });
    },
    [port, runTask],
  );
  React.useEffect(() => {
    refresh(undefined);
  }, [refresh]);

  const program = report?.rows.filter((r) => r.unit === "*") ?? [];
  const units = report?.rows.filter((r) => r.unit !== "*") ?? [];
  const jump = (row: StatusRow): void => {
    if (row.cell) void jumpTask.run(() => port.selectCell(row.cell!));
  };

  return (
    <section className={styles.stack} aria-labelledby="check-heading">
      <h2 id="check-heading" className={styles.heading}>
        Check progress
      </h2>
      <div className={styles.row}>
        <Field label="As of">
          <Dropdown
            value={asOf ? formatMonth(asOf) : ""}
            selectedOptions={asOf ? [asOf] : []}
            placeholder="Latest month"
            onOptionSelect={(_, d) => refresh(d.optionValue)}
          >
            {(report?.months ?? []).map((m) => (
              <Option key={m} value={m} text={formatMonth(m)}>
                {formatMonth(m)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button icon={<ArrowClockwiseRegular />} onClick={() => refresh(asOf)} disabled={task.busy}>
          Refresh
        </Button>
      </div>
      <Progress task={task} label="Checking actuals against milestones…" />
      <ErrorBar task={task} />
      <ErrorBar task={jumpTask} />
      {report && report.rows.length === 0 ? (
        <Note intent="info" title="Nothing to check yet.">
          Type actuals on the Milestones &amp; Actuals sheet, then press Refresh.
        </Note>
      ) : null}
      {report?.findings.length ? (
        <Note
          intent="warning"
          title={`${report.findings.length} data problem${report.findings.length === 1 ? "" : "s"}`}
        >
          <ul className={styles.list}>
            {report.findings.slice(0, 5).map((f, i) => (
              <li key={i}>
                {f.message} {f.fix}
              </li>
            ))}
          </ul>
        </Note>
      ) : null}
      {program.length ? (
        <>
          <h3 className={styles.subheading}>Program</h3>
          <ul className={styles.plainList} aria-label="Program status">
            {program.map((row) => (
              <StatusItem key={`${row.measure}|*`} row={row} onJump={jump} />
            ))}
          </ul>
        </>
      ) : null}
      {units.length ? (
        <>
          <h3 className={styles.subheading}>Units</h3>
          <ul className={styles.plainList} aria-label="Unit status">
            {units.map((row) => (
              <StatusItem key={`${row.measure}|${row.unit}`} row={row} onJump={jump} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function cellName(row: StatusRow): string {
  const cell = row.cell!;
  return `${cell.sheet}!${cell.address ?? `R${cell.row}C${cell.column}`}`;
}

function StatusItem({
  row,
  onJump,
}: {
  row: StatusRow;
  onJump: (row: StatusRow) => void;
}): React.JSX.Element {
  const styles = useTabStyles();
  const look = STATUS_LOOK[row.status];
  const title = row.unit === "*" ? row.measureName : `${row.unitName}: ${row.measureName}`;
  return (
    <li className={styles.card} aria-label={`${title}, ${look.label}`}>
      <div className={styles.spread}>
        <strong>{title}</strong>
        <Badge appearance="filled" color={look.color} className={styles.badge}>
          {look.label}
        </Badge>
      </div>
      <span>
        Actual {formatValue(row.actual, row.unitLabel)} vs milestone{" "}
        {formatValue(row.milestone, row.unitLabel)}
        {row.attainmentPct !== undefined ? ` (${formatPct(row.attainmentPct)})` : ""}
      </span>
      {row.forecast ? (
        <span className={styles.hint}>
          Year-end forecast {formatValue(row.forecast.value, row.unitLabel)}:{" "}
          {row.forecast.likely ? "likely" : "unlikely"} to meet the target ({row.forecast.method}
          {row.forecast.interval
            ? `; range ${formatValue(row.forecast.interval[0], row.unitLabel)} to ${formatValue(row.forecast.interval[1], row.unitLabel)}`
            : ""}
          ).
        </span>
      ) : null}
      {row.cell ? (
        // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
        <Link
          as="button"
          onClick={() => onJump(row)}
          aria-label={`Go to ${cellName(row)}, the cell for ${title}`}
        >
          Go to {cellName(row)}
        </Link>
      ) : null}
    </li>
  );
}
