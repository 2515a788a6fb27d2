import * as React from "react";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { App } from "./App";
import type { TabId, YardstickPort } from "./port";
import { describeError } from "./port";
import { useOfficeTheme } from "./theme";

// Everything beyond the shell arrives on demand: the Excel wiring inside Office, the
// in-memory Excel (HyperFormula) only in a plain browser.
const PreviewApp = React.lazy(() => import(/* webpackChunkName: "preview" */ "./preview/PreviewApp"));

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  outside: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

export interface RootProps {
  /** The Office host name from Office.onReady, or null outside Office. */
  host: string | null;
  tab: TabId;
}

/** Inside Excel: the pane. Anywhere else: say so kindly, then offer the preview. */
export function Root({ host, tab }: RootProps): React.JSX.Element {
  const styles = useStyles();
  const theme = useOfficeTheme();
  return (
    // Style a child, not the provider: Fluent copies the provider's classes onto portal mount nodes.
    <FluentProvider theme={theme}>
      <div className={styles.page}>
        {host === "Excel" ? (
          <ExcelPane tab={tab} />
        ) : (
          <main className={styles.outside}>
            <h1 className={styles.title}>Yardstick</h1>
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Open this in Excel.</MessageBarTitle>
                {host ? `Yardstick runs in Excel, not ${host}. ` : "This page is not running inside Excel. "}
                Sideload the add-in (see the README), then choose Yardstick on the Home tab. Below is a
                preview on an in-memory workbook, so you can click through every job here.
              </MessageBarBody>
            </MessageBar>
            <React.Suspense fallback={<Spinner size="small" label="Loading the preview…" />}>
              <PreviewApp tab={tab} />
            </React.Suspense>
          </main>
        )}
      </div>
    </FluentProvider>
  );
}

function ExcelPane({ tab }: { tab: TabId }): React.JSX.Element {
  const [state, setState] = React.useState<{
    port?: YardstickPort;
    error?: { message: string; whatToDo: string };
  }>({});
  React.useEffect(() => {
    import(/* webpackChunkName: "excel" */ "./boot/excelPort")
      .then((m) => setState({ port: m.createExcelPort() }))
      .catch((e: unknown) => setState({ error: describeError(e) }));
  }, []);
  if (state.error) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{state.error.message}</MessageBarTitle> {state.error.whatToDo}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!state.port) return <Spinner size="small" label="Starting Yardstick…" />;
  return <App port={state.port} initialTab={tab} />;
}
