import * as React from "react";
import type { TabId } from "./port";

/** Opens a tab of the pane: how an empty state or a "Next" step leads somewhere. */
export const PaneNav = React.createContext<(tab: TabId) => void>(() => undefined);

/** The pane's tab switcher, for any component inside App. */
export function usePaneNav(): (tab: TabId) => void {
  return React.useContext(PaneNav);
}
