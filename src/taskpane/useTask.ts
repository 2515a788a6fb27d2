import * as React from "react";
import { describeError } from "./port";

/** How long an operation may run before the pane shows progress: well under the one-second bar. */
export const PROGRESS_DELAY_MS = 400;

export interface TaskState {
  busy: boolean;
  /** True once the running task has taken longer than PROGRESS_DELAY_MS. */
  showProgress: boolean;
  error?: { message: string; whatToDo: string; empty?: boolean };
  /** Run an async action; errors become `error`, never an unhandled rejection. */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  clearError: () => void;
}

/** Busy, delayed-progress and error state for one async action at a time. */
export function useTask(): TaskState {
  const [busy, setBusy] = React.useState(false);
  const [showProgress, setShowProgress] = React.useState(false);
  const [error, setError] = React.useState<TaskState["error"]>();
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = React.useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    const timer = setTimeout(() => mounted.current && setShowProgress(true), PROGRESS_DELAY_MS);
    try {
      return await action();
    } catch (e) {
      if (mounted.current) setError(describeError(e));
      return undefined;
    } finally {
      clearTimeout(timer);
      if (mounted.current) {
        setBusy(false);
        setShowProgress(false);
      }
    }
  }, []);

  const clearError = React.useCallback(() => setError(undefined), []);
  return { busy, showProgress, error, run, clearError };
}
