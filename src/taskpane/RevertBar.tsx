/**
 * Revert, where Excel has no undo for add-in writes (before ExcelApi 1.20): take back
 * Yardstick's last change. When a person changed cells since, a dialog lists them (cell, what
 * Yardstick would put back, what is there now) and nothing changes unless they choose
 * Revert anyway. Shared by every tab, so it lives beside the tabs, not in one of them.
 */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular } from "@fluentui/react-icons";
import { ErrorBar, Note, Progress } from "./feedback";
import type { ChangedCell, YardstickPort } from "./port";
import { useTask } from "./useTask";

const useStyles = makeStyles({
  // Not disabled while busy: a disabled button drops focus, which the dialog needs to return to.
  bar: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "40vh", overflowY: "auto" },
  cell: { fontFamily: tokens.fontFamilyMonospace },
});

/** Shown only where Yardstick's revert is the user's undo. */
export function RevertBar({ port }: { port: YardstickPort }): React.JSX.Element | null {
  const styles = useStyles();
  const task = useTask();
  const [asked, setAsked] = React.useState<{ message: string; changes: ChangedCell[] }>();
  const [done, setDone] = React.useState<string>();
  if (!port.revertsOwnWrites) return null;

  const revert = (confirm: boolean): void => {
    if (task.busy) return;
    setAsked(undefined);
    setDone(undefined);
    void task.run(async () => {
      const outcome = await port.revertLast({ confirm });
      if (outcome.status === "needs-confirmation") setAsked(outcome);
      else setDone(outcome.message);
    });
  };

  return (
    <div className={styles.bar}>
      <Button icon={<ArrowUndoRegular />} size="small" onClick={() => revert(false)}>
        Revert last change
      </Button>
      <Progress task={task} label="Reverting…" />
      <ErrorBar task={task} />
      {done ? <Note intent="success">{done}</Note> : null}
      <Dialog open={asked !== undefined} onOpenChange={(_, data) => !data.open && setAsked(undefined)}>
        <DialogSurface aria-describedby="revert-changes">
          <DialogBody>
            <DialogTitle>Keep your changes?</DialogTitle>
            <DialogContent id="revert-changes">
              <p>{asked?.message}</p>
              <ul className={styles.list} aria-label="Cells changed since Yardstick wrote them">
                {asked?.changes.map((c) => (
                  <li key={c.address}>
                    <span className={styles.cell}>{c.address}</span>: now {c.now}; revert puts back {c.old}
                  </li>
                ))}
              </ul>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setAsked(undefined)}>
                Keep my changes
              </Button>
              <Button onClick={() => revert(true)}>Revert anyway</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
