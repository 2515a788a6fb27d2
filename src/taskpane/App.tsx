import * as React from "react";
import { makeStyles, Spinner, Tab, TabList, tokens } from "@fluentui/react-components";
import type { TabId, YardstickPort } from "./port";
import { TAB_IDS } from "./port";

// Each job's code loads when its tab is first opened, keeping the pane's first load small.
const StartTab = React.lazy(() => import(/* webpackChunkName: "tab-start" */ "./tabs/StartTab"));
const ProrateTab = React.lazy(() => import(/* webpackChunkName: "tab-prorate" */ "./tabs/ProrateTab"));
const CheckTab = React.lazy(() => import(/* webpackChunkName: "tab-check" */ "./tabs/CheckTab"));
const FlagsTab = React.lazy(() => import(/* webpackChunkName: "tab-flags" */ "./tabs/FlagsTab"));
// Only hosts without add-in undo (before ExcelApi 1.20) need Revert and its dialog.
const RevertBar = React.lazy(() =>
  import(/* webpackChunkName: "revert" */ "./RevertBar").then((m) => ({ default: m.RevertBar })),
);

const TAB_LABELS: Record<TabId, string> = {
  start: "Start",
  prorate: "Prorate",
  check: "Check",
  flags: "Flags",
};

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
  panel: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

/** The tab named by `?tab=` in a URL query, or "start". */
export function tabFromSearch(search: string): TabId {
  const tab = new URLSearchParams(search).get("tab");
  return (TAB_IDS as readonly string[]).includes(tab ?? "") ? (tab as TabId) : "start";
}

export interface AppProps {
  port: YardstickPort;
  initialTab?: TabId;
}

/** The task pane: four jobs as tabs over one port. */
export function App({ port, initialTab = "start" }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabId>(initialTab);
  return (
    <div className={styles.root}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabId)}
        aria-label="Yardstick jobs"
      >
        {TAB_IDS.map((id) => (
          <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`panel-${id}`}>
            {TAB_LABELS[id]}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <React.Suspense fallback={<Spinner size="small" label="Loading…" />}>
          {tab === "start" && <StartTab port={port} onDone={() => setTab("prorate")} />}
          {tab === "prorate" && <ProrateTab port={port} />}
          {tab === "check" && <CheckTab port={port} />}
          {tab === "flags" && <FlagsTab port={port} />}
        </React.Suspense>
      </div>
      {port.revertsOwnWrites ? (
        <React.Suspense fallback={null}>
          <RevertBar port={port} />
        </React.Suspense>
      ) : null}
    </div>
  );
}
