/**
 * Ribbon commands. The ribbon buttons open the task pane directly (ShowTaskpane with
 * taskpane.html?tab=...), so this file only registers a no-op action the manifest may reference
 * and keeps the function file loadable outside Office.
 */

/** Completes a ribbon action; kept so a manifest ExecuteFunction button never hangs. */
export function noop(event: Office.AddinCommands.Event): void {
  event.completed();
}

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions?.associate("noop", noop);
  });
}
