import * as React from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { TaskState } from "./useTask";
import type { TabId } from "./port";
import { usePaneNav } from "./nav";

const useStyles = makeStyles({
  // The tab's one primary action, kept in view at the bottom of a long tab.
  actionBar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  empty: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  emptyTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

/** 44 px: Microsoft's add-in guidance for touch targets. */
export const TOUCH: React.CSSProperties = { minHeight: "44px" };

/** The bottom bar holding a tab's primary action (and its progress), always in view. */
export function ActionBar({
  children,
  status,
}: {
  children: React.ReactNode;
  status?: React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.actionBar} role="group" aria-label="Actions">
      {status}
      <div className={styles.actions}>{children}</div>
    </div>
  );
}

/** A neutral empty state that says what is missing and leads to the tab that fixes it. */
export function EmptyState({
  title,
  children,
  goTo,
  action,
}: {
  title: string;
  children: React.ReactNode;
  goTo?: TabId;
  action?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const nav = usePaneNav();
  return (
    <div className={styles.empty} role="status">
      <h3 className={styles.emptyTitle}>{title}</h3>
      <span>{children}</span>
      {goTo && action ? (
        <Button appearance="primary" style={TOUCH} onClick={() => nav(goTo)}>
          {action}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The error of a task as a MessageBar that says what happened and what to do; a workbook with no
 * scorecard yet is no error, but a neutral empty state leading to Start.
 */
export function ErrorBar({ task }: { task: TaskState }): React.JSX.Element | null {
  if (!task.error) return null;
  if (task.error.empty) {
    return (
      <EmptyState title="No scorecard in this workbook yet" goTo="start" action="Start a scorecard">
        Insert a template on the Start tab (with sample data to try things out), then come back here.
      </EmptyState>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{task.error.message}</MessageBarTitle> {task.error.whatToDo}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss error"
            icon={<DismissRegular />}
            onClick={task.clearError}
          />
        }
      />
    </MessageBar>
  );
}

/** A labelled spinner, shown only once a task has run long enough to be noticed. */
export function Progress({ task, label }: { task: TaskState; label: string }): React.JSX.Element | null {
  if (!task.showProgress) return null;
  return <Spinner size="tiny" label={label} labelPosition="after" role="status" aria-live="polite" />;
}

/** A success note with an intent, e.g. after writing to the workbook. */
export function Note({
  intent,
  title,
  children,
}: {
  intent: "success" | "info" | "warning";
  title?: string;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null} {children}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The question a write asks before it replaces cells people typed: what would be replaced, then
 * the confirming action and Cancel. `children` may add a field (the reason kept in the log).
 */
export function AskFirst({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {children}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * What a write did, focused whenever a write reports (also after a confirming button that is now
 * gone, and after a write whose message is the same as the last), so keyboard and screen-reader
 * users land on the outcome.
 */
export function DoneNote({
  title,
  result,
}: {
  title: string;
  result: { message: string };
}): React.JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => ref.current?.focus(), [result]);
  return (
    <div ref={ref} tabIndex={-1}>
      <Note intent="success" title={title}>
        {result.message}
      </Note>
    </div>
  );
}
