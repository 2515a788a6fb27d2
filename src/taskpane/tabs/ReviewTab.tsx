import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Option,
  ToggleButton,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import type { CheckReport, StatusKind, StatusRow, YardstickPort } from "../port";
import { useTask } from "../useTask";
import { asRevisionPort, RevisionPanel } from "../revisions";
import { ActionBar, EmptyState, ErrorBar, Note, Progress, TOUCH } from "../feedback";
import { formatMonth } from "../format";
import { STATUS_LOOK, STATUS_ORDER, StatusItem } from "./StatusItem";
import { useTabStyles } from "./styles";

export { STATUS_LOOK };

/** Groups shown open when the filter is "All"; the rest (on track, no data ...) start collapsed. */
const OPEN: ReadonlySet<StatusKind> = new Set(["off-track", "at-risk", "stale"]);

type Filter = "all" | StatusKind;

/** Rows per status, in the order a manager acts on them. */
export function countByStatus(rows: StatusRow[]): { status: StatusKind; rows: StatusRow[] }[] {
  return STATUS_ORDER.map((status) => ({ status, rows: rows.filter((r) => r.status === status) })).filter(
    (g) => g.rows.length > 0,
  );
}

/** Review: counts by status and a filter, off track first, on-track rows collapsed; Refresh re-reads. */
export default function ReviewTab({ port }: { port: YardstickPort }): React.JSX.Element {
  const styles = useTabStyles();
  const task = useTask();
  const runTask = task.run;
  const jumpTask = useTask();
  const [report, setReport] = React.useState<CheckReport>();
  const [asOf, setAsOf] = React.useState<string | undefined>();
  const [filter, setFilter] = React.useState<Filter>("all");
  // The revision log's side of the port, where the workbook port has one (a test's fake may not).
  const log = React.useMemo(() => asRevisionPort(port), [port]);

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

  const jump = (row: StatusRow): void => {
    if (row.cell) void jumpTask.run(() => port.selectCell(row.cell!));
  };
  const groups = countByStatus(report?.rows ?? []);
  const shown = filter === "all" ? groups : groups.filter((g) => g.status === filter);

  if (task.error?.empty) return <ErrorBar task={task} />;
  return (
    <section className={styles.stack} aria-labelledby="review-heading">
      <h2 id="review-heading" className={styles.heading}>
        Review progress
      </h2>
      {report && report.months.length > 0 ? (
        <Field label="As of">
          <Dropdown
            value={asOf ? formatMonth(asOf) : ""}
            selectedOptions={asOf ? [asOf] : []}
            placeholder="Latest month"
            onOptionSelect={(_, d) => refresh(d.optionValue)}
          >
            {report.months.map((m) => (
              <Option key={m} value={m} text={formatMonth(m)}>
                {formatMonth(m)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      ) : null}
      <ErrorBar task={task} />
      <ErrorBar task={jumpTask} />
      {log && report ? <RevisionPanel port={log} refreshKey={report} /> : null}
      {report && !report.hasActuals ? (
        <EmptyState title="No actuals yet">
          Type each month&apos;s actuals on the Milestones &amp; Actuals sheet, then press Refresh: off-track
          and at-risk units will be listed here first.
        </EmptyState>
      ) : null}
      {report?.hasActuals && groups.length > 0 ? (
        <div className={styles.row} role="group" aria-label="Show only">
          <ToggleButton
            size="small"
            style={TOUCH}
            checked={filter === "all"}
            onClick={() => setFilter("all")}
          >
            All {report.rows.length}
          </ToggleButton>
          {groups.map((g) => (
            <ToggleButton
              key={g.status}
              size="small"
              style={TOUCH}
              checked={filter === g.status}
              onClick={() => setFilter(filter === g.status ? "all" : g.status)}
            >
              {STATUS_LOOK[g.status].label} {g.rows.length}
            </ToggleButton>
          ))}
        </div>
      ) : null}
      {report?.findings.length ? (
        <Note
          intent="warning"
          title={`${report.findings.length} number${report.findings.length === 1 ? "" : "s"} to check`}
        >
          <ul className={styles.list}>
            {report.findings.slice(0, 3).map((f, i) => (
              <li key={i}>
                {f.message} {f.fix}
              </li>
            ))}
          </ul>
        </Note>
      ) : null}
      {report?.hasActuals && report.unreported > 0 ? (
        <span className={styles.hint}>
          {report.unreported} unit-month{report.unreported === 1 ? "" : "s"} up to {formatMonth(report.asOf)}{" "}
          still wait for an actual.
        </span>
      ) : null}
      {report?.hasActuals
        ? shown
            .filter((g) => filter !== "all" || OPEN.has(g.status))
            .map((g) => (
              <section key={g.status} className={styles.stack} aria-labelledby={`status-${g.status}`}>
                <h3 id={`status-${g.status}`} className={styles.subheading}>
                  {STATUS_LOOK[g.status].label} ({g.rows.length})
                </h3>
                <ul className={styles.plainList} aria-label={STATUS_LOOK[g.status].label}>
                  {g.rows.map((row) => (
                    <StatusItem key={`${row.measure}|${row.unit}`} row={row} onJump={jump} history={log} />
                  ))}
                </ul>
              </section>
            ))
        : null}
      {report?.hasActuals && filter === "all" ? (
        <Accordion collapsible multiple>
          {groups
            .filter((g) => !OPEN.has(g.status))
            .map((g) => (
              <AccordionItem key={g.status} value={g.status}>
                <AccordionHeader style={TOUCH}>
                  {STATUS_LOOK[g.status].label} ({g.rows.length})
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.plainList} aria-label={STATUS_LOOK[g.status].label}>
                    {g.rows.map((row) => (
                      <StatusItem key={`${row.measure}|${row.unit}`} row={row} onJump={jump} history={log} />
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            ))}
        </Accordion>
      ) : null}
      <ActionBar status={<Progress task={task} label="Checking actuals against milestones…" />}>
        <Button
          appearance="primary"
          style={TOUCH}
          icon={<ArrowClockwiseRegular />}
          onClick={() => refresh(asOf)}
          disabled={task.busy}
        >
          Refresh
        </Button>
      </ActionBar>
    </section>
  );
}
