/**
 * Ribbon buttons that select a tab in a pane that is already open. Opening the pane on a tab is
 * the manifest's job (ShowTaskpane with taskpane.html?tab=...); a second button press on the same
 * pane reloads nothing, so the pane also listens here:
 * - in a shared runtime (SharedRuntime 1.1: the ribbon's functions run in the pane's own runtime),
 *   the actions "showStart", "showTargets", ... are associated with a tab switch that also shows the pane;
 * - elsewhere, the function file (src/commands/commands.ts) writes the asked tab to localStorage
 *   and the pane, same origin, hears the `storage` event.
 * Where neither is available the button still opens the pane, on the tab it was opened with.
 */
import * as React from "react";
import type { TabId } from "./port";
import { TAB_IDS } from "./port";
import { TAB_ALIASES } from "./tabs/registry";

/** The localStorage key the ribbon's function file writes; src/commands/commands.ts uses the same. */
export const RIBBON_TAB_KEY = "yardstick.ribbonTab";

/** "showTargets" for "targets": the ribbon action that selects a tab. */
export function ribbonAction(tab: TabId): string {
  return `show${tab[0].toUpperCase()}${tab.slice(1)}`;
}

/** The tab a stored ribbon request names ("targets" or "targets@1733190000000"), if any. */
export function tabOfRequest(value: string | null): TabId | undefined {
  const asked = (value ?? "").split("@")[0];
  const tab = TAB_ALIASES[asked] ?? asked;
  return (TAB_IDS as readonly string[]).includes(tab) ? (tab as TabId) : undefined;
}

interface OfficeActions {
  associate(name: string, action: (event?: { completed(): void }) => void): void;
}

function officeGlobal():
  { actions?: OfficeActions; addin?: { showAsTaskpane?: () => Promise<void> } } | undefined {
  return (globalThis as unknown as { Office?: never }).Office;
}

/** Calls `select` when a ribbon button asks the open pane for a tab. */
export function useRibbonTab(select: (tab: TabId) => void): void {
  React.useEffect(() => {
    const onStorage = (e: StorageEvent): void => {
      if (e.key !== RIBBON_TAB_KEY) return;
      const tab = tabOfRequest(e.newValue);
      if (tab) select(tab);
    };
    window.addEventListener("storage", onStorage);
    try {
      const office = officeGlobal();
      for (const tab of TAB_IDS) {
        office?.actions?.associate(ribbonAction(tab), (event) => {
          select(tab);
          void office.addin?.showAsTaskpane?.().catch(() => undefined);
          event?.completed();
        });
      }
    } catch {
      // Office.actions outside a shared runtime may refuse: the storage channel remains.
    }
    return () => window.removeEventListener("storage", onStorage);
  }, [select]);
}
