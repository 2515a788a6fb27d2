/**
 * The revision log in the pane: whether the log's chain holds (and where it breaks), the name
 * changes are logged under (asked once, kept in the workbook's settings), and the targets people
 * typed since the last refresh, with the reason prompt. Reloads when `refreshKey` changes (the
 * Review tab's Refresh), so detection happens when the pane opens or refreshes.
 */
import * as React from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { RevisionReason } from "../../engine/revisions/types";
import { ErrorBar, Note, Progress } from "../feedback";
import { useTask } from "../useTask";
import type { RevisionPort, RevisionReview } from "./port";
import { ReasonPrompt } from "./ReasonPrompt";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Wraps at 320 px: the button goes under the field rather than past the pane's edge.
  name: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
});

export interface RevisionPanelProps {
  port: RevisionPort;
  /** Change it to look again (after Refresh, or a write). */
  refreshKey?: unknown;
}

export function RevisionPanel({ port, refreshKey }: RevisionPanelProps): React.JSX.Element {
  const styles = useStyles();
  const task = useTask();
  const [review, setReview] = React.useState<RevisionReview>();
  const [name, setName] = React.useState("");
  const [done, setDone] = React.useState<string>();

  const { run } = task;
  const load = React.useCallback(() => run(async () => setReview(await port.reviewRevisions())), [port, run]);
  React.useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const log = (reason: RevisionReason, note: string): void => {
    setDone(undefined);
    void task.run(async () => {
      const result = await port.logTypedChanges(reason, note);
      setDone(result.message);
      setReview(await port.reviewRevisions());
    });
  };
  const saveName = (): void => {
    void task.run(async () => {
      await port.setRevisionName(name);
      setReview(await port.reviewRevisions());
    });
  };

  return (
    <section className={styles.root} aria-label="Target revision log">
      <Progress task={task} label="Reading the revision log…" />
      <ErrorBar task={task} />
      {review && !review.hasLog ? (
        <Note intent="info">This workbook has no revision log; a current Yardstick template keeps one.</Note>
      ) : null}
      {review?.hasLog && !review.ok ? (
        <Note intent="warning" title="The revision log was changed by hand">
          {review.message}
        </Note>
      ) : null}
      {review?.hasLog && review.ok ? (
        <Note intent="success">Revision log: {review.rows} logged changes, none altered since.</Note>
      ) : null}
      {review?.hasLog && !review.who ? (
        <div className={styles.name}>
          <Field label="Your name or initials, for the revision log" hint="Asked once; kept in the workbook.">
            <Input value={name} onChange={(_, data) => setName(data.value)} maxLength={60} />
          </Field>
          <Button disabled={task.busy || name.trim() === ""} onClick={saveName}>
            Save name
          </Button>
        </div>
      ) : null}
      {review && review.typed.length > 0 ? (
        <ReasonPrompt
          changes={review.typed}
          busy={task.busy}
          onLog={log}
          onSkip={() => log("no-reason-given", "")}
        />
      ) : null}
      {done ? <Note intent="success">{done}</Note> : null}
    </section>
  );
}
