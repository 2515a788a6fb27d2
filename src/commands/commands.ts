/**
 * Ribbon commands. The ribbon buttons open the task pane on their tab (ShowTaskpane with
 * taskpane.html?tab=...). A button declared as ExecuteFunction with one of the `show...` actions
 * below asks an open pane to switch tabs: the tab is written to localStorage, which the pane
 * (same origin) hears as a `storage` event (src/taskpane/ribbon.ts), and the pane is shown where
 * the host can (Office.addin.showAsTaskpane, SharedRuntime 1.1). In a shared runtime the pane
 * associates these actions itself and this file is not loaded.
 */

/** src/taskpane/ribbon.ts's RIBBON_TAB_KEY (commands may not import the pane). */
export const RIBBON_TAB_KEY = "yardstick.ribbonTab";

/** Completes a ribbon action; kept so a manifest ExecuteFunction button never hangs. */
export function noop(event: Office.AddinCommands.Event): void {
  event.completed();
}

/** The action for a ribbon button that selects `tab` in the pane. */
export function showTab(tab: string): (event: Office.AddinCommands.Event) => void {
  return (event) => {
    try {
      // A time stamp makes a second press on the same button an event too.
      localStorage.setItem(RIBBON_TAB_KEY, `${tab}@${Date.now()}`);
    } catch {
      // No storage (a JavaScript-only runtime): the button opens nothing new; nothing to undo.
    }
    const shown = Office.addin?.showAsTaskpane?.();
    if (shown) void shown.catch(() => undefined).then(() => event.completed());
    else event.completed();
  };
}

export const RIBBON_TABS = ["start", "targets", "review", "flags", "share"] as const;

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    Office.actions?.associate("noop", noop);
    for (const tab of RIBBON_TABS) {
      Office.actions?.associate(`show${tab[0].toUpperCase()}${tab.slice(1)}`, showTab(tab));
    }
  });
}
