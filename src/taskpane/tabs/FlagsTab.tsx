import * as React from "react";
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Option,
  Textarea,
  type BadgeProps,
} from "@fluentui/react-components";
import type { Flag, FlagReview, FlagSeverity, ReviewStatus } from "../../engine/flags/types";
import type { FlagList, YardstickPort } from "../port";
import { useTask } from "../useTask";
import { ErrorBar, Note, Progress } from "../feedback";
import { useTabStyles } from "./styles";

const SEVERITIES: { id: FlagSeverity; label: string; color: BadgeProps["color"] }[] = [
  { id: "high", label: "High", color: "danger" },
  { id: "medium", label: "Medium", color: "warning" },
  { id: "low", label: "Low", color: "informative" },
];

const REVIEW_LABEL: Record<ReviewStatus, string> = {
  open: "Open",
  reviewed: "Reviewed",
  dismissed: "Dismissed",
  confirmed: "Confirmed",
};

const ALL = "*";

/** Keeps the flags that match a measure and unit filter ("*" matches all; program-wide flags always match). */
export function filterFlags(flags: Flag[], measure: string, unit: string): Flag[] {
  return flags.filter(
    (f) =>
      (measure === ALL || f.measure === measure || f.measure === ALL) &&
      (unit === ALL || f.unit === unit || f.unit === ALL),
  );
}

/** Flags: review what the detectors found, by severity, with evidence; record a disposition. */
export default function FlagsTab({ port }: { port: YardstickPort }): React.JSX.Element {
  const styles = useTabStyles();
  const task = useTask();
  const runTask = task.run;
  const [list, setList] = React.useState<FlagList>();
  const [measure, setMeasure] = React.useState(ALL);
  const [unit, setUnit] = React.useState(ALL);

  React.useEffect(() => {
    void runTask(async () => setList(await port.listFlags()));
  }, [port, runTask]);

  const onReviewed = (id: string, review: FlagReview): void =>
    setList((old) => old && { ...old, flags: old.flags.map((f) => (f.id === id ? { ...f, review } : f)) });

  const shown = filterFlags(list?.flags ?? [], measure, unit);
  const nameOf = (options: { id: string; name: string }[] | undefined, id: string): string =>
    id === ALL ? "All" : (options?.find((o) => o.id === id)?.name ?? id);

  return (
    <section className={styles.stack} aria-labelledby="flags-heading">
      <h2 id="flags-heading" className={styles.heading}>
        Review flags
      </h2>
      <span className={styles.hint}>A flag is a prompt for a conversation, not a verdict.</span>
      <div className={styles.row}>
        <Field label="Measure">
          <Dropdown
            value={nameOf(list?.measures, measure)}
            selectedOptions={[measure]}
            onOptionSelect={(_, d) => setMeasure(d.optionValue ?? ALL)}
          >
            <Option value={ALL}>All</Option>
            {(list?.measures ?? []).map((m) => (
              <Option key={m.id} value={m.id}>
                {m.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Unit">
          <Dropdown
            value={nameOf(list?.units, unit)}
            selectedOptions={[unit]}
            onOptionSelect={(_, d) => setUnit(d.optionValue ?? ALL)}
          >
            <Option value={ALL}>All</Option>
            {(list?.units ?? []).map((u) => (
              <Option key={u.id} value={u.id}>
                {u.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Progress task={task} label="Looking for flags…" />
      <ErrorBar task={task} />
      {list && shown.length === 0 ? (
        <Note intent="success">No flags{list.flags.length ? " match this filter" : ""}.</Note>
      ) : null}
      {SEVERITIES.map((sev) => {
        const flags = shown.filter((f) => f.severity === sev.id);
        if (flags.length === 0) return null;
        return (
          <section key={sev.id} aria-labelledby={`sev-${sev.id}`} className={styles.stack}>
            <h3 id={`sev-${sev.id}`} className={styles.subheading}>
              {sev.label} ({flags.length})
            </h3>
            <ul className={styles.plainList}>
              {flags.map((f) => (
                <FlagItem
                  key={f.id}
                  flag={f}
                  color={sev.color}
                  port={port}
                  onReviewed={onReviewed}
                  list={list}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

interface FlagItemProps {
  flag: Flag;
  color: BadgeProps["color"];
  port: YardstickPort;
  list?: FlagList;
  onReviewed: (id: string, review: FlagReview) => void;
}

function FlagItem({ flag, color, port, list, onReviewed }: FlagItemProps): React.JSX.Element {
  const styles = useTabStyles();
  const task = useTask();
  const [dismissing, setDismissing] = React.useState(false);
  const [note, setNote] = React.useState("");
  const status = flag.review?.status ?? "open";
  const measureName =
    flag.measure === ALL
      ? "All measures"
      : (list?.measures.find((m) => m.id === flag.measure)?.name ?? flag.measure);
  const unitName =
    flag.unit === ALL ? "all units" : (list?.units.find((u) => u.id === flag.unit)?.name ?? flag.unit);
  const title = `${measureName}, ${unitName}`;

  const record = (review: FlagReview): void => {
    void task.run(async () => {
      await port.reviewFlag(flag.id, review);
      onReviewed(flag.id, review);
      setDismissing(false);
    });
  };

  return (
    <li className={styles.card} aria-label={`${title}: ${flag.explanation}`}>
      <div className={styles.spread}>
        <strong>{title}</strong>
        <Badge
          className={styles.badge}
          appearance={status === "open" ? "filled" : "outline"}
          color={status === "open" ? color : "subtle"}
        >
          {REVIEW_LABEL[status]}
        </Badge>
      </div>
      <span>{flag.explanation}</span>
      <span className={styles.hint}>Evidence: {flag.evidence.text}</span>
      <span className={styles.hint}>What to check: {flag.whatToCheck}</span>
      {flag.periods.length ? <span className={styles.hint}>Periods: {flag.periods.join(", ")}</span> : null}
      {flag.review?.note ? <span className={styles.hint}>Note: {flag.review.note}</span> : null}
      {dismissing ? (
        <>
          <Field label="Why dismiss it?" required hint="Saved on the Flags sheet with the flag.">
            <Textarea value={note} onChange={(_, d) => setNote(d.value)} />
          </Field>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={note.trim() === "" || task.busy}
              onClick={() => record({ status: "dismissed", note: note.trim() })}
            >
              Dismiss flag
            </Button>
            <Button onClick={() => setDismissing(false)}>Cancel</Button>
          </div>
        </>
      ) : (
        <div className={styles.row} role="group" aria-label={`Review ${title}`}>
          <Button size="small" disabled={task.busy} onClick={() => record({ status: "reviewed" })}>
            Mark reviewed
          </Button>
          <Button size="small" disabled={task.busy} onClick={() => setDismissing(true)}>
            Dismiss…
          </Button>
          <Button size="small" disabled={task.busy} onClick={() => record({ status: "confirmed" })}>
            Confirm
          </Button>
        </div>
      )}
      <Progress task={task} label="Saving review…" />
      <ErrorBar task={task} />
    </li>
  );
}
