import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Dropdown,
  Field,
  Link,
  Option,
  mergeClasses,
  Textarea,
  type BadgeProps,
} from "@fluentui/react-components";
import type { Flag, FlagReview, FlagSeverity, ReviewStatus } from "../../engine/flags/types";
import type { FlagList, YardstickPort } from "../port";
import { useTask } from "../useTask";
import { ActionBar, EmptyState, ErrorBar, Progress, TOUCH } from "../feedback";
import { plainEvidence } from "./flagWords";
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
/** Open flags shown per severity before "Show more": a month of partial actuals can raise hundreds. */
export const FIRST_FEW = 6;

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
  const [expanded, setExpanded] = React.useState<ReadonlySet<FlagSeverity>>(new Set());

  const load = React.useCallback(() => {
    void runTask(async () => setList(await port.listFlags()));
  }, [port, runTask]);
  React.useEffect(load, [load]);

  const onReviewed = (id: string, review: FlagReview): void =>
    setList((old) => old && { ...old, flags: old.flags.map((f) => (f.id === id ? { ...f, review } : f)) });

  const shown = filterFlags(list?.flags ?? [], measure, unit);
  const open = shown.filter((f) => (f.review?.status ?? "open") === "open");
  const reviewed = shown.filter((f) => (f.review?.status ?? "open") !== "open");
  const item = (f: Flag, color: BadgeProps["color"]): React.JSX.Element => (
    <FlagItem key={f.id} flag={f} color={color} port={port} onReviewed={onReviewed} list={list} />
  );
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
      <ErrorBar task={task} />
      {list && list.flags.length === 0 ? (
        <EmptyState title="No flags" goTo="review" action="Review progress">
          Nothing in the targets or actuals looks set low or gamed. Flags appear here as actuals come in.
        </EmptyState>
      ) : null}
      {list && list.flags.length > 0 && open.length === 0 ? (
        <EmptyState title="Nothing left to review">
          {shown.length ? "Every flag here has been reviewed." : "No flags match this filter."}
        </EmptyState>
      ) : null}
      {SEVERITIES.map((sev) => {
        const flags = open.filter((f) => f.severity === sev.id);
        if (flags.length === 0) return null;
        return (
          <section key={sev.id} aria-labelledby={`sev-${sev.id}`} className={styles.stack}>
            <h3 id={`sev-${sev.id}`} className={styles.subheading}>
              {sev.label} ({flags.length})
            </h3>
            <ul className={styles.plainList}>
              {(expanded.has(sev.id) ? flags : flags.slice(0, FIRST_FEW)).map((f) => item(f, sev.color))}
            </ul>
            {flags.length > FIRST_FEW && !expanded.has(sev.id) ? (
              <Button
                appearance="subtle"
                style={TOUCH}
                onClick={() => setExpanded((old) => new Set([...old, sev.id]))}
              >
                Show {flags.length - FIRST_FEW} more {sev.label.toLowerCase()}
              </Button>
            ) : null}
          </section>
        );
      })}
      {reviewed.length ? (
        <Accordion collapsible>
          <AccordionItem value="reviewed">
            <AccordionHeader style={TOUCH}>Reviewed ({reviewed.length})</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.plainList} aria-label="Reviewed flags">
                {reviewed.map((f) => item(f, "informative"))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      ) : null}
      <ActionBar
        status={
          <>
            <Progress task={task} label="Looking for flags…" />
            <span className={styles.hint}>Each review is saved on the Flags sheet as you make it.</span>
          </>
        }
      >
        <Button appearance="primary" style={TOUCH} onClick={load} disabled={task.busy}>
          Look for flags again
        </Button>
      </ActionBar>
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
  const [numbers, setNumbers] = React.useState(false);
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
        {status === "open" ? (
          <Badge className={styles.badge} appearance="filled" color={color}>
            {REVIEW_LABEL[status]}
          </Badge>
        ) : (
          // A reviewed state is read, not alarming: neutral text on a neutral fill (contrast > 7:1).
          <Badge
            className={mergeClasses(styles.badge, styles.stateBadge)}
            appearance="outline"
            color="informative"
          >
            {REVIEW_LABEL[status]}
          </Badge>
        )}
      </div>
      <span>{flag.explanation}</span>
      {flag.review?.note ? <span className={styles.hint}>Note: {flag.review.note}</span> : null}
      <Link as="button" className={styles.jump} aria-expanded={numbers} onClick={() => setNumbers(!numbers)}>
        {numbers ? "Hide details" : "What to check, and the numbers"}
      </Link>
      {numbers ? (
        <>
          <span className={styles.hint}>What to check: {flag.whatToCheck}</span>
          <span className={styles.hint}>The numbers: {plainEvidence(flag.evidence.text)}</span>
        </>
      ) : null}
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
          <Button
            size="small"
            style={TOUCH}
            disabled={task.busy}
            onClick={() => record({ status: "reviewed" })}
          >
            Mark reviewed
          </Button>
          <Button size="small" style={TOUCH} disabled={task.busy} onClick={() => setDismissing(true)}>
            Dismiss…
          </Button>
          <Button
            size="small"
            style={TOUCH}
            disabled={task.busy}
            onClick={() => record({ status: "confirmed" })}
          >
            Confirm
          </Button>
        </div>
      )}
      <Progress task={task} label="Saving review…" />
      <ErrorBar task={task} />
    </li>
  );
}
