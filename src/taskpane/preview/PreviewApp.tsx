import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../App";
import type { TabId } from "../port";
import { createPreview } from "./createPreview";
import { workerComputer } from "./workerComputer";
import { WorkbookView } from "./WorkbookView";

const useStyles = makeStyles({
  layout: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "flex-start" },
  pane: {
    width: "320px",
    flexShrink: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    // clip, not hidden: a scroll container would stop the action bar sticking to the viewport.
    overflow: "clip",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  book: { flexGrow: 1, flexBasis: "420px", minWidth: 0 },
});

/** The browser preview: the real pane (320 px) on an in-memory workbook shown beside it. */
export default function PreviewApp({ tab }: { tab: TabId }): React.JSX.Element {
  const styles = useStyles();
  const preview = React.useMemo(
    () => createPreview(typeof Worker === "undefined" ? undefined : workerComputer()),
    [],
  );
  return (
    <div className={styles.layout}>
      <div className={styles.pane} role="complementary" aria-label="Yardstick task pane (320 px)">
        <App port={preview.port} initialTab={tab} />
      </div>
      <div className={styles.book}>
        <WorkbookView workbook={preview.workbook} />
      </div>
    </div>
  );
}
