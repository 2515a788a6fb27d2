import * as React from "react";
import { makeStyles, Spinner, Tab, TabList, tokens } from "@fluentui/react-components";
import type { TabId, YardstickPort } from "./port";
import { TAB_IDS } from "./port";
import { PaneNav } from "./nav";
import { TAB_ALIASES, TABS } from "./tabs/registry";
import { useRibbonTab } from "./ribbon";

// Only hosts without add-in undo (before ExcelApi 1.20) need Revert and its dialog.
const RevertBar = React.lazy(() =>
  import(/* webpackChunkName: "revert" */ "./RevertBar").then((m) => ({ default: m.RevertBar })),
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: "280px",
    maxWidth: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // Microsoft's add-in guidance: touch targets of 44 px.
  tab: { minHeight: "44px" },
  panel: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

/** The tab named by `?tab=` in a URL query (the first pass's names too), or "start". */
export function tabFromSearch(search: string): TabId {
  const asked = new URLSearchParams(search).get("tab") ?? "";
  const tab = TAB_ALIASES[asked] ?? asked;
  return (TAB_IDS as readonly string[]).includes(tab) ? (tab as TabId) : "start";
}

export interface AppProps {
  port: YardstickPort;
  initialTab?: TabId;
}

/** The task pane: one tab per job, from the one registry, over one port. */
export function App({ port, initialTab = "start" }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabId>(initialTab);
  useRibbonTab(setTab);
  const { Component } = TABS[tab];
  return (
    <PaneNav.Provider value={setTab}>
      <div className={styles.root}>
        <TabList
          className={styles.tabs}
          // Five tabs fit a 320 px pane only with the small size's padding (each stays 44 px tall).
          size="small"
          selectedValue={tab}
          onTabSelect={(_, data) => setTab(data.value as TabId)}
          aria-label="Yardstick jobs"
        >
          {TAB_IDS.map((id) => (
            <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`panel-${id}`} className={styles.tab}>
              {TABS[id].label}
            </Tab>
          ))}
        </TabList>
        <div className={styles.panel} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          <React.Suspense fallback={<Spinner size="small" label="Loading…" />}>
            <Component port={port} />
          </React.Suspense>
        </div>
        {port.revertsOwnWrites ? (
          <React.Suspense fallback={null}>
            <RevertBar port={port} />
          </React.Suspense>
        ) : null}
      </div>
    </PaneNav.Provider>
  );
}
