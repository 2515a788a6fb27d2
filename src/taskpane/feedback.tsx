import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { TaskState } from "./useTask";

/** The error of a task as a MessageBar that says what happened and what to do. */
export function ErrorBar({ task }: { task: TaskState }): React.JSX.Element | null {
  if (!task.error) return null;
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
