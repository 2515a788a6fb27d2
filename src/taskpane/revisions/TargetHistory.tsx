/** One measure and unit's target history from the log, oldest first, where a manager reads its status. */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { ErrorBar } from "../feedback";
import { useTask } from "../useTask";
import { REASON_LABELS, type RevisionEntry, type RevisionPort } from "./port";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

const num = (v: number | null): string =>
  v === null ? "blank" : v.toLocaleString("en-US", { maximumFractionDigits: 6 });

/** "2026-07-16 T. Whitfield: target 2026 6,295 -> 5,775 (Resources changed: note)". */
export function historyLine(e: RevisionEntry): string {
  const what = e.oldValue === null ? `set to ${num(e.newValue)}` : `${num(e.oldValue)} -> ${num(e.newValue)}`;
  const why = `${REASON_LABELS[e.reason]}${e.note ? `: ${e.note}` : ""}`;
  return `${e.at.slice(0, 10)} ${e.who || "no name"}: ${e.field} ${e.period} ${what} (${why})`;
}

export function TargetHistory({
  port,
  measure,
  unit,
}: {
  port: RevisionPort;
  measure: string;
  unit: string;
}): React.JSX.Element {
  const styles = useStyles();
  const task = useTask();
  const [entries, setEntries] = React.useState<RevisionEntry[]>();
  const { run } = task;
  React.useEffect(() => {
    void run(async () => setEntries(await port.targetHistory(measure, unit)));
  }, [port, measure, unit, run]);
  const targets = entries?.filter((e) => e.field === "target");
  return (
    <div>
      <ErrorBar task={task} />
      {targets && targets.length === 0 ? <p className={styles.muted}>No target changes logged.</p> : null}
      {targets && targets.length > 0 ? (
        <ol className={styles.list} aria-label="Target history">
          {targets.map((e, i) => (
            <li key={i}>{historyLine(e)}</li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
